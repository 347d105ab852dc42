package org.openlfa.core.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A text progress bar with elapsed time and ETA. On a terminal it is one line redrawn with a carriage return; when
 * the stream is not a terminal (a log file, a pipe, CI) it prints plain lines instead, one when the label changes
 * and one per tenth of the run, so a log stays readable. The ETA counts only units done in this run, so a resumed
 * run does not look faster than it is.
 *
 * <pre>{@code
 * ProgressBar bar = new ProgressBar(System.err);             // terminal or not: System.console()
 * ProgressBar grids = new ProgressBar(System.err, false).counting("LV grids");   // "3/10 LV grids", plain lines
 * }</pre>
 */
public final class ProgressBar implements Progress {

    private static final int WIDTH = 30;
    private static final int PLAIN_STEPS = 10;

    private final PrintStream out;
    private final boolean terminal;
    private final String unitName;
    private long startNanos = System.nanoTime();
    private int total = 1;
    private int resumed;
    private int done;
    private String label = "";
    private int lastPlainTenth = -1;
    private String lastPlainLabel;
    private boolean finished;

    /** A bar on {@code out}, redrawn in place when this process has a console ({@code System.console()}). */
    public ProgressBar(PrintStream out) {
        this(out, System.console() != null);
    }

    /** A bar on {@code out}; {@code terminal} false prints plain lines without carriage returns. */
    public ProgressBar(PrintStream out, boolean terminal) {
        this(out, terminal, null);
    }

    private ProgressBar(PrintStream out, boolean terminal, String unitName) {
        this.out = out;
        this.terminal = terminal;
        this.unitName = unitName;
    }

    /** The same bar showing a count ({@code 3/10 LV grids}) instead of a percentage. */
    public ProgressBar counting(String unitsName) {
        return new ProgressBar(out, terminal, unitsName);
    }

    /** Whether the bar is redrawn in place (a terminal) rather than printed as plain lines. */
    public boolean terminal() {
        return terminal;
    }

    @Override
    public synchronized void start(int totalUnits, int alreadyDone) {
        startNanos = System.nanoTime();
        total = Math.max(1, totalUnits);
        resumed = alreadyDone;
        done = alreadyDone;
        finished = false;
        draw(false);
    }

    @Override
    public synchronized void label(String text) {
        label = text == null ? "" : text;
        draw(false);
    }

    @Override
    public synchronized void step(int units) {
        done += units;
        draw(false);
    }

    @Override
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        done = Math.max(done, total);
        draw(true);
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void draw(boolean last) {
        double fraction = Math.min(1.0, done / (double) total);
        if (!terminal) {
            int tenth = (int) Math.floor(fraction * PLAIN_STEPS);
            if (!last && tenth == lastPlainTenth && label.equals(lastPlainLabel)) {
                return;
            }
            lastPlainTenth = tenth;
            lastPlainLabel = label;
        }
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int ranHere = done - resumed;
        double eta = ranHere > 0 ? elapsed / ranHere * (total - done) : Double.NaN;
        String amount = unitName == null ? String.format(Locale.ROOT, "%3.0f%%", 100 * fraction)
                : done + "/" + total + " " + unitName;
        String body = String.format(Locale.ROOT, "[%s%s] %s %6.1fs eta %s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), amount, elapsed,
                Double.isNaN(eta) ? "   ?  " : String.format(Locale.ROOT, "%6.1fs", eta));
        if (terminal) {
            out.print("\r" + body + " " + String.format(Locale.ROOT, "%-20s", label));
        } else {
            out.println((body + " " + label).stripTrailing());
        }
        out.flush();
    }
}
