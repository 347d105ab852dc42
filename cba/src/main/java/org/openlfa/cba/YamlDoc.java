package org.openlfa.cba;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlfa.core.InputException;
import org.openlfa.core.yaml.YamlTree;
import org.openlfa.core.yaml.YamlTree.ListNode;
import org.openlfa.core.yaml.YamlTree.MapNode;
import org.openlfa.core.yaml.YamlTree.Node;
import org.openlfa.core.yaml.YamlTree.ScalarNode;

/**
 * A YAML document with the line of every key, read from Jackson's token stream, and typed reads whose errors name
 * the file, the line and the field path. Every number read through {@link #number} must be covered by an entry of
 * the document's {@code sources:} map (its own path or a parent's), and is recorded with that source so that the
 * report can list every input.
 *
 * <p>The document is parsed by the shared {@link YamlTree}; what this class adds for the CBA is the record of every
 * figure read with its source (the report lists them all) and the check that no {@code sources:} entry names a field
 * that does not exist.
 */
final class YamlDoc {

    private final String source;
    private final MapNode root;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, Integer> sourceLines = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();

    private YamlDoc(String source, MapNode root) {
        this.source = source;
        this.root = root;
        Node node = root.entries().get("sources");
        if (!(node instanceof MapNode map)) {
            throw InputException.at(source, node == null ? 1 : node.line(), "sources",
                    "a 'sources:' map from field path to where each figure comes from (or \"assumption: ...\")");
        }
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            if (!(e.getValue() instanceof ScalarNode s) || s.text() == null || s.text().isBlank()) {
                throw InputException.at(source, e.getValue().line(), "sources." + e.getKey(),
                        "a non-empty text naming the source (or \"assumption: ...\")");
            }
            sources.put(e.getKey(), s.text().strip().replaceAll("\\s+", " "));
            sourceLines.put(e.getKey(), map.keyLines().get(e.getKey()));
        }
    }

    /** Parses a document whose top level is a mapping with a {@code sources:} map. The stream is closed. */
    static YamlDoc parse(String source, InputStream in) {
        return new YamlDoc(source, YamlTree.parse(source, in));
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String source() {
        return source;
    }

    MapNode root() {
        return root;
    }

    /** Every figure read so far, in reading order, with its source. */
    List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Rejects keys outside {@code allowed}, naming the allowed ones. */
    void allowOnly(MapNode map, String path, Collection<String> allowed) {
        for (Map.Entry<String, Integer> key : map.keyLines().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                throw InputException.at(source, key.getValue(), join(path, key.getKey()),
                        "one of the keys " + String.join(", ", allowed) + "; this key is unknown");
            }
        }
    }

    /** Every {@code sources:} entry must name a field that exists: a typo there would silently cover nothing. */
    void checkSourcesCoverExistingFields() {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            if (find(e.getKey()) == null) {
                throw InputException.at(source, sourceLines.get(e.getKey()), "sources." + e.getKey(),
                        "a path of a field of this file; '" + e.getKey() + "' names no field");
            }
        }
    }

    private Node find(String path) {
        Node node = root;
        for (String part : path.split("\\.")) {
            if (!(node instanceof MapNode m) || !m.entries().containsKey(part)) {
                return null;
            }
            node = m.entries().get(part);
        }
        return node;
    }

    Node require(MapNode map, String path, String key) {
        Node node = map.entries().get(key);
        if (node == null) {
            throw InputException.at(source, map.line(), join(path, key), "the key '" + key + "' is required"
                    + (path.isEmpty() ? "" : " under '" + path + "'") + " but missing");
        }
        if (node instanceof ScalarNode s && s.text() == null) {
            throw InputException.at(source, s.line(), join(path, key), "a value, the key is empty");
        }
        return node;
    }

    MapNode map(MapNode parent, String path, String key) {
        Node node = require(parent, path, key);
        if (node instanceof MapNode m) {
            return m;
        }
        throw InputException.at(source, node.line(), join(path, key), "a map of 'key: value' lines");
    }

    ListNode list(MapNode parent, String path, String key) {
        Node node = require(parent, path, key);
        if (node instanceof ListNode l) {
            return l;
        }
        throw InputException.at(source, node.line(), join(path, key), "a list ('- ...' items or [a, b])");
    }

    String text(MapNode parent, String path, String key) {
        Node node = require(parent, path, key);
        if (node instanceof ScalarNode s && !s.text().isBlank()) {
            return s.text().strip();
        }
        throw InputException.at(source, node.line(), join(path, key), "a text value, not a map or list");
    }

    /** A required number that has a source, recorded as a figure. */
    double number(MapNode parent, String path, String key, String unit) {
        Node node = require(parent, path, key);
        String field = join(path, key);
        if (!(node instanceof ScalarNode s) || !s.isNumber()) {
            throw InputException.at(source, node.line(), field, "a number, got "
                    + (node instanceof ScalarNode s2 ? "'" + s2.text() + "'" : "a map or list"));
        }
        String src = sourceOf(field);
        if (src == null) {
            throw InputException.at(source, node.line(), field, "a source for this figure: add 'sources: {" + field
                    + ": \"...\"}' (a parent key also covers it; write \"assumption: ...\" where there is no"
                    + " published source)");
        }
        double value = Double.parseDouble(s.text());
        figures.add(new Figure(field, value, unit, src, source));
        return value;
    }

    /** A list of exactly {@code size} numbers with one source for the list, recorded as one figure (its mean). */
    double[] numbers(MapNode parent, String path, String key, int size, String unit) {
        ListNode list = list(parent, path, key);
        String field = join(path, key);
        if (list.items().size() != size) {
            throw InputException.at(source, list.line(), field, "exactly " + size + " values, got "
                    + list.items().size());
        }
        String src = sourceOf(field);
        if (src == null) {
            throw InputException.at(source, list.line(), field, "a source for these figures: add 'sources: {"
                    + field + ": \"...\"}' (a parent key also covers them)");
        }
        double[] out = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            Node item = list.items().get(i);
            if (!(item instanceof ScalarNode s) || !s.isNumber()) {
                throw InputException.at(source, item.line(), field + "[" + i + "]", "a number");
            }
            out[i] = Double.parseDouble(s.text());
            sum += out[i];
        }
        figures.add(new Figure(field + " (mean of " + size + ")", sum / size, unit, src, source));
        return out;
    }

    /** A number of 0 or more; a price or cost below zero is a typo, not a figure. */
    double nonNegative(MapNode parent, String path, String key, String unit) {
        double value = number(parent, path, key, unit);
        if (!(value >= 0)) {
            throw at(parent, path, key, "a value of 0 or more, got " + value);
        }
        return value;
    }

    double share(MapNode parent, String path, String key) {
        double value = number(parent, path, key, "share");
        if (!(value >= 0 && value <= 1)) {
            throw at(parent, path, key, "a share between 0 and 1, got " + value);
        }
        return value;
    }

    double positive(MapNode parent, String path, String key, String unit) {
        double value = number(parent, path, key, unit);
        if (!(value > 0)) {
            throw at(parent, path, key, "a value above 0, got " + value);
        }
        return value;
    }

    int whole(MapNode parent, String path, String key, int min, int max, String unit) {
        double value = number(parent, path, key, unit);
        if (value != Math.rint(value) || value < min || value > max) {
            throw at(parent, path, key, "a whole number from " + min + " to " + max + ", got " + value);
        }
        return (int) value;
    }

    InputException at(MapNode parent, String path, String key, String expected) {
        Node node = parent.entries().get(key);
        return InputException.at(source, node == null ? parent.line() : node.line(), join(path, key), expected);
    }

    InputException at(Node node, String field, String expected) {
        return InputException.at(source, node.line(), field, expected);
    }

    /** The source of a field: its own path, else the nearest parent's. */
    String sourceOf(String field) {
        String current = field;
        while (!current.isEmpty()) {
            String found = sources.get(current);
            if (found != null) {
                return found;
            }
            int cut = current.lastIndexOf('.');
            current = cut < 0 ? "" : current.substring(0, cut);
        }
        return null;
    }
}
