package org.openlfa.optim;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference for UC2: the same community problem solved in one linear programme with every member's devices in
 * view (which a real aggregator must not see). Used to measure the decentralised coordination's gap.
 *
 * <pre>{@code
 * double optimumInEur = new CentralisedCommunitySolver().solve(day, problems, wetStarts).costInEur();
 * }</pre>
 */
public final class CentralisedCommunitySolver {

    /** The optimum and the members' schedules at it. */
    public record Solution(double costInEur, List<HomeSchedule> schedules) {
    }

    /**
     * Solves the community day.
     *
     * @param day       prices and the fixed members' net exchange
     * @param members   the coordinated members' problems
     * @param wetStarts per member, the wet appliances' start PTUs (held fixed, as in the decentralised method)
     */
    public Solution solve(CommunityDay day, List<HomeDayProblem> members, List<int[]> wetStarts) {
        int n = day.grid().ptusPerDay();
        double dt = day.grid().hoursPerPtu();
        MPSolver solver = OrTools.newLpSolver();
        try {
            List<HomeLp> homes = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                homes.add(HomeLp.addTo(solver, members.get(i), wetStarts.get(i)));
            }
            MPObjective objective = solver.objective();
            for (int t = 0; t < n; t++) {
                MPVariable imported = solver.makeNumVar(0, MPSolver.infinity(), "");
                MPVariable exported = solver.makeNumVar(0, MPSolver.infinity(), "");
                MPConstraint balance = solver.makeConstraint(day.fixedNetInKw()[t], day.fixedNetInKw()[t], "");
                balance.setCoefficient(imported, 1);
                balance.setCoefficient(exported, -1);
                for (HomeLp home : homes) {
                    balance.setCoefficient(home.net[t], -1);
                }
                objective.setCoefficient(imported, day.importPriceInEurPerKwh()[t] * dt);
                objective.setCoefficient(exported, -day.exportPriceInEurPerKwh()[t] * dt);
            }
            objective.setMinimization();
            GlopHomeOptimizer.requireOptimal(solver.solve(), "the centralised community problem");
            List<HomeSchedule> schedules = homes.stream().map(HomeLp::extract).toList();
            return new Solution(objective.value(), schedules);
        } finally {
            solver.delete();
        }
    }
}
