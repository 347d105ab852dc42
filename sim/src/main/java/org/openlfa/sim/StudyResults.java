package org.openlfa.sim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openlfa.core.Checksums;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.sim.grid.WorstPtu;

/**
 * What a {@link Study} run produced, with what the writers need besides: the scenarios run, the worst PTU's
 * voltages (with UC3) and the inputs used.
 *
 * <pre>{@code
 * StudyResults results = Study.builder().build().run(scenarios, Progress.NONE);
 * for (ScenarioResult r : results.results()) { ... }
 * results.inputs();    // every input file with its SHA-256
 * }</pre>
 *
 * @param scenarios          the scenarios, in run order
 * @param results            per scenario, its results, in the same order
 * @param worstPtu           the worst PTU over all scenarios and its voltages, when the study ran UC3
 * @param network            the grid studied, as run.json names it
 * @param options            how the study ran
 * @param inputFiles         every input file or {@code classpath:} resource read, in the order run.json lists them
 * @param durationsInSeconds per scenario, its wall time
 */
public record StudyResults(List<Scenario> scenarios, List<ScenarioResult> results, Optional<WorstPtu> worstPtu,
                           String network, StudyOptions options, List<String> inputFiles,
                           Map<String, Double> durationsInSeconds) {

    public StudyResults {
        scenarios = List.copyOf(scenarios);
        results = List.copyOf(results);
        inputFiles = List.copyOf(inputFiles);
        durationsInSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(durationsInSeconds));
    }

    /** Every input file with its SHA-256 checksum (computed on each call: the files are read). */
    public List<InputFile> inputs() {
        return inputFiles.stream().map(name -> new InputFile(name, Checksums.sha256(name))).toList();
    }

    /** Whether the study ran UC3 (the grid). */
    public boolean withGrid() {
        return results.stream().anyMatch(r -> r.grid().isPresent());
    }

    /** An input file and its checksum. */
    public record InputFile(String name, String sha256) {
    }
}
