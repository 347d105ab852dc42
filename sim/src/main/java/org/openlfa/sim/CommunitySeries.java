package org.openlfa.sim;

import org.openlfa.core.Season;

/**
 * A community's per-PTU totals on a season's representative day (after coordination and local settlement).
 *
 * @param scenario          scenario name
 * @param community         community name
 * @param season            the season
 * @param importInKw        power bought from the supplier
 * @param exportInKw        power sold to the supplier
 * @param localTradeInKw    power traded between members
 * @param flexibleLoadInKw  power of the controllable devices (battery net charging, EV, heat pump, wet appliances)
 */
public record CommunitySeries(String scenario, String community, Season season, double[] importInKw,
                              double[] exportInKw, double[] localTradeInKw, double[] flexibleLoadInKw) {
}
