package org.openlfa.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openlfa.core.yaml.YamlTreeTest.parse;

import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.openlfa.core.InputException;
import org.openlfa.core.Season;
import org.openlfa.core.yaml.YamlTree.MapNode;

/** Typed reads: every error names the file, the line and the key path, and every figure needs a source. */
class FieldReaderTest {

    private static final String DOC = """
            name: demo
            penetration:
              pvShare: 0.3
              tooMuch: 1.4
              homes: 12.5
              word: lots
              nested:
                a: 1
            window:
              start: "16:00"
              end: 1200
              bad: "16:75"
              late: "25:00"
            season: winter
            flag: maybe
            list: [1, 2, 3]
            unsourced: 5
            sources:
              penetration: "FES 2021"
              window: "assumption: evening peak"
              list: "assumption: three"
            """;

    private static MapNode root() {
        return parse(DOC);
    }

    private static FieldReader reader() {
        return FieldReader.of(root());
    }

    private static MapNode penetration() {
        return FieldReader.map(root(), "", "penetration");
    }

    /** The thrown InputException, checked for file, line and field in its accessors and in its message. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertInputError(Runnable read, int line,
            String field) {
        return assertThatThrownBy(read::run).isInstanceOf(InputException.class)
                .hasMessageStartingWith("study.yaml:" + line + ": field '" + field + "': ")
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.source()).isEqualTo("study.yaml");
                    assertThat(ie.line()).isEqualTo(line);
                    assertThat(ie.field()).isEqualTo(field);
                });
    }

    @Test
    void readsSourcedNumbersTextsEnumsAndLists() {
        FieldReader r = reader();
        assertThat(r.share(penetration(), "penetration", "pvShare")).isEqualTo(0.3);
        assertThat(r.number(penetration(), "penetration", "missing", 7.0)).isEqualTo(7.0);
        assertThat(FieldReader.text(root(), "", "name")).isEqualTo("demo");
        assertThat(FieldReader.enumValue(root(), "", "season", Season.class)).isEqualTo(Season.WINTER);
        assertThat(FieldReader.bool(root(), "", "absent", true)).isTrue();
        assertThat(r.numbers(root(), "", "list", 3)).isEqualTo(List.of(1.0, 2.0, 3.0));
        assertThat(r.sources()).containsEntry("penetration", "FES 2021");
    }

    @Test
    void aMissingKeyNamesItsPathAndTheMapItBelongsIn() {
        assertInputError(() -> reader().number(penetration(), "penetration", "evShare"), 2, "penetration.evShare")
                .hasMessageContaining("'evShare' is required under 'penetration' but missing");
        assertInputError(() -> FieldReader.text(root(), "", "title"), 1, "title")
                .hasMessageContaining("required");
    }

    @Test
    void aWrongTypeNamesTheLineOfTheValue() {
        assertInputError(() -> reader().number(penetration(), "penetration", "word"), 6, "penetration.word")
                .hasMessageContaining("a number, got 'lots'");
        assertInputError(() -> reader().number(penetration(), "penetration", "nested"), 7, "penetration.nested")
                .hasMessageContaining("a map or list");
        assertInputError(() -> FieldReader.text(penetration(), "penetration", "nested"), 7, "penetration.nested")
                .hasMessageContaining("a single value");
        assertInputError(() -> FieldReader.map(root(), "", "name"), 1, "name").hasMessageContaining("a map");
        assertInputError(() -> FieldReader.list(root(), "", "name"), 1, "name").hasMessageContaining("a list");
        assertInputError(() -> FieldReader.bool(root(), "", "flag", false), 15, "flag")
                .hasMessageContaining("true or false");
        assertInputError(() -> FieldReader.enumValue(root(), "", "name", Season.class), 1, "name")
                .hasMessageContaining("one of WINTER, SPRING, SUMMER, AUTUMN, got 'demo'");
    }

    @Test
    void anOutOfRangeValueNamesTheRangeAndTheValue() {
        assertInputError(() -> reader().share(penetration(), "penetration", "tooMuch"), 4, "penetration.tooMuch")
                .hasMessageContaining("a share between 0 and 1, got 1.4");
        assertInputError(() -> reader().wholeNumber(penetration(), "penetration", "homes", 0, 100), 5,
                "penetration.homes").hasMessageContaining("a whole number from 0 to 100, got 12.5");
        assertInputError(() -> reader().wholeNumber(penetration(), "penetration", "tooMuch", 2, 3), 4,
                "penetration.tooMuch").hasMessageContaining("from 2 to 3");
        assertThat(reader().nonNegative(penetration(), "penetration", "pvShare")).isEqualTo(0.3);
        assertThat(reader().positive(penetration(), "penetration", "pvShare")).isEqualTo(0.3);
        assertInputError(() -> reader().numbers(root(), "", "list", 2), 16, "list")
                .hasMessageContaining("exactly 2 values, got 3");
    }

    @Test
    void minutesAreReadAsNumbersOrClockTimesWithinTheDay() {
        MapNode window = FieldReader.map(root(), "", "window");
        FieldReader r = reader();
        assertThat(r.minute(window, "window", "start", FieldReader.DAY_END)).isEqualTo(960);
        assertThat(r.minute(window, "window", "end", FieldReader.DAY_END)).isEqualTo(1200);
        assertInputError(() -> r.minute(window, "window", "bad", FieldReader.DAY_END), 12, "window.bad")
                .hasMessageContaining("\"HH:MM\", got '16:75'");
        assertInputError(() -> r.minute(window, "window", "late", FieldReader.DAY_END), 13, "window.late")
                .hasMessageContaining("from 0 to 1440 (24:00), got 1500");
        assertInputError(() -> r.minute(window, "window", "end", 1000), 11, "window.end")
                .hasMessageContaining("got 1200");
        assertThat(FieldReader.clock(965)).isEqualTo("16:05");
    }

    @Test
    void everyFigureNeedsASourceAndTheMessageSaysHowToGiveOne() {
        assertInputError(() -> reader().number(root(), "", "unsourced"), 17, "unsourced")
                .hasMessageContaining("a source for this figure: add 'sources: {unsourced: \"...\"}'")
                .hasMessageContaining("assumption: ...");
        // A parent key covers the figures below it, list items included.
        assertThat(reader().number(FieldReader.map(penetration(), "penetration", "nested"), "penetration.nested",
                "a")).isEqualTo(1.0);
    }

    @Test
    void theDocumentMustHaveASourcesMapOfNonEmptyTexts() {
        assertInputError(() -> FieldReader.of(parse("a: 1\n")), 1, "sources")
                .hasMessageContaining("'sources:' map");
        assertInputError(() -> FieldReader.of(parse("a: 1\nsources: FES\n")), 2, "sources")
                .hasMessageContaining("a map from field path to source text");
        assertInputError(() -> FieldReader.of(parse("a: 1\nsources:\n  a: \"\"\n")), 3, "sources.a")
                .hasMessageContaining("a non-empty text");
    }

    @Test
    void anUnknownKeyIsRefusedWithTheAllowedKeysAndASuggestion() {
        assertInputError(() -> FieldReader.allowOnly(penetration(), "penetration",
                FieldReader.keys("pvShare", "tooMuch", "homes", "word", "nestd")), 7, "penetration.nested")
                .hasMessageContaining("one of the keys pvShare, tooMuch, homes, word, nestd; this key is unknown")
                .hasMessageContaining("did you mean 'nestd'?");
        FieldReader.allowOnly(penetration(), "penetration",
                FieldReader.keys("pvShare", "tooMuch", "homes", "word", "nested"));
    }

    @Test
    void aNullValueIsNotAValue() {
        assertInputError(() -> FieldReader.text(parse("a: ~\nsources: {a: x}\n"), "", "a"), 1, "a")
                .hasMessageContaining("a value, the key is empty");
        assertInputError(() -> FieldReader.of(parse("a: null\nsources: {a: x}\n")).number(
                parse("a: null\n"), "", "a"), 1, "a").hasMessageContaining("a value, the key is empty");
    }

    @Test
    void aKeyWithNothingAfterItIsNotANumber() {
        // Jackson's YAML parser reads "a:" as an empty string, not as null, so this is the number check's error.
        assertInputError(() -> FieldReader.of(parse("a:\nsources: {a: x}\n")).number(parse("a:\n"), "", "a"),
                1, "a").hasMessageContaining("a number, got ''");
    }
}
