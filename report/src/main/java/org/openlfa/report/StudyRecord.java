package org.openlfa.report;

import java.util.List;
import java.util.Map;

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

    /** An input file and its checksum. */
    public record InputFile(String name, String sha256) {
    }
}
