package org.openlfa.model.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.openlfa.core.InputException;

/**
 * Reads and validates one profile-pool CSV in the ENWL LVNS layout: {@value #ROWS} rows of 5-minute mean power in kW
 * (00:00-00:05 first), one column per profile, no header, comma-separated, optional UTF-8 byte-order mark.
 *
 * <p>Both the built-in pools and a user's folder go through this parser, so a user file is held to exactly the rules
 * the shipped data meets. Every error names the file, the line (1-based) and the column (1-based) and says what is
 * expected.
 *
 * <pre>{@code
 * double[][] kwByProfile = ProfileCsv.read(Path.of("my-profiles/Winter_Load_Profiles.csv"));
 * double firstStepOfProfile0InKw = kwByProfile[0][0];
 * }</pre>
 */
public final class ProfileCsv {

    /** Rows a pool file must have: one day of 5-minute steps. */
    public static final int ROWS = 288;

    /** Minutes per row. */
    public static final int STEP_IN_MINUTES = 5;

    // Plain decimal or scientific notation only: Double.parseDouble would also take "NaN", "Infinity", "1d" or hex,
    // none of which a profile export should contain.
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private ProfileCsv() {
    }

    /** Reads a pool file; returns {@code [profile][step]} in kW. */
    public static double[][] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.in(file, "file",
                    "a profile CSV of " + ROWS + " rows of 5-min values; the file is missing");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a pool from a stream (for example a class-path resource); {@code source} names it in error messages. */
    public static double[][] read(InputStream in, String source) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Parses pool text; returns {@code [profile][step]} in kW. */
    public static double[][] parse(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<double[]> rows = new ArrayList<>(ROWS);
        int columns = -1;
        int lineNo = 0;
        int blankLinesPending = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                // Blank lines are only tolerated at the very end (an editor's trailing newline); one inside the
                // data is a missing row, reported when the next data line shows up.
                blankLinesPending++;
                continue;
            }
            if (blankLinesPending > 0) {
                throw InputException.at(source, lineNo - blankLinesPending, "column 1",
                        "a row of " + Math.max(columns, 1) + " values, got an empty line");
            }
            if (rows.size() == ROWS) {
                throw InputException.at(source, lineNo, "column 1",
                        "no more rows: a pool has exactly " + ROWS + " rows of 5-min data (one day), this is row "
                                + (rows.size() + 1));
            }
            String[] cells = line.split(",", -1);
            if (columns < 0) {
                columns = cells.length;
            } else if (cells.length > columns) {
                throw InputException.at(source, lineNo, "column " + (columns + 1),
                        "no value: line 1 has " + columns + " columns, this line has " + cells.length);
            } else if (cells.length < columns) {
                throw InputException.at(source, lineNo, "column " + (cells.length + 1),
                        "a value in kW (line 1 has " + columns + " columns, this line has " + cells.length + ")");
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = parseCell(cells[c].strip(), source, lineNo, c + 1);
            }
            rows.add(row);
        }
        if (rows.size() != ROWS) {
            throw InputException.at(source, lineNo + 1, "column 1",
                    "a pool has exactly " + ROWS + " rows of 5-min data (one day), the file ends after "
                            + rows.size());
        }
        double[][] byProfile = new double[columns][ROWS];
        for (int r = 0; r < ROWS; r++) {
            double[] row = rows.get(r);
            for (int c = 0; c < columns; c++) {
                byProfile[c][r] = row[c];
            }
        }
        return byProfile;
    }

    private static double parseCell(String cell, String source, int line, int column) {
        String field = "column " + column;
        if (cell.isEmpty()) {
            throw InputException.at(source, line, field, "a value in kW, got an empty cell (gaps are not allowed)");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw InputException.at(source, line, field, "a number in kW, got '" + cell + "'");
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw InputException.at(source, line, field, "a finite number in kW, got '" + cell + "'");
        }
        if (value < 0) {
            // Every pool is a demand or a generation given as a positive number: a negative value is a sign error.
            throw InputException.at(source, line, field, "a non-negative power in kW, got " + cell);
        }
        return value;
    }
}
