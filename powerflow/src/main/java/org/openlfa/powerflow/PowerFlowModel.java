package org.openlfa.powerflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.openlfa.core.InputException;
import org.openlfa.grid.Line;
import org.openlfa.grid.LineCode;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.Transformer;
import org.openlfa.grid.VoltageSource;

/**
 * A radial LV network prepared for repeated three-phase unbalanced power flows: topology, phase impedance matrices
 * and the source equivalent are computed once by {@link #of(LvNetwork)}; each {@link #solve(LoadPowers)} is a
 * backward/forward sweep on the phase frame that allocates only its result.
 *
 * <pre>{@code
 * PowerFlowModel model = PowerFlowModel.of(OpenDssReader.read(Path.of("Master.dss")));
 * LoadPowers powers = LoadPowers.zero(model);
 * powers.set("LOAD1", 2.5, 0.8);            // kW, kvar; negative for PV or a discharging battery
 * PowerFlowResult r = model.solve(powers);
 * if (!r.converged()) { ... r.failure() ... }
 * double v = r.voltageInPerUnit("34", 0);   // bus 34, phase a
 * }</pre>
 *
 * <p>Conventions (details in {@code docs/powerflow.md}): voltages are phase-to-neutral, in per unit of the bus's
 * base (the transformer's LV rated line-to-line kV / sqrt 3 on the LV side, the source's base kV / sqrt 3 on the MV
 * side), angles in degrees with phase a of the source at its {@code angle}; a Dyn transformer makes the LV side lag
 * the MV side by 30 degrees (the OpenDSS and ANSI convention). Loads are constant PQ on their phase (a three-phase
 * load is split equally over its phases); the neutral is solidly earthed everywhere, as in the OpenDSS models whose
 * lines carry the neutral and earth return inside their sequence impedances.
 *
 * <p>An instance is immutable and thread-safe: each thread solving gets its own work arrays.
 */
public final class PowerFlowModel implements PowerFlowSolver {

    /** Default convergence tolerance: largest voltage change between sweeps, in per unit of the bus base. */
    public static final double DEFAULT_TOLERANCE_IN_PER_UNIT = 1e-9;
    /** Default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    private static final double SQRT3 = Math.sqrt(3);
    /** Below this voltage (per unit) the sweep is taken to be collapsing: a load beyond what the feeder can carry. */
    private static final double COLLAPSE_VOLTAGE_IN_PER_UNIT = 0.3;

    private final LvNetwork network;
    private final double toleranceInPerUnit;
    private final int maxIterations;

    // Buses: 0 = the source bus; when there is a transformer, 1 = its LV bus (the sweep's root); then breadth-first.
    private final List<String> busNames;
    private final Map<String, Integer> busIndexByKey;
    private final double[] baseVolts;
    private final int root;
    private final int busCount;
    private final int[] parent;
    /** Series impedance (ohm) of the line feeding each bus, 18 doubles per bus. */
    private final double[] seriesZ;
    /** Half the line's shunt admittance (siemens) at each end, per fed bus; null when no line has capacitance. */
    private final double[] halfShuntY;

    private final List<String> lineNames;
    private final Map<String, Integer> lineIndexByKey;
    private final int[] busOfLine;
    private final double[] lineRatingInAmps;
    private final double[] lineZ1InOhm;      // r, x per line (positive sequence, for the balanced model)
    private final double[] lineB1InSiemens;  // positive-sequence shunt susceptance of the whole line

    private final List<String> loadNames;
    private final Map<String, Integer> loadIndexByKey;
    private final int[] loadBus;
    private final int[] loadFirstPhase;
    private final int[] loadPhaseCount;
    private final int[] loadNodes;           // distinct bus*3+phase nodes that carry load

    // Source and transformer.
    private final double[] sourceVoltage;    // complex phase vector, volts
    private final SourceImpedance sourceImpedance;
    private final double[] sourceZ;
    private final TransformerData transformer; // null without transformer
    private final double[] theveninE;        // open-circuit voltage at the root
    private final double[] theveninZ;

    private final ThreadLocal<Workspace> workspaces;

    /** The data of the MV/LV transformer used by the sweep and the balanced bridge. */
    record TransformerData(String name, double hvKv, double lvKv, double ratingInKva, double rInOhmLv,
            double xInOhmLv, boolean deltaWye, double shiftInDegrees, double[] ratio) {
    }

