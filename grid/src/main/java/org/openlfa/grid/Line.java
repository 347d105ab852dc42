package org.openlfa.grid;

import java.util.Objects;

/**
 * A line section (OpenDSS {@code Line}) between two buses, typed by a {@link LineCode}.
 *
 * @param name           the line name as written (prefixed with the feeder, e.g. {@code F1_LINE1}, when combined by
 *                       {@link EnwlNetwork})
 * @param bus1           the sending bus, without any {@code .node} suffix
 * @param bus2           the receiving bus, without any {@code .node} suffix
 * @param phases         number of phases
 * @param lineCode       the name of the line code, as written
 * @param lengthInMeters the length, converted from the file's {@code units}
 * @param feeder         the feeder number (1, 2, ...) when the line comes from a multi-feeder network, else 0
 */
public record Line(String name, String bus1, String bus2, int phases, String lineCode, double lengthInMeters,
        int feeder) {
    public Line {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bus1, "bus1");
        Objects.requireNonNull(bus2, "bus2");
        Objects.requireNonNull(lineCode, "lineCode");
        if (!(lengthInMeters >= 0)) {
            throw new IllegalArgumentException("length of line " + name + " must be >= 0, got " + lengthInMeters);
        }
    }

    /** Whether this line touches the bus (case-insensitive, as in OpenDSS). */
    public boolean touches(String bus) {
        return Names.same(bus1, bus) || Names.same(bus2, bus);
    }
}
