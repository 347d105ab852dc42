package org.openlfa.region;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a region's LV grids somewhere: on this machine's cores ({@link LocalEngine}) or on a cluster (the
 * {@code openlfa-spark} module). Each grid is one task running {@link LvgStudy#run}; an engine hands each result to
 * {@code onResult} as soon as it has it (from any thread; the caller synchronises), so progress and the resume
 * checkpoint follow the work.
 */
public interface RegionEngine extends AutoCloseable {

    /** A short name for logs and outputs ({@code local}, {@code spark}). */
    String name();

    /** How many grids run at once. */
    int parallelism();

    /** Runs every task; returns when all results were handed over. */
    void run(List<LvgTask> tasks, RegionSettings settings, Consumer<LvgResult> onResult);

    /** Releases what the engine holds (a Spark context); nothing for the local engine. */
    @Override
    default void close() {
    }
}
