package org.openlfa.protocol;

import java.util.List;

/**
 * One PTU of the community's local market, cleared from the members' meter readings.
 *
 * @param community        the community
 * @param ptuStartEpochMs  the PTU
 * @param ptuMinutes       its length
 * @param priceInEurPerKwh the local price (by the scenario's rule)
 * @param tradedInKwh      energy matched between members
 * @param gridImportInKwh  what the community still imported from its supplier
 * @param gridExportInKwh  what it still exported
 * @param participants     members whose reading arrived in time
 * @param absent           members expected (connected) whose reading did not arrive: cleared without them
 * @param trades           each participant's local trade (only those that traded)
 */
public record MarketClearing(String community, long ptuStartEpochMs, int ptuMinutes, double priceInEurPerKwh,
                             double tradedInKwh, double gridImportInKwh, double gridExportInKwh, int participants,
                             List<String> absent, List<Trade> trades) {

    public MarketClearing {
        absent = List.copyOf(absent);
        trades = List.copyOf(trades);
    }

    /**
     * A member's local trade.
     *
     * @param agentId     the member
     * @param energyInKwh bought locally (positive) or sold locally (negative)
     */
    public record Trade(String agentId, double energyInKwh) {
    }
}
