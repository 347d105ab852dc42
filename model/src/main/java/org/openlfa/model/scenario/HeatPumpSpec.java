package org.openlfa.model.scenario;

import org.openlfa.model.asset.HeatPump;

/**
 * The catalogue's heat pump and the thermal model of the home it heats (see {@link HeatPump} for the model).
 *
 * @param maxElectricPowerInKw           compressor electric power limit
 * @param copRatio                       coefficient of performance (heat out / electricity in)
 * @param thermalCapacityInKwhPerKelvin  effective heat capacity of the home
 * @param thermalResistanceInKelvinPerKw thermal resistance between inside and outside
 * @param setpointInCelsius              thermostat set-point
 * @param comfortToleranceInKelvin       accepted deviation either side of the set-point
 */
public record HeatPumpSpec(double maxElectricPowerInKw, double copRatio, double thermalCapacityInKwhPerKelvin,
                           double thermalResistanceInKelvinPerKw, double setpointInCelsius,
                           double comfortToleranceInKelvin) {

    /** A home's heat pump with this specification, shaped by the given profile of the heat-pump pool. */
    public HeatPump toHeatPump(int profileIndex) {
        return new HeatPump(profileIndex, maxElectricPowerInKw, copRatio, thermalCapacityInKwhPerKelvin,
                thermalResistanceInKelvinPerKw, setpointInCelsius, comfortToleranceInKelvin);
    }
}
