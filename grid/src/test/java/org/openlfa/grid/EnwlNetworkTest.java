package org.openlfa.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlfa.core.InputException;
import org.openlfa.core.testing.SharedData;

class EnwlNetworkTest {

    private static LvNetwork network22;

    @BeforeAll
    static void readOnce() {
        network22 = EnwlNetwork.builtInNetwork22();
    }

    @Test
    void network22Has184LoadsOnSixFeedersEachOnAPhase() {
        assertThat(network22.loads()).hasSize(184);
        assertThat(network22.feederNumbers()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(f -> network22.loadsOfFeeder(f).size()))
                .containsExactly(31, 13, 48, 26, 29, 37);
        assertThat(network22.loads()).allSatisfy(l -> assertThat(l.phase()).isBetween(1, 3));
        assertThat(network22.loads().stream().map(Load::phase).distinct()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void network22LineCountsPerFeeder() {
        assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(f -> network22.linesOfFeeder(f).size()))
                .containsExactly(686, 250, 950, 778, 618, 600);
        assertThat(network22.lines()).hasSize(686 + 250 + 950 + 778 + 618 + 600);
    }

    @Test
    void namesArePrefixedWithTheFeederAndFeederStartsShareTheLvBusbar() {
        Load first = network22.loads().get(0);
        assertThat(first.name()).isEqualTo("F1_LOAD1");
        assertThat(first.bus()).isEqualTo("F1_187");
        assertThat(first.phase()).isEqualTo(1);
        assertThat(first.feeder()).isEqualTo(1);
        assertThat(first.nominalPowerInKw()).isEqualTo(1.0);
        assertThat(first.powerFactor()).isEqualTo(0.95);
        assertThat(first.nominalVoltageInKv()).isEqualTo(0.23);
        assertThat(network22.loadsByBus().get("f1_187")).containsExactly(first);
        Line line1 = network22.lines().get(0);
        assertThat(line1.name()).isEqualTo("F1_LINE1");
        assertThat(line1.bus1()).isEqualTo(EnwlNetwork.LV_BUSBAR);
        assertThat(line1.bus2()).isEqualTo("F1_2");
        assertThat(line1.lengthInMeters()).isCloseTo(0.80362, within(1e-12));
        assertThat(network22.lines().stream().filter(l -> l.touches(EnwlNetwork.LV_BUSBAR)).map(Line::feeder)
                .distinct()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void oneTransformerOfTheAssumedRatingAt50Hertz() {
        assertThat(network22.baseFrequencyInHertz()).isEqualTo(50.0);
        assertThat(network22.transformers()).singleElement().satisfies(t -> {
            assertThat(t.ratingInKva()).isEqualTo(500.0);
            assertThat(t.primary().bus()).isEqualTo("SourceBus");
            assertThat(t.primary().connection()).isEqualTo(Transformer.Connection.DELTA);
            assertThat(t.primary().voltageInKv()).isEqualTo(11.0);
            assertThat(t.secondary().bus()).isEqualTo(EnwlNetwork.LV_BUSBAR);
            assertThat(t.secondary().voltageInKv()).isEqualTo(0.416);
            assertThat(t.xhlInPercent()).isEqualTo(1.0);
        });
        assertThat(network22.source().baseVoltageInKv()).isEqualTo(11.0);
        assertThat(network22.source().isc3InAmps()).hasValue(3000);
        assertThat(network22.source().isc1InAmps()).hasValue(2500);
        assertThat(EnwlNetwork.loadBuiltIn("network_22", 315).transformers().get(0).ratingInKva()).isEqualTo(315.0);
    }

    @Test
    void lineCodesParsedCaseInsensitively() {
        LineCode code = network22.lineCode("4C_.1").orElseThrow();
        assertThat(code.name()).isEqualTo("4c_.1");
        assertThat(code.r1InOhmPerKm()).isEqualTo(0.274);
        assertThat(code.x1InOhmPerKm()).isEqualTo(0.073);
        assertThat(code.r0InOhmPerKm()).isEqualTo(0.959);
        assertThat(code.x0InOhmPerKm()).isEqualTo(0.079);
        assertThat(code.phases()).isEqualTo(3);
        assertThat(network22.lineCodes().get("4C_95_sac_xc").r1InOhmPerKm()).isEqualTo(0.322);
        assertThat(network22.lines()).allSatisfy(l -> assertThat(network22.lineCode(l.lineCode())).isPresent());
    }

    @Test
    void network22IsRadialAndConnected() {
        network22.checkRadialConnected();
        assertThat(network22.unreachableBuses()).isEmpty();
        // 5 882 lines in a tree: one bus more than lines on the LV side, plus the MV source bus.
        assertThat(network22.busIds()).hasSize(network22.lines().size() + 2);
    }

    @Test
    void singleFeederAsTheFilesSayIt() {
        LvNetwork feeder = OpenDssReader.read(
                DssSource.classpath(EnwlNetwork.BUILT_IN_ROOT + "network_22/Feeder_2/Master.dss"));
        assertThat(feeder.name()).isEqualTo("ENWL");
        assertThat(feeder.baseFrequencyInHertz()).isEqualTo(60.0);
        assertThat(feeder.lines()).hasSize(250);
        assertThat(feeder.loads()).hasSize(13).allSatisfy(l -> assertThat(l.feeder()).isZero());
        assertThat(feeder.transformers().get(0).ratingInKva()).isEqualTo(800.0);
    }

    @Test
    void unknownBuiltInNetworkIsAnInputError() {
        assertThatThrownBy(() -> EnwlNetwork.loadBuiltIn("network_99", 500))
                .isInstanceOf(InputException.class).hasMessageContaining("network_99");
    }

    @Test
    void folderOnDiskGivesTheSameNetworkAsTheBuiltIn() {
        LvNetwork fromDisk = EnwlNetwork.load(SharedData.directory("enwl-lvns/networks/network_22"));
        assertThat(fromDisk.lines()).isEqualTo(network22.lines());
        assertThat(fromDisk.loads()).isEqualTo(network22.loads());
        assertThat(fromDisk.transformers()).isEqualTo(network22.transformers());
        assertThat(fromDisk.lineCodes()).isEqualTo(network22.lineCodes());
    }

    @Test
    void mixedCaseFolderNamesAreRead() {
        Path network8 = SharedData.directory("enwl-lvns/networks/Network_8");
        LvNetwork n8 = EnwlNetwork.load(network8);
        assertThat(n8.name()).isEqualTo("Network_8");
        assertThat(n8.feederNumbers()).isNotEmpty();
        assertThat(n8.loads()).allSatisfy(l -> assertThat(l.phase()).isBetween(1, 3));
        n8.checkRadialConnected();
    }

    @Test
    void folderWithoutFeedersIsAnInputError(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> EnwlNetwork.load(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("Feeder_");
    }
}
