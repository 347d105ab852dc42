package org.openlfa.model.scenario;

import static org.openlfa.core.TimeGrid.MINUTES_PER_DAY;
import static org.openlfa.core.yaml.YamlReader.allowOnly;
import static org.openlfa.core.yaml.YamlReader.bool;
import static org.openlfa.core.yaml.YamlReader.clock;
import static org.openlfa.core.yaml.YamlReader.enumValue;
import static org.openlfa.core.yaml.YamlReader.errorAt;
import static org.openlfa.core.yaml.YamlReader.fieldPath;
import static org.openlfa.core.yaml.YamlReader.itemMap;
import static org.openlfa.core.yaml.YamlReader.list;
import static org.openlfa.core.yaml.YamlReader.map;
import static org.openlfa.core.yaml.YamlReader.require;
import static org.openlfa.core.yaml.YamlReader.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openlfa.core.InputException;
import org.openlfa.core.Season;
import org.openlfa.model.asset.Battery;
import org.openlfa.model.asset.CyclePhase;
import org.openlfa.model.asset.WetApplianceType;
import org.openlfa.core.yaml.YamlReader;
import org.openlfa.core.yaml.YamlTree;
import org.openlfa.core.yaml.YamlTree.ListNode;
import org.openlfa.core.yaml.YamlTree.MapNode;
import org.openlfa.core.yaml.YamlTree.Node;
import org.openlfa.core.yaml.YamlTree.ScalarNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates scenario files and the asset catalogue: the twelve built-in scenarios shipped with OpenLFA,
 * or a user's own YAML file. Every error is an {@link InputException} that names the file, the line and the key path.
 *
 * <pre>{@code
 * for (String name : ScenarioLoader.builtInNames()) {
 *     Scenario s = ScenarioLoader.loadBuiltIn(name);
 * }
 * Scenario mine = ScenarioLoader.load(Path.of("my-scenario.yaml"));   // --scenario FILE
 * AssetCatalogue assets = ScenarioLoader.loadBuiltInCatalogue();
 * }</pre>
 *
 * <p>A scenario file may start from a pathway with {@code basedOn: 2030Green}: the keys of
 * {@code pathways/2030Green.yaml} (beside the file, else the built-in one) are read first and the file's own keys
 * override them, map by map. A file without {@code basedOn} must be complete on its own. See docs/scenarios.md.
 */
