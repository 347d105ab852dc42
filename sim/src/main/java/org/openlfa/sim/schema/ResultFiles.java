package org.openlfa.sim.schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.openlfa.core.csv.CsvWriter;

/**
 * Writes a result file from its columns: the header from {@link Column#header()}, each cell formatted by its column
 * and quoted by the CSV library.
 *
 * <pre>{@code
 * ResultFiles.write(dir.resolve(SummaryColumn.FILE), SummaryColumn.values(), summaries);
 * String header = ResultFiles.header(GridColumn.values());   // "scenario,congested_ptus,..."
 * }</pre>
 */
public final class ResultFiles {

    private ResultFiles() {
    }

    /** The header name of an enum column: its constant's name in lower case. */
    static String headerOf(Enum<?> column) {
        return column.name().toLowerCase(Locale.ROOT);
    }

    /** The header row's text (names joined by commas). */
    @SafeVarargs
    public static <R> String header(Column<R>... columns) {
        return String.join(",", List.of(columns).stream().map(Column::header).toList());
    }

    /** Writes {@code rows} under the header of {@code columns}. */
    public static <R> void write(Path file, Column<R>[] columns, Iterable<? extends R> rows) throws IOException {
        try (CsvWriter w = CsvWriter.open(file, List.of(columns).stream().map(Column::header).toList())) {
            for (R row : rows) {
                for (Column<R> c : columns) {
                    String cell = c.cell(row);
                    switch (c.format()) {
                        case QUOTED -> w.quoted(cell);
                        case TEXT, PHASE -> w.text(cell);
                        default -> w.number(cell);
                    }
                }
                w.endRow();
            }
        }
    }
}
