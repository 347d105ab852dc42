package org.openlfa.core.progress;

/**
 * Where a long run reports how far it is: a total of work units, a label for what runs now, units as they finish.
 * Steps may come from worker threads.
 *
 * <pre>{@code
 * Progress progress = new ProgressBar(System.err);
 * progress.start(48);
 * progress.label("2030Green-High");
 * progress.step(1);
 * progress.finish();
 * }</pre>
 */
public interface Progress {

    /** A progress that shows nothing. */
    Progress NONE = units -> { };

    /** The run starts with {@code totalUnits} units to do, {@code alreadyDone} of them done before (a resumed run). */
    default void start(int totalUnits, int alreadyDone) {
    }

    /** The run starts with {@code totalUnits} units to do. */
    default void start(int totalUnits) {
        start(totalUnits, 0);
    }

    /** What runs now (a scenario, the last grid done). */
    default void label(String text) {
    }

    /** {@code units} more units are done. */
    void step(int units);

    /** The run is over. */
    default void finish() {
    }
}
