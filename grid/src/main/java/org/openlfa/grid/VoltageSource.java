package org.openlfa.grid;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The equivalent of the upstream (MV) grid: OpenDSS {@code Vsource.Source}, created by {@code New Circuit} and
 * adjusted by {@code Edit Vsource.Source}. Short-circuit data are kept as given (absent when the file does not set
 * them); OpenDSS derives the source impedance from whichever of ISC, MVAsc or R/X was set.
 *
 * @param name               the circuit name (e.g. {@code LVTest}, {@code ENWL})
 * @param bus                the bus the source feeds, {@code SourceBus} unless the file says otherwise
 * @param baseVoltageInKv    the line-to-line base voltage
 * @param voltageInPerUnit   the operating voltage in per unit of the base
 * @param angleInDegrees     the phase angle of phase 1
 * @param isc3InAmps         three-phase short-circuit current, if given
 * @param isc1InAmps         single-phase short-circuit current, if given
 * @param mvaSc3             three-phase short-circuit power in MVA, if given
 * @param mvaSc1             single-phase short-circuit power in MVA, if given
 * @param r1InOhm            positive-sequence resistance, if given
 * @param x1InOhm            positive-sequence reactance, if given
 * @param r0InOhm            zero-sequence resistance, if given
 * @param x0InOhm            zero-sequence reactance, if given
 */
public record VoltageSource(String name, String bus, double baseVoltageInKv, double voltageInPerUnit,
        double angleInDegrees, OptionalDouble isc3InAmps, OptionalDouble isc1InAmps, OptionalDouble mvaSc3,
        OptionalDouble mvaSc1, OptionalDouble r1InOhm, OptionalDouble x1InOhm, OptionalDouble r0InOhm,
        OptionalDouble x0InOhm) {
    public VoltageSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(isc3InAmps, "isc3InAmps");
        Objects.requireNonNull(isc1InAmps, "isc1InAmps");
        Objects.requireNonNull(mvaSc3, "mvaSc3");
        Objects.requireNonNull(mvaSc1, "mvaSc1");
        Objects.requireNonNull(r1InOhm, "r1InOhm");
        Objects.requireNonNull(x1InOhm, "x1InOhm");
        Objects.requireNonNull(r0InOhm, "r0InOhm");
        Objects.requireNonNull(x0InOhm, "x0InOhm");
    }
}
