package org.openlfa.report.map;

import java.awt.Color;

/**
 * A continuous colour scale from blue (low) over green and yellow to red (high), for a value range with a unit.
 *
 * @param minValue value shown blue
 * @param maxValue value shown red
 * @param label    what the value is, with its unit, e.g. "voltage (pu)"
 */
public record ColourScale(double minValue, double maxValue, String label) {

    private static final Color[] STOPS = {new Color(0x2c7bb6), new Color(0x1a9641), new Color(0xfdae61),
        new Color(0xd7191c)};

    /** Grey, for elements without a value. */
    public static final Color NO_VALUE = new Color(0xb0b0b0);

    /** The colour of a value (values outside the range take the end colours; NaN is grey). */
    public Color colourOf(double value) {
        if (Double.isNaN(value)) {
            return NO_VALUE;
        }
        double f = (value - minValue) / (maxValue - minValue);
        f = Math.max(0, Math.min(1, f)) * (STOPS.length - 1);
        int i = Math.min((int) f, STOPS.length - 2);
        double w = f - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
    }

    /** The colour as a CSS hex string. */
    public String hexOf(double value) {
        Color c = colourOf(value);
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
