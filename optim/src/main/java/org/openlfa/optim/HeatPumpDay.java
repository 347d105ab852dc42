package org.openlfa.optim;

import org.openlfa.model.asset.HeatPump;

/**
 * One day of a heat-pumped home's heat demand.
 *
 * @param pump                      the heat pump and the home's thermal parameters
 * @param heatLossAtSetpointInKw    per PTU, the heat the home loses when held at its set-point (thermal kW)
 * @param baselineElectricInKw      per PTU, the electric power of a plain thermostat that holds the set-point
 */
public record HeatPumpDay(HeatPump pump, double[] heatLossAtSetpointInKw, double[] baselineElectricInKw) {

    /** The electric power limit used in scheduling: never below what the baseline thermostat draws. */
    public double maxElectricPowerInKw() {
        double peak = 0;
        for (double p : baselineElectricInKw) {
            peak = Math.max(peak, p);
        }
        return Math.max(pump.maxElectricPowerInKw(), peak);
    }
}
