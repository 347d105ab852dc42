package org.openlfa.sim.schema;

import java.util.Locale;

/**
 * How a result column's value becomes CSV text: the exact number formats the study files have always used, and
 * whether the CSV writer treats the cell as text (quoted when it must be), always-quoted text, or a number.
 */
public enum CellFormat {
    /** Text, quoted only when it holds a comma, a quote or a line break. */
    TEXT,
    /** Text, always quoted. */
    QUOTED,
    /** An integer. */
    INTEGER,
    /** 1 for true, 0 for false. */
    FLAG,
    /** A phase 1, 2, 3 as a, b, c (another number as itself). */
    PHASE,
    /** Money in EUR, 2 decimals. */
    MONEY,
    /** Energy in kWh, 3 decimals. */
    ENERGY,
    /** Power in kW, 4 decimals. */
    POWER,
    /** A percentage with 3 decimals (the coordination gap). */
    PERCENT,
    /** A loading percentage with 1 decimal. */
    LOADING,
    /** A voltage in pu, 4 decimals. */
    VOLTAGE;

    /** The cell text of a value (a String, Number or Boolean as the column gives it). */
    public String format(Object value) {
        return switch (this) {
            case TEXT, QUOTED -> (String) value;
            case INTEGER -> Long.toString(((Number) value).longValue());
            case FLAG -> (Boolean) value ? "1" : "0";
            case PHASE -> switch (((Number) value).intValue()) {
                case 1 -> "a";
                case 2 -> "b";
                case 3 -> "c";
                default -> Integer.toString(((Number) value).intValue());
            };
            case MONEY -> String.format(Locale.ROOT, "%.2f", ((Number) value).doubleValue());
            case ENERGY, PERCENT -> String.format(Locale.ROOT, "%.3f", ((Number) value).doubleValue());
            case POWER, VOLTAGE -> String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue());
            case LOADING -> String.format(Locale.ROOT, "%.1f", ((Number) value).doubleValue());
        };
    }
}
