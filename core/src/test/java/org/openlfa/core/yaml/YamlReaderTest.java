package org.openlfa.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openlfa.core.yaml.YamlReader.allowOnly;
import static org.openlfa.core.yaml.YamlReader.bool;
import static org.openlfa.core.yaml.YamlReader.clock;
import static org.openlfa.core.yaml.YamlReader.enumValue;
import static org.openlfa.core.yaml.YamlReader.errorAt;
import static org.openlfa.core.yaml.YamlReader.fieldPath;
import static org.openlfa.core.yaml.YamlReader.itemMap;
import static org.openlfa.core.yaml.YamlReader.list;
import static org.openlfa.core.yaml.YamlReader.map;
import static org.openlfa.core.yaml.YamlReader.require;
import static org.openlfa.core.yaml.YamlReader.text;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openlfa.core.InputException;
import org.openlfa.core.yaml.YamlTree.MapNode;
import org.openlfa.core.yaml.YamlTree.ScalarNode;

class YamlReaderTest {

    private static final String FILE = "test.yaml";

    /** Line numbers matter: each test's errors are asserted against them. */
    private static final String DOC = """
            name: "  Street 12  "
            kind: fast
            enabled: TRUE
            prices:
              priceInEurPerKwh: 0.25
              multiplier: 2
              shareOfHomes: 0.4
              count: 12
              fromMinute: "07:30"
              toMinute: 1440
              hourly: [1, 2, 3, 4]
            bands:
              - {priceInEurPerKwh: 0.1}
              - priceInEurPerKwh: 0.2
            sources:
              prices: "assumption: round figures"
              prices.priceInEurPerKwh: >-
                Ofgem price cap,
                   Q1 2024
              bands: "a tariff sheet"
            """;

    private enum Kind { SLOW, FAST }

