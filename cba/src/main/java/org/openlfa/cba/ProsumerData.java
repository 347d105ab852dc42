package org.openlfa.cba;

/**
 * What the study says about one home in one scenario: the input of the CBA for that home (annual figures).
 *
 * @param household              the household id
 * @param community              its local energy community
 * @param hasPv                  owns PV
 * @param hasBattery             owns a battery
 * @param hasEv                  owns an EV
 * @param hasHeatPump            owns a heat pump
 * @param smart                  has an energy box in the scenario
 * @param coordinated            took part in the community coordination (smart with a battery, EV or heat pump)
 * @param baselineBillInEur      bill without optimisation
 * @param optimisedBillInEur     bill with in-home optimisation (UC1)
 * @param communityBillInEur     bill in the community after coordination and local trading (UC2)
 * @param localBoughtInKwh       energy bought on the local market
 * @param localSoldInKwh         energy sold on the local market
 * @param controllableAppliances devices an energy box controls: battery, EV, heat pump and the home's wet appliances
 *                               (the expected number where an older study folder has no {@code wet_appliances})
 */
public record ProsumerData(String household, String community, boolean hasPv, boolean hasBattery, boolean hasEv,
                           boolean hasHeatPump, boolean smart, boolean coordinated, double baselineBillInEur,
                           double optimisedBillInEur, double communityBillInEur, double localBoughtInKwh,
                           double localSoldInKwh, double controllableAppliances) {

    /** The UC1 saving: baseline bill minus optimised bill. */
    public double uc1SavingInEur() {
        return baselineBillInEur - optimisedBillInEur;
    }

    /** The UC2 saving on top of UC1: optimised bill minus community bill. */
    public double uc2SavingInEur() {
        return optimisedBillInEur - communityBillInEur;
    }
}
