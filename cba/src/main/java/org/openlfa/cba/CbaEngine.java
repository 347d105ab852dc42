package org.openlfa.cba;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openlfa.core.Season;

/**
 * Evaluates one business case on one scenario of one LVG: values each home, applies the enrolment rule, and builds
 * the LFA's cash flows. Pure and fast (no I/O), so sensitivities can call it thousands of times.
 *
 * <p>Per home {@code i} (annual, year 1): UC1 saving {@code s1} (homes with an energy box), UC2 saving {@code s2}
 * (when the case trades locally), retention value {@code R}, wholesale value {@code W = volume x spread x capture},
 * DSO payment share {@code D}. The value it creates is {@code v = s1 + s2 + R + W + D} over the streams the case runs;
 * the LFA earns {@code a s1 + fee + R + f x exchanged + w W + (1 - p) D}; the prosumer keeps the rest. It is
 * eligible when the case's participants rule holds and its own benefit is positive, and enrolled when, in addition,
 * the discounted payback of its CAPEX from {@code v - OPEX} is within the limit.
 *
 * <pre>{@code
 * CbaEngine engine = new CbaEngine(CbaInputs.loadBuiltInCosts(), cases.market());
 * CaseResult r = engine.evaluate(cases.byId("BC1"), study.scenarios().get(11));
 * }</pre>
 */
public final class CbaEngine {

    private static final int DAYS_PER_YEAR = 365;

    private final CostCatalogue costs;
    private final MarketParameters market;
    private final double savingsFactor;
    private final double dsoPaymentFactor;

    /** An engine on these costs and market figures. */
    public CbaEngine(CostCatalogue costs, MarketParameters market) {
        this(costs, market, 1, 1);
    }

    /**
     * An engine that also scales the study's bill savings and the DSO's payment (for sensitivities).
     *
     * @param savingsFactor    factor on every home's UC1 and UC2 saving
     * @param dsoPaymentFactor factor on the DSO's flexibility payment
     */
    public CbaEngine(CostCatalogue costs, MarketParameters market, double savingsFactor, double dsoPaymentFactor) {
        this.costs = costs;
        this.market = market;
        this.savingsFactor = savingsFactor;
        this.dsoPaymentFactor = dsoPaymentFactor;
    }

    /** The cost catalogue used. */
    public CostCatalogue costs() {
        return costs;
    }

    /** The market figures used. */
    public MarketParameters market() {
        return market;
    }

    /**
     * The mean daily spread (EUR/MWh) between the dearest and the cheapest {@code shiftHoursPerDay} hours of the
     * scenario's wholesale shape (its dynamic tariff's, else the documented shape of the nearest year), weighted by
     * the days of each season.
     */
    public double spreadInEurPerMwh(ScenarioData scenario) {
        Map<Season, double[]> shape = scenario.dynamicWholesaleInEurPerMwh()
                .orElseGet(() -> market.wholesaleNearest(scenario.horizonYear()));
        int k = market.shiftHoursPerDay();
        double sum = 0;
        for (Season season : Season.values()) {
            double[] sorted = shape.get(season).clone();
            java.util.Arrays.sort(sorted);
            double low = 0;
            double high = 0;
            for (int i = 0; i < k; i++) {
                low += sorted[i];
                high += sorted[sorted.length - 1 - i];
            }
            sum += season.daysPerYear() * (high - low) / k;
        }
        return sum / DAYS_PER_YEAR;
    }

    /**
     * The yearly flexible energy each coordinated home offers: the per-asset daily figures times 365, scaled down
     * per community when they add up to more than the flexible load the study saw there.
     */
    public Map<String, Double> flexibleEnergyInKwhPerYear(ScenarioData scenario) {
        Map<String, Double> volume = new HashMap<>();
        Map<String, Double> perCommunity = new HashMap<>();
        for (ProsumerData p : scenario.prosumers()) {
            if (!p.coordinated()) {
                continue;
            }
            double kwh = DAYS_PER_YEAR * ((p.hasBattery() ? market.batteryInKwhPerDay() : 0)
                    + (p.hasEv() ? market.evInKwhPerDay() : 0) + (p.hasHeatPump() ? market.heatPumpInKwhPerDay() : 0));
            volume.put(p.household(), kwh);
            perCommunity.merge(p.community(), kwh, Double::sum);
        }
        for (ProsumerData p : scenario.prosumers()) {
            Double cap = scenario.flexibleEnergyInKwhPerYear().get(p.community());
            Double total = perCommunity.get(p.community());
            if (volume.containsKey(p.household()) && cap != null && total > cap && total > 0) {
                volume.put(p.household(), volume.get(p.household()) * cap / total);
            }
        }
        return volume;
    }

