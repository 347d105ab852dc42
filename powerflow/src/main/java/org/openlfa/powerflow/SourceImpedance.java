package org.openlfa.powerflow;

import org.openlfa.grid.VoltageSource;

/**
 * The Thevenin impedance of the MV source as OpenDSS derives it ({@code Vsource} RecalcElementData), in ohms.
 *
 * <p>OpenDSS takes the impedance from whichever of three specifications was set last; the grid model keeps the
 * values but not their order, so this follows the usual precedence: explicit R1/X1/R0/X0, else ISC3/ISC1, else
 * MVAsc3/MVAsc1, else the OpenDSS defaults (MVAsc3 = 2000, MVAsc1 = 2100). With short-circuit data, X1/R1 = 4 and
 * X0/R0 = 3 (the OpenDSS defaults; the grid model has no field for other ratios) and
 * <ul>
 *   <li>{@code X1 = kV^2 / MVAsc3 / sqrt(1 + 1/(X1/R1)^2)}, {@code R1 = X1 / (X1/R1)}, with
 *       {@code MVAsc3 = sqrt(3) kV Isc3 / 1000};</li>
 *   <li>R0 solves {@code |2 Z1 + Z0| = 3 (kV / sqrt 3) / Isc1} with {@code X0 = R0 (X0/R0)} (the larger root of
 *       the quadratic, as OpenDSS), where {@code Isc1 = MVAsc1 * 1000 / (sqrt(3) kV)}.</li>
 * </ul>
 * Behind a delta MV winding only Z1 matters (the delta blocks zero-sequence current), so the tiny ISC1 of the IEEE
 * feeder (5 A, a huge Z0) has no effect on the LV side.
 *
 * @param r1InOhm positive-sequence resistance
 * @param x1InOhm positive-sequence reactance
 * @param r0InOhm zero-sequence resistance
 * @param x0InOhm zero-sequence reactance
 */
record SourceImpedance(double r1InOhm, double x1InOhm, double r0InOhm, double x0InOhm) {

    static final double DEFAULT_X1_R1 = 4;
    static final double DEFAULT_X0_R0 = 3;
    private static final double SQRT3 = Math.sqrt(3);

    static SourceImpedance of(VoltageSource source) {
        double kv = source.baseVoltageInKv();
        if (source.r1InOhm().isPresent() || source.x1InOhm().isPresent() || source.r0InOhm().isPresent()
                || source.x0InOhm().isPresent()) {
            // OpenDSS defaults for the ones not given.
            double r1 = source.r1InOhm().orElse(1.65);
            double x1 = source.x1InOhm().orElse(6.6);
            return new SourceImpedance(r1, x1, source.r0InOhm().orElse(1.9), source.x0InOhm().orElse(5.7));
        }
        double mvaSc3;
        double isc1;
        if (source.isc3InAmps().isPresent() || source.isc1InAmps().isPresent()) {
            mvaSc3 = SQRT3 * kv * source.isc3InAmps().orElse(10000) / 1000;
            isc1 = source.isc1InAmps().orElse(10500);
        } else {
            mvaSc3 = source.mvaSc3().orElse(2000);
            isc1 = source.mvaSc1().orElse(2100) * 1000 / (SQRT3 * kv);
        }
        double x1 = kv * kv / mvaSc3 / Math.sqrt(1 + 1 / (DEFAULT_X1_R1 * DEFAULT_X1_R1));
        double r1 = x1 / DEFAULT_X1_R1;
        double k = DEFAULT_X0_R0;
        double a = 1 + k * k;
        double b = 4 * (r1 + x1 * k);
        double zs = 3 * kv * 1000 / SQRT3 / isc1;
        double c = 4 * (r1 * r1 + x1 * x1) - zs * zs;
        double discriminant = Math.max(0, b * b - 4 * a * c);
        double r0 = Math.max((-b + Math.sqrt(discriminant)) / (2 * a), (-b - Math.sqrt(discriminant)) / (2 * a));
        return new SourceImpedance(r1, x1, r0, r0 * k);
    }

    /** The phase-frame matrix (self and mutual from the sequence values). */
    double[] phaseMatrix() {
        return Complex3.fromSequence(r1InOhm, x1InOhm, r0InOhm, x0InOhm, 1);
    }
}