    private PowerFlowModel(LvNetwork network, Map<String, Double> ratingOverrides, double tolerance,
            int maxIterations) {
        this.network = network;
        this.toleranceInPerUnit = tolerance;
        this.maxIterations = maxIterations;
        String where = network.name();
        network.checkRadialConnected();

        VoltageSource source = network.source();
        List<Transformer> transformers = network.transformers();
        if (transformers.size() > 1) {
            throw InputException.in(where, "transformer " + transformers.get(1).name(),
                    "at most one MV/LV transformer (a radial LV network behind one substation), got "
                            + transformers.size());
        }
        Transformer tr = transformers.isEmpty() ? null : transformers.get(0);

        // Bus order: source, (LV root), then breadth-first over the lines so that a parent precedes its children.
        Map<String, List<Integer>> linesAtBus = new HashMap<>();
        List<Line> lines = network.lines();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            linesAtBus.computeIfAbsent(key(l.bus1()), k -> new ArrayList<>()).add(i);
            linesAtBus.computeIfAbsent(key(l.bus2()), k -> new ArrayList<>()).add(i);
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        names.add(source.bus());
        index.put(key(source.bus()), 0);
        if (tr != null) {
            check(tr, source, where);
            names.add(tr.secondary().bus());
            index.put(key(tr.secondary().bus()), 1);
        }
        int rootIndex = tr == null ? 0 : 1;
        int[] lineChild = new int[lines.size()];
        List<Integer> parents = new ArrayList<>(Collections.nCopies(names.size(), -1));
        List<Integer> feedingLine = new ArrayList<>(Collections.nCopies(names.size(), -1));
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(rootIndex);
        boolean[] lineSeen = new boolean[lines.size()];
        while (!queue.isEmpty()) {
            int b = queue.poll();
            for (int li : linesAtBus.getOrDefault(key(names.get(b)), List.of())) {
                if (lineSeen[li]) {
                    continue;
                }
                lineSeen[li] = true;
                Line l = lines.get(li);
                String other = key(l.bus1()).equals(key(names.get(b))) ? l.bus2() : l.bus1();
                if (index.containsKey(key(other))) {
                    // Radiality was checked; a line back to the MV bus or the root is still a loop for the sweep.
                    throw InputException.in(where, "line " + l.name(), "a radial LV network, but the line closes a "
                            + "loop at bus " + other);
                }
                int child = names.size();
                names.add(other);
                index.put(key(other), child);
                parents.add(b);
                feedingLine.add(li);
                lineChild[li] = child;
                queue.add(child);
            }
        }
        for (int li = 0; li < lines.size(); li++) {
            if (!lineSeen[li]) {
                Line l = lines.get(li);
                throw InputException.in(where, "line " + l.name(), "a line connected to the LV side of "
                        + (tr == null ? "the source" : "transformer " + tr.name()) + ", but bus " + l.bus1()
                        + " is not");
            }
        }
        this.busNames = List.copyOf(names);
        this.busIndexByKey = Map.copyOf(index);
        this.busCount = names.size();
        this.root = rootIndex;
        this.parent = parents.stream().mapToInt(Integer::intValue).toArray();
        this.busOfLine = lineChild;

        double lvKv = tr == null ? source.baseVoltageInKv() : tr.secondary().voltageInKv();
        this.baseVolts = new double[busCount];
        Arrays.fill(baseVolts, lvKv * 1000 / SQRT3);
        baseVolts[0] = source.baseVoltageInKv() * 1000 / SQRT3;

        // Line impedances, in the orientation of the sweep (impedance matrices are symmetric, so it does not matter).
        Map<String, Double> overrides = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        overrides.putAll(ratingOverrides);
        double omega = 2 * Math.PI * network.baseFrequencyInHertz();
        this.seriesZ = new double[busCount * Complex3.MATRIX];
        double[] shunts = new double[busCount * Complex3.MATRIX];
        boolean anyShunt = false;
        List<String> lNames = new ArrayList<>();
        Map<String, Integer> lIndex = new HashMap<>();
        this.lineRatingInAmps = new double[lines.size()];
        this.lineZ1InOhm = new double[2 * lines.size()];
        this.lineB1InSiemens = new double[lines.size()];
        for (int li = 0; li < lines.size(); li++) {
            Line l = lines.get(li);
            lNames.add(l.name());
            lIndex.put(key(l.name()), li);
            if (l.phases() != 3) {
                throw InputException.in(where, "line " + l.name(), "a three-phase line (single- and two-phase "
                        + "laterals are not supported), got phases=" + l.phases());
            }
            LineCode code = network.lineCode(l.lineCode()).orElseThrow(() -> InputException.in(where,
                    "line " + l.name(), "line code " + l.lineCode() + " to be defined"));
            double km = l.lengthInMeters() / 1000;
            double[] z = seriesPerKm(code, where, l);
            double[] c = capacitancePerKm(code, where, l);
            int child = lineChild[li];
            for (int k = 0; k < Complex3.MATRIX; k++) {
                seriesZ[child * Complex3.MATRIX + k] = z[k] * km;
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    // Y = j omega C, half at each end (the pi model OpenDSS uses).
                    double half = omega * c[3 * i + j] * 1e-9 * km / 2;
                    shunts[child * Complex3.MATRIX + Complex3.at(i, j) + 1] = half;
                    anyShunt |= half != 0;
                }
            }
            lineZ1InOhm[2 * li] = (z[0] + z[Complex3.at(1, 1)] + z[Complex3.at(2, 2)]) / 3 * km
                    - (z[Complex3.at(0, 1)] + z[Complex3.at(0, 2)] + z[Complex3.at(1, 2)]) / 3 * km;
            lineZ1InOhm[2 * li + 1] = (z[1] + z[Complex3.at(1, 1) + 1] + z[Complex3.at(2, 2) + 1]) / 3 * km
                    - (z[Complex3.at(0, 1) + 1] + z[Complex3.at(0, 2) + 1] + z[Complex3.at(1, 2) + 1]) / 3 * km;
            lineB1InSiemens[li] = omega * ((c[0] + c[4] + c[8]) / 3 - (c[1] + c[2] + c[5]) / 3) * 1e-9 * km;
            Double override = overrides.get(code.name());
            OptionalDouble rating = override != null ? OptionalDouble.of(override) : code.normalRatingInAmps();
            lineRatingInAmps[li] = rating.isPresent() && rating.getAsDouble() > 0 ? rating.getAsDouble() : Double.NaN;
        }
        this.halfShuntY = anyShunt ? shunts : null;
        this.lineNames = List.copyOf(lNames);
        this.lineIndexByKey = Map.copyOf(lIndex);

