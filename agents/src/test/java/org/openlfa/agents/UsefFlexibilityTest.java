package org.openlfa.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openlfa.agents.usef.FlexOrder;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.GridRegime;
import org.openlfa.core.TimeGrid;
import org.openlfa.optim.EvSession;
import org.openlfa.optim.HomeDayProblem;
import org.openlfa.optim.HomeOptimizer;

/**
 * The USEF exchange of UC3 end to end over the in-process transport: a transformer that two EVs overload at night,
 * the DSO's FlexRequest, the aggregator's contract net with the two CEMS, the FlexOffer, the order, the dispatch and
 * the settlement.
 */
class UsefFlexibilityTest {

    static final TimeGrid HOURLY = TimeGrid.ofMinutes(60);

    /**
     * A grid reduced to its transformer: loading is the summed power against the rating (the protocol under test
     * needs only the congestion point's power; the real power flow is exercised in the study's tests).
     */
    static final class TransformerOnly implements GridObserver {
        final double ratingInKva;

        TransformerOnly(double ratingInKva) {
            this.ratingInKva = ratingInKva;
        }

        @Override
        public int feeders() {
            return 1;
        }

        @Override
        public int connections() {
            return 2;
        }

        @Override
        public int feederOf(int connection) {
            return 1;
        }

        @Override
        public GridState observe(double[] net) {
            double total = Arrays.stream(net).sum();
            return new GridState(true, total, 100 * Math.abs(total) / ratingInKva, new double[] {total},
                    new double[] {1.0}, new double[] {1.0}, Double.NaN);
        }
    }

    static HomeDayProblem evHome(String id) {
        double[] price = new double[24];
        for (int h = 0; h < 24; h++) {
            price[h] = h < 7 ? 0.10 : 0.30;
        }
        boolean[] plugged = new boolean[24];
        double[] baseline = new double[24];
        for (int h = 0; h < 24; h++) {
            plugged[h] = h >= 18 || h < 7;
        }
        baseline[18] = 7;
        baseline[19] = 7;
        EvSession ev = new EvSession(plugged, 14, 7, baseline);
        double[] export = new double[24];
        Arrays.fill(export, 0.05);
        return new HomeDayProblem(id, HOURLY, price, export, new double[24], new double[24], Optional.empty(),
                Optional.of(ev), Optional.empty(), List.of());
    }

    @Test
    void theDsoBuysEnoughFlexibilityAndPaysWhatWasDelivered() {
        HomeOptimizer optimizer = HomeOptimizer.create();
        CemsAgent a = new CemsAgent(new AgentId("cems-a"), evHome("a"), optimizer);
        CemsAgent b = new CemsAgent(new AgentId("cems-b"), evHome("b"), optimizer);
        // both EVs charge 7 kW at the start of the cheap night: 14 kW on a 10 kVA transformer
        double[][] planned = new double[24][2];
        for (int t = 0; t < 24; t++) {
            planned[t][0] = a.finalSchedule().netInKw()[t];
            planned[t][1] = b.finalSchedule().netInKw()[t];
        }
        InProcessTransport transport = new InProcessTransport();
        DsoAgent dso = new DsoAgent(new AgentId("dso"), "dso.example", new TransformerOnly(10),
                DsoPolicy.en50160(0.50), 10, HOURLY);
        FlexibilityAggregatorAgent desk = new FlexibilityAggregatorAgent(new AgentId("agr"), "agr.example", 0.2);
        for (Agent agent : List.of(dso, desk, a, b)) {
            transport.register(agent.id(), agent);
        }
        desk.register(a.id(), 1, a.finalSchedule().netInKw());
        desk.register(b.id(), 1, b.finalSchedule().netInKw());

        DsoAgent.Assessment assessment = dso.assess("day", planned);
        assertThat(assessment.congestedPtus()).isPositive();
        List<FlexRequest> requests = dso.requestFlexibility(assessment, desk.id(), desk.domain(), transport);
        assertThat(requests).singleElement().satisfies(r -> assertThat(r.congestionPoint().toString()).isEqualTo("TR1"));
        transport.deliverAll();
        desk.answerRequests(transport);
        transport.deliverAll();
        List<FlexOrder> orders = dso.orderOffers(desk.id(), transport);
        assertThat(orders).hasSize(1);
        transport.deliverAll();

        double[][] after = new double[24][2];
        for (int t = 0; t < 24; t++) {
            after[t][0] = a.finalSchedule().netInKw()[t];
            after[t][1] = b.finalSchedule().netInKw()[t];
        }
        DsoAgent.Confirmation confirmation = dso.confirm(assessment, after, desk.id(), desk.domain(), transport);
        transport.deliverAll();
        // flexibility removed every overload: yellow, not orange
        assertThat(confirmation.regimes()).doesNotContain(GridRegime.ORANGE);
        for (int t = 0; t < 24; t++) {
            assertThat(after[t][0] + after[t][1]).isLessThanOrEqualTo(10 + 1e-6);
        }
        // the homes still get their energy, and the aggregator is paid what the DSO settled
        assertThat(Arrays.stream(a.finalSchedule().evChargeInKw()).sum()
                + Arrays.stream(b.finalSchedule().evChargeInKw()).sum()).isCloseTo(28, within(1e-6));
        assertThat(confirmation.deliveredInKwh()).isPositive();
        assertThat(desk.settledRevenueInEur()).isCloseTo(confirmation.costInEur(), within(1e-9));
    }
}
