package org.openlfa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputExceptionTest {

    @Test
    void messageNamesFileLineFieldAndWhatIsExpected() {
        InputException e = InputException.at("study/scenario.yaml", 12, "penetration.pvShare",
                "a share between 0 and 1, got 1.4");
        assertThat(e).hasMessage(
                "study/scenario.yaml:12: field 'penetration.pvShare': a share between 0 and 1, got 1.4");
        assertThat(e.source()).isEqualTo("study/scenario.yaml");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.field()).isEqualTo("penetration.pvShare");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void withoutALineTheMessageHasNone() {
        InputException e = InputException.in("grid/Master.dss", "Circuit", "a 'New Circuit.<name>' command");
        assertThat(e).hasMessage("grid/Master.dss: field 'Circuit': a 'New Circuit.<name>' command");
        assertThat(e.line()).isNull();
    }

    @Test
    void lineZeroMeansUnknownInTheMessage() {
        InputException e = InputException.at("a.csv", 0, "file", "a readable file");
        assertThat(e).hasMessage("a.csv: field 'file': a readable file");
        assertThat(e.line()).isZero();
    }

    @Test
    void pathOverloadsNameThePath() {
        Path file = Path.of("dir", "loads.csv");
        assertThat(InputException.at(file, 3, "kW", "a number")).hasMessage(file + ":3: field 'kW': a number");
        assertThat(InputException.in(file, "kW", "a number")).hasMessage(file + ": field 'kW': a number");
        assertThat(InputException.at(file, 3, "kW", "a number").source()).isEqualTo(file.toString());
    }

    @Test
    void anEmptyFieldOrUnknownSourceIsLeftOut() {
        assertThat(InputException.at("x.yaml", 1, "", "a YAML mapping")).hasMessage("x.yaml:1: a YAML mapping");
        assertThat(InputException.at((String) null, 2, null, "something")).hasMessage("<input>:2: something");
    }

    @Test
    void theCauseIsKeptForTheLog() {
        IOException cause = new IOException("disk");
        InputException e = InputException.at("a.csv", 4, "file", "a readable file", cause);
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e).hasMessage("a.csv:4: field 'file': a readable file");
        assertThat(e).isInstanceOf(RuntimeException.class);
    }
}
