package org.openlfa.model.asset;

/**
 * A rooftop PV system: its peak power and which profile of the pool shapes its output.
 *
 * @param peakPowerInKwp installed peak power
 * @param profileIndex   index into the PV pool of the {@link org.openlfa.model.profile.ProfileLibrary}
 */
public record PvSystem(double peakPowerInKwp, int profileIndex) {
    public PvSystem {
        if (!(peakPowerInKwp > 0)) {
            throw new IllegalArgumentException("PV peak power must be positive, got " + peakPowerInKwp);
        }
    }
}
