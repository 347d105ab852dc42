package org.openlfa.core.csv;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a CSV file row by row through Jackson's CSV generator: a header, then cells that the caller formats (numbers
 * keep the caller's exact text) and Jackson quotes. A text cell is quoted only when it must be (it holds a comma, a
 * quote or a line break; a quote is doubled); a {@link #quoted} cell always is. Lines end with {@code \n}.
 *
 * <pre>{@code
 * try (CsvWriter w = CsvWriter.open(file, List.of("scenario", "cost_eur", "plan"))) {
 *     w.text("2030Green-High").number("123.45").quoted("transformer 500 -> 800 kVA; overlay feeder 3").endRow();
 * }
 * }</pre>
 */
public final class CsvWriter implements Closeable {

    private static final CsvMapper MAPPER = new CsvMapper();

    private final CsvGenerator out;
    private boolean inRow;

    private CsvWriter(CsvGenerator out) {
        this.out = out;
    }

    /** Creates (or replaces) {@code file} and writes the header row. */
    public static CsvWriter open(Path file, List<String> header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CsvGenerator generator = (CsvGenerator) MAPPER.getFactory().createGenerator(writer);
        generator.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        CsvWriter w = new CsvWriter(generator);
        for (String name : header) {
            w.text(name);
        }
        w.endRow();
        return w;
    }

    /** A text cell, quoted when it holds a comma, a quote or a line break. */
    public CsvWriter text(String value) throws IOException {
        begin();
        out.writeString(value);
        return this;
    }

    /** A text cell that is always quoted. */
    public CsvWriter quoted(String value) throws IOException {
        begin();
        out.enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
        out.writeString(value);
        out.disable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
        return this;
    }

    /** A number already formatted by the caller, written as given (empty for a missing value). */
    public CsvWriter number(String formatted) throws IOException {
        begin();
        out.writeNumber(formatted);
        return this;
    }

    /** Ends the current row. */
    public CsvWriter endRow() throws IOException {
        begin();
        out.writeEndArray();
        inRow = false;
        return this;
    }

    private void begin() throws IOException {
        if (!inRow) {
            out.writeStartArray();
            inRow = true;
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
