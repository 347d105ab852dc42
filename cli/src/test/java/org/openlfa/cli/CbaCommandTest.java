package org.openlfa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lfa cba} on a study folder, and its answer to bad input. */
class CbaCommandTest {

    @TempDir
    Path tmp;

    /** A two-scenario study folder in the format 'lfa study' writes. */
    private Path study() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("study"));
        StringBuilder summary = new StringBuilder("scenario,households,smart_households,coordinated_households,"
                + "baseline_cost_eur,optimised_cost_eur,uc1_saving_eur,community_cost_eur,uc2_saving_eur,"
                + "local_traded_kwh,value_exchanged_eur,admm_gap_pct,coordination_rounds_max\n");
        StringBuilder homes = new StringBuilder("scenario,household,community,feeder,bus,phase,has_pv,has_battery,"
                + "has_ev,has_heat_pump,smart,coordinated,baseline_bill_eur,optimised_bill_eur,community_bill_eur,"
                + "local_bought_kwh,local_sold_kwh\n");
        for (String scenario : List.of("2020BAU-Low", "2030Green-High")) {
            summary.append(scenario).append(",40,20,10,0,0,0,0,0,1000,110,0,1\n");
            for (int i = 0; i < 40; i++) {
                boolean smart = i % 2 == 0;
                boolean coordinated = i % 4 == 0;
                double optimised = smart ? 1000 - 12.0 * i : 1000;
                homes.append(String.join(",", scenario, "H" + i, i < 20 ? "C1" : "C2", "1", "b" + i, "a",
                        i % 3 == 0 ? "1" : "0", coordinated ? "1" : "0", coordinated ? "1" : "0", "0",
                        smart ? "1" : "0", coordinated ? "1" : "0", "1000", Double.toString(optimised),
                        Double.toString(optimised - 4), "30", i % 3 == 0 ? "60" : "0")).append('\n');
            }
        }
        Files.writeString(dir.resolve("summary.csv"), summary.toString());
        Files.writeString(dir.resolve("households.csv"), homes.toString());
        return dir;
    }

    @Test
    void writesTheThreeFilesForEveryCaseAndScenario() throws IOException {
        Path out = tmp.resolve("cba");
        CliRun r = CliRun.of("cba", "--study", study().toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("CBA written to", "no grid.csv");
        List<String> rows = Files.readAllLines(out.resolve("cba.csv"));
        assertThat(rows).hasSize(1 + 3 * 2);
        assertThat(rows.get(0)).startsWith("business_case,scenario,prosumers_involved,share_involved_pct");
        assertThat(Files.readAllLines(out.resolve("cba_prosumers.csv"))).hasSize(1 + 3 * 2 * 40);
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg id=\"chart-npv-heatmap\"");
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("study", "cba");
        }
    }

    @Test
    void onlyTheChosenBusinessCase() throws IOException {
        Path out = tmp.resolve("cba");
        CliRun r = CliRun.of("cba", "--study", study().toString(), "--out", out.toString(), "--business-case",
                "BC2");
        assertThat(r.code()).isZero();
        assertThat(Files.readAllLines(out.resolve("cba.csv"))).hasSize(3).allMatch(l -> !l.startsWith("BC1"));
    }

    @Test
    void badInputEndsWithExitCodeTwoOneLineAndNoOutput() throws IOException {
        Path studyDir = study();
        Path out = tmp.resolve("cba");
        String costs = new String(getClass().getClassLoader().getResourceAsStream("org/openlfa/cba/costs.yaml")
                .readAllBytes(), StandardCharsets.UTF_8).replace("energyBoxInEur: 150", "energyBoxInEur: -150");
        Path costsFile = tmp.resolve("costs.yaml");
        Files.writeString(costsFile, costs);

        CliRun negative = CliRun.of("cba", "--study", studyDir.toString(), "--out", out.toString(), "--costs",
                costsFile.toString());
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err().strip().lines()).hasSize(1);
        assertThat(negative.err()).contains("costs.yaml:5", "prosumerCapex.energyBoxInEur", "0 or more");

        CliRun unknown = CliRun.of("cba", "--study", studyDir.toString(), "--out", out.toString(), "--business-case",
                "BC4");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown business case 'BC4'");

        CliRun missing = CliRun.of("cba", "--study", tmp.resolve("nowhere").toString(), "--out", out.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere");
        assertThat(out).doesNotExist();
    }
}
