package org.openlfa.sim;
import org.openlfa.community.Household;

/**
 * One household's annual figures in one scenario.
 *
 * @param scenario            scenario name
 * @param household           the household
 * @param hasPv               owns PV
 * @param hasBattery          owns a battery
 * @param hasEv               owns an EV
 * @param hasHeatPump         owns a heat pump
 * @param wetAppliances       number of wet appliances (washing machine, dishwasher, tumble dryer) it owns
 * @param smart               has an energy box
 * @param coordinated         took part in the community coordination (smart, with a battery, EV or heat pump)
 * @param baselineBillInEur   annual bill without optimisation, with the supplier alone
 * @param optimisedBillInEur  annual bill with in-home optimisation (UC1), with the supplier alone
 * @param communityBillInEur  annual bill in the community (UC2): coordinated schedule, settled on the local market
 * @param localBoughtInKwh    energy bought on the local market in a year
 * @param localSoldInKwh      energy sold on the local market in a year
 */
public record HouseholdResult(String scenario, Household household, boolean hasPv, boolean hasBattery, boolean hasEv,
                              boolean hasHeatPump, int wetAppliances, boolean smart, boolean coordinated,
                              double baselineBillInEur, double optimisedBillInEur, double communityBillInEur,
                              double localBoughtInKwh, double localSoldInKwh) {
}
