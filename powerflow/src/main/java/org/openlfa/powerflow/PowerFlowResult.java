package org.openlfa.powerflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * The outcome of one power flow, in the indices of its {@link PowerFlowModel}: phase-to-neutral voltage of every bus
 * and phase, current of every line and phase, the power through the transformer. Magnitudes and angles are computed
 * when asked, from the complex values kept.
 *
 * <pre>{@code
 * PowerFlowResult r = model.solve(powers);
 * if (!r.converged()) {
 *     log.warn("PTU {}: {}", ptu, r.failure().orElseThrow());
 * } else if (r.minVoltageInPerUnit() < 0.9 || r.transformer().loadingInPercent() > 100) {
 *     // congestion
 * }
 * }</pre>
 *
 * <p>Phases are numbered 0 = a, 1 = b, 2 = c. A result that did not converge holds NaN everywhere.
 */
public final class PowerFlowResult {

    private final PowerFlowModel model;
    private final String solverName;
    private final boolean converged;
    private final int iterations;
    private final double lastChangeInPerUnit;
    private final String failure;
    private final double[] voltages;      // complex, 6 per bus, volts
    private final double[] lineCurrents;  // complex, 6 per line, amps
    private final double[] rootCurrent;   // complex, 6, amps into the LV network at the transformer's LV bus

    PowerFlowResult(PowerFlowModel model, String solverName, boolean converged, int iterations,
            double lastChangeInPerUnit, String failure, double[] voltages, double[] lineCurrents,
            double[] rootCurrent) {
        this.model = model;
        this.solverName = solverName;
        this.converged = converged;
        this.iterations = iterations;
        this.lastChangeInPerUnit = lastChangeInPerUnit;
        this.failure = failure;
        this.voltages = voltages;
        this.lineCurrents = lineCurrents;
        this.rootCurrent = rootCurrent;
    }

    static PowerFlowResult failed(PowerFlowModel model, String solverName, int iterations, String why) {
        double[] v = new double[6 * model.busNames().size()];
        double[] c = new double[6 * model.lineNames().size()];
        double[] r = new double[6];
        Arrays.fill(v, Double.NaN);
        Arrays.fill(c, Double.NaN);
        Arrays.fill(r, Double.NaN);
        return new PowerFlowResult(model, solverName, false, iterations, Double.NaN, why, v, c, r);
    }

    /** The model whose indices this result uses. */
    public PowerFlowModel model() {
        return model;
    }

    /** Which solver produced it. */
    public String solverName() {
        return solverName;
    }

    /** Whether the power flow converged; when not, every number is NaN and {@link #failure()} says why. */
    public boolean converged() {
        return converged;
    }

    /** Why it did not converge, empty if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Sweeps (or Newton iterations) done. */
    public int iterations() {
        return iterations;
    }

    /** The largest voltage change of the last iteration, per unit (NaN where the solver does not report it). */
    public double lastChangeInPerUnit() {
        return lastChangeInPerUnit;
    }

    /** Voltage magnitude of a bus and phase, per unit of the bus's phase-to-neutral base. */
    public double voltageInPerUnit(int bus, int phase) {
        int o = 6 * bus + 2 * phase;
        return Math.hypot(voltages[o], voltages[o + 1]) / model.baseVoltageInVolts(bus);
    }

    /** Voltage magnitude by bus name (case-insensitive). */
    public double voltageInPerUnit(String bus, int phase) {
        return voltageInPerUnit(bus(bus), phase);
    }

    /** Voltage magnitude in volts. */
    public double voltageInVolts(int bus, int phase) {
        int o = 6 * bus + 2 * phase;
        return Math.hypot(voltages[o], voltages[o + 1]);
    }

    /** Voltage angle, degrees in (-180, 180]. */
    public double voltageAngleInDegrees(int bus, int phase) {
        int o = 6 * bus + 2 * phase;
        return Math.toDegrees(Math.atan2(voltages[o + 1], voltages[o]));
    }

    /** Voltage angle by bus name. */
    public double voltageAngleInDegrees(String bus, int phase) {
        return voltageAngleInDegrees(bus(bus), phase);
    }

