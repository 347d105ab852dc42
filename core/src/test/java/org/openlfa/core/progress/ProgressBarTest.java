package org.openlfa.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void plainModePrintsWholeLinesWithoutCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.start(100);
        bar.label("2030Green-High");
        for (int i = 0; i < 100; i++) {
            bar.step(1);
        }
        bar.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        String[] lines = text.split("\n");
        // start, label, one line per tenth (10), finish: never one line per unit
        assertThat(lines.length).isBetween(3, 14);
        assertThat(lines[lines.length - 1]).startsWith("[" + "#".repeat(30) + "] 100%").endsWith("2030Green-High");
        assertThat(text).endsWith("\n");
    }

    @Test
    void terminalModeRedrawsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        bar.start(4);
        bar.step(1);
        bar.step(1);
        bar.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r[");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(text).endsWith("\n");
        assertThat(text.split("\r")).hasSize(5); // empty head, start, two steps, finish
        assertThat(text).contains(" 50%");
    }

    @Test
    void countingShowsDoneOverTotalAndIgnoresResumedUnitsInTheEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false)
                .counting("LV grids");
        bar.start(10, 4);
        String first = bytes.toString(StandardCharsets.UTF_8);
        assertThat(first).contains("4/10 LV grids").contains("eta    ?");
        bar.label("lvg-5");
        bar.step(1);
        bar.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("5/10 LV grids").contains("10/10 LV grids");
    }
}
