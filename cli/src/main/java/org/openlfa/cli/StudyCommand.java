package org.openlfa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.openlfa.core.TimeGrid;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.model.profile.ProfileFile;
import org.openlfa.model.profile.ProfileLibraries;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.powerflow.PowerFlowModel;
import org.openlfa.report.StudyRecord;
import org.openlfa.report.StudyWriter;
import org.openlfa.report.map.WorstPtuMap;
import org.openlfa.community.Communities;
import org.openlfa.community.Household;
import org.openlfa.community.Households;
import org.openlfa.sim.ScenarioResult;
import org.openlfa.sim.ScenarioSummary;
import org.openlfa.sim.StudyOptions;
import org.openlfa.sim.StudyRunner;
import org.openlfa.community.grid.DsoSettings;
import org.openlfa.sim.grid.GridSummary;
import org.openlfa.sim.grid.PowerFlowGridObserver;
import picocli.CommandLine.Command;
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

    @Option(names = "--network", description = "an ENWL network folder with Feeder_N sub-folders "
            + "(default: the built-in ENWL network 22)")
    Path network;

    @Option(names = "--communities", description = "YAML file mapping community names to feeder lists "
            + "(default for network 22: C1=[1,2], C2=[3,4], C3=[5,6]; otherwise one community per feeder)")
    Path communitiesFile;

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
        LvNetwork grid = network == null ? EnwlNetwork.loadBuiltIn("network_22", dso.transformerRatingInKva())
                : EnwlNetwork.load(network, dso.transformerRatingInKva());
        TreeSet<Integer> feeders = new TreeSet<>(grid.loads().stream().map(Load::feeder).toList());
        Communities communities = communitiesFile != null ? Communities.load(communitiesFile, feeders)
                : network == null ? Communities.network22Default() : onePerFeeder(feeders);
        AssetCatalogue catalogue = ScenarioLoader.loadBuiltInCatalogue();
        ProfileLibrary profiles = profilesFolder == null ? ProfileLibrary.builtIn()
                : ProfileLibraries.fromFolder(profilesFolder);
        StudyOptions options = StudyOptions.defaults().withSeed(seed).withGrid(gridOf(ptuMinutes));
        if (threads != null) {
            options = new StudyOptions(options.grid(), seed, threads, options.coordinationTolerance(),
                    options.maxCoordinationRounds(), false);
        }
        List<Household> homes = Households.of(grid, communities);
        StudyRunner runner = new StudyRunner(homes, communities, catalogue, profiles, options);
        PowerFlowGridObserver observer = null;
        if (!noGrid) {
            grid.checkRadialConnected();
            observer = new PowerFlowGridObserver(PowerFlowModel.of(grid), homes);
            runner = runner.withGrid(observer, dso);
        }

        ProgressBar progress = new ProgressBar(System.err, runner.unitsPerScenario() * loaded.size());
        List<ScenarioResult> results = new ArrayList<>();
        Map<String, Double> durations = new LinkedHashMap<>();
        for (Scenario scenario : loaded) {
            progress.label(scenario.name());
            ScenarioResult result = runner.run(scenario, progress::step);
            results.add(result);
            durations.put(scenario.name(), result.summary().durationInSeconds());
        }
        progress.finish();
        durations.put("total", (System.nanoTime() - start) / 1e9);

        List<StudyRecord.InputFile> inputs = new ArrayList<>();
        for (Scenario scenario : loaded) {
            inputs.add(new StudyRecord.InputFile(scenario.sourceFile(), Checksums.sha256(scenario.sourceFile())));
        }
        inputs.add(new StudyRecord.InputFile(catalogue.sourceFile(), Checksums.sha256(catalogue.sourceFile())));
        for (ProfileFile file : ProfileFile.values()) {
            String name = "classpath:org/openlfa/model/profile/" + file.fileName();
            inputs.add(new StudyRecord.InputFile(name, Checksums.sha256(name)));
        }
        if (observer != null) {
            inputs.add(new StudyRecord.InputFile(dso.sourceFile(), Checksums.sha256(dso.sourceFile())));
        }
        Map<String, Object> coordination = new LinkedHashMap<>();
        coordination.put("method", "Dantzig-Wolfe price-directive decomposition (reported as admm_gap_pct)");
        coordination.put("toleranceFraction", options.coordinationTolerance());
        coordination.put("maxRounds", options.maxCoordinationRounds());
        StudyRecord record = new StudyRecord(Main.VERSION, seed, ptuMinutes,
                network == null ? "classpath:org/openlfa/grid/enwl/network_22 (ENWL LVNS network 22)"
                        : network.toAbsolutePath().toString(), coordination, inputs, durations);
        Optional<WorstPtuMap> map = Optional.empty();
        if (observer != null) {
            PowerFlowGridObserver gridObserver = observer;
            map = results.stream().flatMap(r -> r.grid().stream()).max(Comparator.comparingDouble(GridSummary::severity))
                    .map(worst -> WorstPtuMap.of(gridObserver, worst));
        }
        new StudyWriter().write(out, results, record, map);
        printSummary(console, results);
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

    private static Communities onePerFeeder(TreeSet<Integer> feeders) {
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        for (int feeder : feeders) {
            map.put("F" + feeder, List.of(feeder));
        }
        return new Communities(map);
    }

    private TimeGrid gridOf(int minutes) {
        try {
            return TimeGrid.ofMinutes(minutes);
        } catch (IllegalArgumentException e) {
            throw org.openlfa.core.InputException.in("command line", "--ptu-minutes", e.getMessage());
        }
    }

    private static void printSummary(PrintWriter out, List<ScenarioResult> results) {
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
