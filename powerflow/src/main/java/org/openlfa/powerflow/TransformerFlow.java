package org.openlfa.powerflow;

/**
 * The power through the MV/LV transformer, measured at its LV terminals, into the LV network.
 *
 * @param activePowerInKw     per phase, kW (positive towards the LV network)
 * @param reactivePowerInKvar per phase, kvar
 * @param currentInAmps       LV phase current per phase
 * @param loadingInPercent    the highest LV phase current against the rated current
 *                            {@code kVA / (sqrt 3 kV_LV)}, in percent
 */
public record TransformerFlow(PhaseValues activePowerInKw, PhaseValues reactivePowerInKvar,
        PhaseValues currentInAmps, double loadingInPercent) {
}
