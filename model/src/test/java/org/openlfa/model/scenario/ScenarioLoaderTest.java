package org.openlfa.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openlfa.core.InputException;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;

class ScenarioLoaderTest {

    @TempDir
    Path dir;

    static Stream<Arguments> builtIns() {
        return Stream.of(
                Arguments.of("2020BAU-Low", 0.05, 0.005, 0.02, 0.01, 0.10),
                Arguments.of("2020BAU-Medium", 0.05, 0.005, 0.02, 0.01, 0.25),
                Arguments.of("2020BAU-High", 0.05, 0.005, 0.02, 0.01, 0.50),
                Arguments.of("2020Green-Low", 0.10, 0.02, 0.04, 0.02, 0.10),
                Arguments.of("2020Green-Medium", 0.10, 0.02, 0.04, 0.02, 0.25),
                Arguments.of("2020Green-High", 0.10, 0.02, 0.04, 0.02, 0.50),
                Arguments.of("2030BAU-Low", 0.15, 0.04, 0.20, 0.08, 0.10),
                Arguments.of("2030BAU-Medium", 0.15, 0.04, 0.20, 0.08, 0.25),
                Arguments.of("2030BAU-High", 0.15, 0.04, 0.20, 0.08, 0.50),
                Arguments.of("2030Green-Low", 0.30, 0.12, 0.40, 0.20, 0.10),
                Arguments.of("2030Green-Medium", 0.30, 0.12, 0.40, 0.20, 0.25),
                Arguments.of("2030Green-High", 0.30, 0.12, 0.40, 0.20, 0.50));
    }

