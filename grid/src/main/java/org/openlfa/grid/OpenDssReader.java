package org.openlfa.grid;

import java.nio.file.Path;
import java.util.Map;
import org.openlfa.core.InputException;
import org.openlfa.grid.opendss.DssInterpreter;

/**
 * Reads the subset of the OpenDSS text language that describes an LV network: the ENWL LVNS feeders and the IEEE
 * European LV Test Feeder.
 *
 * <p>Supported: {@code New}/{@code Edit} of {@code Circuit}, {@code Vsource}, {@code LineCode}, {@code Line},
 * {@code Load}, {@code Transformer} and {@code LoadShape}; {@code ~}/{@code More} continuation lines;
 * {@code Redirect} and {@code Compile} (relative to the current file); {@code Buscoords}; {@code Set
 * DefaultBaseFrequency}; {@code BatchEdit}; {@code Clear}; comments with {@code !}, {@code //} and
 * {@code /* ... *}{@code /}. Names of commands, classes, properties and buses ignore case, as in OpenDSS.
 * Elements of other classes (monitors, energy meters, ...) and solution commands are skipped with a debug log.
 *
 * <p>A property this reader does not know, or knows but cannot represent (e.g. inline line impedances, a
 * three-winding transformer), is an {@link InputException} rather than silently dropped, because a dropped
 * property would change the network without anyone noticing. Properties that do not affect the network model
 * (fault rates, thermal data, ...) are accepted and ignored.
 *
 * <p>This class is the entry point; the work is done in {@link org.openlfa.grid.opendss}: the command interpreter
 * ({@link DssInterpreter}), the class table, one builder per element class and the value parsing.
 *
 * <pre>{@code
 * LvNetwork ieee = OpenDssReader.read(Path.of("ieee-european-lv-test-feeder/opendss/Master.dss"));
 * double meters = ieee.lines().get(5).lengthInMeters();
 * }</pre>
 */
public final class OpenDssReader {

    private OpenDssReader() {
    }

    /**
     * Reads a network from a master file on disk and the files it redirects to.
     *
     * <pre>{@code
     * LvNetwork feeder = OpenDssReader.read(Path.of("network_22/Feeder_1/Master.dss"));
     * }</pre>
     *
     * @throws InputException naming file, line and field for anything malformed, unknown or inconsistent
     */
    public static LvNetwork read(Path masterFile) {
        return read(DssSource.of(masterFile));
    }

    /**
     * Reads a network from a master file on disk or on the class path.
     *
     * <pre>{@code
     * LvNetwork feeder = OpenDssReader.read(
     *         DssSource.classpath("org/openlfa/grid/enwl/network_22/Feeder_1/Master.dss"));
     * }</pre>
     *
     * @throws InputException naming file, line and field for anything malformed, unknown or inconsistent
     */
    public static LvNetwork read(DssSource masterFile) {
        return DssInterpreter.read(masterFile);
    }

    /**
     * Reads a {@code Buscoords} file: one bus a line, {@code bus,x,y} or {@code bus x y}.
     *
     * <pre>{@code
     * Map<String, BusCoordinate> xy = OpenDssReader.readBusCoordinates(DssSource.of(Path.of("XY_Position.csv")));
     * }</pre>
     *
     * @throws InputException for a missing file or a malformed line
     */
    public static Map<String, BusCoordinate> readBusCoordinates(DssSource file) {
        return DssInterpreter.readBusCoordinates(file);
    }
}
