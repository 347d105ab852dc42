package org.openlfa.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openlfa.report.map.WorstPtuMap;
import org.openlfa.sim.grid.GridSummary;
import org.openlfa.core.AtomicFiles;
import org.openlfa.sim.CommunitySeries;
import org.openlfa.sim.HouseholdResult;
import org.openlfa.sim.ScenarioResult;
import org.openlfa.sim.ScenarioSummary;
import org.openlfa.sim.StudyResults;

/**
 * Writes a study's results: {@code summary.csv}, {@code households.csv}, one per-PTU time series per scenario and
 * community under {@code timeseries/}, and {@code run.json}. Everything is written to a staging folder beside the
 * output folder and moved into place at the end, so a failed run leaves the previous results untouched.
 *
 * <pre>{@code
 * new StudyWriter().write(Path.of("results"), results, StudyRecord.of(version, results, durations));
 * }</pre>
 */
public final class StudyWriter {

    /** Columns of {@code summary.csv}. */
    public static final String SUMMARY_HEADER = "scenario,households,smart_households,coordinated_households,"
            + "baseline_cost_eur,optimised_cost_eur,uc1_saving_eur,community_cost_eur,uc2_saving_eur,"
            + "local_traded_kwh,value_exchanged_eur,admm_gap_pct,coordination_rounds_max";

    /** Columns of {@code households.csv}. */
    public static final String HOUSEHOLD_HEADER = "scenario,household,community,feeder,bus,phase,has_pv,has_battery,"
            + "has_ev,has_heat_pump,wet_appliances,smart,coordinated,baseline_bill_eur,optimised_bill_eur,community_bill_eur,"
            + "local_bought_kwh,local_sold_kwh";

    /** Columns of each time series file. */
    public static final String SERIES_HEADER = "season,ptu,start_minute,import_kw,export_kw,local_trade_kw,"
            + "flexible_load_kw";

    /** Columns of {@code grid.csv}. */
    public static final String GRID_HEADER = "scenario,congested_ptus,max_transformer_loading_pct,min_voltage_pu,"
            + "max_voltage_pu,flex_requested_kwh,flex_delivered_kwh,dso_flex_cost_eur,reinforcement_annuity_eur,"
            + "deferral_value_eur,orange_ptus,red_ptus,unresolved_red_ptus,reinforcement_capex_eur,reinforcement_plan";

    /**
     * Writes a study's results into {@code outDir} (replacing it as a whole), with {@code grid.csv} and the feeder
     * map at the worst PTU when the study ran UC3.
     */
    public void write(Path outDir, StudyResults results, StudyRecord record) {
        write(outDir, results.results(), record, results.worstPtu().map(WorstPtuMap::of));
    }

    /** Writes all results into {@code outDir} (replacing it as a whole). */
    public void write(Path outDir, List<ScenarioResult> results, StudyRecord record) {
        write(outDir, results, record, Optional.empty());
    }

    /**
     * Writes all results into {@code outDir} (replacing it as a whole), with {@code grid.csv} for the scenarios that
     * ran UC3 and the feeder map at the worst PTU as {@code feeder_map.svg} and {@code feeder_map.png}.
     */
    public void write(Path outDir, List<ScenarioResult> results, StudyRecord record, Optional<WorstPtuMap> map) {
        Path staging = AtomicFiles.stagingFolderFor(outDir);
        try {
            if (results.stream().anyMatch(r -> r.grid().isPresent())) {
                writeGrid(staging.resolve("grid.csv"), results);
            }
            if (map.isPresent()) {
                WorstPtuMap m = map.get();
                m.map().writeSvg(staging.resolve("feeder_map.svg"), m.lineValues(), m.busValues(), m.scale(),
                        m.title());
                m.map().writePng(staging.resolve("feeder_map.png"), m.lineValues(), m.busValues(), m.scale(),
                        m.title());
            }
            writeSummary(staging.resolve("summary.csv"), results);
            writeHouseholds(staging.resolve("households.csv"), results);
            for (ScenarioResult result : results) {
                writeSeries(staging.resolve("timeseries").resolve(result.summary().scenario()), result.series(),
                        record.ptuInMinutes());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(staging.resolve("run.json").toFile(), record);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.discard(staging);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write the results", io);
            }
            throw (RuntimeException) e;
        }
        AtomicFiles.commit(staging, outDir);
    }

