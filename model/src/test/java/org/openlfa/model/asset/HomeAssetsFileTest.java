package org.openlfa.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openlfa.core.InputException;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;
import org.openlfa.model.profile.ProfileKind;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.ScenarioLoader;

class HomeAssetsFileTest {

    private static final String EXAMPLE = "home-devices.yaml";
    private static final String SOURCE = "my-home.yaml";

    @TempDir
    Path dir;

    @Test
    void theExampleParsesToItsHome() throws Exception {
        List<CyclePhase> washingCycle = ScenarioLoader.loadBuiltInCatalogue()
                .wetAppliance(WetApplianceType.WASHING_MACHINE).orElseThrow().cycle();

        HomeAssets home = HomeAssetsFile.read(exampleResource());

        assertThat(home).isEqualTo(new HomeAssets(12, 0,
                Optional.of(new PvSystem(4.0, 3)),
                // efficiency given; the state-of-charge window from the catalogue
                Optional.of(new Battery(10.0, 5.0, 0.9, 0.10, 1.00)),
                Optional.of(new ElectricVehicle(7, 7.0)),
                // power and set-point given; COP and the thermal model from the catalogue
                Optional.of(new HeatPump(2, 3.0, 2.8, 6.0, 5.0, 21.0, 0.5)),
                List.of(new WetAppliance(WetApplianceType.WASHING_MACHINE, washingCycle, 19 * 60, 240),
                        new WetAppliance(WetApplianceType.DISHWASHER,
                                List.of(new CyclePhase(30, 1.8), new CyclePhase(90, 0.05)), 21 * 60 + 30, 720)),
                true));
        assertThat(home.hasFlexibleAssets()).isTrue();
    }

    @Test
    void theDocsExampleIsTheTestedOne() throws Exception {
        // Surefire runs in the module folder; the docs are one level up.
        Path docs = Path.of("..", "docs", "examples", EXAMPLE);
        assumeThat(Files.isRegularFile(docs)).as("docs/examples/" + EXAMPLE + " beside the module").isTrue();
        assertThat(Files.readString(docs)).isEqualTo(Files.readString(exampleResource()));
    }

