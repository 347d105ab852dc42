package org.openlfa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openlfa.core.InputException;
import org.openlfa.region.ConsoleProgress;
import org.openlfa.region.LocalEngine;
import org.openlfa.region.LvgResult;
import org.openlfa.region.LvgTask;
import org.openlfa.region.RegionEngine;
import org.openlfa.region.RegionEngineProvider;
import org.openlfa.region.RegionRun;
import org.openlfa.region.RegionSettings;
import org.openlfa.region.RegionSpec;
import org.openlfa.region.RegionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfa region}: the study and the CBA over many LV grids, one grid per task (see {@code docs/region.md}).
 *
 * <pre>{@code
 * ./lfa region --networks enwl:all --out region                 # the 25 ENWL networks on all cores
 * ./lfa region --networks enwl:22,5 --replicas 10 --out region  # 2 networks x 11 variants
 * }</pre>
 */
@Command(name = "region", mixinStandardHelpOptions = true,
        description = "Runs the study (UC1-UC3) and the CBA on many LV grids: lvg_results.csv, region_summary.csv.")
final class RegionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--networks", defaultValue = "enwl:all", description = "enwl:all, enwl:N[,N...] (shipped ENWL "
            + "networks), a network folder with Feeder_N folders, or a folder of such (default: ${DEFAULT-VALUE})")
    String networks;

    @Option(names = "--engine", defaultValue = "local", description = "local (all cores of this machine) or spark "
            + "(needs the openlfa-spark jar and Spark on the class path: use spark-submit) (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--master", description = "Spark master URL, e.g. local[4] or spark://host:7077 (spark engine)")
    String master;

    @Option(names = "--replicas", defaultValue = "0", description = "synthetic variants per network: seeded draw of "
            + "assets, profiles and phases (default: ${DEFAULT-VALUE})")
    int replicas;

    @Option(names = "--scenario", description = "a built-in scenario name or a scenario YAML file; repeatable "
            + "(default: " + RegionSettings.DEFAULT_SCENARIO + ")")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", description = "the region's seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "LV grids at once on the local engine (default: all cores)")
    Integer threads;

    @Option(names = "--no-grid", description = "skip UC3 (the power flow and the DSO's flexibility purchase)")
    boolean noGrid;

    @Option(names = "--out", defaultValue = "region", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        RegionSettings settings = new RegionSettings(scenarios, seed, !noGrid);
        List<LvgTask> tasks = RegionSpec.tasks(networks, replicas, seed);
        try (RegionEngine e = engine()) {
            RegionRun.RegionOutcome o = RegionRun.run(tasks, settings, e, out, new ConsoleProgress(System.err),
                    networks);
            print(console, o, e);
        }
        return 0;
    }

    private RegionEngine engine() {
        switch (engine) {
            case "local" -> {
                if (threads != null && threads < 1) {
                    throw InputException.in("command line", "--threads", "1 or more, got " + threads);
                }
                return new LocalEngine(threads != null ? threads : Runtime.getRuntime().availableProcessors());
            }
            case "spark" -> {
                return RegionEngineProvider.find("spark").orElseThrow(() -> InputException.in("command line",
                        "--engine", "spark with the openlfa-spark jar and Spark on the class path; run it with "
                                + "spark-submit --class org.openlfa.spark.SparkRegionJob (docs/region.md)")).open(master);
            }
            default -> throw InputException.in("command line", "--engine", "local or spark, got '" + engine + "'");
        }
    }

    private void print(PrintWriter console, RegionRun.RegionOutcome o, RegionEngine e) {
        int customers = o.results().stream().mapToInt(LvgResult::customers).sum();
        console.printf(Locale.ROOT, "%-16s %5s %8s %12s %12s %12s %14s %14s%n", "scenario", "lvgs", "homes",
                "uc1_save_eur", "uc2_save_eur", "deferral_eur", "bc3_npv_eur", "bc3_npv/1M_eur");
        for (RegionSummary.Row r : o.summary()) {
            var v = r.values();
            console.printf(Locale.ROOT, "%-16s %5.0f %8.0f %12.0f %12.0f %12.0f %14.0f %14.0f%n", r.scenario(),
                    v.get("lvgs"), v.get("households"), v.get("uc1_saving_eur"), v.get("uc2_saving_eur"),
                    v.get("deferral_value_eur"), v.getOrDefault("bc3_npv_eur", Double.NaN),
                    v.getOrDefault("bc3_npv_eur_per_million_prosumers", Double.NaN));
        }
        for (LvgResult f : o.failures()) {
            console.printf("failed: %s: %s%n", f.lvg(), f.error());
        }
        if (!o.failures().isEmpty()) {
            console.printf("%d LV grid(s) failed; a re-run retries them and keeps the %d finished (%s)%n",
                    o.failures().size(), o.results().size() - o.failures().size(), o.workFolder());
        }
        console.printf(Locale.ROOT, "%d LV grids, %d customers (%d resumed) on %s x%d, written to %s (%.1f s)%n",
                o.results().size(), customers, o.resumed(), e.name(), e.parallelism(), out.toAbsolutePath(),
                o.wallInSeconds());
        console.flush();
    }
}
