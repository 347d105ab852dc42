package org.openlfa.model.asset;

import static org.openlfa.core.TimeGrid.MINUTES_PER_DAY;
import static org.openlfa.core.yaml.YamlReader.allowOnly;
import static org.openlfa.core.yaml.YamlReader.bool;
import static org.openlfa.core.yaml.YamlReader.enumValue;
import static org.openlfa.core.yaml.YamlReader.errorAt;
import static org.openlfa.core.yaml.YamlReader.fieldPath;
import static org.openlfa.core.yaml.YamlReader.itemMap;
import static org.openlfa.core.yaml.YamlReader.list;
import static org.openlfa.core.yaml.YamlReader.map;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openlfa.core.InputException;
import org.openlfa.core.yaml.YamlReader;
import org.openlfa.core.yaml.YamlTree;
import org.openlfa.core.yaml.YamlTree.ListNode;
import org.openlfa.core.yaml.YamlTree.MapNode;
import org.openlfa.model.profile.ProfileKind;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.HeatPumpSpec;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.model.scenario.WetApplianceSpec;

/**
 * Reads one real home's devices from a YAML file, for an energy box ({@code lfa agent cems --devices FILE}) that
 * runs a home of its own instead of a home of the reference study. Every error is an {@link InputException} naming
 * the file, the line and the key path, and saying what is expected.
 *
 * <pre>{@code
 * HomeAssets home = HomeAssetsFile.read(Path.of("home-devices.yaml"));   // built-in catalogue and profile pools
 * HomeAssets mine = HomeAssetsFile.read(Path.of("home-devices.yaml"),
 *         ScenarioLoader.loadBuiltInCatalogue(), ProfileLibraries.fromFolder(Path.of("my-profiles")));
 * }</pre>
 *
 * <p>The keys are the field names of the asset records ({@link HomeAssets}, {@link PvSystem}, {@link Battery},
 * {@link ElectricVehicle}, {@link HeatPump}, {@link WetAppliance}); only {@code loadProfileIndex} is required:
 *
 * <pre>{@code
 * loadProfileIndex: 12          # household-load pool, 0..N-1
 * loadShiftInMinutes: 0         # optional, -30..30, default 0
 * smart: true                   # optional, default true
 * pv: {peakPowerInKwp: 4.0, profileIndex: 3}
 * battery: {capacityInKwh: 10.0, maxPowerInKw: 5.0}        # + roundTripEfficiency, minSocFraction, maxSocFraction
 * ev: {profileIndex: 7, maxChargePowerInKw: 7.0}
 * heatPump: {profileIndex: 2, maxElectricPowerInKw: 3.0}   # + copRatio, thermal*, setpointInCelsius, comfort*
 * wetAppliances:
 *   - {type: WASHING_MACHINE, preferredStartMinute: "19:00", maxDelayInMinutes: 240}   # + cycle
 * }</pre>
 *
 * <p>A device's rating (what its nameplate or datasheet says) must be given; the parameters an owner does not know
 * (battery efficiency and state-of-charge window, the heat pump's COP and the home's thermal model, a wet
 * appliance's cycle and allowed delay) default to the {@link AssetCatalogue}. Profile indices are checked against the
 * pool sizes of the given {@link ProfileLibrary}. See docs/scenarios.md, "A home from a file".
 */
public final class HomeAssetsFile {

    /**
     * The largest load shift either way; the same bound as the study's own homes get (sim's
     * {@code AssetAssigner.MAX_LOAD_SHIFT_IN_MINUTES}, which this module cannot see).
     */
    public static final int MAX_LOAD_SHIFT_IN_MINUTES = 30;

    private static final List<String> TOP_KEYS = List.of("loadProfileIndex", "loadShiftInMinutes", "smart", "pv",
            "battery", "ev", "heatPump", "wetAppliances");
    private static final List<String> PV_KEYS = List.of("peakPowerInKwp", "profileIndex");
    private static final List<String> BATTERY_KEYS = List.of("capacityInKwh", "maxPowerInKw", "roundTripEfficiency",
            "minSocFraction", "maxSocFraction");
    private static final List<String> EV_KEYS = List.of("profileIndex", "maxChargePowerInKw");
    private static final List<String> HEAT_PUMP_KEYS = List.of("profileIndex", "maxElectricPowerInKw", "copRatio",
            "thermalCapacityInKwhPerKelvin", "thermalResistanceInKelvinPerKw", "setpointInCelsius",
            "comfortToleranceInKelvin");
    private static final List<String> WET_KEYS = List.of("type", "preferredStartMinute", "maxDelayInMinutes", "cycle");
    private static final List<String> PHASE_KEYS = List.of("durationInMinutes", "powerInKw");

