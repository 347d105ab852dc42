package org.openlfa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionCommandTest {

    @TempDir
    Path tmp;

    @Test
    void runsASmallRegionAndWritesItsTables() throws Exception {
        Path out = tmp.resolve("region");
        assertThat(Main.execute("region", "--networks", "enwl:25", "--threads", "2", "--out", out.toString()))
                .isZero();
        assertThat(Files.readAllLines(out.resolve("lvg_results.csv"))).hasSize(2);
        assertThat(Files.readAllLines(out.resolve("region_summary.csv")).get(1)).startsWith("2030Green-High,1,0,");
        assertThat(out.resolve("region.json")).exists();
        assertThat(RegionRunWork.of(out)).doesNotExist();
    }

    @Test
    void badInputEndsWithExitCode2AndOneLine() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("region", "--networks", "enwl:99", "--out", tmp.resolve("x").toString()))
                    .isEqualTo(2);
            assertThat(Main.execute("region", "--engine", "spark", "--out", tmp.resolve("x").toString()))
                    .isEqualTo(2);
            assertThat(Main.execute("region", "--networks", "enwl:25", "--scenario", "2099Nowhere", "--out",
                    tmp.resolve("x").toString())).isEqualTo(2);
        } finally {
            System.setErr(saved);
        }
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    /** Where the resume checkpoint of an output folder lives. */
    private static final class RegionRunWork {
        static Path of(Path out) {
            return org.openlfa.region.RegionRun.workFolderFor(out);
        }
    }
}
