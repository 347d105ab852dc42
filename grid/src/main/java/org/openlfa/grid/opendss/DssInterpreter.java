package org.openlfa.grid.opendss;

import static org.openlfa.grid.opendss.DssValues.number;
import static org.openlfa.grid.opendss.DssValues.positive;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openlfa.core.InputException;
import org.openlfa.grid.BusCoordinate;
import org.openlfa.grid.DssSource;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command interpreter: reads OpenDSS script files line by line (comments, {@code ~}/{@code More}
 * continuations), runs {@code New}, {@code Edit}, {@code BatchEdit}, {@code Redirect}, {@code Compile},
 * {@code Set}, {@code Buscoords} and {@code Clear}, and records each element's property assignments against the
 * class table ({@code DssClasses}); {@code NetworkAssembler} then builds the network from them. Solution and report
 * commands are skipped; topology commands ({@code Open}, {@code Disable}, ...) and unknown commands are refused.
 *
 * <p>Callers normally use {@link org.openlfa.grid.OpenDssReader}, which delegates here:
 *
 * <pre>{@code
 * LvNetwork feeder = DssInterpreter.read(DssSource.of(Path.of("network_22/Feeder_1/Master.dss")));
 * Map<String, BusCoordinate> xy = DssInterpreter.readBusCoordinates(DssSource.of(Path.of("XY_Position.csv")));
 * }</pre>
 */
public final class DssInterpreter {

    private static final Logger LOG = LoggerFactory.getLogger(DssInterpreter.class);

    /** OpenDSS's own default, used when no {@code Set DefaultBaseFrequency} is given. */
    static final double OPENDSS_DEFAULT_FREQUENCY_IN_HERTZ = 60.0;

    private static final int MAX_REDIRECT_DEPTH = 32;

    /** Commands that do not change the network model. */
    private static final Set<String> IGNORED_COMMANDS = Set.of("solve", "calcvoltagebases", "calcv", "show", "plot",
            "export", "sample", "reset", "help", "closedi", "cleanup", "makebuslist", "latlongcoords", "visualize",
            "summary", "totals", "interpolate", "init", "dump", "vdiffs", "zsc", "zsc10", "zscrefresh", "nodelist",
            "currents", "powers", "voltages", "losses", "phaselosses", "seqvoltages", "seqcurrents", "seqpowers",
            "capacity", "get", "about", "var", "cd", "save", "fileedit", "guids", "uuids", "clearbusmarkers",
            "buildy", "aligntime", "topscript", "reprocessbuses", "setloadandgenkv", "allocateloads", "estimate",
            "relcalc", "nodediff", "sysvoltages", "phasevoltages");

    /** The element that a {@code ~} line continues after an element of an unsupported class: nothing. */
    private static final ElementDefinition SKIPPED = new ElementDefinition(null, "", null);

    // ---- state of one read -----------------------------------------------------------------------------------

    private String circuitName;
    private double frequencyInHertz = OPENDSS_DEFAULT_FREQUENCY_IN_HERTZ;
    private boolean frequencySet;
    /** Definitions by class key, then by element name key, in file order. */
    private final Map<String, Map<String, ElementDefinition>> elements = new HashMap<>();
    private final Map<String, BusCoordinate> coordinates = new LinkedHashMap<>();
    /** The element that a {@code ~} line continues; {@link #SKIPPED} after an element of an unsupported class. */
    private ElementDefinition last;
    private final List<String> includeStack = new ArrayList<>();

    private DssInterpreter() {
        DssClasses.all().forEach(c -> elements.put(c.key(), new LinkedHashMap<>()));
    }

    /**
     * Reads a network from a master file on disk or on the class path and the files it redirects to.
     *
     * <pre>{@code
     * LvNetwork ieee = DssInterpreter.read(DssSource.of(Path.of("ieee-european-lv-test-feeder/opendss/Master.dss")));
     * }</pre>
     *
     * @throws InputException naming file, line and field for anything malformed, unknown or inconsistent
     */
    public static LvNetwork read(DssSource masterFile) {
        if (!masterFile.exists()) {
            throw InputException.in(masterFile.displayName(), "file", "an existing OpenDSS master file");
        }
        DssInterpreter interpreter = new DssInterpreter();
        interpreter.readFile(masterFile);
        return NetworkAssembler.assemble(masterFile, interpreter.circuitName, interpreter.frequencyInHertz,
                interpreter.frequencySet, interpreter.elements, interpreter.coordinates);
    }

