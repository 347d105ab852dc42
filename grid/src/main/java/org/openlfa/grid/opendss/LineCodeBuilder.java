package org.openlfa.grid.opendss;

import static org.openlfa.grid.opendss.DssValues.nonNegative;
import static org.openlfa.grid.opendss.DssValues.numbers;
import static org.openlfa.grid.opendss.DssValues.phaseCount;
import static org.openlfa.grid.opendss.DssValues.units;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.openlfa.core.InputException;
import org.openlfa.grid.LineCode;
import org.openlfa.grid.Names;

/**
 * Builds a {@link LineCode} per km from sequence values or matrices in the code's own length unit, and records
 * that unit in the {@link BuildContext} for the lines that use the code without their own {@code units}.
 */
final class LineCodeBuilder implements ElementBuilder<LineCode> {

    @Override
    public LineCode build(ElementDefinition def, BuildContext context) {
        int phases = 3;
        Map<String, Double> seq = new HashMap<>(Map.of("r1", 0.058, "x1", 0.1206, "r0", 0.1784, "x0", 0.4047,
                "c1", 3.4, "c0", 1.6));
        Map<String, List<Double>> matrices = new HashMap<>();
        Double metersPerUnit = null;
        OptionalDouble normAmps = OptionalDouble.empty();
        OptionalDouble emergAmps = OptionalDouble.empty();
        for (DssProperty p : def.props) {
            switch (p.name()) {
                case "nphases" -> phases = phaseCount(p);
                case "r1", "x1", "r0", "x0", "c1", "c0" -> {
                    seq.put(p.name(), nonNegative(p));
                    // OpenDSS uses the form given last: sequence values given after matrices replace them.
                    matrices.clear();
                }
                case "rmatrix", "xmatrix", "cmatrix" -> matrices.put(p.name(), numbers(p));
                case "units" -> metersPerUnit = units(p);
                case "normamps" -> normAmps = OptionalDouble.of(nonNegative(p));
                case "emergamps" -> emergAmps = OptionalDouble.of(nonNegative(p));
                default -> throw new IllegalStateException("unhandled LineCode property " + p.name());
            }
        }
        if (metersPerUnit == null) {
            // Without units OpenDSS takes the values per unit of each line's length, which a per-km model cannot
            // represent; ask for the unit rather than guess.
            throw InputException.at(def.defined.name(), def.defined.line(), "units",
                    "units on LineCode." + def.name + " (km, m, ft, mi, kft, ...)");
        }
        context.lineCodeMetersPerUnit.put(Names.key(def.name), metersPerUnit);
        double perKm = 1000.0 / metersPerUnit;
        int n = phases;
        int triangle = n * (n + 1) / 2;
        for (Map.Entry<String, List<Double>> m : matrices.entrySet()) {
            if (m.getValue().size() != triangle && m.getValue().size() != n * n) {
                DssProperty p = def.prop(m.getKey());
                throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "a lower-triangular " + n + "x" + n
                        + " matrix (" + triangle + " values), got " + m.getValue().size() + " values");
            }
        }
        return new LineCode(def.name, phases, seq.get("r1") * perKm, seq.get("x1") * perKm, seq.get("r0") * perKm,
                seq.get("x0") * perKm, seq.get("c1") * perKm, seq.get("c0") * perKm,
                scaled(matrices.get("rmatrix"), perKm), scaled(matrices.get("xmatrix"), perKm),
                scaled(matrices.get("cmatrix"), perKm), normAmps, emergAmps);
    }

    private static List<Double> scaled(List<Double> values, double factor) {
        return values == null ? List.of() : values.stream().map(v -> v * factor).toList();
    }
}
