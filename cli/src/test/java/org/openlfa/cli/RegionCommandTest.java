package org.openlfa.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(CliRun.of("region", "--networks", "enwl:99", "--out", tmp.resolve("x").toString()).code())
                .isEqualTo(2);
        assertThat(CliRun.of("region", "--engine", "spark", "--out", tmp.resolve("x").toString()).code())
                .isEqualTo(2);
        assertThat(CliRun.of("region", "--networks", "enwl:25", "--scenario", "2099Nowhere", "--out",
                tmp.resolve("x").toString()).code()).isEqualTo(2);
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    /** Where the resume checkpoint of an output folder lives. */
    private static final class RegionRunWork {
        static Path of(Path out) {
            return org.openlfa.region.RegionRun.workFolderFor(out);
        }
    }
}
