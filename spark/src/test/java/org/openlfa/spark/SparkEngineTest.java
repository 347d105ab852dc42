package org.openlfa.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.InputException;
import org.openlfa.region.LocalEngine;
import org.openlfa.region.LvgTask;
import org.openlfa.region.RegionEngineProvider;
import org.openlfa.region.RegionProgress;
import org.openlfa.region.RegionRun;
import org.openlfa.region.RegionSettings;
import org.openlfa.region.RegionSpec;

class SparkEngineTest {

    @TempDir
    Path tmp;

    @Test
    void sparkInLocalModeGivesTheLocalEnginesResults() throws Exception {
        // Two small ENWL networks (42 and 59 homes) and a replica: every grid one Spark task on local[2].
        List<LvgTask> tasks = RegionSpec.tasks("enwl:25,10", 1, 7).subList(0, 3);
        RegionSettings settings = RegionSettings.defaults();
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        RegionRun.RegionOutcome byLocal = RegionRun.run(tasks, settings, new LocalEngine(2), local,
                RegionProgress.silent(), "enwl:25,10");
        RegionRun.RegionOutcome bySpark;
        try (var engine = RegionEngineProvider.find("spark").orElseThrow().open("local[2]")) {
            assertThat(engine.parallelism()).isEqualTo(2);
            bySpark = RegionRun.run(tasks, settings, engine, spark, RegionProgress.silent(), "enwl:25,10");
        }
        assertThat(bySpark.failures()).isEmpty();
        for (int i = 0; i < tasks.size(); i++) {
            assertThat(bySpark.results().get(i).scenarios()).isEqualTo(byLocal.results().get(i).scenarios());
        }
        assertThat(Files.readString(spark.resolve("region_summary.csv")))
                .isEqualTo(Files.readString(local.resolve("region_summary.csv")));
        assertThat(withoutDurations(spark.resolve("lvg_results.csv")))
                .isEqualTo(withoutDurations(local.resolve("lvg_results.csv")));
    }

    @Test
    void theJobRefusesBadOptionsBeforeStartingSpark() {
        assertThatThrownBy(() -> SparkRegionJob.run("--networks", "enwl:0", "--out", tmp.toString()))
                .isInstanceOf(InputException.class).hasMessageContaining("--networks");
        assertThatThrownBy(() -> SparkRegionJob.run("--networks", "enwl:1")).isInstanceOf(InputException.class)
                .hasMessageContaining("--out");
    }

    /** The CSV without its duration column (wall time differs between runs, nothing else may). */
    private static List<String> withoutDurations(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.replaceFirst("^((?:[^,]*,){9})[^,]*", "$1")).toList();
    }
}
