package org.openlfa.grid;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A transformer (OpenDSS {@code Transformer}) with its windings; for an LV network, the MV/LV substation
 * transformer, winding 1 on the MV side.
 *
 * @param name                the transformer name as written
 * @param phases              number of phases
 * @param windings            the windings in order (at least two)
 * @param xhlInPercent        leakage reactance between windings 1 and 2, in percent on the winding-1 rating
 * @param isSubstation        whether the file marks it as a substation ({@code sub=y})
 */
public record Transformer(String name, int phases, List<Winding> windings, double xhlInPercent,
        boolean isSubstation) {

    public Transformer {
        Objects.requireNonNull(name, "name");
        windings = List.copyOf(windings);
        if (windings.size() < 2) {
            throw new IllegalArgumentException("transformer " + name + " needs at least two windings");
        }
    }

    /** The rating of winding 1, taken as the transformer's rating. */
    public double ratingInKva() {
        return windings.get(0).ratingInKva();
    }

    /** The high-voltage (first) winding. */
    public Winding primary() {
        return windings.get(0);
    }

    /** The low-voltage (second) winding. */
    public Winding secondary() {
        return windings.get(1);
    }

    /** Whether one of the windings is connected to the bus (case-insensitive). */
    public boolean touches(String bus) {
        return windings.stream().anyMatch(w -> Names.same(w.bus(), bus));
    }

    /**
     * One winding.
     *
     * @param bus                 the bus, without any {@code .node} suffix
     * @param connection          wye or delta
     * @param voltageInKv         rated line-to-line voltage
     * @param ratingInKva         rated power
     * @param resistanceInPercent winding resistance in percent on the winding's rating ({@code %R})
     */
    public record Winding(String bus, Connection connection, double voltageInKv, double ratingInKva,
            double resistanceInPercent) {
        public Winding {
            Objects.requireNonNull(bus, "bus");
            Objects.requireNonNull(connection, "connection");
        }
    }

    /** How a winding is connected. */
    public enum Connection {
        WYE, DELTA;

        /**
         * Parses the OpenDSS spellings ({@code wye}, {@code y}, {@code ln}, {@code delta}, {@code d}, {@code ll}).
         *
         * <pre>{@code
         * Transformer.Connection c = Transformer.Connection.parse("Delta");   // DELTA
         * }</pre>
         *
         * @throws IllegalArgumentException for any other text
         */
        public static Connection parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "wye", "y", "ln", "star" -> WYE;
                case "delta", "d", "ll" -> DELTA;
                default -> throw new IllegalArgumentException(text);
            };
        }
    }
}
