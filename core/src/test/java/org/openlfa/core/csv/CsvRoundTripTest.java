package org.openlfa.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.InputException;

class CsvRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void quotesOnlyWhatMustBeQuotedAndKeepsNumbersAsFormatted() throws IOException {
        Path file = dir.resolve("t.csv");
        try (CsvWriter w = CsvWriter.open(file, List.of("scenario", "cost_eur", "plan"))) {
            w.text("2030Green-High").number("-0.50").quoted("none").endRow();
            w.text("a, \"b\"").number("12.345").quoted("transformer 500 -> 800 kVA; overlay feeder 3").endRow();
            w.text("two\nlines").number("1").text("x y").endRow();
        }
        assertThat(Files.readString(file)).isEqualTo("scenario,cost_eur,plan\n"
                + "2030Green-High,-0.50,\"none\"\n"
                + "\"a, \"\"b\"\"\",12.345,\"transformer 500 -> 800 kVA; overlay feeder 3\"\n"
                + "\"two\nlines\",1,x y\n");
        CsvTable t = CsvTable.read(file);
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).cell("plan")).isEqualTo("none");
        assertThat(t.rows().get(1).cell("scenario")).isEqualTo("a, \"b\"");
        assertThat(t.rows().get(1).cell("plan")).isEqualTo("transformer 500 -> 800 kVA; overlay feeder 3");
        assertThat(t.rows().get(1).line()).isEqualTo(3);
        assertThat(t.rows().get(2).cell("scenario")).isEqualTo("two\nlines");
        assertThat(t.rows().get(2).cell("nothing")).isNull();
    }

    @Test
    void aRowOfAnotherWidthNamesItsLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b\n1,2\n\n3\n");
        assertThatThrownBy(() -> CsvTable.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.csv:4").hasMessageContaining("2 comma-separated values");
    }
}
