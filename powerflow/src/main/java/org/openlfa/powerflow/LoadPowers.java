package org.openlfa.powerflow;

import java.util.Arrays;

/**
 * The active and reactive power of every load of a {@link PowerFlowModel} for one power flow, in the model's load
 * order. Positive is consumption; a PV system or a discharging battery is a negative load. Mutable and reusable from
 * step to step, so a time series allocates nothing for its inputs.
 *
 * <pre>{@code
 * LoadPowers powers = LoadPowers.zero(model);
 * for (int ptu = 0; ptu < 96; ptu++) {
 *     for (int i = 0; i < model.loadNames().size(); i++) {
 *         powers.set(i, netKw[i][ptu], netKw[i][ptu] * 0.33);
 *     }
 *     PowerFlowResult r = model.solve(powers);
 * }
 * }</pre>
 */
public final class LoadPowers {

    private final double[] activeInKw;
    private final double[] reactiveInKvar;
    private final PowerFlowModel model;

    private LoadPowers(PowerFlowModel model) {
        this.model = model;
        this.activeInKw = new double[model.loadNames().size()];
        this.reactiveInKvar = new double[model.loadNames().size()];
    }

    /** All loads at zero. */
    public static LoadPowers zero(PowerFlowModel model) {
        return new LoadPowers(model);
    }

    /** Every load at the kW and kvar written in the network files (before any load shape). */
    public static LoadPowers nominal(PowerFlowModel model) {
        LoadPowers p = new LoadPowers(model);
        var loads = model.network().loads();
        for (int i = 0; i < loads.size(); i++) {
            p.set(i, loads.get(i).nominalPowerInKw(), loads.get(i).reactivePowerInKvar());
        }
        return p;
    }

    /** Sets the power of the load with that index. */
    public LoadPowers set(int load, double activePowerInKw, double reactivePowerInKvar) {
        activeInKw[load] = activePowerInKw;
        reactiveInKvar[load] = reactivePowerInKvar;
        return this;
    }

    /**
     * Sets the power of a load by name (case-insensitive).
     *
     * @throws IllegalArgumentException if the model has no such load
     */
    public LoadPowers set(String load, double activePowerInKw, double reactivePowerInKvar) {
        int i = model.loadIndex(load);
        if (i < 0) {
            throw new IllegalArgumentException("no load " + load + " in network " + model.network().name());
        }
        return set(i, activePowerInKw, reactivePowerInKvar);
    }

    /** Sets every load to zero. */
    public LoadPowers clear() {
        Arrays.fill(activeInKw, 0);
        Arrays.fill(reactiveInKvar, 0);
        return this;
    }

    /** Number of loads. */
    public int size() {
        return activeInKw.length;
    }

    /** Active power of a load, kW. */
    public double activePowerInKw(int load) {
        return activeInKw[load];
    }

    /** Reactive power of a load, kvar. */
    public double reactivePowerInKvar(int load) {
        return reactiveInKvar[load];
    }

    /** Sum of the active powers, kW. */
    public double totalActivePowerInKw() {
        return Arrays.stream(activeInKw).sum();
    }
}
