package org.openlfa.grid.opendss;

import static org.openlfa.grid.opendss.DssValues.busName;
import static org.openlfa.grid.opendss.DssValues.nonNegative;
import static org.openlfa.grid.opendss.DssValues.number;
import static org.openlfa.grid.opendss.DssValues.positive;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.openlfa.grid.VoltageSource;

/** Builds the circuit's {@code Vsource.Source} (named after the circuit), with the OpenDSS defaults. */
final class VoltageSourceBuilder implements ElementBuilder<VoltageSource> {

    @Override
    public VoltageSource build(ElementDefinition def, BuildContext context) {
        String bus = "SourceBus";
        double baseKv = 115;
        double pu = 1;
        double angle = 0;
        Map<String, Double> optional = new HashMap<>();
        for (DssProperty p : def.props) {
            switch (p.name()) {
                case "bus1" -> bus = busName(p);
                case "basekv" -> baseKv = positive(p);
                case "pu" -> pu = positive(p);
                case "angle" -> angle = number(p);
                default -> optional.put(p.name(), nonNegative(p));
            }
        }
        return new VoltageSource(context.circuitName, bus, baseKv, pu, angle, opt(optional, "isc3"),
                opt(optional, "isc1"), opt(optional, "mvasc3"), opt(optional, "mvasc1"), opt(optional, "r1"),
                opt(optional, "x1"), opt(optional, "r0"), opt(optional, "x0"));
    }

    private static OptionalDouble opt(Map<String, Double> values, String key) {
        Double v = values.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
