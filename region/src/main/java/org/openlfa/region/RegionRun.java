package org.openlfa.region;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openlfa.core.AtomicFiles;
import org.openlfa.core.csv.CsvWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A regional run from start to output, whatever the engine: checks the shared inputs, skips the grids a previous run
 * already finished, runs the rest on the engine, keeps each finished grid in a work folder as it arrives, and writes
 * {@code lvg_results.csv}, {@code region_summary.csv} and {@code region.json} into {@code out} in one step
 * ({@link AtomicFiles}).
 *
 * <p>Resume: the work folder is {@code .<out>.work} beside {@code out}. It holds one JSON file per finished grid and
 * the settings they were made with; a re-run with the same settings reuses them, other settings start afresh. It is
 * removed once a run ends with every grid done; a failed grid is not kept, so the re-run tries it again.
 *
 * <pre>{@code
 * List<LvgTask> tasks = RegionSpec.tasks("enwl:all", 0, 42);
 * RegionOutcome o = RegionRun.run(tasks, RegionSettings.defaults(), new LocalEngine(8), Path.of("region"),
 *         RegionProgress.silent(), "enwl:all");
 * }</pre>
 */
public final class RegionRun {

    private static final Logger LOG = LoggerFactory.getLogger(RegionRun.class);

    /** The product version recorded with results (a result of another version is not reused). */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegionRun() {
    }

    /**
     * What a run did.
     *
     * @param results           every grid's result, in task order
     * @param summary           the region's totals per scenario
     * @param resumed           grids taken over from a previous run
     * @param wallInSeconds     wall time of this run
     * @param workFolder        where finished grids are kept for a re-run (removed when every grid is done)
     */
    public record RegionOutcome(List<LvgResult> results, List<RegionSummary.Row> summary, int resumed,
                                double wallInSeconds, Path workFolder) {
        /** Grids that failed. */
        public List<LvgResult> failures() {
            return results.stream().filter(r -> !r.ok()).toList();
        }
    }

    /**
     * Runs a region and writes its outputs.
     *
     * @param spec what the user asked for, recorded in {@code region.json}
     * @throws org.openlfa.core.InputException for bad shared input (before any grid runs)
     */
    public static RegionOutcome run(List<LvgTask> tasks, RegionSettings settings, RegionEngine engine, Path out,
                                    RegionProgress progress, String spec) {
        long start = System.nanoTime();
        LvgStudy.checkInputs(settings);
        Path work = workFolderFor(out);
        Map<String, LvgResult> done = resume(work, settings, tasks);
        List<LvgTask> todo = tasks.stream().filter(t -> !done.containsKey(t.lvg())).toList();
        if (!done.isEmpty()) {
            LOG.info("resuming: {} of {} LV grids already finished in {}", done.size(), tasks.size(), work);
        }
        progress.started(tasks.size(), done.size());
        Map<String, LvgResult> fresh = new HashMap<>();
        engine.run(todo, settings, result -> {
            if (result.ok()) {
                keep(work, result);
            }
            synchronized (fresh) {
                fresh.put(result.lvg(), result);
            }
            progress.finished(result);
        });
        List<LvgResult> results = new ArrayList<>();
        for (LvgTask t : tasks) {
            LvgResult r = done.containsKey(t.lvg()) ? done.get(t.lvg()) : fresh.get(t.lvg());
            if (r == null) {
                throw new IllegalStateException("engine " + engine.name() + " returned no result for " + t.lvg());
            }
            results.add(r);
        }
        List<String> caseIds = LvgStudy.businessCaseIds();
        List<RegionSummary.Row> summary = RegionSummary.of(results, caseIds);
        double wall = (System.nanoTime() - start) / 1e9;
        RegionOutcome outcome = new RegionOutcome(results, summary, done.size(), wall, work);
        Path staging = AtomicFiles.stagingFolderFor(out);
        try {
            writeResults(staging.resolve("lvg_results.csv"), results);
            writeSummary(staging.resolve("region_summary.csv"), summary);
            writeRecord(staging.resolve("region.json"), outcome, settings, engine, spec);
            AtomicFiles.commit(staging, out);
        } catch (RuntimeException e) {
            AtomicFiles.discard(staging);
            throw e;
        }
        if (outcome.failures().isEmpty()) {
            deleteFolder(work);
        }
        return outcome;
    }

