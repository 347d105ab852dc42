package org.openlfa.cba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The enrolment rule, the totals and one case computed by hand. */
class CbaEngineTest {

    private final CostCatalogue costs = CbaInputs.loadBuiltInCosts();
    private final BusinessCases cases = CbaInputs.loadBuiltInBusinessCases();
    private final CbaEngine engine = new CbaEngine(costs, cases.market());

    @Test
    void noHomeIsEnrolledBeyondTheLimitAndNoEligibleHomeWithinItIsLeftOut() {
        for (BusinessCase bc : cases.cases()) {
            CaseResult r = engine.evaluate(bc, Fixtures.scenario("S", 80, Optional.empty()));
            assertThat(r.prosumersInvolved()).as(bc.id()).isPositive();
            for (ProsumerOutcome p : r.prosumers()) {
                boolean within = p.paybackInYears() <= bc.paybackLimitInYears();
                assertThat(p.enrolled()).as(bc.id() + " " + p.household()).isEqualTo(p.eligible() && within);
                if (p.enrolled()) {
                    assertThat(p.paybackInYears()).isLessThanOrEqualTo(bc.paybackLimitInYears());
                }
            }
            // some homes are eligible but beyond the limit, so the rule is really exercised
            assertThat(r.prosumers()).anyMatch(p -> p.eligible() && !p.enrolled());
        }
    }

