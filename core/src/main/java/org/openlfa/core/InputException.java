package org.openlfa.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A user's input is wrong: a scenario, grid or profile file that is malformed or inconsistent.
 *
 * <p>The message names the file, the line (where known) and the field, and says what is expected, so that the CLI
 * can print it as it is, without a stack trace, and exit non-zero.
 *
 * <pre>{@code
 * throw InputException.at(file, 12, "penetration.pvShare", "a share between 0 and 1, got 1.4");
 * }</pre>
 */
public final class InputException extends RuntimeException {

    private final String source;
    private final Integer line;
    private final String field;

    private InputException(String source, Integer line, String field, String expected, Throwable cause) {
        super(format(source, line, field, expected), cause);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** An error at a known line of a file (line numbers start at 1). */
    public static InputException at(String source, int line, String field, String expected) {
        return new InputException(source, line, field, expected, null);
    }

    /** An error at a known line of a file. */
    public static InputException at(Path source, int line, String field, String expected) {
        return at(source.toString(), line, field, expected);
    }

    /** An error in a file where the line is not known (for example an aggregate check over the whole file). */
    public static InputException in(String source, String field, String expected) {
        return new InputException(source, null, field, expected, null);
    }

    /** An error in a file where the line is not known. */
    public static InputException in(Path source, String field, String expected) {
        return in(source.toString(), field, expected);
    }

    /** Same as {@link #at(String, int, String, String)}, keeping the low-level cause for the log. */
    public static InputException at(String source, int line, String field, String expected, Throwable cause) {
        return new InputException(source, line, field, expected, cause);
    }

    private static String format(String source, Integer line, String field, String expected) {
        StringBuilder sb = new StringBuilder(Objects.requireNonNullElse(source, "<input>"));
        if (line != null && line > 0) {
            sb.append(':').append(line);
        }
        if (field != null && !field.isEmpty()) {
            sb.append(": field '").append(field).append('\'');
        }
        sb.append(": ").append(expected);
        return sb.toString();
    }

    /** The file (or resource) the error is in. */
    public String source() {
        return source;
    }

    /** The line of the error, or {@code null} where it is not known. */
    public Integer line() {
        return line;
    }

    /** The field (key path, column or element name) that is wrong. */
    public String field() {
        return field;
    }
}