    /** The work folder of an output folder: {@code .<name>.work} beside it. */
    public static Path workFolderFor(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".work");
    }

    private static Map<String, LvgResult> resume(Path work, RegionSettings settings, List<LvgTask> tasks) {
        Map<String, LvgResult> done = new HashMap<>();
        String fingerprint = settings.fingerprint(VERSION);
        Path key = work.resolve("settings.txt");
        try {
            if (Files.isDirectory(work)) {
                if (Files.exists(key) && Files.readString(key).equals(fingerprint)) {
                    for (LvgTask t : tasks) {
                        Path file = work.resolve(t.lvg() + ".json");
                        if (Files.exists(file)) {
                            try {
                                done.put(t.lvg(), JSON.readValue(file.toFile(), LvgResult.class));
                            } catch (IOException e) {
                                LOG.warn("{} unreadable, running {} again: {}", file, t.lvg(), e.getMessage());
                            }
                        }
                    }
                    return done;
                }
                LOG.info("{} holds results of other settings; starting afresh", work);
                deleteFolder(work);
            }
            Files.createDirectories(work);
            Files.writeString(key, fingerprint);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the work folder " + work, e);
        }
    }

    private static void keep(Path work, LvgResult result) {
        // Written beside and renamed, so a run killed mid-write never leaves a half file that looks finished.
        Path file = work.resolve(result.lvg() + ".json");
        Path tmp = work.resolve(result.lvg() + ".json.tmp");
        try {
            JSON.writeValue(tmp.toFile(), result);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the result of " + result.lvg() + " in " + work, e);
        }
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", folder, e.getMessage());
        }
    }

    /** The figure columns of the results, in the order the first grid wrote them. */
    static List<String> figureColumns(List<LvgResult> results) {
        return results.stream().filter(LvgResult::ok).flatMap(r -> r.scenarios().stream()).findFirst()
                .map(f -> List.copyOf(f.values().keySet())).orElse(List.of());
    }

    /** The columns of {@code lvg_results.csv} before the figures. */
    static final List<String> RESULT_HEAD = List.of("lvg", "network", "replica", "customers", "communities",
            "transformer_kva", "scenario", "status", "error", "duration_s");

    private static void writeResults(Path file, List<LvgResult> results) {
        List<String> columns = figureColumns(results);
        List<String> header = new ArrayList<>(RESULT_HEAD);
        header.addAll(columns);
        try (CsvWriter w = CsvWriter.open(file, header)) {
            for (LvgResult r : results) {
                if (!r.ok()) {
                    head(w, r).text("").text("failed").text(r.error() == null ? "" : r.error())
                            .number(number(r.durationInSeconds()));
                    for (int i = 0; i < columns.size(); i++) {
                        w.number("");
                    }
                    w.endRow();
                    continue;
                }
                for (LvgFigures f : r.scenarios()) {
                    head(w, r).text(f.scenario()).text("ok").text("").number(number(r.durationInSeconds()));
                    for (String c : columns) {
                        w.number(number(f.get(c)));
                    }
                    w.endRow();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvWriter head(CsvWriter w, LvgResult r) throws IOException {
        return w.text(r.lvg()).text(r.network()).number(Integer.toString(r.replica()))
                .number(Integer.toString(r.customers())).number(Integer.toString(r.communities()))
                .number(number(r.transformerRatingInKva()));
    }

    private static void writeSummary(Path file, List<RegionSummary.Row> rows) {
        List<String> columns = rows.isEmpty() ? List.of("lvgs") : List.copyOf(rows.get(0).values().keySet());
        List<String> header = new ArrayList<>(List.of("scenario"));
        header.addAll(columns);
        try (CsvWriter w = CsvWriter.open(file, header)) {
            for (RegionSummary.Row r : rows) {
                w.text(r.scenario());
                for (String c : columns) {
                    w.number(number(r.values().getOrDefault(c, Double.NaN)));
                }
                w.endRow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRecord(Path file, RegionOutcome o, RegionSettings settings, RegionEngine engine,
                                    String spec) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("version", VERSION);
        record.put("networks", spec);
        record.put("engine", engine.name());
        record.put("parallelism", engine.parallelism());
        record.put("seed", settings.seed());
        record.put("scenarios", settings.scenarios());
        record.put("useCases", settings.withGrid() ? "UC1+UC2+UC3" : "UC1+UC2");
        record.put("lvgs", o.results().size());
        record.put("lvgsFailed", o.failures().size());
        record.put("lvgsResumed", o.resumed());
        record.put("customers", o.results().stream().mapToInt(LvgResult::customers).sum());
        record.put("wallInSeconds", o.wallInSeconds());
        record.put("gridSecondsAllRuns", o.results().stream().mapToDouble(LvgResult::durationInSeconds).sum());
        record.put("failures", o.failures().stream().map(r -> Map.of("lvg", r.lvg(), "reason", r.error())).toList());
        try {
            JSON.writeValue(file.toFile(), record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number as CSV text: up to 6 decimals, no trailing zeros, empty for NaN. */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "";
        }
        return BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
