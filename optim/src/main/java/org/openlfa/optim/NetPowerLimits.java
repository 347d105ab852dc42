package org.openlfa.optim;

import java.util.Arrays;

/**
 * Limits on a home's net power per PTU, as a flexibility request states them. {@code NaN} means no limit in that
 * PTU.
 *
 * @param maxNetInKw               per PTU, the most the home may import (a cap against overload or undervoltage)
 * @param minNetInKw               per PTU, the least it may import, i.e. the most it may export (against overvoltage)
 * @param excessPenaltyInEurPerKwh price of energy beyond a limit; high, so limits are kept wherever the home can
 */
public record NetPowerLimits(double[] maxNetInKw, double[] minNetInKw, double excessPenaltyInEurPerKwh) {

    /** No limits at all over a day of {@code ptus} PTUs. */
    public static NetPowerLimits none(int ptus, double excessPenaltyInEurPerKwh) {
        double[] nan = new double[ptus];
        Arrays.fill(nan, Double.NaN);
        return new NetPowerLimits(nan, nan.clone(), excessPenaltyInEurPerKwh);
    }
}
