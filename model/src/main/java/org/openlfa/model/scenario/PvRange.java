package org.openlfa.model.scenario;

/**
 * The range of rooftop PV sizes of the homes that have PV; a home's size is drawn in this range.
 *
 * @param minPeakPowerInKwp smallest system
 * @param maxPeakPowerInKwp largest system, not below the smallest
 */
public record PvRange(double minPeakPowerInKwp, double maxPeakPowerInKwp) {
    public PvRange {
        if (!(minPeakPowerInKwp > 0) || !(maxPeakPowerInKwp >= minPeakPowerInKwp)) {
            throw new IllegalArgumentException("need 0 < min <= max peak power, got " + minPeakPowerInKwp + ".."
                    + maxPeakPowerInKwp);
        }
    }

    /** The peak power at a fraction 0..1 of the range (0 gives the minimum, 1 the maximum). */
    public double peakPowerAtInKwp(double fraction) {
        return minPeakPowerInKwp + fraction * (maxPeakPowerInKwp - minPeakPowerInKwp);
    }
}
