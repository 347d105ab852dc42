package org.openlfa.sim.schema;

/**
 * One column of a result file: its header name, its format and its value in a row of type {@code R}. Each file's
 * columns are an enum implementing this ({@link SummaryColumn}, {@link HouseholdColumn}, {@link GridColumn},
 * {@link SeriesColumn}), in file order; the writer and every reader use it.
 *
 * @param <R> what one row of the file is made from
 */
public interface Column<R> {

    /** The header name. */
    String header();

    /** How the value is written. */
    CellFormat format();

    /** The raw value of a row: a String, Number or Boolean. */
    Object value(R row);

    /** The cell text of a row. */
    default String cell(R row) {
        return format().format(value(row));
    }

    /** The raw value as a number (a flag as 1 or 0). */
    default double number(R row) {
        Object v = value(row);
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).doubleValue();
    }
}
