package org.openlfa.optim;

import java.util.List;

/**
 * The outcome of coordinating one community day.
 *
 * @param costInEur           the community's bill with the supplier under the coordinated schedules
 * @param lowerBoundInEur     the best proven lower bound on that bill (Lagrangian bound); the optimum lies between
 * @param iterations          price rounds used
 * @param memberNetInKw       per coordinated member, its final net schedule
 * @param communityNetInKw    per PTU, the community's total net exchange (coordinated and fixed members)
 * @param localPriceInEurPerKwh per PTU, the final shadow price of energy inside the community
 */
public record CoordinationResult(double costInEur, double lowerBoundInEur, int iterations,
                                 List<double[]> memberNetInKw, double[] communityNetInKw,
                                 double[] localPriceInEurPerKwh) {

    /** The proven optimality gap, in percent of the bill's magnitude. */
    public double provenGapPct() {
        return 100.0 * (costInEur - lowerBoundInEur) / Math.max(Math.abs(costInEur), 1e-6);
    }
}
