package org.openlfa.model.asset;

/**
 * A home battery. Charging and discharging each lose {@code sqrt(roundTripEfficiency)} of the energy.
 *
 * @param capacityInKwh        usable energy capacity
 * @param maxPowerInKw         maximum charge and discharge power at the AC side
 * @param roundTripEfficiency  AC-to-AC round-trip efficiency, 0..1
 * @param minSocFraction       lowest state of charge allowed, as a fraction of capacity
 * @param maxSocFraction       highest state of charge allowed, as a fraction of capacity
 */
public record Battery(double capacityInKwh, double maxPowerInKw, double roundTripEfficiency,
                      double minSocFraction, double maxSocFraction) {
    public Battery {
        if (!(capacityInKwh > 0) || !(maxPowerInKw > 0)) {
            throw new IllegalArgumentException("battery capacity and power must be positive");
        }
        if (!(roundTripEfficiency > 0 && roundTripEfficiency <= 1)) {
            throw new IllegalArgumentException("round-trip efficiency must be in (0, 1], got " + roundTripEfficiency);
        }
        if (!(minSocFraction >= 0 && minSocFraction < maxSocFraction && maxSocFraction <= 1)) {
            throw new IllegalArgumentException("need 0 <= minSoc < maxSoc <= 1");
        }
    }

    /** One-way efficiency of charging (and of discharging). */
    public double oneWayEfficiency() {
        return Math.sqrt(roundTripEfficiency);
    }

    /** Lowest allowed stored energy. */
    public double minEnergyInKwh() {
        return minSocFraction * capacityInKwh;
    }

    /** Highest allowed stored energy. */
    public double maxEnergyInKwh() {
        return maxSocFraction * capacityInKwh;
    }
}
