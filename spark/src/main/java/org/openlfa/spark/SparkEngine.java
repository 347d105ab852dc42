package org.openlfa.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.openlfa.region.LvgResult;
import org.openlfa.region.LvgStudy;
import org.openlfa.region.LvgTask;
import org.openlfa.region.RegionEngine;
import org.openlfa.region.RegionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a region on Apache Spark: every LV grid is one task ({@link LvgStudy#run} on one executor core), so the
 * cluster's scheduler balances grids of 40 and of 900 homes by itself.
 *
 * <p>The grids go out in waves of {@link #WAVE_FACTOR} x the cluster's parallelism, all submitted at once as
 * asynchronous jobs: Spark's FIFO scheduler fills idle cores with the next wave's tasks, so waves cost no idle tail,
 * and each wave's results reach the driver (and its resume checkpoint) as soon as that wave is done, instead of only
 * at the end of the region.
 *
 * <pre>{@code
 * try (SparkEngine spark = SparkEngine.start("local[2]")) {              // null: the master of spark-submit
 *     RegionRun.run(RegionSpec.tasks("enwl:all", 0, 42), RegionSettings.defaults(), spark, Path.of("region"),
 *             RegionProgress.silent(), "enwl:all");
 * }
 * }</pre>
 */
public final class SparkEngine implements RegionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);

    /** Grids per wave, as a multiple of the parallelism. */
    static final int WAVE_FACTOR = 2;

    private final JavaSparkContext context;

    private SparkEngine(JavaSparkContext context) {
        this.context = context;
    }

    /**
     * Starts (or joins, under spark-submit) a Spark context.
     *
     * @param master the master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn}), or null to take the one
     *               spark-submit set
     */
    public static SparkEngine start(String master) {
        SparkConf conf = new SparkConf().setAppName("OpenLFA region");
        if (master != null) {
            conf.setMaster(master);
        }
        if (!conf.contains("spark.master")) {
            // Neither --master nor spark-submit said where to run: this machine's cores, as the local engine does.
            conf.setMaster("local[*]");
        }
        // Results are a few kB per grid; the default Java serialiser is enough and needs no class registration.
        return new SparkEngine(JavaSparkContext.fromSparkContext(
                org.apache.spark.SparkContext.getOrCreate(conf)));
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public int parallelism() {
        return context.defaultParallelism();
    }

    @Override
    public void run(List<LvgTask> tasks, RegionSettings settings, Consumer<LvgResult> onResult) {
        if (tasks.isEmpty()) {
            return;
        }
        int wave = Math.max(1, WAVE_FACTOR * parallelism());
        Function<LvgTask, LvgResult> study = studyOf(settings);
        List<JavaFutureAction<List<LvgResult>>> jobs = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += wave) {
            List<LvgTask> slice = List.copyOf(tasks.subList(from, Math.min(tasks.size(), from + wave)));
            // One partition per grid: each grid is its own task, scheduled on any free core.
            jobs.add(context.parallelize(slice, slice.size()).map(study).collectAsync());
        }
        LOG.info("spark: {} LV grids in {} waves on {} cores", tasks.size(), jobs.size(), parallelism());
        try {
            for (JavaFutureAction<List<LvgResult>> job : jobs) {
                job.get().forEach(onResult);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.forEach(j -> j.cancel(true));
            throw new IllegalStateException("region interrupted", e);
        } catch (ExecutionException e) {
            // LvgStudy.run reports a grid's own failure in its result; this is the cluster failing (lost executors
            // beyond Spark's retries), which the next run resumes from the waves already kept.
            jobs.forEach(j -> j.cancel(true));
            throw new IllegalStateException("Spark job failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A static factory, so the function captures only the (serialisable) settings, never this engine. */
    private static Function<LvgTask, LvgResult> studyOf(RegionSettings settings) {
        return task -> LvgStudy.run(task, settings, 1);
    }

    @Override
    public void close() {
        context.stop();
    }
}
