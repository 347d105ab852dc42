package org.openlfa.optim;

import org.openlfa.model.asset.WetApplianceType;

/**
 * A wet appliance's cycle on one day, on the PTU grid.
 *
 * @param type               which appliance
 * @param energyPerPtuInKwh  energy in the k-th PTU after the start
 * @param preferredStartPtu  PTU in which the household starts it by hand (the baseline)
 * @param maxDelayInPtus     how many PTUs later the energy box may start it (the allowed window)
 */
public record WetCycle(WetApplianceType type, double[] energyPerPtuInKwh, int preferredStartPtu, int maxDelayInPtus) {

    /** Adds the cycle's power, started at {@code startPtu}, to a per-PTU power profile (cyclic day). */
    public void addTo(double[] powerInKw, int startPtu, double hoursPerPtu) {
        int n = powerInKw.length;
        for (int k = 0; k < energyPerPtuInKwh.length; k++) {
            powerInKw[(startPtu + k) % n] += energyPerPtuInKwh[k] / hoursPerPtu;
        }
    }
}
