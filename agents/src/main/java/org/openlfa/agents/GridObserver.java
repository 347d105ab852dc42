package org.openlfa.agents;

/**
 * The grid operator's view of its grid: a power flow (or, on the live platform, measurements) turning the net power
 * of every connection point into the grid's state.
 */
public interface GridObserver {

    /** Number of feeders (numbered 1..n). */
    int feeders();

    /** Number of connection points, in the order of {@link #observe}'s argument. */
    int connections();

    /** The feeder (1..n) of each connection point. */
    int feederOf(int connection);

    /**
     * The grid state when the connection points draw these net powers.
     *
     * @param netInKwByConnection per connection point, active power (positive = consumption)
     */
    GridState observe(double[] netInKwByConnection);
}