    @Test
    void onlyTheLoadProfileIsRequired() {
        HomeAssets home = HomeAssetsFile.parse("loadProfileIndex: 0\n", SOURCE);

        assertThat(home).isEqualTo(new HomeAssets(0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), true));
        assertThat(home.hasFlexibleAssets()).isFalse();
    }

    @Test
    void minutesClockTimesAndFlowStyleAreAccepted() {
        HomeAssets home = HomeAssetsFile.parse("""
                loadProfileIndex: 99
                loadShiftInMinutes: -30
                smart: false
                wetAppliances:
                  - {type: tumble_dryer, preferredStartMinute: 1200}
                  - {type: DISHWASHER, preferredStartMinute: "00:00", maxDelayInMinutes: 0}
                  - type: WASHING_MACHINE
                    preferredStartMinute: 19:00
                """, SOURCE);

        assertThat(home.loadProfileIndex()).isEqualTo(99);
        assertThat(home.loadShiftInMinutes()).isEqualTo(-30);
        assertThat(home.smart()).isFalse();
        assertThat(home.wetAppliances()).extracting(WetAppliance::type, WetAppliance::preferredStartMinute,
                        WetAppliance::maxDelayInMinutes)
                .containsExactly(tuple(WetApplianceType.TUMBLE_DRYER, 1200, 720),
                        tuple(WetApplianceType.DISHWASHER, 0, 0),
                        // unquoted works too: the parser keeps 19:00 as text, not as a YAML 1.1 base-60 number
                        tuple(WetApplianceType.WASHING_MACHINE, 19 * 60, 720));
    }

    @Test
    void profileIndicesAreBoundByTheGivenLibrary() {
        ProfileLibrary small = new ProfileLibrary() {
            @Override
            public int poolSize(ProfileKind kind) {
                return kind == ProfileKind.HOUSEHOLD_LOAD ? 5 : 100;
            }

            @Override
            public double[] dayInKw(ProfileKind kind, int index, Season season, TimeGrid grid) {
                throw new UnsupportedOperationException();
            }
        };

        assertThatThrownBy(() -> HomeAssetsFile.parse("loadProfileIndex: 5\n", SOURCE,
                ScenarioLoader.loadBuiltInCatalogue(), small))
                .isInstanceOf(InputException.class)
                .hasMessage(SOURCE + ":1: field 'loadProfileIndex': an index into the household load pool of 5"
                        + " profiles: a whole number from 0 to 4, got 5");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // unknown key, with the key it probably meant
                Arguments.of("""
                        loadProfileIndex: 1
                        battery:
                          capacityInKwh: 5.0
                          maxPowerInKw: 2.5
                          capacityKwh: 5.0
                        """, 5, "battery.capacityKwh", "unknown (did you mean 'capacityInKwh'?)"),
                Arguments.of("""
                        loadProfileIndex: 1
                        solar: {peakPowerInKwp: 3.0, profileIndex: 1}
                        """, 2, "solar", "one of the keys loadProfileIndex, loadShiftInMinutes, smart, pv"),
                // missing required keys
                Arguments.of("""
                        smart: true
                        """, 1, "loadProfileIndex", "the key 'loadProfileIndex' is required but missing"),
                Arguments.of("""
                        loadProfileIndex: 1
                        ev:
                          profileIndex: 4
                        """, 2, "ev.maxChargePowerInKw", "required under 'ev' but missing"),
                // out of range figures
                Arguments.of("""
                        loadProfileIndex: 1
                        battery:
                          capacityInKwh: -10.0
                          maxPowerInKw: 5.0
                        """, 3, "battery.capacityInKwh", "a value above 0, got -10.0"),
                Arguments.of("""
                        loadProfileIndex: 1
                        battery:
                          capacityInKwh: 10.0
                          maxPowerInKw: 5.0
                          minSocFraction: 1.0
                        """, 5, "battery.minSocFraction", "minSocFraction below maxSocFraction, got 1.0 and 1.0"),
                Arguments.of("""
                        loadProfileIndex: 1
                        loadShiftInMinutes: 45
                        """, 2, "loadShiftInMinutes", "a whole number from -30 to 30, got 45.0"),
                Arguments.of("""
                        loadProfileIndex: 1
                        heatPump:
                          profileIndex: 0
                          maxElectricPowerInKw: 3.0
                          copRatio: 0.28
                        """, 5, "heatPump.copRatio", "a coefficient of performance from 1 to 10, got 0.28"),
                // profile indices against the pool sizes
                Arguments.of("""
                        loadProfileIndex: 100
                        """, 1, "loadProfileIndex",
                        "an index into the household load pool of 100 profiles: a whole number from 0 to 99, got 100"),
                Arguments.of("""
                        loadProfileIndex: 1
                        pv:
                          peakPowerInKwp: 3.0
                          profileIndex: -1
                        """, 4, "pv.profileIndex", "PV pool of 100 profiles: a whole number from 0 to 99, got -1"),
                Arguments.of("""
                        loadProfileIndex: 1
                        heatPump:
                          profileIndex: 2.5
                          maxElectricPowerInKw: 3.0
                        """, 3, "heatPump.profileIndex", "heat pump pool of 100 profiles"),
                // clock times
                Arguments.of("""
                        loadProfileIndex: 1
                        wetAppliances:
                          - type: WASHING_MACHINE
                            preferredStartMinute: "25:00"
                        """, 4, "wetAppliances[0].preferredStartMinute",
                        "a minute of the day from 0 to 1439 (23:59), got 1500"),
                Arguments.of("""
                        loadProfileIndex: 1
                        wetAppliances:
                          - type: DISHWASHER
                            preferredStartMinute: "7pm"
                        """, 4, "wetAppliances[0].preferredStartMinute",
                        "a minute of the day: a number of minutes (e.g. 960) or a time \"HH:MM\", got '7pm'"),
                // wrong types
                Arguments.of("""
                        loadProfileIndex: twelve
                        """, 1, "loadProfileIndex", "a number, got 'twelve'"),
                Arguments.of("""
                        loadProfileIndex: 1
                        smart: sometimes
                        """, 2, "smart", "true or false"),
                Arguments.of("""
                        loadProfileIndex: 1
                        pv: 4.0
                        """, 2, "pv", "a map of 'key: value' lines"),
                Arguments.of("""
                        loadProfileIndex: 1
                        wetAppliances:
                          type: WASHING_MACHINE
                        """, 2, "wetAppliances", "a list"),
                Arguments.of("""
                        loadProfileIndex: 1
                        wetAppliances:
                          - type: FRIDGE
                            preferredStartMinute: "19:00"
                        """, 3, "wetAppliances[0].type",
                        "one of WASHING_MACHINE, DISHWASHER, TUMBLE_DRYER, got 'FRIDGE'"),
                Arguments.of("""
                        loadProfileIndex: 1
                        wetAppliances:
                          - type: DISHWASHER
                            preferredStartMinute: "19:00"
                            cycle:
                              - {durationInMinutes: 30, powerInKw: 1.5}
                              - {durationInMinutes: 0, powerInKw: 0.1}
                        """, 7, "wetAppliances[0].cycle[1].durationInMinutes",
                        "a whole number from 1 to 1440, got 0.0"),
                // malformed YAML
                Arguments.of("""
                        loadProfileIndex: 1
                        loadProfileIndex: 2
                        """, 2, "loadProfileIndex", "each key once"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void aWrongFieldIsReportedWithFileLineAndField(String yaml, int line, String field, String expected) {
        assertThatThrownBy(() -> HomeAssetsFile.parse(yaml, SOURCE))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.source()).isEqualTo(SOURCE);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(SOURCE + ":" + line + ": field '" + field + "': ")
                            .contains(expected);
                });
    }

    @Test
    void aFileOnDiskIsNamedInItsErrors() throws IOException {
        Path file = dir.resolve("home.yaml");
        Files.writeString(file, "loadProfileIndex: 1\nev: {profileIndex: 7, maxChargePowerInKw: 0}\n");

        assertThatThrownBy(() -> HomeAssetsFile.read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2: field 'ev.maxChargePowerInKw': a value above 0, got 0.0");
    }

    @Test
    void aMissingFileIsAnInputError() {
        Path missing = dir.resolve("nowhere.yaml");

        assertThatThrownBy(() -> HomeAssetsFile.read(missing))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(missing + ": field 'file': an existing device file");
    }

    private static Path exampleResource() throws URISyntaxException {
        return Path.of(HomeAssetsFileTest.class.getResource(EXAMPLE).toURI());
    }
}
