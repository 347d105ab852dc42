package org.openlfa.grid.opendss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openlfa.core.InputException;
import org.openlfa.grid.Names;

/**
 * Value parsing for the builders: numbers with their range checks, integers, booleans, length units, arrays and
 * bus names with their {@code .node} (phase) suffixes. Every failure is an {@link InputException} naming the file,
 * line and property spelling of the assignment.
 */
final class DssValues {

    private static final Map<String, Double> METERS_PER_UNIT = Map.of(
            "m", 1.0, "km", 1000.0, "ft", 0.3048, "mi", 1609.344, "kft", 304.8, "in", 0.0254, "cm", 0.01, "mm", 0.001);

    private DssValues() {
    }

    static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** A bus name without its {@code .node} suffix. */
    static String busName(DssProperty p) {
        String bus = stripNodes(p.value());
        if (bus.isEmpty()) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "a bus name, got '" + p.value() + "'");
        }
        return bus;
    }

    static String stripNodes(String busWithNodes) {
        int dot = busWithNodes.indexOf('.');
        return dot < 0 ? busWithNodes : busWithNodes.substring(0, dot);
    }

    /** The node numbers after the bus name ({@code 187.1.2} gives 1, 2); empty without a suffix. */
    static List<Integer> nodes(DssProperty p) {
        String v = p.value();
        int dot = v.indexOf('.');
        if (dot < 0) {
            return List.of();
        }
        List<Integer> nodes = new ArrayList<>();
        for (String part : v.substring(dot + 1).split("\\.")) {
            try {
                nodes.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                        "bus.node with integer nodes (e.g. 187.1), got '" + v + "'");
            }
        }
        return nodes;
    }

    static double number(DssProperty p) {
        return number(p.loc(), p.field(), p.value());
    }

    static double number(DssLocation loc, String field, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw InputException.at(loc.name(), loc.line(), field, "a number, got '" + text + "'");
        }
    }

    static double nonNegative(DssProperty p) {
        double v = number(p);
        if (v < 0) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "a number >= 0, got " + p.value());
        }
        return v;
    }

    static double positive(DssProperty p) {
        return positive(p.loc(), p.field(), p.value());
    }

    static double positive(DssLocation loc, String field, String text) {
        double v = number(loc, field, text);
        if (v <= 0) {
            throw InputException.at(loc.name(), loc.line(), field, "a number > 0, got " + text);
        }
        return v;
    }

    static int integer(DssProperty p) {
        double v = number(p);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "an integer, got '" + p.value() + "'");
        }
        return (int) v;
    }

    static int phaseCount(DssProperty p) {
        int n = integer(p);
        if (n < 1 || n > 4) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "a phase count 1..4, got " + p.value());
        }
        return n;
    }

    /** The numbers of an array value such as {@code [0.1 | 0.05 0.1]}. */
    static List<Double> numbers(DssProperty p) {
        List<Double> values = new ArrayList<>();
        for (String item : DssCommandLine.arrayItems(p.value())) {
            values.add(number(p.loc(), p.field(), item));
        }
        return values;
    }

    static boolean bool(DssProperty p) {
        return switch (Names.key(p.value())) {
            case "y", "yes", "t", "true" -> true;
            case "n", "no", "f", "false" -> false;
            default -> throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                    "yes or no, got '" + p.value() + "'");
        };
    }

    /** Meters per length unit ({@code units=km} gives 1000). */
    static double units(DssProperty p) {
        Double m = METERS_PER_UNIT.get(Names.key(p.value()));
        if (m == null) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                    "a length unit (m, km, ft, mi, kft, in, cm, mm), got '" + p.value() + "'");
        }
        return m;
    }
}