    /** The three phase voltages of a bus, per unit. */
    public PhaseValues busVoltageInPerUnit(int bus) {
        return new PhaseValues(voltageInPerUnit(bus, 0), voltageInPerUnit(bus, 1), voltageInPerUnit(bus, 2));
    }

    /** The voltage at a load, on its (first) phase, per unit. */
    public double loadVoltageInPerUnit(int load) {
        return voltageInPerUnit(model.loadBus(load), model.loadPhase(load));
    }

    /** Current of a line and phase, amps (the series current; line capacitance is charged at the ends). */
    public double lineCurrentInAmps(int line, int phase) {
        int o = 6 * line + 2 * phase;
        return Math.hypot(lineCurrents[o], lineCurrents[o + 1]);
    }

    /** The three phase currents of a line, amps. */
    public PhaseValues lineCurrentsInAmps(int line) {
        return new PhaseValues(lineCurrentInAmps(line, 0), lineCurrentInAmps(line, 1), lineCurrentInAmps(line, 2));
    }

    /** Loading of a line and phase against its normal rating, percent; NaN when the line has no rating. */
    public double lineLoadingInPercent(int line, int phase) {
        return lineCurrentInAmps(line, phase) / model.lineRatingInAmps(line) * 100;
    }

    /**
     * The power into the LV network per phase, at the transformer's LV terminals (at the source bus when the network
     * has no transformer; the loading is then NaN).
     */
    public TransformerFlow transformer() {
        int root = model.rootBus();
        double[] p = new double[3];
        double[] q = new double[3];
        double[] i = new double[3];
        for (int ph = 0; ph < 3; ph++) {
            int o = 6 * root + 2 * ph;
            double vr = voltages[o];
            double vi = voltages[o + 1];
            double ir = rootCurrent[2 * ph];
            double ii = rootCurrent[2 * ph + 1];
            // S = V conj(I)
            p[ph] = (vr * ir + vi * ii) / 1000;
            q[ph] = (vi * ir - vr * ii) / 1000;
            i[ph] = Math.hypot(ir, ii);
        }
        PhaseValues currents = new PhaseValues(i[0], i[1], i[2]);
        double ratedAmps = model.transformerRatingInKva() * 1000
                / (Math.sqrt(3) * model.baseVoltageInVolts(root) * Math.sqrt(3));
        return new TransformerFlow(new PhaseValues(p[0], p[1], p[2]), new PhaseValues(q[0], q[1], q[2]), currents,
                currents.max() / ratedAmps * 100);
    }

    /** The lowest phase voltage of the LV buses, per unit. */
    public double minVoltageInPerUnit() {
        double min = Double.POSITIVE_INFINITY;
        for (int b = model.rootBus(); b < model.busNames().size(); b++) {
            for (int ph = 0; ph < 3; ph++) {
                min = Math.min(min, voltageInPerUnit(b, ph));
            }
        }
        return converged ? min : Double.NaN;
    }

    /** The highest phase voltage of the LV buses, per unit. */
    public double maxVoltageInPerUnit() {
        double max = Double.NEGATIVE_INFINITY;
        for (int b = model.rootBus(); b < model.busNames().size(); b++) {
            for (int ph = 0; ph < 3; ph++) {
                max = Math.max(max, voltageInPerUnit(b, ph));
            }
        }
        return converged ? max : Double.NaN;
    }

    /** The highest loading of a rated line, percent; NaN when no line has a rating. */
    public double maxLineLoadingInPercent() {
        double max = Double.NaN;
        for (int l = 0; l < model.lineNames().size(); l++) {
            if (Double.isNaN(model.lineRatingInAmps(l))) {
                continue;
            }
            for (int ph = 0; ph < 3; ph++) {
                double x = lineLoadingInPercent(l, ph);
                max = Double.isNaN(max) ? x : Math.max(max, x);
            }
        }
        return max;
    }

    private int bus(String name) {
        int b = model.busIndex(name);
        if (b < 0) {
            throw new IllegalArgumentException("no bus " + name + " in network " + model.network().name());
        }
        return b;
    }
}
