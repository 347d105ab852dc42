package org.openlfa.grid.opendss;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openlfa.grid.LineCode;
import org.openlfa.grid.Names;

/**
 * What the builders of one network share: the circuit name (the source takes it), and the line codes built so far
 * with the length unit each was given in (a line without {@code units} has its length in its code's unit).
 */
final class BuildContext {

    final String circuitName;
    /** Line codes by name as written, in file order. */
    final Map<String, LineCode> lineCodes = new LinkedHashMap<>();
    /** Meters per length unit of each line code, by {@link Names#key(String)}. */
    final Map<String, Double> lineCodeMetersPerUnit = new HashMap<>();

    BuildContext(String circuitName) {
        this.circuitName = circuitName;
    }
}
