package org.openlfa.core.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openlfa.core.InputException;

/**
 * A CSV file with a header row, read whole through Jackson's CSV parser (quoted fields may hold commas, quotes and
 * line breaks). Columns are found by name; every row must have as many cells as the header. Errors are
 * {@link InputException}s naming the file and line.
 *
 * <pre>{@code
 * CsvTable t = CsvTable.read(Path.of("results/summary.csv"));
 * for (CsvTable.Row row : t.rows()) {
 *     String scenario = row.cell("scenario");       // null when the header has no such column
 * }
 * }</pre>
 *
 * @param file    the file read
 * @param columns column index by (stripped) header name
 * @param rows    the data rows, blank lines skipped
 */
public record CsvTable(Path file, Map<String, Integer> columns, List<Row> rows) {

    private static final CsvMapper MAPPER = new CsvMapper();

    public CsvTable {
        columns = Collections.unmodifiableMap(new HashMap<>(columns));
        rows = List.copyOf(rows);
    }

    /**
     * Reads a file.
     *
     * @throws InputException when the file is missing, has no header or a row of another width than the header
     */
    public static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.in(file, "", "an existing file; it is missing");
        }
        List<List<String>> cells = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvParser p = (CsvParser) MAPPER.getFactory().createParser(in)) {
            p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            List<String> row = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    row = new ArrayList<>();
                } else if (t == JsonToken.END_ARRAY && !row.isEmpty()) {
                    cells.add(row);
                } else if (t.isScalarValue()) {
                    if (row.isEmpty()) {
                        // the row's line is its first cell's (the array's own token sits at the previous line's end)
                        lines.add((int) p.currentTokenLocation().getLineNr());
                    }
                    row.add(p.getText());
                }
            }
        } catch (JsonProcessingException e) {
            throw InputException.at(file, e.getLocation() == null ? 1 : (int) e.getLocation().getLineNr(), "",
                    "well-formed CSV ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (cells.isEmpty()) {
            throw InputException.at(file, 1, "", "a header row, the file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = cells.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw InputException.at(file, lines.get(r), "", header.size() + " comma-separated values as in the"
                        + " header, got " + row.size());
            }
            rows.add(new Row(file, lines.get(r), columns, row));
        }
        return new CsvTable(file, columns, rows);
    }

    /** Whether the header has the column. */
    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /**
     * One data row.
     *
     * @param file    the file
     * @param line    the line the row starts on (1 is the header)
     * @param columns column index by name
     * @param cells   the cells, unquoted
     */
    public record Row(Path file, int line, Map<String, Integer> columns, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell of a column as written (unquoted), null when the header has no such column. */
        public String cell(String column) {
            Integer i = columns.get(column);
            return i == null ? null : cells.get(i);
        }
    }
}
