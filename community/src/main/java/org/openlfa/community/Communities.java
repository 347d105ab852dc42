package org.openlfa.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openlfa.core.InputException;

/**
 * Which feeders form which local energy community.
 *
 * <p>The default for ENWL network 22 pairs neighbouring feeders: C1 = feeders 1+2 (44 homes), C2 = feeders 3+4
 * (74 homes), C3 = feeders 5+6 (66 homes). The feeders' geography is not published with the data (the XY file was
 * not copied), so the pairing follows the feeder numbering, which in ENWL's data follows the substation's outgoing
 * ways. A user overrides it with a YAML file mapping community names to feeder lists:
 *
 * <pre>{@code
 * C1: [1, 2]
 * C2: [3, 4]
 * C3: [5, 6]
 * }</pre>
 *
 * @param feedersByCommunity community name to its feeder numbers, in file order
 */
public record Communities(Map<String, List<Integer>> feedersByCommunity) {

    public Communities {
        feedersByCommunity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(feedersByCommunity));
    }

    /** The documented default grouping of ENWL network 22's six feeders into three communities. */
    public static Communities network22Default() {
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        map.put("C1", List.of(1, 2));
        map.put("C2", List.of(3, 4));
        map.put("C3", List.of(5, 6));
        return new Communities(map);
    }

    /**
     * One community per feeder, named {@code F<feeder>}, in feeder order: the default for a network other than
     * network 22.
     */
    public static Communities onePerFeeder(Set<Integer> feeders) {
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        for (int feeder : new TreeSet<>(feeders)) {
            map.put("F" + feeder, List.of(feeder));
        }
        return new Communities(map);
    }

    /** Reads a grouping from a YAML file; every feeder of {@code feeders} must be in exactly one community. */
    public static Communities load(Path file, Set<Integer> feeders) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw InputException.in(file, "communities", "a YAML map of community name to a list of feeder numbers ("
                    + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw InputException.in(file, "communities", "a YAML map of community name to a list of feeder numbers");
        }
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        Set<Integer> seen = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isArray() || entry.getValue().isEmpty()) {
                throw InputException.in(file, entry.getKey(), "a non-empty list of feeder numbers");
            }
            List<Integer> list = new ArrayList<>();
            for (JsonNode feeder : entry.getValue()) {
                if (!feeder.canConvertToInt() || !feeders.contains(feeder.asInt())) {
                    throw InputException.in(file, entry.getKey(), "feeder numbers among " + feeders + ", got " + feeder);
                }
                if (!seen.add(feeder.asInt())) {
                    throw InputException.in(file, entry.getKey(), "each feeder in one community only; feeder "
                            + feeder.asInt() + " appears twice");
                }
                list.add(feeder.asInt());
            }
            map.put(entry.getKey(), list);
        }
        if (!seen.equals(new TreeSet<>(feeders))) {
            Set<Integer> missing = new TreeSet<>(feeders);
            missing.removeAll(seen);
            throw InputException.in(file, "communities", "every feeder in a community; missing " + missing);
        }
        return new Communities(map);
    }

    /** The community of a feeder. */
    public String communityOf(int feeder) {
        return feedersByCommunity.entrySet().stream().filter(e -> e.getValue().contains(feeder))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("feeder " + feeder + " is in no community"));
    }

    /** Community names in order. */
    public List<String> names() {
        return List.copyOf(feedersByCommunity.keySet());
    }
}
