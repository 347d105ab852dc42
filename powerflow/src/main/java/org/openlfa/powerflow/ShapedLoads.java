package org.openlfa.powerflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openlfa.core.InputException;
import org.openlfa.grid.Load;
import org.openlfa.grid.LoadShapeRef;
import org.openlfa.grid.LvNetwork;

/**
 * The loads of an OpenDSS model driven by their load shapes, as OpenDSS does in daily or yearly mode: at minute
 * {@code m} each load takes the multiplier at point {@code round((m / 60 h) / interval)} (1-based, wrapping around
 * the shape, as OpenDSS's {@code GetMult}), times its kW and kvar ({@code useactual=yes}: the value is kW and the
 * kvar follows the load's power factor). Loads without a shape stay at their nominal power.
 *
 * <pre>{@code
 * ShapedLoads shaped = ShapedLoads.of(model);        // reads every multiplier file once
 * LoadPowers powers = LoadPowers.zero(model);
 * shaped.fill(566, powers);                          // minute 566 = 09:26
 * PowerFlowResult r = model.solve(powers);
 * }</pre>
 */
public final class ShapedLoads {

    private final double[][] multipliers;  // per load, null for a load without a shape
    private final double[] intervalInHours;
    private final boolean[] actual;
    private final double[] kw;
    private final double[] kvar;
    private final double[] kvarPerKw;

    private ShapedLoads(int loads) {
        multipliers = new double[loads][];
        intervalInHours = new double[loads];
        actual = new boolean[loads];
        kw = new double[loads];
        kvar = new double[loads];
        kvarPerKw = new double[loads];
    }

    /**
     * Reads the multipliers of every load's shape ({@link Load#shapeName()}: the yearly one, else the daily one).
     *
     * @throws InputException naming the load and shape when a shape is not defined, has no readable multipliers or
     *                        no interval
     */
    public static ShapedLoads of(PowerFlowModel model) {
        LvNetwork network = model.network();
        List<Load> loads = network.loads();
        ShapedLoads s = new ShapedLoads(loads.size());
        Map<String, double[]> cache = new HashMap<>();
        for (int i = 0; i < loads.size(); i++) {
            Load load = loads.get(i);
            s.kw[i] = load.nominalPowerInKw();
            s.kvar[i] = load.reactivePowerInKvar();
            s.kvarPerKw[i] = load.nominalPowerInKw() == 0 ? 0 : load.reactivePowerInKvar() / load.nominalPowerInKw();
            if (load.shapeName().isEmpty()) {
                continue;
            }
            String name = load.shapeName().get();
            LoadShapeRef shape = network.loadShapes().get(name);
            if (shape == null) {
                throw InputException.in(network.name(), "load " + load.name(), "load shape " + name
                        + " to be defined");
            }
            if (!shape.hasReadableMultipliers()) {
                throw InputException.in(network.name(), "load " + load.name(), "load shape " + name
                        + " with readable multipliers (mult=(file=...) pointing at an existing file)");
            }
            if (!(shape.intervalInHours() > 0)) {
                throw InputException.in(network.name(), "loadshape " + name, "a fixed interval (interval, minterval "
                        + "or sinterval) for load " + load.name());
            }
            s.multipliers[i] = cache.computeIfAbsent(PowerFlowModel.key(name), k -> shape.readMultipliers());
            if (s.multipliers[i].length == 0) {
                throw InputException.in(network.name(), "loadshape " + name, "at least one multiplier");
            }
            s.intervalInHours[i] = shape.intervalInHours();
            s.actual[i] = shape.useActual();
        }
        return s;
    }

    /** The number of points of the longest shape (1440 for the IEEE feeder's one-minute day). */
    public int points() {
        int n = 0;
        for (double[] m : multipliers) {
            n = m == null ? n : Math.max(n, m.length);
        }
        return n;
    }

    /** Sets every load's power at the given minute (1 = 00:01). */
    public LoadPowers fill(int minute, LoadPowers powers) {
        for (int i = 0; i < multipliers.length; i++) {
            double[] m = multipliers[i];
            if (m == null) {
                powers.set(i, kw[i], kvar[i]);
                continue;
            }
            long index = Math.round(minute / 60.0 / intervalInHours[i]) % m.length;
            double mult = m[index == 0 ? m.length - 1 : (int) index - 1];
            if (actual[i]) {
                powers.set(i, mult, mult * kvarPerKw[i]);
            } else {
                powers.set(i, kw[i] * mult, kvar[i] * mult);
            }
        }
        return powers;
    }
}
