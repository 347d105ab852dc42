package org.openlfa.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.openlfa.cba.CbaInputs;
import org.openlfa.cba.CostBenefitAnalysis;
import org.openlfa.sim.schema.Column;
import org.openlfa.sim.schema.GridColumn;
import org.openlfa.sim.schema.SummaryColumn;

/**
 * The region's totals per scenario ({@code region_summary.csv}): sums of the grids' annual figures, the grid extremes,
 * and the CBA at regional scale, where each business case's NPV is the sum of its LV grids' NPVs (each carries its
 * own per-grid platform costs) less the central platform once ({@link CostBenefitAnalysis#centralCostsPv}), and the
 * per-million-prosumer figures scale the region's totals by 1,000,000 / its households.
 *
 * <pre>{@code
 * List<Map<String, Double>> rows = RegionSummary.of(results, List.of("BC1", "BC2", "BC3"));
 * }</pre>
 */
public final class RegionSummary {

    /** Figures that add up over the grids: every study figure but the coordination gap, every UC3 count and sum. */
    static final List<String> SUMMED = summed();

    /** Per business case, figures that add up over the grids. */
    static final List<String> CASE_SUMMED = List.of("prosumers_involved", "lfa_revenue_eur", "value_exchanged_eur",
            "prosumer_benefit_eur", "dso_benefit_eur", "capex_eur", "opex_eur");

    private static final double MILLION = 1e6;
    private static final String PER_MILLION = "_per_million_prosumers";

    private RegionSummary() {
    }

    /**
     * One row per scenario, in the order of the first grid that ran: {@code scenario} as the row's key
     * {@code "scenario"} is kept apart by the writer; every other value is a number.
     *
     * @param results the grids' results in task order (the sums then add in the same order on every engine)
     * @param caseIds the business case ids
     */
    public static List<Row> of(List<LvgResult> results, List<String> caseIds) {
        double centralPv = CostBenefitAnalysis.centralCostsPv(CbaInputs.loadBuiltInCosts());
        List<String> scenarios = new ArrayList<>();
        results.stream().filter(LvgResult::ok).flatMap(r -> r.scenarios().stream()).map(LvgFigures::scenario)
                .filter(s -> !scenarios.contains(s)).forEach(scenarios::add);
        int failed = (int) results.stream().filter(r -> !r.ok()).count();
        int failedCustomers = results.stream().filter(r -> !r.ok()).mapToInt(LvgResult::customers).sum();
        List<Row> rows = new ArrayList<>();
        for (String scenario : scenarios) {
            Map<String, Double> v = new LinkedHashMap<>();
            List<LvgFigures> figures = results.stream().filter(LvgResult::ok).flatMap(r -> r.scenarios().stream())
                    .filter(f -> f.scenario().equals(scenario)).toList();
            v.put("lvgs", (double) figures.size());
            v.put("lvgs_failed", (double) failed);
            v.put("customers_failed", (double) failedCustomers);
            for (String c : SUMMED) {
                v.put(c, sum(figures, c));
            }
            String congested = GridColumn.CONGESTED_PTUS.header();
            v.put("lvgs_congested", (double) figures.stream().filter(f -> f.get(congested) > 0).count());
            v.put(GridColumn.MAX_TRANSFORMER_LOADING_PCT.header(),
                    values(figures, GridColumn.MAX_TRANSFORMER_LOADING_PCT).max().orElse(Double.NaN));
            v.put(GridColumn.MIN_VOLTAGE_PU.header(),
                    values(figures, GridColumn.MIN_VOLTAGE_PU).min().orElse(Double.NaN));
            v.put(GridColumn.MAX_VOLTAGE_PU.header(),
                    values(figures, GridColumn.MAX_VOLTAGE_PU).max().orElse(Double.NaN));
            double homes = v.get(SummaryColumn.HOUSEHOLDS.header());
            double perMillion = homes > 0 ? MILLION / homes : Double.NaN;
            for (Column<?> c : List.of(SummaryColumn.UC1_SAVING_EUR, SummaryColumn.UC2_SAVING_EUR,
                    GridColumn.DEFERRAL_VALUE_EUR)) {
                v.put(c.header() + PER_MILLION, v.get(c.header()) * perMillion);
            }
            for (String id : caseIds) {
                String p = id.toLowerCase(Locale.ROOT) + "_";
                for (String c : CASE_SUMMED) {
                    v.put(p + c, sum(figures, p + c));
                }
                double lvgNpv = sum(figures, p + "npv_eur");
                v.put(p + "npv_lvgs_eur", lvgNpv);
                v.put(p + "central_costs_pv_eur", centralPv);
                v.put(p + "npv_eur", lvgNpv - centralPv);
                v.put(p + "lvgs_paying", (double) figures.stream().filter(f -> f.get(p + "npv_eur") > 0).count());
                v.put(p + "prosumers_involved_per_million_prosumers", v.get(p + "prosumers_involved") * perMillion);
                v.put(p + "lfa_revenue_eur_per_million_prosumers", v.get(p + "lfa_revenue_eur") * perMillion);
                // At a million prosumers the central platform is carried once, not once per this region's size.
                v.put(p + "npv_eur_per_million_prosumers", lvgNpv * perMillion - centralPv);
            }
            rows.add(new Row(scenario, v));
        }
        return rows;
    }

    private static List<String> summed() {
        List<String> out = new ArrayList<>();
        LvgStudy.SUMMARY_FIGURES.stream().filter(c -> c != SummaryColumn.ADMM_GAP_PCT)
                .forEach(c -> out.add(c.header()));
        LvgStudy.GRID_FIGURES.stream().filter(c -> c != GridColumn.MAX_TRANSFORMER_LOADING_PCT
                && c != GridColumn.MIN_VOLTAGE_PU && c != GridColumn.MAX_VOLTAGE_PU).forEach(c -> out.add(c.header()));
        return List.copyOf(out);
    }

    /** The grids' values of a column, those without a value (NaN) left out. */
    private static DoubleStream values(List<LvgFigures> figures, Column<?> column) {
        return figures.stream().mapToDouble(f -> f.get(column.header())).filter(x -> !Double.isNaN(x));
    }

    private static double sum(List<LvgFigures> figures, String column) {
        double total = 0;
        for (LvgFigures f : figures) {
            double x = f.get(column);
            if (!Double.isNaN(x)) {
                total += x;
            }
        }
        return total;
    }

    /**
     * One scenario's regional figures.
     *
     * @param scenario the scenario
     * @param values   figure by column name, in column order
     */
    public record Row(String scenario, Map<String, Double> values) {
    }
}
