package org.openlfa.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openlfa.core.Season;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.optim.CentralisedCommunitySolver;
import org.openlfa.optim.CommunityDay;
import org.openlfa.optim.DantzigWolfeCoordinator;
import org.openlfa.optim.HomeDayProblem;
import org.openlfa.optim.HomeOptimizer;
import org.openlfa.optim.HomeSchedule;
import org.openlfa.optim.PriceResponder;
import org.openlfa.powerflow.PowerFlowBenchmark;
import org.openlfa.community.Communities;
import org.openlfa.sim.HomeDay;
import org.openlfa.sim.ScenarioResult;
import org.openlfa.sim.Study;
import org.openlfa.sim.StudyOptions;
import org.openlfa.core.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfa bench}: speed of the study engine on the reference grid, peers measured in the same process.
 *
 * <p>Measures (1) one CEMS day schedule (UC1) over the smart homes of a scenario, (2) one community-day of
 * decentralised coordination against (3) the centralised solve of the same community-day, and optionally (4) the
 * full 12-scenario study's wall time and peak heap. Prints a Markdown table for {@code docs/benchmarks.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures the study engine's speed.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "2030Green-High",
            description = "scenario whose homes are timed (default: ${DEFAULT-VALUE})")
    String scenarioName;

    @Option(names = "--repeats", defaultValue = "5", description = "timed repetitions (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--full-study", description = "also time the full 12-scenario reference study in-process "
            + "(all three use cases)")
    boolean fullStudy;

    @Option(names = "--powerflow", description = "also time the power flow against OpenLoadFlow (about 40 s)")
    boolean powerflow;

    @Option(names = "--live", paramLabel = "HOMES", description = "also time the coordination of HOMES homes over a "
            + "running platform (MQTT/TLS) against the same coordination in process")
    Integer liveHomes;

    @Option(names = "--ieee", defaultValue = "../shared/data/ieee-european-lv-test-feeder/opendss/Master.dss",
            description = "the IEEE European LV feeder's Master.dss for --powerflow (default: ${DEFAULT-VALUE}; "
                    + "skipped if absent)")
    Path ieeeMaster;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = ScenarioLoader.loadBuiltIn(scenarioName);
        Communities communities = Communities.network22Default();
        StudyOptions options = StudyOptions.defaults().withKeepSchedules(true);
        ScenarioResult result = Study.builder().network(EnwlNetwork.builtInNetwork22()).communities(communities)
                .options(options).withGrid(false).build().run(List.of(scenario), Progress.NONE).results().get(0);
        HomeOptimizer optimizer = HomeOptimizer.create();

        List<HomeDayProblem> smart = result.days().stream()
                .filter(d -> result.households().stream().anyMatch(h -> h.household().equals(d.household()) && h.smart()))
                .map(HomeDay::problem).filter(HomeDayProblem::hasFlexibility).toList();
        for (HomeDayProblem p : smart) {
            optimizer.optimise(p); // warm-up
        }
        List<Double> cemsMs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            for (HomeDayProblem p : smart) {
                long t0 = System.nanoTime();
                optimizer.optimise(p);
                cemsMs.add((System.nanoTime() - t0) / 1e6);
            }
        }

        List<Double> coordinationMs = new ArrayList<>();
        List<Double> centralMs = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            for (Season season : Season.values()) {
                for (String community : communities.names()) {
                    List<HomeDay> days = result.days().stream()
                            .filter(d -> d.season() == season && d.household().community().equals(community)).toList();
                    timeCommunity(days, optimizer, options, coordinationMs, centralMs, gaps);
                }
            }
        }
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("CEMS day schedule (UC1), median", ms(median(cemsMs)) + " (n=" + cemsMs.size() + ")");
        rows.put("community-day coordination (decentralised), median", ms(median(coordinationMs)));
        rows.put("community-day centralised solve (peer), median", ms(median(centralMs)));
        rows.put("ratio decentralised / centralised", String.format(Locale.ROOT, "%.1f",
                median(coordinationMs) / median(centralMs)));
        rows.put("coordination gap vs centralised, median / max", String.format(Locale.ROOT, "%.3f %% / %.3f %%",
                median(gaps), gaps.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        if (fullStudy) {
            System.gc();
            resetPeaks();
            Study full = Study.builder().build();
            List<Scenario> all = ScenarioLoader.builtInNames().stream().map(ScenarioLoader::loadBuiltIn).toList();
            long t0 = System.nanoTime();
            full.run(all, Progress.NONE);
            rows.put("full reference study, 12 scenarios x 184 homes (wall)",
                    String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
            rows.put("peak heap during the full study", String.format(Locale.ROOT, "%.0f MiB", peakHeapMiB()));
        }
        if (liveHomes != null) {
            try {
                Path dir = Files.createTempDirectory("lfa-bench-live");
                LiveBenchmark.Result live = LiveBenchmark.run(dir, liveHomes);
                rows.put("live coordination over MQTT/TLS, " + live.homes() + " homes",
                        live.networkMs() + " ms (" + live.networkRounds() + " rounds, bill "
                                + String.format(Locale.ROOT, "%.4f", live.networkBillInEur()) + " EUR)");
                rows.put("same coordination in process (peer)", live.inProcessMs() + " ms (" + live.inProcessRounds()
                        + " rounds, bill " + String.format(Locale.ROOT, "%.4f", live.inProcessBillInEur()) + " EUR)");
                rows.put("ratio network / in process", String.format(Locale.ROOT, "%.1f",
                        (double) live.networkMs() / Math.max(1, live.inProcessMs())));
            } catch (Exception e) {
                throw new IllegalStateException("live benchmark failed: " + e.getMessage(), e);
            }
        }
        out.printf("Machine: %d cores, Java %s, %s; date %s; scenario %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.arch"), LocalDate.now(), scenarioName);
        out.println("| measure | value |");
        out.println("|---|---|");
        rows.forEach((k, v) -> out.printf("| %s | %s |%n", k, v));
        if (powerflow) {
            out.println();
            out.println(PowerFlowBenchmark.run(Files.exists(ieeeMaster) ? ieeeMaster : null).toMarkdown());
        }
        out.flush();
        return 0;
    }

    private static void timeCommunity(List<HomeDay> days, HomeOptimizer optimizer, StudyOptions options,
                                      List<Double> coordinationMs, List<Double> centralMs, List<Double> gaps) {
        HomeDay any = days.get(0);
        int n = options.grid().ptusPerDay();
        double[] fixed = new double[n];
        List<HomeDayProblem> members = new ArrayList<>();
        List<HomeSchedule> uc1 = new ArrayList<>();
        for (HomeDay d : days) {
            boolean continuous = d.problem().battery().isPresent() || d.problem().ev().isPresent()
                    || d.problem().heatPump().isPresent();
            if (continuous && d.optimised() != d.baseline()) {
                members.add(d.problem());
                uc1.add(d.optimised());
            } else {
                for (int t = 0; t < n; t++) {
                    fixed[t] += d.optimised().netInKw()[t];
                }
            }
        }
        if (members.isEmpty()) {
            return;
        }
        CommunityDay day = new CommunityDay(options.grid(), any.problem().importPriceInEurPerKwh(),
                any.problem().exportPriceInEurPerKwh(), fixed);
        List<PriceResponder> responders = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            responders.add(PriceResponder.direct(optimizer, members.get(i), uc1.get(i).wetStartPtus()));
        }
        long t0 = System.nanoTime();
        double coordinated = new DantzigWolfeCoordinator(options.coordinationTolerance(),
                options.maxCoordinationRounds()).coordinate(day, uc1.stream().map(HomeSchedule::netInKw).toList(),
                responders).costInEur();
        long t1 = System.nanoTime();
        double central = new CentralisedCommunitySolver().solve(day, members,
                uc1.stream().map(HomeSchedule::wetStartPtus).toList()).costInEur();
        long t2 = System.nanoTime();
        coordinationMs.add((t1 - t0) / 1e6);
        centralMs.add((t2 - t1) / 1e6);
        gaps.add(100 * (coordinated - central) / Math.max(Math.abs(central), 1e-9));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f ms", value);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double peakHeapMiB() {
        return Arrays.stream(ManagementFactory.getMemoryPoolMXBeans().toArray(new MemoryPoolMXBean[0]))
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum()
                / (1024.0 * 1024.0);
    }
}
