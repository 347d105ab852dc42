package org.openlfa.region;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One LV grid's figures for one scenario, by column name of {@code lvg_results.csv} (the study's annual figures, UC3,
 * and per business case the CBA), in column order.
 *
 * @param scenario the scenario name
 * @param values   figure by column name; NaN where a figure does not exist (e.g. an IRR of a case that never pays)
 */
public record LvgFigures(String scenario, Map<String, Double> values) implements Serializable {
    public LvgFigures {
        // A LinkedHashMap, not Map.copyOf: the column order matters and it must survive Java and JSON serialisation.
        values = new LinkedHashMap<>(values);
    }

    /** A figure, NaN when absent. */
    public double get(String column) {
        return values.getOrDefault(column, Double.NaN);
    }
}
