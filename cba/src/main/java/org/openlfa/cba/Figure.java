package org.openlfa.cba;

/**
 * One input figure of the cost-benefit analysis, as read from a catalogue file, with where it comes from.
 *
 * @param field  the key path in the file, e.g. {@code prosumerCapex.energyBoxInEur}
 * @param value  the value (for a list of values, their mean)
 * @param unit   the unit, e.g. {@code EUR}, {@code EUR/year}, {@code share}
 * @param source the public source, or a text starting with "assumption:"
 * @param file   the file or class-path resource it was read from
 */
public record Figure(String field, double value, String unit, String source, String file) {

    /** True when the figure is an assumption of the study rather than a published value. */
    public boolean isAssumption() {
        return source.toLowerCase(java.util.Locale.ROOT).startsWith("assumption");
    }
}
