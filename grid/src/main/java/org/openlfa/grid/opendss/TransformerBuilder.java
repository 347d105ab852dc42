package org.openlfa.grid.opendss;

import static org.openlfa.grid.opendss.DssValues.bool;
import static org.openlfa.grid.opendss.DssValues.busName;
import static org.openlfa.grid.opendss.DssValues.integer;
import static org.openlfa.grid.opendss.DssValues.nonNegative;
import static org.openlfa.grid.opendss.DssValues.number;
import static org.openlfa.grid.opendss.DssValues.phaseCount;
import static org.openlfa.grid.opendss.DssValues.positive;
import static org.openlfa.grid.opendss.DssValues.stripNodes;

import java.util.ArrayList;
import java.util.List;
import org.openlfa.core.InputException;
import org.openlfa.grid.Transformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a two-winding {@link Transformer}, per winding ({@code wdg=} then {@code bus}, {@code kv}, ...) or with
 * the array forms ({@code buses=[...]}, {@code kvs=[...]}, ...). Other winding counts and off-nominal taps are
 * refused, since the model cannot hold them.
 */
final class TransformerBuilder implements ElementBuilder<Transformer> {

    private static final Logger LOG = LoggerFactory.getLogger(TransformerBuilder.class);

    @Override
    public Transformer build(ElementDefinition def, BuildContext context) {
        int phases = 3;
        int windingCount = 2;
        String[] buses = new String[2];
        Transformer.Connection[] conns = {Transformer.Connection.WYE, Transformer.Connection.WYE};
        double[] kvs = {12.47, 12.47};
        double[] kvas = {1000, 1000};
        double[] rs = {0.2, 0.2};
        int current = 0;
        double xhl = 7;
        boolean sub = false;
        boolean enabled = true;
        for (DssProperty p : def.props) {
            switch (p.name()) {
                case "phases" -> phases = phaseCount(p);
                case "windings" -> {
                    windingCount = integer(p);
                    if (windingCount != 2) {
                        throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                                "2 windings (other winding counts are not supported), got " + p.value());
                    }
                }
                case "wdg" -> {
                    current = integer(p) - 1;
                    if (current < 0 || current >= windingCount) {
                        throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                                "a winding number 1.." + windingCount + ", got " + p.value());
                    }
                }
                case "bus" -> buses[current] = busName(p);
                case "conn" -> conns[current] = connection(p, p.value());
                case "kv" -> kvs[current] = positive(p);
                case "kva" -> kvas[current] = positive(p);
                case "%r" -> rs[current] = nonNegative(p);
                case "tap" -> unitTap(p, p.value());
                case "buses" -> {
                    List<String> items = items(p, windingCount);
                    for (int i = 0; i < items.size(); i++) {
                        buses[i] = stripNodes(items.get(i));
                    }
                }
                case "conns" -> {
                    List<String> items = items(p, windingCount);
                    for (int i = 0; i < items.size(); i++) {
                        conns[i] = connection(p, items.get(i));
                    }
                }
                case "kvs" -> fill(p, windingCount, kvs, true);
                case "kvas" -> fill(p, windingCount, kvas, true);
                case "%rs" -> fill(p, windingCount, rs, false);
                case "taps" -> items(p, windingCount).forEach(t -> unitTap(p, t));
                case "xhl", "x12" -> xhl = nonNegative(p);
                case "%loadloss" -> {
                    // OpenDSS splits the load losses equally between the two windings.
                    double total = nonNegative(p);
                    rs[0] = total / 2;
                    rs[1] = total / 2;
                }
                case "sub" -> sub = bool(p);
                case "enabled" -> enabled = bool(p);
                default -> throw new IllegalStateException("unhandled Transformer property " + p.name());
            }
        }
        if (!enabled) {
            LOG.info("{}: Transformer.{} is disabled, left out", def.defined, def.name);
            return null;
        }
        List<Transformer.Winding> windings = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            if (buses[i] == null) {
                throw InputException.at(def.defined.name(), def.defined.line(), "buses",
                        "a bus for winding " + (i + 1) + " of Transformer." + def.name);
            }
            windings.add(new Transformer.Winding(buses[i], conns[i], kvs[i], kvas[i], rs[i]));
        }
        return new Transformer(def.name, phases, windings, xhl, sub);
    }

    /** The items of a per-winding array, which must have one per winding. */
    private static List<String> items(DssProperty p, int expected) {
        List<String> items = DssCommandLine.arrayItems(p.value());
        if (items.size() != expected) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                    expected + " values, one per winding, got '" + p.value() + "'");
        }
        return items;
    }

    private static void fill(DssProperty p, int expected, double[] target, boolean positive) {
        List<String> items = items(p, expected);
        for (int i = 0; i < items.size(); i++) {
            target[i] = positive ? positive(p.loc(), p.field(), items.get(i)) : number(p.loc(), p.field(), items.get(i));
            if (target[i] < 0) {
                throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "values >= 0, got " + p.value());
            }
        }
    }

    private static void unitTap(DssProperty p, String text) {
        // Off-nominal taps shift the LV voltage; the model has no tap field, so refuse rather than drop it.
        if (Math.abs(number(p.loc(), p.field(), text) - 1) > 1e-9) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                    "tap 1.0 (off-nominal taps are not supported), got " + text);
        }
    }

    private static Transformer.Connection connection(DssProperty p, String text) {
        try {
            return Transformer.Connection.parse(text);
        } catch (IllegalArgumentException e) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "wye or delta, got '" + text + "'");
        }
    }
}