        // Loads.
        List<Load> loads = network.loads();
        this.loadBus = new int[loads.size()];
        this.loadFirstPhase = new int[loads.size()];
        this.loadPhaseCount = new int[loads.size()];
        List<String> ldNames = new ArrayList<>();
        Map<String, Integer> ldIndex = new HashMap<>();
        java.util.TreeSet<Integer> nodes = new java.util.TreeSet<>();
        for (int i = 0; i < loads.size(); i++) {
            Load load = loads.get(i);
            ldNames.add(load.name());
            ldIndex.put(key(load.name()), i);
            Integer bus = index.get(key(load.bus()));
            if (bus == null) {
                throw InputException.in(where, "load " + load.name(), "a load on a bus of the network, but bus "
                        + load.bus() + " is not connected to any line or transformer");
            }
            if (tr != null && bus == 0) {
                throw InputException.in(where, "load " + load.name(), "a load on the LV side, but it is on the MV "
                        + "source bus " + load.bus());
            }
            if (load.phases() < 1 || load.phases() > 3) {
                throw InputException.in(where, "load " + load.name(), "1, 2 or 3 phases, got " + load.phases());
            }
            loadBus[i] = bus;
            loadFirstPhase[i] = load.phase() - 1;
            loadPhaseCount[i] = load.phases();
            for (int k = 0; k < load.phases(); k++) {
                nodes.add(bus * 3 + (load.phase() - 1 + k) % 3);
            }
        }
        this.loadNames = List.copyOf(ldNames);
        this.loadIndexByKey = Map.copyOf(ldIndex);
        this.loadNodes = nodes.stream().mapToInt(Integer::intValue).toArray();

