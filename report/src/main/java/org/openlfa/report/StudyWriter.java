package org.openlfa.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openlfa.report.map.WorstPtuMap;
import org.openlfa.core.AtomicFiles;
import org.openlfa.sim.CommunitySeries;
import org.openlfa.sim.ScenarioResult;
import org.openlfa.sim.StudyResults;
import org.openlfa.sim.schema.GridColumn;
import org.openlfa.sim.schema.HouseholdColumn;
import org.openlfa.sim.schema.ResultFiles;
import org.openlfa.sim.schema.SeriesColumn;
import org.openlfa.sim.schema.SummaryColumn;

/**
 * Writes a study's results: {@code summary.csv}, {@code households.csv}, one per-PTU time series per scenario and
 * community under {@code timeseries/}, and {@code run.json}. Each file's columns are declared once, in sim's
 * {@code org.openlfa.sim.schema} ({@link SummaryColumn}, {@link HouseholdColumn}, {@link GridColumn},
 * {@link SeriesColumn}), which the readers use too; the CSV library quotes. Everything is written to a staging
 * folder beside the output folder and moved into place at the end, so a failed run leaves the previous results
 * untouched.
 *
 * <pre>{@code
 * new StudyWriter().write(Path.of("results"), results, StudyRecord.of(version, results, durations));
 * }</pre>
 */
public final class StudyWriter {

    /** Columns of {@code summary.csv} ({@link SummaryColumn}). */
    public static final String SUMMARY_HEADER = ResultFiles.header(SummaryColumn.values());

    /** Columns of {@code households.csv} ({@link HouseholdColumn}). */
    public static final String HOUSEHOLD_HEADER = ResultFiles.header(HouseholdColumn.values());

    /** Columns of each time series file ({@link SeriesColumn}). */
    public static final String SERIES_HEADER = ResultFiles.header(SeriesColumn.values());

    /** Columns of {@code grid.csv} ({@link GridColumn}). */
    public static final String GRID_HEADER = ResultFiles.header(GridColumn.values());

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
                writeGrid(staging.resolve(GridColumn.FILE), results);
            }
            if (map.isPresent()) {
                WorstPtuMap m = map.get();
                m.map().writeSvg(staging.resolve("feeder_map.svg"), m.lineValues(), m.busValues(), m.scale(),
                        m.title());
                m.map().writePng(staging.resolve("feeder_map.png"), m.lineValues(), m.busValues(), m.scale(),
                        m.title());
            }
            writeSummary(staging.resolve(SummaryColumn.FILE), results);
            writeHouseholds(staging.resolve(HouseholdColumn.FILE), results);
            for (ScenarioResult result : results) {
                writeSeries(staging.resolve(SeriesColumn.FOLDER).resolve(result.summary().scenario()), result.series(),
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
        ResultFiles.write(file, SummaryColumn.values(), results.stream().map(ScenarioResult::summary).toList());
    }

    private static void writeGrid(Path file, List<ScenarioResult> results) throws IOException {
        ResultFiles.write(file, GridColumn.values(), results.stream().flatMap(r -> r.grid().stream()).toList());
    }

    private static void writeHouseholds(Path file, List<ScenarioResult> results) throws IOException {
        ResultFiles.write(file, HouseholdColumn.values(), results.stream().flatMap(r -> r.households().stream())
                .toList());
    }

    private static void writeSeries(Path folder, List<CommunitySeries> series, int ptuInMinutes) throws IOException {
        Files.createDirectories(folder);
        for (String community : series.stream().map(CommunitySeries::community).distinct().toList()) {
            List<SeriesColumn.Ptu> rows = new ArrayList<>();
            for (CommunitySeries s : series) {
                if (s.community().equals(community)) {
                    for (int t = 0; t < s.importInKw().length; t++) {
                        rows.add(new SeriesColumn.Ptu(s, t, ptuInMinutes));
                    }
                }
            }
            ResultFiles.write(folder.resolve(community + ".csv"), SeriesColumn.values(), rows);
        }
    }
}
