package org.openlfa.report.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.openlfa.grid.BusCoordinate;
import org.openlfa.grid.Line;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.Transformer;

/**
 * A map of a feeder: its cables drawn as segments coloured by a value per line (loading, voltage), and its customers
 * as dots coloured by a value per bus. Written as SVG (for the HTML report) and PNG (for people without a browser).
 *
 * <p>Where the network carries bus coordinates (the IEEE European LV feeder), they are used. ENWL networks ship
 * without them (their XY file was not copied into the data set), so those are drawn as a tree: distance from the
 * substation along the cables to the right, one row per customer branch downwards, feeders one under the other.
 *
 * <pre>{@code
 * FeederMap map = FeederMap.of(network);
 * map.writeSvg(out.resolve("feeder_map.svg"), lineLoadingPct, busVoltagePu, scale, "worst PTU: 2030Green-High");
 * }</pre>
 */
public final class FeederMap {

    private static final int WIDTH = 1200;
    private static final int MARGIN = 40;
    private static final int LEGEND = 60;

    /**
     * One cable in drawing coordinates: straight between its buses on a map, an elbow (down, then right) in a tree,
     * so branches read as rows.
     */
    private record Segment(String line, double x1, double y1, double xm, double ym, double x2, double y2) {
    }

    private final List<Segment> segments;
    private final Map<String, double[]> busPositions;
    private final double height;
    private final boolean fromCoordinates;

    private FeederMap(List<Segment> segments, Map<String, double[]> busPositions, double height,
                      boolean fromCoordinates) {
        this.segments = segments;
        this.busPositions = busPositions;
        this.height = height;
        this.fromCoordinates = fromCoordinates;
    }

