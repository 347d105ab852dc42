package org.openlfa.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openlfa.core.TimeGrid;
import org.openlfa.model.asset.Battery;

/** The decentralised coordination reaches the centralised optimum of the same community problem. */
class CommunityCoordinationTest {

    static final TimeGrid GRID = TimeGrid.QUARTER_HOUR;

    @Test
    void dantzigWolfeMatchesTheCentralisedOptimum() {
        int n = GRID.ptusPerDay();
        Random random = new Random(7);
        double[] imp = new double[n];
        double[] exp = new double[n];
        for (int t = 0; t < n; t++) {
            imp[t] = t < 28 ? 0.12 : (t >= 64 && t < 76 ? 0.40 : 0.25);
            exp[t] = 0.05;
        }
        List<HomeDayProblem> homes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] load = new double[n];
            double[] pv = new double[n];
            for (int t = 0; t < n; t++) {
                load[t] = 0.3 + 0.4 * random.nextDouble();
                double hour = t / 4.0;
                pv[t] = i % 2 == 0 ? Math.max(0, 3.0 * Math.sin(Math.PI * (hour - 6) / 14)) : 0;
            }
            Optional<Battery> battery = i < 4 ? Optional.of(new Battery(5, 2.5, 0.9, 0.1, 1)) : Optional.empty();
            homes.add(new HomeDayProblem("h" + i, GRID, imp, exp, load, pv, battery, Optional.empty(),
                    Optional.empty(), List.of()));
        }
        double[] fixed = new double[n];
        Arrays.fill(fixed, 0.5);
        CommunityDay day = new CommunityDay(GRID, imp, exp, fixed);
        HomeOptimizer optimizer = HomeOptimizer.create();
        List<double[]> initial = new ArrayList<>();
        List<PriceResponder> members = new ArrayList<>();
        double uc1Total = 0;
        for (HomeDayProblem home : homes) {
            HomeSchedule own = optimizer.optimise(home);
            initial.add(own.netInKw());
            uc1Total += own.costInEur();
            PriceResponder direct = PriceResponder.direct(optimizer, home, new int[0]);
            members.add(new PriceResponder() {
                @Override
                public double[] propose(double[] price) {
                    return direct.propose(price);
                }

                @Override
                public double[] proposeAgainst(double[] rest) {
                    return direct.proposeAgainst(rest);
                }

                @Override
                public void accept(double[] weights) {
                    assertThat(Arrays.stream(weights).sum()).isCloseTo(1, within(1e-9));
                }
            });
        }
        CoordinationResult coordinated = new DantzigWolfeCoordinator(0.001, 40).coordinate(day, initial, members);
        double optimum = new CentralisedCommunitySolver().solve(day, homes,
                homes.stream().map(h -> new int[0]).toList()).costInEur();
        double gapPct = 100 * (coordinated.costInEur() - optimum) / Math.abs(optimum);
        // never better than the optimum, and a real improvement on the members acting alone
        assertThat(gapPct).isGreaterThanOrEqualTo(-1e-6);
        double[] uncoordinated = fixed.clone();
        for (double[] x : initial) {
            for (int t = 0; t < n; t++) {
                uncoordinated[t] += x[t];
            }
        }
        double uncoordinatedGapPct = 100 * (day.costInEur(uncoordinated) - optimum) / Math.abs(optimum);
        assertThat(gapPct).isLessThan(uncoordinatedGapPct / 4);
        assertThat(coordinated.lowerBoundInEur()).isLessThanOrEqualTo(optimum + 1e-6);
        // the community as one meter is never worse than its members trading alone with the supplier
        double fixedAlone = day.costInEur(fixed);
        assertThat(optimum).isLessThanOrEqualTo(uc1Total + fixedAlone + 1e-6);
        for (double price : coordinated.localPriceInEurPerKwh()) {
            assertThat(price).isBetween(0.05 - 1e-9, 0.40 + 1e-9);
        }
    }
}