    private static void writeSummary(Path file, List<ScenarioResult> results) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(SUMMARY_HEADER);
            w.newLine();
            for (ScenarioResult r : results) {
                ScenarioSummary s = r.summary();
                w.write(String.join(",", s.scenario(), Integer.toString(s.households()),
                        Integer.toString(s.smartHouseholds()), Integer.toString(s.coordinatedHouseholds()),
                        money(s.baselineCostInEur()), money(s.optimisedCostInEur()), money(s.uc1SavingInEur()),
                        money(s.communityCostInEur()), money(s.uc2SavingInEur()), energy(s.localTradedInKwh()),
                        money(s.valueExchangedInEur()), String.format(Locale.ROOT, "%.3f", s.coordinationGapPct()),
                        Integer.toString(s.maxCoordinationRounds())));
                w.newLine();
            }
        }
    }

    private static void writeGrid(Path file, List<ScenarioResult> results) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(GRID_HEADER);
            w.newLine();
            for (ScenarioResult r : results) {
                if (r.grid().isEmpty()) {
                    continue;
                }
                GridSummary g = r.grid().get();
                w.write(String.join(",", g.scenario(), Integer.toString(g.congestedPtus()),
                        String.format(Locale.ROOT, "%.1f", g.maxTransformerLoadingPct()),
                        String.format(Locale.ROOT, "%.4f", g.minVoltagePu()),
                        String.format(Locale.ROOT, "%.4f", g.maxVoltagePu()), energy(g.flexRequestedInKwh()),
                        energy(g.flexDeliveredInKwh()), money(g.dsoFlexCostInEur()),
                        money(g.reinforcementAnnuityInEur()), money(g.deferralValueInEur()),
                        Integer.toString(g.orangePtus()), Integer.toString(g.redPtus()),
                        Integer.toString(g.unresolvedRedPtus()), money(g.reinforcementCapexInEur()),
                        "\"" + g.reinforcementPlan() + "\""));
                w.newLine();
            }
        }
    }

    private static void writeHouseholds(Path file, List<ScenarioResult> results) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(HOUSEHOLD_HEADER);
            w.newLine();
            for (ScenarioResult r : results) {
                for (HouseholdResult h : r.households()) {
                    w.write(String.join(",", h.scenario(), h.household().id(), h.household().community(),
                            Integer.toString(h.household().feeder()), h.household().bus(),
                            phaseName(h.household().phase()), flag(h.hasPv()), flag(h.hasBattery()), flag(h.hasEv()),
                            flag(h.hasHeatPump()), Integer.toString(h.wetAppliances()), flag(h.smart()),
                            flag(h.coordinated()),
                            money(h.baselineBillInEur()), money(h.optimisedBillInEur()),
                            money(h.communityBillInEur()), energy(h.localBoughtInKwh()),
                            energy(h.localSoldInKwh())));
                    w.newLine();
                }
            }
        }
    }

    private static void writeSeries(Path folder, List<CommunitySeries> series, int ptuInMinutes) throws IOException {
        Files.createDirectories(folder);
        for (String community : series.stream().map(CommunitySeries::community).distinct().toList()) {
            try (BufferedWriter w = Files.newBufferedWriter(folder.resolve(community + ".csv"))) {
                w.write(SERIES_HEADER);
                w.newLine();
                for (CommunitySeries s : series) {
                    if (!s.community().equals(community)) {
                        continue;
                    }
                    for (int t = 0; t < s.importInKw().length; t++) {
                        w.write(String.join(",", s.season().name(), Integer.toString(t),
                                Integer.toString(t * ptuInMinutes), power(s.importInKw()[t]),
                                power(s.exportInKw()[t]), power(s.localTradeInKw()[t]),
                                power(s.flexibleLoadInKw()[t])));
                        w.newLine();
                    }
                }
            }
        }
    }

    private static String phaseName(int phase) {
        return switch (phase) {
            case 1 -> "a";
            case 2 -> "b";
            case 3 -> "c";
            default -> Integer.toString(phase);
        };
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static String money(double eur) {
        return String.format(Locale.ROOT, "%.2f", eur);
    }

    private static String energy(double kwh) {
        return String.format(Locale.ROOT, "%.3f", kwh);
    }

    private static String power(double kw) {
        return String.format(Locale.ROOT, "%.4f", kw);
    }
}
