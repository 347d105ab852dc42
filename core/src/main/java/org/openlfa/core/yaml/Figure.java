package org.openlfa.core.yaml;

import java.util.Locale;

/**
 * One sourced input figure, as read from an input file by {@link YamlReader}: the number, its unit and where it
 * comes from, so that a report can list every input with its source.
 *
 * @param field  the key path in the file, e.g. {@code prosumerCapex.energyBoxInEur}; a list of numbers is recorded
 *               once, as {@code field (mean of N)}
 * @param value  the value (for a list of values, their mean)
 * @param unit   the unit, e.g. {@code EUR}, {@code EUR/year}, {@code share}
 * @param source the public source, or a text starting with "assumption:"
 * @param file   the file or class-path resource it was read from
 */
public record Figure(String field, double value, String unit, String source, String file) {

    /** True when the figure is an assumption of the study rather than a published value. */
    public boolean isAssumption() {
        return source.toLowerCase(Locale.ROOT).startsWith("assumption");
    }
}
