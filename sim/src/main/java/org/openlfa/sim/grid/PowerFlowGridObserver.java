package org.openlfa.sim.grid;

import java.util.Arrays;
import java.util.List;
import org.openlfa.agents.GridObserver;
import org.openlfa.agents.GridState;
import org.openlfa.powerflow.LoadPowers;
import org.openlfa.powerflow.PowerFlowModel;
import org.openlfa.powerflow.PowerFlowResult;
import org.openlfa.community.Household;

/**
 * The study's grid operator sees its grid through the three-phase unbalanced power flow: each household's net
 * power on its own phase, the transformer's loading, and per feeder the customers' lowest and highest voltage.
 *
 * <p>Voltages are per unit of the 230 V nominal supply voltage that EN 50160 refers to, not of the network's
 * transformer base (the ENWL and IEEE models use 416 V line-to-line, 240 V phase-to-neutral, as their base).
 *
 * <p>Reactive power: households draw at power factor 0.95 lagging when they import (the ENWL loads' power factor)
 * and inject at unity when they export (PV inverters' default in GB, G98/G99).
 */
public final class PowerFlowGridObserver implements GridObserver {

    private static final double IMPORT_REACTIVE_PER_ACTIVE = Math.tan(Math.acos(0.95));

    /** The nominal phase-to-neutral supply voltage in GB (and the EU), to which EN 50160's limits refer. */
    public static final double NOMINAL_VOLTAGE_IN_VOLTS = 230.0;

    private final PowerFlowModel model;
    private final int[] loadIndex;
    private final int[] feeder;
    private final int feeders;
    private PowerFlowResult last;

    /** An observer over a model whose loads are named by the households' ids. */
    public PowerFlowGridObserver(PowerFlowModel model, List<Household> households) {
        this.model = model;
        this.loadIndex = households.stream().mapToInt(h -> model.loadIndex(h.id())).toArray();
        this.feeder = households.stream().mapToInt(Household::feeder).toArray();
        this.feeders = Arrays.stream(feeder).max().orElse(0);
    }

    @Override
    public int feeders() {
        return feeders;
    }

    @Override
    public int connections() {
        return loadIndex.length;
    }

    @Override
    public int feederOf(int connection) {
        return feeder[connection];
    }

    /** The full result of the last {@link #observe} (for the feeder map). */
    public PowerFlowResult lastResult() {
        return last;
    }

    /** The power-flow model. */
    public PowerFlowModel model() {
        return model;
    }

    @Override
    public GridState observe(double[] netInKwByConnection) {
        LoadPowers powers = LoadPowers.zero(model);
        double[] feederPower = new double[feeders];
        for (int i = 0; i < loadIndex.length; i++) {
            double p = netInKwByConnection[i];
            powers.set(loadIndex[i], p, p > 0 ? p * IMPORT_REACTIVE_PER_ACTIVE : 0);
            feederPower[feeder[i] - 1] += p;
        }
        last = model.solve(powers);
        double[] low = new double[feeders];
        double[] high = new double[feeders];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        if (!last.converged()) {
            return new GridState(false, Double.NaN, Double.NaN, feederPower, low, high, Double.NaN);
        }
        for (int i = 0; i < loadIndex.length; i++) {
            double v = last.loadVoltageInPerUnit(loadIndex[i]) * model.baseVoltageInVolts(model.loadBus(loadIndex[i]))
                    / NOMINAL_VOLTAGE_IN_VOLTS;
            int f = feeder[i] - 1;
            low[f] = Math.min(low[f], v);
            high[f] = Math.max(high[f], v);
        }
        return new GridState(true, last.transformer().activePowerInKw().sum(), last.transformer().loadingInPercent(),
                feederPower, low, high, last.maxLineLoadingInPercent());
    }
}
