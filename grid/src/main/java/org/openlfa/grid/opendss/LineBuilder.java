package org.openlfa.grid.opendss;

import static org.openlfa.grid.opendss.DssValues.bool;
import static org.openlfa.grid.opendss.DssValues.busName;
import static org.openlfa.grid.opendss.DssValues.number;
import static org.openlfa.grid.opendss.DssValues.phaseCount;
import static org.openlfa.grid.opendss.DssValues.units;

import org.openlfa.core.InputException;
import org.openlfa.grid.Line;
import org.openlfa.grid.LineCode;
import org.openlfa.grid.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link Line} on a line code built before it; the length in meters. Inline impedances are refused. */
final class LineBuilder implements ElementBuilder<Line> {

    private static final Logger LOG = LoggerFactory.getLogger(LineBuilder.class);

    @Override
    public Line build(ElementDefinition def, BuildContext context) {
        String bus1 = null;
        String bus2 = null;
        Integer phases = null;
        String lineCode = null;
        DssProperty lineCodeProp = null;
        double length = 1;
        Double metersPerUnit = null;
        boolean enabled = true;
        for (DssProperty p : def.props) {
            switch (p.name()) {
                case "bus1" -> bus1 = busName(p);
                case "bus2" -> bus2 = busName(p);
                case "phases" -> phases = phaseCount(p);
                case "linecode" -> {
                    lineCode = p.value();
                    lineCodeProp = p;
                }
                case "length" -> {
                    length = number(p);
                    if (length < 0) {
                        throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                                "a length >= 0, got " + p.value());
                    }
                }
                case "units" -> metersPerUnit = units(p);
                case "enabled" -> enabled = bool(p);
                default -> throw new IllegalStateException("unhandled Line property " + p.name());
            }
        }
        if (!enabled) {
            LOG.info("{}: Line.{} is disabled, left out", def.defined, def.name);
            return null;
        }
        def.requirePresent("bus1", bus1);
        def.requirePresent("bus2", bus2);
        if (lineCodeProp == null) {
            throw InputException.at(def.defined.name(), def.defined.line(), "linecode",
                    "a linecode on Line." + def.name + " (inline impedances are not supported)");
        }
        LineCode code = context.lineCodes.get(lineCode);
        if (code == null) {
            String wanted = lineCode;
            code = context.lineCodes.values().stream().filter(c -> Names.same(c.name(), wanted)).findFirst()
                    .orElse(null);
        }
        if (code == null) {
            throw InputException.at(lineCodeProp.loc().name(), lineCodeProp.loc().line(), lineCodeProp.field(),
                    "a defined LineCode, but '" + lineCode + "' is not defined");
        }
        if (metersPerUnit == null) {
            // OpenDSS: a line without units has its length in the unit of its line code.
            metersPerUnit = context.lineCodeMetersPerUnit.get(Names.key(code.name()));
        }
        return new Line(def.name, bus1, bus2, phases != null ? phases : code.phases(), code.name(),
                length * metersPerUnit, 0);
    }
}
