package org.openlfa.optim;

import org.openlfa.core.TimeGrid;

/**
 * A local energy community on one day, as the aggregator sees it: the retail prices at the community's boundary
 * and the summed net exchange of the members whose schedule is not coordinated.
 *
 * @param grid                    the PTU grid
 * @param importPriceInEurPerKwh  per PTU, the retail import price
 * @param exportPriceInEurPerKwh  per PTU, the retail export price
 * @param fixedNetInKw            per PTU, the summed net exchange of the members without coordinated flexibility
 */
public record CommunityDay(TimeGrid grid, double[] importPriceInEurPerKwh, double[] exportPriceInEurPerKwh,
                           double[] fixedNetInKw) {

    /**
     * The community's bill with the supplier for a total net exchange (positive = import), as if behind one meter:
     * what the community as a whole pays when it uses its own PV first.
     */
    public double costInEur(double[] totalNetInKw) {
        double dt = grid.hoursPerPtu();
        double cost = 0;
        for (int t = 0; t < totalNetInKw.length; t++) {
            double energy = totalNetInKw[t] * dt;
            cost += energy >= 0 ? energy * importPriceInEurPerKwh[t] : energy * exportPriceInEurPerKwh[t];
        }
        return cost;
    }
}