    private static MapNode parse(String yaml) {
        return YamlTree.parse(FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------------------------------- happy paths

    @Test
    void readsTheStructureOfADocument() {
        MapNode root = parse(DOC);

        assertThat(text(root, "", "name")).isEqualTo("Street 12");
        assertThat(enumValue(root, "", "kind", Kind.class)).isEqualTo(Kind.FAST);
        assertThat(bool(root, "", "enabled", false)).isTrue();
        assertThat(bool(root, "", "missing", true)).isTrue();
        assertThat(map(root, "", "prices").entries()).containsKey("multiplier");
        assertThat(list(root, "", "bands").items()).hasSize(2);
        assertThat(itemMap(list(root, "", "bands").items().get(1), "bands[1]").line()).isEqualTo(14);
        assertThat(require(root, "", "kind")).isInstanceOf(ScalarNode.class);
        assertThat(fieldPath("", "a")).isEqualTo("a");
        assertThat(fieldPath("a.b", "c")).isEqualTo("a.b.c");
        assertThat(clock(7 * 60 + 5)).isEqualTo("07:05");
        allowOnly(root, "", List.of("name", "kind", "enabled", "prices", "bands", "sources"));
    }

    @Test
    void readsSourcedFiguresAndRecordsEachWithUnitAndSource() {
        MapNode root = parse(DOC);
        YamlReader r = YamlReader.withSources(root);
        MapNode prices = map(root, "", "prices");

        assertThat(r.number(prices, "prices", "priceInEurPerKwh", "EUR/kWh")).isEqualTo(0.25);
        assertThat(r.nonNegative(prices, "prices", "multiplier", "factor")).isEqualTo(2);
        assertThat(r.positive(prices, "prices", "multiplier", "factor")).isEqualTo(2);
        assertThat(r.share(prices, "prices", "shareOfHomes")).isEqualTo(0.4);
        assertThat(r.wholeNumber(prices, "prices", "count", 0, 100, "homes")).isEqualTo(12);
        assertThat(r.minuteOfDay(prices, "prices", "fromMinute", 1439)).isEqualTo(450);
        assertThat(r.minuteOfDay(prices, "prices", "toMinute", 1440)).isEqualTo(1440);
        assertThat(r.numbers(prices, "prices", "hourly", 4, "EUR/MWh")).containsExactly(1, 2, 3, 4);
        MapNode band = itemMap(list(root, "", "bands").items().get(0), "bands[0]");
        assertThat(r.nonNegative(band, "bands[0]", "priceInEurPerKwh", "EUR/kWh")).isEqualTo(0.1);

        assertThat(r.sources()).containsEntry("prices.priceInEurPerKwh", "Ofgem price cap, Q1 2024");
        assertThat(r.figures()).first().isEqualTo(new Figure("prices.priceInEurPerKwh", 0.25, "EUR/kWh",
                "Ofgem price cap, Q1 2024", FILE));
        assertThat(r.figures()).extracting(Figure::field).containsExactly("prices.priceInEurPerKwh",
                "prices.multiplier", "prices.multiplier", "prices.shareOfHomes", "prices.count", "prices.fromMinute",
                "prices.toMinute", "prices.hourly (mean of 4)", "bands[0].priceInEurPerKwh");
        assertThat(r.figures().get(3).unit()).isEqualTo("share");
        assertThat(r.figures().get(5).unit()).isEqualTo("minute");
        assertThat(r.figures().get(7).value()).isEqualTo(2.5);
        assertThat(r.figures().get(1).source()).isEqualTo("assumption: round figures");
        assertThat(r.figures().get(1).isAssumption()).isTrue();
        assertThat(r.figures().get(8).source()).isEqualTo("a tariff sheet");
        assertThat(r.figures().get(8).isAssumption()).isFalse();
        r.requireSourcesNameFields();
    }

    @Test
    void aFileWithOneSourceNeedsNoSourcesMap() {
        MapNode root = parse("peakPowerInKwp: 4.0\n");
        YamlReader r = YamlReader.withOneSource(root, "the owner's file");

        assertThat(r.positive(root, "", "peakPowerInKwp", "kWp")).isEqualTo(4.0);
        assertThat(r.figures()).containsExactly(new Figure("peakPowerInKwp", 4.0, "kWp", "the owner's file", FILE));
        assertThat(r.sources()).isEmpty();
        r.requireSourcesNameFields();
    }

    @Test
    void theClassExampleWorksAsWritten() {
        String costs = "platform:\n  capexInEurPerLvg: 2500\nsources:\n  platform: \"assumption: vendor quote 2024\"\n";
        MapNode root = YamlTree.parse("costs.yaml", new ByteArrayInputStream(costs.getBytes(StandardCharsets.UTF_8)));
        YamlReader r = YamlReader.withSources(root);
        allowOnly(root, "", List.of("platform", "sources"));
        MapNode platform = map(root, "", "platform");

        assertThat(r.nonNegative(platform, "platform", "capexInEurPerLvg", "EUR/LVG")).isEqualTo(2500);
        r.requireSourcesNameFields();
        assertThat(r.figures()).containsExactly(new Figure("platform.capexInEurPerLvg", 2500, "EUR/LVG",
                "assumption: vendor quote 2024", "costs.yaml"));
        MapNode negative = YamlTree.parse("costs.yaml", new ByteArrayInputStream(costs.replace("2500", "-2500")
                .getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> YamlReader.withSources(negative).nonNegative(map(negative, "", "platform"),
                "platform", "capexInEurPerLvg", "EUR/LVG")).hasMessage("costs.yaml:2: field"
                + " 'platform.capexInEurPerLvg': a value of 0 or more, got -2500.0");
    }

    // ------------------------------------------------------------------------------------------- errors

    static Stream<Arguments> badValues() {
        return Stream.<Arguments>of(
                bad("missing key", r -> text(r.root(), "", "title"), 1, "title", "the key 'title' is required"),
                bad("missing key under a map", r -> r.number(map(r.root(), "", "prices"), "prices", "adder", "EUR"),
                        4, "prices.adder", "is required under 'prices' but missing"),
                bad("empty key", r -> text(parse("a: 1\nempty: ~\n"), "", "empty"), 2, "empty", "the key is empty"),
                bad("map expected", r -> map(r.root(), "", "kind"), 2, "kind", "a map of 'key: value' lines"),
                bad("list expected", r -> list(r.root(), "", "prices"), 4, "prices", "a list"),
                bad("list item map expected", r -> itemMap(list(parse("l:\n  - 3\n"), "", "l").items().get(0),
                        "l[0]"), 2, "l[0]", "a map of 'key: value' lines"),
                bad("text expected", r -> text(r.root(), "", "prices"), 4, "prices", "a single text value"),
                bad("blank text", r -> text(parse("a: 1\nname: \"  \"\n"), "", "name"), 2, "name", "blank"),
                bad("boolean expected", r -> bool(r.root(), "", "kind", false), 2, "kind", "true or false"),
                bad("unknown constant", r -> enumValue(r.root(), "", "name", Kind.class), 1, "name",
                        "one of SLOW, FAST, got 'Street 12'"),
                bad("unknown key", r -> allowOnly(map(r.root(), "", "prices"), "prices",
                        List.of("priceInEurPerKwh", "multiplier", "shareOfHomes", "count", "fromMinute", "hourly")),
                        10, "prices.toMinute", "one of the keys priceInEurPerKwh, multiplier"),
                bad("unknown key, a typo", r -> allowOnly(r.root(), "", List.of("names")), 1, "name",
                        "this key is unknown (did you mean 'names'?)"),
                bad("number expected", r -> r.number(r.root(), "", "kind", "x"), 2, "kind", "a number, got 'fast'"),
                bad("number, not a map", r -> r.number(r.root(), "", "prices", "x"), 4, "prices",
                        "a number, got a map or list"),
                bad("negative", own("sources: {p: s}\np: -1\n", d -> d.nonNegative(d.root(), "", "p", "EUR")),
                        2, "p", "a value of 0 or more, got -1.0"),
                bad("zero", own("sources: {p: s}\np: 0\n", d -> d.positive(d.root(), "", "p", "EUR")), 2, "p",
                        "a value above 0, got 0.0"),
                bad("share above 1", r -> r.share(map(r.root(), "", "prices"), "prices", "multiplier"), 6,
                        "prices.multiplier", "a share between 0 and 1, got 2.0"),
                bad("whole number out of range", r -> r.wholeNumber(map(r.root(), "", "prices"), "prices", "count",
                        0, 10, "homes"), 8, "prices.count", "a whole number from 0 to 10, got 12.0"),
                bad("whole number with a fraction", r -> r.wholeNumber(map(r.root(), "", "prices"), "prices",
                        "shareOfHomes", 0, 10, "homes"), 7, "prices.shareOfHomes", "a whole number from 0 to 10"),
                bad("minute past the end", r -> r.minuteOfDay(map(r.root(), "", "prices"), "prices", "toMinute",
                        1439), 10, "prices.toMinute", "a minute of the day from 0 to 1439 (23:59), got 1440"),
                bad("minute not a time", r -> r.minuteOfDay(map(r.root(), "", "prices"), "prices",
                        "priceInEurPerKwh", 1439), 5, "prices.priceInEurPerKwh", "a whole number of minutes, got 0.25"),
                bad("clock time malformed", own("sources: {t: s}\nt: \"7:75\"\n",
                        d -> d.minuteOfDay(d.root(), "", "t", 1439)), 2, "t",
                        "a minute of the day: a number of minutes (e.g. 960) or a time \"HH:MM\", got '7:75'"),
                bad("list of the wrong size", r -> r.numbers(map(r.root(), "", "prices"), "prices", "hourly", 24,
                        "EUR/MWh"), 11, "prices.hourly", "exactly 24 values, got 4"),
                bad("list item not a number", own("sources: {l: s}\nl:\n  - 1\n  - x\n",
                        d -> d.numbers(d.root(), "", "l", 2, "EUR")), 4, "l[1]", "a number, got 'x'"),
                bad("error at a key", r -> { throw errorAt(map(r.root(), "", "prices"), "prices", "count", "less"); },
                        8, "prices.count", "less"),
                bad("error at a key that is not there", r -> {
                    throw errorAt(map(r.root(), "", "prices"), "prices", "absent", "a value");
                }, 4, "prices.absent", "a value"));
    }

    /** Reads a document of its own instead of {@link #DOC}. */
    private static Consumer<YamlReader> own(String yaml, Consumer<YamlReader> read) {
        return ignored -> read.accept(YamlReader.withSources(parse(yaml)));
    }

    private static Arguments bad(String label, Consumer<YamlReader> read, int line, String field, String expected) {
        return Arguments.of(label, read, line, field, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void everyBadValueNamesFileLineAndField(String label, Consumer<YamlReader> read, int line, String field,
                                            String expected) {
        YamlReader r = YamlReader.withSources(parse(DOC));
        assertThatThrownBy(() -> read.accept(r)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.source()).isEqualTo(FILE);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(FILE + ":" + line + ": field '" + field + "': ").contains(expected);
        });
    }

    // ------------------------------------------------------------------------------------------- sources

    @Test
    void aFigureWithoutASourceIsRejectedAtItsLine() {
        MapNode root = parse("a:\n  b: 1\n  c: [1, 2]\nsources:\n  x: \"assumption: nothing\"\n");
        YamlReader r = YamlReader.withSources(root);
        MapNode a = map(root, "", "a");

        assertThatThrownBy(() -> r.number(a, "a", "b", "EUR")).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("a.b");
            assertThat(e.getMessage()).contains("a source for this figure: add 'sources: {a.b: \"...\"}'")
                    .contains("assumption: ...");
        });
        assertThatThrownBy(() -> r.numbers(a, "a", "c", 2, "EUR")).isInstanceOfSatisfying(InputException.class,
                e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("a.c");
                    assertThat(e.getMessage()).contains("a source for these figures");
                });
        assertThat(r.figures()).isEmpty();
    }