    @Test
    void builtInNamesAreTheTwelveInOrder() {
        assertThat(ScenarioLoader.builtInNames()).containsExactly(
                "2020BAU-Low", "2020BAU-Medium", "2020BAU-High", "2020Green-Low", "2020Green-Medium",
                "2020Green-High", "2030BAU-Low", "2030BAU-Medium", "2030BAU-High", "2030Green-Low",
                "2030Green-Medium", "2030Green-High");
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void builtInLoadsWithItsPenetrations(String name, double pv, double battery, double ev, double hp, double smart) {
        Scenario s = ScenarioLoader.loadBuiltIn(name);

        assertThat(s.name()).isEqualTo(name);
        assertThat(s.horizonYear()).isEqualTo(name.startsWith("2020") ? 2020 : 2030);
        assertThat(s.pathway()).isEqualTo(name.contains("Green") ? Pathway.GREEN : Pathway.BAU);
        assertThat(s.smartLevel().name()).isEqualToIgnoringCase(name.substring(name.indexOf('-') + 1));
        assertThat(s.penetration()).isEqualTo(new AssetPenetration(pv, battery, ev, hp, smart));
        assertThat(s.localMarketRule())
                .isEqualTo(s.pathway() == Pathway.BAU ? LocalMarketRule.MID_MARKET_RATE : LocalMarketRule.BILL_SHARING);
        assertThat(s.sourceFile()).endsWith(name + ".yaml");
        assertThat(s.sourceOf("penetration.pvShare")).isNotBlank();
        assertThat(s.sourceOf("penetration.smartShare")).contains("assumption");
        String importPrice = s.importTariff() instanceof Tariff.Dynamic ? "importTariff.multiplier"
                : s.importTariff() instanceof Tariff.Flat ? "importTariff.priceInEurPerKwh"
                : "importTariff.bands[0].priceInEurPerKwh";
        assertThat(s.sourceOf(importPrice)).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void pricesHaveOneValuePerPtuAndImportIsAboveExportEverywhere(String name) {
        Scenario s = ScenarioLoader.loadBuiltIn(name);
        for (int ptuMinutes : new int[] {15, 30}) {
            TimeGrid grid = TimeGrid.ofMinutes(ptuMinutes);
            for (Season season : Season.values()) {
                double[] buy = s.importTariff().pricesInEurPerKwh(season, grid);
                double[] sell = s.exportTariff().pricesInEurPerKwh(season, grid);
                assertThat(buy).hasSize(grid.ptusPerDay());
                assertThat(sell).hasSize(grid.ptusPerDay());
                for (int ptu = 0; ptu < grid.ptusPerDay(); ptu++) {
                    assertThat(buy[ptu]).as("%s %s PTU %d", name, season, ptu).isGreaterThan(sell[ptu]);
                    assertThat(sell[ptu]).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void tariffShapesMatchTheirFiles() {
        TimeGrid quarter = TimeGrid.QUARTER_HOUR;
        assertThat(ScenarioLoader.loadBuiltIn("2020BAU-Low").importTariff().pricesInEurPerKwh(Season.SUMMER, quarter))
                .containsOnly(0.17);

        Tariff tou = ScenarioLoader.loadBuiltIn("2030BAU-Medium").importTariff();
        double[] touPrices = tou.pricesInEurPerKwh(Season.WINTER, quarter);
        assertThat(touPrices[quarter.ptuOfMinute(3 * 60)]).isEqualTo(0.12);
        assertThat(touPrices[quarter.ptuOfMinute(17 * 60)]).isEqualTo(0.32);
        assertThat(touPrices[quarter.ptuOfMinute(16 * 60) - 1]).isEqualTo(0.22);

        Tariff dynamic = ScenarioLoader.loadBuiltIn("2030Green-High").importTariff();
        assertThat(dynamic).isInstanceOf(Tariff.Dynamic.class);
        double[] quarterPrices = dynamic.pricesInEurPerKwh(Season.WINTER, quarter);
        double[] halfPrices = dynamic.pricesInEurPerKwh(Season.WINTER, TimeGrid.ofMinutes(30));
        // 17:00-18:00 winter: 2.2 * 95 EUR/MWh + 0.04 + 0.12 peak adder; every PTU of the hour has the hour's price.
        for (int m = 17 * 60; m < 18 * 60; m += 15) {
            assertThat(quarterPrices[quarter.ptuOfMinute(m)]).isCloseTo(2.2 * 0.095 + 0.04 + 0.12, within(1e-12));
        }
        assertThat(halfPrices[35]).isCloseTo(2.2 * 0.095 + 0.04 + 0.12, within(1e-12));
        // 03:00 winter, outside the peak: 2.2 * 42 EUR/MWh + 0.04.
        assertThat(quarterPrices[12]).isCloseTo(2.2 * 0.042 + 0.04, within(1e-12));
    }

    @Test
    void ptuThatStraddlesABandTakesTheTimeWeightedMean() {
        Tariff tou = Tariff.timeOfUse(new TouBand(0, 450, 0.10), new TouBand(450, 1440, 0.20));
        double[] hourly = tou.pricesInEurPerKwh(Season.WINTER, TimeGrid.ofMinutes(60));
        assertThat(hourly).hasSize(24);
        assertThat(hourly[7]).isCloseTo(0.15, within(1e-12));
        assertThat(hourly[8]).isEqualTo(0.20);
    }

    // ------------------------------------------------------------------------------------------- user files

    static final String SELF_CONTAINED = """
            name: MyScenario
            horizonYear: 2030
            pathway: GREEN
            smartLevel: MEDIUM
            penetration:
              pvShare: 0.4
              batteryShare: 0.1
              evShare: 0.3
              heatPumpShare: 0.2
              smartShare: 0.3
            importTariff:
              type: TIME_OF_USE
              bands:
                - fromMinute: "00:00"
                  toMinute: "07:00"
                  priceInEurPerKwh: 0.10
                - fromMinute: "07:00"
                  toMinute: 1440
                  priceInEurPerKwh: 0.25
            exportTariff:
              type: FLAT
              priceInEurPerKwh: 0.05
            localMarketRule: BILL_SHARING
            sources:
              penetration: "assumption: my own figures"
              importTariff: "my supplier's offer"
              exportTariff: "Smart Export Guarantee"
            """;

    @Test
    void selfContainedUserFileLoads() throws IOException {
        Path file = write("mine.yaml", SELF_CONTAINED);

        Scenario s = ScenarioLoader.load(file);

        assertThat(s.name()).isEqualTo("MyScenario");
        assertThat(s.penetration()).isEqualTo(new AssetPenetration(0.4, 0.1, 0.3, 0.2, 0.3));
        assertThat(s.importTariff()).isEqualTo(Tariff.timeOfUse(new TouBand(0, 420, 0.10), new TouBand(420, 1440, 0.25)));
        assertThat(s.exportTariff()).isEqualTo(Tariff.flat(0.05));
        assertThat(s.sourceFile()).isEqualTo(file.toString());
        assertThat(s.sources()).containsEntry("exportTariff", "Smart Export Guarantee");
    }

    @Test
    void userFileMayStartFromABuiltInPathwayAndOverrideIt() throws IOException {
        Path file = write("greener.yaml", """
                name: Greener
                basedOn: 2030Green
                smartLevel: HIGH
                penetration:
                  pvShare: 0.6
                  smartShare: 0.7
                sources:
                  penetration.pvShare: "assumption: a very sunny street"
                  penetration.smartShare: "assumption: an enthusiastic community"
                """);

        Scenario s = ScenarioLoader.load(file);

        assertThat(s.penetration()).isEqualTo(new AssetPenetration(0.6, 0.12, 0.40, 0.20, 0.7));
        assertThat(s.importTariff()).isInstanceOf(Tariff.Dynamic.class);
        assertThat(s.sourceOf("penetration.pvShare")).isEqualTo("assumption: a very sunny street");
        assertThat(s.sourceOf("penetration.evShare")).contains("2030 Green");
    }

    @Test
    void aPathwayFileBesideTheUserFileWinsOverTheBuiltIn() throws IOException {
        Files.createDirectories(dir.resolve("pathways"));
        write("pathways/2030Green.yaml", SELF_CONTAINED.replace("name: MyScenario\n", "")
                .replace("pvShare: 0.4", "pvShare: 0.45"));
        Path file = write("local.yaml", "name: Local\nbasedOn: 2030Green\nsources: {}\n");

        assertThat(ScenarioLoader.load(file).penetration().pvShare()).isEqualTo(0.45);
    }

    static Stream<Arguments> badScenarios() {
        return Stream.of(
                Arguments.of("unknown key", "penetration:\n", "penetraton:\n", "penetraton", "penetraton:"),
                Arguments.of("missing key", "  evShare: 0.3\n", "", "penetration.evShare", "penetration:"),
                Arguments.of("share above 1", "pvShare: 0.4", "pvShare: 1.4", "penetration.pvShare", "pvShare"),
                Arguments.of("negative share", "smartShare: 0.3", "smartShare: -0.1", "penetration.smartShare",
                        "smartShare"),
                Arguments.of("negative price", "priceInEurPerKwh: 0.05", "priceInEurPerKwh: -0.05",
                        "exportTariff.priceInEurPerKwh", "priceInEurPerKwh: -0.05"),
                Arguments.of("band gap", "- fromMinute: \"07:00\"", "- fromMinute: \"08:00\"",
                        "importTariff.bands[1].fromMinute", "fromMinute: \"08:00\""),
                Arguments.of("band overlap", "- fromMinute: \"07:00\"", "- fromMinute: \"06:00\"",
                        "importTariff.bands[1].fromMinute", "fromMinute: \"06:00\""),
                Arguments.of("bands end early", "toMinute: 1440", "toMinute: 1400",
                        "importTariff.bands[1].toMinute", "toMinute: 1400"),
                Arguments.of("no source", "  exportTariff: \"Smart Export Guarantee\"\n", "",
                        "exportTariff.priceInEurPerKwh", "priceInEurPerKwh: 0.05"),
                Arguments.of("import not above export", "priceInEurPerKwh: 0.05", "priceInEurPerKwh: 0.12",
                        "importTariff", "importTariff:"),
                Arguments.of("duplicate key", "  batteryShare: 0.1\n", "  batteryShare: 0.1\n  pvShare: 0.5\n",
                        "penetration.pvShare", "pvShare: 0.5"),
                Arguments.of("unknown enum", "smartLevel: MEDIUM", "smartLevel: SUPER", "smartLevel",
                        "smartLevel"),
                Arguments.of("unknown base", "name: MyScenario\n", "name: MyScenario\nbasedOn: 2040X\n",
                        "basedOn", "basedOn"),
                Arguments.of("text for a number", "evShare: 0.3", "evShare: lots", "penetration.evShare",
                        "evShare"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void badUserFileNamesFileLineAndField(String label, String from, String to, String field, String lineMarker)
            throws IOException {
        assertThat(SELF_CONTAINED).contains(from);
        String yaml = SELF_CONTAINED.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        Path file = write("bad.yaml", yaml);
        int line = lineOf(yaml, lineMarker);

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":" + line + ": field '" + field + "'")
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.line()).isEqualTo(line);
                    assertThat(ie.field()).isEqualTo(field);
                });
    }

    @Test
    void importNotAboveExportSaysWhere() throws IOException {
        Path file = write("cheap.yaml", SELF_CONTAINED.replace("priceInEurPerKwh: 0.05", "priceInEurPerKwh: 0.12"));
        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .hasMessageContaining("WINTER at 00:00").hasMessageContaining("import");
    }

    @Test
    void wrongNumberOfHourlyPricesIsRejected() throws IOException {
        String dynamic = """
                importTariff:
                  type: DYNAMIC
                  hourlyWholesaleInEurPerMwh:
                    WINTER: [%s]
                    SPRING: [%s]
                    SUMMER: [%s]
                    AUTUMN: [%s]
                  multiplier: 2.0
                  adderInEurPerKwh: 0.1
                exportTariff:
                """.formatted(hours(24), hours(24), hours(23), hours(24));
        String yaml = SELF_CONTAINED.replaceAll("(?s)importTariff:\n.*?exportTariff:\n", dynamic);
        Path file = write("hours.yaml", yaml);

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":" + lineOf(yaml, "SUMMER")
                        + ": field 'importTariff.hourlyWholesaleInEurPerMwh.SUMMER'")
                .hasMessageContaining("exactly 24 values, got 23");

        // With 24 values everywhere the same file loads.
        Path good = write("hours-ok.yaml", yaml.replace("SUMMER: [" + hours(23), "SUMMER: [" + hours(24)));
        assertThat(ScenarioLoader.load(good).importTariff().pricesInEurPerKwh(Season.SUMMER, TimeGrid.QUARTER_HOUR))
                .hasSize(96);
    }

    @Test
    void malformedYamlReportsTheParsersLine() throws IOException {
        Path file = write("broken.yaml", SELF_CONTAINED.replace("pathway: GREEN", "pathway: GREEN: BAU"));
        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":3")
                .hasMessageContaining("well-formed YAML");
    }

    @Test
    void unknownBuiltInNameListsTheValidNames() {
        assertThatThrownBy(() -> ScenarioLoader.loadBuiltIn("2040X"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("2040X")
                .hasMessageContaining("field 'scenario'")
                .hasMessageContaining("2020BAU-Low")
                .hasMessageContaining("2030Green-High");
    }

    @Test
    void missingFileIsAnInputError() {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(InputException.class).hasMessageContaining("nope.yaml");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** 1-based line of the first line containing the marker. */
    static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }

    private static String hours(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "40"));
    }
}
