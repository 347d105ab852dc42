package org.openlfa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openlfa.cba.BusinessCases;
import org.openlfa.cba.CaseResult;
import org.openlfa.cba.CbaInputs;
import org.openlfa.cba.CbaResult;
import org.openlfa.cba.CostBenefitAnalysis;
import org.openlfa.cba.CostCatalogue;
import org.openlfa.cba.StudyData;
import org.openlfa.cba.StudyFolderReader;
import org.openlfa.core.AtomicFiles;
import org.openlfa.core.progress.ProgressBar;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.report.StudyRecord;
import org.openlfa.report.StudyWriter;
import org.openlfa.report.html.CbaWriter;
import org.openlfa.report.map.WorstPtuMap;
import org.openlfa.sim.Study;
import org.openlfa.sim.StudyOptions;
import org.openlfa.sim.StudyResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfa cba}: the cost-benefit analysis of the business cases on a study, from a study folder or from the
 * reference study run in-process first.
 *
 * <pre>{@code
 * ./lfa cba --out cba                      # runs the reference study first, in this process
 * ./lfa cba --study results --out cba      # reads results/summary.csv, households.csv, timeseries/, grid.csv
 * }</pre>
 */
@Command(name = "cba", mixinStandardHelpOptions = true,
        description = "Cost-benefit analysis of the business cases BC1-BC3: cba.csv, cba_prosumers.csv, report.html.")
final class CbaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", description = "a study folder written by 'lfa study' (default: run the reference "
            + "study first, in-process)")
    Path study;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--costs", description = "a cost catalogue YAML (default: the shipped one)")
    Path costsFile;

    @Option(names = "--business-cases", description = "a business-case definitions YAML (default: the shipped one)")
    Path casesFile;

    @Option(names = "--business-case", description = "only this business case, e.g. BC1; repeatable (default: all)")
    List<String> only = new ArrayList<>();

    @Option(names = "--reference-scenario", description = "scenario of the tornados and the scaling chart "
            + "(default: the study's last, 2030Green-High for the reference study)")
    String referenceScenario;

    @Option(names = "--threads", description = "worker threads of the in-process study (default: all cores)")
    Integer threads;

    private Map<String, Double> durations = Map.of();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter console = spec.commandLine().getOut();
        // Read and check every input before the (slower) study, so bad input fails fast and writes nothing.
        CostCatalogue costs = costsFile == null ? CbaInputs.loadBuiltInCosts() : CbaInputs.loadCosts(costsFile);
        BusinessCases cases = (casesFile == null ? CbaInputs.loadBuiltInBusinessCases()
                : CbaInputs.loadBusinessCases(casesFile)).only(only);
        AssetCatalogue assets = ScenarioLoader.loadBuiltInCatalogue();
        StudyData data;
        Path ownStudy = null;
        if (study != null) {
            data = StudyFolderReader.read(study, assets);
        } else {
            StudyResults results = runReferenceStudy(console);
            ownStudy = writeStudyFolder(results);
            data = StudyData.fromResults(results).withGridStudy(StudyData.gridFigures(results.results()),
                    "study/" + StudyFolderReader.GRID_FILE, results.worstPtu().map(w -> WorstPtuMap.of(w).svg()))
                    .withOrigin("the reference study (lfa study, all 12 scenarios), kept beside this report in study/");
        }
        CbaResult cba = CostBenefitAnalysis.run(data, costs, cases, referenceScenario);
        try {
            new CbaWriter().write(out, cba, Optional.ofNullable(ownStudy));
        } finally {
            if (ownStudy != null && Files.exists(ownStudy.getParent())) {
                AtomicFiles.discard(ownStudy.getParent());
            }
        }
        console.printf(Locale.ROOT, "%-4s %-16s %9s %12s %12s %12s %8s %8s%n", "case", "scenario", "signed_up",
                "revenue_eur", "capex_eur", "npv_eur", "irr_%", "payback");
        for (CaseResult r : cba.results()) {
            console.printf(Locale.ROOT, "%-4s %-16s %9d %12.0f %12.0f %12.0f %8s %8s%n", r.businessCase(),
                    r.scenario(), r.prosumersInvolved(), r.lfaRevenueInEur(), r.capexInEur(), r.npvInEur(),
                    Double.isNaN(r.irrPct()) ? "-" : String.format(Locale.ROOT, "%.1f", r.irrPct()),
                    Double.isNaN(r.paybackInYears()) ? "-" : String.format(Locale.ROOT, "%.1f", r.paybackInYears()));
        }
        if (data.gridFile().isEmpty()) {
            console.println("note: no grid.csv in the study, the DSO stream (UC3) counts zero");
        }
        console.printf(Locale.ROOT, "CBA written to %s (%.1f s)%n", out.toAbsolutePath(),
                (System.nanoTime() - start) / 1e9);
        console.flush();
        return 0;
    }

    /** Runs the reference study with all three use cases, exactly as {@code lfa study} does, in this process. */
    private StudyResults runReferenceStudy(PrintWriter console) {
        long start = System.nanoTime();
        StudyOptions options = StudyOptions.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        List<Scenario> scenarios = ScenarioLoader.builtInNames().stream().map(ScenarioLoader::loadBuiltIn).toList();
        StudyResults results = Study.builder().options(options).build().run(scenarios, new ProgressBar(System.err));
        StudyCommand.printSummary(console, results.results());
        durations = new LinkedHashMap<>(results.durationsInSeconds());
        durations.put("total", (System.nanoTime() - start) / 1e9);
        return results;
    }

    /**
     * Writes the study the CBA ran on, as {@code lfa study} would, into a folder beside the output; the CBA writer
     * moves it into the output as {@code study/}.
     */
    private Path writeStudyFolder(StudyResults results) {
        Path staging = AtomicFiles.stagingFolderFor(out.resolveSibling(out.getFileName() + "-study"));
        Path folder = staging.resolve("study");
        try {
            new StudyWriter().write(folder, results, StudyRecord.of(Main.VERSION, results, durations));
        } catch (RuntimeException e) {
            AtomicFiles.discard(staging);
            throw e;
        }
        return folder;
    }
}
