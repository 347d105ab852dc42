package org.openlfa.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.InputException;
import org.openlfa.model.asset.HeatPump;
import org.openlfa.model.asset.WetApplianceType;

class AssetCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void builtInCatalogueHasTheDocumentedFigures() {
        AssetCatalogue c = ScenarioLoader.loadBuiltInCatalogue();

        assertThat(c.pv()).isEqualTo(new PvRange(2.5, 4.0));
        assertThat(c.battery().capacityInKwh()).isEqualTo(5.0);
        assertThat(c.battery().maxPowerInKw()).isEqualTo(2.5);
        assertThat(c.battery().roundTripEfficiency()).isEqualTo(0.90);
        assertThat(c.battery().minSocFraction()).isEqualTo(0.10);
        assertThat(c.evChargerPowerInKw()).isEqualTo(7.0);
        HeatPump hp = c.heatPump().toHeatPump(3);
        assertThat(hp.copRatio()).isEqualTo(2.8);
        assertThat(hp.comfortToleranceInKelvin()).isEqualTo(0.5);
        assertThat(c.wetAppliances()).extracting(WetApplianceSpec::type)
                .containsExactly(WetApplianceType.WASHING_MACHINE, WetApplianceType.DISHWASHER,
                        WetApplianceType.TUMBLE_DRYER);
        WetApplianceSpec washer = c.wetAppliance(WetApplianceType.WASHING_MACHINE).orElseThrow();
        assertThat(washer.ownershipShare()).isEqualTo(0.97);
        assertThat(washer.cycleEnergyInKwh()).isCloseTo(1.0, within(0.1));
        assertThat(washer.cycleDurationInMinutes()).isEqualTo(120);
        assertThat(washer.preferredStartEarliestMinute()).isEqualTo(17 * 60);
        assertThat(washer.preferredStartLatestMinute()).isEqualTo(21 * 60);
        assertThat(c.wetAppliance(WetApplianceType.DISHWASHER).orElseThrow().cycleEnergyInKwh())
                .isCloseTo(1.1, within(0.1));
        assertThat(c.wetAppliance(WetApplianceType.TUMBLE_DRYER).orElseThrow().cycleEnergyInKwh())
                .isCloseTo(2.5, within(0.1));
        assertThat(washer.toWetAppliance(18 * 60).maxDelayInMinutes()).isEqualTo(720);
        assertThat(c.sourceOf("battery.roundTripEfficiency")).contains("Powerwall");
        assertThat(c.sourceOf("wetAppliances[1].cycle[2].powerInKw")).contains("Stamminger");
    }

    @Test
    void copyOfBuiltInLoadsFromAFile() throws IOException {
        Path file = write("assets.yaml", builtInText());
        assertThat(ScenarioLoader.loadCatalogue(file).battery())
                .isEqualTo(ScenarioLoader.loadBuiltInCatalogue().battery());
    }

    @Test
    void unknownKeyInCatalogue() throws IOException {
        String yaml = builtInText().replace("  copRatio: 2.8", "  copRaito: 2.8");
        Path file = write("a.yaml", yaml);
        assertThatThrownBy(() -> ScenarioLoader.loadCatalogue(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":" + ScenarioLoaderTest.lineOf(yaml, "copRaito")
                        + ": field 'heatPump.copRaito'");
    }

    @Test
    void negativeCapacityInCatalogue() throws IOException {
        String yaml = builtInText().replace("capacityInKwh: 5.0", "capacityInKwh: -5.0");
        Path file = write("a.yaml", yaml);
        assertThatThrownBy(() -> ScenarioLoader.loadCatalogue(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":" + ScenarioLoaderTest.lineOf(yaml, "capacityInKwh")
                        + ": field 'battery.capacityInKwh'");
    }

    @Test
    void figureWithoutSourceInCatalogue() throws IOException {
        String yaml = builtInText().replaceAll("(?m)^  evChargerPowerInKw: .*\\n(    .*\\n)*", "");
        Path file = write("a.yaml", yaml);
        assertThatThrownBy(() -> ScenarioLoader.loadCatalogue(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":" + ScenarioLoaderTest.lineOf(yaml, "evChargerPowerInKw: 7")
                        + ": field 'evChargerPowerInKw'")
                .hasMessageContaining("source");
    }

    @Test
    void ownershipShareOutsideZeroOne() throws IOException {
        String yaml = builtInText().replace("ownershipShare: 0.50", "ownershipShare: 50");
        Path file = write("a.yaml", yaml);
        assertThatThrownBy(() -> ScenarioLoader.loadCatalogue(file))
                .hasMessageContaining(file + ":" + ScenarioLoaderTest.lineOf(yaml, "ownershipShare: 50")
                        + ": field 'wetAppliances[1].ownershipShare'");
    }

    private static String builtInText() throws IOException {
        try (InputStream in = AssetCatalogueTest.class.getResourceAsStream("assets.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
