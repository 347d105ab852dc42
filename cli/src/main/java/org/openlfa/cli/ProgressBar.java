package org.openlfa.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line text progress bar with elapsed time and ETA, redrawn on standard error. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final long startNanos = System.nanoTime();
    private volatile String label = "";

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = Math.max(1, total);
    }

    void label(String text) {
        label = text;
        draw(done.get());
    }

    void step(int units) {
        draw(done.addAndGet(units));
    }

    void finish() {
        draw(total);
        out.println();
    }

    private synchronized void draw(int current) {
        double fraction = Math.min(1.0, current / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = fraction > 0 ? elapsed / fraction - elapsed : Double.NaN;
        out.printf("\r[%s%s] %3.0f%% %5.1fs eta %5.1fs %-20s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                100 * fraction, elapsed, Double.isNaN(eta) ? 0.0 : eta, label);
        out.flush();
    }
}
