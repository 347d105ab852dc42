package org.openlfa.sim;

/**
 * A scenario's annual totals over all households.
 *
 * @param scenario               scenario name
 * @param households             number of households
 * @param smartHouseholds        households with an energy box
 * @param coordinatedHouseholds  households taking part in the community coordination
 * @param baselineCostInEur      sum of baseline bills
 * @param optimisedCostInEur     sum of UC1 bills
 * @param communityCostInEur     sum of UC2 bills (after local settlement)
 * @param localTradedInKwh       energy traded on the local markets
 * @param valueExchangedInEur    money changing hands on the local markets
 * @param coordinationGapPct     coordinated communities' bill above the centralised optimum, in percent of it
 * @param maxCoordinationRounds  the most price rounds any community-day needed
 * @param durationInSeconds      wall time of the scenario
 */
public record ScenarioSummary(String scenario, int households, int smartHouseholds, int coordinatedHouseholds,
                              double baselineCostInEur, double optimisedCostInEur, double communityCostInEur,
                              double localTradedInKwh, double valueExchangedInEur, double coordinationGapPct,
                              int maxCoordinationRounds, double durationInSeconds) {

    /** Annual saving of in-home optimisation. */
    public double uc1SavingInEur() {
        return baselineCostInEur - optimisedCostInEur;
    }

    /** Annual saving of community coordination and local trading on top of UC1. */
    public double uc2SavingInEur() {
        return optimisedCostInEur - communityCostInEur;
    }
}
