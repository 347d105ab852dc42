package org.openlfa.sim.grid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openlfa.core.Season;
import org.openlfa.grid.Line;
import org.openlfa.grid.LvNetwork;
import org.openlfa.community.grid.DsoSettings;

/**
 * A scenario's UC3 figures for a year, and the reinforcement the operator would build instead of flexibility.
 *
 * <p>Reinforcement: the smallest larger transformer that carries the year's peak loading; and for every feeder with a
 * voltage outside the limits, an overlay cable along its longest path (a second cable halves the main's impedance,
 * which halves its voltage drop or rise). Its cost is an annuity over the asset's life. Deferral value: what putting
 * that investment off by one year is worth, counted only when flexibility removed every violation (no orange PTU).
 *
 * @param scenario                 scenario name
 * @param congestedPtus            PTUs a year with a violation as planned
 * @param orangePtus               PTUs a year still in violation after flexibility
 * @param redPtus                  PTUs a year whose power flow has no solution as planned (voltage collapse)
 * @param unresolvedRedPtus        PTUs a year still without a solution after flexibility
 * @param maxTransformerLoadingPct the year's highest transformer loading as planned
 * @param minVoltagePu             the year's lowest customer voltage as planned
 * @param maxVoltagePu             the year's highest customer voltage as planned
 * @param flexRequestedInKwh       flexibility requested in a year
 * @param flexDeliveredInKwh       flexibility delivered in a year
 * @param dsoFlexCostInEur         what the operator paid for flexibility in a year
 * @param reinforcementCapexInEur  the reinforcement's investment (0 when the grid needs none)
 * @param reinforcementAnnuityInEur the reinforcement as a yearly annuity
 * @param deferralValueInEur       value of deferring the reinforcement by a year thanks to flexibility
 * @param reinforcementPlan        what would be built, in words
 * @param worstSeason              the season of the year's worst PTU
 * @param worstPtu                 the worst PTU of that season's day
 * @param worstNetInKw             the households' net power in the worst PTU
 */
