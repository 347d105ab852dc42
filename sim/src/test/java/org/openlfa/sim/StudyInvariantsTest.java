package org.openlfa.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.grid.LvNetwork;
import org.openlfa.powerflow.PowerFlowModel;
import org.openlfa.community.grid.DsoSettings;
import org.openlfa.sim.grid.GridSummary;
import org.openlfa.sim.grid.PowerFlowGridObserver;
import org.openlfa.model.asset.Battery;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.optim.HomeDayProblem;
import org.openlfa.optim.HomeSchedule;
import org.openlfa.community.Communities;
import org.openlfa.community.Household;
import org.openlfa.community.Households;

/**
 * Invariants of a full scenario run on the reference grid, with all three use cases (the richest scenario, so every
 * asset appears and the grid is congested): the schedules checked are the final ones, after community coordination
 * and after the DSO's flexibility dispatch.
 */
class StudyInvariantsTest {

    static final double EPS = 1e-6;
    static ScenarioResult result;
    static StudyRunner runner;

    @BeforeAll
    static void run() {
        Communities communities = Communities.network22Default();
        LvNetwork network = EnwlNetwork.builtInNetwork22();
        List<Household> homes = Households.of(network, communities);
        runner = new StudyRunner(homes, communities, ScenarioLoader.loadBuiltInCatalogue(), ProfileLibrary.builtIn(),
                StudyOptions.defaults().withKeepSchedules(true))
                .withGrid(new PowerFlowGridObserver(PowerFlowModel.of(network), homes), DsoSettings.builtIn());
        result = runner.run(ScenarioLoader.loadBuiltIn("2030Green-High"), units -> { });
    }

    @Test
    void everyHomeIsInItsCommunityAndEverySeasonIsSimulated() {
        assertThat(result.households()).hasSize(184);
        assertThat(result.days()).hasSize(184 * 4);
        Map<String, Long> perCommunity = result.households().stream()
                .collect(Collectors.groupingBy(h -> h.household().community(), Collectors.counting()));
        assertThat(perCommunity).containsEntry("C1", 44L).containsEntry("C2", 74L).containsEntry("C3", 66L);
        assertThat(result.summary().smartHouseholds()).isEqualTo(92);
        assertThat(result.summary().coordinatedHouseholds()).isPositive();
    }

    @Test
    void everyHomeBalancesInEveryPtu() {
        for (HomeDay day : result.days()) {
            for (HomeSchedule s : List.of(day.baseline(), day.optimised(), day.community())) {
                HomeDayProblem p = day.problem();
                for (int t = 0; t < p.ptus(); t++) {
                    double expected = p.baseLoadInKw()[t] - p.pvInKw()[t] + s.batteryChargeInKw()[t]
                            - s.batteryDischargeInKw()[t] + s.evChargeInKw()[t] + s.heatPumpInKw()[t]
                            + s.wetLoadInKw()[t];
                    assertThat(s.netInKw()[t]).as("%s %s PTU %d", day.household().id(), day.season(), t)
                            .isCloseTo(expected, within(EPS));
                }
            }
        }
    }

    @Test
    void devicesStayWithinTheirLimits() {
        for (HomeDay day : result.days()) {
            HomeDayProblem p = day.problem();
            for (HomeSchedule s : List.of(day.baseline(), day.optimised(), day.community())) {
                if (p.battery().isPresent()) {
                    Battery b = p.battery().get();
                    for (double e : s.batteryEnergyInKwh()) {
                        assertThat(e).isBetween(b.minEnergyInKwh() - EPS, b.maxEnergyInKwh() + EPS);
                    }
                }
                p.heatPump().ifPresent(hp -> {
                    for (double temp : s.indoorTemperatureInCelsius()) {
                        assertThat(temp).isBetween(hp.pump().setpointInCelsius() - hp.pump().comfortToleranceInKelvin()
                                - EPS, hp.pump().setpointInCelsius() + hp.pump().comfortToleranceInKelvin() + EPS);
                    }
                });
                p.ev().ifPresent(ev -> {
                    double delivered = 0;
                    for (int t = 0; t < p.ptus(); t++) {
                        if (!ev.pluggedIn()[t]) {
                            assertThat(s.evChargeInKw()[t]).isCloseTo(0, within(EPS));
                        }
                        delivered += s.evChargeInKw()[t] * p.grid().hoursPerPtu();
                    }
                    assertThat(delivered).isCloseTo(ev.energyInKwh(), within(1e-4));
                });
            }
        }
    }

