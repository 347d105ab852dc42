package org.openlfa.cba;

import java.util.List;

/**
 * A business case on a scenario, replicated over N LVGs like the reference one, with the central platform costs
 * carried once; and the pool of potential participants a turnover target needs.
 *
 * @param businessCase                business case id
 * @param scenario                    scenario name
 * @param points                      NPV and revenue at each number of LVGs
 * @param centralCostsPvInEur         present value of the central platform costs (CAPEX and OPEX over the horizon)
 * @param breakEvenLvgs               LVGs needed for a positive NPV with the central costs (0: never)
 * @param turnoverTargetInEurPerYear  the turnover target
 * @param lvgsForTarget               LVGs needed to reach it (0: never)
 * @param poolForTarget               homes on those LVGs: the pool of potential participants it needs
 * @param enrolledForTarget           homes signed up among them
 */
public record Scaling(String businessCase, String scenario, List<Point> points, double centralCostsPvInEur,
                      long breakEvenLvgs, double turnoverTargetInEurPerYear, long lvgsForTarget, long poolForTarget,
                      long enrolledForTarget) {
    public Scaling {
        points = List.copyOf(points);
    }

    /**
     * One number of LVGs.
     *
     * @param lvgs                LVGs
     * @param prosumersInvolved   homes signed up
     * @param revenueInEurPerYear LFA revenue a year (year 1)
     * @param npvInEur            NPV including the central platform costs
     */
    public record Point(long lvgs, long prosumersInvolved, double revenueInEurPerYear, double npvInEur) {
    }
}
