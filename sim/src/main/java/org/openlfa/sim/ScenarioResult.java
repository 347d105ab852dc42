package org.openlfa.sim;

import java.util.List;

/**
 * Everything a scenario run produced.
 *
 * @param summary    annual totals
 * @param households per household annual figures
 * @param series     per community and season, per-PTU totals
 * @param days       per home and season, the schedules (empty unless the options keep them)
 */
public record ScenarioResult(ScenarioSummary summary, List<HouseholdResult> households, List<CommunitySeries> series,
                             List<HomeDay> days) {
}
