package org.openlfa.cli;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.IOException;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on a small case, and its answer to bad input. */
class StudyCommandTest {

    @TempDir
    Path tmp;

    @Test
    void studyWritesEveryOutputForTheChosenScenarios() throws IOException {
        Path out = tmp.resolve("results");
        int code = CliRun.of("study", "--scenario", "2020BAU-Low", "--scenario",
                "2030Green-Medium", "--out", out.toString(), "--threads", "2").code();
        assertThat(code).isZero();
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary).hasSize(3);
        assertThat(summary.get(0)).startsWith("scenario,households,smart_households")
                .contains("baseline_cost_eur", "optimised_cost_eur", "uc1_saving_eur", "local_traded_kwh",
                        "value_exchanged_eur", "admm_gap_pct");
        assertThat(summary.get(1)).startsWith("2020BAU-Low,184,18,");
        List<String> households = Files.readAllLines(out.resolve("households.csv"));
        assertThat(households).hasSize(1 + 2 * 184);
        assertThat(households.get(0)).contains("scenario,household,community", "phase", "has_pv", "smart",
                "baseline_bill_eur", "optimised_bill_eur", "local_bought_kwh", "local_sold_kwh");
        assertThat(out.resolve("timeseries/2030Green-Medium/C2.csv")).exists();
        assertThat(Files.readAllLines(out.resolve("timeseries/2030Green-Medium/C2.csv"))).hasSize(1 + 4 * 96);
        String runJson = Files.readString(out.resolve("run.json"));
        assertThat(runJson).contains("\"seed\" : 42", "sha256", "2030Green-Medium", "durationsInSeconds");
        // no staging folder is left behind
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("results");
        }
    }

    @Test
    void aBadScenarioFileFailsWithOneClearMessageAndWritesNothing() throws IOException {
        Path scenario = tmp.resolve("mine.yaml");
        Files.writeString(scenario, "name: mine\nbasedOn: 2030Green\npenetraton:\n  pvShare: 0.5\n");
        Path out = tmp.resolve("results");
        CliRun run = CliRun.of("study", "--scenario", scenario.toString(), "--out", out.toString());
        assertThat(run.code()).isEqualTo(2);
        String message = run.err();
        assertThat(message).contains("mine.yaml", ":3", "penetraton").doesNotContain("Exception", "\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownScenarioNameIsAUserError() {
        CliRun run = CliRun.of("study", "--scenario", "2040Blue-Low", "--out", tmp.resolve("r").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("2040Blue-Low", "2020BAU-Low");
    }

    @Test
    void aProfileWithAGapIsNamedByFileLineAndColumn() throws IOException {
        Path profiles = tmp.resolve("profiles");
        Files.createDirectories(profiles);
        for (String name : List.of("Winter_Load_Profiles.csv", "Summer_Load_Profiles.csv",
                "Summer_PV_Profiles.csv", "Winter_EV_Profiles.csv", "Winter_EHP_Profiles.csv")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("org/openlfa/model/profile/" + name)) {
                Files.copy(in, profiles.resolve(name));
            }
        }
        Path pv = profiles.resolve("Summer_PV_Profiles.csv");
        List<String> lines = Files.readAllLines(pv);
        lines.set(99, lines.get(99).replaceFirst("^\\uFEFF?[^,]*,", ",,"));
        Files.write(pv, lines);
        CliRun run = CliRun.of("study", "--scenario", "2020BAU-Low", "--profiles", profiles.toString(), "--out",
                tmp.resolve("r").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Summer_PV_Profiles.csv", ":100", "column");
    }
}
