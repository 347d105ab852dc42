package org.openlfa.core.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openlfa.core.InputException;
import org.openlfa.core.yaml.YamlTree.ListNode;
import org.openlfa.core.yaml.YamlTree.MapNode;
import org.openlfa.core.yaml.YamlTree.Node;
import org.openlfa.core.yaml.YamlTree.ScalarNode;

/**
 * Typed reads from a {@link YamlTree} document whose every error is an {@link InputException} naming the file, the
 * line and the field path, and saying what is expected.
 *
 * <p>Two kinds of read, always with the same argument order {@code (parent map, path of the parent, key, ...)}:
 * <ul>
 *   <li>the structure of the file ({@link #map}, {@link #list}, {@link #text}, {@link #enumValue}, {@link #bool},
 *       {@link #allowOnly}, ...) are static: they need nothing but the tree;</li>
 *   <li>figures ({@link #number}, {@link #share}, {@link #positive}, {@link #minuteOfDay}, {@link #numbers}, ...) are
 *       read through a reader, because every figure must have a source: an entry of the document's {@code sources:}
 *       map under its own key path or a parent's (see {@link Sources#lookup}), whose text names a publication or
 *       starts with "assumption:". Each figure read is recorded as a {@link Figure} with its unit and source, so that
 *       a report can list every input ({@link #figures()}).</li>
 * </ul>
 *
 * <pre>{@code
 * // costs.yaml:
 * //   platform:
 * //     capexInEurPerLvg: 2500
 * //   sources:
 * //     platform: "assumption: vendor quote 2024"
 * MapNode root = YamlTree.parse("costs.yaml", in);
 * YamlReader r = YamlReader.withSources(root);                 // checks the sources: map
 * allowOnly(root, "", List.of("platform", "sources"));         // an unknown key is an error (with "did you mean")
 * MapNode platform = map(root, "", "platform");
 * double capex = r.nonNegative(platform, "platform", "capexInEurPerLvg", "EUR/LVG");
 * r.requireSourcesNameFields();                                // a sources: entry for no field is a typo
 * List<Figure> inputs = r.figures();                           // [platform.capexInEurPerLvg = 2500 EUR/LVG, ...]
 * // a negative capex fails with: costs.yaml:2: field 'platform.capexInEurPerLvg': a value of 0 or more, got -2500.0
 * }</pre>
 */
public final class YamlReader {

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private final MapNode root;
    /** Source text by key path, from the {@code sources:} map. */
    private final Map<String, String> sources;
    /** Line of each {@code sources:} entry, for {@link #requireSourcesNameFields()}. */
    private final Map<String, Integer> sourceLines;
    /** The source of every figure of a file that needs no {@code sources:} map, else {@code null}. */
    private final String oneSource;
    private final List<Figure> figures = new ArrayList<>();

    private YamlReader(MapNode root, Map<String, String> sources, Map<String, Integer> sourceLines, String oneSource) {
        this.root = root;
        this.sources = sources;
        this.sourceLines = sourceLines;
        this.oneSource = oneSource;
    }

