package org.openlfa.cba;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.openlfa.core.Season;

/**
 * Market figures shared by the business cases: how much flexibility a home's assets offer the wholesale market and
 * at what price, what a retained customer is worth, and the scaling target.
 *
 * @param shiftHoursPerDay           hours a day the flexible energy is moved between (from the dearest to the
 *                                   cheapest hours of the day-ahead shape)
 * @param captureFactor              share of the ideal daily spread actually captured (forecast error, availability,
 *                                   market fees)
 * @param batteryInKwhPerDay         energy a home battery shifts a day
 * @param evInKwhPerDay              EV charging energy that can be moved a day
 * @param heatPumpInKwhPerDay        heat-pump energy that can be moved a day (year average)
 * @param wholesaleByYear            the documented hourly day-ahead shapes (EUR/MWh, 24 per season) by year, used
 *                                   when a scenario has no dynamic tariff of its own
 * @param churnRatePerYear           share of a supplier's customers that leave a year
 * @param churnAvoidedShare          share of that churn the service avoids among its users
 * @param acquisitionCostInEur       cost of winning a customer, saved for every customer kept
 * @param turnoverTargetInEurPerYear the LFA turnover the scaling asks the pool of participants for
 * @param sensitivityVariation       the +- change of each input in the tornado (0.2 = +-20 %)
 */
public record MarketParameters(int shiftHoursPerDay, double captureFactor, double batteryInKwhPerDay,
                               double evInKwhPerDay, double heatPumpInKwhPerDay,
                               Map<Integer, Map<Season, double[]>> wholesaleByYear, double churnRatePerYear,
                               double churnAvoidedShare, double acquisitionCostInEur,
                               double turnoverTargetInEurPerYear, double sensitivityVariation) {
    public MarketParameters {
        Objects.requireNonNull(wholesaleByYear, "wholesaleByYear");
        wholesaleByYear = new TreeMap<>(wholesaleByYear);
    }

    /** The yearly retention value of one service customer: churn rate x churn avoided x acquisition cost. */
    public double retentionValueInEurPerYear() {
        return churnRatePerYear * churnAvoidedShare * acquisitionCostInEur;
    }

    /** The documented wholesale shape of the year nearest to {@code year}. */
    public Map<Season, double[]> wholesaleNearest(int year) {
        int best = -1;
        for (int y : wholesaleByYear.keySet()) {
            if (best < 0 || Math.abs(y - year) < Math.abs(best - year)) {
                best = y;
            }
        }
        return wholesaleByYear.get(best);
    }

    /** A copy with another capture factor (for sensitivities). */
    public MarketParameters withCaptureFactor(double factor) {
        return new MarketParameters(shiftHoursPerDay, factor, batteryInKwhPerDay, evInKwhPerDay, heatPumpInKwhPerDay,
                wholesaleByYear, churnRatePerYear, churnAvoidedShare, acquisitionCostInEur,
                turnoverTargetInEurPerYear, sensitivityVariation);
    }

    /** A copy with another acquisition cost (for sensitivities). */
    public MarketParameters withAcquisitionCost(double eur) {
        return new MarketParameters(shiftHoursPerDay, captureFactor, batteryInKwhPerDay, evInKwhPerDay,
                heatPumpInKwhPerDay, wholesaleByYear, churnRatePerYear, churnAvoidedShare, eur,
                turnoverTargetInEurPerYear, sensitivityVariation);
    }
}
