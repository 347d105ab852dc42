package org.openlfa.optim;

/**
 * One day of an EV's home charging as the CEMS sees it: when the car is plugged in and how much energy it needs.
 *
 * @param pluggedIn            per PTU, whether the car is plugged in (the day is cyclic: an evening arrival and a
 *                             morning departure wrap around midnight)
 * @param energyInKwh          energy to deliver over the day
 * @param maxPowerInKw         charger power limit
 * @param baselineChargeInKw   per PTU, the uncontrolled charging (plug in, charge at once): the baseline
 */
public record EvSession(boolean[] pluggedIn, double energyInKwh, double maxPowerInKw, double[] baselineChargeInKw) {
}
