package org.openlfa.region;

/** What a region run tells its caller while it works (the CLI draws a progress bar with ETA from it). */
public interface RegionProgress {

    /** Before the first grid: how many grids the run has and how many a previous run already finished. */
    void started(int total, int alreadyDone);

    /** After each grid, from the thread that received it. */
    void finished(LvgResult result);

    /** A progress that says nothing. */
    static RegionProgress silent() {
        return new RegionProgress() {
            @Override
            public void started(int total, int alreadyDone) {
            }

            @Override
            public void finished(LvgResult result) {
            }
        };
    }
}
