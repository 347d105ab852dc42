package org.openlfa.powerflow;

/**
 * The few complex 3x3 operations the sweep needs, on plain double arrays so that a solve allocates nothing: a
 * matrix is 18 doubles (row-major, real and imaginary part interleaved), a phase vector 6 doubles.
 */
final class Complex3 {

    /** Doubles per 3x3 complex matrix. */
    static final int MATRIX = 18;

    private Complex3() {
    }

    /** Index of the real part of element (row, col) in a matrix stored from offset 0. */
    static int at(int row, int col) {
        return 2 * (3 * row + col);
    }

    /**
     * The phase-frame matrix of a symmetrical element given by its sequence impedances: diagonal
     * {@code (2 Z1 + Z0) / 3}, off-diagonal {@code (Z0 - Z1) / 3}, as OpenDSS builds lines and sources defined by
     * R1/X1/R0/X0 (the neutral and earth return are folded in; there is no explicit neutral conductor).
     */
    static double[] fromSequence(double r1, double x1, double r0, double x0, double scale) {
        double[] z = new double[MATRIX];
        double sr = (2 * r1 + r0) / 3 * scale;
        double sx = (2 * x1 + x0) / 3 * scale;
        double mr = (r0 - r1) / 3 * scale;
        double mx = (x0 - x1) / 3 * scale;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                z[at(i, j)] = i == j ? sr : mr;
                z[at(i, j) + 1] = i == j ? sx : mx;
            }
        }
        return z;
    }

    /** {@code out[o..o+5] = a - M * x} for phase vectors a and x (complex), M at offset m. */
    static void subtractProduct(double[] a, int ao, double[] matrix, int m, double[] x, int xo, double[] out,
            int oo) {
        for (int i = 0; i < 3; i++) {
            double re = a[ao + 2 * i];
            double im = a[ao + 2 * i + 1];
            int row = m + 6 * i;
            for (int j = 0; j < 3; j++) {
                double mr = matrix[row + 2 * j];
                double mi = matrix[row + 2 * j + 1];
                double xr = x[xo + 2 * j];
                double xi = x[xo + 2 * j + 1];
                re -= mr * xr - mi * xi;
                im -= mr * xi + mi * xr;
            }
            out[oo + 2 * i] = re;
            out[oo + 2 * i + 1] = im;
        }
    }

    /** {@code out[o..o+5] += M * x}. */
    static void addProduct(double[] matrix, int m, double[] x, int xo, double[] out, int oo) {
        for (int i = 0; i < 3; i++) {
            double re = 0;
            double im = 0;
            int row = m + 6 * i;
            for (int j = 0; j < 3; j++) {
                double mr = matrix[row + 2 * j];
                double mi = matrix[row + 2 * j + 1];
                double xr = x[xo + 2 * j];
                double xi = x[xo + 2 * j + 1];
                re += mr * xr - mi * xi;
                im += mr * xi + mi * xr;
            }
            out[oo + 2 * i] += re;
            out[oo + 2 * i + 1] += im;
        }
    }

    /** {@code T M T^T} for a real 3x3 T (row-major, 9 doubles) and a complex M. */
    static double[] congruence(double[] t, double[] m) {
        double[] tm = new double[MATRIX];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < 3; k++) {
                    re += t[3 * i + k] * m[at(k, j)];
                    im += t[3 * i + k] * m[at(k, j) + 1];
                }
                tm[at(i, j)] = re;
                tm[at(i, j) + 1] = im;
            }
        }
        double[] out = new double[MATRIX];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < 3; k++) {
                    re += tm[at(i, k)] * t[3 * j + k];
                    im += tm[at(i, k) + 1] * t[3 * j + k];
                }
                out[at(i, j)] = re;
                out[at(i, j) + 1] = im;
            }
        }
        return out;
    }

    /** {@code out = T x} for a real T and a complex phase vector. */
    static double[] apply(double[] t, double[] x) {
        double[] out = new double[6];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                out[2 * i] += t[3 * i + k] * x[2 * k];
                out[2 * i + 1] += t[3 * i + k] * x[2 * k + 1];
            }
        }
        return out;
    }

    /** {@code out = T^T x} for a real T and a complex phase vector. */
    static double[] applyTransposed(double[] t, double[] x, int xo) {
        double[] out = new double[6];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                out[2 * i] += t[3 * k + i] * x[xo + 2 * k];
                out[2 * i + 1] += t[3 * k + i] * x[xo + 2 * k + 1];
            }
        }
        return out;
    }

    static boolean isZero(double[] m) {
        for (double v : m) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
