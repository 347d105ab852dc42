package org.openlfa.sim.grid;

import java.util.Map;
import org.openlfa.core.Season;

/**
 * UC3 on one representative day: the grid as planned, the flexibility bought, and the grid after dispatch.
 *
 * @param season                   the season
 * @param congestedPtus            PTUs with a violation as planned (yellow or worse)
 * @param orangePtus               PTUs still in violation after flexibility
 * @param redPtus                  PTUs whose power flow has no solution as planned (voltage collapse)
 * @param unresolvedRedPtus        PTUs still without a solution after flexibility
 * @param maxTransformerLoadingPct highest transformer loading as planned
 * @param minVoltagePu             lowest customer voltage as planned
 * @param maxVoltagePu             highest customer voltage as planned
 * @param feederMinVoltagePu       per feeder, its lowest customer voltage as planned
 * @param feederMaxVoltagePu       per feeder, its highest customer voltage as planned
 * @param feederCollapsed          per feeder, whether it drew power in a PTU without a solution
 * @param collapsedPeakInKw        the largest total power in a PTU without a solution (0 if none)
 * @param requestedInKwh           flexibility the operator requested
 * @param deliveredInKwh           flexibility delivered in the ordered direction
 * @param dsoCostInEur             what the operator paid (after penalties)
 * @param homeCompensationInEur    per household id, what the aggregator pays the home for its extra cost
 * @param worstPtu                 the PTU with the lowest voltage or highest loading as planned
 * @param worstNetInKw             the households' net power in that PTU (for the feeder map)
 */
public record GridDayOutcome(Season season, int congestedPtus, int orangePtus, int redPtus, int unresolvedRedPtus,
                             double maxTransformerLoadingPct, double minVoltagePu, double maxVoltagePu,
                             double[] feederMinVoltagePu, double[] feederMaxVoltagePu, boolean[] feederCollapsed,
                             double collapsedPeakInKw, double requestedInKwh, double deliveredInKwh,
                             double dsoCostInEur, Map<String, Double> homeCompensationInEur, int worstPtu,
                             double[] worstNetInKw) {

    /** How far the worst PTU is from comfort: loading above 100 % and voltage outside +-10 %, in one score. */
    public double severity() {
        return Math.max(maxTransformerLoadingPct / 100 - 1, Math.max(0.9 - minVoltagePu, maxVoltagePu - 1.1) * 10);
    }
}
