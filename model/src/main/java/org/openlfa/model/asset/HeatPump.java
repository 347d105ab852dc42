package org.openlfa.model.asset;

/**
 * An air-source heat pump heating a home modelled as one thermal mass (first-order RC model).
 *
 * <p>Indoor temperature evolves as {@code C dT/dt = COP*P - Q_loss(t) - (T - T_set)/R}, where {@code Q_loss(t)} is the
 * heat the home loses when held at its set-point (taken from the heat-pump profile of the pool: profile power times
 * COP). The baseline holds {@code T = T_set}; a smart home may move within {@code T_set +- comfortToleranceInKelvin}.
 *
 * @param profileIndex                   index into the heat-pump pool of the profile library
 * @param maxElectricPowerInKw           compressor electric power limit
 * @param copRatio                       coefficient of performance (heat out / electricity in)
 * @param thermalCapacityInKwhPerKelvin  effective heat capacity of the home
 * @param thermalResistanceInKelvinPerKw thermal resistance between inside and outside
 * @param setpointInCelsius              the thermostat set-point
 * @param comfortToleranceInKelvin       accepted deviation either side of the set-point
 */
public record HeatPump(int profileIndex, double maxElectricPowerInKw, double copRatio,
                       double thermalCapacityInKwhPerKelvin, double thermalResistanceInKelvinPerKw,
                       double setpointInCelsius, double comfortToleranceInKelvin) {
    public HeatPump {
        if (!(maxElectricPowerInKw > 0) || !(copRatio > 0) || !(thermalCapacityInKwhPerKelvin > 0)
                || !(thermalResistanceInKelvinPerKw > 0) || !(comfortToleranceInKelvin >= 0)) {
            throw new IllegalArgumentException("heat pump parameters must be positive");
        }
    }
}
