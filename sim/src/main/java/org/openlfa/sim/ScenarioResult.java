package org.openlfa.sim;

import java.util.List;
import java.util.Optional;
import org.openlfa.sim.grid.GridSummary;

/**
 * Everything a scenario run produced.
 *
 * @param summary    annual totals
 * @param households per household annual figures
 * @param series     per community and season, per-PTU totals
 * @param days       per home and season, the schedules (empty unless the options keep them)
 * @param grid       UC3 figures, when the study ran with a grid
 */
public record ScenarioResult(ScenarioSummary summary, List<HouseholdResult> households, List<CommunitySeries> series,
                             List<HomeDay> days, Optional<GridSummary> grid) {
}
