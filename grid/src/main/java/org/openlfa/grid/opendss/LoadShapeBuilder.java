package org.openlfa.grid.opendss;

import static org.openlfa.grid.opendss.DssValues.bool;
import static org.openlfa.grid.opendss.DssValues.integer;
import static org.openlfa.grid.opendss.DssValues.nonNegative;
import static org.openlfa.grid.opendss.DssValues.numbers;
import static org.openlfa.grid.opendss.DssValues.unquote;

import java.util.List;
import org.openlfa.core.InputException;
import org.openlfa.grid.DssSource;
import org.openlfa.grid.LoadShapeRef;
import org.openlfa.grid.Names;

/**
 * Builds a {@link LoadShapeRef}: the interval in hours and where the multipliers are (a file resolved relative to
 * the defining file, or inline values). The file itself is not read here.
 */
final class LoadShapeBuilder implements ElementBuilder<LoadShapeRef> {

    @Override
    public LoadShapeRef build(ElementDefinition def, BuildContext context) {
        int points = 0;
        double intervalInHours = 1;
        String fileRef = null;
        DssSource file = null;
        List<Double> inline = List.of();
        boolean useActual = false;
        for (DssProperty p : def.props) {
            switch (p.name()) {
                case "npts" -> points = integer(p);
                case "interval" -> intervalInHours = nonNegative(p);
                case "minterval" -> intervalInHours = nonNegative(p) / 60;
                case "sinterval" -> intervalInHours = nonNegative(p) / 3600;
                case "mult" -> {
                    String v = p.value().strip();
                    String lower = Names.key(v);
                    if (lower.startsWith("file=") || lower.startsWith("file =")) {
                        fileRef = unquote(v.substring(v.indexOf('=') + 1).strip());
                        file = p.loc().source().resolve(fileRef);
                        inline = List.of();
                    } else if (lower.contains("=")) {
                        throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                                "mult=(file=...) or a list of numbers, got '" + v + "'");
                    } else {
                        inline = numbers(p);
                        fileRef = null;
                        file = null;
                    }
                }
                case "csvfile" -> {
                    fileRef = unquote(p.value().strip());
                    file = p.loc().source().resolve(fileRef);
                    inline = List.of();
                }
                case "useactual" -> useActual = bool(p);
                default -> throw new IllegalStateException("unhandled LoadShape property " + p.name());
            }
        }
        return new LoadShapeRef(def.name, points, intervalInHours, fileRef, file, inline, useActual);
    }
}
