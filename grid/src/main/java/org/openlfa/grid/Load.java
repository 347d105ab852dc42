package org.openlfa.grid;

import java.util.Objects;
import java.util.Optional;

/**
 * A customer connection point (OpenDSS {@code Load}). In the UK LV files every home is a single-phase load on one
 * phase of a three-phase feeder, written {@code Bus1=187.1} (bus 187, phase 1).
 *
 * @param name                the load name as written (prefixed with the feeder, e.g. {@code F1_LOAD1}, when combined
 *                            by {@link EnwlNetwork})
 * @param bus                 the bus, without the phase suffix
 * @param phase               the phase (1..3) a single-phase load is connected to; for a multi-phase load the first
 *                            of its phases. OpenDSS connects a load without a suffix to phase 1 first.
 * @param phases              number of phases of the load
 * @param nominalVoltageInKv  the rated voltage ({@code kV}; phase-to-neutral for a single-phase load)
 * @param nominalPowerInKw    the rated active power ({@code kW}), which load shapes multiply
 * @param powerFactor         the power factor (negative means leading, as in OpenDSS)
 * @param reactivePowerInKvar the rated reactive power, from {@code kvar} or derived from kW and PF
 * @param model               the OpenDSS load model number (1 = constant PQ, the default)
 * @param dailyShape          the {@code daily} load shape name, or {@code null}
 * @param yearlyShape         the {@code yearly} load shape name, or {@code null}
 * @param feeder              the feeder number (1, 2, ...) when the load comes from a multi-feeder network, else 0
 */
public record Load(String name, String bus, int phase, int phases, double nominalVoltageInKv,
        double nominalPowerInKw, double powerFactor, double reactivePowerInKvar, int model, String dailyShape,
        String yearlyShape, int feeder) {

    public Load {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bus, "bus");
        if (phase < 1 || phase > 3) {
            throw new IllegalArgumentException("phase of load " + name + " must be 1..3, got " + phase);
        }
    }

    /** The load shape that drives this load: the yearly one if set (as OpenDSS in yearly mode), else the daily one. */
    public Optional<String> shapeName() {
        return Optional.ofNullable(yearlyShape != null ? yearlyShape : dailyShape);
    }
}
