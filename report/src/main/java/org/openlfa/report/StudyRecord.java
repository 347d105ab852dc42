package org.openlfa.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlfa.sim.StudyResults;

/**
 * What {@code run.json} records about a study run: enough to reproduce and audit it.
 *
 * @param version          OpenLFA version
 * @param seed             the seed of the asset and profile assignment
 * @param ptuInMinutes     PTU length
 * @param network          the grid studied
 * @param coordination     the community coordination method and its settings
 * @param inputs           every input file with its SHA-256 checksum
 * @param durationsInSeconds per scenario wall time, plus "total"
 */
public record StudyRecord(String version, long seed, int ptuInMinutes, String network, Map<String, Object> coordination,
                          List<InputFile> inputs, Map<String, Double> durationsInSeconds) {

    /**
     * The record of a study run: its seed, PTU, network, coordination settings and inputs with their checksums.
     *
     * @param version   OpenLFA version
     * @param results   the study's results
     * @param durations per scenario wall time, plus "total"
     */
    public static StudyRecord of(String version, StudyResults results, Map<String, Double> durations) {
        Map<String, Object> coordination = new LinkedHashMap<>();
        coordination.put("method", "Dantzig-Wolfe price-directive decomposition (reported as admm_gap_pct)");
        coordination.put("toleranceFraction", results.options().coordinationTolerance());
        coordination.put("maxRounds", results.options().maxCoordinationRounds());
        List<InputFile> inputs = results.inputs().stream().map(f -> new InputFile(f.name(), f.sha256())).toList();
        return new StudyRecord(version, results.options().seed(), results.options().grid().ptuInMinutes(),
                results.network(), coordination, inputs, durations);
    }

    /** An input file and its checksum. */
    public record InputFile(String name, String sha256) {
    }
}