    // Plausibility bounds, so that a slip (0.28 for a COP of 2.8, 200 for a set-point of 20.0) is caught here rather
    // than turned into a strange schedule. Assumptions, wide enough for any domestic heat pump.
    private static final double MIN_COP = 1;
    private static final double MAX_COP = 10;
    private static final double MIN_SETPOINT_IN_CELSIUS = 5;
    private static final double MAX_SETPOINT_IN_CELSIUS = 30;
    private static final double MAX_COMFORT_TOLERANCE_IN_KELVIN = 5;

    private HomeAssetsFile() {
    }

    /** Reads a device file with the built-in asset catalogue and profile pools. */
    public static HomeAssets read(Path file) {
        return read(file, ScenarioLoader.loadBuiltInCatalogue(), ProfileLibrary.builtIn());
    }

    /**
     * Reads a device file.
     *
     * @param catalogue where the parameters the file leaves out come from
     * @param profiles  the pools the file's profile indices point into (their sizes bound the indices)
     * @throws InputException if the file is missing, malformed or a field is wrong
     */
    public static HomeAssets read(Path file, AssetCatalogue catalogue, ProfileLibrary profiles) {
        return readRoot(YamlTree.parse(file.toString(), open(file)), catalogue, profiles);
    }

    /** Parses a device file's text, with the built-in catalogue and pools; {@code sourceName} is used in errors. */
    public static HomeAssets parse(String yamlText, String sourceName) {
        return parse(yamlText, sourceName, ScenarioLoader.loadBuiltInCatalogue(), ProfileLibrary.builtIn());
    }

    /** Parses a device file's text; {@code sourceName} is used in errors. */
    public static HomeAssets parse(String yamlText, String sourceName, AssetCatalogue catalogue,
                                   ProfileLibrary profiles) {
        InputStream in = new ByteArrayInputStream(yamlText.getBytes(StandardCharsets.UTF_8));
        return readRoot(YamlTree.parse(sourceName, in), catalogue, profiles);
    }

    private static HomeAssets readRoot(MapNode root, AssetCatalogue catalogue, ProfileLibrary profiles) {
        allowOnly(root, "", TOP_KEYS);
        YamlReader r = readerFor(root);
        int loadProfile = profileIndex(r, root, "", "loadProfileIndex", profiles, ProfileKind.HOUSEHOLD_LOAD);
        int shift = root.entries().containsKey("loadShiftInMinutes")
                ? r.wholeNumber(root, "", "loadShiftInMinutes", -MAX_LOAD_SHIFT_IN_MINUTES, MAX_LOAD_SHIFT_IN_MINUTES,
                        "min")
                : 0;
        boolean smart = bool(root, "", "smart", true);
        Optional<PvSystem> pv = optionalMap(root, "pv").map(m -> readPv(r, m, profiles));
        Optional<Battery> battery = optionalMap(root, "battery").map(m -> readBattery(r, m, catalogue.battery()));
        Optional<ElectricVehicle> ev = optionalMap(root, "ev").map(m -> readEv(r, m, profiles));
        Optional<HeatPump> heatPump = optionalMap(root, "heatPump")
                .map(m -> readHeatPump(r, m, catalogue.heatPump(), profiles));
        List<WetAppliance> wet = root.entries().containsKey("wetAppliances")
                ? readWetAppliances(r, list(root, "", "wetAppliances"), catalogue)
                : List.of();
        return new HomeAssets(loadProfile, shift, pv, battery, ev, heatPump, wet, smart);
    }

    /**
     * A device file describes one real home: its figures are the owner's own, so the file itself is their source,
     * and the owner is not asked to write the {@code sources:} map the study's input files have.
     */
    private static YamlReader readerFor(MapNode root) {
        return YamlReader.withOneSource(root, "the home's own device file " + root.source());
    }

