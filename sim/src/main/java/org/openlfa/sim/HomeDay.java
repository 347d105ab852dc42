package org.openlfa.sim;

import org.openlfa.core.Season;
import org.openlfa.optim.HomeDayProblem;
import org.openlfa.optim.HomeSchedule;
import org.openlfa.community.Household;

/**
 * One home's representative day, kept for checks: the problem, the baseline, the UC1 plan and the final plan.
 */
public record HomeDay(String scenario, Season season, Household household, HomeDayProblem problem,
                      HomeSchedule baseline, HomeSchedule optimised, HomeSchedule community) {
}
