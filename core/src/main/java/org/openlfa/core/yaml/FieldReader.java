package org.openlfa.core.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openlfa.core.InputException;
import org.openlfa.core.TimeGrid;
import org.openlfa.core.yaml.YamlTree.ListNode;
import org.openlfa.core.yaml.YamlTree.MapNode;
import org.openlfa.core.yaml.YamlTree.Node;
import org.openlfa.core.yaml.YamlTree.ScalarNode;

/**
 * Typed reads from a {@link YamlTree} with errors that name the file, line and key path. Every numeric figure read
 * through {@link #number} must have an entry in the document's {@code sources:} map (its own key or a parent's).
 */
public final class FieldReader {

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private final Map<String, String> sources;

    private FieldReader(Map<String, String> sources) {
        this.sources = sources;
    }

    /** A reader for a document: reads (and checks) its {@code sources:} map first. */
    public static FieldReader of(MapNode root) {
        Map<String, String> sources = new LinkedHashMap<>();
        Node node = root.entries().get("sources");
        if (node == null) {
            throw InputException.at(root.source(), root.line(), "sources",
                    "a 'sources:' map from field path to where each figure comes from");
        }
        if (!(node instanceof MapNode map)) {
            throw InputException.at(node.source(), node.line(), "sources",
                    "a map from field path to source text, e.g. 'penetration.pvShare: \"FES 2021 ...\"'");
        }
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            Node value = e.getValue();
            if (!(value instanceof ScalarNode s) || s.text() == null || s.text().isBlank()) {
                throw InputException.at(value.source(), value.line(), "sources." + e.getKey(),
                        "a non-empty text naming the source (or \"assumption: ...\")");
            }
            sources.put(e.getKey(), s.text().strip());
        }
        return new FieldReader(sources);
    }

    public Map<String, String> sources() {
        return sources;
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Rejects any key of the map not in the allowed set, naming the allowed keys. */
    public static void allowOnly(MapNode map, String path, Collection<String> allowed) {
        for (Map.Entry<String, Integer> key : map.keyLines().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                Node value = map.entries().get(key.getKey());
                String near = allowed.stream().filter(k -> distance(k, key.getKey()) <= 2).findFirst()
                        .map(k -> " (did you mean '" + k + "'?)").orElse("");
                throw InputException.at(value.source(), key.getValue(), join(path, key.getKey()),
                        "one of the keys " + String.join(", ", allowed) + "; this key is unknown" + near);
            }
        }
    }

    /** Edit distance, to suggest the key a typo meant. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    /** The value of a required key. */
    public static Node require(MapNode map, String path, String key) {
        Node node = map.entries().get(key);
        if (node == null) {
            throw InputException.at(map.source(), map.line(), join(path, key), "the key '" + key
                    + "' is required" + (path.isEmpty() ? "" : " under '" + path + "'") + " but missing");
        }
        if (node instanceof ScalarNode s && s.text() == null) {
            throw InputException.at(s.source(), s.line(), join(path, key), "a value, the key is empty");
        }
        return node;
    }

    public static MapNode map(MapNode parent, String path, String key) {
        Node node = require(parent, path, key);
        if (node instanceof MapNode m) {
            return m;
        }
        throw InputException.at(node.source(), node.line(), join(path, key), "a map of 'key: value' lines");
    }

    public static ListNode list(MapNode parent, String path, String key) {
        Node node = require(parent, path, key);
        if (node instanceof ListNode l) {
            return l;
        }
        throw InputException.at(node.source(), node.line(), join(path, key), "a list ('- ...' items or [a, b])");
    }

    public static MapNode itemMap(Node item, String path) {
        if (item instanceof MapNode m) {
            return m;
        }
        throw InputException.at(item.source(), item.line(), path, "a map of 'key: value' lines");
    }

    public static String text(MapNode parent, String path, String key) {
        Node node = require(parent, path, key);
        if (node instanceof ScalarNode s) {
            return s.text().strip();
        }
        throw InputException.at(node.source(), node.line(), join(path, key), "a single value, not a map or list");
    }

    public static boolean bool(MapNode parent, String path, String key, boolean absent) {
        if (!parent.entries().containsKey(key)) {
            return absent;
        }
        Node node = require(parent, path, key);
        if (node instanceof ScalarNode s && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.text());
        }
        throw InputException.at(node.source(), node.line(), join(path, key), "true or false");
    }

    public static <E extends Enum<E>> E enumValue(MapNode parent, String path, String key, Class<E> type) {
        String value = text(parent, path, key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        Node node = parent.entries().get(key);
        throw InputException.at(node.source(), node.line(), join(path, key), "one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }

    /** A required number that must have a source. */
    public double number(MapNode parent, String path, String key) {
        return number(require(parent, path, key), join(path, key));
    }

    /** A number node (e.g. a list item) that must have a source. */
    public double number(Node node, String fieldPath) {
        if (!(node instanceof ScalarNode s) || !s.isNumber()) {
            throw InputException.at(node.source(), node.line(), fieldPath, "a number, got "
                    + (node instanceof ScalarNode s2 ? "'" + s2.text() + "'" : "a map or list"));
        }
        requireSource(node, fieldPath);
        return Double.parseDouble(s.text());
    }

    /** An optional number (sourced when present). */
    public double number(MapNode parent, String path, String key, double absent) {
        return parent.entries().containsKey(key) ? number(parent, path, key) : absent;
    }

    public double share(MapNode parent, String path, String key) {
        double value = number(parent, path, key);
        if (!(value >= 0 && value <= 1)) {
            throw at(parent, key, path, "a share between 0 and 1, got " + value);
        }
        return value;
    }

    public double nonNegative(MapNode parent, String path, String key) {
        double value = number(parent, path, key);
        if (!(value >= 0)) {
            throw at(parent, key, path, "a value of 0 or more, got " + value);
        }
        return value;
    }

    public double positive(MapNode parent, String path, String key) {
        double value = number(parent, path, key);
        if (!(value > 0)) {
            throw at(parent, key, path, "a value above 0, got " + value);
        }
        return value;
    }

    public int wholeNumber(MapNode parent, String path, String key, int min, int max) {
        double value = number(parent, path, key);
        if (value != Math.rint(value) || value < min || value > max) {
            throw at(parent, key, path, "a whole number from " + min + " to " + max + ", got " + value);
        }
        return (int) value;
    }

    /**
     * A minute of the day, written either as a number of minutes (960) or as a clock time ("16:00"); "24:00" (1440)
     * is allowed where {@code max} is 1440. Sourced like any figure.
     */
    public int minute(MapNode parent, String path, String key, int max) {
        Node node = require(parent, path, key);
        String field = join(path, key);
        int minutes;
        if (node instanceof ScalarNode s && !s.isNumber()) {
            Matcher m = CLOCK.matcher(s.text().strip());
            if (!m.matches() || Integer.parseInt(m.group(2)) > 59) {
                throw InputException.at(node.source(), node.line(), field,
                        "a minute of the day: a number of minutes (e.g. 960) or a time \"HH:MM\", got '"
                                + s.text() + "'");
            }
            requireSource(node, field);
            minutes = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        } else {
            double value = number(node, field);
            if (value != Math.rint(value)) {
                throw InputException.at(node.source(), node.line(), field, "a whole number of minutes, got " + value);
            }
            minutes = (int) value;
        }
        if (minutes < 0 || minutes > max) {
            throw InputException.at(node.source(), node.line(), field, "a minute of the day from 0 to " + max
                    + " (" + clock(max) + "), got " + minutes);
        }
        return minutes;
    }

    public static InputException at(MapNode parent, String key, String path, String expected) {
        Node node = parent.entries().get(key);
        return InputException.at(node.source(), node.line(), join(path, key), expected);
    }

    private void requireSource(Node node, String fieldPath) {
        if (Sources.lookup(sources, fieldPath) == null) {
            throw InputException.at(node.source(), node.line(), fieldPath,
                    "a source for this figure: add 'sources: {" + fieldPath.replaceAll("\\[\\d+]", "")
                            + ": \"...\"}' (a parent key also covers it; write \"assumption: ...\" where there is"
                            + " no published source)");
        }
    }

    /** Minutes of the day as HH:MM, for messages. */
    public static String clock(int minuteOfDay) {
        return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    /** Reads a list of numbers of exactly {@code size} items (each sourced). */
    public List<Double> numbers(MapNode parent, String path, String key, int size) {
        ListNode list = list(parent, path, key);
        String field = join(path, key);
        if (list.items().size() != size) {
            throw InputException.at(list.source(), list.line(), field, "exactly " + size + " values, got "
                    + list.items().size());
        }
        List<Double> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(number(list.items().get(i), field + "[" + i + "]"));
        }
        return out;
    }

    public static Set<String> keys(String... keys) {
        return new java.util.LinkedHashSet<>(List.of(keys));
    }

    public static final int DAY_END = TimeGrid.MINUTES_PER_DAY;
}
