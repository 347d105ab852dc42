package org.openlfa.grid;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * OpenDSS names (buses, elements, classes) compare case-insensitively; these helpers keep that in one place. Public
 * only so that the reader in {@link org.openlfa.grid.opendss} and the model records share one rule; not meant for
 * callers outside this module.
 *
 * <pre>{@code
 * boolean same = Names.same("SourceBus", "sourcebus");   // true
 * String key = Names.key("Line.L1");                      // "line.l1"
 * }</pre>
 */
public final class Names {

    private Names() {
    }

    /** The comparison key of a name: OpenDSS lower-cases names internally, so do we. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Whether two names denote the same OpenDSS object. */
    public static boolean same(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    /**
     * An unmodifiable copy whose {@code get} ignores case, so that callers can look a bus or line code up however
     * they spell it. Keys that differ only by case are rejected, since they would silently shadow each other.
     */
    public static <V> SortedMap<String, V> caseInsensitiveCopy(Map<String, V> source) {
        TreeMap<String, V> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, V> e : source.entrySet()) {
            if (copy.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalArgumentException("two keys differ only by case: " + e.getKey());
            }
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