    /** Evaluates a business case on a scenario (one LVG). */
    public CaseResult evaluate(BusinessCase bc, ScenarioData scenario) {
        CostCatalogue.Financials fin = costs.financials();
        double spread = spreadInEurPerMwh(scenario);
        double pricePerKwh = spread / 1000 * market.captureFactor();
        Map<String, Double> volumes = flexibleEnergyInKwhPerYear(scenario);
        double totalVolume = volumes.values().stream().mapToDouble(Double::doubleValue).sum();
        boolean dsoFound = scenario.grid().isPresent();
        double dsoPayment = bc.runs(RevenueStream.DSO_FLEXIBILITY) && dsoFound
                ? scenario.grid().get().dsoFlexCostInEur() * dsoPaymentFactor : 0;
        double retention = bc.runs(RevenueStream.RETENTION) ? market.retentionValueInEurPerYear() : 0;

        List<ProsumerOutcome> rows = new ArrayList<>();
        Map<RevenueStream, Double> byStream = new EnumMap<>(RevenueStream.class);
        for (RevenueStream s : bc.streams()) {
            byStream.put(s, 0.0);
        }
        int eligibleCount = 0;
        int enrolledCount = 0;
        double capexHomes = 0;
        double opexHomes = 0;
        double exchanged = 0;
        double benefit = 0;
        double enrolledVolume = 0;
        double dsoPaid = 0;
        for (ProsumerData p : scenario.prosumers()) {
            // The energy box is installed where the case uses it: for UC1 in every smart home, otherwise only in the
            // homes whose battery, EV or heat pump it coordinates and sells; other homes join with a meter only.
            boolean box = p.smart() && (bc.runs(RevenueStream.UC1_SAVING_SHARE) || p.coordinated());
            boolean allowed = bc.participants() == Participants.ALL_HOMES || p.smart();
            double volume = volumes.getOrDefault(p.household(), 0.0);
            double s1 = box ? Math.max(p.uc1SavingInEur(), 0) * savingsFactor : 0;
            double s2 = bc.runs(RevenueStream.LOCAL_TRADING) ? p.uc2SavingInEur() * savingsFactor : 0;
            double traded = bc.runs(RevenueStream.LOCAL_TRADING)
                    ? (p.localBoughtInKwh() + p.localSoldInKwh()) / 2 * scenario.localPriceInEurPerKwh() : 0;
            double wholesale = bc.runs(RevenueStream.WHOLESALE) ? volume * pricePerKwh : 0;
            double dso = totalVolume > 0 ? dsoPayment * volume / totalVolume : 0;
            Map<RevenueStream, Double> revenue = new EnumMap<>(RevenueStream.class);
            for (RevenueStream s : bc.streams()) {
                revenue.put(s, switch (s) {
                    case UC1_SAVING_SHARE -> bc.uc1SavingShare() * s1;
                    case SERVICE_FEE -> bc.serviceFeeInEurPerYear();
                    case RETENTION -> retention;
                    case LOCAL_TRADING -> bc.localTradingFeeShare() * traded;
                    case WHOLESALE -> bc.wholesaleLfaShare() * wholesale;
                    case DSO_FLEXIBILITY -> (1 - bc.dsoPassThroughShare()) * dso;
                });
            }
            double lfaRevenue = revenue.values().stream().mapToDouble(Double::doubleValue).sum();
            double value = s1 + s2 + retention + wholesale + dso;
            double keeps = value - lfaRevenue;
            double capex = box ? costs.prosumerCapex().withEnergyBoxInEur(p.controllableAppliances())
                    : costs.prosumerCapex().meterIntegrationInEur();
            double opex = costs.prosumerOpex().inEurPerYear(box);
            double payback = Finance.discountedPayback(Finance.cashFlows(capex, value - opex, fin.horizonInYears(),
                    fin.priceEscalationPerYear(), capex, fin.equipmentLifeInYears()), fin.discountRate());
            boolean eligible = allowed && keeps > 0;
            boolean enrolled = eligible && payback <= bc.paybackLimitInYears();
            // Money through the platform: what the prosumer pays the LFA, its local trades, the flexibility sold.
            double moved = (bc.runs(RevenueStream.UC1_SAVING_SHARE) ? bc.uc1SavingShare() * s1 : 0)
                    + (bc.runs(RevenueStream.SERVICE_FEE) ? bc.serviceFeeInEurPerYear() : 0) + traded + wholesale
                    + dso;
            rows.add(new ProsumerOutcome(bc.id(), scenario.scenario(), p.household(), p.community(), box, eligible,
                    enrolled, capex, value, opex, payback, revenue, keeps, moved, volume));
            eligibleCount += eligible ? 1 : 0;
            if (enrolled) {
                enrolledCount++;
                capexHomes += capex;
                opexHomes += opex;
                exchanged += moved;
                benefit += keeps;
                enrolledVolume += volume;
                dsoPaid += dso;
                revenue.forEach((s, v) -> byStream.merge(s, v, Double::sum));
            }
        }
        double revenueTotal = byStream.values().stream().mapToDouble(Double::doubleValue).sum();
        double capex = 0;
        double opex = 0;
        double[] flows = new double[fin.horizonInYears() + 1];
        // Nobody signed up: the LFA does not launch on this LVG, so it spends nothing either.
        if (enrolledCount > 0) {
            capex = capexHomes + costs.platform().capexInEurPerLvg();
            opex = opexHomes + costs.platform().opexInEurPerLvgPerYear();
            flows = Finance.cashFlows(capex, revenueTotal - opex, fin.horizonInYears(), fin.priceEscalationPerYear(),
                    capexHomes, fin.equipmentLifeInYears());
        }
        double npv = Finance.npv(flows, fin.discountRate());
        double irr = enrolledCount > 0 ? Finance.irr(flows) : Double.NaN;
        double payback = enrolledCount > 0 ? Finance.discountedPayback(flows, fin.discountRate()) : Double.NaN;
        double dsoBenefit = 0;
        if (bc.runs(RevenueStream.DSO_FLEXIBILITY) && dsoFound && totalVolume > 0) {
            // The DSO defers its reinforcement in proportion to the flexibility it can actually call.
            dsoBenefit = scenario.grid().get().deferralValueInEur() * enrolledVolume / totalVolume - dsoPaid;
        }
        List<Double> flowList = new ArrayList<>();
        for (double f : flows) {
            flowList.add(f);
        }
        int households = scenario.prosumers().size();
        return new CaseResult(bc.id(), scenario.scenario(), households, eligibleCount, enrolledCount,
                households == 0 ? 0 : 100.0 * enrolledCount / households, exchanged, byStream, revenueTotal, benefit,
                dsoBenefit, capex, opex, npv, Double.isNaN(irr) ? Double.NaN : 100 * irr, payback, flowList, spread,
                dsoFound, rows);
    }
}
