package org.openlfa.grid;

import java.util.Objects;

/**
 * The drawing position of a bus, as given by an OpenDSS {@code Buscoords} file. The unit is whatever the file uses
 * (the IEEE European LV Test Feeder uses metres on the British National Grid).
 *
 * @param bus the bus name as written in the coordinates file
 * @param x   the easting or x position
 * @param y   the northing or y position
 */
public record BusCoordinate(String bus, double x, double y) {
    public BusCoordinate {
        Objects.requireNonNull(bus, "bus");
    }
}
