package org.openlfa.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openlfa.core.AtomicFiles;
import org.openlfa.core.InputException;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.OpenDssReader;
import org.openlfa.powerflow.LoadPowers;
import org.openlfa.powerflow.PowerFlowModel;
import org.openlfa.powerflow.PowerFlowResult;
import org.openlfa.powerflow.ShapedLoads;
import org.openlfa.powerflow.TransformerFlow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfa powerflow}: the three-phase unbalanced power flow of an OpenDSS LV network, driven by the model's own
 * load shapes, at one minute or over the whole day.
 *
 * <pre>{@code
 * ./lfa powerflow --network ieee-european-lv-test-feeder/opendss/Master.dss --minute 566 --out pf566
 * ./lfa powerflow --network ieee-european-lv-test-feeder/opendss/Master.dss --daily --out pfday
 * }</pre>
 */
@Command(name = "powerflow", mixinStandardHelpOptions = true,
        description = "Three-phase unbalanced power flow of an OpenDSS LV network at one minute of its load shapes "
                + "(voltages.csv, branches.csv, transformer.csv) or over the day (daily_loads.csv, "
                + "daily_transformer.csv).")
final class PowerflowCommand implements Callable<Integer> {

    private static final String[] PHASES = {"a", "b", "c"};

    @Spec
    CommandSpec spec;

    @Option(names = "--network", required = true, description = "the OpenDSS master file (e.g. Master.dss)")
    Path network;

    @ArgGroup(exclusive = true, multiplicity = "1")
    When when;

    /** Exactly one of --minute and --daily. */
    static final class When {
        @Option(names = "--minute", required = true, description = "the minute of the day to solve, 1 = 00:01")
        Integer minute;

        @Option(names = "--daily", required = true, description = "solve every minute of the day (1..1440)")
        boolean daily;
    }

    @Option(names = "--out", defaultValue = "powerflow", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter console = spec.commandLine().getOut();
        // Read and check everything before writing anything.
        LvNetwork grid = OpenDssReader.read(network);
        PowerFlowModel model = PowerFlowModel.of(grid);
        ShapedLoads shaped = ShapedLoads.of(model);
        int points = shaped.points() > 0 ? shaped.points() : 1440;
        if (when.minute != null && (when.minute < 1 || when.minute > points)) {
            throw InputException.in("command line", "--minute", "a minute 1.." + points + ", got " + when.minute);
        }
        Path staging = AtomicFiles.stagingFolderFor(out);
        try {
            if (when.daily) {
                writeDaily(model, shaped, staging);
            } else {
                writeMinute(model, shaped, when.minute, staging);
            }
        } catch (RuntimeException e) {
            AtomicFiles.discard(staging);
            throw e;
        }
        AtomicFiles.commit(staging, out);
        console.printf(Locale.ROOT, "power flow of %s (%d buses, %d loads) written to %s (%.2f s)%n", grid.name(),
                model.busNames().size(), model.loadNames().size(), out.toAbsolutePath(),
                (System.nanoTime() - start) / 1e9);
        console.flush();
        return 0;
    }

    private static PowerFlowResult solve(PowerFlowModel model, LoadPowers powers, int minute) {
        PowerFlowResult r = model.solve(powers);
        if (!r.converged()) {
            throw InputException.in(model.network().name(), "minute " + minute,
                    "loads the network can carry; the power flow did not converge: " + r.failure().orElse(""));
        }
        return r;
    }

    private static void writeMinute(PowerFlowModel model, ShapedLoads shaped, int minute, Path folder) {
        PowerFlowResult r = solve(model, shaped.fill(minute, LoadPowers.zero(model)), minute);
        List<String> buses = model.busNames();
        write(folder.resolve("voltages.csv"), w -> {
            w.write("bus,phase,v_pu,angle_deg\n");
            for (int b = 0; b < buses.size(); b++) {
                for (int ph = 0; ph < 3; ph++) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%.6f,%.3f%n", buses.get(b), PHASES[ph],
                            r.voltageInPerUnit(b, ph), r.voltageAngleInDegrees(b, ph)));
                }
            }
        });
        List<String> lines = model.lineNames();
        write(folder.resolve("branches.csv"), w -> {
            w.write("line,phase,current_a,loading_pct\n");
            for (int l = 0; l < lines.size(); l++) {
                for (int ph = 0; ph < 3; ph++) {
                    double loading = r.lineLoadingInPercent(l, ph);
                    // Empty where the line code carries no rating (the IEEE and ENWL files give none).
                    w.write(String.format(Locale.ROOT, "%s,%s,%.4f,%s%n", lines.get(l), PHASES[ph],
                            r.lineCurrentInAmps(l, ph), Double.isNaN(loading) ? "" : String.format(Locale.ROOT,
                                    "%.3f", loading)));
                }
            }
        });
        TransformerFlow t = r.transformer();
        write(folder.resolve("transformer.csv"), w -> {
            w.write("phase,p_kw,q_kvar\n");
            for (int ph = 0; ph < 3; ph++) {
                w.write(String.format(Locale.ROOT, "%s,%.5f,%.5f%n", PHASES[ph], t.activePowerInKw().get(ph),
                        t.reactivePowerInKvar().get(ph)));
            }
        });
    }

    private static void writeDaily(PowerFlowModel model, ShapedLoads shaped, Path folder) {
        List<String> loads = model.loadNames();
        LoadPowers powers = LoadPowers.zero(model);
        try (BufferedWriter lw = Files.newBufferedWriter(folder.resolve("daily_loads.csv"), StandardCharsets.UTF_8);
                BufferedWriter tw = Files.newBufferedWriter(folder.resolve("daily_transformer.csv"),
                        StandardCharsets.UTF_8)) {
            lw.write("minute,load,phase,v_pu\n");
            tw.write("minute,phase,p_kw,q_kvar\n");
            StringBuilder sb = new StringBuilder(4096);
            for (int minute = 1; minute <= 1440; minute++) {
                PowerFlowResult r = solve(model, shaped.fill(minute, powers), minute);
                sb.setLength(0);
                for (int l = 0; l < loads.size(); l++) {
                    sb.append(minute).append(',').append(loads.get(l)).append(',')
                            .append(PHASES[model.loadPhase(l)]).append(',')
                            .append(String.format(Locale.ROOT, "%.6f", r.loadVoltageInPerUnit(l))).append('\n');
                }
                lw.append(sb);
                TransformerFlow t = r.transformer();
                for (int ph = 0; ph < 3; ph++) {
                    tw.write(String.format(Locale.ROOT, "%d,%s,%.5f,%.5f%n", minute, PHASES[ph],
                            t.activePowerInKw().get(ph), t.reactivePowerInKvar().get(ph)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the daily power-flow results to " + folder, e);
        }
    }

    /** Something that writes a file's content. */
    private interface Content {
        void writeTo(BufferedWriter w) throws IOException;
    }

    private static void write(Path file, Content content) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.writeTo(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