    @Test
    void totalsEqualTheSumOfTheProsumerRows() {
        for (BusinessCase bc : cases.cases()) {
            CaseResult r = engine.evaluate(bc, Fixtures.scenario("S", 60, Optional.empty()));
            var enrolled = r.prosumers().stream().filter(ProsumerOutcome::enrolled).toList();
            assertThat(r.prosumersInvolved()).isEqualTo(enrolled.size());
            assertThat(r.prosumersEligible()).isEqualTo((int) r.prosumers().stream()
                    .filter(ProsumerOutcome::eligible).count());
            assertThat(r.capexInEur()).isCloseTo(enrolled.stream().mapToDouble(ProsumerOutcome::capexInEur).sum()
                    + costs.platform().capexInEurPerLvg(), within(1e-6));
            assertThat(r.opexInEurPerYear()).isCloseTo(enrolled.stream()
                    .mapToDouble(ProsumerOutcome::annualOpexInEur).sum()
                    + costs.platform().opexInEurPerLvgPerYear(), within(1e-6));
            assertThat(r.lfaRevenueInEur()).isCloseTo(enrolled.stream()
                    .mapToDouble(ProsumerOutcome::lfaRevenueInEurPerYear).sum(), within(1e-6));
            assertThat(r.prosumerNetBenefitInEurPerYear()).isCloseTo(enrolled.stream()
                    .mapToDouble(ProsumerOutcome::prosumerBenefitInEurPerYear).sum(), within(1e-6));
            assertThat(r.valueExchangedInEur()).isCloseTo(enrolled.stream()
                    .mapToDouble(ProsumerOutcome::valueExchangedInEurPerYear).sum(), within(1e-6));
            assertThat(r.lfaRevenueByStreamInEur().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(r.lfaRevenueInEur(), within(1e-6));
            assertThat(r.shareInvolvedPct()).isCloseTo(100.0 * enrolled.size() / 60, within(1e-9));
        }
    }

    @Test
    void oneSmartHomeByHand() {
        // One smart home with two wet appliances saving EUR 300 a year under BC1 (share 0.5, no fee).
        ProsumerData home = new ProsumerData("H", "C1", false, false, false, false, true, false, 1000, 700, 700, 0, 0,
                2.0);
        ScenarioData s = new ScenarioData("S", 2030, java.util.List.of(home), 0, java.util.Map.of(),
                Optional.empty(), Optional.empty());
        BusinessCase bc1 = cases.byId("BC1");
        CaseResult r = engine.evaluate(bc1, s);
        CostCatalogue.ProsumerCapex c = costs.prosumerCapex();
        double capexHome = c.energyBoxInEur() + 2 * c.smartPlugInEurPerAppliance() + c.installationInEur()
                + c.meterIntegrationInEur();
        double retention = cases.market().retentionValueInEurPerYear();
        double opexHome = costs.prosumerOpex().inEurPerYear(true);
        ProsumerOutcome p = r.prosumers().get(0);
        assertThat(p.capexInEur()).isCloseTo(capexHome, within(1e-9));
        assertThat(p.annualValueInEur()).isCloseTo(300 + retention, within(1e-9));
        assertThat(p.lfaRevenueInEurPerYear()).isCloseTo(bc1.uc1SavingShare() * 300 + retention, within(1e-9));
        assertThat(p.prosumerBenefitInEurPerYear()).isCloseTo((1 - bc1.uc1SavingShare()) * 300, within(1e-9));
        assertThat(p.enrolled()).isTrue();

        CostCatalogue.Financials f = costs.financials();
        double capex = capexHome + costs.platform().capexInEurPerLvg();
        double net = bc1.uc1SavingShare() * 300 + retention - opexHome - costs.platform().opexInEurPerLvgPerYear();
        double[] flows = new double[f.horizonInYears() + 1];
        flows[0] = -capex;
        for (int t = 1; t <= f.horizonInYears(); t++) {
            flows[t] = net * Math.pow(1 + f.priceEscalationPerYear(), t - 1)
                    - (t % f.equipmentLifeInYears() == 0 && t < f.horizonInYears() ? capexHome : 0);
        }
        double npv = 0;
        for (int t = 0; t < flows.length; t++) {
            npv += flows[t] / Math.pow(1 + f.discountRate(), t);
        }
        assertThat(r.npvInEur()).isCloseTo(npv, within(1e-6));
        assertThat(r.cashFlowsInEur().get(0)).isCloseTo(-capex, within(1e-9));
    }

    @Test
    void nobodyEnrolledMeansTheLfaDoesNotLaunch() {
        ProsumerData home = new ProsumerData("H", "C1", false, false, false, false, true, false, 1000, 999, 999, 0, 0,
                2.0);
        ScenarioData s = new ScenarioData("S", 2030, java.util.List.of(home), 0, java.util.Map.of(),
                Optional.empty(), Optional.empty());
        CaseResult r = engine.evaluate(cases.byId("BC1"), s);
        assertThat(r.prosumersInvolved()).isZero();
        assertThat(r.capexInEur()).isZero();
        assertThat(r.npvInEur()).isZero();
        assertThat(r.irrPct()).isNaN();
        assertThat(r.pays()).isFalse();
    }

    @Test
    void theDsoPaysOnlyInTheCaseThatRunsItsStream() {
        GridFigures grid = new GridFigures("S", 5000, 4000, 3000, 6000);
        ScenarioData s = Fixtures.scenario("S", 40, Optional.of(grid));
        CaseResult bc3 = engine.evaluate(cases.byId("BC3"), s);
        CaseResult bc2 = engine.evaluate(cases.byId("BC2"), s);
        assertThat(bc3.lfaRevenueByStreamInEur().get(RevenueStream.DSO_FLEXIBILITY)).isPositive();
        assertThat(bc3.dsoFiguresFound()).isTrue();
        assertThat(bc2.lfaRevenueByStreamInEur()).doesNotContainKey(RevenueStream.DSO_FLEXIBILITY);
        assertThat(bc2.dsoNetBenefitInEurPerYear()).isZero();
        CaseResult without = engine.evaluate(cases.byId("BC3"), s.withGrid(Optional.empty()));
        assertThat(without.lfaRevenueByStreamInEur().get(RevenueStream.DSO_FLEXIBILITY)).isZero();
        assertThat(without.dsoFiguresFound()).isFalse();
    }

    @Test
    void theSpreadIsTheGapBetweenTheDearestAndCheapestHours() {
        double[] day = new double[24];
        for (int h = 0; h < 24; h++) {
            day[h] = h < 4 ? 10 : h >= 20 ? 90 : 50;
        }
        var shape = new java.util.EnumMap<org.openlfa.core.Season, double[]>(org.openlfa.core.Season.class);
        for (org.openlfa.core.Season season : org.openlfa.core.Season.values()) {
            shape.put(season, day);
        }
        ScenarioData s = new ScenarioData("S", 2030, java.util.List.of(), 0, java.util.Map.of(), Optional.of(shape),
                Optional.empty());
        assertThat(engine.spreadInEurPerMwh(s)).isCloseTo(80, within(1e-9)); // 4 h shift: 90 - 10
    }
}