    private static PvSystem readPv(YamlReader r, MapNode m, ProfileLibrary profiles) {
        allowOnly(m, "pv", PV_KEYS);
        return new PvSystem(r.positive(m, "pv", "peakPowerInKwp", "kWp"),
                profileIndex(r, m, "pv", "profileIndex", profiles, ProfileKind.PV_PER_KWP));
    }

    private static Battery readBattery(YamlReader r, MapNode m, Battery typical) {
        String path = "battery";
        allowOnly(m, path, BATTERY_KEYS);
        double capacity = r.positive(m, path, "capacityInKwh", "kWh");
        double power = r.positive(m, path, "maxPowerInKw", "kW");
        double efficiency = typical.roundTripEfficiency();
        if (m.entries().containsKey("roundTripEfficiency")) {
            efficiency = r.share(m, path, "roundTripEfficiency");
            if (efficiency == 0) {
                throw errorAt(m, path, "roundTripEfficiency", "an efficiency above 0 and at most 1, got 0");
            }
        }
        double minSoc = m.entries().containsKey("minSocFraction") ? r.share(m, path, "minSocFraction")
                : typical.minSocFraction();
        double maxSoc = m.entries().containsKey("maxSocFraction") ? r.share(m, path, "maxSocFraction")
                : typical.maxSocFraction();
        if (!(minSoc < maxSoc)) {
            // Point at the key the user wrote; one side may be the catalogue's default.
            boolean maxGiven = m.entries().containsKey("maxSocFraction");
            throw errorAt(m, path, maxGiven ? "maxSocFraction" : "minSocFraction",
                    "minSocFraction below maxSocFraction, got " + minSoc + " and " + maxSoc
                            + (maxGiven && m.entries().containsKey("minSocFraction") ? "" : " (the other one is the "
                            + "catalogue's default)"));
        }
        return new Battery(capacity, power, efficiency, minSoc, maxSoc);
    }

    private static ElectricVehicle readEv(YamlReader r, MapNode m, ProfileLibrary profiles) {
        allowOnly(m, "ev", EV_KEYS);
        return new ElectricVehicle(profileIndex(r, m, "ev", "profileIndex", profiles, ProfileKind.EV_CHARGING),
                r.positive(m, "ev", "maxChargePowerInKw", "kW"));
    }

    private static HeatPump readHeatPump(YamlReader r, MapNode m, HeatPumpSpec typical, ProfileLibrary profiles) {
        String path = "heatPump";
        allowOnly(m, path, HEAT_PUMP_KEYS);
        int profile = profileIndex(r, m, path, "profileIndex", profiles, ProfileKind.HEAT_PUMP);
        double power = r.positive(m, path, "maxElectricPowerInKw", "kW");
        double cop = inRange(r, m, path, "copRatio", MIN_COP, MAX_COP, "a coefficient of performance", "ratio",
                typical.copRatio());
        double capacity = m.entries().containsKey("thermalCapacityInKwhPerKelvin")
                ? r.positive(m, path, "thermalCapacityInKwhPerKelvin", "kWh/K")
                : typical.thermalCapacityInKwhPerKelvin();
        double resistance = m.entries().containsKey("thermalResistanceInKelvinPerKw")
                ? r.positive(m, path, "thermalResistanceInKelvinPerKw", "K/kW")
                : typical.thermalResistanceInKelvinPerKw();
        double setpoint = inRange(r, m, path, "setpointInCelsius", MIN_SETPOINT_IN_CELSIUS, MAX_SETPOINT_IN_CELSIUS,
                "an indoor set-point in °C", "°C", typical.setpointInCelsius());
        double tolerance = inRange(r, m, path, "comfortToleranceInKelvin", 0, MAX_COMFORT_TOLERANCE_IN_KELVIN,
                "a deviation either side of the set-point in K", "K", typical.comfortToleranceInKelvin());
        return new HeatPump(profile, power, cop, capacity, resistance, setpoint, tolerance);
    }

