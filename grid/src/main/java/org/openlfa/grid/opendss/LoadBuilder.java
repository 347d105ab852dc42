package org.openlfa.grid.opendss;

import static org.openlfa.grid.opendss.DssValues.bool;
import static org.openlfa.grid.opendss.DssValues.busName;
import static org.openlfa.grid.opendss.DssValues.integer;
import static org.openlfa.grid.opendss.DssValues.nodes;
import static org.openlfa.grid.opendss.DssValues.number;
import static org.openlfa.grid.opendss.DssValues.phaseCount;
import static org.openlfa.grid.opendss.DssValues.positive;

import java.util.List;
import java.util.Set;
import org.openlfa.core.InputException;
import org.openlfa.grid.Load;
import org.openlfa.grid.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a wye-connected {@link Load} on the phase of its bus suffix; Q from the power factor or from kvar,
 * whichever was given last, as OpenDSS does.
 */
final class LoadBuilder implements ElementBuilder<Load> {

    private static final Logger LOG = LoggerFactory.getLogger(LoadBuilder.class);

    @Override
    public Load build(ElementDefinition def, BuildContext context) {
        int phases = 3;
        String bus = null;
        List<Integer> nodes = List.of();
        double kv = 12.47;
        double kw = 10;
        double pf = 0.88;
        Double kvar = null;
        boolean pfLast = true;
        int model = 1;
        String daily = null;
        String yearly = null;
        boolean enabled = true;
        for (DssProperty p : def.props) {
            switch (p.name()) {
                case "phases" -> phases = phaseCount(p);
                case "bus1" -> {
                    bus = busName(p);
                    nodes = nodes(p);
                }
                case "kv" -> kv = positive(p);
                case "kw" -> kw = number(p);
                case "pf" -> {
                    pf = number(p);
                    if (pf == 0 || Math.abs(pf) > 1) {
                        throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                                "a power factor in [-1, 0) or (0, 1], got " + p.value());
                    }
                    pfLast = true;
                }
                case "kvar" -> {
                    kvar = number(p);
                    pfLast = false;
                }
                case "model" -> {
                    model = integer(p);
                    if (model < 1 || model > 8) {
                        throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                                "an OpenDSS load model 1..8, got " + p.value());
                    }
                }
                case "daily" -> daily = p.value();
                case "yearly" -> yearly = p.value();
                case "conn" -> {
                    String conn = Names.key(p.value());
                    if (!Set.of("wye", "y", "ln", "star").contains(conn)) {
                        throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                                "a wye connection (delta loads are not supported), got " + p.value());
                    }
                }
                case "enabled" -> enabled = bool(p);
                default -> throw new IllegalStateException("unhandled Load property " + p.name());
            }
        }
        if (!enabled) {
            LOG.info("{}: Load.{} is disabled, left out", def.defined, def.name);
            return null;
        }
        def.requirePresent("bus1", bus);
        int phase = nodes.isEmpty() ? 1 : nodes.get(0);
        if (phase < 1 || phase > 3) {
            DssProperty p = def.prop("bus1");
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                    "a phase suffix 1..3 (e.g. 187.1), got " + p.value());
        }
        double q;
        if (pfLast || kvar == null) {
            q = kw * Math.sqrt(1 / (pf * pf) - 1) * Math.signum(pf);
        } else {
            q = kvar;
            double s = Math.hypot(kw, kvar);
            pf = s == 0 ? 1 : Math.abs(kw) / s * (kw * kvar < 0 ? -1 : 1);
        }
        return new Load(def.name, bus, phase, phases, kv, kw, pf, q, model, daily, yearly, 0);
    }
}