    @Test
    void noOptimisedBillIsAboveItsBaseline() {
        for (HouseholdResult h : result.households()) {
            assertThat(h.optimisedBillInEur()).as(h.household().id())
                    .isLessThanOrEqualTo(h.baselineBillInEur() + 1e-6);
        }
        assertThat(result.summary().uc1SavingInEur()).isPositive();
    }

    @Test
    void noHomeIsWorseOffInTheCommunityThanWithoutAnEnergyBox() {
        // coordination asks some homes to deviate from their own optimum; local trading and flexibility payments
        // must still leave every home at or below its baseline bill
        for (HouseholdResult h : result.households()) {
            assertThat(h.communityBillInEur()).as(h.household().id())
                    .isLessThanOrEqualTo(h.baselineBillInEur() + 1e-6);
        }
    }

    @Test
    void communitiesBalanceAndTheLocalMarketBalances() {
        // per PTU: what the community imports minus exports equals the sum of its homes' net exchange
        for (CommunitySeries series : result.series()) {
            List<HomeDay> homes = result.days().stream().filter(d -> d.season() == series.season()
                    && d.household().community().equals(series.community())).toList();
            for (int t = 0; t < series.importInKw().length; t++) {
                double total = 0;
                for (HomeDay d : homes) {
                    total += d.community().netInKw()[t];
                }
                assertThat(series.importInKw()[t] - series.exportInKw()[t]).isCloseTo(total, within(EPS));
            }
        }
        double bought = result.households().stream().mapToDouble(HouseholdResult::localBoughtInKwh).sum();
        double sold = result.households().stream().mapToDouble(HouseholdResult::localSoldInKwh).sum();
        assertThat(bought).isCloseTo(sold, within(1e-6 * Math.max(1, sold)));
        assertThat(bought).isCloseTo(result.summary().localTradedInKwh(), within(1e-6 * Math.max(1, sold)));
        // the coordinated community never costs more than the centralised optimum allows, and not less
        assertThat(result.summary().coordinationGapPct()).isGreaterThanOrEqualTo(-1e-6);
    }

    @Test
    void theSameSeedGivesTheSameResults() {
        ScenarioResult again = runner.run(ScenarioLoader.loadBuiltIn("2030Green-High"), units -> { });
        assertThat(again.households()).isEqualTo(result.households());
        assertThat(again.summary().communityCostInEur()).isEqualTo(result.summary().communityCostInEur());
    }

    @Test
    void theDsoBuysFlexibilityWhereTheGridIsCongested() {
        GridSummary grid = result.grid().orElseThrow();
        assertThat(grid.congestedPtus()).isPositive();
        assertThat(grid.orangePtus()).isBetween(0, grid.congestedPtus());
        assertThat(grid.flexRequestedInKwh()).isPositive();
        assertThat(grid.flexDeliveredInKwh()).isPositive();
        assertThat(grid.dsoFlexCostInEur()).isGreaterThanOrEqualTo(0);
        assertThat(grid.maxTransformerLoadingPct()).isGreaterThan(100);
        // the reinforcement the DSO would build instead is priced, and its deferral only counts when flexibility sufficed
        assertThat(grid.reinforcementCapexInEur()).isPositive();
        assertThat(grid.reinforcementAnnuityInEur()).isPositive().isLessThan(grid.reinforcementCapexInEur());
        if (grid.orangePtus() > 0) {
            assertThat(grid.deferralValueInEur()).isZero();
        }
        // homes paid for flexibility are compensated: no dispatched home ends above its own optimum plus its share
        // of the community settlement (checked in aggregate: the community costs less than the homes acting alone)
        assertThat(result.summary().communityCostInEur()).isLessThan(result.summary().optimisedCostInEur());
    }
}
