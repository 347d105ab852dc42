package org.openlfa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openlfa.community.Communities;
import org.openlfa.community.NetworkSettings;
import org.openlfa.community.grid.DsoSettings;
import org.openlfa.core.TimeGrid;
import org.openlfa.core.progress.ProgressBar;
import org.openlfa.grid.LvNetwork;
import org.openlfa.model.profile.ProfileLibraries;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.report.StudyRecord;
import org.openlfa.report.StudyWriter;
import org.openlfa.sim.ScenarioResult;
import org.openlfa.sim.ScenarioSummary;
import org.openlfa.sim.Study;
import org.openlfa.sim.StudyOptions;
import org.openlfa.sim.StudyResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfa study}: the reference study (ENWL network 22, 184 homes in 3 communities, 12 scenarios) or a user's.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Runs in-home optimisation (UC1) and community trading (UC2) on a grid under scenarios.")
final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "results", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--scenario", description = "a built-in scenario name or a scenario YAML file; repeatable "
            + "(default: all 12 built-ins)")
    List<String> scenarios = new ArrayList<>();

    @Mixin
    NetworkOptions networkOptions = new NetworkOptions();

    @Option(names = "--profiles", description = "a folder with the five profile pools as CSV, in the shipped "
            + "files' names and format (default: the shipped ENWL pools)")
    Path profilesFolder;

    @Option(names = "--dso", description = "the grid operator's settings for UC3 (limits, flexibility price cap, "
            + "reinforcement costs) as YAML (default: the shipped dso.yaml)")
    Path dsoFile;

    @Option(names = "--no-grid", description = "skip UC3 (the power flow and the DSO's flexibility purchase)")
    boolean noGrid;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the asset and profile draw (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--ptu-minutes", defaultValue = "15", description = "PTU length in minutes (default: ${DEFAULT-VALUE})")
    int ptuMinutes;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter console = spec.commandLine().getOut();
        // Read and check every input before any work, so bad input fails fast and writes nothing.
        List<Scenario> loaded = loadScenarios();
        DsoSettings dso = dsoFile == null ? DsoSettings.builtIn() : DsoSettings.load(dsoFile);
        NetworkSettings networkSettings = networkOptions.settings();
        LvNetwork grid = networkSettings.load(dso.transformerRatingInKva());
        Communities communities = networkSettings.communities();
        Path network = networkOptions.network;
        AssetCatalogue catalogue = ScenarioLoader.loadBuiltInCatalogue();
        ProfileLibrary profiles = profilesFolder == null ? ProfileLibrary.builtIn()
                : ProfileLibraries.fromFolder(profilesFolder);
        StudyOptions options = StudyOptions.defaults().withSeed(seed).withGrid(gridOf(ptuMinutes));
        if (threads != null) {
            options = options.withThreads(threads);
        }
        Study study = Study.builder()
                .network(grid, network == null ? Study.BUILT_IN_NETWORK : network.toAbsolutePath().toString())
                .communities(communities).catalogue(catalogue).profiles(profiles).options(options).dso(dso)
                .withGrid(!noGrid).build();
        StudyResults results = study.run(loaded, new ProgressBar(System.err));
        Map<String, Double> durations = new LinkedHashMap<>(results.durationsInSeconds());
        durations.put("total", (System.nanoTime() - start) / 1e9);
        StudyRecord record = StudyRecord.of(Main.VERSION, results, durations);
        new StudyWriter().write(out, results, record);
        printSummary(console, results.results());
        console.printf(Locale.ROOT, "results written to %s (%.1f s)%n", out.toAbsolutePath(),
                durations.get("total"));
        return 0;
    }

    private List<Scenario> loadScenarios() {
        List<String> names = scenarios.isEmpty() ? ScenarioLoader.builtInNames() : scenarios;
        List<Scenario> out = new ArrayList<>();
        for (String name : names) {
            Path file = Path.of(name);
            out.add(name.endsWith(".yaml") || name.endsWith(".yml") || Files.exists(file)
                    ? ScenarioLoader.load(file) : ScenarioLoader.loadBuiltIn(name));
        }
        return out;
    }

    private TimeGrid gridOf(int minutes) {
        try {
            return TimeGrid.ofMinutes(minutes);
        } catch (IllegalArgumentException e) {
            throw org.openlfa.core.InputException.in("command line", "--ptu-minutes", e.getMessage());
        }
    }

    /** The study's one-line-per-scenario table on the console. */
    static void printSummary(PrintWriter out, List<ScenarioResult> results) {
        out.printf(Locale.ROOT, "%-16s %5s %5s %12s %12s %10s %12s %10s %7s%n", "scenario", "homes", "smart",
                "baseline_eur", "uc1_eur", "uc1_save", "uc2_eur", "local_kwh", "gap_%");
        for (ScenarioResult r : results) {
            ScenarioSummary s = r.summary();
            out.printf(Locale.ROOT, "%-16s %5d %5d %12.0f %12.0f %10.0f %12.0f %10.0f %7.2f%n", s.scenario(),
                    s.households(), s.smartHouseholds(), s.baselineCostInEur(), s.optimisedCostInEur(),
                    s.uc1SavingInEur(), s.communityCostInEur(), s.localTradedInKwh(), s.coordinationGapPct());
        }
        out.flush();
    }
}
