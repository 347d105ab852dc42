package org.openlfa.grid;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The per-length electrical data of a cable or overhead line type (OpenDSS {@code LineCode}), converted to per
 * kilometre whatever {@code units} the file used.
 *
 * <p>OpenDSS accepts either sequence values (R1, X1, R0, X0, C1, C0) or phase matrices (rmatrix, xmatrix,
 * cmatrix). The ENWL and IEEE files use sequence values only. When matrices are given they are kept as the lower
 * triangle, row by row, as written; {@link #hasMatrices()} tells which form defines the impedance.
 *
 * @param name                    the line code name as written
 * @param phases                  number of phases ({@code nphases})
 * @param r1InOhmPerKm            positive-sequence resistance
 * @param x1InOhmPerKm            positive-sequence reactance
 * @param r0InOhmPerKm            zero-sequence resistance
 * @param x0InOhmPerKm            zero-sequence reactance
 * @param c1InNanofaradPerKm      positive-sequence capacitance
 * @param c0InNanofaradPerKm      zero-sequence capacitance
 * @param rMatrixInOhmPerKm       lower triangle of the resistance matrix, empty if not given
 * @param xMatrixInOhmPerKm       lower triangle of the reactance matrix, empty if not given
 * @param cMatrixInNanofaradPerKm lower triangle of the capacitance matrix, empty if not given
 * @param normalRatingInAmps      normal current rating ({@code normamps}), if given
 * @param emergencyRatingInAmps   emergency current rating ({@code emergamps}), if given
 */
public record LineCode(String name, int phases, double r1InOhmPerKm, double x1InOhmPerKm, double r0InOhmPerKm,
        double x0InOhmPerKm, double c1InNanofaradPerKm, double c0InNanofaradPerKm, List<Double> rMatrixInOhmPerKm,
        List<Double> xMatrixInOhmPerKm, List<Double> cMatrixInNanofaradPerKm, OptionalDouble normalRatingInAmps,
        OptionalDouble emergencyRatingInAmps) {

    public LineCode {
        Objects.requireNonNull(name, "name");
        rMatrixInOhmPerKm = List.copyOf(rMatrixInOhmPerKm);
        xMatrixInOhmPerKm = List.copyOf(xMatrixInOhmPerKm);
        cMatrixInNanofaradPerKm = List.copyOf(cMatrixInNanofaradPerKm);
        Objects.requireNonNull(normalRatingInAmps, "normalRatingInAmps");
        Objects.requireNonNull(emergencyRatingInAmps, "emergencyRatingInAmps");
    }

    /** Whether phase matrices (rather than the sequence values) define the impedance. */
    public boolean hasMatrices() {
        return !rMatrixInOhmPerKm.isEmpty() || !xMatrixInOhmPerKm.isEmpty();
    }
}
