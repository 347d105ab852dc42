package org.openlfa.grid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openlfa.core.InputException;

/**
 * A low-voltage network as read from OpenDSS files: the MV source, the MV/LV transformer(s), the line sections,
 * the customer loads and what describes them. Immutable; names keep the spelling of the files, and every lookup
 * by name ignores case, as OpenDSS does.
 *
 * <pre>{@code
 * LvNetwork ieee = OpenDssReader.read(Path.of("ieee-european-lv-test-feeder/opendss/Master.dss"));
 * ieee.checkRadialConnected();
 * List<Load> atBus34 = ieee.loadsByBus().getOrDefault("34", List.of());
 * }</pre>
 *
 * @param name                 the circuit name
 * @param baseFrequencyInHertz the system frequency
 * @param source               the MV equivalent source
 * @param lineCodes            line codes by name (lookup ignores case)
 * @param lines                line sections in file order
 * @param loads                loads in file order
 * @param transformers         transformers in file order
 * @param coordinates          bus coordinates by bus name (lookup ignores case), empty if the files have none
 * @param loadShapes           load shapes by name (lookup ignores case)
 */
public record LvNetwork(String name, double baseFrequencyInHertz, VoltageSource source,
        Map<String, LineCode> lineCodes, List<Line> lines, List<Load> loads, List<Transformer> transformers,
        Map<String, BusCoordinate> coordinates, Map<String, LoadShapeRef> loadShapes) {

    public LvNetwork {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        lineCodes = Names.caseInsensitiveCopy(lineCodes);
        lines = List.copyOf(lines);
        loads = List.copyOf(loads);
        transformers = List.copyOf(transformers);
        coordinates = Names.caseInsensitiveCopy(coordinates);
        loadShapes = Names.caseInsensitiveCopy(loadShapes);
    }

    /** The line code of that name, ignoring case. */
    public Optional<LineCode> lineCode(String lineCodeName) {
        return Optional.ofNullable(lineCodes.get(lineCodeName));
    }

    /** The bus the MV source feeds (usually {@code SourceBus}). */
    public String sourceBus() {
        return source.bus();
    }

    /**
     * Every bus that the source, a transformer, a line or a load touches, each once (case-insensitively, first
     * spelling kept), in that order.
     */
    public Set<String> busIds() {
        Map<String, String> byKey = new LinkedHashMap<>();
        byKey.putIfAbsent(Names.key(source.bus()), source.bus());
        for (Transformer t : transformers) {
            t.windings().forEach(w -> byKey.putIfAbsent(Names.key(w.bus()), w.bus()));
        }
        for (Line l : lines) {
            byKey.putIfAbsent(Names.key(l.bus1()), l.bus1());
            byKey.putIfAbsent(Names.key(l.bus2()), l.bus2());
        }
        loads.forEach(l -> byKey.putIfAbsent(Names.key(l.bus()), l.bus()));
        return Collections.unmodifiableSet(new LinkedHashSet<>(byKey.values()));
    }

    /** The loads of each bus that has any; lookup by bus name ignores case. */
    public Map<String, List<Load>> loadsByBus() {
        Map<String, List<Load>> byBus = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Load load : loads) {
            byBus.computeIfAbsent(load.bus(), b -> new ArrayList<>()).add(load);
        }
        byBus.replaceAll((bus, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(byBus);
    }

    /** The feeder numbers of the lines and loads, ascending; empty for a network read from one OpenDSS model. */
    public List<Integer> feederNumbers() {
        return Stream.concat(lines.stream().map(Line::feeder), loads.stream().map(Load::feeder))
                .filter(f -> f > 0).distinct().sorted().toList();
    }

    /** The loads of a feeder (see {@link Load#feeder()}). */
    public List<Load> loadsOfFeeder(int feeder) {
        return loads.stream().filter(l -> l.feeder() == feeder).toList();
    }

    /** The lines of a feeder (see {@link Line#feeder()}). */
    public List<Line> linesOfFeeder(int feeder) {
        return lines.stream().filter(l -> l.feeder() == feeder).toList();
    }

    /**
     * The buses that cannot be reached from the source bus through transformers and lines, in {@link #busIds()}
     * order: an island, usually a line with a mistyped bus name.
     */
    public List<String> unreachableBuses() {
        Map<String, List<String>> adjacency = adjacency();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        String start = Names.key(source.bus());
        seen.add(start);
        queue.add(start);
        while (!queue.isEmpty()) {
            for (String next : adjacency.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return busIds().stream().filter(b -> !seen.contains(Names.key(b))).toList();
    }

    /**
     * The lines that close a loop (a second path between two buses already connected), in file order; empty for
     * a radial network. Transformers count as branches.
     */
    public List<Line> meshingLines() {
        // Union-find over bus keys: a branch whose ends are already in one set closes a loop.
        Map<String, String> parent = new HashMap<>();
        for (Transformer t : transformers) {
            for (int i = 1; i < t.windings().size(); i++) {
                union(parent, Names.key(t.windings().get(0).bus()), Names.key(t.windings().get(i).bus()));
            }
        }
        List<Line> meshing = new ArrayList<>();
        for (Line l : lines) {
            if (!union(parent, Names.key(l.bus1()), Names.key(l.bus2()))) {
                meshing.add(l);
            }
        }
        return meshing;
    }

    /**
     * Checks that every bus is reachable from the source bus and that the network is radial (no loops), as the
     * LV feeders this tool studies are.
     *
     * @throws InputException naming the first unreachable bus (and how many there are), or the first line that
     *                        closes a loop
     */
    public void checkRadialConnected() {
        List<String> islands = unreachableBuses();
        if (!islands.isEmpty()) {
            throw InputException.in(name, "bus " + islands.get(0),
                    "every bus connected to source bus " + sourceBus() + "; " + islands.size()
                            + " bus(es) are not, e.g. " + String.join(", ", islands.subList(0, Math.min(5, islands.size()))));
        }
        List<Line> loops = meshingLines();
        if (!loops.isEmpty()) {
            Line first = loops.get(0);
            throw InputException.in(name, "line " + first.name(), "a radial network, but it closes a loop between buses "
                    + first.bus1() + " and " + first.bus2() + " (" + loops.size() + " such line(s))");
        }
    }

    private Map<String, List<String>> adjacency() {
        Map<String, List<String>> adjacency = new HashMap<>();
        for (Transformer t : transformers) {
            for (int i = 1; i < t.windings().size(); i++) {
                link(adjacency, t.windings().get(0).bus(), t.windings().get(i).bus());
            }
        }
        lines.forEach(l -> link(adjacency, l.bus1(), l.bus2()));
        return adjacency;
    }

    private static void link(Map<String, List<String>> adjacency, String a, String b) {
        adjacency.computeIfAbsent(Names.key(a), k -> new ArrayList<>()).add(Names.key(b));
        adjacency.computeIfAbsent(Names.key(b), k -> new ArrayList<>()).add(Names.key(a));
    }

    /** Joins the sets of a and b; false if they were already one set. */
    private static boolean union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (ra.equals(rb)) {
            return false;
        }
        parent.put(ra, rb);
        return true;
    }

    private static String root(Map<String, String> parent, String x) {
        String r = x;
        while (parent.containsKey(r)) {
            r = parent.get(r);
        }
        // Path compression keeps the 1 000-bus feeders linear in practice.
        String c = x;
        while (parent.containsKey(c)) {
            String next = parent.get(c);
            if (!next.equals(r)) {
                parent.put(c, r);
            }
            c = next;
        }
        return r;
    }
}
