package org.openlfa.cba;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openlfa.core.Season;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.Tariff;
import org.openlfa.model.scenario.WetApplianceSpec;
import org.openlfa.sim.CommunitySeries;
import org.openlfa.sim.HouseholdResult;
import org.openlfa.sim.ScenarioResult;
import org.openlfa.sim.StudyResults;

/**
 * A study's results as the CBA reads them, whether from a study just run in this process ({@link #fromResults}) or
 * from a study folder ({@link StudyFolderReader}).
 *
 * <pre>{@code
 * StudyData study = StudyData.fromResults(results, scenarios);
 * StudyData same = StudyFolderReader.read(Path.of("results"), ScenarioLoader.loadBuiltInCatalogue());
 * }</pre>
 *
 * @param scenarios    the scenarios, in study order
 * @param gridFile     the DSO figures file when one was found ({@code grid.csv}); empty means UC3 counts zero
 * @param feederMapSvg the grid study's feeder map ({@code feeder_map.svg}) when present
 * @param origin       where the study came from, for the report
 */
public record StudyData(List<ScenarioData> scenarios, Optional<String> gridFile, Optional<String> feederMapSvg,
                        String origin) {
    public StudyData {
        scenarios = List.copyOf(scenarios);
    }

    /** Expected number of wet appliances of a home: the sum of the catalogue's ownership shares. */
    static double expectedWetAppliances(AssetCatalogue assets) {
        return assets.wetAppliances().stream().mapToDouble(WetApplianceSpec::ownershipShare).sum();
    }

    /** Devices an energy box controls in a home. */
    static double controllableAppliances(boolean battery, boolean ev, boolean heatPump, double expectedWet) {
        return (battery ? 1 : 0) + (ev ? 1 : 0) + (heatPump ? 1 : 0) + expectedWet;
    }

    /**
     * The CBA input of a study run in this process.
     *
     * @param results   the scenario results
     * @param scenarios the scenarios, same names as the results (for the year and dynamic wholesale shapes)
     */
    public static StudyData fromResults(List<ScenarioResult> results, List<Scenario> scenarios) {
        List<ScenarioData> out = new ArrayList<>();
        for (ScenarioResult r : results) {
            Scenario scenario = scenarios.stream().filter(s -> s.name().equals(r.summary().scenario())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no scenario for " + r.summary().scenario()));
            List<ProsumerData> rows = new ArrayList<>();
            for (HouseholdResult h : r.households()) {
                rows.add(new ProsumerData(h.household().id(), h.household().community(), h.hasPv(), h.hasBattery(),
                        h.hasEv(), h.hasHeatPump(), h.smart(), h.coordinated(), h.baselineBillInEur(),
                        h.optimisedBillInEur(), h.communityBillInEur(), h.localBoughtInKwh(), h.localSoldInKwh(),
                        controllableAppliances(h.hasBattery(), h.hasEv(), h.hasHeatPump(), h.wetAppliances())));
            }
            Map<String, Double> flex = new LinkedHashMap<>();
            for (CommunitySeries s : r.series()) {
                double hours = 24.0 / s.flexibleLoadInKw().length;
                double kwh = 0;
                for (double kw : s.flexibleLoadInKw()) {
                    kwh += Math.max(kw, 0) * hours;
                }
                flex.merge(s.community(), kwh * s.season().daysPerYear(), Double::sum);
            }
            double traded = r.summary().localTradedInKwh();
            out.add(new ScenarioData(scenario.name(), scenario.horizonYear(), rows,
                    traded > 0 ? r.summary().valueExchangedInEur() / traded : 0, flex, dynamicShape(scenario),
                    Optional.empty()));
        }
        return new StudyData(out, Optional.empty(), Optional.empty(), "study run in-process ("
                + results.size() + " scenarios)");
    }

    /**
     * The CBA input of a study run in this process through {@link org.openlfa.sim.Study}, with the DSO's figures
     * when the study ran UC3 (the feeder map is the report's; add it with {@link #withGridStudy}).
     */
    public static StudyData fromResults(StudyResults study) {
        StudyData data = fromResults(study.results(), study.scenarios());
        return study.withGrid() ? data.withGridStudy(gridFigures(study.results()), "grid (in-process)",
                Optional.empty()) : data;
    }

    /** Per scenario that ran UC3, the DSO's figures the CBA reads (what {@code grid.csv} holds). */
    public static Map<String, GridFigures> gridFigures(List<ScenarioResult> results) {
        Map<String, GridFigures> figures = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            r.grid().ifPresent(g -> figures.put(g.scenario(), new GridFigures(g.scenario(), g.flexDeliveredInKwh(),
                    g.dsoFlexCostInEur(), g.reinforcementAnnuityInEur(), g.deferralValueInEur())));
        }
        return figures;
    }

    /** The wholesale shape of a scenario's dynamic import tariff, if it has one. */
    static Optional<Map<Season, double[]>> dynamicShape(Scenario scenario) {
        if (scenario.importTariff() instanceof Tariff.Dynamic d) {
            Map<Season, double[]> shape = new EnumMap<>(Season.class);
            for (Season season : Season.values()) {
                shape.put(season, d.wholesaleInEurPerMwh(season));
            }
            return Optional.of(shape);
        }
        return Optional.empty();
    }

    /** A copy with the DSO figures and feeder map of a grid study (when the study was run in-process). */
    public StudyData withGridStudy(Map<String, GridFigures> grid, String gridFileName, Optional<String> feederMap) {
        List<ScenarioData> updated = scenarios.stream()
                .map(s -> s.withGrid(Optional.ofNullable(grid.get(s.scenario())))).toList();
        return new StudyData(updated, Optional.ofNullable(gridFileName), feederMap, origin);
    }

    /** The same study, described otherwise in the report (e.g. when it was run for the CBA and kept beside it). */
    public StudyData withOrigin(String newOrigin) {
        return new StudyData(scenarios, gridFile, feederMapSvg, newOrigin);
    }
}
