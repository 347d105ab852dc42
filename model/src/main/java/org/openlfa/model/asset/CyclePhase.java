package org.openlfa.model.asset;

/**
 * One phase of an appliance cycle: a constant power for some minutes.
 *
 * @param durationInMinutes length of the phase
 * @param powerInKw         constant power drawn during the phase
 */
public record CyclePhase(int durationInMinutes, double powerInKw) {
    public CyclePhase {
        if (durationInMinutes <= 0 || !(powerInKw >= 0)) {
            throw new IllegalArgumentException("a cycle phase needs a positive duration and a non-negative power");
        }
    }
}
