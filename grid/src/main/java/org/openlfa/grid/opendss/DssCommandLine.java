package org.openlfa.grid.opendss;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokeniser of the command interpreter ({@link DssInterpreter}): splits one OpenDSS command line into its verb
 * and parameters, the way the OpenDSS parser does for the forms the supported files use: {@code name=value} or a
 * bare positional value, separated by blanks or commas, values quoted with {@code "} or {@code '} or grouped with
 * {@code [ ]}, {@code ( )} or {@code { }} (delimiters removed).
 */
final class DssCommandLine {

    /** One parameter: {@code name} is {@code null} for a positional value. */
    record Param(String name, String value) {
    }

    private DssCommandLine() {
    }

    /**
     * Removes an inline comment ({@code !} or {@code //}) that is outside quotes and brackets. A {@code //} inside
     * a bracketed value (a path or URL) is kept.
     */
    static String stripComment(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '[', '(', '{' -> depth++;
                case ']', ')', '}' -> depth = Math.max(0, depth - 1);
                case '!' -> {
                    if (depth == 0) {
                        return text.substring(0, i);
                    }
                }
                case '/' -> {
                    if (depth == 0 && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                        return text.substring(0, i);
                    }
                }
                default -> {
                }
            }
        }
        return text;
    }

    /**
     * The parameters of a line (the verb included, as the first positional value).
     *
     * @throws IllegalArgumentException with a short reason if a quote or bracket is not closed
     */
    static List<Param> split(String text) {
        List<Param> params = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            i = skipDelimiters(text, i);
            if (i >= n) {
                return params;
            }
            String name = null;
            int start = i;
            if (!isOpener(text.charAt(i))) {
                int end = i;
                while (end < n && !isDelimiter(text.charAt(end)) && text.charAt(end) != '=') {
                    end++;
                }
                int after = end;
                while (after < n && Character.isWhitespace(text.charAt(after))) {
                    after++;
                }
                if (after < n && text.charAt(after) == '=' && end > start) {
                    name = text.substring(start, end);
                    i = after + 1;
                    while (i < n && Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                }
            }
            if (i >= n) {
                params.add(new Param(name, ""));
                return params;
            }
            char c = text.charAt(i);
            if (isOpener(c)) {
                char close = closerOf(c);
                int depth = 0;
                int j = i;
                for (; j < n; j++) {
                    char d = text.charAt(j);
                    if (c != close && d == c) {
                        depth++;
                    } else if (d == close) {
                        if (c == close) {
                            if (j > i) {
                                break;
                            }
                            depth = 1;
                        } else if (--depth == 0) {
                            break;
                        }
                    }
                }
                if (j >= n) {
                    throw new IllegalArgumentException("a closing " + close + " for the " + c + " at column " + (i + 1));
                }
                params.add(new Param(name, text.substring(i + 1, j).strip()));
                i = j + 1;
            } else {
                int end = i;
                while (end < n && !isDelimiter(text.charAt(end))) {
                    end++;
                }
                params.add(new Param(name, text.substring(i, end)));
                i = end;
            }
        }
    }

    private static int skipDelimiters(String text, int i) {
        while (i < text.length() && isDelimiter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == ',';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '[' || c == '(' || c == '{';
    }

    private static char closerOf(char c) {
        return switch (c) {
            case '[' -> ']';
            case '(' -> ')';
            case '{' -> '}';
            default -> c;
        };
    }

    /** The numbers of an array value such as {@code 11 0.416} or {@code 0.1 | 0.05 0.1} (row separators ignored). */
    static List<String> arrayItems(String value) {
        List<String> items = new ArrayList<>();
        for (String part : value.split("[\\s,|]+")) {
            if (!part.isEmpty()) {
                items.add(part);
            }
        }
        return items;
    }
}
