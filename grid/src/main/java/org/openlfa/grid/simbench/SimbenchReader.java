package org.openlfa.grid.simbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.openlfa.core.InputException;
import org.openlfa.grid.BusCoordinate;
import org.openlfa.grid.Line;
import org.openlfa.grid.LineCode;
import org.openlfa.grid.Load;
import org.openlfa.grid.LoadShapeRef;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.Transformer;
import org.openlfa.grid.VoltageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a SimBench grid in the SimBench CSV format (a folder with {@code Node.csv}, {@code Line.csv},
 * {@code LineType.csv}, {@code Load.csv}, {@code RES.csv}, {@code Transformer.csv}, {@code TransformerType.csv},
 * {@code ExternalNet.csv}; {@code ;}-separated, MW, km, ohm/km) as an {@link LvNetwork} at its base case: the
 * nominal powers of Load.csv and RES.csv, the slack at the external grid node's {@code vmSetp}.
 *
 * <p>The mapping, and what the LV network model cannot hold:
 * <ul>
 *   <li>the external grid is an ideal source (zero impedance, as SimBench's {@code vavm} slack) at the node's
 *       {@code vmR} kV, {@code vmSetp} pu and {@code vaSetp} degrees;</li>
 *   <li>a transformer type gives {@code %R = pCu / sR} (split equally over the windings) and
 *       {@code XHL = sqrt(vmImp^2 - %R^2)}; it becomes a delta/wye transformer (OpenDSS's Dyn1 convention: the
 *       model has no clock number, SimBench's {@code va0} is not kept). No-load losses ({@code pFe},
 *       {@code iNoLoad}) are not represented and are logged; only the neutral tap is accepted;</li>
 *   <li>a line type gives R1 = R0 = r and X1 = X0 = x (SimBench has no zero-sequence data, so this is meant for
 *       balanced studies), C1 = C0 from {@code b} read as microsiemens per km (C = b / (2 pi 50)), and its
 *       {@code iMax} as the normal rating;</li>
 *   <li>loads and generators ({@code RES}) are balanced three-phase loads at 0.4 kV; generators are negative loads
 *       named by their id.</li>
 * </ul>
 *
 * <pre>{@code
 * LvNetwork rural1 = SimbenchReader.read(Path.of("simbench-1-LV-rural1--0-no_sw"));
 * }</pre>
 */
public final class SimbenchReader {

    private static final Logger LOG = LoggerFactory.getLogger(SimbenchReader.class);
    private static final double FREQUENCY_IN_HERTZ = 50;

    private SimbenchReader() {
    }

    /** One row of a CSV file with its line number, by column name. */
    private record Row(Path file, int line, Map<String, String> values) {
        String text(String column) {
            String v = values.get(column);
            if (v == null || v.isBlank()) {
                throw InputException.at(file.toString(), line, column, "a value in column " + column);
            }
            return v.strip();
        }

        double number(String column) {
            String v = text(column);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw InputException.at(file.toString(), line, column, "a number, got '" + v + "'");
            }
        }

        boolean isNull(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() || v.strip().equalsIgnoreCase("NULL");
        }
    }

    /**
     * Reads the grid of a SimBench CSV folder.
     *
     * @throws InputException naming file, line and column for a missing file, column or value, an unknown type or
     *                        node, or a transformer off its neutral tap
     */
    public static LvNetwork read(Path folder) {
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        Map<String, Row> nodes = byId(rows(folder.resolve("Node.csv")), "id");
        Map<String, Row> coords = Files.exists(folder.resolve("Coordinates.csv"))
                ? byId(rows(folder.resolve("Coordinates.csv")), "id") : Map.of();
        List<Row> externals = rows(folder.resolve("ExternalNet.csv"));
        if (externals.size() != 1) {
            throw InputException.in(folder.resolve("ExternalNet.csv").toString(), "id",
                    "exactly one external grid (the slack), got " + externals.size());
        }
        Row ext = externals.get(0);
        Row slack = node(nodes, ext, "node");
        double slackKv = slack.number("vmR");
        VoltageSource source = new VoltageSource(name, slack.text("id"), slackKv,
                slack.isNull("vmSetp") ? 1 : slack.number("vmSetp"), slack.isNull("vaSetp") ? 0 : slack.number("vaSetp"),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.of(0), OptionalDouble.of(0), OptionalDouble.of(0), OptionalDouble.of(0));

        Map<String, Row> trTypes = byId(rows(folder.resolve("TransformerType.csv")), "id");
        List<Transformer> transformers = new ArrayList<>();
        for (Row t : rows(folder.resolve("Transformer.csv"))) {
            Row type = trTypes.get(t.text("type"));
            if (type == null) {
                throw InputException.at(t.file().toString(), t.line(), "type", "a type of TransformerType.csv, got "
                        + t.text("type"));
            }
            Row hv = node(nodes, t, "nodeHV");
            Row lv = node(nodes, t, "nodeLV");
            if (!t.isNull("tappos") && !type.isNull("tapNeutr") && t.number("tappos") != type.number("tapNeutr")) {
                throw InputException.at(t.file().toString(), t.line(), "tappos", "the neutral tap "
                        + type.number("tapNeutr") + " (off-nominal taps are not supported), got " + t.text("tappos"));
            }
            double kva = type.number("sR") * 1000;
            double rPercent = type.number("pCu") / kva * 100;
            double z = type.number("vmImp");
            double xPercent = Math.sqrt(Math.max(0, z * z - rPercent * rPercent));
            LOG.info("{}: transformer {} no-load losses (pFe {} kW, iNoLoad {} %) are not modelled", name,
                    t.text("id"), type.isNull("pFe") ? 0 : type.number("pFe"),
                    type.isNull("iNoLoad") ? 0 : type.number("iNoLoad"));
            transformers.add(new Transformer(t.text("id"), 3, List.of(
                    new Transformer.Winding(hv.text("id"), Transformer.Connection.DELTA, type.number("vmHV"), kva,
                            rPercent / 2),
                    new Transformer.Winding(lv.text("id"), Transformer.Connection.WYE, type.number("vmLV"), kva,
                            rPercent / 2)), xPercent, true));
        }

        Map<String, LineCode> codes = new LinkedHashMap<>();
        Map<String, Row> lineTypes = byId(rows(folder.resolve("LineType.csv")), "id");
        List<Line> lines = new ArrayList<>();
        for (Row l : rows(folder.resolve("Line.csv"))) {
            String typeName = l.text("type");
            Row type = lineTypes.get(typeName);
            if (type == null) {
                throw InputException.at(l.file().toString(), l.line(), "type", "a type of LineType.csv, got "
                        + typeName);
            }
            codes.computeIfAbsent(typeName, k -> {
                double c = type.isNull("b") ? 0 : type.number("b") / (2 * Math.PI * FREQUENCY_IN_HERTZ) * 1000;
                return new LineCode(typeName, 3, type.number("r"), type.number("x"), type.number("r"),
                        type.number("x"), c, c, List.of(), List.of(), List.of(),
                        type.isNull("iMax") ? OptionalDouble.empty() : OptionalDouble.of(type.number("iMax")),
                        OptionalDouble.empty());
            });
            double km = l.number("length");
            if (km < 0) {
                throw InputException.at(l.file().toString(), l.line(), "length", "a length >= 0 km, got " + km);
            }
            lines.add(new Line(l.text("id"), node(nodes, l, "nodeA").text("id"), node(nodes, l, "nodeB").text("id"),
                    3, typeName, km * 1000, 0));
        }

        List<Load> loads = new ArrayList<>();
        for (Row r : rows(folder.resolve("Load.csv"))) {
            loads.add(balancedLoad(r.text("id"), node(nodes, r, "node"), r.number("pLoad"), r.number("qLoad")));
        }
        if (Files.exists(folder.resolve("RES.csv"))) {
            for (Row r : rows(folder.resolve("RES.csv"))) {
                loads.add(balancedLoad(r.text("id"), node(nodes, r, "node"), -r.number("pRES"), -r.number("qRES")));
            }
        }
        Map<String, BusCoordinate> coordinates = new LinkedHashMap<>();
        for (Row n : nodes.values()) {
            Row c = n.isNull("coordID") ? null : coords.get(n.text("coordID"));
            if (c != null) {
                coordinates.put(n.text("id"), new BusCoordinate(n.text("id"), c.number("x"), c.number("y")));
            }
        }
        LOG.info("read SimBench grid {}: {} nodes, {} lines, {} loads and generators", name, nodes.size(),
                lines.size(), loads.size());
        return new LvNetwork(name, FREQUENCY_IN_HERTZ, source, codes, lines, loads, transformers, coordinates,
                Map.<String, LoadShapeRef>of());
    }

    private static Load balancedLoad(String id, Row node, double pInMw, double qInMvar) {
        double p = pInMw * 1000;
        double q = qInMvar * 1000;
        double s = Math.hypot(p, q);
        double pf = s == 0 ? 1 : Math.abs(p) / s * (p * q < 0 ? -1 : 1);
        return new Load(id, node.text("id"), 1, 3, node.number("vmR"), p, pf, q, 1, null, null, 0);
    }

    private static Row node(Map<String, Row> nodes, Row row, String column) {
        Row n = nodes.get(row.text(column));
        if (n == null) {
            throw InputException.at(row.file().toString(), row.line(), column, "a node of Node.csv, got "
                    + row.text(column));
        }
        return n;
    }

    private static Map<String, Row> byId(List<Row> rows, String column) {
        Map<String, Row> m = new LinkedHashMap<>();
        for (Row r : rows) {
            if (m.put(r.text(column), r) != null) {
                throw InputException.at(r.file().toString(), r.line(), column, "a unique id, but " + r.text(column)
                        + " is repeated");
            }
        }
        return m;
    }

    private static List<Row> rows(Path file) {
        if (!Files.exists(file)) {
            throw InputException.in(file.toString(), "file", "an existing SimBench CSV file");
        }
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputException.at(file.toString(), 0, "file", "a readable file: " + e.getMessage(), e);
        }
        if (text.isEmpty()) {
            throw InputException.in(file.toString(), "header", "a header line");
        }
        String[] header = text.get(0).replace("\uFEFF", "").split(";", -1);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < text.size(); i++) {
            if (text.get(i).isBlank()) {
                continue;
            }
            String[] cells = text.get(i).split(";", -1);
            if (cells.length != header.length) {
                throw InputException.at(file.toString(), i + 1, "columns", header.length + " ;-separated columns, got "
                        + cells.length);
            }
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                values.put(header[c].strip(), cells[c]);
            }
            rows.add(new Row(file, i + 1, values));
        }
        return rows;
    }
}
