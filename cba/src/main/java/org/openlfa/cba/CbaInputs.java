package org.openlfa.cba;

import static org.openlfa.core.yaml.YamlReader.allowOnly;
import static org.openlfa.core.yaml.YamlReader.errorAt;
import static org.openlfa.core.yaml.YamlReader.list;
import static org.openlfa.core.yaml.YamlReader.map;
import static org.openlfa.core.yaml.YamlReader.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openlfa.core.InputException;
import org.openlfa.core.Season;
import org.openlfa.core.yaml.YamlReader;
import org.openlfa.core.yaml.YamlTree;
import org.openlfa.core.yaml.YamlTree.ListNode;
import org.openlfa.core.yaml.YamlTree.MapNode;
import org.openlfa.core.yaml.YamlTree.Node;
import org.openlfa.core.yaml.YamlTree.ScalarNode;

/**
 * Reads and validates the cost catalogue and the business-case definitions (YAML). Every figure must name a public
 * source or say "assumption: ..." in the file's {@code sources:} map; a missing required cost, a negative price, an
 * unknown key, an unknown revenue stream or a source for a field that does not exist are errors that name the file,
 * line and field.
 *
 * <pre>{@code
 * CostCatalogue costs = CbaInputs.loadBuiltInCosts();                  // shipped with the product
 * BusinessCases cases = CbaInputs.loadBusinessCases(Path.of("my-cases.yaml"));
 * }</pre>
 */
public final class CbaInputs {

    /** Class-path resource of the shipped cost catalogue. */
    public static final String BUILT_IN_COSTS = "org/openlfa/cba/costs.yaml";
    /** Class-path resource of the shipped business cases. */
    public static final String BUILT_IN_CASES = "org/openlfa/cba/business-cases.yaml";

    private CbaInputs() {
    }

    /** The cost catalogue shipped with the product. */
    public static CostCatalogue loadBuiltInCosts() {
        return costs(YamlReader.withSources(YamlTree.parse("classpath:" + BUILT_IN_COSTS, resource(BUILT_IN_COSTS))));
    }

    /** A cost catalogue file. */
    public static CostCatalogue loadCosts(Path file) {
        return costs(YamlReader.withSources(YamlTree.parse(file.toString(), open(file))));
    }

    /** The business cases shipped with the product (BC1, BC2, BC3). */
    public static BusinessCases loadBuiltInBusinessCases() {
        return cases(YamlReader.withSources(YamlTree.parse("classpath:" + BUILT_IN_CASES, resource(BUILT_IN_CASES))));
    }

    /** A business-case definitions file. */
    public static BusinessCases loadBusinessCases(Path file) {
        return cases(YamlReader.withSources(YamlTree.parse(file.toString(), open(file))));
    }

