package org.openlfa.core;

import java.util.Arrays;
import java.util.stream.DoubleStream;

/**
 * An immutable series of numbers, one per PTU (programme time unit) of a day or horizon: a net schedule, prices,
 * limits. The unit belongs to whoever holds the series and stays in that field's name ({@code netInKw},
 * {@code priceInEurPerKwh}). Values may be NaN where a holder gives it a meaning (for example "no limit in this
 * PTU"); {@code equals} then treats NaN as equal to NaN, as {@link Arrays#equals(double[], double[])} does.
 *
 * <pre>{@code
 * PtuSeries net = PtuSeries.of(0.4, -1.2, 0.0);     // copied: later changes to an array passed in do not show
 * double first = net.get(0);
 * double[] forTheSolver = net.toArray();             // a fresh copy, the caller's to change
 * PtuSeries none = PtuSeries.zeros(96);
 * }</pre>
 */
public final class PtuSeries {

    private static final PtuSeries EMPTY = new PtuSeries(new double[0]);

    private final double[] values;

    private PtuSeries(double[] values) {
        this.values = values;
    }

    /** A series of these values, one per PTU (copied). */
    public static PtuSeries of(double... values) {
        return values.length == 0 ? EMPTY : new PtuSeries(values.clone());
    }

    /** {@code n} PTUs of zero. */
    public static PtuSeries zeros(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a series cannot have " + n + " PTUs");
        }
        return n == 0 ? EMPTY : new PtuSeries(new double[n]);
    }

    /** The value of PTU {@code i} (0-based). */
    public double get(int i) {
        return values[i];
    }

    /** The number of PTUs. */
    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    /** The values as a new array, the caller's to change. */
    public double[] toArray() {
        return values.clone();
    }

    public DoubleStream stream() {
        return Arrays.stream(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PtuSeries s && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** The values, as {@link Arrays#toString(double[])} writes them: {@code [0.4, -1.2, 0.0]}. */
    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
