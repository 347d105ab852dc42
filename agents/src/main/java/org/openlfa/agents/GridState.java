package org.openlfa.agents;

/**
 * What the grid operator sees of its LV grid in one PTU: the substation, and per feeder its head power and its
 * lowest and highest customer voltage. No household appears here.
 *
 * @param converged                whether the power flow converged (if not, the other figures are not to be used)
 * @param transformerPowerInKw     active power through the MV/LV transformer into the LV grid
 * @param transformerLoadingPct    apparent power through the transformer, in percent of its rating
 * @param feederPowerInKw          per feeder (index = feeder number - 1), active power into the feeder
 * @param feederMinVoltagePu       per feeder, the lowest phase-to-neutral voltage at a customer
 * @param feederMaxVoltagePu       per feeder, the highest one
 * @param maxLineLoadingPct        the most loaded cable, in percent of its rating (NaN where ratings are unknown)
 */
public record GridState(boolean converged, double transformerPowerInKw, double transformerLoadingPct,
                        double[] feederPowerInKw, double[] feederMinVoltagePu, double[] feederMaxVoltagePu,
                        double maxLineLoadingPct) {

    /** The lowest customer voltage anywhere. */
    public double minVoltagePu() {
        double v = Double.POSITIVE_INFINITY;
        for (double x : feederMinVoltagePu) {
            v = Math.min(v, x);
        }
        return v;
    }

    /** The highest customer voltage anywhere. */
    public double maxVoltagePu() {
        double v = Double.NEGATIVE_INFINITY;
        for (double x : feederMaxVoltagePu) {
            v = Math.max(v, x);
        }
        return v;
    }
}
