package org.openlfa.grid.opendss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlfa.grid.Line;
import org.openlfa.grid.LineCode;
import org.openlfa.grid.Load;
import org.openlfa.grid.LoadShapeRef;
import org.openlfa.grid.Names;
import org.openlfa.grid.Transformer;
import org.openlfa.grid.VoltageSource;

/**
 * The class table: which OpenDSS classes the reader knows, which of their properties it reads, ignores or
 * refuses, and which {@link ElementBuilder} builds each. Elements of any class not in this table (monitors, energy
 * meters, capacitors, ...) are skipped by the interpreter with a debug log.
 */
final class DssClasses {

    static final DssClass<VoltageSource> VSOURCE = new DssClass<>("Vsource",
            List.of("bus1", "basekv", "pu", "angle", "frequency", "phases", "mvasc3", "mvasc1", "x1r1", "x0r0",
                    "isc3", "isc1", "r1", "x1", "r0", "x0"),
            Set.of("bus1", "basekv", "pu", "angle", "mvasc3", "mvasc1", "isc3", "isc1", "r1", "x1", "r0", "x0"),
            Set.of("frequency", "phases", "scantype", "sequence", "basemva", "yearly", "daily", "duty", "model",
                    "puzideal", "spectrum", "basefreq", "enabled"),
            Set.of("z1", "z2", "z0", "puz1", "puz2", "puz0", "bus2"),
            true, new VoltageSourceBuilder());

    static final DssClass<LineCode> LINECODE = new DssClass<>("LineCode",
            List.of("nphases", "r1", "x1", "r0", "x0", "c1", "c0", "units", "rmatrix", "xmatrix", "cmatrix",
                    "basefreq", "normamps", "emergamps", "faultrate", "pctperm", "repair"),
            Set.of("nphases", "r1", "x1", "r0", "x0", "c1", "c0", "units", "rmatrix", "xmatrix", "cmatrix",
                    "normamps", "emergamps"),
            Set.of("basefreq", "faultrate", "pctperm", "repair", "rg", "xg", "rho", "linetype", "seasons",
                    "ratings", "like"),
            Set.of("kron", "neutral", "b1", "b0"),
            true, new LineCodeBuilder());

    static final DssClass<Line> LINE = new DssClass<>("Line",
            List.of("bus1", "bus2", "linecode", "length", "phases", "r1", "x1", "r0", "x0", "c1", "c0", "rmatrix",
                    "xmatrix", "cmatrix", "switch", "rg", "xg", "rho", "geometry", "units"),
            Set.of("bus1", "bus2", "linecode", "length", "phases", "units", "enabled"),
            Set.of("normamps", "emergamps", "faultrate", "pctperm", "repair", "basefreq", "rg", "xg", "rho",
                    "earthmodel", "seasons", "ratings", "linetype"),
            Set.of("switch", "spacing", "wires", "cncables", "tscables", "b1", "b0"),
            false, new LineBuilder());

    static final DssClass<Load> LOAD = new DssClass<>("Load",
            List.of("phases", "bus1", "kv", "kw", "pf", "model", "yearly", "daily", "duty", "growth", "conn",
                    "kvar"),
            Set.of("phases", "bus1", "kv", "kw", "pf", "model", "yearly", "daily", "conn", "kvar", "enabled"),
            Set.of("duty", "growth", "status", "class", "vminpu", "vmaxpu", "vminnorm", "vminemerg", "numcust",
                    "relweight", "vlowpu", "spectrum", "basefreq", "rneut", "xneut", "%mean", "%stddev",
                    "cvrwatts", "cvrvars", "puxharm", "xrharm"),
            Set.of("kva", "xfkva", "allocationfactor", "kwh", "kwhdays", "cfactor", "zipv", "%seriesrl",
                    "cvrcurve"),
            false, new LoadBuilder());

    static final DssClass<Transformer> TRANSFORMER = new DssClass<>("Transformer",
            List.of("phases", "windings", "wdg", "bus", "conn", "kv", "kva", "tap", "%r", "rneut", "xneut",
                    "buses", "conns", "kvs", "kvas", "taps", "xhl", "xht", "xlt"),
            Set.of("phases", "windings", "wdg", "bus", "conn", "kv", "kva", "tap", "%r", "buses", "conns", "kvs",
                    "kvas", "taps", "xhl", "x12", "%rs", "%loadloss", "sub", "enabled"),
            Set.of("rneut", "xneut", "xht", "xlt", "x13", "x23", "thermal", "n", "m", "flrise", "hsrise",
                    "%noloadloss", "%imag", "normhkva", "emerghkva", "maxtap", "mintap", "numtaps", "subname",
                    "ppm_antifloat", "bank", "basefreq", "faultrate", "xrconst", "leadlag", "seasons", "ratings"),
            Set.of("xfmrcode", "xscarray"),
            false, new TransformerBuilder());

    static final DssClass<LoadShapeRef> LOADSHAPE = new DssClass<>("LoadShape",
            List.of("npts", "interval", "mult", "hour", "mean", "stddev", "csvfile", "sngfile", "dblfile",
                    "action", "qmult", "useactual", "pmax", "qmax", "sinterval", "minterval"),
            Set.of("npts", "interval", "mult", "csvfile", "useactual", "sinterval", "minterval"),
            Set.of("mean", "stddev", "qmult", "pmax", "qmax", "pbase", "qbase", "memorymapping",
                    "interpolation", "like"),
            Set.of("hour", "sngfile", "dblfile", "pqcsvfile", "action"),
            true, new LoadShapeBuilder());

    /** The known classes by {@link DssClass#key()}. */
    private static final Map<String, DssClass<?>> BY_KEY = new LinkedHashMap<>();

    static {
        for (DssClass<?> c : List.of(VSOURCE, LINECODE, LINE, LOAD, TRANSFORMER, LOADSHAPE)) {
            BY_KEY.put(c.key(), c);
        }
    }

    private DssClasses() {
    }

    /** The class of that name (ignoring case), or {@code null} for a class the reader does not model. */
    static DssClass<?> find(String className) {
        return BY_KEY.get(Names.key(className));
    }

    /** All known classes. */
    static Iterable<DssClass<?>> all() {
        return BY_KEY.values();
    }
}
