package org.openlfa.cba;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.openlfa.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost-benefit analysis of a study: every business case on every scenario, the NPV tornado and the scaling of
 * the reference scenario, and the energy-box break-even prices.
 *
 * <pre>{@code
 * StudyData study = StudyFolderReader.read(Path.of("results"), ScenarioLoader.loadBuiltInCatalogue());
 * CbaResult cba = CostBenefitAnalysis.run(study, CbaInputs.loadBuiltInCosts(),
 *         CbaInputs.loadBuiltInBusinessCases(), null);           // reference scenario: the study's last
 * cba.results().forEach(r -> log.info("{} {} NPV {}", r.businessCase(), r.scenario(), r.npvInEur()));
 * }</pre>
 */
public final class CostBenefitAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(CostBenefitAnalysis.class);

    /** The numbers of LVGs of the scaling curve (5,435 LVGs of 184 homes is about a million homes). */
    public static final long[] SCALING_LVGS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5435};

    private static final double BREAK_EVEN_STEP_IN_EUR = 20;

    private CostBenefitAnalysis() {
    }

    /**
     * Runs the analysis.
     *
     * @param referenceScenario the scenario of the tornados and scaling chart; null for the study's last scenario
     * @throws InputException if the reference scenario is not in the study
     */
    public static CbaResult run(StudyData study, CostCatalogue costs, BusinessCases cases, String referenceScenario) {
        if (study.scenarios().isEmpty()) {
            throw InputException.in(study.origin(), "scenario", "a study with at least one scenario");
        }
        String reference = referenceScenario != null ? referenceScenario
                : study.scenarios().get(study.scenarios().size() - 1).scenario();
        ScenarioData referenceData = study.scenarios().stream().filter(s -> s.scenario().equals(reference))
                .findFirst().orElseThrow(() -> InputException.in(study.origin(), "--reference-scenario",
                        "a scenario of the study (" + String.join(", ", study.scenarios().stream()
                                .map(ScenarioData::scenario).toList()) + "), got '" + reference + "'"));
        CbaEngine engine = new CbaEngine(costs, cases.market());
        List<CaseResult> results = new ArrayList<>();
        List<BreakEven> breakEvens = new ArrayList<>();
        List<Scaling> scaling = new ArrayList<>();
        double centralPv = centralCostsPv(costs);
        for (BusinessCase bc : cases.cases()) {
            for (ScenarioData scenario : study.scenarios()) {
                CaseResult r = engine.evaluate(bc, scenario);
                results.add(r);
                breakEvens.add(new BreakEven(bc.id(), scenario.scenario(), breakEvenBoxPrice(costs, cases, bc,
                        scenario), breakEvenSavingShare(costs, cases, bc, scenario)));
                scaling.add(scale(r, centralPv, cases.market().turnoverTargetInEurPerYear()));
            }
        }
        List<Tornado> tornados = new ArrayList<>();
        for (BusinessCase bc : cases.cases()) {
            tornados.add(tornado(costs, cases, bc, referenceData));
        }
        LOG.info("CBA: {} business cases x {} scenarios", cases.cases().size(), study.scenarios().size());
        return new CbaResult(study, costs, cases, reference, results, tornados, breakEvens, scaling);
    }

    /** Present value of the central platform: its CAPEX today and its OPEX over the horizon. */
    public static double centralCostsPv(CostCatalogue costs) {
        CostCatalogue.Financials f = costs.financials();
        return costs.platform().centralCapexInEur() + Finance.presentValueOfAnnual(
                costs.platform().centralOpexInEurPerYear(), f.horizonInYears(), f.priceEscalationPerYear(),
                f.discountRate());
    }

    /** The case on N LVGs like this one, central costs carried once, and the pool a turnover target needs. */
    public static Scaling scale(CaseResult r, double centralCostsPv, double turnoverTarget) {
        List<Scaling.Point> points = new ArrayList<>();
        for (long n : SCALING_LVGS) {
            points.add(new Scaling.Point(n, n * r.prosumersInvolved(), n * r.lfaRevenueInEur(),
                    n * r.npvInEur() - centralCostsPv));
        }
        long breakEven = r.npvInEur() > 0 ? Math.max(1, (long) Math.ceil(centralCostsPv / r.npvInEur())) : 0;
        long lvgs = r.lfaRevenueInEur() > 0 ? (long) Math.ceil(turnoverTarget / r.lfaRevenueInEur()) : 0;
        return new Scaling(r.businessCase(), r.scenario(), points, centralCostsPv, breakEven, turnoverTarget, lvgs,
                lvgs * r.households(), lvgs * r.prosumersInvolved());
    }

    /**
     * The highest energy-box price with a positive NPV: scanned in steps of EUR 20 up to the search limit, then
     * bisected (enrolment changes with the price, so the NPV need not be monotonic; the scan finds the last
     * crossing).
     */
    public static double breakEvenBoxPrice(CostCatalogue costs, BusinessCases cases, BusinessCase bc,
                                           ScenarioData scenario) {
        DoubleUnaryOperator npv = price -> new CbaEngine(costs.withProsumerCapex(withBox(costs, price)),
                cases.market()).evaluate(bc, scenario).npvInEur();
        double limit = BreakEven.SEARCH_LIMIT_IN_EUR;
        if (npv.applyAsDouble(limit) > 0) {
            return Double.POSITIVE_INFINITY;
        }
        double lastPositive = Double.NaN;
        for (double p = 0; p < limit; p += BREAK_EVEN_STEP_IN_EUR) {
            if (npv.applyAsDouble(p) > 0) {
                lastPositive = p;
            }
        }
        if (Double.isNaN(lastPositive)) {
            return Double.NaN;
        }
        double lo = lastPositive;
        double hi = Math.min(limit, lastPositive + BREAK_EVEN_STEP_IN_EUR);
        for (int i = 0; i < 30; i++) {
            double mid = (lo + hi) / 2;
            if (npv.applyAsDouble(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The lowest UC1 saving share with a positive NPV (scanned by 0.02, then bisected); NaN if none. */
    public static double breakEvenSavingShare(CostCatalogue costs, BusinessCases cases, BusinessCase bc,
                                              ScenarioData scenario) {
        if (!bc.runs(RevenueStream.UC1_SAVING_SHARE)) {
            return Double.NaN;
        }
        CbaEngine engine = new CbaEngine(costs, cases.market());
        DoubleUnaryOperator npv = share -> engine.evaluate(bc.withUc1SavingShare(share), scenario).npvInEur();
        if (npv.applyAsDouble(0) > 0) {
            return 0;
        }
        double step = 0.02;
        for (double s = step; s <= 1 + 1e-9; s += step) {
            if (npv.applyAsDouble(Math.min(s, 1)) > 0) {
                double lo = s - step;
                double hi = Math.min(s, 1);
                for (int i = 0; i < 30; i++) {
                    double mid = (lo + hi) / 2;
                    if (npv.applyAsDouble(mid) > 0) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return hi;
            }
        }
        return Double.NaN;
    }

    private static CostCatalogue.ProsumerCapex withBox(CostCatalogue costs, double price) {
        CostCatalogue.ProsumerCapex c = costs.prosumerCapex();
        return new CostCatalogue.ProsumerCapex(price, c.smartPlugInEurPerAppliance(), c.installationInEur(),
                c.meterIntegrationInEur());
    }

    /** One input of the tornado: its name, base value and the NPV for a given value. */
    private record Input(String name, double base, DoubleUnaryOperator npvAt) {
    }

    /** The tornado of a case on a scenario: each input moved by +- the variation, the others kept. */
    public static Tornado tornado(CostCatalogue costs, BusinessCases cases, BusinessCase bc, ScenarioData scenario) {
        MarketParameters m = cases.market();
        CostCatalogue.ProsumerCapex c = costs.prosumerCapex();
        CostCatalogue.ProsumerOpex o = costs.prosumerOpex();
        CostCatalogue.Financials f = costs.financials();
        CostCatalogue.PlatformCosts pl = costs.platform();
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input("energy box price (EUR)", c.energyBoxInEur(), v -> npv(costs.withProsumerCapex(
                new CostCatalogue.ProsumerCapex(v, c.smartPlugInEurPerAppliance(), c.installationInEur(),
                        c.meterIntegrationInEur())), m, bc, scenario)));
        inputs.add(new Input("smart plug per appliance (EUR)", c.smartPlugInEurPerAppliance(), v -> npv(
                costs.withProsumerCapex(new CostCatalogue.ProsumerCapex(c.energyBoxInEur(), v, c.installationInEur(),
                        c.meterIntegrationInEur())), m, bc, scenario)));
        inputs.add(new Input("installation (EUR)", c.installationInEur(), v -> npv(costs.withProsumerCapex(
                new CostCatalogue.ProsumerCapex(c.energyBoxInEur(), c.smartPlugInEurPerAppliance(), v,
                        c.meterIntegrationInEur())), m, bc, scenario)));
        double opexBase = o.inEurPerYear(true);
        inputs.add(new Input("prosumer OPEX (EUR/year, with box)", opexBase, v -> npv(costs.withProsumerOpex(
                new CostCatalogue.ProsumerOpex(o.connectivityInEurPerYear() * v / opexBase,
                        o.customerServiceInEurPerYear() * v / opexBase,
                        o.billingAndSettlementInEurPerYear() * v / opexBase)), m, bc, scenario)));
        double platformBase = pl.capexInEurPerLvg();
        inputs.add(new Input("platform cost per LVG (EUR CAPEX)", platformBase, v -> npv(
                new CostCatalogue(c, new CostCatalogue.PlatformCosts(v, pl.opexInEurPerLvgPerYear() * v
                        / Math.max(platformBase, 1e-9), pl.centralCapexInEur(), pl.centralOpexInEurPerYear()), o, f,
                        costs.figures(), costs.sourceFile()), m, bc, scenario)));
        inputs.add(new Input("discount rate", f.discountRate(), v -> npv(costs.withFinancials(
                new CostCatalogue.Financials(v, f.horizonInYears(), f.priceEscalationPerYear(),
                        f.equipmentLifeInYears())), m, bc, scenario)));
        inputs.add(new Input("bill savings from the study (factor)", 1.0, v -> new CbaEngine(costs, m, v, 1)
                .evaluate(bc, scenario).npvInEur()));
        inputs.add(new Input("payback limit (years)", bc.paybackLimitInYears(), v -> npv(costs, m,
                bc.withPaybackLimit(v), scenario)));
        if (bc.runs(RevenueStream.UC1_SAVING_SHARE)) {
            inputs.add(new Input("UC1 saving share", bc.uc1SavingShare(), v -> npv(costs, m,
                    bc.withUc1SavingShare(Math.min(v, 1)), scenario)));
        }
        if (bc.runs(RevenueStream.WHOLESALE)) {
            inputs.add(new Input("wholesale capture factor", m.captureFactor(), v -> npv(costs,
                    m.withCaptureFactor(Math.min(v, 1)), bc, scenario)));
        }
        if (bc.runs(RevenueStream.RETENTION)) {
            inputs.add(new Input("customer acquisition cost (EUR)", m.acquisitionCostInEur(), v -> npv(costs,
                    m.withAcquisitionCost(v), bc, scenario)));
        }
        if (bc.runs(RevenueStream.DSO_FLEXIBILITY) && scenario.grid().isPresent()) {
            inputs.add(new Input("DSO flexibility payment (factor)", 1.0, v -> new CbaEngine(costs, m, 1, v)
                    .evaluate(bc, scenario).npvInEur()));
        }
        double variation = m.sensitivityVariation();
        List<TornadoBar> bars = new ArrayList<>();
        for (Input in : inputs) {
            double low = in.base() * (1 - variation);
            double high = in.base() * (1 + variation);
            TornadoBar bar = new TornadoBar(in.name(), low, high, in.npvAt().applyAsDouble(low),
                    in.npvAt().applyAsDouble(high));
            if (bar.swingInEur() > 1e-6) {
                bars.add(bar);
            }
        }
        bars.sort(Comparator.comparingDouble(TornadoBar::swingInEur).reversed());
        return new Tornado(bc.id(), scenario.scenario(), npv(costs, m, bc, scenario), variation, bars);
    }

    private static double npv(CostCatalogue costs, MarketParameters m, BusinessCase bc, ScenarioData scenario) {
        return new CbaEngine(costs, m).evaluate(bc, scenario).npvInEur();
    }
}
