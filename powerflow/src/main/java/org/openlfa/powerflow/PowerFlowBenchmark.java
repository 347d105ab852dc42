package org.openlfa.powerflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.OpenDssReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the power flow: time per step of the three-phase sweep against PowSyBl OpenLoadFlow (balanced) on the
 * same network in the same run, on the IEEE European LV Test Feeder and on ENWL network 22, and the wall time of the
 * IEEE daily run (1440 one-minute steps, load voltages and transformer flow read out as {@code lfa powerflow
 * --daily} does, without writing files). Everything is warmed up first; figures are medians.
 *
 * <pre>{@code
 * PowerFlowBenchmark.Report report = PowerFlowBenchmark.run(Path.of(".../opendss/Master.dss"));
 * out.println(report.toMarkdown());
 * }</pre>
 * From the shell: {@code java -cp <classpath> org.openlfa.powerflow.PowerFlowBenchmark PATH/Master.dss}.
 */
public final class PowerFlowBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(PowerFlowBenchmark.class);

    private PowerFlowBenchmark() {
    }

    /**
     * Time per step on one network.
     *
     * @param network           the network name
     * @param buses             number of buses
     * @param sweepMedianMillis median time of one three-phase sweep solve
     * @param sweepIterations   median iterations of the sweep
     * @param olfMedianMillis   median time of one OpenLoadFlow run on the balanced equivalent
     * @param sweepSamples      timed sweep steps
     * @param olfSamples        timed OpenLoadFlow steps
     */
    public record StepFigures(String network, int buses, double sweepMedianMillis, double sweepIterations,
            double olfMedianMillis, int sweepSamples, int olfSamples) {

        /** How many times faster the sweep is than OpenLoadFlow. */
        public double ratio() {
            return olfMedianMillis / sweepMedianMillis;
        }
    }

    /**
     * The whole benchmark.
     *
     * @param steps                 per-step figures per network
     * @param ieeeDailyMedianSeconds median wall time of the IEEE 1440-step day (NaN when the feeder was not given)
     * @param ieeeDailyRuns          timed daily runs
     * @param machine                processors, Java version and maximum heap
     */
    public record Report(List<StepFigures> steps, double ieeeDailyMedianSeconds, int ieeeDailyRuns, String machine) {

        /** The figures as a Markdown table. */
        public String toMarkdown() {
            StringBuilder sb = new StringBuilder();
            sb.append("Machine: ").append(machine).append("\n\n");
            sb.append("| network | buses | sweep per step, median | sweep iterations | OpenLoadFlow per step, median "
                    + "| ratio |\n|---|---|---|---|---|---|\n");
            for (StepFigures s : steps) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f ms (n = %d) | %.0f | %.2f ms (n = %d) | %.0fx |%n",
                        s.network(), s.buses(), s.sweepMedianMillis(), s.sweepSamples(), s.sweepIterations(),
                        s.olfMedianMillis(), s.olfSamples(), s.ratio()));
            }
            if (!Double.isNaN(ieeeDailyMedianSeconds)) {
                sb.append(String.format(Locale.ROOT, "%nIEEE daily run, 1440 steps: %.3f s (median of %d runs)%n",
                        ieeeDailyMedianSeconds, ieeeDailyRuns));
            }
            return sb.toString();
        }
    }

    /**
     * Runs the benchmark (about 30 s on two cores).
     *
     * @param ieeeMaster the IEEE feeder's {@code Master.dss}, or null to measure ENWL network 22 only
     */
    public static Report run(Path ieeeMaster) {
        List<StepFigures> steps = new ArrayList<>();
        double daily = Double.NaN;
        int dailyRuns = 0;
        if (ieeeMaster != null) {
            PowerFlowModel ieee = PowerFlowModel.of(OpenDssReader.read(ieeeMaster));
            ShapedLoads shaped = ShapedLoads.of(ieee);
            LoadPowers powers = LoadPowers.zero(ieee);
            steps.add(measure(ieee, m -> shaped.fill(1 + (m * 7) % 1440, powers), powers));
            // The daily run as the CLI does it, without the file writing.
            double[] out = new double[ieee.loadNames().size()];
            Runnable day = () -> {
                for (int minute = 1; minute <= 1440; minute++) {
                    PowerFlowResult r = ieee.solve(shaped.fill(minute, powers));
                    for (int l = 0; l < out.length; l++) {
                        out[l] = r.loadVoltageInPerUnit(l);
                    }
                    out[0] += r.transformer().activePowerInKw().sum();
                }
            };
            for (int i = 0; i < 3; i++) {
                day.run();
            }
            dailyRuns = 7;
            double[] t = new double[dailyRuns];
            for (int i = 0; i < dailyRuns; i++) {
                long start = System.nanoTime();
                day.run();
                t[i] = (System.nanoTime() - start) / 1e9;
            }
            daily = median(t);
        }
        LvNetwork n22 = EnwlNetwork.builtInNetwork22();
        PowerFlowModel enwl = PowerFlowModel.of(n22);
        LoadPowers powers = LoadPowers.zero(enwl);
        // ENWL's own load shapes were never published: a deterministic spread of 0.2 .. 3 kW per home, PF 0.95.
        steps.add(measure(enwl, m -> {
            for (int i = 0; i < powers.size(); i++) {
                double kw = 0.2 + ((i * 37 + m * 11) % 100) / 100.0 * 2.8;
                powers.set(i, kw, kw * 0.3287);
            }
        }, powers));
        Runtime rt = Runtime.getRuntime();
        String machine = String.format(Locale.ROOT, "%d cores (%s), Java %s, max heap %d MiB",
                rt.availableProcessors(), System.getProperty("os.arch"), System.getProperty("java.version"),
                rt.maxMemory() >> 20);
        Report report = new Report(steps, daily, dailyRuns, machine);
        LOG.debug("power-flow benchmark:\n{}", report.toMarkdown());
        return report;
    }

    private static StepFigures measure(PowerFlowModel model, IntConsumer setLoads, LoadPowers powers) {
        OpenLoadFlowSolver olf = OpenLoadFlowSolver.of(model);
        for (int m = 0; m < 2000; m++) {
            setLoads.accept(m);
            check(model.solve(powers));
        }
        for (int m = 0; m < 15; m++) {
            setLoads.accept(m);
            check(olf.solve(powers));
        }
        int sweepSamples = 1000;
        double[] sweep = new double[sweepSamples];
        double[] iterations = new double[sweepSamples];
        for (int m = 0; m < sweepSamples; m++) {
            setLoads.accept(m);
            long start = System.nanoTime();
            PowerFlowResult r = model.solve(powers);
            sweep[m] = (System.nanoTime() - start) / 1e6;
            iterations[m] = r.iterations();
        }
        int olfSamples = 30;
        double[] reference = new double[olfSamples];
        for (int m = 0; m < olfSamples; m++) {
            setLoads.accept(m);
            long start = System.nanoTime();
            check(olf.solve(powers));
            reference[m] = (System.nanoTime() - start) / 1e6;
        }
        return new StepFigures(model.network().name(), model.busNames().size(), median(sweep), median(iterations),
                median(reference), sweepSamples, olfSamples);
    }

    private static void check(PowerFlowResult r) {
        if (!r.converged()) {
            throw new IllegalStateException("benchmark case did not converge: " + r.failure().orElse(""));
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Command-line entry point: prints the Markdown table (the one place here that writes to standard output). */
    public static void main(String[] args) {
        Report report = run(args.length > 0 ? Path.of(args[0]) : null);
        System.out.println(report.toMarkdown());
    }
}