    /** Lays the network out, from its coordinates when every line end has one, else as a tree. */
    public static FeederMap of(LvNetwork network) {
        boolean complete = !network.coordinates().isEmpty() && network.lines().stream()
                .allMatch(l -> coordinate(network, l.bus1()) != null && coordinate(network, l.bus2()) != null);
        Map<String, double[]> raw = complete ? fromCoordinates(network) : treeLayout(network);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : raw.values()) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double scale = (WIDTH - 2.0 * MARGIN) / Math.max(1e-9, maxX - minX);
        double yScale = complete ? scale : Math.min(scale * 4, 1400.0 / Math.max(1e-9, maxY - minY));
        Map<String, double[]> positions = new HashMap<>();
        for (Map.Entry<String, double[]> e : raw.entrySet()) {
            double x = MARGIN + (e.getValue()[0] - minX) * scale;
            // coordinates grow upwards on a map, downwards on a screen
            double y = MARGIN + (complete ? (maxY - e.getValue()[1]) : (e.getValue()[1] - minY)) * yScale;
            positions.put(key(e.getKey()), new double[] {x, y});
        }
        List<Segment> segments = new ArrayList<>();
        for (Line line : network.lines()) {
            double[] a = positions.get(key(line.bus1()));
            double[] b = positions.get(key(line.bus2()));
            if (a != null && b != null) {
                if (!complete && a[0] > b[0]) {
                    double[] swap = a;
                    a = b;
                    b = swap;
                }
                segments.add(complete ? new Segment(line.name(), a[0], a[1], a[0], a[1], b[0], b[1])
                        : new Segment(line.name(), a[0], a[1], a[0], b[1], b[0], b[1]));
            }
        }
        double height = MARGIN * 2 + (maxY - minY) * yScale + LEGEND;
        return new FeederMap(segments, positions, height, complete);
    }

    /** True if the map follows the data's bus coordinates, false if it is a drawn tree. */
    public boolean fromCoordinates() {
        return fromCoordinates;
    }

    private static BusCoordinate coordinate(LvNetwork network, String bus) {
        BusCoordinate c = network.coordinates().get(bus);
        return c != null ? c : network.coordinates().get(key(bus));
    }

    private static Map<String, double[]> fromCoordinates(LvNetwork network) {
        Map<String, double[]> out = new HashMap<>();
        for (Line line : network.lines()) {
            for (String bus : List.of(line.bus1(), line.bus2())) {
                BusCoordinate c = coordinate(network, bus);
                out.put(bus, new double[] {c.x(), c.y()});
            }
        }
        return out;
    }

    /** x = cable distance from the substation, y = leaf order (a tidy tree), feeders stacked in order. */
    private static Map<String, double[]> treeLayout(LvNetwork network) {
        Map<String, List<Line>> adjacency = new HashMap<>();
        for (Line line : network.lines()) {
            adjacency.computeIfAbsent(key(line.bus1()), k -> new ArrayList<>()).add(line);
            adjacency.computeIfAbsent(key(line.bus2()), k -> new ArrayList<>()).add(line);
        }
        String root = network.transformers().stream().map(Transformer::secondary).map(w -> key(w.bus()))
                .filter(adjacency::containsKey).findFirst()
                .orElseGet(() -> key(network.lines().get(0).bus1()));
        Map<String, double[]> out = new HashMap<>();
        Map<String, List<String>> children = new TreeMap<>();
        Map<String, Double> distance = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        distance.put(root, 0.0);
        queue.add(root);
        List<String> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            String bus = queue.poll();
            order.add(bus);
            for (Line line : adjacency.getOrDefault(bus, List.of())) {
                String other = key(line.bus1()).equals(bus) ? key(line.bus2()) : key(line.bus1());
                if (!distance.containsKey(other)) {
                    distance.put(other, distance.get(bus) + line.lengthInMeters());
                    children.computeIfAbsent(bus, k -> new ArrayList<>()).add(other);
                    queue.add(other);
                }
            }
        }
        double[] nextRow = {0};
        assignRows(root, children, out, distance, nextRow);
        return out;
    }

    /** Depth-first: a leaf takes the next row, a parent sits at its first child's row (iterative, trees are deep). */
    private static void assignRows(String root, Map<String, List<String>> children, Map<String, double[]> out,
                                   Map<String, Double> distance, double[] nextRow) {
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            String bus = (String) frame[0];
            int next = (Integer) frame[1];
            List<String> kids = children.getOrDefault(bus, List.of());
            if (next < kids.size()) {
                frame[1] = next + 1;
                stack.push(new Object[] {kids.get(next), 0});
            } else {
                stack.pop();
                double row = kids.isEmpty() ? nextRow[0]++ : out.get(kids.get(0))[1];
                out.put(bus, new double[] {distance.get(bus), row});
            }
        }
    }

    private static String key(String bus) {
        return bus.toLowerCase(Locale.ROOT);
    }

    /**
     * Writes the map as SVG.
     *
     * @param lineValues values per line name (NaN or absent: grey)
     * @param busValues  values per bus with customers (drawn as dots)
     * @param scale      the colour scale of both
     * @param title      the caption
     */
    public String svg(Map<String, Double> lineValues, Map<String, Double> busValues, ColourScale scale,
                      String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" "
                + "viewBox=\"0 0 %d %.0f\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%.0f\" fill=\"white\"/>%n", WIDTH, height));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", MARGIN,
                escape(title)));
        sb.append("<g stroke-width=\"2\" stroke-linecap=\"round\">\n");
        for (Segment s : segments) {
            double v = lineValues.getOrDefault(s.line(), Double.NaN);
            sb.append(String.format(Locale.ROOT,
                    "<polyline points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"%s\">"
                            + "<title>%s %s</title></polyline>%n",
                    s.x1(), s.y1(), s.xm(), s.ym(), s.x2(), s.y2(), scale.hexOf(v), escape(s.line()), format(v)));
        }
        sb.append("</g>\n<g>\n");
        for (Map.Entry<String, Double> e : new TreeMap<>(busValues).entrySet()) {
            double[] p = busPositions.get(key(e.getKey()));
            if (p != null) {
                sb.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" stroke=\"black\" stroke-width=\"0.5\">"
                                + "<title>%s %s</title></circle>%n", p[0], p[1], scale.hexOf(e.getValue()),
                        escape(e.getKey()), format(e.getValue())));
            }
        }
        sb.append("</g>\n");
        double y = height - LEGEND + 20;
        for (int i = 0; i <= 10; i++) {
            double v = scale.minValue() + i * (scale.maxValue() - scale.minValue()) / 10;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.0f\" width=\"40\" height=\"12\" fill=\"%s\"/>%n",
                    MARGIN + i * 40, y, scale.hexOf(v)));
            if (i % 2 == 0) {
                sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.0f\">%s</text>%n", MARGIN + i * 40,
                        y + 26, format(v)));
            }
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.0f\">%s</text>%n", MARGIN + 460, y + 10,
                escape(scale.label())));
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Writes the SVG to a file. */
    public void writeSvg(Path file, Map<String, Double> lineValues, Map<String, Double> busValues, ColourScale scale,
                         String title) {
        try {
            Files.writeString(file, svg(lineValues, busValues, scale, title));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Draws the same map into a PNG with Java2D (headless). */
    public void writePng(Path file, Map<String, Double> lineValues, Map<String, Double> busValues, ColourScale scale,
                         String title) {
        BufferedImage image = new BufferedImage(WIDTH, (int) Math.ceil(height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString(title, MARGIN, 20);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Segment s : segments) {
                g.setColor(scale.colourOf(lineValues.getOrDefault(s.line(), Double.NaN)));
                g.draw(new Line2D.Double(s.x1(), s.y1(), s.xm(), s.ym()));
                g.draw(new Line2D.Double(s.xm(), s.ym(), s.x2(), s.y2()));
            }
            for (Map.Entry<String, Double> e : busValues.entrySet()) {
                double[] p = busPositions.get(key(e.getKey()));
                if (p != null) {
                    g.setColor(scale.colourOf(e.getValue()));
                    g.fill(new Ellipse2D.Double(p[0] - 3.5, p[1] - 3.5, 7, 7));
                }
            }
            double y = height - LEGEND + 20;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int i = 0; i <= 10; i++) {
                double v = scale.minValue() + i * (scale.maxValue() - scale.minValue()) / 10;
                g.setColor(scale.colourOf(v));
                g.fillRect(MARGIN + i * 40, (int) y, 40, 12);
                if (i % 2 == 0) {
                    g.setColor(Color.BLACK);
                    g.drawString(format(v), MARGIN + i * 40, (int) y + 26);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(scale.label(), MARGIN + 460, (int) y + 10);
        } finally {
            g.dispose();
        }
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
