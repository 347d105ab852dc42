package org.openlfa.sim.grid;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.CemsAgent;
import org.openlfa.agents.DsoAgent;
import org.openlfa.agents.FlexibilityAggregatorAgent;
import org.openlfa.agents.GridState;
import org.openlfa.agents.InProcessTransport;
import org.openlfa.agents.usef.GridRegime;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;
import org.openlfa.optim.HomeSchedule;
import org.openlfa.community.Household;
import org.openlfa.community.grid.DsoSettings;

/**
 * Runs UC3 for one representative day of the whole grid: the DSO agent assesses the planned day, requests
 * flexibility where a limit would break, the aggregator's flexibility desk negotiates with the CEMS agents and
 * offers, the DSO orders, the homes are dispatched, and the DSO confirms and settles.
 *
 * <pre>{@code
 * GridDayOutcome day = new GridOperation(observer, dso, grid).run("2030Green-High/WINTER", Season.WINTER,
 *         households, i -> planOf(i), cemsByHousehold);
 * }</pre>
 */
public final class GridOperation {

    private static final String DSO_DOMAIN = "dso.openlfa.example";
    private static final String AGR_DOMAIN = "agr.openlfa.example";

    private final PowerFlowGridObserver observer;
    private final DsoSettings settings;
    private final TimeGrid grid;

    public GridOperation(PowerFlowGridObserver observer, DsoSettings settings, TimeGrid grid) {
        this.observer = observer;
        this.settings = settings;
        this.grid = grid;
    }

    /**
     * Runs the day.
     *
     * @param label      names the day in message ids ("scenario/season")
     * @param households all households, in the observer's order
     * @param planOf     the current plan of household i (read again after dispatch)
     * @param flexible   per household, its CEMS agent if it can offer flexibility (an energy box with a battery, EV
     *                   or heat pump), else null
     */
    public GridDayOutcome run(String label, Season season, List<Household> households, IntFunction<HomeSchedule> planOf,
                              CemsAgent[] flexible) {
        int n = grid.ptusPerDay();
        double[][] before = netByPtu(households.size(), n, planOf);
        InProcessTransport transport = new InProcessTransport();
        DsoAgent dso = new DsoAgent(new AgentId("dso"), DSO_DOMAIN, observer, settings.policy(),
                settings.transformerRatingInKva(), grid);
        FlexibilityAggregatorAgent desk = new FlexibilityAggregatorAgent(new AgentId("agr-flex"), AGR_DOMAIN,
                settings.aggregatorMarginFraction());
        transport.register(dso.id(), dso);
        transport.register(desk.id(), desk);
        Map<AgentId, String> householdOf = new LinkedHashMap<>();
        for (int i = 0; i < households.size(); i++) {
            if (flexible[i] != null) {
                transport.register(flexible[i].id(), flexible[i]);
                desk.register(flexible[i].id(), households.get(i).feeder(), planOf.apply(i).netInKw());
                householdOf.put(flexible[i].id(), households.get(i).id());
            }
        }
        DsoAgent.Assessment assessment = dso.assess(label, before);
        double maxLoading = 0;
        double minV = Double.POSITIVE_INFINITY;
        double maxV = Double.NEGATIVE_INFINITY;
        double[] feederMin = new double[observer.feeders()];
        double[] feederMax = new double[observer.feeders()];
        Arrays.fill(feederMin, Double.POSITIVE_INFINITY);
        Arrays.fill(feederMax, Double.NEGATIVE_INFINITY);
        int worst = 0;
        double worstSeverity = Double.NEGATIVE_INFINITY;
        boolean[] collapsed = new boolean[observer.feeders()];
        double collapsedPeak = 0;
        for (int t = 0; t < n; t++) {
            GridState s = assessment.states()[t];
            if (!s.converged()) {
                // no solution: the load is beyond what the grid can carry (red); no voltage is reported for it,
                // but the feeders drawing power and the transformer's load are marked for reinforcement
                collapsedPeak = Math.max(collapsedPeak, Arrays.stream(s.feederPowerInKw()).sum());
                for (int f = 0; f < collapsed.length; f++) {
                    collapsed[f] |= s.feederPowerInKw()[f] > 0;
                }
                continue;
            }
            maxLoading = Math.max(maxLoading, s.transformerLoadingPct());
            minV = Math.min(minV, s.minVoltagePu());
            maxV = Math.max(maxV, s.maxVoltagePu());
            for (int f = 0; f < feederMin.length; f++) {
                feederMin[f] = Math.min(feederMin[f], s.feederMinVoltagePu()[f]);
                feederMax[f] = Math.max(feederMax[f], s.feederMaxVoltagePu()[f]);
            }
            double severity = Math.max(s.transformerLoadingPct() / 100 - 1,
                    Math.max(0.9 - s.minVoltagePu(), s.maxVoltagePu() - 1.1) * 10);
            if (severity > worstSeverity) {
                worstSeverity = severity;
                worst = t;
            }
        }
        double requested = 0;
        double delivered = 0;
        double cost = 0;
        int orange = 0;
        int unresolvedRed = 0;
        Map<String, Double> compensation = new LinkedHashMap<>();
        if (assessment.congestedPtus() > 0) {
            dso.requestFlexibility(assessment, desk.id(), desk.domain(), transport);
            transport.deliverAll();
            desk.answerRequests(transport);
            transport.deliverAll();
            dso.orderOffers(desk.id(), transport);
            transport.deliverAll();
            double[][] after = netByPtu(households.size(), n, planOf);
            DsoAgent.Confirmation confirmation = dso.confirm(assessment, after, desk.id(), desk.domain(), transport);
            transport.deliverAll();
            for (GridRegime regime : confirmation.regimes()) {
                orange += regime == GridRegime.ORANGE ? 1 : 0;
                unresolvedRed += regime == GridRegime.RED ? 1 : 0;
            }
            requested = confirmation.requestedInKwh();
            delivered = confirmation.deliveredInKwh();
            cost = confirmation.costInEur();
            desk.homeCostInEur().forEach((agent, eur) -> compensation.put(householdOf.get(agent), eur));
        }
        return new GridDayOutcome(season, assessment.congestedPtus(), orange, assessment.redPtus(), unresolvedRed,
                maxLoading, minV, maxV, feederMin, feederMax, collapsed, collapsedPeak, requested, delivered, cost,
                compensation, worst, before[worst]);
    }

    private static double[][] netByPtu(int homes, int ptus, IntFunction<HomeSchedule> planOf) {
        double[][] out = new double[ptus][homes];
        for (int i = 0; i < homes; i++) {
            double[] net = planOf.apply(i).netInKw();
            for (int t = 0; t < ptus; t++) {
                out[t][i] = net[t];
            }
        }
        return out;
    }
}
