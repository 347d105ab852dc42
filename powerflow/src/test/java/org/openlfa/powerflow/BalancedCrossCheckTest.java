package org.openlfa.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlfa.core.testing.SharedData;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.OpenDssReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three-phase sweep against PowSyBl OpenLoadFlow on balanced cases, where the positive-sequence equivalent is
 * exact: every bus within 1e-4 pu.
 */
class BalancedCrossCheckTest {

    private static final Logger LOG = LoggerFactory.getLogger(BalancedCrossCheckTest.class);

    /** The IEEE feeder with every home's load spread equally over the three phases, at the 09:26 peak. */
    @Test
    void ieeeFeederWithLoadsSpreadOverThreePhases() {
        LvNetwork ieee = OpenDssReader.read(SharedData.file("ieee-european-lv-test-feeder/opendss/Master.dss"));
        LvNetwork balanced = withThreePhaseLoads(ieee);
        PowerFlowModel model = PowerFlowModel.of(balanced);
        LoadPowers powers = ShapedLoads.of(model).fill(566, LoadPowers.zero(model));
        // Heavier than the real peak (x 4), so that the voltage drops are large enough to tell models apart.
        for (int i = 0; i < powers.size(); i++) {
            powers.set(i, 4 * powers.activePowerInKw(i), 4 * powers.reactivePowerInKvar(i));
        }
        compare(model, powers, 1e-4);
    }

    /** ENWL network 22 (six feeders behind one 500 kVA transformer), balanced nominal loads of 2 kW each. */
    @Test
    void enwlNetwork22WithBalancedLoads() {
        PowerFlowModel model = PowerFlowModel.of(withThreePhaseLoads(org.openlfa.grid.EnwlNetwork.builtInNetwork22()));
        LoadPowers powers = LoadPowers.zero(model);
        for (int i = 0; i < powers.size(); i++) {
            powers.set(i, 2.0, 0.66);
        }
        compare(model, powers, 1e-4);
    }

    static void compare(PowerFlowModel model, LoadPowers powers, double tolerance) {
        PowerFlowResult sweep = model.solve(powers);
        PowerFlowResult olf = OpenLoadFlowSolver.of(model).solve(powers);
        assertThat(sweep.converged()).isTrue();
        assertThat(olf.converged()).as("%s", olf.failure()).isTrue();
        double maxDev = 0;
        double maxAngle = 0;
        for (int b = 0; b < model.busNames().size(); b++) {
            for (int ph = 0; ph < 3; ph++) {
                maxDev = Math.max(maxDev, Math.abs(sweep.voltageInPerUnit(b, ph) - olf.voltageInPerUnit(b, ph)));
                double d = sweep.voltageAngleInDegrees(b, ph) - olf.voltageAngleInDegrees(b, ph);
                maxAngle = Math.max(maxAngle, Math.abs(((d % 360) + 540) % 360 - 180));
            }
        }
        double maxCurrent = 0;
        for (int l = 0; l < model.lineNames().size(); l++) {
            maxCurrent = Math.max(maxCurrent, Math.abs(sweep.lineCurrentInAmps(l, 0) - olf.lineCurrentInAmps(l, 0)));
        }
        LOG.info("{}: sweep vs OpenLoadFlow, max |dV| = {} pu, max |dAngle| = {} deg, max |dI| = {} A, min V = {} pu",
                model.network().name(), maxDev, maxAngle, maxCurrent, sweep.minVoltageInPerUnit());
        assertThat(maxDev).isLessThanOrEqualTo(tolerance);
        assertThat(maxAngle).isLessThanOrEqualTo(0.01);
        double p = sweep.transformer().activePowerInKw().sum();
        assertThat(olf.transformer().activePowerInKw().sum()).isCloseTo(p, within(1e-4 * Math.abs(p) + 1e-3));
    }

    static LvNetwork withThreePhaseLoads(LvNetwork n) {
        List<Load> loads = n.loads().stream().map(l -> new Load(l.name(), l.bus(), 1, 3, l.nominalVoltageInKv(),
                l.nominalPowerInKw(), l.powerFactor(), l.reactivePowerInKvar(), l.model(), l.dailyShape(),
                l.yearlyShape(), l.feeder())).toList();
        return new LvNetwork(n.name(), n.baseFrequencyInHertz(), n.source(), n.lineCodes(), n.lines(), loads,
                n.transformers(), n.coordinates(), n.loadShapes());
    }
}