public record GridSummary(String scenario, int congestedPtus, int orangePtus, int redPtus, int unresolvedRedPtus,
                          double maxTransformerLoadingPct,
                          double minVoltagePu, double maxVoltagePu, double flexRequestedInKwh,
                          double flexDeliveredInKwh, double dsoFlexCostInEur, double reinforcementCapexInEur,
                          double reinforcementAnnuityInEur, double deferralValueInEur, String reinforcementPlan,
                          Season worstSeason, int worstPtu, double[] worstNetInKw) {

    /** How far the year's worst PTU is from the limits (the same score as {@link GridDayOutcome#severity()}). */
    public double severity() {
        return Math.max(maxTransformerLoadingPct / 100 - 1, Math.max(0.9 - minVoltagePu, maxVoltagePu - 1.1) * 10);
    }

    /** Aggregates the four representative days of a scenario. */
    public static GridSummary of(String scenario, List<GridDayOutcome> days, PowerFlowGridObserver observer,
                                 DsoSettings settings) {
        int congested = 0;
        int orange = 0;
        int red = 0;
        int unresolvedRed = 0;
        double collapsedPeak = 0;
        boolean[] collapsed = new boolean[observer.feeders()];
        double maxLoading = 0;
        double minV = Double.POSITIVE_INFINITY;
        double maxV = Double.NEGATIVE_INFINITY;
        double requested = 0;
        double delivered = 0;
        double cost = 0;
        int feeders = observer.feeders();
        double[] feederMin = new double[feeders];
        double[] feederMax = new double[feeders];
        java.util.Arrays.fill(feederMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(feederMax, Double.NEGATIVE_INFINITY);
        GridDayOutcome worst = days.get(0);
        for (GridDayOutcome day : days) {
            int weight = day.season().daysPerYear();
            congested += weight * day.congestedPtus();
            orange += weight * day.orangePtus();
            red += weight * day.redPtus();
            unresolvedRed += weight * day.unresolvedRedPtus();
            collapsedPeak = Math.max(collapsedPeak, day.collapsedPeakInKw());
            maxLoading = Math.max(maxLoading, day.maxTransformerLoadingPct());
            minV = Math.min(minV, day.minVoltagePu());
            maxV = Math.max(maxV, day.maxVoltagePu());
            requested += weight * day.requestedInKwh();
            delivered += weight * day.deliveredInKwh();
            cost += weight * day.dsoCostInEur();
            for (int f = 0; f < feeders; f++) {
                feederMin[f] = Math.min(feederMin[f], day.feederMinVoltagePu()[f]);
                feederMax[f] = Math.max(feederMax[f], day.feederMaxVoltagePu()[f]);
                collapsed[f] |= day.feederCollapsed()[f];
            }
            if (day.severity() > worst.severity()) {
                worst = day;
            }
        }
        DsoSettings.Reinforcement r = settings.reinforcement();
        double capex = 0;
        double annuity = 0;
        List<String> plan = new ArrayList<>();
        // a PTU without a solution counts with its total power at a 0.95 power factor (no losses are known)
        double loading = Math.max(maxLoading, 100 * collapsedPeak / 0.95 / settings.transformerRatingInKva());
        if (loading > settings.policy().maxTransformerLoadingPct()) {
            double neededKva = settings.transformerRatingInKva() * loading / settings.policy().maxTransformerLoadingPct();
            DsoSettings.TransformerStep step = r.transformerSteps().stream().filter(s -> s.ratingInKva() >= neededKva)
                    .findFirst().orElse(r.transformerSteps().get(r.transformerSteps().size() - 1));
            capex += step.costInEur();
            annuity += r.annuityInEur(step.costInEur(), r.transformerLifeInYears());
            plan.add(String.format(Locale.ROOT, "transformer %.0f -> %.0f kVA", settings.transformerRatingInKva(),
                    step.ratingInKva()) + (step.ratingInKva() < neededKva ? " (still short)" : ""));
        }
        double[] longestPath = longestPathPerFeederInMeters(observer.model().network(), feeders);
        for (int f = 0; f < feeders; f++) {
            if (collapsed[f] || feederMin[f] < settings.policy().minVoltagePu()
                    || feederMax[f] > settings.policy().maxVoltagePu()) {
                double overlay = longestPath[f] * r.cableOverlayCostInEurPerMeter();
                capex += overlay;
                annuity += r.annuityInEur(overlay, r.cableLifeInYears());
                plan.add(String.format(Locale.ROOT, "overlay feeder %d (%.0f m)", f + 1, longestPath[f]));
            }
        }
        double deferral = orange == 0 && unresolvedRed == 0 && capex > 0 ? r.oneYearDeferralValueInEur(capex) : 0;
        return new GridSummary(scenario, congested, orange, red, unresolvedRed, maxLoading, minV, maxV, requested,
                delivered, cost, capex, annuity, deferral, plan.isEmpty() ? "none" : String.join("; ", plan), worst.season(),
                worst.worstPtu(), worst.worstNetInKw());
    }

    /** Per feeder, the longest cable path from the substation busbar to one of its buses. */
    static double[] longestPathPerFeederInMeters(LvNetwork network, int feeders) {
        Map<String, List<Line>> adjacency = new HashMap<>();
        for (Line line : network.lines()) {
            adjacency.computeIfAbsent(key(line.bus1()), k -> new ArrayList<>()).add(line);
            adjacency.computeIfAbsent(key(line.bus2()), k -> new ArrayList<>()).add(line);
        }
        String root = network.transformers().isEmpty() ? key(network.sourceBus())
                : key(network.transformers().get(0).secondary().bus());
        Map<String, Double> distance = new HashMap<>();
        distance.put(root, 0.0);
        Deque<String> queue = new ArrayDeque<>(List.of(root));
        double[] longest = new double[feeders];
        while (!queue.isEmpty()) {
            String bus = queue.poll();
            for (Line line : adjacency.getOrDefault(bus, List.of())) {
                String other = key(line.bus1()).equals(bus) ? key(line.bus2()) : key(line.bus1());
                if (!distance.containsKey(other)) {
                    double d = distance.get(bus) + line.lengthInMeters();
                    distance.put(other, d);
                    queue.add(other);
                    if (line.feeder() >= 1 && line.feeder() <= feeders) {
                        longest[line.feeder() - 1] = Math.max(longest[line.feeder() - 1], d);
                    }
                }
            }
        }
        return longest;
    }

    private static String key(String bus) {
        return bus.toLowerCase(Locale.ROOT);
    }
}
