package org.openlfa.powerflow;

import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Line;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.TopologyKind;
import com.powsybl.iidm.network.TwoWindingsTransformer;
import com.powsybl.iidm.network.VoltageLevel;
import com.powsybl.loadflow.LoadFlow;
import com.powsybl.loadflow.LoadFlowParameters;
import com.powsybl.loadflow.LoadFlowResult;
import com.powsybl.openloadflow.OpenLoadFlowParameters;
import com.powsybl.openloadflow.network.SlackBusSelectionMode;
import java.util.Arrays;
import java.util.List;

/**
 * The balanced reference: the positive-sequence equivalent of a {@link PowerFlowModel} as a PowSyBl IIDM network,
 * solved by OpenLoadFlow (Newton-Raphson). Also the way to solve meshed or MV networks, which the sweep does not do.
 *
 * <p>The equivalent: the loads of each bus summed over their phases into one balanced load; every line with its
 * positive-sequence impedance Z1 (and B1); the MV/LV transformer with its series impedance on the LV side; the
 * source as a generator holding the source voltage behind its positive-sequence impedance (a line). Results come
 * back in the model's indices as three equal phases, with the transformer's phase shift (-30 degrees for Dyn, which
 * the IIDM model leaves out) put back on the LV angles so that they compare with the sweep's.
 *
 * <pre>{@code
 * PowerFlowSolver reference = OpenLoadFlowSolver.of(model);   // builds the IIDM network once
 * PowerFlowResult balanced = reference.solve(powers);
 * }</pre>
 *
 * <p>Not thread-safe: an instance holds one IIDM network whose loads each solve updates.
 */
public final class OpenLoadFlowSolver implements PowerFlowSolver {

    private static final double SQRT3 = Math.sqrt(3);
    private static final String SOURCE_LEVEL = "SOURCE";

    private final PowerFlowModel model;
    private final Network network;
    private final Bus[] buses;
    private final Load[] busLoads;     // per model bus, null where there is no load
    private final Line[] lines;
    private final TwoWindingsTransformer transformer;
    private final Line sourceLine;
    private final double[] busP;
    private final double[] busQ;
    private final LoadFlowParameters parameters;
    private final LoadFlow.Runner runner;

    private OpenLoadFlowSolver(PowerFlowModel model) {
        this.model = model;
        int n = model.busNames().size();
        this.network = Network.create("openlfa-" + model.network().name(), "openlfa");
        Substation s = network.newSubstation().setId("S").add();
        var source = model.network().source();
        PowerFlowModel.TransformerData td = model.transformerData();
        double hvKv = source.baseVoltageInKv();
        VoltageLevel hv = s.newVoltageLevel().setId("HV").setNominalV(hvKv).setTopologyKind(TopologyKind.BUS_BREAKER)
                .add();
        VoltageLevel lv = td == null ? hv : s.newVoltageLevel().setId("LV").setNominalV(td.lvKv())
                .setTopologyKind(TopologyKind.BUS_BREAKER).add();
        this.buses = new Bus[n];
        for (int b = 0; b < n; b++) {
            VoltageLevel vl = model.isLowVoltage(b) ? lv : hv;
            buses[b] = vl.getBusBreakerView().newBus().setId(busId(b)).add();
        }
        // The ideal source in its own voltage level, so that the slack can be named by that level.
        VoltageLevel src = s.newVoltageLevel().setId(SOURCE_LEVEL).setNominalV(hvKv)
                .setTopologyKind(TopologyKind.BUS_BREAKER).add();
        src.getBusBreakerView().newBus().setId("SRC").add();
        // targetP only keeps OpenLoadFlow from warning that it drops a 0 MW generator; the slack sets the power.
        src.newGenerator().setId("SOURCE_GEN").setBus("SRC").setConnectableBus("SRC").setMinP(-100).setMaxP(100)
                .setTargetP(1).setTargetV(source.voltageInPerUnit() * hvKv).setVoltageRegulatorOn(true).add();
        SourceImpedance zs = model.sourceImpedance();
        this.sourceLine = network.newLine().setId("SOURCE_Z").setVoltageLevel1(SOURCE_LEVEL).setBus1("SRC")
                .setConnectableBus1("SRC").setVoltageLevel2("HV").setBus2(busId(0)).setConnectableBus2(busId(0))
                .setR(zs.r1InOhm()).setX(zs.x1InOhm()).setG1(0).setB1(0).setG2(0).setB2(0).add();
        if (td != null) {
            this.transformer = s.newTwoWindingsTransformer().setId("TR").setVoltageLevel1("HV").setBus1(busId(0))
                    .setConnectableBus1(busId(0)).setRatedU1(td.hvKv()).setVoltageLevel2("LV")
                    .setBus2(busId(model.rootBus())).setConnectableBus2(busId(model.rootBus())).setRatedU2(td.lvKv())
                    .setR(td.rInOhmLv()).setX(td.xInOhmLv()).setG(0).setB(0).add();
        } else {
            this.transformer = null;
        }
        int lineCount = model.lineNames().size();
        this.lines = new Line[lineCount];
        for (int l = 0; l < lineCount; l++) {
            int to = model.busOfLine(l);
            int from = model.parentBus(to);
            double halfB = model.lineB1InSiemens(l) / 2;
            lines[l] = network.newLine().setId("L" + l).setVoltageLevel1(lv.getId()).setBus1(busId(from))
                    .setConnectableBus1(busId(from)).setVoltageLevel2(lv.getId()).setBus2(busId(to))
                    .setConnectableBus2(busId(to)).setR(model.lineR1InOhm(l)).setX(model.lineX1InOhm(l)).setG1(0)
                    .setB1(halfB).setG2(0).setB2(halfB).add();
        }
        this.busLoads = new Load[n];
        for (int i = 0; i < model.loadNames().size(); i++) {
            int b = model.loadBus(i);
            if (busLoads[b] == null) {
                busLoads[b] = lv.newLoad().setId("LOAD_" + busId(b)).setBus(busId(b)).setConnectableBus(busId(b))
                        .setP0(0).setQ0(0).add();
            }
        }
        this.busP = new double[n];
        this.busQ = new double[n];
        this.parameters = new LoadFlowParameters().setDistributedSlack(false).setUseReactiveLimits(false)
                .setVoltageInitMode(LoadFlowParameters.VoltageInitMode.UNIFORM_VALUES)
                .setTransformerVoltageControlOn(false).setShuntCompensatorVoltageControlOn(false);
        OpenLoadFlowParameters.create(parameters).setSlackBusSelectionMode(SlackBusSelectionMode.NAME)
                .setSlackBusesIds(List.of(SOURCE_LEVEL))
                // The default stopping criterion, 1e-4 per equation on 100 MVA, is 10 kW: coarser than a home.
                .setNewtonRaphsonConvEpsPerEq(1e-10);
        this.runner = LoadFlow.find("OpenLoadFlow");
    }

