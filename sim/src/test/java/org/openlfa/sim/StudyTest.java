package org.openlfa.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.community.Communities;
import org.openlfa.core.Season;
import org.openlfa.core.csv.CsvTable;
import org.openlfa.core.progress.Progress;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.sim.grid.GridSummary;
import org.openlfa.sim.grid.WorstPtu;
import org.openlfa.sim.schema.GridColumn;
import org.openlfa.sim.schema.ResultFiles;

/** The study entry point: its defaults are the reference study, and its results carry what the writers need. */
class StudyTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheReferenceStudy() {
        Study study = Study.builder().build();
        assertThat(study.households()).hasSize(184);
        assertThat(study.communities()).isEqualTo(Communities.network22Default());
        assertThat(study.network().transformers().get(0).windings().get(0).ratingInKva())
                .isEqualTo(study.dso().transformerRatingInKva());
        assertThat(study.gridObserver()).isPresent();
        assertThat(Study.builder().withGrid(false).build().gridObserver()).isEmpty();
    }

    @Test
    void anotherNetworkHasOneCommunityPerFeeder() {
        Study study = Study.builder().network(EnwlNetwork.builtInNetwork22(), "n22").withGrid(false).build();
        assertThat(study.communities().names()).containsExactly("F1", "F2", "F3", "F4", "F5", "F6");
    }

    @Test
    void aRunReportsProgressAndCarriesTheWorstPtusVoltagesAndItsInputs() {
        Study study = Study.builder().options(StudyOptions.defaults().withThreads(2)).build();
        List<String> labels = new ArrayList<>();
        int[] units = new int[2];
        StudyResults results = study.run(List.of(ScenarioLoader.loadBuiltIn("2030Green-High")), new Progress() {
            @Override
            public void start(int total, int alreadyDone) {
                units[0] = total;
            }

            @Override
            public void label(String text) {
                labels.add(text);
            }

            @Override
            public synchronized void step(int n) {
                units[1] += n;
            }
        });
        assertThat(labels).containsExactly("2030Green-High");
        assertThat(units[1]).isEqualTo(units[0]).isEqualTo(study.unitsPerScenario());
        assertThat(results.results()).hasSize(1);
        assertThat(results.withGrid()).isTrue();
        WorstPtu worst = results.worstPtu().orElseThrow();
        assertThat(worst.summary()).isSameAs(results.results().get(0).grid().orElseThrow());
        assertThat(worst.busVoltagesPu()).hasSize((int) study.network().loads().stream().map(l -> l.bus())
                .distinct().count());
        assertThat(worst.busVoltagesPu().values()).allSatisfy(v -> assertThat(v).isBetween(0.8, 1.2));
        assertThat(worst.lineVoltagesPu()).hasSize(study.network().lines().size());
        double lowest = worst.busVoltagesPu().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(lowest).isGreaterThanOrEqualTo(worst.summary().minVoltagePu() - 1e-9);
        assertThat(results.inputFiles()).first().asString().contains("2030Green-High");
        assertThat(results.inputFiles()).last().asString().contains("dso");
        // the built-in scenarios and catalogue name their resource without "classpath:" (as run.json always has),
        // so only the profiles and the DSO settings get a checksum
        assertThat(results.inputs()).filteredOn(f -> f.name().startsWith("classpath:")).hasSize(6)
                .allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
        assertThat(results.network()).isEqualTo(Study.BUILT_IN_NETWORK);
    }

    @Test
    void aGridRowWithCommasAndQuotesRoundTrips() throws IOException {
        String plan = "transformer 500 -> 800 kVA; overlay feeder 3, \"urgent\"";
        GridSummary g = new GridSummary("my, scenario", 1, 2, 3, 4, 101.25, 0.91, 1.05, 1, 2, 3, 4, 5, 6, plan,
                Season.WINTER, 70, new double[0]);
        Path file = dir.resolve(GridColumn.FILE);
        ResultFiles.write(file, GridColumn.values(), List.of(g));
        CsvTable t = CsvTable.read(file);
        assertThat(t.rows()).hasSize(1);
        CsvTable.Row row = t.rows().get(0);
        assertThat(row.cell(GridColumn.SCENARIO.header())).isEqualTo("my, scenario");
        assertThat(row.cell(GridColumn.REINFORCEMENT_PLAN.header())).isEqualTo(plan);
        assertThat(row.cell(GridColumn.MAX_TRANSFORMER_LOADING_PCT.header())).isEqualTo("101.3");
        for (GridColumn c : GridColumn.values()) {
            assertThat(Optional.ofNullable(row.cell(c.header()))).contains(c.cell(g));
        }
    }
}