    private static List<WetAppliance> readWetAppliances(YamlReader r, ListNode list, AssetCatalogue catalogue) {
        List<WetAppliance> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "wetAppliances[" + i + "]";
            MapNode item = itemMap(list.items().get(i), path);
            allowOnly(item, path, WET_KEYS);
            WetApplianceType type = enumValue(item, path, "type", WetApplianceType.class);
            Optional<WetApplianceSpec> typical = catalogue.wetAppliance(type);
            int start = r.minuteOfDay(item, path, "preferredStartMinute", MINUTES_PER_DAY - 1);
            int delay;
            if (item.entries().containsKey("maxDelayInMinutes")) {
                delay = r.wholeNumber(item, path, "maxDelayInMinutes", 0, MINUTES_PER_DAY, "min");
            } else {
                delay = typical.orElseThrow(() -> noCatalogueEntry(item, path, "maxDelayInMinutes", type,
                        catalogue)).maxDelayInMinutes();
            }
            List<CyclePhase> cycle;
            if (item.entries().containsKey("cycle")) {
                cycle = readCycle(r, list(item, path, "cycle"), fieldPath(path, "cycle"));
            } else {
                cycle = typical.orElseThrow(() -> noCatalogueEntry(item, path, "cycle", type, catalogue)).cycle();
            }
            out.add(new WetAppliance(type, cycle, start, delay));
        }
        return out;
    }

    private static List<CyclePhase> readCycle(YamlReader r, ListNode list, String path) {
        if (list.items().isEmpty()) {
            throw InputException.at(list.source(), list.line(), path,
                    "at least one phase {durationInMinutes, powerInKw}, or no 'cycle' for the catalogue's");
        }
        List<CyclePhase> cycle = new ArrayList<>();
        for (int k = 0; k < list.items().size(); k++) {
            String phasePath = path + "[" + k + "]";
            MapNode phase = itemMap(list.items().get(k), phasePath);
            allowOnly(phase, phasePath, PHASE_KEYS);
            cycle.add(new CyclePhase(r.wholeNumber(phase, phasePath, "durationInMinutes", 1, MINUTES_PER_DAY, "min"),
                    r.nonNegative(phase, phasePath, "powerInKw", "kW")));
        }
        return cycle;
    }

    private static InputException noCatalogueEntry(MapNode item, String path, String key, WetApplianceType type,
                                                   AssetCatalogue catalogue) {
        return InputException.at(item.source(), item.line(), fieldPath(path, key), "a '" + key + "' for this "
                + type + ": the asset catalogue " + catalogue.sourceFile() + " has no " + type + " to take it from");
    }

    /**
     * An index into a profile pool. Checked here against the pool's size so that a wrong index is reported with the
     * file's line, not found later as an IndexOutOfBoundsException inside the energy box's day planning.
     */
    private static int profileIndex(YamlReader r, MapNode m, String path, String key, ProfileLibrary profiles,
                                    ProfileKind kind) {
        double value = r.number(m, path, key, "index");
        int size = profiles.poolSize(kind);
        if (value != Math.rint(value) || value < 0 || value >= size) {
            throw errorAt(m, path, key, "an index into the " + poolName(kind) + " pool of " + size
                    + " profiles: a whole number from 0 to " + (size - 1) + ", got " + plain(value));
        }
        return (int) value;
    }

    private static String poolName(ProfileKind kind) {
        return switch (kind) {
            case HOUSEHOLD_LOAD -> "household load";
            case PV_PER_KWP -> "PV";
            case EV_CHARGING -> "EV charging";
            case HEAT_PUMP -> "heat pump";
        };
    }

    /** An optional number in {@code [min, max]}; {@code absent} (the catalogue's figure) when the key is not there. */
    private static double inRange(YamlReader r, MapNode m, String path, String key, double min, double max,
                                  String what, String unit, double absent) {
        if (!m.entries().containsKey(key)) {
            return absent;
        }
        double value = r.number(m, path, key, unit);
        if (!(value >= min && value <= max)) {
            throw errorAt(m, path, key, what + " from " + plain(min) + " to " + plain(max) + ", got "
                    + plain(value));
        }
        return value;
    }

    private static Optional<MapNode> optionalMap(MapNode root, String key) {
        return root.entries().containsKey(key) ? Optional.of(map(root, "", key)) : Optional.empty();
    }

    /** A number as a user would write it: 12 rather than 12.0. */
    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw InputException.in(file, "file", "an existing device file; there is none at this path");
        } catch (IOException e) {
            throw InputException.in(file, "file", "a readable device file: " + e.getMessage());
        }
    }
}
