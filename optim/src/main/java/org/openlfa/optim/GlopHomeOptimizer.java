package org.openlfa.optim;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;

/**
 * {@link HomeOptimizer} on OR-Tools' GLOP simplex. The continuous devices (battery, EV, heat pump) form a linear
 * programme; the wet appliances' start times are discrete, so they are chosen by block coordinate descent: solve the
 * LP with the starts fixed, then move each cycle to its cheapest allowed start given the rest (an exact search over
 * the window), and repeat until no start moves. Each step can only lower the bill, so the result is never worse than
 * the LP with the preferred starts, hence never worse than the baseline.
 */
final class GlopHomeOptimizer implements HomeOptimizer {

    private static final int MAX_ROUNDS = 4;

    @Override
    public HomeSchedule optimise(HomeDayProblem problem) {
        int[] starts = problem.preferredWetStarts();
        HomeSchedule best = solveTariffLp(problem, starts);
        for (int round = 0; round < MAX_ROUNDS && !problem.wetCycles().isEmpty(); round++) {
            int[] moved = bestWetStarts(problem, best);
            if (Arrays.equals(moved, best.wetStartPtus())) {
                break;
            }
            HomeSchedule next = solveTariffLp(problem, moved);
            if (next.costInEur() >= best.costInEur() - 1e-9) {
                break;
            }
            best = next;
        }
        return best;
    }

    @Override
    public HomeSchedule respondToPrices(HomeDayProblem problem, int[] wetStartPtus, double[] priceInEurPerKwh) {
        MPSolver solver = OrTools.newLpSolver();
        try {
            HomeLp lp = HomeLp.addTo(solver, problem, wetStartPtus);
            MPObjective objective = solver.objective();
            double dt = problem.grid().hoursPerPtu();
            for (int t = 0; t < lp.net.length; t++) {
                objective.setCoefficient(lp.net[t], priceInEurPerKwh[t] * dt);
            }
            objective.setMinimization();
            requireOptimal(solver.solve(), problem.homeId());
            return lp.extract();
        } finally {
            solver.delete();
        }
    }

    @Override
    public HomeSchedule respondToCommunity(HomeDayProblem problem, int[] wetStartPtus, CommunityDay restOfCommunity) {
        return solveLp(problem, wetStartPtus, restOfCommunity.fixedNetInKw(), restOfCommunity.importPriceInEurPerKwh(),
                restOfCommunity.exportPriceInEurPerKwh());
    }

    @Override
    public HomeSchedule optimiseWithinLimits(HomeDayProblem problem, int[] wetStartPtus, NetPowerLimits limits) {
        return solveLp(problem, wetStartPtus, new double[problem.ptus()], problem.importPriceInEurPerKwh(),
                problem.exportPriceInEurPerKwh(), limits);
    }

    private static HomeSchedule solveTariffLp(HomeDayProblem problem, int[] wetStarts) {
        return solveLp(problem, wetStarts, new double[problem.ptus()], problem.importPriceInEurPerKwh(),
                problem.exportPriceInEurPerKwh());
    }

    private static HomeSchedule solveLp(HomeDayProblem problem, int[] wetStarts, double[] offsetInKw,
                                        double[] importPrice, double[] exportPrice) {
        return solveLp(problem, wetStarts, offsetInKw, importPrice, exportPrice, null);
    }

    /**
     * Minimises the bill of (offset + home net) at the given import and export prices, with the home's net power kept
     * within the limits where given (an excess is allowed but priced at the limits' penalty).
     */
    private static HomeSchedule solveLp(HomeDayProblem problem, int[] wetStarts, double[] offsetInKw,
                                        double[] importPrice, double[] exportPrice, NetPowerLimits limits) {
        MPSolver solver = OrTools.newLpSolver();
        try {
            HomeLp lp = HomeLp.addTo(solver, problem, wetStarts);
            MPObjective objective = solver.objective();
            double dt = problem.grid().hoursPerPtu();
            for (int t = 0; t < lp.net.length; t++) {
                // net = import - export, each priced at its own tariff; import > export price keeps them exclusive
                MPVariable imported = solver.makeNumVar(0, MPSolver.infinity(), "");
                MPVariable exported = solver.makeNumVar(0, MPSolver.infinity(), "");
                MPConstraint split = solver.makeConstraint(-offsetInKw[t], -offsetInKw[t], "");
                split.setCoefficient(lp.net[t], 1);
                split.setCoefficient(imported, -1);
                split.setCoefficient(exported, 1);
                objective.setCoefficient(imported, importPrice[t] * dt);
                objective.setCoefficient(exported, -exportPrice[t] * dt);
                if (limits != null) {
                    addLimit(solver, objective, lp.net[t], limits.maxNetInKw()[t], +1, limits, dt);
                    addLimit(solver, objective, lp.net[t], limits.minNetInKw()[t], -1, limits, dt);
                }
            }
            objective.setMinimization();
            requireOptimal(solver.solve(), problem.homeId());
            return lp.extract();
        } finally {
            solver.delete();
        }
    }

    /** Adds {@code sign * net - excess <= sign * limit} with the excess priced at the penalty; NaN means no limit. */
    private static void addLimit(MPSolver solver, MPObjective objective, MPVariable net, double limitInKw, int sign,
                                 NetPowerLimits limits, double dt) {
        if (Double.isNaN(limitInKw)) {
            return;
        }
        MPVariable excess = solver.makeNumVar(0, MPSolver.infinity(), "");
        MPConstraint limit = solver.makeConstraint(-MPSolver.infinity(), sign * limitInKw, "");
        limit.setCoefficient(net, sign);
        limit.setCoefficient(excess, -1);
        objective.setCoefficient(excess, limits.excessPenaltyInEurPerKwh() * dt);
    }

    /** For each wet cycle in turn, the allowed start with the lowest bill given everything else in the schedule. */
    static int[] bestWetStarts(HomeDayProblem problem, HomeSchedule schedule) {
        int n = problem.ptus();
        double dt = problem.grid().hoursPerPtu();
        double[] net = schedule.netInKw().clone();
        int[] starts = schedule.wetStartPtus().clone();
        for (int j = 0; j < starts.length; j++) {
            WetCycle cycle = problem.wetCycles().get(j);
            double[] cycleInKw = Arrays.stream(cycle.energyPerPtuInKwh()).map(e -> e / dt).toArray();
            shift(net, cycleInKw, starts[j], -1);
            int bestStart = starts[j];
            double bestCost = Double.POSITIVE_INFINITY;
            for (int delay = 0; delay <= cycle.maxDelayInPtus(); delay++) {
                int start = (cycle.preferredStartPtu() + delay) % n;
                double cost = 0;
                for (int k = 0; k < cycleInKw.length; k++) {
                    int t = (start + k) % n;
                    cost += problem.ptuCostInEur(t, net[t] + cycleInKw[k]) - problem.ptuCostInEur(t, net[t]);
                }
                if (cost < bestCost - 1e-12) {
                    bestCost = cost;
                    bestStart = start;
                }
            }
            starts[j] = bestStart;
            shift(net, cycleInKw, bestStart, +1);
        }
        return starts;
    }

    private static void shift(double[] net, double[] cycleInKw, int start, int sign) {
        for (int k = 0; k < cycleInKw.length; k++) {
            net[(start + k) % net.length] += sign * cycleInKw[k];
        }
    }

    static void requireOptimal(MPSolver.ResultStatus status, String what) {
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("LP for " + what + " ended " + status + " instead of OPTIMAL");
        }
    }
}
