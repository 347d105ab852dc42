package org.openlfa.region;

import java.io.PrintStream;
import org.openlfa.core.progress.ProgressBar;

/**
 * The region's progress over LV grids, drawn by the shared {@link ProgressBar} on the stream the front end gives (the
 * CLI's and the Spark job's standard error): a bar redrawn in place on a terminal, plain lines otherwise. The ETA
 * counts only grids run in this run, so a resumed run does not look faster than it is.
 *
 * <pre>{@code
 * RegionRun.run(tasks, settings, engine, out, new ConsoleProgress(System.err), spec);
 * }</pre>
 */
public final class ConsoleProgress implements RegionProgress {

    private final ProgressBar bar;
    private int total;
    private int done;
    private int failed;

    /** A bar drawn on {@code out} (redrawn in place when this process has a console). */
    public ConsoleProgress(PrintStream out) {
        this(new ProgressBar(out));
    }

    /** A bar drawn by {@code bar} (e.g. one that prints plain lines, for tests). */
    public ConsoleProgress(ProgressBar bar) {
        this.bar = bar.counting("LV grids");
    }

    @Override
    public synchronized void started(int totalGrids, int alreadyDone) {
        total = Math.max(1, totalGrids);
        done = alreadyDone;
        bar.start(totalGrids, alreadyDone);
    }

    @Override
    public synchronized void finished(LvgResult result) {
        done++;
        if (!result.ok()) {
            failed++;
        }
        bar.label(result.lvg() + (failed > 0 ? " (" + failed + " failed)" : ""));
        bar.step(1);
        if (done >= total) {
            bar.finish();
        }
    }
}
