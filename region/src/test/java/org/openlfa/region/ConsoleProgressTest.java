package org.openlfa.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlfa.core.progress.ProgressBar;

class ConsoleProgressTest {

    @Test
    void countsGridsAndFailuresInPlainLinesWhenNotOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(
                new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false));
        progress.started(3, 1);
        progress.finished(new LvgResult("lvg-2", "network_22", 0, 184, 3, 500, null, 1.0, List.of()));
        progress.finished(new LvgResult("lvg-3", "network_22", 0, 10, 0, 0, "no convergence", 1.0, List.of()));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").endsWith("\n");
        assertThat(text).contains("1/3 LV grids").contains("2/3 LV grids").contains("3/3 LV grids")
                .contains("lvg-3 (1 failed)");
    }
}
