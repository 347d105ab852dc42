package org.openlfa.sim;

import org.openlfa.community.AssetAssigner;
import org.openlfa.core.TimeGrid;

/**
 * How a study runs.
 *
 * @param grid                  the PTU grid
 * @param seed                  seed of every random draw (asset and profile assignment)
 * @param threads               worker threads (community-days run in parallel)
 * @param coordinationTolerance stop the community coordination when its proven gap is below this fraction
 * @param maxCoordinationRounds price rounds at most per community-day
 * @param keepSchedules         keep every home's daily schedules in the result (for checks; costs memory)
 */
public record StudyOptions(TimeGrid grid, long seed, int threads, double coordinationTolerance,
                           int maxCoordinationRounds, boolean keepSchedules) {

    /** The reference study's defaults: 15-min PTUs, seed 42, all cores. */
    public static StudyOptions defaults() {
        return new StudyOptions(TimeGrid.QUARTER_HOUR, AssetAssigner.REFERENCE_SEED,
                Runtime.getRuntime().availableProcessors(), 0.005, 25, false);
    }

    /** A copy with another seed. */
    public StudyOptions withSeed(long newSeed) {
        return new StudyOptions(grid, newSeed, threads, coordinationTolerance, maxCoordinationRounds, keepSchedules);
    }

    /** A copy that keeps (or drops) the daily schedules. */
    public StudyOptions withKeepSchedules(boolean keep) {
        return new StudyOptions(grid, seed, threads, coordinationTolerance, maxCoordinationRounds, keep);
    }

    /** A copy with another PTU grid. */
    public StudyOptions withGrid(TimeGrid newGrid) {
        return new StudyOptions(newGrid, seed, threads, coordinationTolerance, maxCoordinationRounds, keepSchedules);
    }

    /** A copy with another number of worker threads. */
    public StudyOptions withThreads(int newThreads) {
        return new StudyOptions(grid, seed, newThreads, coordinationTolerance, maxCoordinationRounds, keepSchedules);
    }
}
