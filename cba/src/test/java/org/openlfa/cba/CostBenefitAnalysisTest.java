package org.openlfa.cba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openlfa.core.InputException;

/** The whole analysis on a small study: every case x scenario, tornados, break-evens and scaling. */
class CostBenefitAnalysisTest {

    private final CostCatalogue costs = CbaInputs.loadBuiltInCosts();
    private final BusinessCases cases = CbaInputs.loadBuiltInBusinessCases();

    @Test
    void everyCaseOnEveryScenario() {
        StudyData study = Fixtures.study(3, 60);
        CbaResult cba = CostBenefitAnalysis.run(study, costs, cases, null);
        assertThat(cba.results()).hasSize(9);
        assertThat(cba.referenceScenario()).isEqualTo("S2");
        assertThat(cba.tornados()).hasSize(3);
        for (Tornado t : cba.tornados()) {
            assertThat(t.bars()).isNotEmpty();
            for (int i = 1; i < t.bars().size(); i++) {
                assertThat(t.bars().get(i).swingInEur()).isLessThanOrEqualTo(t.bars().get(i - 1).swingInEur());
            }
        }
        assertThat(cba.breakEvens()).hasSize(9);
        assertThat(cba.scaling()).hasSize(9);
    }

    @Test
    void theBreakEvenBoxPriceIsWhereTheNpvTurns() {
        ScenarioData s = Fixtures.scenario("S", 80, java.util.Optional.empty());
        BusinessCase bc1 = cases.byId("BC1");
        double price = CostBenefitAnalysis.breakEvenBoxPrice(costs, cases, bc1, s);
        assertThat(price).isFinite().isPositive();
        assertThat(npvAtBox(s, bc1, price - 0.5)).isPositive();
        assertThat(npvAtBox(s, bc1, price + 0.5)).isLessThanOrEqualTo(0);
    }

    @Test
    void scalingCarriesTheCentralCostsOnce() {
        CaseResult r = new CbaEngine(costs, cases.market()).evaluate(cases.byId("BC1"),
                Fixtures.scenario("S", 80, java.util.Optional.empty()));
        double central = CostBenefitAnalysis.centralCostsPv(costs);
        Scaling s = CostBenefitAnalysis.scale(r, central, 1_000_000);
        assertThat(s.points().get(0).npvInEur()).isEqualTo(r.npvInEur() - central);
        assertThat(s.lvgsForTarget()).isEqualTo((long) Math.ceil(1_000_000 / r.lfaRevenueInEur()));
        assertThat(s.poolForTarget()).isEqualTo(s.lvgsForTarget() * 80);
        if (r.npvInEur() > 0) {
            assertThat(s.breakEvenLvgs() * r.npvInEur()).isGreaterThanOrEqualTo(central);
            assertThat((s.breakEvenLvgs() - 1) * r.npvInEur()).isLessThan(central);
        }
    }

    @Test
    void anUnknownReferenceScenarioIsBadInput() {
        assertThatThrownBy(() -> CostBenefitAnalysis.run(Fixtures.study(1, 20), costs, cases, "2050Mars"))
                .isInstanceOf(InputException.class).hasMessageContaining("--reference-scenario")
                .hasMessageContaining("2050Mars");
    }

    private double npvAtBox(ScenarioData s, BusinessCase bc, double price) {
        CostCatalogue.ProsumerCapex c = costs.prosumerCapex();
        return new CbaEngine(costs.withProsumerCapex(new CostCatalogue.ProsumerCapex(price,
                c.smartPlugInEurPerAppliance(), c.installationInEur(), c.meterIntegrationInEur())), cases.market())
                .evaluate(bc, s).npvInEur();
    }
}