    @Test
    void aSourceCoversItsFieldAndEveryFieldUnderItIgnoringListIndices() {
        MapNode root = parse("""
                t:
                  bands:
                    - {p: 1}
                    - {p: 2}
                  other: 3
                sources:
                  t.bands.p: "a tariff sheet"
                  t: "assumption: the rest"
                """);
        YamlReader r = YamlReader.withSources(root);
        MapNode t = map(root, "", "t");
        MapNode band = itemMap(list(t, "t", "bands").items().get(1), "t.bands[1]");

        r.number(band, "t.bands[1]", "p", "EUR");
        r.number(t, "t", "other", "EUR");

        assertThat(r.figures()).extracting(Figure::source).containsExactly("a tariff sheet", "assumption: the rest");
        r.requireSourcesNameFields();
    }

    @Test
    void theSourcesMapIsRequiredAndEachEntryMustNameASource() {
        assertThatThrownBy(() -> YamlReader.withSources(parse("a: 1\n")))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("sources");
                    assertThat(e.getMessage()).startsWith(FILE + ":1: field 'sources': a 'sources:' map");
                });
        assertThatThrownBy(() -> YamlReader.withSources(parse("a: 1\nsources: [x]\n")))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("sources");
                });
        assertThatThrownBy(() -> YamlReader.withSources(parse("a: 1\nsources:\n  a: \"\"\n")))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("sources.a");
                    assertThat(e.getMessage()).contains("a non-empty text naming the source");
                });
    }

    @Test
    void aSourceForAFieldThatDoesNotExistIsRejected() {
        YamlReader r = YamlReader.withSources(parse("a:\n  b: 1\nsources:\n  a.b: s\n  a.bb: typo\n"));

        assertThatThrownBy(r::requireSourcesNameFields).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.field()).isEqualTo("sources.a.bb");
            assertThat(e.getMessage()).contains("'a.bb' names no field");
        });
    }
}
