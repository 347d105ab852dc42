package org.openlfa.region;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar over LV grids with elapsed time and ETA, redrawn on the stream the front end gives (the
 * CLI's and the Spark job's standard error). The ETA counts only grids run in this run, so a resumed run does not
 * look faster than it is.
 *
 * <pre>{@code
 * RegionRun.run(tasks, settings, engine, out, new ConsoleProgress(System.err), spec);
 * }</pre>
 */
public final class ConsoleProgress implements RegionProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private long start;
    private int total;
    private int resumed;
    private int done;
    private int failed;

    /** A bar drawn on {@code out}. */
    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void started(int totalGrids, int alreadyDone) {
        start = System.nanoTime();
        total = Math.max(1, totalGrids);
        resumed = alreadyDone;
        done = alreadyDone;
        draw("");
    }

    @Override
    public synchronized void finished(LvgResult result) {
        done++;
        if (!result.ok()) {
            failed++;
        }
        draw(result.lvg());
        if (done >= total) {
            out.println();
        }
    }

    private void draw(String last) {
        double fraction = Math.min(1.0, done / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int ranHere = done - resumed;
        double eta = ranHere > 0 ? elapsed / ranHere * (total - done) : Double.NaN;
        out.printf(Locale.ROOT, "\r[%s%s] %d/%d LV grids%s %6.1fs eta %s %-18s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, failed > 0 ? " (" + failed + " failed)" : "", elapsed,
                Double.isNaN(eta) ? "   ?  " : String.format(Locale.ROOT, "%6.1fs", eta), last);
        out.flush();
    }
}
