package org.openlfa.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openlfa.core.InputException;
import org.openlfa.region.ConsoleProgress;
import org.openlfa.region.LvgTask;
import org.openlfa.region.RegionRun;
import org.openlfa.region.RegionSettings;
import org.openlfa.region.RegionSpec;

/**
 * The {@code spark-submit} entry point: the same options as {@code lfa region}, run on the cluster that spark-submit
 * names. Outputs are written by the driver, so {@code --out} is a path on the driver's machine.
 *
 * <pre>{@code
 * spark-submit --class org.openlfa.spark.SparkRegionJob --master spark://head:7077 \
 *     spark/target/openlfa-spark-bundle.jar --networks enwl:all --replicas 40 --out region
 * }</pre>
 */
public final class SparkRegionJob {

    private SparkRegionJob() {
    }

    /** Runs the job; exit code 2 for bad input, 0 when the outputs are written (failed grids are listed in them). */
    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (InputException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Parses the options and runs the region; returns the exit code. */
    static int run(String... args) {
        String networks = "enwl:all";
        String master = null;
        String out = null;
        int replicas = 0;
        long seed = 42;
        boolean grid = true;
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--networks" -> networks = value(args, ++i, a);
                case "--master" -> master = value(args, ++i, a);
                case "--out" -> out = value(args, ++i, a);
                case "--replicas" -> replicas = integer(value(args, ++i, a), a);
                case "--seed" -> seed = integer(value(args, ++i, a), a);
                case "--scenario" -> scenarios.add(value(args, ++i, a));
                case "--no-grid" -> grid = false;
                case "--engine" -> {
                    if (!value(args, ++i, a).equals("spark")) {
                        throw InputException.in("command line", a, "spark (this is the Spark job)");
                    }
                }
                default -> throw InputException.in("command line", a, "one of --networks, --replicas, --scenario, "
                        + "--seed, --no-grid, --master, --out");
            }
        }
        if (out == null) {
            throw InputException.in("command line", "--out", "an output folder");
        }
        RegionSettings settings = new RegionSettings(scenarios, seed, grid);
        List<LvgTask> tasks = RegionSpec.tasks(networks, replicas, seed);
        try (SparkEngine engine = SparkEngine.start(master)) {
            RegionRun.RegionOutcome o = RegionRun.run(tasks, settings, engine, Path.of(out),
                    new ConsoleProgress(System.err), networks);
            System.out.printf(Locale.ROOT, "%d LV grids (%d failed) written to %s in %.1f s%n", o.results().size(),
                    o.failures().size(), Path.of(out).toAbsolutePath(), o.wallInSeconds());
            o.failures().forEach(f -> System.out.println("failed: " + f.lvg() + ": " + f.error()));
            return 0;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw InputException.in("command line", option, "a value after " + option);
        }
        return args[i];
    }

    private static int integer(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw InputException.in("command line", option, "a whole number, got '" + text + "'");
        }
    }
}