    /** Builds the balanced IIDM equivalent of the model. */
    public static OpenLoadFlowSolver of(PowerFlowModel model) {
        return new OpenLoadFlowSolver(model);
    }

    /** The IIDM network (for inspection or export). */
    public Network network() {
        return network;
    }

    @Override
    public String solverName() {
        return "PowSyBl OpenLoadFlow (balanced)";
    }

    @Override
    public PowerFlowModel model() {
        return model;
    }

    @Override
    public PowerFlowResult solve(LoadPowers powers) {
        Arrays.fill(busP, 0);
        Arrays.fill(busQ, 0);
        for (int i = 0; i < powers.size(); i++) {
            busP[model.loadBus(i)] += powers.activePowerInKw(i);
            busQ[model.loadBus(i)] += powers.reactivePowerInKvar(i);
        }
        for (int b = 0; b < busLoads.length; b++) {
            if (busLoads[b] != null) {
                busLoads[b].setP0(busP[b] / 1000).setQ0(busQ[b] / 1000);
            }
        }
        LoadFlowResult result = runner.run(network, parameters);
        LoadFlowResult.ComponentResult main = result.getComponentResults().get(0);
        if (!result.isFullyConverged()) {
            return PowerFlowResult.failed(model, solverName(), main.getIterationCount(),
                    "OpenLoadFlow: " + main.getStatus() + " " + main.getStatusText());
        }
        double shift = model.transformerData() == null ? 0 : model.transformerData().shiftInDegrees();
        double sourceAngle = model.network().source().angleInDegrees();
        int n = buses.length;
        double[] v = new double[6 * n];
        for (int b = 0; b < n; b++) {
            double mag = buses[b].getV() * 1000 / SQRT3;
            double angle = buses[b].getAngle() + sourceAngle + (model.isLowVoltage(b) && b != 0 ? shift : 0);
            for (int ph = 0; ph < 3; ph++) {
                double a = Math.toRadians(angle - 120 * ph);
                v[6 * b + 2 * ph] = mag * Math.cos(a);
                v[6 * b + 2 * ph + 1] = mag * Math.sin(a);
            }
        }
        double[] currents = new double[6 * lines.length];
        for (int l = 0; l < lines.length; l++) {
            int from = model.parentBus(model.busOfLine(l));
            var t = lines[l].getTerminal1();
            phaseCurrents(t.getP(), t.getQ(), v, from, currents, 6 * l);
        }
        double[] root = new double[6];
        if (transformer != null) {
            var t2 = transformer.getTerminal2();
            phaseCurrents(-t2.getP(), -t2.getQ(), v, model.rootBus(), root, 0);
        } else {
            var t2 = sourceLine.getTerminal2();
            phaseCurrents(-t2.getP(), -t2.getQ(), v, 0, root, 0);
        }
        return new PowerFlowResult(model, solverName(), true, main.getIterationCount(), Double.NaN, null, v,
                currents, root);
    }

    /** Per-phase current from a three-phase flow (MW, Mvar) leaving a bus: I = conj(S / 3 / V). */
    private static void phaseCurrents(double pInMw, double qInMvar, double[] v, int bus, double[] out, int o) {
        double p = pInMw * 1e6 / 3;
        double q = qInMvar * 1e6 / 3;
        for (int ph = 0; ph < 3; ph++) {
            double vr = v[6 * bus + 2 * ph];
            double vi = v[6 * bus + 2 * ph + 1];
            double m2 = vr * vr + vi * vi;
            out[o + 2 * ph] = (p * vr + q * vi) / m2;
            out[o + 2 * ph + 1] = (p * vi - q * vr) / m2;
        }
    }

    private static String busId(int bus) {
        return "B" + bus;
    }
}
