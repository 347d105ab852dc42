package org.openlfa.agents;

/**
 * The grid operator's limits and what it is willing to pay for flexibility.
 *
 * @param minVoltagePu               lowest admissible voltage (EN 50160: 0.90 pu)
 * @param maxVoltagePu               highest admissible voltage (EN 50160: 1.10 pu)
 * @param maxTransformerLoadingPct   highest admissible transformer loading
 * @param targetMarginPu             the voltage margin the operator asks flexibility to restore inside the limits
 * @param maxFlexPriceInEurPerKwh    the most it pays per kWh of flexibility before it prefers grid-safety measures
 */
public record DsoPolicy(double minVoltagePu, double maxVoltagePu, double maxTransformerLoadingPct,
                        double targetMarginPu, double maxFlexPriceInEurPerKwh) {

    /** EN 50160 limits, 100 % transformer loading, a 0.5 % margin, and 0.50 EUR/kWh (an assumption, see docs). */
    public static DsoPolicy en50160(double maxFlexPriceInEurPerKwh) {
        return new DsoPolicy(0.90, 1.10, 100.0, 0.005, maxFlexPriceInEurPerKwh);
    }

    /** True if the state violates a limit. */
    public boolean violated(GridState state) {
        return !state.converged() || state.transformerLoadingPct() > maxTransformerLoadingPct
                || state.minVoltagePu() < minVoltagePu || state.maxVoltagePu() > maxVoltagePu
                || state.maxLineLoadingPct() > 100.0;
    }
}
