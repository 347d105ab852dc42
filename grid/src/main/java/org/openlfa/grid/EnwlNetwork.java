package org.openlfa.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openlfa.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an ENWL LVNS network (a folder of {@code Feeder_N} OpenDSS models) as ONE LV network behind ONE MV/LV
 * transformer, as the network really is.
 *
 * <p>The ENWL files model each feeder on its own, each behind its own generic placeholder transformer (800 kVA,
 * 11/0.416 kV Dyn, XHL 1 %, {@code Buses=[SourceBus 1]}). Combining them:
 * <ul>
 *   <li>names of buses, lines, loads and load shapes get the feeder as prefix ({@code F1_187}, {@code F1_LOAD1})
 *       so that they are unique, and every line and load records its {@link Load#feeder() feeder number};</li>
 *   <li>each feeder's transformer LV bus ({@code 1}) becomes the common LV busbar {@value #LV_BUSBAR};</li>
 *   <li>the six placeholders become one transformer of the given rating. <b>Assumption:</b> the real rating is not
 *       published; UK secondary substations serving about 200 homes are commonly 500 kVA, the default
 *       ({@value #DEFAULT_TRANSFORMER_RATING_IN_KVA} kVA). Voltages, connections, XHL and %R stay as in the
 *       placeholder (the XHL of 1 % is the placeholder's too);</li>
 *   <li>the frequency is 50 Hz (UK). The {@code Master.dss} files say {@code DefaultBaseFreq=60}, an edit of the
 *       re-hosting authors; that is logged and overridden.</li>
 * </ul>
 * Line codes are shared; should two feeders define one code differently, the later feeder's is renamed with its
 * prefix.
 *
 * <pre>{@code
 * LvNetwork n22 = EnwlNetwork.builtInNetwork22();                       // shipped in this jar, 500 kVA
 * LvNetwork n8  = EnwlNetwork.load(Path.of("enwl-lvns/networks/Network_8"), 400);
 * List<Load> feeder3 = n22.loadsOfFeeder(3);
 * }</pre>
 */
public final class EnwlNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(EnwlNetwork.class);

    /** Default transformer rating: an assumption, see the class comment. */
    public static final double DEFAULT_TRANSFORMER_RATING_IN_KVA = 500;

    /** The UK system frequency. */
    public static final double UK_FREQUENCY_IN_HERTZ = 50;

    /** The name of the common LV busbar that all feeders start from. */
    public static final String LV_BUSBAR = "LV_Busbar";

    /** The name of the single MV/LV transformer of a combined network. */
    public static final String TRANSFORMER_NAME = "TR1";

    /** Where the built-in networks are on the class path. */
    static final String BUILT_IN_ROOT = "org/openlfa/grid/enwl/";

    private static final Pattern FEEDER_FOLDER = Pattern.compile("(?i)feeder_(\\d+)");

    private EnwlNetwork() {
    }

    /** One feeder's master file and number. */
    private record FeederInput(int number, DssSource master) {
    }

    /**
     * Reads every {@code Feeder_N} folder of an ENWL network folder (any case, e.g. {@code network_22},
     * {@code Network_8}) with the default transformer rating.
     *
     * @throws InputException if the folder has no feeders or a feeder file is wrong
     */
    public static LvNetwork load(Path networkDir) {
        return load(networkDir, DEFAULT_TRANSFORMER_RATING_IN_KVA);
    }

    /**
     * Reads every {@code Feeder_N} folder of an ENWL network folder behind one transformer of the given rating.
     *
     * @throws InputException if the folder has no feeders or a feeder file is wrong
     */
    public static LvNetwork load(Path networkDir, double transformerRatingInKva) {
        List<FeederInput> feeders = new ArrayList<>();
        try (Stream<Path> children = Files.list(networkDir)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                Matcher m = FEEDER_FOLDER.matcher(child.getFileName().toString());
                if (m.matches()) {
                    feeders.add(new FeederInput(Integer.parseInt(m.group(1)), DssSource.of(masterFile(child))));
                }
            }
        } catch (IOException e) {
            throw InputException.in(networkDir.toString(), "folder", "a readable ENWL network folder: " + e.getMessage());
        }
        if (feeders.isEmpty()) {
            throw InputException.in(networkDir.toString(), "Feeder_*", "at least one Feeder_N folder with a Master.dss");
        }
        feeders.sort(Comparator.comparingInt(FeederInput::number));
        return combine(networkDir.getFileName().toString(), feeders, transformerRatingInKva);
    }

    /** ENWL network 22 (six feeders, 184 customers), shipped in this jar, behind a 500 kVA transformer. */
    public static LvNetwork builtInNetwork22() {
        return loadBuiltIn("network_22", DEFAULT_TRANSFORMER_RATING_IN_KVA);
    }

    /**
     * A network shipped in this jar (see {@code org/openlfa/grid/enwl/<name>/SOURCES.md}), read in place from the
     * class path. Only {@code network_22} is shipped.
     *
     * @throws InputException if no such network is shipped
     */
    public static LvNetwork loadBuiltIn(String networkName, double transformerRatingInKva) {
        // Class path folders cannot be listed portably inside a jar, so probe Feeder_1, Feeder_2, ... in turn.
        List<FeederInput> feeders = new ArrayList<>();
        for (int n = 1; ; n++) {
            DssSource master = DssSource.classpath(BUILT_IN_ROOT + networkName + "/Feeder_" + n + "/Master.dss");
            if (!master.exists()) {
                break;
            }
            feeders.add(new FeederInput(n, master));
        }
        if (feeders.isEmpty()) {
            throw InputException.in("classpath:" + BUILT_IN_ROOT, "network",
                    "the name of a built-in ENWL network (network_22), got '" + networkName + "'");
        }
        return combine(networkName, feeders, transformerRatingInKva);
    }

    private static Path masterFile(Path feederDir) throws IOException {
        try (Stream<Path> files = Files.list(feederDir)) {
            Optional<Path> master = files.filter(f -> f.getFileName().toString().equalsIgnoreCase("Master.dss"))
                    .findFirst();
            return master.orElse(feederDir.resolve("Master.dss"));
        }
    }

    private static LvNetwork combine(String networkName, List<FeederInput> inputs, double ratingInKva) {
        if (!(ratingInKva > 0)) {
            throw new IllegalArgumentException("transformer rating must be > 0 kVA, got " + ratingInKva);
        }
        VoltageSource source = null;
        Transformer placeholder = null;
        Map<String, LineCode> lineCodes = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        List<Load> loads = new ArrayList<>();
        Map<String, BusCoordinate> coordinates = new LinkedHashMap<>();
        Map<String, LoadShapeRef> shapes = new LinkedHashMap<>();
        Set<Double> fileFrequencies = new TreeSet<>();
        for (FeederInput input : inputs) {
            LvNetwork feeder = OpenDssReader.read(input.master());
            int n = input.number();
            String prefix = "F" + n + "_";
            if (feeder.baseFrequencyInHertz() != UK_FREQUENCY_IN_HERTZ) {
                fileFrequencies.add(feeder.baseFrequencyInHertz());
            }
            if (feeder.transformers().size() != 1) {
                throw InputException.in(input.master().displayName(), "Transformer",
                        "exactly one placeholder transformer per ENWL feeder, found " + feeder.transformers().size());
            }
            Transformer t = feeder.transformers().get(0);
            String hvBus = t.primary().bus();
            String lvBus = t.secondary().bus();
            if (source == null) {
                source = feeder.source();
                placeholder = t;
            } else {
                if (!sameSource(source, feeder.source())) {
                    LOG.warn("{}: source differs from feeder {}'s, keeping the first: {}", input.master().displayName(),
                            inputs.get(0).number(), source);
                }
                if (!t.windings().equals(placeholder.windings()) || t.xhlInPercent() != placeholder.xhlInPercent()) {
                    LOG.warn("{}: placeholder transformer differs from the first feeder's, keeping the first",
                            input.master().displayName());
                }
            }
            if (!Names.same(hvBus, source.bus())) {
                throw InputException.in(input.master().displayName(), "Transformer." + t.name(),
                        "a placeholder transformer fed from the source bus " + source.bus() + ", but it is on " + hvBus);
            }
            Map<String, String> renamedCodes = new HashMap<>();
            for (LineCode code : feeder.lineCodes().values()) {
                LineCode existing = lineCodes.get(Names.key(code.name()));
                if (existing == null) {
                    lineCodes.put(Names.key(code.name()), code);
                } else if (!existing.equals(code)) {
                    LineCode renamed = rename(code, prefix + code.name());
                    LOG.info("feeder {}: line code {} differs from an earlier feeder's, renamed {}", n, code.name(),
                            renamed.name());
                    lineCodes.put(Names.key(renamed.name()), renamed);
                    renamedCodes.put(Names.key(code.name()), renamed.name());
                }
            }
            String hv = source.bus();
            UnaryOperator<String> bus = b -> Names.same(b, lvBus) ? LV_BUSBAR
                    : Names.same(b, hvBus) ? hv : prefix + b;
            for (Line l : feeder.lines()) {
                String code = renamedCodes.getOrDefault(Names.key(l.lineCode()), l.lineCode());
                lines.add(new Line(prefix + l.name(), bus.apply(l.bus1()), bus.apply(l.bus2()), l.phases(), code,
                        l.lengthInMeters(), n));
            }
            for (Load l : feeder.loads()) {
                loads.add(new Load(prefix + l.name(), bus.apply(l.bus()), l.phase(), l.phases(), l.nominalVoltageInKv(),
                        l.nominalPowerInKw(), l.powerFactor(), l.reactivePowerInKvar(), l.model(),
                        l.dailyShape() == null ? null : prefix + l.dailyShape(),
                        l.yearlyShape() == null ? null : prefix + l.yearlyShape(), n));
            }
            for (BusCoordinate c : feeder.coordinates().values()) {
                coordinates.putIfAbsent(bus.apply(c.bus()), new BusCoordinate(bus.apply(c.bus()), c.x(), c.y()));
            }
            for (LoadShapeRef s : feeder.loadShapes().values()) {
                shapes.put(prefix + s.name(), new LoadShapeRef(prefix + s.name(), s.points(), s.intervalInHours(),
                        s.multiplierFileRef(), s.multiplierFile(), s.inlineMultipliers(), s.useActual()));
            }
        }
        if (!fileFrequencies.isEmpty()) {
            LOG.info("ENWL {}: the Master.dss files say {} Hz (an edit of the files' re-hosting authors); using {} Hz,"
                    + " the UK system frequency", networkName, fileFrequencies, UK_FREQUENCY_IN_HERTZ);
        }
        Transformer.Winding hvWinding = placeholder.primary();
        Transformer.Winding lvWinding = placeholder.secondary();
        Transformer transformer = new Transformer(TRANSFORMER_NAME, placeholder.phases(), List.of(
                new Transformer.Winding(source.bus(), hvWinding.connection(), hvWinding.voltageInKv(), ratingInKva,
                        hvWinding.resistanceInPercent()),
                new Transformer.Winding(LV_BUSBAR, lvWinding.connection(), lvWinding.voltageInKv(), ratingInKva,
                        lvWinding.resistanceInPercent())),
                placeholder.xhlInPercent(), placeholder.isSubstation());
        LOG.info("ENWL {}: {} feeders, {} lines, {} loads behind one {} kVA transformer (assumed rating; the feeder "
                + "files' {} kVA is a placeholder)", networkName, inputs.size(), lines.size(), loads.size(),
                ratingInKva, placeholder.ratingInKva());
        Map<String, LineCode> codesByName = new LinkedHashMap<>();
        lineCodes.values().forEach(c -> codesByName.put(c.name(), c));
        return new LvNetwork(networkName, UK_FREQUENCY_IN_HERTZ, source, codesByName, lines, loads,
                List.of(transformer), coordinates, shapes);
    }

    private static boolean sameSource(VoltageSource a, VoltageSource b) {
        return a.baseVoltageInKv() == b.baseVoltageInKv() && a.voltageInPerUnit() == b.voltageInPerUnit()
                && a.isc3InAmps().equals(b.isc3InAmps()) && a.isc1InAmps().equals(b.isc1InAmps())
                && Names.same(a.bus(), b.bus());
    }

    private static LineCode rename(LineCode c, String name) {
        return new LineCode(name, c.phases(), c.r1InOhmPerKm(), c.x1InOhmPerKm(), c.r0InOhmPerKm(), c.x0InOhmPerKm(),
                c.c1InNanofaradPerKm(), c.c0InNanofaradPerKm(), c.rMatrixInOhmPerKm(), c.xMatrixInOhmPerKm(),
                c.cMatrixInNanofaradPerKm(), c.normalRatingInAmps(), c.emergencyRatingInAmps());
    }
}
