package org.openlfa.cba;

/**
 * The DSO's figures for one scenario, from the grid study's {@code grid.csv} (UC3).
 *
 * @param scenario                 scenario name
 * @param flexDeliveredInKwh       flexibility the DSO called in a year
 * @param dsoFlexCostInEur         what the DSO pays for that flexibility in a year
 * @param reinforcementAnnuityInEur the annuity of the reinforcement the flexibility replaces
 * @param deferralValueInEur       the yearly value to the DSO of deferring that reinforcement
 */
public record GridFigures(String scenario, double flexDeliveredInKwh, double dsoFlexCostInEur,
                          double reinforcementAnnuityInEur, double deferralValueInEur) {
}
