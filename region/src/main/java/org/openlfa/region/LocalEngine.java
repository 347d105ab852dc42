package org.openlfa.region;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a region on this machine: one LV grid per task on a pool of {@code threads} workers, each grid's study on one
 * thread (grids side by side use the cores better than one grid's few community-days in parallel, and one thread
 * per grid keeps the memory to one grid per core). When there are fewer grids than cores, the spare cores go to
 * the grids' own study threads.
 *
 * <pre>{@code
 * RegionEngine engine = new LocalEngine(Runtime.getRuntime().availableProcessors());
 * }</pre>
 */
public final class LocalEngine implements RegionEngine {

    private final int threads;

    /** An engine with this many workers (at least 1). */
    public LocalEngine(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public void run(List<LvgTask> tasks, RegionSettings settings, Consumer<LvgResult> onResult) {
        if (tasks.isEmpty()) {
            return;
        }
        int workers = Math.min(threads, tasks.size());
        int inner = Math.max(1, threads / tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "lvg-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (LvgTask task : tasks) {
                futures.add(pool.submit(() -> onResult.accept(LvgStudy.run(task, settings, inner))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("region interrupted", e);
        } catch (ExecutionException e) {
            // LvgStudy.run reports a grid's failure in its result; what arrives here is a failure of the engine
            // itself (e.g. the checkpoint could not be written), which must stop the run.
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
