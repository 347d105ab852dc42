package org.openlfa.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlfa.core.InputException;

/**
 * A YAML document read into a small tree whose every node remembers its file and line, so that a validation error
 * found long after parsing can still point at the line. Jackson's tree model drops locations; this keeps them by
 * walking the parser's tokens.
 */
public final class YamlTree {

    // Duplicate keys are caught while walking the tokens (see read), where the full key path is known; Jackson's
    // STRICT_DUPLICATE_DETECTION would name only the last key.
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTree() {
    }

    /** A node of the tree. {@code line} is the line of the key that introduced it (or of the item / scalar). */
    public sealed interface Node permits MapNode, ListNode, ScalarNode {
        String source();

        int line();
    }

    /** A mapping; keys in file order, each with the line it is on. */
    public record MapNode(Map<String, Node> entries, Map<String, Integer> keyLines, String source, int line)
            implements Node {
    }

    /** A sequence. */
    public record ListNode(List<Node> items, String source, int line) implements Node {
    }

    /** A scalar with the token kind Jackson gave it (number, string, boolean, null). */
    public record ScalarNode(String text, JsonToken token, String source, int line) implements Node {
        public boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }
    }

    /** Reads a document whose top level must be a mapping. The stream is closed. */
    public static MapNode parse(String source, InputStream in) {
        try (in; JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InputException.at(source, 1, "", "a YAML mapping of 'key: value' lines, the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw InputException.at(source, lineOf(parser.currentTokenLocation()), "",
                        "a YAML mapping of 'key: value' lines at the top level");
            }
            return (MapNode) read(parser, source, "", 1);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw InputException.at(source, at == null ? 0 : lineOf(at), fieldOf(e),
                    "well-formed YAML: " + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", " "), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static Node read(JsonParser parser, String source, String path, int line) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = lineOf(parser.currentTokenLocation());
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (entries.containsKey(key)) {
                    throw InputException.at(source, keyLine, childPath, "each key once, this one is repeated");
                }
                parser.nextToken();
                entries.put(key, read(parser, source, childPath, keyLine));
                keyLines.put(key, keyLine);
            }
            return new MapNode(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLines), source,
                    line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int itemLine = lineOf(parser.currentTokenLocation());
                items.add(read(parser, source, path + "[" + index++ + "]", itemLine));
            }
            return new ListNode(List.copyOf(items), source, line);
        }
        int scalarLine = lineOf(parser.currentTokenLocation());
        String text = token == JsonToken.VALUE_NULL ? null : parser.getText();
        return new ScalarNode(text, token, source, scalarLine > 0 ? scalarLine : line);
    }

    /** Deep merge: maps merge key by key, anything else in {@code over} replaces what {@code base} has. */
    public static MapNode merge(MapNode base, MapNode over) {
        Map<String, Node> entries = new LinkedHashMap<>(base.entries());
        Map<String, Integer> keyLines = new LinkedHashMap<>(base.keyLines());
        for (Map.Entry<String, Node> e : over.entries().entrySet()) {
            Node old = entries.get(e.getKey());
            Node merged = old instanceof MapNode oldMap && e.getValue() instanceof MapNode newMap
                    ? merge(oldMap, newMap) : e.getValue();
            entries.put(e.getKey(), merged);
            keyLines.put(e.getKey(), over.keyLines().get(e.getKey()));
        }
        return new MapNode(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLines),
                over.source(), over.line());
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static String fieldOf(JsonProcessingException e) {
        // Jackson's message for a duplicate key names it; otherwise the position is all we know.
        Object processor = e.getProcessor();
        if (processor instanceof JsonParser p) {
            try {
                String name = p.currentName();
                return name == null ? "" : name;
            } catch (IOException | RuntimeException ignored) {
                return "";
            }
        }
        return "";
    }
}