    /**
     * A reader for a document with a {@code sources:} map from field path to where each figure comes from; the map is
     * read and checked here (every entry a non-empty text).
     */
    public static YamlReader withSources(MapNode root) {
        Node node = root.entries().get("sources");
        if (node == null) {
            throw InputException.at(root.source(), root.line(), "sources",
                    "a 'sources:' map from field path to where each figure comes from (or \"assumption: ...\")");
        }
        if (!(node instanceof MapNode map)) {
            throw InputException.at(node.source(), node.line(), "sources",
                    "a map from field path to source text, e.g. 'penetration.pvShare: \"FES 2021 ...\"'");
        }
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            Node value = e.getValue();
            if (!(value instanceof ScalarNode s) || s.text() == null || s.text().isBlank()) {
                throw InputException.at(value.source(), value.line(), "sources." + e.getKey(),
                        "a non-empty text naming the source (or \"assumption: ...\")");
            }
            sources.put(e.getKey(), s.text().strip().replaceAll("\\s+", " "));
            lines.put(e.getKey(), map.keyLines().get(e.getKey()));
        }
        return new YamlReader(root, sources, lines, null);
    }

    /**
     * A reader for a document whose figures all have the same source and that has no {@code sources:} map, e.g. a
     * home's own device file, where the owner's figures come from the file itself.
     */
    public static YamlReader withOneSource(MapNode root, String source) {
        return new YamlReader(root, Map.of(), Map.of(), source);
    }

    /** The document read. */
    public MapNode root() {
        return root;
    }

    /** The {@code sources:} map, field path to source text, in file order (empty for {@link #withOneSource}). */
    public Map<String, String> sources() {
        return sources;
    }

    /** Every figure read so far, in reading order, with its unit and source. */
    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /**
     * Every {@code sources:} entry must name a field of the document (list indices left out): a typo there would
     * silently cover nothing.
     */
    public void requireSourcesNameFields() {
        for (Map.Entry<String, Integer> e : sourceLines.entrySet()) {
            if (!exists(root, INDEX.matcher(e.getKey()).replaceAll("").split("\\."), 0)) {
                throw InputException.at(root.source(), e.getValue(), "sources." + e.getKey(),
                        "a path of a field of this file; '" + e.getKey() + "' names no field");
            }
        }
    }

    private static boolean exists(Node node, String[] parts, int index) {
        if (index == parts.length) {
            return true;
        }
        if (node instanceof ListNode l) {
            return l.items().stream().anyMatch(item -> exists(item, parts, index));
        }
        return node instanceof MapNode m && m.entries().containsKey(parts[index])
                && exists(m.entries().get(parts[index]), parts, index + 1);
    }

    // ------------------------------------------------------------------------------------------------ structure

    /** The key path of {@code key} under {@code path}: {@code fieldPath("a.b", "c")} is {@code a.b.c}. */
    public static String fieldPath(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Rejects any key of the map not in {@code allowed}, naming the allowed keys and the one a typo meant. */
    public static void allowOnly(MapNode map, String path, Collection<String> allowed) {
        for (Map.Entry<String, Integer> key : map.keyLines().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                Node value = map.entries().get(key.getKey());
                String near = allowed.stream().filter(k -> distance(k, key.getKey()) <= 2).findFirst()
                        .map(k -> " (did you mean '" + k + "'?)").orElse("");
                throw InputException.at(value.source(), key.getValue(), fieldPath(path, key.getKey()),
                        "one of the keys " + String.join(", ", allowed) + "; this key is unknown" + near);
            }
        }
    }

    /** The value of a required key, which must not be empty. */
    public static Node require(MapNode parent, String path, String key) {
        Node node = parent.entries().get(key);
        if (node == null) {
            throw InputException.at(parent.source(), parent.line(), fieldPath(path, key), "the key '" + key
                    + "' is required" + (path.isEmpty() ? "" : " under '" + path + "'") + " but missing");
        }
        if (node instanceof ScalarNode s && s.text() == null) {
            throw InputException.at(s.source(), s.line(), fieldPath(path, key), "a value, the key is empty");
        }
        return node;
    }

    /** A required map. */
    public static MapNode map(MapNode parent, String path, String key) {
        Node node = require(parent, path, key);
        if (node instanceof MapNode m) {
            return m;
        }
        throw errorAt(node, fieldPath(path, key), "a map of 'key: value' lines");
    }

    /** A required list. */
    public static ListNode list(MapNode parent, String path, String key) {
        Node node = require(parent, path, key);
        if (node instanceof ListNode l) {
            return l;
        }
        throw errorAt(node, fieldPath(path, key), "a list ('- ...' items or [a, b])");
    }

    /** An item of a list that must be a map; {@code field} is the item's path, e.g. {@code bands[2]}. */
    public static MapNode itemMap(Node item, String field) {
        if (item instanceof MapNode m) {
            return m;
        }
        throw errorAt(item, field, "a map of 'key: value' lines");
    }

    /** A required, non-blank single value, stripped. */
    public static String text(MapNode parent, String path, String key) {
        Node node = require(parent, path, key);
        if (node instanceof ScalarNode s && !s.text().isBlank()) {
            return s.text().strip();
        }
        throw errorAt(node, fieldPath(path, key), node instanceof ScalarNode ? "a text value, the value is blank"
                : "a single text value, not a map or list");
    }

    /** An optional {@code true} or {@code false}; {@code absent} when the key is not there. */
    public static boolean bool(MapNode parent, String path, String key, boolean absent) {
        if (!parent.entries().containsKey(key)) {
            return absent;
        }
        Node node = require(parent, path, key);
        if (node instanceof ScalarNode s && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.text());
        }
        throw errorAt(node, fieldPath(path, key), "true or false");
    }

    /** A required constant of {@code type}, matched by name ignoring case; the error lists the constants. */
    public static <E extends Enum<E>> E enumValue(MapNode parent, String path, String key, Class<E> type) {
        String value = text(parent, path, key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw errorAt(parent, path, key, "one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }

    // ------------------------------------------------------------------------------------------------ figures

    /** A required number that has a source, recorded as a figure in {@code unit}. */
    public double number(MapNode parent, String path, String key, String unit) {
        Node node = require(parent, path, key);
        String field = fieldPath(path, key);
        double value = numberValue(node, field);
        figures.add(new Figure(field, value, unit, sourceOf(node, field, "this figure"), node.source()));
        return value;
    }

    /** A required sourced number of 0 or more: a price or cost below zero is a typo, not a figure. */
    public double nonNegative(MapNode parent, String path, String key, String unit) {
        double value = number(parent, path, key, unit);
        if (!(value >= 0)) {
            throw errorAt(parent, path, key, "a value of 0 or more, got " + value);
        }
        return value;
    }

    /** A required sourced number above 0. */
    public double positive(MapNode parent, String path, String key, String unit) {
        double value = number(parent, path, key, unit);
        if (!(value > 0)) {
            throw errorAt(parent, path, key, "a value above 0, got " + value);
        }
        return value;
    }

    /** A required sourced share from 0 to 1 (unit {@code share}). */
    public double share(MapNode parent, String path, String key) {
        double value = number(parent, path, key, "share");
        if (!(value >= 0 && value <= 1)) {
            throw errorAt(parent, path, key, "a share between 0 and 1, got " + value);
        }
        return value;
    }

    /** A required sourced whole number from {@code min} to {@code max}. */
    public int wholeNumber(MapNode parent, String path, String key, int min, int max, String unit) {
        double value = number(parent, path, key, unit);
        if (value != Math.rint(value) || value < min || value > max) {
            throw errorAt(parent, path, key, "a whole number from " + min + " to " + max + ", got " + value);
        }
        return (int) value;
    }

    /**
     * A required sourced minute of the day from 0 to {@code max}, written either as a number of minutes (960) or as a
     * clock time ("16:00"); "24:00" (1440) is allowed where {@code max} is 1440. Recorded in unit {@code minute}.
     */
    public int minuteOfDay(MapNode parent, String path, String key, int max) {
        Node node = require(parent, path, key);
        String field = fieldPath(path, key);
        int minutes;
        String source;
        if (node instanceof ScalarNode s && !s.isNumber()) {
            Matcher m = CLOCK.matcher(s.text().strip());
            if (!m.matches() || Integer.parseInt(m.group(2)) > 59) {
                throw errorAt(node, field, "a minute of the day: a number of minutes (e.g. 960) or a time"
                        + " \"HH:MM\", got '" + s.text() + "'");
            }
            source = sourceOf(node, field, "this figure");
            minutes = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        } else {
            double value = numberValue(node, field);
            source = sourceOf(node, field, "this figure");
            if (value != Math.rint(value)) {
                throw errorAt(node, field, "a whole number of minutes, got " + value);
            }
            minutes = (int) value;
        }
        if (minutes < 0 || minutes > max) {
            throw errorAt(node, field, "a minute of the day from 0 to " + max + " (" + clock(max) + "), got "
                    + minutes);
        }
        figures.add(new Figure(field, minutes, "minute", source, node.source()));
        return minutes;
    }

    /**
     * A required list of exactly {@code size} numbers with a source for the list (its own key path or a parent's),
     * recorded as one figure: their mean.
     */
    public double[] numbers(MapNode parent, String path, String key, int size, String unit) {
        ListNode list = list(parent, path, key);
        String field = fieldPath(path, key);
        if (list.items().size() != size) {
            throw errorAt(list, field, "exactly " + size + " values, got " + list.items().size());
        }
        String source = sourceOf(list, field, "these figures");
        double[] out = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            out[i] = numberValue(list.items().get(i), field + "[" + i + "]");
            sum += out[i];
        }
        figures.add(new Figure(field + " (mean of " + size + ")", sum / size, unit, source, list.source()));
        return out;
    }

    private static double numberValue(Node node, String field) {
        if (node instanceof ScalarNode s && s.isNumber()) {
            return Double.parseDouble(s.text());
        }
        throw errorAt(node, field, "a number, got "
                + (node instanceof ScalarNode s ? "'" + s.text() + "'" : "a map or list"));
    }

    private String sourceOf(Node node, String field, String what) {
        String found = oneSource != null ? oneSource : Sources.lookup(sources, field);
        if (found == null) {
            throw errorAt(node, field, "a source for " + what + ": add 'sources: {"
                    + INDEX.matcher(field).replaceAll("") + ": \"...\"}' (a parent key also covers it; write"
                    + " \"assumption: ...\" where there is no published source)");
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------------ errors

    /**
     * An error at the line of {@code key} in {@code parent} (the parent's line when the key is not there), for a
     * check a caller makes across fields, e.g. bands of a tariff that leave a gap.
     */
    public static InputException errorAt(MapNode parent, String path, String key, String expected) {
        Node node = parent.entries().get(key);
        Node at = node == null ? parent : node;
        return InputException.at(at.source(), at.line(), fieldPath(path, key), expected);
    }

    /** An error at a node's line; {@code field} is its key path. */
    public static InputException errorAt(Node node, String field, String expected) {
        return InputException.at(node.source(), node.line(), field, expected);
    }

    /** Minutes of the day as HH:MM, for messages: {@code clock(960)} is {@code 16:00}. */
    public static String clock(int minuteOfDay) {
        return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    /** Edit distance ignoring case, to suggest the key a typo meant. */
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
}
