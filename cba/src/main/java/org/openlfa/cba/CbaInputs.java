package org.openlfa.cba;

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
        return costs(YamlDoc.parse("classpath:" + BUILT_IN_COSTS, resource(BUILT_IN_COSTS)));
    }

    /** A cost catalogue file. */
    public static CostCatalogue loadCosts(Path file) {
        return costs(YamlDoc.parse(file.toString(), open(file)));
    }

    /** The business cases shipped with the product (BC1, BC2, BC3). */
    public static BusinessCases loadBuiltInBusinessCases() {
        return cases(YamlDoc.parse("classpath:" + BUILT_IN_CASES, resource(BUILT_IN_CASES)));
    }

    /** A business-case definitions file. */
    public static BusinessCases loadBusinessCases(Path file) {
        return cases(YamlDoc.parse(file.toString(), open(file)));
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

    private static CostCatalogue costs(YamlDoc doc) {
        MapNode root = doc.root();
        doc.allowOnly(root, "", List.of("prosumerCapex", "platform", "prosumerOpex", "financial", "sources"));
        MapNode capex = doc.map(root, "", "prosumerCapex");
        doc.allowOnly(capex, "prosumerCapex", List.of("energyBoxInEur", "smartPlugInEurPerAppliance",
                "installationInEur", "meterIntegrationInEur"));
        CostCatalogue.ProsumerCapex prosumerCapex = new CostCatalogue.ProsumerCapex(
                doc.nonNegative(capex, "prosumerCapex", "energyBoxInEur", "EUR"),
                doc.nonNegative(capex, "prosumerCapex", "smartPlugInEurPerAppliance", "EUR/appliance"),
                doc.nonNegative(capex, "prosumerCapex", "installationInEur", "EUR"),
                doc.nonNegative(capex, "prosumerCapex", "meterIntegrationInEur", "EUR"));
        MapNode platform = doc.map(root, "", "platform");
        doc.allowOnly(platform, "platform", List.of("capexInEurPerLvg", "opexInEurPerLvgPerYear",
                "centralCapexInEur", "centralOpexInEurPerYear"));
        CostCatalogue.PlatformCosts platformCosts = new CostCatalogue.PlatformCosts(
                doc.nonNegative(platform, "platform", "capexInEurPerLvg", "EUR/LVG"),
                doc.nonNegative(platform, "platform", "opexInEurPerLvgPerYear", "EUR/LVG/year"),
                doc.nonNegative(platform, "platform", "centralCapexInEur", "EUR"),
                doc.nonNegative(platform, "platform", "centralOpexInEurPerYear", "EUR/year"));
        MapNode opex = doc.map(root, "", "prosumerOpex");
        doc.allowOnly(opex, "prosumerOpex", List.of("connectivityInEurPerYear", "customerServiceInEurPerYear",
                "billingAndSettlementInEurPerYear"));
        CostCatalogue.ProsumerOpex prosumerOpex = new CostCatalogue.ProsumerOpex(
                doc.nonNegative(opex, "prosumerOpex", "connectivityInEurPerYear", "EUR/year"),
                doc.nonNegative(opex, "prosumerOpex", "customerServiceInEurPerYear", "EUR/year"),
                doc.nonNegative(opex, "prosumerOpex", "billingAndSettlementInEurPerYear", "EUR/year"));
        MapNode fin = doc.map(root, "", "financial");
        doc.allowOnly(fin, "financial", List.of("discountRate", "horizonInYears", "priceEscalationPerYear",
                "equipmentLifeInYears"));
        double rate = doc.number(fin, "financial", "discountRate", "per year");
        if (!(rate > -0.99 && rate < 1)) {
            throw doc.at(fin, "financial", "discountRate", "a yearly rate as a fraction, e.g. 0.08, got " + rate);
        }
        CostCatalogue.Financials financials = new CostCatalogue.Financials(rate,
                doc.whole(fin, "financial", "horizonInYears", 1, 50, "years"),
                doc.number(fin, "financial", "priceEscalationPerYear", "per year"),
                doc.whole(fin, "financial", "equipmentLifeInYears", 1, 50, "years"));
        doc.checkSourcesCoverExistingFields();
        return new CostCatalogue(prosumerCapex, platformCosts, prosumerOpex, financials, doc.figures(), doc.source());
    }

    private static BusinessCases cases(YamlDoc doc) {
        MapNode root = doc.root();
        doc.allowOnly(root, "", List.of("wholesale", "retention", "scaling", "sensitivity", "businessCases",
                "sources"));
        MapNode ws = doc.map(root, "", "wholesale");
        doc.allowOnly(ws, "wholesale", List.of("shiftHoursPerDay", "captureFactor", "shiftableEnergy",
                "hourlyPriceInEurPerMwh"));
        int shiftHours = doc.whole(ws, "wholesale", "shiftHoursPerDay", 1, 12, "h/day");
        double capture = doc.share(ws, "wholesale", "captureFactor");
        MapNode shift = doc.map(ws, "wholesale", "shiftableEnergy");
        String shiftPath = "wholesale.shiftableEnergy";
        doc.allowOnly(shift, shiftPath, List.of("batteryInKwhPerDay", "evInKwhPerDay", "heatPumpInKwhPerDay"));
        double battery = doc.nonNegative(shift, shiftPath, "batteryInKwhPerDay", "kWh/day");
        double ev = doc.nonNegative(shift, shiftPath, "evInKwhPerDay", "kWh/day");
        double heatPump = doc.nonNegative(shift, shiftPath, "heatPumpInKwhPerDay", "kWh/day");
        MapNode prices = doc.map(ws, "wholesale", "hourlyPriceInEurPerMwh");
        Map<Integer, Map<Season, double[]>> byYear = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : prices.entries().entrySet()) {
            String yearPath = "wholesale.hourlyPriceInEurPerMwh." + e.getKey();
            if (!e.getKey().matches("\\d{4}")) {
                throw doc.at(e.getValue(), yearPath, "a year such as 2030 as the key of each price shape");
            }
            MapNode seasons = doc.map(prices, "wholesale.hourlyPriceInEurPerMwh", e.getKey());
            doc.allowOnly(seasons, yearPath, Arrays.stream(Season.values()).map(Enum::name).toList());
            Map<Season, double[]> shape = new EnumMap<>(Season.class);
            for (Season season : Season.values()) {
                shape.put(season, doc.numbers(seasons, yearPath, season.name(), 24, "EUR/MWh"));
            }
            byYear.put(Integer.parseInt(e.getKey()), shape);
        }
        if (byYear.isEmpty()) {
            throw doc.at(prices, "wholesale.hourlyPriceInEurPerMwh", "at least one year's price shape");
        }
        MapNode ret = doc.map(root, "", "retention");
        doc.allowOnly(ret, "retention", List.of("churnRatePerYear", "churnAvoidedShare", "acquisitionCostInEur"));
        double churn = doc.share(ret, "retention", "churnRatePerYear");
        double avoided = doc.share(ret, "retention", "churnAvoidedShare");
        double acquisition = doc.nonNegative(ret, "retention", "acquisitionCostInEur", "EUR");
        MapNode scaling = doc.map(root, "", "scaling");
        doc.allowOnly(scaling, "scaling", List.of("turnoverTargetInEurPerYear"));
        double target = doc.positive(scaling, "scaling", "turnoverTargetInEurPerYear", "EUR/year");
        MapNode sens = doc.map(root, "", "sensitivity");
        doc.allowOnly(sens, "sensitivity", List.of("variation"));
        double variation = doc.share(sens, "sensitivity", "variation");
        MarketParameters market = new MarketParameters(shiftHours, capture, battery, ev, heatPump, byYear, churn,
                avoided, acquisition, target, variation);

        MapNode defs = doc.map(root, "", "businessCases");
        List<BusinessCase> list = new ArrayList<>();
        for (String id : defs.entries().keySet()) {
            list.add(businessCase(doc, defs, id));
        }
        if (list.isEmpty()) {
            throw doc.at(defs, "businessCases", "at least one business case");
        }
        doc.checkSourcesCoverExistingFields();
        return new BusinessCases(list, market, doc.figures(), doc.source());
    }

    private static BusinessCase businessCase(YamlDoc doc, MapNode defs, String id) {
        String path = "businessCases." + id;
        MapNode bc = doc.map(defs, "businessCases", id);
        doc.allowOnly(bc, path, List.of("name", "lfa", "participants", "streams", "paybackLimitInYears",
                "uc1SavingShare", "serviceFeeInEurPerYear", "localTradingFeeShare", "wholesaleLfaShare",
                "dsoPassThroughShare"));
        String participantsText = doc.text(bc, path, "participants");
        Participants participants = Arrays.stream(Participants.values())
                .filter(p -> p.name().equalsIgnoreCase(participantsText)).findFirst()
                .orElseThrow(() -> doc.at(bc, path, "participants", "one of " + names(Participants.values())
                        + ", got '" + participantsText + "'"));
        ListNode streamList = doc.list(bc, path, "streams");
        Set<RevenueStream> streams = EnumSet.noneOf(RevenueStream.class);
        for (int index = 0; index < streamList.items().size(); index++) {
            int i = index;
            Node item = streamList.items().get(i);
            String text = item instanceof ScalarNode s && s.text() != null ? s.text().strip() : "";
            RevenueStream stream = Arrays.stream(RevenueStream.values()).filter(r -> r.name().equalsIgnoreCase(text))
                    .findFirst().orElseThrow(() -> doc.at(item, path + ".streams[" + i + "]", "one of "
                            + names(RevenueStream.values()) + ", got '" + text + "'"));
            streams.add(stream);
        }
        if (streams.isEmpty()) {
            throw doc.at(streamList, path + ".streams", "at least one revenue stream");
        }
        double payback = doc.positive(bc, path, "paybackLimitInYears", "years");
        double savingShare = streamFigure(doc, bc, path, "uc1SavingShare", streams, RevenueStream.UC1_SAVING_SHARE,
                true);
        double fee = streamFigure(doc, bc, path, "serviceFeeInEurPerYear", streams, RevenueStream.SERVICE_FEE,
                false);
        double tradingFee = streamFigure(doc, bc, path, "localTradingFeeShare", streams, RevenueStream.LOCAL_TRADING,
                true);
        double wholesaleShare = streamFigure(doc, bc, path, "wholesaleLfaShare", streams, RevenueStream.WHOLESALE,
                true);
        double passThrough = streamFigure(doc, bc, path, "dsoPassThroughShare", streams,
                RevenueStream.DSO_FLEXIBILITY, true);
        return new BusinessCase(id, doc.text(bc, path, "name"), doc.text(bc, path, "lfa"), participants, streams,
                payback, savingShare, fee, tradingFee, wholesaleShare, passThrough);
    }

    /** A figure required exactly when its stream is run; given without the stream it would silently do nothing. */
    private static double streamFigure(YamlDoc doc, MapNode bc, String path, String key, Set<RevenueStream> streams,
                                       RevenueStream stream, boolean share) {
        boolean present = bc.entries().containsKey(key);
        if (!streams.contains(stream)) {
            if (present) {
                throw doc.at(bc, path, key, "no value: it is only used with the stream " + stream
                        + ", which this business case does not list in 'streams'");
            }
            return 0;
        }
        return share ? doc.share(bc, path, key) : doc.nonNegative(bc, path, key, "EUR/year");
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
