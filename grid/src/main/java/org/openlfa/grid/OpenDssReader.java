package org.openlfa.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openlfa.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the subset of the OpenDSS text language that describes an LV network: the ENWL LVNS feeders and the IEEE
 * European LV Test Feeder.
 *
 * <p>Supported: {@code New}/{@code Edit} of {@code Circuit}, {@code Vsource}, {@code LineCode}, {@code Line},
 * {@code Load}, {@code Transformer} and {@code LoadShape}; {@code ~}/{@code More} continuation lines;
 * {@code Redirect} and {@code Compile} (relative to the current file); {@code Buscoords}; {@code Set
 * DefaultBaseFrequency}; {@code BatchEdit}; {@code Clear}; comments with {@code !}, {@code //} and
 * {@code /* ... *}{@code /}. Names of commands, classes, properties and buses ignore case, as in OpenDSS.
 * Elements of other classes (monitors, energy meters, ...) and solution commands are skipped with a debug log.
 *
 * <p>A property this reader does not know, or knows but cannot represent (e.g. inline line impedances, a
 * three-winding transformer), is an {@link InputException} rather than silently dropped, because a dropped
 * property would change the network without anyone noticing. Properties that do not affect the network model
 * (fault rates, thermal data, ...) are accepted and ignored.
 *
 * <pre>{@code
 * LvNetwork ieee = OpenDssReader.read(Path.of("ieee-european-lv-test-feeder/opendss/Master.dss"));
 * double meters = ieee.lines().get(5).lengthInMeters();
 * }</pre>
 */
public final class OpenDssReader {

    private static final Logger LOG = LoggerFactory.getLogger(OpenDssReader.class);

    /** OpenDSS's own default, used when no {@code Set DefaultBaseFrequency} is given. */
    static final double OPENDSS_DEFAULT_FREQUENCY_IN_HERTZ = 60.0;

    private static final int MAX_REDIRECT_DEPTH = 32;

    private static final Map<String, Double> METERS_PER_UNIT = Map.of(
            "m", 1.0, "km", 1000.0, "ft", 0.3048, "mi", 1609.344, "kft", 304.8, "in", 0.0254, "cm", 0.01, "mm", 0.001);

    /** Commands that do not change the network model. */
    private static final Set<String> IGNORED_COMMANDS = Set.of("solve", "calcvoltagebases", "calcv", "show", "plot",
            "export", "sample", "reset", "help", "closedi", "cleanup", "makebuslist", "latlongcoords", "visualize",
            "summary", "totals", "interpolate", "init", "dump", "vdiffs", "zsc", "zsc10", "zscrefresh", "nodelist",
            "currents", "powers", "voltages", "losses", "phaselosses", "seqvoltages", "seqcurrents", "seqpowers",
            "capacity", "get", "about", "var", "cd", "save", "fileedit", "guids", "uuids", "clearbusmarkers",
            "buildy", "aligntime", "topscript", "reprocessbuses", "setloadandgenkv", "allocateloads", "estimate",
            "relcalc", "nodediff", "sysvoltages", "phasevoltages");

    /** Element names as {@code Class.name}: the class spec of each supported class. */
    private static final Map<String, ClassSpec> CLASSES = new HashMap<>();

    static {
        register(new ClassSpec("Vsource",
                List.of("bus1", "basekv", "pu", "angle", "frequency", "phases", "mvasc3", "mvasc1", "x1r1", "x0r0",
                        "isc3", "isc1", "r1", "x1", "r0", "x0"),
                Set.of("bus1", "basekv", "pu", "angle", "mvasc3", "mvasc1", "isc3", "isc1", "r1", "x1", "r0", "x0"),
                Set.of("frequency", "phases", "scantype", "sequence", "basemva", "yearly", "daily", "duty", "model",
                        "puzideal", "spectrum", "basefreq", "enabled")));
        register(new ClassSpec("LineCode",
                List.of("nphases", "r1", "x1", "r0", "x0", "c1", "c0", "units", "rmatrix", "xmatrix", "cmatrix",
                        "basefreq", "normamps", "emergamps", "faultrate", "pctperm", "repair"),
                Set.of("nphases", "r1", "x1", "r0", "x0", "c1", "c0", "units", "rmatrix", "xmatrix", "cmatrix",
                        "normamps", "emergamps"),
                Set.of("basefreq", "faultrate", "pctperm", "repair", "rg", "xg", "rho", "linetype", "seasons",
                        "ratings", "like")));
        register(new ClassSpec("Line",
                List.of("bus1", "bus2", "linecode", "length", "phases", "r1", "x1", "r0", "x0", "c1", "c0", "rmatrix",
                        "xmatrix", "cmatrix", "switch", "rg", "xg", "rho", "geometry", "units"),
                Set.of("bus1", "bus2", "linecode", "length", "phases", "units", "enabled"),
                Set.of("normamps", "emergamps", "faultrate", "pctperm", "repair", "basefreq", "rg", "xg", "rho",
                        "earthmodel", "seasons", "ratings", "linetype")));
        register(new ClassSpec("Load",
                List.of("phases", "bus1", "kv", "kw", "pf", "model", "yearly", "daily", "duty", "growth", "conn",
                        "kvar"),
                Set.of("phases", "bus1", "kv", "kw", "pf", "model", "yearly", "daily", "conn", "kvar", "enabled"),
                Set.of("duty", "growth", "status", "class", "vminpu", "vmaxpu", "vminnorm", "vminemerg", "numcust",
                        "relweight", "vlowpu", "spectrum", "basefreq", "rneut", "xneut", "%mean", "%stddev",
                        "cvrwatts", "cvrvars", "puxharm", "xrharm")));
        register(new ClassSpec("Transformer",
                List.of("phases", "windings", "wdg", "bus", "conn", "kv", "kva", "tap", "%r", "rneut", "xneut",
                        "buses", "conns", "kvs", "kvas", "taps", "xhl", "xht", "xlt"),
                Set.of("phases", "windings", "wdg", "bus", "conn", "kv", "kva", "tap", "%r", "buses", "conns", "kvs",
                        "kvas", "taps", "xhl", "x12", "%rs", "%loadloss", "sub", "enabled"),
                Set.of("rneut", "xneut", "xht", "xlt", "x13", "x23", "thermal", "n", "m", "flrise", "hsrise",
                        "%noloadloss", "%imag", "normhkva", "emerghkva", "maxtap", "mintap", "numtaps", "subname",
                        "ppm_antifloat", "bank", "basefreq", "faultrate", "xrconst", "leadlag", "seasons", "ratings")));
        register(new ClassSpec("LoadShape",
                List.of("npts", "interval", "mult", "hour", "mean", "stddev", "csvfile", "sngfile", "dblfile",
                        "action", "qmult", "useactual", "pmax", "qmax", "sinterval", "minterval"),
                Set.of("npts", "interval", "mult", "csvfile", "useactual", "sinterval", "minterval"),
                Set.of("mean", "stddev", "qmult", "pmax", "qmax", "pbase", "qbase", "memorymapping",
                        "interpolation", "like")));
    }

    // ---- state of one read -----------------------------------------------------------------------------------

    private String circuitName;
    private double frequencyInHertz = OPENDSS_DEFAULT_FREQUENCY_IN_HERTZ;
    private boolean frequencySet;
    private final Map<String, Map<String, ElementDef>> elements = new HashMap<>();
    private final Map<String, BusCoordinate> coordinates = new LinkedHashMap<>();
    /** The element that a {@code ~} line continues; {@link #SKIPPED} after an element of an unsupported class. */
    private ElementDef last;
    private static final ElementDef SKIPPED = new ElementDef(null, "", null);
    private final List<String> includeStack = new ArrayList<>();

    private OpenDssReader() {
        CLASSES.values().forEach(c -> elements.put(c.key(), new LinkedHashMap<>()));
    }

    /**
     * Reads a network from a master file on disk and the files it redirects to.
     *
     * <pre>{@code
     * LvNetwork feeder = OpenDssReader.read(Path.of("network_22/Feeder_1/Master.dss"));
     * }</pre>
     *
     * @throws InputException naming file, line and field for anything malformed, unknown or inconsistent
     */
    public static LvNetwork read(Path masterFile) {
        return read(DssSource.of(masterFile));
    }

    /**
     * Reads a network from a master file on disk or on the class path.
     *
     * @throws InputException naming file, line and field for anything malformed, unknown or inconsistent
     */
    public static LvNetwork read(DssSource masterFile) {
        if (!masterFile.exists()) {
            throw InputException.in(masterFile.displayName(), "file", "an existing OpenDSS master file");
        }
        OpenDssReader reader = new OpenDssReader();
        reader.readFile(masterFile);
        return reader.build(masterFile);
    }

    /**
     * Reads a {@code Buscoords} file: one bus a line, {@code bus,x,y} or {@code bus x y}.
     *
     * @throws InputException for a missing file or a malformed line
     */
    public static Map<String, BusCoordinate> readBusCoordinates(DssSource file) {
        OpenDssReader reader = new OpenDssReader();
        reader.readCoordinates(file);
        return Names.caseInsensitiveCopy(reader.coordinates);
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private void readFile(DssSource file) {
        if (includeStack.size() >= MAX_REDIRECT_DEPTH || includeStack.contains(file.displayName())) {
            throw InputException.in(file.displayName(), "Redirect",
                    "no circular redirects, but the file is already being read via " + String.join(" -> ", includeStack));
        }
        includeStack.add(file.displayName());
        LOG.debug("reading {}", file.displayName());
        try (BufferedReader in = file.open()) {
            String text;
            int lineNo = 0;
            boolean inBlockComment = false;
            while ((text = in.readLine()) != null) {
                lineNo++;
                String line = text.replace("\uFEFF", "").strip();
                if (inBlockComment) {
                    if (line.contains("*/")) {
                        inBlockComment = false;
                    }
                    continue;
                }
                if (line.startsWith("/*")) {
                    inBlockComment = !line.contains("*/");
                    continue;
                }
                line = DssCommandLine.stripComment(line).strip();
                if (!line.isEmpty()) {
                    command(new Loc(file, lineNo), line);
                }
            }
        } catch (IOException e) {
            throw InputException.at(file.displayName(), 0, "file", "a readable file: " + e.getMessage(), e);
        } finally {
            includeStack.remove(includeStack.size() - 1);
        }
    }

    private void command(Loc loc, String line) {
        // "~bus2=3" is a continuation too: separate the tilde so that the parser sees a verb.
        if (line.startsWith("~")) {
            line = "~ " + line.substring(1);
        }
        List<DssCommandLine.Param> params;
        try {
            params = DssCommandLine.split(line);
        } catch (IllegalArgumentException e) {
            throw InputException.at(loc.name(), loc.line(), "syntax", e.getMessage());
        }
        DssCommandLine.Param verbParam = params.get(0);
        if (verbParam.name() != null) {
            throw InputException.at(loc.name(), loc.line(), verbParam.name(),
                    "a command (New, Edit, Redirect, ...) at the start of the line");
        }
        String verb = Names.key(verbParam.value());
        List<DssCommandLine.Param> args = params.subList(1, params.size());
        switch (verb) {
            case "new" -> newElement(loc, args);
            case "edit" -> editElement(loc, args);
            case "~", "more", "m" -> continueElement(loc, args);
            case "redirect", "compile" -> redirect(loc, verbParam.value(), args);
            case "set" -> set(loc, args);
            case "buscoords" -> busCoords(loc, args);
            case "batchedit" -> batchEdit(loc, args);
            case "clear", "clearall" -> clear();
            case "disable", "enable", "open", "close" -> throw InputException.at(loc.name(), loc.line(),
                    verbParam.value(), "no '" + verbParam.value() + "' command: it changes the topology, which this "
                            + "reader does not model; edit the element definitions instead");
            default -> {
                if (IGNORED_COMMANDS.contains(verb)) {
                    LOG.debug("{}: skipping command {}", loc, verbParam.value());
                } else {
                    throw InputException.at(loc.name(), loc.line(), verbParam.value(),
                            "an OpenDSS command this reader knows (New, Edit, ~, Redirect, Compile, Set, Buscoords, "
                                    + "BatchEdit, Clear, Solve, ...)");
                }
            }
        }
    }

    private void clear() {
        circuitName = null;
        elements.values().forEach(Map::clear);
        coordinates.clear();
        last = null;
    }

    private void newElement(Loc loc, List<DssCommandLine.Param> args) {
        if (args.isEmpty()) {
            throw InputException.at(loc.name(), loc.line(), "New", "an element as Class.name after New");
        }
        DssCommandLine.Param target = args.get(0);
        String qualified = target.value();
        if (target.name() != null) {
            if (!Names.same(target.name(), "object")) {
                throw InputException.at(loc.name(), loc.line(), target.name(), "an element as Class.name after New");
            }
        }
        int dot = qualified.indexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            throw InputException.at(loc.name(), loc.line(), "New", "an element as Class.name, got '" + qualified + "'");
        }
        String className = Names.key(qualified.substring(0, dot));
        String elementName = qualified.substring(dot + 1);
        List<DssCommandLine.Param> props = args.subList(1, args.size());
        if (className.equals("circuit")) {
            // A circuit brings its Vsource.Source; the circuit's properties are the source's.
            if (circuitName != null) {
                LOG.debug("{}: new circuit {} replaces {}", loc, elementName, circuitName);
            }
            clear();
            circuitName = elementName;
            ElementDef source = new ElementDef(CLASSES.get("vsource"), "Source", loc);
            elements.get("vsource").put("source", source);
            applyProps(source, loc, props);
            last = source;
            return;
        }
        ClassSpec spec = CLASSES.get(className);
        if (spec == null) {
            LOG.debug("{}: skipping element {} (class not modelled)", loc, qualified);
            last = SKIPPED;
            return;
        }
        Map<String, ElementDef> ofClass = elements.get(spec.key());
        ElementDef previous = ofClass.get(Names.key(elementName));
        if (previous != null) {
            if (spec.key().equals("linecode") || spec.key().equals("loadshape") || spec.key().equals("vsource")) {
                // OpenDSS redefines such a shared definition; the ENWL files repeat identical line codes.
                LOG.debug("{}: {} redefined (first at {})", loc, qualified, previous.defined);
            } else {
                throw InputException.at(loc.name(), loc.line(), spec.name() + "." + elementName,
                        "a unique " + spec.name() + " name; it was already defined at " + previous.defined);
            }
        }
        ElementDef def = new ElementDef(spec, elementName, loc);
        ofClass.put(Names.key(elementName), def);
        applyProps(def, loc, props);
        last = def;
    }

    private void editElement(Loc loc, List<DssCommandLine.Param> args) {
        if (args.isEmpty() || args.get(0).name() != null) {
            throw InputException.at(loc.name(), loc.line(), "Edit", "an element as Class.name after Edit");
        }
        String qualified = args.get(0).value();
        int dot = qualified.indexOf('.');
        if (dot <= 0) {
            throw InputException.at(loc.name(), loc.line(), "Edit", "an element as Class.name, got '" + qualified + "'");
        }
        String className = Names.key(qualified.substring(0, dot));
        ClassSpec spec = CLASSES.get(className);
        if (spec == null) {
            LOG.debug("{}: skipping edit of {} (class not modelled)", loc, qualified);
            last = SKIPPED;
            return;
        }
        ElementDef def = elements.get(spec.key()).get(Names.key(qualified.substring(dot + 1)));
        if (def == null) {
            String hint = spec.key().equals("vsource") ? " (Vsource.Source exists after 'New Circuit.<name>')" : "";
            throw InputException.at(loc.name(), loc.line(), qualified, "an element defined earlier with New" + hint);
        }
        applyProps(def, loc, args.subList(1, args.size()));
        last = def;
    }

    private void continueElement(Loc loc, List<DssCommandLine.Param> args) {
        if (last == null) {
            throw InputException.at(loc.name(), loc.line(), "~", "a New or Edit command before a continuation line");
        }
        if (last != SKIPPED) {
            applyProps(last, loc, args);
        }
    }

    private void applyProps(ElementDef def, Loc loc, List<DssCommandLine.Param> params) {
        ClassSpec spec = def.spec;
        for (DssCommandLine.Param p : params) {
            String name;
            if (p.name() == null) {
                if (def.lastNamedField != null) {
                    // OpenDSS would take this as the next property in its order, so "kW=1,5" silently became
                    // kW=1 plus a second property 5 (a comma separates values); refuse rather than guess.
                    throw InputException.at(loc.name(), loc.line(), def.lastNamedField, "a single value (no decimal "
                            + "comma) and name=value for every later property, but '" + p.value() + "' follows it");
                }
                if (def.nextPositional >= spec.positional().size()) {
                    throw InputException.at(loc.name(), loc.line(), spec.name() + "." + def.name,
                            "name=value for '" + p.value() + "' (positional values are supported only for "
                                    + String.join(", ", spec.positional()) + ")");
                }
                name = spec.positional().get(def.nextPositional);
            } else {
                name = Names.key(p.name());
            }
            int position = spec.positional().indexOf(name);
            if (position >= 0) {
                def.nextPositional = position + 1;
            }
            if (spec.ignored().contains(name)) {
                LOG.debug("{}: {}.{}: property {} does not affect the network model, ignored", loc, spec.name(),
                        def.name, name);
                continue;
            }
            String field = p.name() != null ? p.name() : name;
            if (p.name() != null) {
                def.lastNamedField = p.name();
            }
            if (!spec.supported().contains(name)) {
                if (spec.positional().contains(name) || isKnownButUnsupported(spec, name)) {
                    throw InputException.at(loc.name(), loc.line(), field, "a " + spec.name()
                            + " property this reader supports; '" + field + "' changes the model but is not supported"
                            + " (supported: " + String.join(", ", new TreeSet<>(spec.supported())) + ")");
                }
                throw InputException.at(loc.name(), loc.line(), field, "a " + spec.name() + " property (one of "
                        + String.join(", ", new TreeSet<>(spec.supported())) + "), got '" + field + "'");
            }
            def.props.add(new Prop(name, field, p.value(), loc));
        }
    }

    private static boolean isKnownButUnsupported(ClassSpec spec, String name) {
        return switch (spec.key()) {
            case "line" -> Set.of("switch", "spacing", "wires", "cncables", "tscables", "b1", "b0").contains(name);
            case "linecode" -> Set.of("kron", "neutral", "b1", "b0").contains(name);
            case "load" -> Set.of("kva", "xfkva", "allocationfactor", "kwh", "kwhdays", "cfactor", "zipv",
                    "%seriesrl", "cvrcurve").contains(name);
            case "transformer" -> Set.of("xfmrcode", "xscarray").contains(name);
            case "vsource" -> Set.of("z1", "z2", "z0", "puz1", "puz2", "puz0", "bus2").contains(name);
            case "loadshape" -> Set.of("hour", "sngfile", "dblfile", "pqcsvfile", "action").contains(name);
            default -> false;
        };
    }

    private void redirect(Loc loc, String verb, List<DssCommandLine.Param> args) {
        if (args.isEmpty() || args.get(0).value().isBlank()) {
            throw InputException.at(loc.name(), loc.line(), verb, "a file name after " + verb);
        }
        String reference = args.get(0).value();
        DssSource target = loc.source().resolve(reference);
        if (!target.exists()) {
            throw InputException.at(loc.name(), loc.line(), verb,
                    "an existing file, but '" + reference + "' (" + target.displayName() + ") was not found");
        }
        readFile(target);
    }

    private void set(Loc loc, List<DssCommandLine.Param> args) {
        for (DssCommandLine.Param p : args) {
            String option = p.name() == null ? p.value() : p.name();
            switch (Names.key(option)) {
                case "defaultbasefreq", "defaultbasefrequency" -> {
                    frequencyInHertz = positive(loc, option, p.value());
                    frequencySet = true;
                }
                default -> LOG.debug("{}: ignoring Set {}", loc, option);
            }
        }
    }

    private void busCoords(Loc loc, List<DssCommandLine.Param> args) {
        if (args.isEmpty()) {
            throw InputException.at(loc.name(), loc.line(), "Buscoords", "a file name after Buscoords");
        }
        String reference = args.get(0).value();
        DssSource target = loc.source().resolve(reference);
        if (!target.exists()) {
            throw InputException.at(loc.name(), loc.line(), "Buscoords",
                    "an existing file, but '" + reference + "' (" + target.displayName() + ") was not found");
        }
        readCoordinates(target);
    }

    private void readCoordinates(DssSource file) {
        if (!file.exists()) {
            throw InputException.in(file.displayName(), "file", "an existing bus coordinates file");
        }
        try (BufferedReader in = file.open()) {
            String text;
            int lineNo = 0;
            while ((text = in.readLine()) != null) {
                lineNo++;
                String line = DssCommandLine.stripComment(text.replace("\uFEFF", "")).strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\\s*,\\s*|\\s+");
                if (parts.length < 3) {
                    throw InputException.at(file.displayName(), lineNo, "bus,x,y",
                            "a bus name and two coordinates, got '" + line + "'");
                }
                Loc loc = new Loc(file, lineNo);
                double x = number(loc, "x", parts[1]);
                double y = number(loc, "y", parts[2]);
                coordinates.put(Names.key(parts[0]), new BusCoordinate(parts[0], x, y));
            }
        } catch (IOException e) {
            throw InputException.at(file.displayName(), 0, "file", "a readable file: " + e.getMessage(), e);
        }
    }

    private void batchEdit(Loc loc, List<DssCommandLine.Param> args) {
        if (args.isEmpty() || args.get(0).name() != null || args.get(0).value().indexOf('.') <= 0) {
            throw InputException.at(loc.name(), loc.line(), "BatchEdit", "Class.pattern after BatchEdit");
        }
        String target = args.get(0).value();
        int dot = target.indexOf('.');
        ClassSpec spec = CLASSES.get(Names.key(target.substring(0, dot)));
        if (spec == null) {
            LOG.debug("{}: skipping batch edit of {} (class not modelled)", loc, target);
            return;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(target.substring(dot + 1), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw InputException.at(loc.name(), loc.line(), "BatchEdit", "a valid name pattern: " + e.getDescription());
        }
        List<DssCommandLine.Param> props = args.subList(1, args.size());
        for (ElementDef def : elements.get(spec.key()).values()) {
            if (pattern.matcher(def.name).matches()) {
                applyProps(def, loc, props);
            }
        }
    }

    // ---- building the model ----------------------------------------------------------------------------------

    private LvNetwork build(DssSource master) {
        ElementDef sourceDef = elements.get("vsource").get("source");
        if (sourceDef == null || circuitName == null) {
            throw InputException.in(master.displayName(), "Circuit", "a 'New Circuit.<name>' command");
        }
        if (!frequencySet) {
            LOG.debug("{}: no Set DefaultBaseFrequency, using the OpenDSS default {} Hz", master.displayName(),
                    OPENDSS_DEFAULT_FREQUENCY_IN_HERTZ);
        }
        VoltageSource source = buildSource(sourceDef);
        Map<String, LineCode> lineCodes = new LinkedHashMap<>();
        Map<String, Double> lineCodeMetersPerUnit = new HashMap<>();
        for (ElementDef def : elements.get("linecode").values()) {
            lineCodes.put(def.name, buildLineCode(def, lineCodeMetersPerUnit));
        }
        List<Line> lines = new ArrayList<>();
        for (ElementDef def : elements.get("line").values()) {
            Line line = buildLine(def, lineCodes, lineCodeMetersPerUnit);
            if (line != null) {
                lines.add(line);
            }
        }
        List<Transformer> transformers = new ArrayList<>();
        for (ElementDef def : elements.get("transformer").values()) {
            Transformer t = buildTransformer(def);
            if (t != null) {
                transformers.add(t);
            }
        }
        Map<String, LoadShapeRef> shapes = new LinkedHashMap<>();
        for (ElementDef def : elements.get("loadshape").values()) {
            shapes.put(def.name, buildLoadShape(def));
        }
        Set<String> connected = new HashSet<>();
        lines.forEach(l -> {
            connected.add(Names.key(l.bus1()));
            connected.add(Names.key(l.bus2()));
        });
        transformers.forEach(t -> t.windings().forEach(w -> connected.add(Names.key(w.bus()))));
        connected.add(Names.key(source.bus()));
        List<Load> loads = new ArrayList<>();
        for (ElementDef def : elements.get("load").values()) {
            Load load = buildLoad(def);
            if (load == null) {
                continue;
            }
            if (!connected.contains(Names.key(load.bus()))) {
                Prop bus = def.prop("bus1");
                throw InputException.at(bus.loc().name(), bus.loc().line(), bus.field(),
                        "a bus that a line or transformer connects, but no line or transformer touches bus "
                                + load.bus() + " of load " + load.name());
            }
            for (String shape : new String[] {load.dailyShape(), load.yearlyShape()}) {
                if (shape != null && !shapes.containsKey(shape) && shapes.keySet().stream().noneMatch(s -> Names.same(s, shape))) {
                    // Not an error: the ENWL Loads.txt name shapes whose definitions were never published.
                    LOG.debug("{}: load {} refers to load shape {}, which is not defined", def.defined, load.name(), shape);
                }
            }
            loads.add(load);
        }
        Map<String, BusCoordinate> coords = new LinkedHashMap<>();
        coordinates.values().forEach(c -> coords.put(c.bus(), c));
        LOG.info("read OpenDSS network {} from {}: {} lines, {} loads, {} transformers, {} line codes",
                circuitName, master.displayName(), lines.size(), loads.size(), transformers.size(), lineCodes.size());
        return new LvNetwork(circuitName, frequencyInHertz, source, lineCodes, lines, loads, transformers, coords,
                shapes);
    }

    private VoltageSource buildSource(ElementDef def) {
        String bus = "SourceBus";
        double baseKv = 115;
        double pu = 1;
        double angle = 0;
        Map<String, Double> optional = new HashMap<>();
        for (Prop p : def.props) {
            switch (p.name()) {
                case "bus1" -> bus = busName(p);
                case "basekv" -> baseKv = positive(p);
                case "pu" -> pu = positive(p);
                case "angle" -> angle = number(p);
                default -> optional.put(p.name(), nonNegative(p));
            }
        }
        return new VoltageSource(circuitName, bus, baseKv, pu, angle, opt(optional, "isc3"), opt(optional, "isc1"),
                opt(optional, "mvasc3"), opt(optional, "mvasc1"), opt(optional, "r1"), opt(optional, "x1"),
                opt(optional, "r0"), opt(optional, "x0"));
    }

    private static OptionalDouble opt(Map<String, Double> values, String key) {
        Double v = values.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private LineCode buildLineCode(ElementDef def, Map<String, Double> metersPerUnitOut) {
        int phases = 3;
        Map<String, Double> seq = new HashMap<>(Map.of("r1", 0.058, "x1", 0.1206, "r0", 0.1784, "x0", 0.4047,
                "c1", 3.4, "c0", 1.6));
        Map<String, List<Double>> matrices = new HashMap<>();
        Double metersPerUnit = null;
        OptionalDouble normAmps = OptionalDouble.empty();
        OptionalDouble emergAmps = OptionalDouble.empty();
        for (Prop p : def.props) {
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
            throw InputException.at(def.defined.name(), def.defined.line(), "units", "units on LineCode." + def.name + " (km, m, ft, mi, kft, ...)");
        }
        metersPerUnitOut.put(Names.key(def.name), metersPerUnit);
        double perKm = 1000.0 / metersPerUnit;
        int n = phases;
        int triangle = n * (n + 1) / 2;
        for (Map.Entry<String, List<Double>> m : matrices.entrySet()) {
            if (m.getValue().size() != triangle && m.getValue().size() != n * n) {
                Prop p = def.prop(m.getKey());
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

    private Line buildLine(ElementDef def, Map<String, LineCode> lineCodes, Map<String, Double> lineCodeUnits) {
        String bus1 = null;
        String bus2 = null;
        Integer phases = null;
        String lineCode = null;
        Prop lineCodeProp = null;
        double length = 1;
        Double metersPerUnit = null;
        boolean enabled = true;
        for (Prop p : def.props) {
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
        requirePresent(def, "bus1", bus1);
        requirePresent(def, "bus2", bus2);
        if (lineCodeProp == null) {
            throw InputException.at(def.defined.name(), def.defined.line(), "linecode",
                    "a linecode on Line." + def.name + " (inline impedances are not supported)");
        }
        LineCode code = lineCodes.get(lineCode);
        if (code == null) {
            String wanted = lineCode;
            code = lineCodes.values().stream().filter(c -> Names.same(c.name(), wanted)).findFirst().orElse(null);
        }
        if (code == null) {
            throw InputException.at(lineCodeProp.loc().name(), lineCodeProp.loc().line(), lineCodeProp.field(),
                    "a defined LineCode, but '" + lineCode + "' is not defined");
        }
        if (metersPerUnit == null) {
            // OpenDSS: a line without units has its length in the unit of its line code.
            metersPerUnit = lineCodeUnits.get(Names.key(code.name()));
        }
        return new Line(def.name, bus1, bus2, phases != null ? phases : code.phases(), code.name(),
                length * metersPerUnit, 0);
    }

    private Load buildLoad(ElementDef def) {
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
        for (Prop p : def.props) {
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
        requirePresent(def, "bus1", bus);
        int phase = nodes.isEmpty() ? 1 : nodes.get(0);
        if (phase < 1 || phase > 3) {
            Prop p = def.prop("bus1");
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

    private Transformer buildTransformer(ElementDef def) {
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
        for (Prop p : def.props) {
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

    private LoadShapeRef buildLoadShape(ElementDef def) {
        int points = 0;
        double intervalInHours = 1;
        String fileRef = null;
        DssSource file = null;
        List<Double> inline = List.of();
        boolean useActual = false;
        for (Prop p : def.props) {
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

    // ---- value parsing ---------------------------------------------------------------------------------------

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static void requirePresent(ElementDef def, String field, String value) {
        if (value == null || value.isBlank()) {
            throw InputException.at(def.defined.name(), def.defined.line(), field,
                    "a " + field + " on " + def.spec.name() + "." + def.name);
        }
    }

    /** A bus name without its {@code .node} suffix. */
    private static String busName(Prop p) {
        String bus = stripNodes(p.value());
        if (bus.isEmpty()) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "a bus name, got '" + p.value() + "'");
        }
        return bus;
    }

    private static String stripNodes(String busWithNodes) {
        int dot = busWithNodes.indexOf('.');
        return dot < 0 ? busWithNodes : busWithNodes.substring(0, dot);
    }

    private static List<Integer> nodes(Prop p) {
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

    private static double number(Prop p) {
        return number(p.loc(), p.field(), p.value());
    }

    private static double number(Loc loc, String field, String text) {
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

    private static double nonNegative(Prop p) {
        double v = number(p);
        if (v < 0) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "a number >= 0, got " + p.value());
        }
        return v;
    }

    private static double positive(Prop p) {
        return positive(p.loc(), p.field(), p.value());
    }

    private static double positive(Loc loc, String field, String text) {
        double v = number(loc, field, text);
        if (v <= 0) {
            throw InputException.at(loc.name(), loc.line(), field, "a number > 0, got " + text);
        }
        return v;
    }

    private static int integer(Prop p) {
        double v = number(p);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "an integer, got '" + p.value() + "'");
        }
        return (int) v;
    }

    private static int phaseCount(Prop p) {
        int n = integer(p);
        if (n < 1 || n > 4) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "a phase count 1..4, got " + p.value());
        }
        return n;
    }

    private static List<Double> numbers(Prop p) {
        List<Double> values = new ArrayList<>();
        for (String item : DssCommandLine.arrayItems(p.value())) {
            values.add(number(p.loc(), p.field(), item));
        }
        return values;
    }

    private static List<String> items(Prop p, int expected) {
        List<String> items = DssCommandLine.arrayItems(p.value());
        if (items.size() != expected) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                    expected + " values, one per winding, got '" + p.value() + "'");
        }
        return items;
    }

    private static void fill(Prop p, int expected, double[] target, boolean positive) {
        List<String> items = items(p, expected);
        for (int i = 0; i < items.size(); i++) {
            target[i] = positive ? positive(p.loc(), p.field(), items.get(i)) : number(p.loc(), p.field(), items.get(i));
            if (target[i] < 0) {
                throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "values >= 0, got " + p.value());
            }
        }
    }

    private static void unitTap(Prop p, String text) {
        // Off-nominal taps shift the LV voltage; the model has no tap field, so refuse rather than drop it.
        if (Math.abs(number(p.loc(), p.field(), text) - 1) > 1e-9) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                    "tap 1.0 (off-nominal taps are not supported), got " + text);
        }
    }

    private static Transformer.Connection connection(Prop p, String text) {
        try {
            return Transformer.Connection.parse(text);
        } catch (IllegalArgumentException e) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(), "wye or delta, got '" + text + "'");
        }
    }

    private static boolean bool(Prop p) {
        return switch (Names.key(p.value())) {
            case "y", "yes", "t", "true" -> true;
            case "n", "no", "f", "false" -> false;
            default -> throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                    "yes or no, got '" + p.value() + "'");
        };
    }

    private static double units(Prop p) {
        Double m = METERS_PER_UNIT.get(Names.key(p.value()));
        if (m == null) {
            throw InputException.at(p.loc().name(), p.loc().line(), p.field(),
                    "a length unit (m, km, ft, mi, kft, in, cm, mm), got '" + p.value() + "'");
        }
        return m;
    }

    // ---- internal types --------------------------------------------------------------------------------------

    private static void register(ClassSpec spec) {
        CLASSES.put(spec.key(), spec);
    }

    /** What the reader knows about one OpenDSS class; all property names lower case. */
    private record ClassSpec(String name, List<String> positional, Set<String> supported, Set<String> ignored) {
        String key() {
            return Names.key(name);
        }
    }

    /** A place in an input file. */
    private record Loc(DssSource source, int line) {
        String name() {
            return source.displayName();
        }

        @Override
        public String toString() {
            return source.displayName() + ":" + line;
        }
    }

    /** One property assignment: canonical lower-case name, the spelling used in the file, value, where. */
    private record Prop(String name, String field, String value, Loc loc) {
    }

    /** An element being defined: its assignments in order, interpreted when the network is built. */
    private static final class ElementDef {
        final ClassSpec spec;
        final String name;
        final Loc defined;
        final List<Prop> props = new ArrayList<>();
        int nextPositional;
        /** The spelling of the last named property, once there is one; positional values may only come before. */
        String lastNamedField;

        ElementDef(ClassSpec spec, String name, Loc defined) {
            this.spec = spec;
            this.name = name;
            this.defined = defined;
        }

        /** The last assignment of a property (the one in force). */
        Prop prop(String name) {
            for (int i = props.size() - 1; i >= 0; i--) {
                if (props.get(i).name().equals(name)) {
                    return props.get(i);
                }
            }
            return null;
        }
    }
}
