package org.openlfa.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import org.openlfa.community.grid.DsoSettings;
import org.openlfa.sim.grid.GridDayOutcome;
import org.openlfa.sim.grid.GridOperation;
import org.openlfa.sim.grid.GridSummary;
import org.openlfa.sim.grid.PowerFlowGridObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.community.Communities;
import org.openlfa.community.Household;
import org.openlfa.community.AssetAssigner;
import org.openlfa.community.LocalMarket;
import org.openlfa.community.DayProblems;

/**
 * Runs a scenario on a grid's households, one representative day per season, annualised by the season's days:
 * <ol>
 *   <li>per community-day (in parallel): the baseline, in-home optimisation (UC1) by each CEMS agent, and community
 *       coordination (UC2) by the community's aggregator agent;</li>
 *   <li>per day, over the whole grid (when a grid is attached with {@link #withGrid}): UC3, the DSO agent's power
 *       flow of every PTU and its flexibility purchase in USEF's yellow regime;</li>
 *   <li>per community-day: local market settlement of the final schedules.</li>
 * </ol>
 *
 * <pre>{@code
 * StudyRunner runner = new StudyRunner(households, communities, catalogue, ProfileLibrary.builtIn(),
 *         StudyOptions.defaults()).withGrid(observer, DsoSettings.builtIn());
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
    private final PowerFlowGridObserver observer;
    private final DsoSettings dso;

    public StudyRunner(List<Household> households, Communities communities, AssetCatalogue catalogue,
                       ProfileLibrary profiles, StudyOptions options) {
        this(households, communities, options, new AssetAssigner(households, catalogue, profiles, options.seed()),
                new DayProblems(profiles, options.grid()), null, null);
    }

    private StudyRunner(List<Household> households, Communities communities, StudyOptions options,
                        AssetAssigner assigner, DayProblems dayProblems, PowerFlowGridObserver observer,
                        DsoSettings dso) {
        this.households = List.copyOf(households);
        this.communities = communities;
        this.options = options;
        this.assigner = assigner;
        this.dayProblems = dayProblems;
        this.observer = observer;
        this.dso = dso;
    }

    /** The same runner with UC3: the DSO watches the grid through {@code observer} and acts by {@code settings}. */
    public StudyRunner withGrid(PowerFlowGridObserver gridObserver, DsoSettings settings) {
        return new StudyRunner(households, communities, options, assigner, dayProblems, gridObserver, settings);
    }

    /** The number of work units {@link #run} reports progress on (community-days, plus grid days with UC3). */
    public int unitsPerScenario() {
        return Season.values().length * (communities.names().size() + (observer != null ? 1 : 0));
    }

    /**
     * Runs one scenario.
     *
     * @param progress called with 1 after each community-day or grid day is done (from worker threads)
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
        List<CommunityPlan> plans = inParallel(tasks.stream()
                .map(task -> (Callable<CommunityPlan>) () -> {
                    CommunityPlan plan = planCommunityDay(task, assets);
                    progress.accept(1);
                    return plan;
                }).toList());
        List<GridDayOutcome> gridDays = new ArrayList<>();
        if (observer != null) {
            for (Season season : Season.values()) {
                gridDays.add(operateGrid(scenario, season, plans));
                progress.accept(1);
            }
        }
        Map<String, Double> compensation = new java.util.HashMap<>();
        for (GridDayOutcome day : gridDays) {
            day.homeCompensationInEur().forEach((home, eur) -> compensation.merge(home + "/" + day.season(), eur,
                    Double::sum));
        }
        List<CommunityDayOutcome> outcomes = plans.stream().map(p -> settle(p, compensation)).toList();
        return summarise(scenario, assets, outcomes, gridDays, start);
    }

    private ScenarioResult summarise(Scenario scenario, List<HomeAssets> assets, List<CommunityDayOutcome> outcomes,
                                     List<GridDayOutcome> gridDays, long start) {
        int h = households.size();
        double[] baseline = new double[h];
        double[] optimised = new double[h];
        double[] community = new double[h];
        double[] bought = new double[h];
        double[] sold = new double[h];
        boolean[] coordinated = new boolean[h];
        double traded = 0;
        double value = 0;
        double coordinatedCost = 0;
        double centralCost = 0;
        int maxRounds = 0;
        List<CommunitySeries> series = new ArrayList<>();
        List<HomeDay> days = new ArrayList<>();
        for (CommunityDayOutcome o : outcomes) {
            int weight = o.plan.task.season.daysPerYear();
            for (int k = 0; k < o.plan.task.members.size(); k++) {
                int i = o.plan.task.members.get(k);
                baseline[i] += weight * o.plan.baseline[k].costInEur();
                optimised[i] += weight * o.plan.uc1(k).costInEur();
                community[i] += weight * o.communityBill[k];
                bought[i] += weight * o.boughtInKwh[k];
                sold[i] += weight * o.soldInKwh[k];
                coordinated[i] |= o.plan.coordinated[k];
            }
            traded += weight * o.tradedInKwh;
            value += weight * o.valueExchangedInEur;
            coordinatedCost += weight * o.plan.coordinatedCostInEur;
            centralCost += weight * o.plan.centralCostInEur;
            maxRounds = Math.max(maxRounds, o.plan.rounds);
            series.add(o.series);
            days.addAll(o.days);
        }
        List<HouseholdResult> rows = new ArrayList<>();
        int smart = 0;
        int coordinatedCount = 0;
        for (int i = 0; i < h; i++) {
            HomeAssets a = assets.get(i);
            smart += a.smart() ? 1 : 0;
            coordinatedCount += coordinated[i] ? 1 : 0;
            rows.add(new HouseholdResult(scenario.name(), households.get(i), a.pv().isPresent(),
                    a.battery().isPresent(), a.ev().isPresent(), a.heatPump().isPresent(), a.wetAppliances().size(),
                    a.smart(), coordinated[i],
                    baseline[i], optimised[i], community[i], bought[i], sold[i]));
        }
        double gapPct = Math.abs(centralCost) < 1e-9 ? 0 : 100 * (coordinatedCost - centralCost) / Math.abs(centralCost);
        Optional<GridSummary> grid = gridDays.isEmpty() ? Optional.empty()
                : Optional.of(GridSummary.of(scenario.name(), gridDays, observer, dso));
        ScenarioSummary summary = new ScenarioSummary(scenario.name(), h, smart, coordinatedCount, sum(baseline),
                sum(optimised), sum(community), traded, value, gapPct, maxRounds, (System.nanoTime() - start) / 1e9);
        LOG.debug("{}: {} s, coordination gap {} %", scenario.name(), summary.durationInSeconds(), gapPct);
        return new ScenarioResult(summary, rows, series, days, grid);
    }

    private <T> List<T> inParallel(List<Callable<T>> jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(job));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
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

    /** A community-day after UC1 and UC2: every member's problem, baseline and CEMS agent. */
    private record CommunityPlan(CommunityDayTask task, HomeDayProblem[] problems, HomeSchedule[] baseline,
                                 CemsAgent[] cems, boolean[] coordinated, double coordinatedCostInEur,
                                 double centralCostInEur, int rounds) {

        /** A home's UC1 plan: its CEMS's optimum if it has an energy box and it beats the baseline, else the baseline. */
        HomeSchedule uc1(int k) {
            if (cems[k] == null || cems[k].uc1Schedule().costInEur() > baseline[k].costInEur()) {
                return baseline[k];
            }
            return cems[k].uc1Schedule();
        }

        /** The plan a home runs now: the coordinated (and possibly dispatched) one, or its UC1 plan. */
        HomeSchedule current(int k) {
            return coordinated[k] ? cems[k].finalSchedule() : uc1(k);
        }
    }

    private record CommunityDayOutcome(CommunityPlan plan, double[] communityBill, double[] boughtInKwh,
                                       double[] soldInKwh, double tradedInKwh, double valueExchangedInEur,
                                       CommunitySeries series, List<HomeDay> days) {
    }

    private CommunityPlan planCommunityDay(CommunityDayTask task, List<HomeAssets> assets) {
        int m = task.members.size();
        int n = options.grid().ptusPerDay();
        HomeOptimizer optimizer = HomeOptimizer.create();
        BaselineController baselineController = new BaselineController();
        InProcessTransport transport = new InProcessTransport();
        HomeDayProblem[] problems = new HomeDayProblem[m];
        HomeSchedule[] baseline = new HomeSchedule[m];
        CemsAgent[] cems = new CemsAgent[m];
        boolean[] coordinated = new boolean[m];
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
        }
        CommunityPlan partial = new CommunityPlan(task, problems, baseline, cems, coordinated, 0, 0, 0);
        List<AgentId> memberIds = new ArrayList<>();
        List<double[]> initial = new ArrayList<>();
        List<HomeDayProblem> memberProblems = new ArrayList<>();
        List<int[]> memberWetStarts = new ArrayList<>();
        double[] fixedNet = new double[n];
        for (int k = 0; k < m; k++) {
            if (coordinated[k]) {
                memberIds.add(cems[k].id());
                initial.add(cems[k].uc1Schedule().netInKw());
                memberProblems.add(problems[k]);
                memberWetStarts.add(cems[k].uc1Schedule().wetStartPtus());
            } else {
                double[] net = partial.uc1(k).netInKw();
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
        return new CommunityPlan(task, problems, baseline, cems, coordinated, coordination.costInEur(), central,
                coordination.iterations());
    }

    /** UC3 over the whole grid for one season's day; dispatched homes change their CEMS's final schedule. */
    private GridDayOutcome operateGrid(Scenario scenario, Season season, List<CommunityPlan> plans) {
        int h = households.size();
        CommunityPlan[] planOf = new CommunityPlan[h];
        int[] memberIndex = new int[h];
        for (CommunityPlan plan : plans) {
            if (plan.task.season != season) {
                continue;
            }
            for (int k = 0; k < plan.task.members.size(); k++) {
                planOf[plan.task.members.get(k)] = plan;
                memberIndex[plan.task.members.get(k)] = k;
            }
        }
        CemsAgent[] flexible = new CemsAgent[h];
        for (int i = 0; i < h; i++) {
            flexible[i] = planOf[i].coordinated[memberIndex[i]] ? planOf[i].cems[memberIndex[i]] : null;
        }
        return new GridOperation(observer, dso, options.grid()).run(scenario.name() + "/" + season, season,
                households, i -> planOf[i].current(memberIndex[i]), flexible);
    }

    /** Local market settlement of a community-day's final schedules, less what flexibility paid the homes. */
    private CommunityDayOutcome settle(CommunityPlan plan, Map<String, Double> compensation) {
        CommunityDayTask task = plan.task;
        int m = task.members.size();
        int n = options.grid().ptusPerDay();
        double dt = options.grid().hoursPerPtu();
        HomeSchedule[] finalPlans = new HomeSchedule[m];
        for (int k = 0; k < m; k++) {
            finalPlans[k] = plan.current(k);
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
                column[k] = finalPlans[k].netInKw()[t];
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
        List<HomeDay> kept = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            Household household = households.get(task.members.get(k));
            bill[k] -= compensation.getOrDefault(household.id() + "/" + task.season, 0.0);
            if (options.keepSchedules()) {
                kept.add(new HomeDay(task.scenario.name(), task.season, household, plan.problems[k],
                        plan.baseline[k], plan.uc1(k), finalPlans[k]));
            }
        }
        CommunitySeries series = new CommunitySeries(task.scenario.name(), task.community, task.season, importKw,
                exportKw, tradeKw, flexKw);
        return new CommunityDayOutcome(plan, bill, bought, sold, traded, value, series, kept);
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }
}
