package org.openlfa.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.AggregatorAgent;
import org.openlfa.agents.CemsAgent;
import org.openlfa.agents.InProcessTransport;
import org.openlfa.core.Season;
import org.openlfa.model.asset.HomeAssets;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.optim.BaselineController;
import org.openlfa.optim.CentralisedCommunitySolver;
import org.openlfa.optim.CommunityDay;
import org.openlfa.optim.CoordinationResult;
import org.openlfa.optim.DantzigWolfeCoordinator;
import org.openlfa.optim.HomeDayProblem;
import org.openlfa.optim.HomeOptimizer;
import org.openlfa.optim.HomeSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario on a grid's households: baseline, in-home optimisation (UC1) by each CEMS agent, community
 * coordination (UC2) by each community's aggregator agent, and local market settlement, for one representative day
 * per season, annualised by the season's days.
 *
 * <pre>{@code
 * StudyRunner runner = new StudyRunner(households, communities, catalogue, ProfileLibrary.builtIn(),
 *         StudyOptions.defaults());
 * ScenarioResult result = runner.run(ScenarioLoader.loadBuiltIn("2030Green-High"), progress -> { });
 * }</pre>
 */
public final class StudyRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StudyRunner.class);

    private final List<Household> households;
    private final Communities communities;
    private final StudyOptions options;
    private final AssetAssigner assigner;
    private final DayProblems dayProblems;

    public StudyRunner(List<Household> households, Communities communities, AssetCatalogue catalogue,
                       ProfileLibrary profiles, StudyOptions options) {
        this.households = List.copyOf(households);
        this.communities = communities;
        this.options = options;
        this.assigner = new AssetAssigner(households, catalogue, profiles, options.seed());
        this.dayProblems = new DayProblems(profiles, options.grid());
    }

    /** The number of work units {@link #run} reports progress on (community-days). */
    public int unitsPerScenario() {
        return Season.values().length * communities.names().size();
    }

    /**
     * Runs one scenario.
     *
     * @param progress called with 1 after each community-day is done (from worker threads)
     */
    public ScenarioResult run(Scenario scenario, IntConsumer progress) {
        long start = System.nanoTime();
        List<HomeAssets> assets = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            assets.add(assigner.assetsOf(i, scenario.penetration()));
        }
        List<CommunityDayTask> tasks = new ArrayList<>();
        for (Season season : Season.values()) {
            double[] importPrice = scenario.importTariff().pricesInEurPerKwh(season, options.grid());
            double[] exportPrice = scenario.exportTariff().pricesInEurPerKwh(season, options.grid());
            for (String community : communities.names()) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < households.size(); i++) {
                    if (households.get(i).community().equals(community)) {
                        members.add(i);
                    }
                }
                tasks.add(new CommunityDayTask(scenario, season, community, members, importPrice, exportPrice));
            }
        }
        List<CommunityDayOutcome> outcomes = runAll(tasks, assets, progress);

        double[] baseline = new double[households.size()];
        double[] optimised = new double[households.size()];
        double[] community = new double[households.size()];
        double[] bought = new double[households.size()];
        double[] sold = new double[households.size()];
        boolean[] coordinated = new boolean[households.size()];
        double traded = 0;
        double value = 0;
        double coordinatedCost = 0;
        double centralCost = 0;
        int maxRounds = 0;
        List<CommunitySeries> series = new ArrayList<>();
        List<HomeDay> days = new ArrayList<>();
        for (CommunityDayOutcome o : outcomes) {
            int weight = o.task.season.daysPerYear();
            for (int k = 0; k < o.task.members.size(); k++) {
                int i = o.task.members.get(k);
                baseline[i] += weight * o.baselineBill[k];
                optimised[i] += weight * o.optimisedBill[k];
                community[i] += weight * o.communityBill[k];
                bought[i] += weight * o.boughtInKwh[k];
                sold[i] += weight * o.soldInKwh[k];
                coordinated[i] |= o.coordinated[k];
            }
            traded += weight * o.tradedInKwh;
            value += weight * o.valueExchangedInEur;
            coordinatedCost += weight * o.coordinatedCostInEur;
            centralCost += weight * o.centralCostInEur;
            maxRounds = Math.max(maxRounds, o.rounds);
            series.add(o.series);
            days.addAll(o.days);
        }
        List<HouseholdResult> rows = new ArrayList<>();
        int smart = 0;
        int coordinatedCount = 0;
        for (int i = 0; i < households.size(); i++) {
            HomeAssets a = assets.get(i);
            smart += a.smart() ? 1 : 0;
            coordinatedCount += coordinated[i] ? 1 : 0;
            rows.add(new HouseholdResult(scenario.name(), households.get(i), a.pv().isPresent(),
                    a.battery().isPresent(), a.ev().isPresent(), a.heatPump().isPresent(), a.smart(), coordinated[i],
                    baseline[i], optimised[i], community[i], bought[i], sold[i]));
        }
        double gapPct = Math.abs(centralCost) < 1e-9 ? 0 : 100 * (coordinatedCost - centralCost) / Math.abs(centralCost);
        ScenarioSummary summary = new ScenarioSummary(scenario.name(), households.size(), smart, coordinatedCount,
                sum(baseline), sum(optimised), sum(community), traded, value, gapPct, maxRounds,
                (System.nanoTime() - start) / 1e9);
        LOG.debug("{}: {} s, coordination gap {} %", scenario.name(), summary.durationInSeconds(), gapPct);
        return new ScenarioResult(summary, rows, series, days);
    }

    private List<CommunityDayOutcome> runAll(List<CommunityDayTask> tasks, List<HomeAssets> assets,
                                             IntConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
        try {
            List<Future<CommunityDayOutcome>> futures = new ArrayList<>();
            for (CommunityDayTask task : tasks) {
                futures.add(pool.submit(() -> {
                    CommunityDayOutcome outcome = runCommunityDay(task, assets);
                    progress.accept(1);
                    return outcome;
                }));
            }
            List<CommunityDayOutcome> out = new ArrayList<>();
            for (Future<CommunityDayOutcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("study interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record CommunityDayTask(Scenario scenario, Season season, String community, List<Integer> members,
                                    double[] importPrice, double[] exportPrice) {
    }

    private record CommunityDayOutcome(CommunityDayTask task, double[] baselineBill, double[] optimisedBill,
                                       double[] communityBill, double[] boughtInKwh, double[] soldInKwh,
                                       boolean[] coordinated, double tradedInKwh, double valueExchangedInEur,
                                       double coordinatedCostInEur, double centralCostInEur, int rounds,
                                       CommunitySeries series, List<HomeDay> days) {
    }

    private CommunityDayOutcome runCommunityDay(CommunityDayTask task, List<HomeAssets> assets) {
        int m = task.members.size();
        int n = options.grid().ptusPerDay();
        double dt = options.grid().hoursPerPtu();
        HomeOptimizer optimizer = HomeOptimizer.create();
        BaselineController baselineController = new BaselineController();
        InProcessTransport transport = new InProcessTransport();
        HomeDayProblem[] problems = new HomeDayProblem[m];
        HomeSchedule[] baseline = new HomeSchedule[m];
        CemsAgent[] cems = new CemsAgent[m];
        boolean[] coordinated = new boolean[m];
        List<AgentId> memberIds = new ArrayList<>();
        List<double[]> initial = new ArrayList<>();
        List<HomeDayProblem> memberProblems = new ArrayList<>();
        List<int[]> memberWetStarts = new ArrayList<>();
        double[] fixedNet = new double[n];
        for (int k = 0; k < m; k++) {
            int i = task.members.get(k);
            Household h = households.get(i);
            HomeAssets a = assets.get(i);
            problems[k] = dayProblems.build(h.id(), a, task.season, task.importPrice, task.exportPrice);
            baseline[k] = baselineController.schedule(problems[k]);
            if (a.smart() && a.hasFlexibleAssets()) {
                cems[k] = new CemsAgent(new AgentId("cems-" + h.id()), problems[k], optimizer);
                if (cems[k].uc1Schedule().costInEur() > baseline[k].costInEur() + 1e-9) {
                    LOG.warn("{} {}: optimised bill above baseline ({} > {})", h.id(), task.season,
                            cems[k].uc1Schedule().costInEur(), baseline[k].costInEur());
                }
                transport.register(cems[k].id(), cems[k]);
                coordinated[k] = a.battery().isPresent() || a.ev().isPresent() || a.heatPump().isPresent();
            }
            if (coordinated[k]) {
                memberIds.add(cems[k].id());
                initial.add(cems[k].uc1Schedule().netInKw());
                memberProblems.add(problems[k]);
                memberWetStarts.add(cems[k].uc1Schedule().wetStartPtus());
            } else {
                double[] net = uc1(cems[k], baseline[k]).netInKw();
                for (int t = 0; t < n; t++) {
                    fixedNet[t] += net[t];
                }
            }
        }
        CommunityDay day = new CommunityDay(options.grid(), task.importPrice, task.exportPrice, fixedNet);
        AggregatorAgent aggregator = new AggregatorAgent(new AgentId("agr-" + task.community), task.community,
                new DantzigWolfeCoordinator(options.coordinationTolerance(), options.maxCoordinationRounds()));
        transport.register(aggregator.id(), aggregator);
        CoordinationResult coordination = aggregator.coordinate(task.scenario.name() + "-" + task.season, day,
                memberIds, initial, transport);
        double central = memberProblems.isEmpty() ? coordination.costInEur()
                : new CentralisedCommunitySolver().solve(day, memberProblems, memberWetStarts).costInEur();

        HomeSchedule[] finalPlans = new HomeSchedule[m];
        double[][] nets = new double[m][];
        for (int k = 0; k < m; k++) {
            finalPlans[k] = coordinated[k] ? cems[k].finalSchedule() : uc1(cems[k], baseline[k]);
            nets[k] = finalPlans[k].netInKw();
        }
        LocalMarket market = new LocalMarket(task.scenario.localMarketRule());
        double[] bill = new double[m];
        double[] bought = new double[m];
        double[] sold = new double[m];
        double[] importKw = new double[n];
        double[] exportKw = new double[n];
        double[] tradeKw = new double[n];
        double[] flexKw = new double[n];
        double traded = 0;
        double value = 0;
        double[] column = new double[m];
        for (int t = 0; t < n; t++) {
            double total = 0;
            for (int k = 0; k < m; k++) {
                column[k] = nets[k][t];
                total += column[k];
                flexKw[t] += finalPlans[k].flexibleLoadInKw()[t];
            }
            LocalMarket.Settlement s = market.settle(column, dt, task.importPrice[t], task.exportPrice[t]);
            for (int k = 0; k < m; k++) {
                bill[k] += s.billInEur()[k];
                bought[k] += s.localBoughtInKwh()[k];
                sold[k] += s.localSoldInKwh()[k];
            }
            traded += s.tradedInKwh();
            value += s.tradedInKwh() * s.localPriceInEurPerKwh();
            importKw[t] = Math.max(total, 0);
            exportKw[t] = Math.max(-total, 0);
            tradeKw[t] = s.tradedInKwh() / dt;
        }
        double[] baselineBill = new double[m];
        double[] optimisedBill = new double[m];
        List<HomeDay> kept = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            baselineBill[k] = baseline[k].costInEur();
            optimisedBill[k] = uc1(cems[k], baseline[k]).costInEur();
            if (options.keepSchedules()) {
                kept.add(new HomeDay(task.scenario.name(), task.season, households.get(task.members.get(k)),
                        problems[k], baseline[k], uc1(cems[k], baseline[k]), finalPlans[k]));
            }
        }
        CommunitySeries series = new CommunitySeries(task.scenario.name(), task.community, task.season, importKw,
                exportKw, tradeKw, flexKw);
        return new CommunityDayOutcome(task, baselineBill, optimisedBill, bill, bought, sold, coordinated, traded,
                value, coordination.costInEur(), central, coordination.iterations(), series, kept);
    }

    /** A home's UC1 plan: the CEMS's own optimum if it has an energy box and it beats the baseline, else the baseline. */
    private static HomeSchedule uc1(CemsAgent cems, HomeSchedule baseline) {
        if (cems == null || cems.uc1Schedule().costInEur() > baseline.costInEur()) {
            return baseline;
        }
        return cems.uc1Schedule();
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
