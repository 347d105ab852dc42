package org.openlfa.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.InputException;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;

class RegionRunTest {

    @TempDir
    Path tmp;

    @Test
    void specsNameTheShippedNetworksAndTheirReplicas() {
        assertThat(RegionSpec.tasks("enwl:all", 0, 42)).hasSize(25);
        List<LvgTask> tasks = RegionSpec.tasks("enwl:22,5", 2, 42);
        assertThat(tasks).extracting(LvgTask::lvg).containsExactly("network_22", "network_22-r1", "network_22-r2",
                "network_5", "network_5-r1", "network_5-r2");
        assertThat(tasks.get(0).seed()).isEqualTo(42);
        assertThat(tasks.get(1).seed()).isNotEqualTo(tasks.get(2).seed()).isEqualTo(RegionSpec.tasks("enwl:22", 1, 42)
                .get(1).seed());
        assertThatThrownBy(() -> RegionSpec.tasks("enwl:99", 0, 42)).isInstanceOf(InputException.class)
                .hasMessageContaining("99");
        assertThatThrownBy(() -> RegionSpec.tasks("nowhere:1", 0, 42)).isInstanceOf(InputException.class)
                .hasMessageContaining("--networks");
    }

    @Test
    void network22IsTheReferenceGridAndReplicasRedrawPhasesReproducibly() {
        LvNetwork n22 = LvgStudy.read("enwl:22");
        assertThat(n22.loads()).hasSize(184);
        assertThat(LvgStudy.ratingFor(184)).isEqualTo(500);
        assertThat(LvgStudy.communitiesOf("network_22", n22).names()).containsExactly("C1", "C2", "C3");
        LvgTask published = RegionSpec.tasks("enwl:22", 1, 42).get(0);
        LvgTask replica = RegionSpec.tasks("enwl:22", 1, 42).get(1);
        List<Integer> phases = LvgStudy.variant(n22, 500, published).loads().stream().map(Load::phase).toList();
        List<Integer> drawn = LvgStudy.variant(n22, 500, replica).loads().stream().map(Load::phase).toList();
        assertThat(phases).isEqualTo(n22.loads().stream().map(Load::phase).toList());
        assertThat(drawn).isNotEqualTo(phases)
                .isEqualTo(LvgStudy.variant(n22, 500, replica).loads().stream().map(Load::phase).toList());
        LvNetwork n17 = LvgStudy.read("enwl:17");
        // feeders of 8-223 homes, none fits beside another
        assertThat(LvgStudy.communitiesOf("network_17", n17).feedersByCommunity()).hasSize(7);
    }

    @Test
    void aFailingGridIsReportedAndTheRerunResumesFromTheFinishedOnes() throws Exception {
        Path bad = tmp.resolve("networks/broken_net/Feeder_1");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("Master.dss"), "New Circuit.X BasekV=11\nRedirect Missing.txt\n");
        List<LvgTask> tasks = new ArrayList<>(RegionSpec.tasks("enwl:25", 0, 42));
        tasks.addAll(RegionSpec.tasks(tmp.resolve("networks").toString(), 0, 42));
        Path out = tmp.resolve("out");
        RegionRun.RegionOutcome first = RegionRun.run(tasks, RegionSettings.defaults(), new LocalEngine(2), out,
                RegionProgress.silent(), "test");
        assertThat(first.failures()).singleElement().satisfies(f -> {
            assertThat(f.lvg()).isEqualTo("broken_net");
            assertThat(f.error()).contains("Missing.txt");
        });
        LvgResult ok = first.results().get(0);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.customers()).isEqualTo(42);
        assertThat(ok.scenarios().get(0).get("uc1_saving_eur")).isPositive();
        assertThat(ok.scenarios().get(0).get("bc1_npv_eur")).isFinite();
        List<String> csv = Files.readAllLines(out.resolve("lvg_results.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).startsWith("lvg,network,replica,customers").contains("uc1_saving_eur", "bc3_npv_eur");
        assertThat(csv.get(2)).startsWith("broken_net,broken_net,0,0").contains(",failed,");
        List<String> summary = Files.readAllLines(out.resolve("region_summary.csv"));
        assertThat(summary).hasSize(2);
        assertThat(summary.get(1)).startsWith("2030Green-High,1,1,");
        assertThat(first.workFolder()).exists();

        AtomicInteger resumed = new AtomicInteger(-1);
        RegionRun.RegionOutcome second = RegionRun.run(tasks, RegionSettings.defaults(), new LocalEngine(2), out,
                new RegionProgress() {
                    @Override
                    public void started(int total, int alreadyDone) {
                        resumed.set(alreadyDone);
                    }

                    @Override
                    public void finished(LvgResult result) {
                        assertThat(result.lvg()).isEqualTo("broken_net");
                    }
                }, "test");
        assertThat(resumed.get()).isEqualTo(1);
        assertThat(second.results().get(0)).isEqualTo(ok);
        assertThat(Files.readAllLines(out.resolve("lvg_results.csv")).subList(0, 2)).isEqualTo(csv.subList(0, 2));
    }
}
