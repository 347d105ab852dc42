package org.openlfa.region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.openlfa.cba.BusinessCase;
import org.openlfa.cba.BusinessCases;
import org.openlfa.cba.CaseResult;
import org.openlfa.cba.CbaEngine;
import org.openlfa.cba.CbaInputs;
import org.openlfa.cba.CostCatalogue;
import org.openlfa.cba.StudyData;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.Transformer;
import org.openlfa.grid.enwl.EnwlNetworks;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.community.Communities;
import org.openlfa.sim.ScenarioResult;
import org.openlfa.core.progress.Progress;
import org.openlfa.sim.Study;
import org.openlfa.sim.StudyOptions;
import org.openlfa.sim.StudyResults;
import org.openlfa.community.grid.DsoSettings;
import org.openlfa.sim.grid.GridSummary;
import org.openlfa.sim.schema.GridColumn;
import org.openlfa.sim.schema.SummaryColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The study and the CBA of ONE LV grid of a region: what every engine runs per task. Never throws for a grid's own
 * fault: bad data or a power flow that does not converge comes back as a failed {@link LvgResult} with the reason,
 * so one grid cannot stop a region.
 *
 * <pre>{@code
 * LvgTask task = RegionSpec.tasks("enwl:22", 0, 42).get(0);
 * LvgResult r = LvgStudy.run(task, RegionSettings.defaults(), 1);   // 1 thread: grids run side by side
 * double uc1 = r.scenarios().get(0).get("uc1_saving_eur");
 * }</pre>
 *
 * <p>Assumptions per grid (see {@code docs/region.md}): communities are network 22's C1-C3 for network 22 and
 * otherwise consecutive feeders grouped up to {@value #COMMUNITY_TARGET_HOMES} homes (a larger feeder is a community
 * of its own); the MV/LV transformer is the smallest of {@link #STANDARD_RATINGS_IN_KVA} with
 * {@value #KVA_PER_CUSTOMER} kVA per customer (network 22: 184 homes, 500 kVA, as the reference study).
 */
public final class LvgStudy {

    private static final Logger LOG = LoggerFactory.getLogger(LvgStudy.class);

    /** Communities grow feeder by feeder up to this many homes (the reference study's are 44, 74 and 66). */
    public static final int COMMUNITY_TARGET_HOMES = 75;

    /** Ground-mounted 11/0.4 kV transformer sizes assumed, smallest first. */
    public static final double[] STANDARD_RATINGS_IN_KVA = {315, 500, 800, 1000};

    /** Installed transformer capacity per customer assumed when sizing a grid's transformer. */
    public static final double KVA_PER_CUSTOMER = 2.5;

    private LvgStudy() {
    }

    /**
     * Reads every input that is the same for all grids (scenarios, catalogues, costs, DSO settings), so that bad
     * input fails once, before any grid runs.
     *
     * @throws org.openlfa.core.InputException for an unknown scenario or a bad input file
     */
    public static void checkInputs(RegionSettings settings) {
        Inputs.get().scenarios(settings.scenarios());
    }

    /** The business case ids of the CBA, in file order (they prefix the CBA columns). */
    public static List<String> businessCaseIds() {
        return Inputs.get().cases.cases().stream().map(BusinessCase::id).toList();
    }

    /**
     * Runs one grid: UC1, UC2 and (when the settings say so) UC3 for each scenario, then every business case.
     *
     * @param threads worker threads inside the grid's study; 1 when grids run side by side
     */
    public static LvgResult run(LvgTask task, RegionSettings settings, int threads) {
        long start = System.nanoTime();
        int customers = 0;
        try {
            Inputs in = Inputs.get();
            List<Scenario> scenarios = in.scenarios(settings.scenarios());
            LvNetwork read = read(task.source());
            customers = read.loads().size();
            double rating = ratingFor(customers);
            LvNetwork grid = variant(read, rating, task);
            Communities communities = communitiesOf(task.network(), grid);
            StudyOptions options = StudyOptions.defaults().withSeed(task.seed()).withThreads(Math.max(1, threads));
            StudyResults study = Study.builder().network(grid).communities(communities)
                    .catalogue(in.catalogue).profiles(in.profiles).options(options).dso(withRating(in.dso, rating))
                    .withGrid(settings.withGrid()).build().run(scenarios, Progress.NONE);
            List<ScenarioResult> results = study.results();
            StudyData data = StudyData.fromResults(study);
            CbaEngine cba = new CbaEngine(in.costs, in.cases.market());
            List<LvgFigures> rows = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Map<String, Double> v = new LinkedHashMap<>();
                studyFigures(v, results.get(i));
                for (BusinessCase bc : in.cases.cases()) {
                    caseFigures(v, bc.id(), cba.evaluate(bc, data.scenarios().get(i)));
                }
                rows.add(new LvgFigures(results.get(i).summary().scenario(), v));
            }
            return new LvgResult(task.lvg(), task.network(), task.replica(), customers, communities.names().size(),
                    rating, null, seconds(start), rows);
        } catch (RuntimeException | StackOverflowError e) {
            // A grid's own failure (bad data, no convergence) is reported with the grid, never thrown: the region
            // goes on. Bad input shared by all grids was already caught by checkInputs.
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("LV grid {} failed: {}", task.lvg(), reason);
            return LvgResult.failed(task, customers, reason.replace('\n', ' ').replace('\r', ' '), seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static LvNetwork read(String source) {
        if (source.startsWith("enwl:")) {
            // Read at the default rating and re-rated in variant(): the rating depends on the customer count.
            return EnwlNetworks.load(Integer.parseInt(source.substring(5)), EnwlNetwork.DEFAULT_TRANSFORMER_RATING_IN_KVA);
        }
        return EnwlNetwork.load(Path.of(source), EnwlNetwork.DEFAULT_TRANSFORMER_RATING_IN_KVA);
    }

    /** The smallest standard transformer with {@link #KVA_PER_CUSTOMER} per customer, the largest when none is. */
    static double ratingFor(int customers) {
        for (double kva : STANDARD_RATINGS_IN_KVA) {
            if (kva >= customers * KVA_PER_CUSTOMER) {
                return kva;
            }
        }
        return STANDARD_RATINGS_IN_KVA[STANDARD_RATINGS_IN_KVA.length - 1];
    }

    /**
     * The grid the task studies: the network re-rated, and for a replica every single-phase home re-connected to a
     * phase drawn from the replica's seed (the published phase allocation is one draw of many a DNO could have made).
     */
    static LvNetwork variant(LvNetwork network, double ratingInKva, LvgTask task) {
        List<Transformer> transformers = network.transformers().stream().map(t -> new Transformer(t.name(),
                t.phases(), t.windings().stream().map(w -> new Transformer.Winding(w.bus(), w.connection(),
                        w.voltageInKv(), ratingInKva, w.resistanceInPercent())).toList(), t.xhlInPercent(),
                t.isSubstation())).toList();
        List<Load> loads = network.loads();
        if (task.replica() > 0) {
            SplittableRandom random = new SplittableRandom(task.seed() ^ 0x5DEECE66DL);
            loads = loads.stream().map(l -> l.phases() != 1 ? l : new Load(l.name(), l.bus(), 1 + random.nextInt(3),
                    l.phases(), l.nominalVoltageInKv(), l.nominalPowerInKw(), l.powerFactor(),
                    l.reactivePowerInKvar(), l.model(), l.dailyShape(), l.yearlyShape(), l.feeder())).toList();
        }
        return new LvNetwork(network.name(), network.baseFrequencyInHertz(), network.source(), network.lineCodes(),
                network.lines(), loads, transformers, network.coordinates(), network.loadShapes());
    }

    /** Network 22's reference communities; elsewhere consecutive feeders up to {@value #COMMUNITY_TARGET_HOMES} homes. */
    static Communities communitiesOf(String network, LvNetwork grid) {
        TreeMap<Integer, Integer> homesPerFeeder = new TreeMap<>();
        grid.loads().forEach(l -> homesPerFeeder.merge(l.feeder(), 1, Integer::sum));
        if (network.equals("network_22") && homesPerFeeder.keySet().equals(new java.util.TreeSet<>(List.of(1, 2, 3, 4, 5, 6)))) {
            return Communities.network22Default();
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<Integer> current = new ArrayList<>();
        int homes = 0;
        for (Map.Entry<Integer, Integer> f : homesPerFeeder.entrySet()) {
            if (!current.isEmpty() && homes + f.getValue() > COMMUNITY_TARGET_HOMES) {
                groups.put("C" + (groups.size() + 1), current);
                current = new ArrayList<>();
                homes = 0;
            }
            current.add(f.getKey());
            homes += f.getValue();
        }
        if (!current.isEmpty()) {
            groups.put("C" + (groups.size() + 1), current);
        }
        return new Communities(groups);
    }

    private static DsoSettings withRating(DsoSettings dso, double ratingInKva) {
        return new DsoSettings(ratingInKva, dso.policy(), dso.aggregatorMarginFraction(), dso.reinforcement(),
                dso.sources(), dso.sourceFile());
    }

    /** The study figures of {@code summary.csv} each grid reports, in {@code lvg_results.csv}'s order. */
    static final List<SummaryColumn> SUMMARY_FIGURES = List.of(SummaryColumn.HOUSEHOLDS,
            SummaryColumn.SMART_HOUSEHOLDS, SummaryColumn.COORDINATED_HOUSEHOLDS, SummaryColumn.BASELINE_COST_EUR,
            SummaryColumn.OPTIMISED_COST_EUR, SummaryColumn.UC1_SAVING_EUR, SummaryColumn.COMMUNITY_COST_EUR,
            SummaryColumn.UC2_SAVING_EUR, SummaryColumn.LOCAL_TRADED_KWH, SummaryColumn.VALUE_EXCHANGED_EUR,
            SummaryColumn.ADMM_GAP_PCT);

    /** The UC3 figures of {@code grid.csv} each grid reports (empty without the grid), in that order. */
    static final List<GridColumn> GRID_FIGURES = List.of(GridColumn.CONGESTED_PTUS, GridColumn.ORANGE_PTUS,
            GridColumn.MAX_TRANSFORMER_LOADING_PCT, GridColumn.MIN_VOLTAGE_PU, GridColumn.MAX_VOLTAGE_PU,
            GridColumn.FLEX_REQUESTED_KWH, GridColumn.FLEX_DELIVERED_KWH, GridColumn.DSO_FLEX_COST_EUR,
            GridColumn.REINFORCEMENT_CAPEX_EUR, GridColumn.REINFORCEMENT_ANNUITY_EUR, GridColumn.DEFERRAL_VALUE_EUR);

    private static void studyFigures(Map<String, Double> v, ScenarioResult r) {
        for (SummaryColumn c : SUMMARY_FIGURES) {
            v.put(c.header(), c.number(r.summary()));
        }
        Optional<GridSummary> grid = r.grid();
        for (GridColumn c : GRID_FIGURES) {
            v.put(c.header(), grid.map(c::number).orElse(Double.NaN));
        }
    }

    private static void caseFigures(Map<String, Double> v, String id, CaseResult r) {
        String p = id.toLowerCase(Locale.ROOT) + "_";
        v.put(p + "prosumers_involved", (double) r.prosumersInvolved());
        v.put(p + "lfa_revenue_eur", r.lfaRevenueInEur());
        v.put(p + "value_exchanged_eur", r.valueExchangedInEur());
        v.put(p + "prosumer_benefit_eur", r.prosumerNetBenefitInEurPerYear());
        v.put(p + "dso_benefit_eur", r.dsoNetBenefitInEurPerYear());
        v.put(p + "capex_eur", r.capexInEur());
        v.put(p + "opex_eur", r.opexInEurPerYear());
        v.put(p + "npv_eur", r.npvInEur());
        v.put(p + "irr_pct", r.irrPct());
        v.put(p + "payback_years", r.paybackInYears());
    }

    /** The inputs every grid shares, read once per JVM (driver or Spark executor) and shared by its threads. */
    static final class Inputs {
        private static volatile Inputs instance;

        final AssetCatalogue catalogue = ScenarioLoader.loadBuiltInCatalogue();
        final ProfileLibrary profiles = ProfileLibrary.builtIn();
        final DsoSettings dso = DsoSettings.builtIn();
        final CostCatalogue costs = CbaInputs.loadBuiltInCosts();
        final BusinessCases cases = CbaInputs.loadBuiltInBusinessCases();
        private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();

        static Inputs get() {
            Inputs in = instance;
            if (in == null) {
                synchronized (Inputs.class) {
                    in = instance;
                    if (in == null) {
                        in = new Inputs();
                        instance = in;
                    }
                }
            }
            return in;
        }

        List<Scenario> scenarios(List<String> names) {
            List<Scenario> out = new ArrayList<>();
            for (String name : names) {
                out.add(scenarios.computeIfAbsent(name, n -> {
                    Path file = Path.of(n);
                    return n.endsWith(".yaml") || n.endsWith(".yml") || Files.exists(file) ? ScenarioLoader.load(file)
                            : ScenarioLoader.loadBuiltIn(n);
                }));
            }
            return out;
        }
    }
}
