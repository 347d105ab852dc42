package org.openlfa.grid.opendss;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlfa.core.InputException;
import org.openlfa.grid.BusCoordinate;
import org.openlfa.grid.DssSource;
import org.openlfa.grid.Line;
import org.openlfa.grid.LineCode;
import org.openlfa.grid.Load;
import org.openlfa.grid.LoadShapeRef;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.Names;
import org.openlfa.grid.Transformer;
import org.openlfa.grid.VoltageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link LvNetwork} from what the interpreter recorded, class by class in dependency order (source,
 * line codes, lines, transformers, load shapes, loads), and checks what spans classes: every load sits on a bus
 * that a line or transformer connects.
 */
final class NetworkAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkAssembler.class);

    private NetworkAssembler() {
    }

    static LvNetwork assemble(DssSource master, String circuitName, double frequencyInHertz, boolean frequencySet,
            Map<String, Map<String, ElementDefinition>> elements, Map<String, BusCoordinate> coordinates) {
        ElementDefinition sourceDef = elements.get(DssClasses.VSOURCE.key()).get("source");
        if (sourceDef == null || circuitName == null) {
            throw InputException.in(master.displayName(), "Circuit", "a 'New Circuit.<name>' command");
        }
        if (!frequencySet) {
            LOG.debug("{}: no Set DefaultBaseFrequency, using the OpenDSS default {} Hz", master.displayName(),
                    DssInterpreter.OPENDSS_DEFAULT_FREQUENCY_IN_HERTZ);
        }
        BuildContext context = new BuildContext(circuitName);
        VoltageSource source = DssClasses.VSOURCE.build(sourceDef, context);
        for (ElementDefinition def : elements.get(DssClasses.LINECODE.key()).values()) {
            context.lineCodes.put(def.name, DssClasses.LINECODE.build(def, context));
        }
        List<Line> lines = buildAll(DssClasses.LINE, elements, context);
        List<Transformer> transformers = buildAll(DssClasses.TRANSFORMER, elements, context);
        Map<String, LoadShapeRef> shapes = new LinkedHashMap<>();
        for (ElementDefinition def : elements.get(DssClasses.LOADSHAPE.key()).values()) {
            shapes.put(def.name, DssClasses.LOADSHAPE.build(def, context));
        }
        Set<String> connected = new HashSet<>();
        lines.forEach(l -> {
            connected.add(Names.key(l.bus1()));
            connected.add(Names.key(l.bus2()));
        });
        transformers.forEach(t -> t.windings().forEach(w -> connected.add(Names.key(w.bus()))));
        connected.add(Names.key(source.bus()));
        List<Load> loads = new ArrayList<>();
        for (ElementDefinition def : elements.get(DssClasses.LOAD.key()).values()) {
            Load load = DssClasses.LOAD.build(def, context);
            if (load == null) {
                continue;
            }
            if (!connected.contains(Names.key(load.bus()))) {
                DssProperty bus = def.prop("bus1");
                throw InputException.at(bus.loc().name(), bus.loc().line(), bus.field(),
                        "a bus that a line or transformer connects, but no line or transformer touches bus "
                                + load.bus() + " of load " + load.name());
            }
            for (String shape : new String[] {load.dailyShape(), load.yearlyShape()}) {
                if (shape != null && !shapes.containsKey(shape)
                        && shapes.keySet().stream().noneMatch(s -> Names.same(s, shape))) {
                    // Not an error: the ENWL Loads.txt name shapes whose definitions were never published.
                    LOG.debug("{}: load {} refers to load shape {}, which is not defined", def.defined, load.name(), shape);
                }
            }
            loads.add(load);
        }
        Map<String, LineCode> lineCodes = context.lineCodes;
        Map<String, BusCoordinate> coords = new LinkedHashMap<>();
        coordinates.values().forEach(c -> coords.put(c.bus(), c));
        LOG.info("read OpenDSS network {} from {}: {} lines, {} loads, {} transformers, {} line codes",
                circuitName, master.displayName(), lines.size(), loads.size(), transformers.size(), lineCodes.size());
        return new LvNetwork(circuitName, frequencyInHertz, source, lineCodes, lines, loads, transformers, coords,
                shapes);
    }

    /** The elements of a class in file order, disabled ones left out. */
    private static <T> List<T> buildAll(DssClass<T> spec, Map<String, Map<String, ElementDefinition>> elements,
            BuildContext context) {
        List<T> built = new ArrayList<>();
        for (ElementDefinition def : elements.get(spec.key()).values()) {
            T t = spec.build(def, context);
            if (t != null) {
                built.add(t);
            }
        }
        return built;
    }
}