public final class ScenarioLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioLoader.class);

    private static final String RESOURCE_DIR = "org/openlfa/model/scenario/";
    private static final String CATALOGUE_RESOURCE = "assets.yaml";
    private static final Pattern BASE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private static final List<String> BUILT_IN_NAMES = List.of(
            "2020BAU-Low", "2020BAU-Medium", "2020BAU-High",
            "2020Green-Low", "2020Green-Medium", "2020Green-High",
            "2030BAU-Low", "2030BAU-Medium", "2030BAU-High",
            "2030Green-Low", "2030Green-Medium", "2030Green-High");

    /** The pathway files shipped for {@code basedOn:}. */
    private static final List<String> BUILT_IN_PATHWAYS = List.of("2020BAU", "2020Green", "2030BAU", "2030Green");

    private static final List<String> SCENARIO_KEYS = List.of("name", "basedOn", "horizonYear", "pathway",
            "smartLevel", "penetration", "importTariff", "exportTariff", "localMarketRule", "sources");
    private static final List<String> PENETRATION_KEYS = List.of("pvShare", "batteryShare", "evShare", "heatPumpShare",
            "smartShare");

    /** The three shapes of tariff, as written after {@code type:}. */
    private enum TariffType {
        /** One price all day: {@link Tariff.Flat}. */
        FLAT,
        /** Time-of-use bands: {@link Tariff.TimeOfUse}. */
        TIME_OF_USE,
        /** Follows the wholesale day-ahead price: {@link Tariff.Dynamic}. */
        DYNAMIC
    }

    private ScenarioLoader() {
    }

    /** The names of the twelve built-in scenarios, 2020BAU-Low first and 2030Green-High last. */
    public static List<String> builtInNames() {
        return BUILT_IN_NAMES;
    }

    /**
     * Loads a built-in scenario by name.
     *
     * @throws InputException if the name is not one of {@link #builtInNames()} (the message lists them)
     */
    public static Scenario loadBuiltIn(String name) {
        if (!BUILT_IN_NAMES.contains(name)) {
            throw InputException.in(String.valueOf(name), "scenario", "the name of a built-in scenario ("
                    + String.join(", ", BUILT_IN_NAMES) + ") or the path of a scenario file; '" + name
                    + "' is neither");
        }
        String resource = RESOURCE_DIR + name + ".yaml";
        MapNode root = YamlTree.parse(resource, openResource(resource));
        Scenario scenario = readScenario(root, null);
        if (!scenario.name().equals(name)) {
            throw InputException.at(resource, root.keyLines().getOrDefault("name", 1), "name",
                    "the built-in file's name to be '" + name + "', got '" + scenario.name() + "'");
        }
        return scenario;
    }

    /** Loads and validates a user's scenario file. */
    public static Scenario load(Path file) {
        MapNode root = YamlTree.parse(file.toString(), open(file));
        return readScenario(root, file.toAbsolutePath().getParent());
    }

    /** Loads the asset catalogue shipped with OpenLFA. */
    public static AssetCatalogue loadBuiltInCatalogue() {
        String resource = RESOURCE_DIR + CATALOGUE_RESOURCE;
        return readCatalogue(YamlTree.parse(resource, openResource(resource)));
    }

    /** Loads and validates a user's asset catalogue file. */
    public static AssetCatalogue loadCatalogue(Path file) {
        return readCatalogue(YamlTree.parse(file.toString(), open(file)));
    }

    // ---------------------------------------------------------------------------------------------- scenarios

    private static Scenario readScenario(MapNode fileRoot, Path userDir) {
        MapNode root = fileRoot;
        if (fileRoot.entries().containsKey("basedOn")) {
            root = YamlTree.merge(readBase(fileRoot, userDir), fileRoot);
        }
        allowOnly(root, "", SCENARIO_KEYS);
        YamlReader r = YamlReader.withSources(root);

        String name = text(root, "", "name");
        int horizonYear = horizonYear(root);
        Pathway pathway = enumValue(root, "", "pathway", Pathway.class);
        SmartLevel smartLevel = enumValue(root, "", "smartLevel", SmartLevel.class);

        MapNode pen = map(root, "", "penetration");
        allowOnly(pen, "penetration", PENETRATION_KEYS);
        AssetPenetration penetration = new AssetPenetration(
                r.share(pen, "penetration", "pvShare"),
                r.share(pen, "penetration", "batteryShare"),
                r.share(pen, "penetration", "evShare"),
                r.share(pen, "penetration", "heatPumpShare"),
                r.share(pen, "penetration", "smartShare"));

        Tariff importTariff = readTariff(r, root, "importTariff");
        Tariff exportTariff = readTariff(r, root, "exportTariff");
        LocalMarketRule rule = enumValue(root, "", "localMarketRule", LocalMarketRule.class);
        checkImportAboveExport(root, importTariff, exportTariff);

        Scenario scenario = new Scenario(name, horizonYear, pathway, smartLevel, penetration, importTariff,
                exportTariff, rule, r.sources(), fileRoot.source());
        LOG.debug("Loaded scenario {} from {}", name, fileRoot.source());
        return scenario;
    }

    /** The pathway file a {@code basedOn:} names: beside the user's file first, else the built-in one. */
    private static MapNode readBase(MapNode fileRoot, Path userDir) {
        String baseName = text(fileRoot, "", "basedOn");
        int line = fileRoot.keyLines().get("basedOn");
        if (!BASE_NAME.matcher(baseName).matches()) {
            throw InputException.at(fileRoot.source(), line, "basedOn",
                    "a pathway name made of letters, digits, '-' and '_', e.g. 2030Green; got '" + baseName + "'");
        }
        MapNode base;
        Path local = userDir == null ? null : userDir.resolve("pathways").resolve(baseName + ".yaml");
        if (local != null && Files.isRegularFile(local)) {
            base = YamlTree.parse(local.toString(), open(local));
        } else if (BUILT_IN_PATHWAYS.contains(baseName)) {
            String resource = RESOURCE_DIR + "pathways/" + baseName + ".yaml";
            base = YamlTree.parse(resource, openResource(resource));
        } else {
            throw InputException.at(fileRoot.source(), line, "basedOn", "a built-in pathway ("
                    + String.join(", ", BUILT_IN_PATHWAYS) + ") or a file pathways/" + baseName
                    + ".yaml beside the scenario file; found neither");
        }
        if (base.entries().containsKey("basedOn")) {
            // One level only: a chain of bases would make it hard to see where a figure comes from.
            throw InputException.at(base.source(), base.keyLines().get("basedOn"), "basedOn",
                    "no 'basedOn' in a pathway file (only a scenario file may name a base)");
        }
        return base;
    }

    private static int horizonYear(MapNode root) {
        Node node = require(root, "", "horizonYear");
        // The horizon names the scenario rather than measuring anything, so it needs no source.
        if (node instanceof ScalarNode s && s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
            int year = Integer.parseInt(s.text());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        }
        throw InputException.at(node.source(), node.line(), "horizonYear", "a year from 2000 to 2100, e.g. 2030");
    }

    private static Tariff readTariff(YamlReader r, MapNode root, String key) {
        MapNode t = map(root, "", key);
        TariffType type = enumValue(t, key, "type", TariffType.class);
        switch (type) {
            case FLAT -> {
                allowOnly(t, key, List.of("type", "priceInEurPerKwh"));
                return new Tariff.Flat(r.nonNegative(t, key, "priceInEurPerKwh", "EUR/kWh"));
            }
            case TIME_OF_USE -> {
                allowOnly(t, key, List.of("type", "bands"));
                return new Tariff.TimeOfUse(readBands(r, t, key));
            }
            default -> {
                allowOnly(t, key, List.of("type", "hourlyWholesaleInEurPerMwh", "multiplier", "adderInEurPerKwh",
                        "peakAdderInEurPerKwh", "peakFromMinute", "peakToMinute", "floorAtZero"));
                return readDynamic(r, t, key);
            }
        }
    }

    private static List<TouBand> readBands(YamlReader r, MapNode tariff, String path) {
        ListNode list = list(tariff, path, "bands");
        String listPath = fieldPath(path, "bands");
        if (list.items().isEmpty()) {
            throw InputException.at(list.source(), list.line(), listPath, "at least one band covering 00:00-24:00");
        }
        List<TouBand> bands = new ArrayList<>();
        int expectedFrom = 0;
        for (int i = 0; i < list.items().size(); i++) {
            String bandPath = listPath + "[" + i + "]";
            MapNode band = itemMap(list.items().get(i), bandPath);
            allowOnly(band, bandPath, List.of("fromMinute", "toMinute", "priceInEurPerKwh"));
            int from = r.minuteOfDay(band, bandPath, "fromMinute", MINUTES_PER_DAY - 1);
            if (from != expectedFrom) {
                String what = from > expectedFrom ? "a gap" : "an overlap";
                throw errorAt(band, bandPath, "fromMinute", "bands that cover the day in order without gap"
                        + " or overlap: this band starts at " + clock(from) + " but the previous one ends at "
                        + clock(expectedFrom) + " (" + what + ")");
            }
            int to = r.minuteOfDay(band, bandPath, "toMinute", MINUTES_PER_DAY);
            if (to <= from) {
                throw errorAt(band, bandPath, "toMinute", "an end after the band's start " + clock(from)
                        + ", got " + clock(to) + " (split a band that crosses midnight in two)");
            }
            double price = r.nonNegative(band, bandPath, "priceInEurPerKwh", "EUR/kWh");
            bands.add(new TouBand(from, to, price));
            expectedFrom = to;
        }
        if (expectedFrom != MINUTES_PER_DAY) {
            MapNode last = (MapNode) list.items().get(list.items().size() - 1);
            throw errorAt(last, listPath + "[" + (list.items().size() - 1) + "]", "toMinute",
                    "the last band to end at 24:00 (1440) so that the bands cover the day; it ends at "
                            + clock(expectedFrom) + " (a gap)");
        }
        return bands;
    }

    private static Tariff.Dynamic readDynamic(YamlReader r, MapNode t, String path) {
        MapNode shapes = map(t, path, "hourlyWholesaleInEurPerMwh");
        String shapesPath = fieldPath(path, "hourlyWholesaleInEurPerMwh");
        List<String> seasonNames = EnumSet.allOf(Season.class).stream().map(Enum::name).toList();
        allowOnly(shapes, shapesPath, seasonNames);
        Map<Season, List<Double>> hourly = new EnumMap<>(Season.class);
        for (Season season : Season.values()) {
            double[] prices = r.numbers(shapes, shapesPath, season.name(), Tariff.Dynamic.HOURS_PER_DAY, "EUR/MWh");
            hourly.put(season, Arrays.stream(prices).boxed().toList());
        }
        double multiplier = r.nonNegative(t, path, "multiplier", "factor");
        double adder = r.nonNegative(t, path, "adderInEurPerKwh", "EUR/kWh");
        double peakAdder = 0;
        int peakFrom = 0;
        int peakTo = 0;
        if (t.entries().containsKey("peakAdderInEurPerKwh")) {
            peakAdder = r.nonNegative(t, path, "peakAdderInEurPerKwh", "EUR/kWh");
            peakFrom = r.minuteOfDay(t, path, "peakFromMinute", MINUTES_PER_DAY - 1);
            peakTo = r.minuteOfDay(t, path, "peakToMinute", MINUTES_PER_DAY);
            if (peakTo <= peakFrom) {
                throw errorAt(t, path, "peakToMinute", "an end after the peak's start " + clock(peakFrom)
                        + ", got " + clock(peakTo));
            }
        } else if (t.entries().containsKey("peakFromMinute") || t.entries().containsKey("peakToMinute")) {
            throw InputException.at(t.source(), t.line(), fieldPath(path, "peakAdderInEurPerKwh"),
                    "a peak adder with the peak window (peakFromMinute/peakToMinute), or no window at all");
        }
        boolean floor = bool(t, path, "floorAtZero", false);
        return new Tariff.Dynamic(hourly, multiplier, adder, peakAdder, peakFrom, peakTo, floor);
    }

    /**
     * A home must never be paid more to export than it pays to import at the same moment, or the model would let it
     * buy and sell the same energy at a profit. Checked minute by minute, which covers every PTU length.
     */
    private static void checkImportAboveExport(MapNode root, Tariff importTariff, Tariff exportTariff) {
        for (Season season : Season.values()) {
            for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
                double buy = importTariff.priceAtMinuteInEurPerKwh(season, minute);
                double sell = exportTariff.priceAtMinuteInEurPerKwh(season, minute);
                if (!(buy > sell)) {
                    Node node = root.entries().get("importTariff");
                    throw InputException.at(node.source(), root.keyLines().get("importTariff"), "importTariff",
                            String.format(java.util.Locale.ROOT, "an import price above the export price in every"
                                    + " PTU; in %s at %s import is %.4f EUR/kWh and export %.4f EUR/kWh",
                                    season, clock(minute), buy, sell));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- catalogue

    private static AssetCatalogue readCatalogue(MapNode root) {
        allowOnly(root, "", List.of("pv", "battery", "evChargerPowerInKw", "heatPump", "wetAppliances", "sources"));
        YamlReader r = YamlReader.withSources(root);

        MapNode pv = map(root, "", "pv");
        allowOnly(pv, "pv", List.of("minPeakPowerInKwp", "maxPeakPowerInKwp"));
        double pvMin = r.positive(pv, "pv", "minPeakPowerInKwp", "kWp");
        double pvMax = r.positive(pv, "pv", "maxPeakPowerInKwp", "kWp");
        if (pvMax < pvMin) {
            throw errorAt(pv, "pv", "maxPeakPowerInKwp", "a maximum not below the minimum " + pvMin);
        }

        MapNode bat = map(root, "", "battery");
        allowOnly(bat, "battery", List.of("capacityInKwh", "maxPowerInKw", "roundTripEfficiency", "minSocFraction",
                "maxSocFraction"));
        double capacity = r.positive(bat, "battery", "capacityInKwh", "kWh");
        double power = r.positive(bat, "battery", "maxPowerInKw", "kW");
        double rte = r.share(bat, "battery", "roundTripEfficiency");
        if (rte == 0) {
            throw errorAt(bat, "battery", "roundTripEfficiency", "an efficiency above 0 and at most 1");
        }
        double minSoc = r.share(bat, "battery", "minSocFraction");
        double maxSoc = r.share(bat, "battery", "maxSocFraction");
        if (!(minSoc < maxSoc)) {
            throw errorAt(bat, "battery", "maxSocFraction", "a maximum above minSocFraction " + minSoc);
        }

        double evCharger = r.positive(root, "", "evChargerPowerInKw", "kW");

        MapNode hp = map(root, "", "heatPump");
        allowOnly(hp, "heatPump", List.of("maxElectricPowerInKw", "copRatio", "thermalCapacityInKwhPerKelvin",
                "thermalResistanceInKelvinPerKw", "setpointInCelsius", "comfortToleranceInKelvin"));
        HeatPumpSpec heatPump = new HeatPumpSpec(
                r.positive(hp, "heatPump", "maxElectricPowerInKw", "kW"),
                r.positive(hp, "heatPump", "copRatio", "ratio"),
                r.positive(hp, "heatPump", "thermalCapacityInKwhPerKelvin", "kWh/K"),
                r.positive(hp, "heatPump", "thermalResistanceInKelvinPerKw", "K/kW"),
                r.number(hp, "heatPump", "setpointInCelsius", "°C"),
                r.nonNegative(hp, "heatPump", "comfortToleranceInKelvin", "K"));

        List<WetApplianceSpec> wet = readWetAppliances(r, root);
        AssetCatalogue catalogue = new AssetCatalogue(new PvRange(pvMin, pvMax),
                new Battery(capacity, power, rte, minSoc, maxSoc), evCharger, heatPump, wet, r.sources(),
                root.source());
        LOG.debug("Loaded asset catalogue from {}", root.source());
        return catalogue;
    }

    private static List<WetApplianceSpec> readWetAppliances(YamlReader r, MapNode root) {
        ListNode list = list(root, "", "wetAppliances");
        List<WetApplianceSpec> out = new ArrayList<>();
        Set<WetApplianceType> seen = EnumSet.noneOf(WetApplianceType.class);
        for (int i = 0; i < list.items().size(); i++) {
            String path = "wetAppliances[" + i + "]";
            MapNode item = itemMap(list.items().get(i), path);
            allowOnly(item, path, List.of("type", "ownershipShare", "cycle", "preferredStartEarliestMinute",
                    "preferredStartLatestMinute", "maxDelayInMinutes"));
            WetApplianceType type = enumValue(item, path, "type", WetApplianceType.class);
            if (!seen.add(type)) {
                throw errorAt(item, path, "type", "each appliance type once, " + type + " is repeated");
            }
            double ownership = r.share(item, path, "ownershipShare");
            ListNode cycleList = list(item, path, "cycle");
            if (cycleList.items().isEmpty()) {
                throw InputException.at(cycleList.source(), cycleList.line(), fieldPath(path, "cycle"),
                        "at least one phase {durationInMinutes, powerInKw}");
            }
            List<CyclePhase> cycle = new ArrayList<>();
            for (int k = 0; k < cycleList.items().size(); k++) {
                String phasePath = path + ".cycle[" + k + "]";
                MapNode phase = itemMap(cycleList.items().get(k), phasePath);
                allowOnly(phase, phasePath, List.of("durationInMinutes", "powerInKw"));
                cycle.add(new CyclePhase(
                        r.wholeNumber(phase, phasePath, "durationInMinutes", 1, MINUTES_PER_DAY, "min"),
                        r.nonNegative(phase, phasePath, "powerInKw", "kW")));
            }
            int earliest = r.minuteOfDay(item, path, "preferredStartEarliestMinute", MINUTES_PER_DAY - 1);
            int latest = r.minuteOfDay(item, path, "preferredStartLatestMinute", MINUTES_PER_DAY - 1);
            if (latest < earliest) {
                throw errorAt(item, path, "preferredStartLatestMinute", "a time not before the earliest start "
                        + clock(earliest) + ", got " + clock(latest));
            }
            int delay = r.wholeNumber(item, path, "maxDelayInMinutes", 0, MINUTES_PER_DAY, "min");
            out.add(new WetApplianceSpec(type, ownership, cycle, earliest, latest, delay));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- files

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw InputException.in(file, "file", "an existing scenario file; there is none at this path");
        } catch (IOException e) {
            throw InputException.in(file, "file", "a readable file: " + e.getMessage());
        }
    }

    private static InputStream openResource(String resource) {
        InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            // A missing built-in is a packaging bug, not a user error.
            throw new IllegalStateException("built-in resource missing from the class path: " + resource);
        }
        return in;
    }
}
