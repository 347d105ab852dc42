package org.openlfa.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openlfa.core.TimeGrid;
import org.openlfa.model.asset.Battery;
import org.openlfa.optim.CommunityDay;
import org.openlfa.optim.CoordinationResult;
import org.openlfa.optim.DantzigWolfeCoordinator;
import org.openlfa.optim.HomeDayProblem;
import org.openlfa.optim.HomeOptimizer;
import org.openlfa.optim.HomeSchedule;
import org.openlfa.optim.PriceResponder;

/** UC2 through agents: the same outcome as the coordinator called directly, with only net schedules exchanged. */
class CommunityNegotiationTest {

    static final TimeGrid GRID = TimeGrid.ofMinutes(60);
    static final int N = GRID.ptusPerDay();
    static final double TOLERANCE = 0.001;
    static final int MAX_ITERATIONS = 40;

    /** Night (00-07) 0.12 EUR/kWh, evening peak (16-19) 0.40, otherwise 0.25. */
    static double[] importPrice() {
        double[] p = new double[N];
        for (int h = 0; h < N; h++) {
            p[h] = h < 7 ? 0.12 : (h >= 16 && h < 19 ? 0.40 : 0.25);
        }
        return p;
    }

    static double[] constant(double value) {
        double[] a = new double[N];
        Arrays.fill(a, value);
        return a;
    }

    static double[] pv(double peakInKw) {
        double[] a = new double[N];
        for (int h = 0; h < N; h++) {
            a[h] = Math.max(0, peakInKw * Math.sin(Math.PI * (h + 0.5 - 6) / 14));
        }
        return a;
    }

    static HomeDayProblem home(String id, double loadInKw, double pvPeakInKw, Optional<Battery> battery) {
        return new HomeDayProblem(id, GRID, importPrice(), constant(0.05), constant(loadInKw), pv(pvPeakInKw),
                battery, Optional.empty(), Optional.empty(), List.of());
    }

    static final List<HomeDayProblem> HOMES = List.of(
            home("h1", 1.0, 0.0, Optional.of(new Battery(5, 2.5, 0.9, 0.1, 1))),
            home("h2", 0.8, 2.0, Optional.of(new Battery(4, 2.0, 0.9, 0.1, 0.9))),
            home("h3", 0.6, 4.0, Optional.empty()));

    static CommunityDay day() {
        return new CommunityDay(GRID, importPrice(), constant(0.05), constant(0.4));
    }

    @Test
    void agentsReachTheSameBillAsTheDirectCoordinatorAndRunFeasiblePlans() {
        HomeOptimizer optimizer = HomeOptimizer.create();
        InProcessTransport transport = new InProcessTransport();
        AggregatorAgent aggregator = new AggregatorAgent(new AgentId("agr-c1"), "c1",
                new DantzigWolfeCoordinator(TOLERANCE, MAX_ITERATIONS));
        transport.register(aggregator.id(), aggregator);
        List<CemsAgent> cems = new ArrayList<>();
        for (HomeDayProblem home : HOMES) {
            CemsAgent agent = new CemsAgent(new AgentId("cems-" + home.homeId()), home, optimizer);
            transport.register(agent.id(), agent);
            cems.add(agent);
        }
        List<double[]> initial = cems.stream().map(c -> c.uc1Schedule().netInKw()).toList();

        CoordinationResult viaAgents = aggregator.coordinate("winter", day(),
                cems.stream().map(CemsAgent::id).toList(), initial, transport);
        CoordinationResult direct = new DantzigWolfeCoordinator(TOLERANCE, MAX_ITERATIONS)
                .coordinate(day(), initial, directResponders(optimizer, cems));

        assertThat(viaAgents.costInEur()).isCloseTo(direct.costInEur(), within(1e-9));
        assertThat(viaAgents.iterations()).isEqualTo(direct.iterations());
        assertThat(viaAgents.costInEur()).isLessThan(day().costInEur(sum(initial)) - 1e-3);
        assertThat(aggregator.receivedContentTypes()).containsExactly(MessageContent.NetScheduleProposal.class);
        assertThat(transport.deliveredCount()).isGreaterThan(2L * HOMES.size());
        assertThat(transport.pendingCount()).isZero();

        for (int i = 0; i < cems.size(); i++) {
            HomeSchedule plan = cems.get(i).finalSchedule();
            // each home runs exactly the net schedule the aggregator settled on
            assertThat(plan.netInKw()).containsExactly(viaAgents.memberNetInKw().get(i), within(1e-6));
            assertBalancedAndWithinSoc(HOMES.get(i), plan);
        }
    }

    /** The same members as plain PriceResponders, without messages. */
    static List<PriceResponder> directResponders(HomeOptimizer optimizer, List<CemsAgent> cems) {
        List<PriceResponder> responders = new ArrayList<>();
        for (int i = 0; i < HOMES.size(); i++) {
            HomeDayProblem home = HOMES.get(i);
            int[] wetStarts = cems.get(i).uc1Schedule().wetStartPtus();
            responders.add(new PriceResponder() {
                @Override
                public double[] propose(double[] priceInEurPerKwh) {
                    return optimizer.respondToPrices(home, wetStarts, priceInEurPerKwh).netInKw();
                }

                @Override
                public double[] proposeAgainst(double[] restOfCommunityNetInKw) {
                    return optimizer.respondToCommunity(home, wetStarts, new CommunityDay(GRID,
                            home.importPriceInEurPerKwh(), home.exportPriceInEurPerKwh(), restOfCommunityNetInKw))
                            .netInKw();
                }

                @Override
                public void accept(double[] weightsOfProposals) {
                    // the direct run only serves as the reference bill
                }
            });
        }
        return responders;
    }

    static void assertBalancedAndWithinSoc(HomeDayProblem home, HomeSchedule plan) {
        for (int t = 0; t < N; t++) {
            double expected = home.baseLoadInKw()[t] - home.pvInKw()[t] + plan.batteryChargeInKw()[t]
                    - plan.batteryDischargeInKw()[t] + plan.evChargeInKw()[t] + plan.heatPumpInKw()[t]
                    + plan.wetLoadInKw()[t];
            assertThat(plan.netInKw()[t]).as("balance of %s at %d", home.homeId(), t)
                    .isCloseTo(expected, within(1e-6));
        }
        home.battery().ifPresent(battery -> {
            for (double e : plan.batteryEnergyInKwh()) {
                assertThat(e).isBetween(battery.minEnergyInKwh() - 1e-6, battery.maxEnergyInKwh() + 1e-6);
            }
        });
    }

    static double[] sum(List<double[]> nets) {
        double[] total = day().fixedNetInKw();
        for (double[] net : nets) {
            for (int t = 0; t < N; t++) {
                total[t] += net[t];
            }
        }
        return total;
    }
}
