package org.openlfa.region;

import java.io.Serializable;
import java.util.List;

/**
 * What one LV grid produced: its figures per scenario, or the reason it failed.
 *
 * @param lvg                    the grid's id
 * @param network                the network it is made from
 * @param replica                0 for the published network, 1..K for synthetic variants
 * @param customers              households on the grid (0 if it could not be read)
 * @param communities            local energy communities formed on it
 * @param transformerRatingInKva the MV/LV transformer rating assumed
 * @param error                  why it failed, or null when it ran
 * @param durationInSeconds      wall time of the grid on its worker
 * @param scenarios              the figures per scenario (empty when it failed)
 */
public record LvgResult(String lvg, String network, int replica, int customers, int communities,
                        double transformerRatingInKva, String error, double durationInSeconds,
                        List<LvgFigures> scenarios) implements Serializable {
    public LvgResult {
        scenarios = List.copyOf(scenarios);
    }

    /** Whether the grid ran to the end. */
    public boolean ok() {
        return error == null;
    }

    /** A failed grid's result. */
    static LvgResult failed(LvgTask task, int customers, String reason, double seconds) {
        return new LvgResult(task.lvg(), task.network(), task.replica(), customers, 0, 0, reason, seconds, List.of());
    }
}