    private static InputStream resource(String name) {
        InputStream in = CbaInputs.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + name);
        }
        return in;
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw InputException.in(file, "", "an existing YAML file; it does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static CostCatalogue costs(YamlReader r) {
        MapNode root = r.root();
        allowOnly(root, "", List.of("prosumerCapex", "platform", "prosumerOpex", "financial", "sources"));
        MapNode capex = map(root, "", "prosumerCapex");
        allowOnly(capex, "prosumerCapex", List.of("energyBoxInEur", "smartPlugInEurPerAppliance",
                "installationInEur", "meterIntegrationInEur"));
        CostCatalogue.ProsumerCapex prosumerCapex = new CostCatalogue.ProsumerCapex(
                r.nonNegative(capex, "prosumerCapex", "energyBoxInEur", "EUR"),
                r.nonNegative(capex, "prosumerCapex", "smartPlugInEurPerAppliance", "EUR/appliance"),
                r.nonNegative(capex, "prosumerCapex", "installationInEur", "EUR"),
                r.nonNegative(capex, "prosumerCapex", "meterIntegrationInEur", "EUR"));
        MapNode platform = map(root, "", "platform");
        allowOnly(platform, "platform", List.of("capexInEurPerLvg", "opexInEurPerLvgPerYear",
                "centralCapexInEur", "centralOpexInEurPerYear"));
        CostCatalogue.PlatformCosts platformCosts = new CostCatalogue.PlatformCosts(
                r.nonNegative(platform, "platform", "capexInEurPerLvg", "EUR/LVG"),
                r.nonNegative(platform, "platform", "opexInEurPerLvgPerYear", "EUR/LVG/year"),
                r.nonNegative(platform, "platform", "centralCapexInEur", "EUR"),
                r.nonNegative(platform, "platform", "centralOpexInEurPerYear", "EUR/year"));
        MapNode opex = map(root, "", "prosumerOpex");
        allowOnly(opex, "prosumerOpex", List.of("connectivityInEurPerYear", "customerServiceInEurPerYear",
                "billingAndSettlementInEurPerYear"));
        CostCatalogue.ProsumerOpex prosumerOpex = new CostCatalogue.ProsumerOpex(
                r.nonNegative(opex, "prosumerOpex", "connectivityInEurPerYear", "EUR/year"),
                r.nonNegative(opex, "prosumerOpex", "customerServiceInEurPerYear", "EUR/year"),
                r.nonNegative(opex, "prosumerOpex", "billingAndSettlementInEurPerYear", "EUR/year"));
        MapNode fin = map(root, "", "financial");
        allowOnly(fin, "financial", List.of("discountRate", "horizonInYears", "priceEscalationPerYear",
                "equipmentLifeInYears"));
        double rate = r.number(fin, "financial", "discountRate", "per year");
        if (!(rate > -0.99 && rate < 1)) {
            throw errorAt(fin, "financial", "discountRate", "a yearly rate as a fraction, e.g. 0.08, got " + rate);
        }
        CostCatalogue.Financials financials = new CostCatalogue.Financials(rate,
                r.wholeNumber(fin, "financial", "horizonInYears", 1, 50, "years"),
                r.number(fin, "financial", "priceEscalationPerYear", "per year"),
                r.wholeNumber(fin, "financial", "equipmentLifeInYears", 1, 50, "years"));
        r.requireSourcesNameFields();
        return new CostCatalogue(prosumerCapex, platformCosts, prosumerOpex, financials, r.figures(),
                r.root().source());
    }

    private static BusinessCases cases(YamlReader r) {
        MapNode root = r.root();
        allowOnly(root, "", List.of("wholesale", "retention", "scaling", "sensitivity", "businessCases",
                "sources"));
        MapNode ws = map(root, "", "wholesale");
        allowOnly(ws, "wholesale", List.of("shiftHoursPerDay", "captureFactor", "shiftableEnergy",
                "hourlyPriceInEurPerMwh"));
        int shiftHours = r.wholeNumber(ws, "wholesale", "shiftHoursPerDay", 1, 12, "h/day");
        double capture = r.share(ws, "wholesale", "captureFactor");
        MapNode shift = map(ws, "wholesale", "shiftableEnergy");
        String shiftPath = "wholesale.shiftableEnergy";
        allowOnly(shift, shiftPath, List.of("batteryInKwhPerDay", "evInKwhPerDay", "heatPumpInKwhPerDay"));
        double battery = r.nonNegative(shift, shiftPath, "batteryInKwhPerDay", "kWh/day");
        double ev = r.nonNegative(shift, shiftPath, "evInKwhPerDay", "kWh/day");
        double heatPump = r.nonNegative(shift, shiftPath, "heatPumpInKwhPerDay", "kWh/day");
        MapNode prices = map(ws, "wholesale", "hourlyPriceInEurPerMwh");
        Map<Integer, Map<Season, double[]>> byYear = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : prices.entries().entrySet()) {
            String yearPath = "wholesale.hourlyPriceInEurPerMwh." + e.getKey();
            if (!e.getKey().matches("\\d{4}")) {
                throw errorAt(e.getValue(), yearPath, "a year such as 2030 as the key of each price shape");
            }
            MapNode seasons = map(prices, "wholesale.hourlyPriceInEurPerMwh", e.getKey());
            allowOnly(seasons, yearPath, Arrays.stream(Season.values()).map(Enum::name).toList());
            Map<Season, double[]> shape = new EnumMap<>(Season.class);
            for (Season season : Season.values()) {
                shape.put(season, r.numbers(seasons, yearPath, season.name(), 24, "EUR/MWh"));
            }
            byYear.put(Integer.parseInt(e.getKey()), shape);
        }
        if (byYear.isEmpty()) {
            throw errorAt(prices, "wholesale.hourlyPriceInEurPerMwh", "at least one year's price shape");
        }
        MapNode ret = map(root, "", "retention");
        allowOnly(ret, "retention", List.of("churnRatePerYear", "churnAvoidedShare", "acquisitionCostInEur"));
        double churn = r.share(ret, "retention", "churnRatePerYear");
        double avoided = r.share(ret, "retention", "churnAvoidedShare");
        double acquisition = r.nonNegative(ret, "retention", "acquisitionCostInEur", "EUR");
        MapNode scaling = map(root, "", "scaling");
        allowOnly(scaling, "scaling", List.of("turnoverTargetInEurPerYear"));
        double target = r.positive(scaling, "scaling", "turnoverTargetInEurPerYear", "EUR/year");
        MapNode sens = map(root, "", "sensitivity");
        allowOnly(sens, "sensitivity", List.of("variation"));
        double variation = r.share(sens, "sensitivity", "variation");
        MarketParameters market = new MarketParameters(shiftHours, capture, battery, ev, heatPump, byYear, churn,
                avoided, acquisition, target, variation);

        MapNode defs = map(root, "", "businessCases");
        List<BusinessCase> list = new ArrayList<>();
        for (String id : defs.entries().keySet()) {
            list.add(businessCase(r, defs, id));
        }
        if (list.isEmpty()) {
            throw errorAt(defs, "businessCases", "at least one business case");
        }
        r.requireSourcesNameFields();
        return new BusinessCases(list, market, r.figures(), r.root().source());
    }

    private static BusinessCase businessCase(YamlReader r, MapNode defs, String id) {
        String path = "businessCases." + id;
        MapNode bc = map(defs, "businessCases", id);
        allowOnly(bc, path, List.of("name", "lfa", "participants", "streams", "paybackLimitInYears",
                "uc1SavingShare", "serviceFeeInEurPerYear", "localTradingFeeShare", "wholesaleLfaShare",
                "dsoPassThroughShare"));
        String participantsText = text(bc, path, "participants");
        Participants participants = Arrays.stream(Participants.values())
                .filter(p -> p.name().equalsIgnoreCase(participantsText)).findFirst()
                .orElseThrow(() -> errorAt(bc, path, "participants", "one of " + names(Participants.values())
                        + ", got '" + participantsText + "'"));
        ListNode streamList = list(bc, path, "streams");
        Set<RevenueStream> streams = EnumSet.noneOf(RevenueStream.class);
        for (int index = 0; index < streamList.items().size(); index++) {
            int i = index;
            Node item = streamList.items().get(i);
            String text = item instanceof ScalarNode s && s.text() != null ? s.text().strip() : "";
            RevenueStream stream = Arrays.stream(RevenueStream.values()).filter(s -> s.name().equalsIgnoreCase(text))
                    .findFirst().orElseThrow(() -> errorAt(item, path + ".streams[" + i + "]", "one of "
                            + names(RevenueStream.values()) + ", got '" + text + "'"));
            streams.add(stream);
        }
        if (streams.isEmpty()) {
            throw errorAt(streamList, path + ".streams", "at least one revenue stream");
        }
        double payback = r.positive(bc, path, "paybackLimitInYears", "years");
        double savingShare = streamFigure(r, bc, path, "uc1SavingShare", streams, RevenueStream.UC1_SAVING_SHARE,
                true);
        double fee = streamFigure(r, bc, path, "serviceFeeInEurPerYear", streams, RevenueStream.SERVICE_FEE,
                false);
        double tradingFee = streamFigure(r, bc, path, "localTradingFeeShare", streams, RevenueStream.LOCAL_TRADING,
                true);
        double wholesaleShare = streamFigure(r, bc, path, "wholesaleLfaShare", streams, RevenueStream.WHOLESALE,
                true);
        double passThrough = streamFigure(r, bc, path, "dsoPassThroughShare", streams,
                RevenueStream.DSO_FLEXIBILITY, true);
        return new BusinessCase(id, text(bc, path, "name"), text(bc, path, "lfa"), participants, streams,
                payback, savingShare, fee, tradingFee, wholesaleShare, passThrough);
    }

    /** A figure required exactly when its stream is run; given without the stream it would silently do nothing. */
    private static double streamFigure(YamlReader r, MapNode bc, String path, String key, Set<RevenueStream> streams,
                                       RevenueStream stream, boolean share) {
        boolean present = bc.entries().containsKey(key);
        if (!streams.contains(stream)) {
            if (present) {
                throw errorAt(bc, path, key, "no value: it is only used with the stream " + stream
                        + ", which this business case does not list in 'streams'");
            }
            return 0;
        }
        return share ? r.share(bc, path, key) : r.nonNegative(bc, path, key, "EUR/year");
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