    /**
     * Reads a {@code Buscoords} file: one bus a line, {@code bus,x,y} or {@code bus x y}; lookup ignores case.
     *
     * <pre>{@code
     * BusCoordinate b = DssInterpreter.readBusCoordinates(DssSource.of(Path.of("XY_Position.csv"))).get("34");
     * }</pre>
     *
     * @throws InputException for a missing file or a malformed line
     */
    public static Map<String, BusCoordinate> readBusCoordinates(DssSource file) {
        DssInterpreter interpreter = new DssInterpreter();
        interpreter.readCoordinates(file);
        return Names.caseInsensitiveCopy(interpreter.coordinates);
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
                    command(new DssLocation(file, lineNo), line);
                }
            }
        } catch (IOException e) {
            throw InputException.at(file.displayName(), 0, "file", "a readable file: " + e.getMessage(), e);
        } finally {
            includeStack.remove(includeStack.size() - 1);
        }
    }

    private void command(DssLocation loc, String line) {
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

    private void newElement(DssLocation loc, List<DssCommandLine.Param> args) {
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
            ElementDefinition source = new ElementDefinition(DssClasses.VSOURCE, "Source", loc);
            elements.get(DssClasses.VSOURCE.key()).put("source", source);
            applyProps(source, loc, props);
            last = source;
            return;
        }
        DssClass<?> spec = DssClasses.find(className);
        if (spec == null) {
            LOG.debug("{}: skipping element {} (class not modelled)", loc, qualified);
            last = SKIPPED;
            return;
        }
        Map<String, ElementDefinition> ofClass = elements.get(spec.key());
        ElementDefinition previous = ofClass.get(Names.key(elementName));
        if (previous != null) {
            if (spec.redefinable()) {
                // OpenDSS redefines such a shared definition; the ENWL files repeat identical line codes.
                LOG.debug("{}: {} redefined (first at {})", loc, qualified, previous.defined);
            } else {
                throw InputException.at(loc.name(), loc.line(), spec.name() + "." + elementName,
                        "a unique " + spec.name() + " name; it was already defined at " + previous.defined);
            }
        }
        ElementDefinition def = new ElementDefinition(spec, elementName, loc);
        ofClass.put(Names.key(elementName), def);
        applyProps(def, loc, props);
        last = def;
    }

    private void editElement(DssLocation loc, List<DssCommandLine.Param> args) {
        if (args.isEmpty() || args.get(0).name() != null) {
            throw InputException.at(loc.name(), loc.line(), "Edit", "an element as Class.name after Edit");
        }
        String qualified = args.get(0).value();
        int dot = qualified.indexOf('.');
        if (dot <= 0) {
            throw InputException.at(loc.name(), loc.line(), "Edit", "an element as Class.name, got '" + qualified + "'");
        }
        DssClass<?> spec = DssClasses.find(qualified.substring(0, dot));
        if (spec == null) {
            LOG.debug("{}: skipping edit of {} (class not modelled)", loc, qualified);
            last = SKIPPED;
            return;
        }
        ElementDefinition def = elements.get(spec.key()).get(Names.key(qualified.substring(dot + 1)));
        if (def == null) {
            String hint = spec == DssClasses.VSOURCE ? " (Vsource.Source exists after 'New Circuit.<name>')" : "";
            throw InputException.at(loc.name(), loc.line(), qualified, "an element defined earlier with New" + hint);
        }
        applyProps(def, loc, args.subList(1, args.size()));
        last = def;
    }

    private void continueElement(DssLocation loc, List<DssCommandLine.Param> args) {
        if (last == null) {
            throw InputException.at(loc.name(), loc.line(), "~", "a New or Edit command before a continuation line");
        }
        if (last != SKIPPED) {
            applyProps(last, loc, args);
        }
    }

    /** Records the assignments of a command against the class table: named, positional, ignored or refused. */
    private static void applyProps(ElementDefinition def, DssLocation loc, List<DssCommandLine.Param> params) {
        DssClass<?> spec = def.spec;
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
                if (spec.positional().contains(name) || spec.knownUnsupported().contains(name)) {
                    throw InputException.at(loc.name(), loc.line(), field, "a " + spec.name()
                            + " property this reader supports; '" + field + "' changes the model but is not supported"
                            + " (supported: " + String.join(", ", new TreeSet<>(spec.supported())) + ")");
                }
                throw InputException.at(loc.name(), loc.line(), field, "a " + spec.name() + " property (one of "
                        + String.join(", ", new TreeSet<>(spec.supported())) + "), got '" + field + "'");
            }
            def.props.add(new DssProperty(name, field, p.value(), loc));
        }
    }

    private void redirect(DssLocation loc, String verb, List<DssCommandLine.Param> args) {
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

    private void set(DssLocation loc, List<DssCommandLine.Param> args) {
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

    private void busCoords(DssLocation loc, List<DssCommandLine.Param> args) {
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
                DssLocation loc = new DssLocation(file, lineNo);
                double x = number(loc, "x", parts[1]);
                double y = number(loc, "y", parts[2]);
                coordinates.put(Names.key(parts[0]), new BusCoordinate(parts[0], x, y));
            }
        } catch (IOException e) {
            throw InputException.at(file.displayName(), 0, "file", "a readable file: " + e.getMessage(), e);
        }
    }

    private void batchEdit(DssLocation loc, List<DssCommandLine.Param> args) {
        if (args.isEmpty() || args.get(0).name() != null || args.get(0).value().indexOf('.') <= 0) {
            throw InputException.at(loc.name(), loc.line(), "BatchEdit", "Class.pattern after BatchEdit");
        }
        String target = args.get(0).value();
        int dot = target.indexOf('.');
        DssClass<?> spec = DssClasses.find(target.substring(0, dot));
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
        for (ElementDefinition def : elements.get(spec.key()).values()) {
            if (pattern.matcher(def.name).matches()) {
                applyProps(def, loc, props);
            }
        }
    }
}
