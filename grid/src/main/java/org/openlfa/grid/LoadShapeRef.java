package org.openlfa.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openlfa.core.InputException;

/**
 * An OpenDSS {@code LoadShape}: how many points, at what interval, and where the multipliers are. The values are
 * not read with the network (the IEEE feeder's 55 shapes are 80 000 numbers, and the ENWL shapes point at files
 * on the authors' C:\ drive that were never published); call {@link #readMultipliers()} when they are needed.
 *
 * <pre>{@code
 * LoadShapeRef shape = network.loadShapes().get("Shape_1");
 * if (shape.hasReadableMultipliers()) {
 *     double[] perUnit = shape.readMultipliers();
 * }
 * }</pre>
 *
 * @param name              the shape name as written
 * @param points            number of points ({@code npts})
 * @param intervalInHours   the time step ({@code interval}, or {@code minterval}/{@code sinterval} converted)
 * @param multiplierFileRef the file reference as written in {@code mult=(file=...)}, or {@code null}
 * @param multiplierFile    that reference resolved relative to the file that defined the shape, or {@code null}
 * @param inlineMultipliers the multipliers when given inline ({@code mult=[...]}), else empty
 * @param useActual         whether the values are actual kW rather than multipliers of the load's kW
 */
public record LoadShapeRef(String name, int points, double intervalInHours, String multiplierFileRef,
        DssSource multiplierFile, List<Double> inlineMultipliers, boolean useActual) {

    public LoadShapeRef {
        Objects.requireNonNull(name, "name");
        inlineMultipliers = List.copyOf(inlineMultipliers);
    }

    /** Whether {@link #readMultipliers()} can succeed: inline values, or a file that exists. */
    public boolean hasReadableMultipliers() {
        return !inlineMultipliers.isEmpty() || (multiplierFile != null && multiplierFile.exists());
    }

    /**
     * The multipliers, read now from the file (one value per line; with several columns, the first) or taken
     * from the inline list; at most {@link #points()} values when that is positive.
     *
     * @throws InputException if there is no file, it cannot be read, or a value is not a number
     */
    public double[] readMultipliers() {
        if (!inlineMultipliers.isEmpty()) {
            return inlineMultipliers.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (multiplierFile == null) {
            throw InputException.in(name, "mult", "a load shape with mult=(file=...) or inline values");
        }
        if (!multiplierFile.exists()) {
            throw InputException.in(multiplierFile.displayName(), "mult",
                    "the multiplier file of load shape " + name + " to exist (referenced as " + multiplierFileRef + ")");
        }
        List<Double> values = new ArrayList<>();
        try (BufferedReader in = multiplierFile.open()) {
            String text;
            int lineNo = 0;
            while ((text = in.readLine()) != null && (points <= 0 || values.size() < points)) {
                lineNo++;
                String trimmed = text.strip().replace("\uFEFF", "");
                if (trimmed.isEmpty()) {
                    continue;
                }
                String first = trimmed.split("[,\\s]+")[0];
                try {
                    values.add(Double.parseDouble(first));
                } catch (NumberFormatException e) {
                    throw InputException.at(multiplierFile.displayName(), lineNo, "mult",
                            "a number, got '" + first + "'", e);
                }
            }
        } catch (IOException e) {
            throw InputException.at(multiplierFile.displayName(), 0, "mult", "a readable file: " + e.getMessage(), e);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