        // Source and its Thevenin equivalent at the LV root.
        double vln = source.baseVoltageInKv() * 1000 * source.voltageInPerUnit() / SQRT3;
        this.sourceVoltage = new double[6];
        for (int p = 0; p < 3; p++) {
            double a = Math.toRadians(source.angleInDegrees() - 120 * p);
            sourceVoltage[2 * p] = vln * Math.cos(a);
            sourceVoltage[2 * p + 1] = vln * Math.sin(a);
        }
        this.sourceImpedance = SourceImpedance.of(source);
        this.sourceZ = sourceImpedance.phaseMatrix();
        if (tr == null) {
            this.transformer = null;
            this.theveninE = sourceVoltage.clone();
            this.theveninZ = sourceZ.clone();
        } else {
            this.transformer = transformerData(tr);
            this.theveninE = Complex3.apply(transformer.ratio(), sourceVoltage);
            double[] z = Complex3.congruence(transformer.ratio(), sourceZ);
            for (int p = 0; p < 3; p++) {
                z[Complex3.at(p, p)] += transformer.rInOhmLv();
                z[Complex3.at(p, p) + 1] += transformer.xInOhmLv();
            }
            this.theveninZ = z;
        }
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(busCount));
    }

    /**
     * Prepares a network for power flows, with the line ratings of its line codes ({@code normamps}); lines whose
     * code has none report a loading of NaN.
     *
     * @throws InputException naming the element when the network is not a connected radial LV network behind at
     *                        most one transformer (an island, a loop, a missing line code, a load on an unknown
     *                        bus, a non-three-phase line, a transformer whose LV winding is not wye)
     */
    public static PowerFlowModel of(LvNetwork network) {
        return of(network, Map.of());
    }

    /**
     * As {@link #of(LvNetwork)}, with normal current ratings (amps) by line code name that override or complete
     * those of the files (the ENWL and IEEE line codes carry none).
     */
    public static PowerFlowModel of(LvNetwork network, Map<String, Double> ratingsInAmpsByLineCode) {
        Objects.requireNonNull(network, "network");
        return new PowerFlowModel(network, ratingsInAmpsByLineCode, DEFAULT_TOLERANCE_IN_PER_UNIT,
                DEFAULT_MAX_ITERATIONS);
    }

    /** The same model with another convergence tolerance (per unit voltage change) and iteration limit. */
    public PowerFlowModel withConvergence(double toleranceInPerUnit, int maxIterations) {
        if (!(toleranceInPerUnit > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("tolerance must be > 0 and maxIterations >= 1");
        }
        return new PowerFlowModel(network, ratingOverrides(), toleranceInPerUnit, maxIterations);
    }

    private Map<String, Double> ratingOverrides() {
        Map<String, Double> m = new HashMap<>();
        for (int li = 0; li < lineNames.size(); li++) {
            if (!Double.isNaN(lineRatingInAmps[li])) {
                m.put(network.lines().get(li).lineCode(), lineRatingInAmps[li]);
            }
        }
        return m;
    }

    private static void check(Transformer tr, VoltageSource source, String where) {
        if (!key(tr.primary().bus()).equals(key(source.bus()))) {
            throw InputException.in(where, "transformer " + tr.name(), "its first winding on the source bus "
                    + source.bus() + ", but it is on " + tr.primary().bus());
        }
        if (tr.phases() != 3) {
            throw InputException.in(where, "transformer " + tr.name(), "a three-phase transformer, got phases="
                    + tr.phases());
        }
        if (tr.secondary().connection() != Transformer.Connection.WYE) {
            throw InputException.in(where, "transformer " + tr.name(), "a wye (earthed-neutral) LV winding for "
                    + "phase-to-neutral loads, got delta");
        }
    }

    private static TransformerData transformerData(Transformer tr) {
        Transformer.Winding hv = tr.primary();
        Transformer.Winding lv = tr.secondary();
        double kva = hv.ratingInKva();
        // %R of each winding is on its own rating; XHL on winding 1's. All referred to the LV side, per phase of
        // the wye winding: Zbase = kV_LV^2 / MVA.
        double rPu = (hv.resistanceInPercent() + lv.resistanceInPercent() * kva / lv.ratingInKva()) / 100;
        double xPu = tr.xhlInPercent() / 100;
        double zBase = lv.voltageInKv() * lv.voltageInKv() * 1000 / kva;
        boolean delta = hv.connection() == Transformer.Connection.DELTA;
        double[] t = new double[9];
        double shift;
        if (delta) {
            // ANSI / OpenDSS Dyn: LV phase a winding sits on the MV delta winding between phases a and c, so the LV
            // side lags by 30 degrees: E_a = k (V_A - V_C), E_b = k (V_B - V_A), E_c = k (V_C - V_B).
            double k = lv.voltageInKv() / SQRT3 / hv.voltageInKv();
            t[0] = k;
            t[2] = -k;
            t[3] = -k;
            t[4] = k;
            t[7] = -k;
            t[8] = k;
            shift = -30;
        } else {
            double k = lv.voltageInKv() / hv.voltageInKv();
            t[0] = k;
            t[4] = k;
            t[8] = k;
            shift = 0;
        }
        return new TransformerData(tr.name(), hv.voltageInKv(), lv.voltageInKv(), kva, rPu * zBase, xPu * zBase,
                delta, shift, t);
    }

    private static double[] seriesPerKm(LineCode code, String where, Line line) {
        if (!code.hasMatrices()) {
            return Complex3.fromSequence(code.r1InOhmPerKm(), code.x1InOhmPerKm(), code.r0InOhmPerKm(),
                    code.x0InOhmPerKm(), 1);
        }
        if (code.rMatrixInOhmPerKm().size() != 6 || code.xMatrixInOhmPerKm().size() != 6) {
            throw InputException.in(where, "line code " + code.name(), "3x3 rmatrix and xmatrix (lower triangles "
                    + "of 6 values; matrices with an explicit neutral are not supported) for line " + line.name());
        }
        double[] z = new double[Complex3.MATRIX];
        double[] r = lowerToFull(code.rMatrixInOhmPerKm());
        double[] x = lowerToFull(code.xMatrixInOhmPerKm());
        for (int k = 0; k < 9; k++) {
            z[2 * k] = r[k];
            z[2 * k + 1] = x[k];
        }
        return z;
    }

    /** Capacitance matrix in nF/km, 9 doubles row-major. */
    private static double[] capacitancePerKm(LineCode code, String where, Line line) {
        if (code.hasMatrices() && !code.cMatrixInNanofaradPerKm().isEmpty()) {
            if (code.cMatrixInNanofaradPerKm().size() != 6) {
                throw InputException.in(where, "line code " + code.name(), "a 3x3 cmatrix for line " + line.name());
            }
            return lowerToFull(code.cMatrixInNanofaradPerKm());
        }
        double cs = (2 * code.c1InNanofaradPerKm() + code.c0InNanofaradPerKm()) / 3;
        double cm = (code.c0InNanofaradPerKm() - code.c1InNanofaradPerKm()) / 3;
        return new double[] {cs, cm, cm, cm, cs, cm, cm, cm, cs};
    }

    private static double[] lowerToFull(List<Double> lower) {
        double[] m = new double[9];
        int k = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                m[3 * i + j] = lower.get(k);
                m[3 * j + i] = lower.get(k);
                k++;
            }
        }
        return m;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------------ solving

    /** The work arrays of one thread; reused from solve to solve. */
    private static final class Workspace {
        final double[] v;       // phase voltages, 6 doubles per bus
        final double[] i;       // injections, then (after the backward sweep) the current of the feeding line
        final double[] sP;      // per node, W
        final double[] sQ;      // per node, var

        Workspace(int buses) {
            v = new double[6 * buses];
            i = new double[6 * buses];
            sP = new double[3 * buses];
            sQ = new double[3 * buses];
        }
    }

    @Override
    public String solverName() {
        return "three-phase backward/forward sweep";
    }

    @Override
    public PowerFlowModel model() {
        return this;
    }

    /**
     * Solves the three-phase unbalanced power flow for the given load powers.
     *
     * @return the result; when the sweep does not converge (loads beyond what the feeder can carry) a result with
     *         {@link PowerFlowResult#converged()} false, NaN values and the reason in
     *         {@link PowerFlowResult#failure()}, never a wrong number
     */
    @Override
    public PowerFlowResult solve(LoadPowers powers) {
        if (powers.size() != loadNames.size()) {
            throw new IllegalArgumentException("load powers for " + powers.size() + " loads, but the model has "
                    + loadNames.size() + "; create them with LoadPowers.zero(model)");
        }
        Workspace w = workspaces.get();
        double[] v = w.v;
        double[] cur = w.i;
        double[] sP = w.sP;
        double[] sQ = w.sQ;
        for (int node : loadNodes) {
            sP[node] = 0;
            sQ[node] = 0;
        }
        for (int l = 0; l < loadBus.length; l++) {
            int n = loadPhaseCount[l];
            double p = powers.activePowerInKw(l) * 1000 / n;
            double q = powers.reactivePowerInKvar(l) * 1000 / n;
            for (int k = 0; k < n; k++) {
                int node = loadBus[l] * 3 + (loadFirstPhase[l] + k) % 3;
                sP[node] += p;
                sQ[node] += q;
            }
        }
        // Flat start from the open-circuit voltage: the LV voltages of an unloaded feeder.
        for (int b = root; b < busCount; b++) {
            System.arraycopy(theveninE, 0, v, 6 * b, 6);
        }
        int iteration = 0;
        double change = Double.POSITIVE_INFINITY;
        String failure = null;
        double collapse = COLLAPSE_VOLTAGE_IN_PER_UNIT;
        while (change > toleranceInPerUnit) {
            if (iteration == maxIterations) {
                failure = "no convergence in " + maxIterations + " iterations (last voltage change "
                        + String.format(Locale.ROOT, "%.3g", change) + " pu)";
                break;
            }
            iteration++;
            Arrays.fill(cur, 6 * root, 6 * busCount, 0);
            for (int node : loadNodes) {
                int o = 2 * node;
                double vr = v[o];
                double vi = v[o + 1];
                double m2 = vr * vr + vi * vi;
                double p = sP[node];
                double q = sQ[node];
                // I = conj(S / V)
                cur[o] += (p * vr + q * vi) / m2;
                cur[o + 1] += (p * vi - q * vr) / m2;
            }
            if (halfShuntY != null) {
                for (int b = root + 1; b < busCount; b++) {
                    int m = b * Complex3.MATRIX;
                    Complex3.addProduct(halfShuntY, m, v, 6 * b, cur, 6 * b);
                    Complex3.addProduct(halfShuntY, m, v, 6 * parent[b], cur, 6 * parent[b]);
                }
            }
            // Backward sweep: each bus's current becomes the current of the line feeding it.
            for (int b = busCount - 1; b > root; b--) {
                int o = 6 * b;
                int po = 6 * parent[b];
                for (int k = 0; k < 6; k++) {
                    cur[po + k] += cur[o + k];
                }
            }
            // Forward sweep, in place: a parent is always updated before its children.
            change = 0;
            double minPu = Double.POSITIVE_INFINITY;
            double base = baseVolts[root];
            for (int b = root; b < busCount; b++) {
                int o = 6 * b;
                double o0 = v[o];
                double o1 = v[o + 1];
                double o2 = v[o + 2];
                double o3 = v[o + 3];
                double o4 = v[o + 4];
                double o5 = v[o + 5];
                if (b == root) {
                    Complex3.subtractProduct(theveninE, 0, theveninZ, 0, cur, o, v, o);
                } else {
                    Complex3.subtractProduct(v, 6 * parent[b], seriesZ, b * Complex3.MATRIX, cur, o, v, o);
                }
                // Squared changes: Math.hypot would cost more than the rest of the sweep.
                double d0 = (v[o] - o0) * (v[o] - o0) + (v[o + 1] - o1) * (v[o + 1] - o1);
                double d1 = (v[o + 2] - o2) * (v[o + 2] - o2) + (v[o + 3] - o3) * (v[o + 3] - o3);
                double d2 = (v[o + 4] - o4) * (v[o + 4] - o4) + (v[o + 5] - o5) * (v[o + 5] - o5);
                change = Math.max(change, Math.max(d0, Math.max(d1, d2)));
                double m = Math.min(Math.min(v[o] * v[o] + v[o + 1] * v[o + 1], v[o + 2] * v[o + 2]
                        + v[o + 3] * v[o + 3]), v[o + 4] * v[o + 4] + v[o + 5] * v[o + 5]);
                minPu = Math.min(minPu, m);
            }
            change = Math.sqrt(change) / base;
            if (Double.isNaN(change) || Math.sqrt(minPu) / base < collapse) {
                failure = "no convergence: the voltage collapses (below " + collapse + " pu) after " + iteration
                        + " iterations; the loads exceed what the network can carry";
                break;
            }
        }
        if (failure != null) {
            return PowerFlowResult.failed(this, solverName(), iteration, failure);
        }
        // MV bus: V = Vs - Zs * (T^T I_root) behind a transformer, the root itself otherwise.
        if (transformer != null) {
            double[] iHv = Complex3.applyTransposed(transformer.ratio(), cur, 6 * root);
            Complex3.subtractProduct(sourceVoltage, 0, sourceZ, 0, iHv, 0, v, 0);
        }
        double[] vCopy = Arrays.copyOf(v, 6 * busCount);
        double[] lineCurrents = new double[6 * lineNames.size()];
        for (int li = 0; li < busOfLine.length; li++) {
            System.arraycopy(cur, 6 * busOfLine[li], lineCurrents, 6 * li, 6);
        }
        double[] rootCurrent = Arrays.copyOfRange(cur, 6 * root, 6 * root + 6);
        return new PowerFlowResult(this, solverName(), true, iteration, change, null, vCopy, lineCurrents,
                rootCurrent);
    }

    // ------------------------------------------------------------------------------------------------ accessors

    /** The network this model was built from. */
    public LvNetwork network() {
        return network;
    }

    /** Bus names as in the model: index 0 the source bus, then (with a transformer) its LV bus, then the rest. */
    public List<String> busNames() {
        return busNames;
    }

    /** The index of a bus (case-insensitive), or -1. */
    public int busIndex(String bus) {
        return busIndexByKey.getOrDefault(key(bus), -1);
    }

    /** The phase-to-neutral base voltage of a bus, in volts. */
    public double baseVoltageInVolts(int bus) {
        return baseVolts[bus];
    }

    /** Whether the bus is on the LV side (every bus but the MV source bus when there is a transformer). */
    public boolean isLowVoltage(int bus) {
        return bus >= root;
    }

    /** Line names in the file order of the network. */
    public List<String> lineNames() {
        return lineNames;
    }

    /** The index of a line (case-insensitive), or -1. */
    public int lineIndex(String line) {
        return lineIndexByKey.getOrDefault(key(line), -1);
    }

    /** The normal rating of a line in amps, NaN when its line code has none. */
    public double lineRatingInAmps(int line) {
        return lineRatingInAmps[line];
    }

    /** Load names in the file order of the network; {@link LoadPowers} uses the same indices. */
    public List<String> loadNames() {
        return loadNames;
    }

    /** The index of a load (case-insensitive), or -1. */
    public int loadIndex(String load) {
        return loadIndexByKey.getOrDefault(key(load), -1);
    }

    /** The bus index of a load. */
    public int loadBus(int load) {
        return loadBus[load];
    }

    /** The phase (0 = a, 1 = b, 2 = c) of a load; the first of its phases for a multi-phase load. */
    public int loadPhase(int load) {
        return loadFirstPhase[load];
    }

    /** The rating of the MV/LV transformer in kVA, NaN without one. */
    public double transformerRatingInKva() {
        return transformer == null ? Double.NaN : transformer.ratingInKva();
    }

    /** Whether the network has an MV/LV transformer. */
    public boolean hasTransformer() {
        return transformer != null;
    }

    int rootBus() {
        return root;
    }

    int parentBus(int bus) {
        return parent[bus];
    }

    int busOfLine(int line) {
        return busOfLine[line];
    }

    double lineR1InOhm(int line) {
        return lineZ1InOhm[2 * line];
    }

    double lineX1InOhm(int line) {
        return lineZ1InOhm[2 * line + 1];
    }

    double lineB1InSiemens(int line) {
        return lineB1InSiemens[line];
    }

    TransformerData transformerData() {
        return transformer;
    }

    SourceImpedance sourceImpedance() {
        return sourceImpedance;
    }

    double[] loadPhaseShares(int load) {
        double[] shares = new double[3];
        for (int k = 0; k < loadPhaseCount[load]; k++) {
            shares[(loadFirstPhase[load] + k) % 3] = 1.0 / loadPhaseCount[load];
        }
        return shares;
    }
}
