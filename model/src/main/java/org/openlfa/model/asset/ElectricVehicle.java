package org.openlfa.model.asset;

/**
 * An electric vehicle charged at home. Its plug-in session and the energy it needs come from a charging profile of
 * the pool (the uncontrolled charging the profile records is the baseline).
 *
 * @param profileIndex        index into the EV pool of the {@link org.openlfa.model.profile.ProfileLibrary}
 * @param maxChargePowerInKw  charger power limit (AC)
 */
public record ElectricVehicle(int profileIndex, double maxChargePowerInKw) {
    public ElectricVehicle {
        if (!(maxChargePowerInKw > 0)) {
            throw new IllegalArgumentException("EV charger power must be positive, got " + maxChargePowerInKw);
        }
    }
}
