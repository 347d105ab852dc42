package org.openlfa.cba;

/**
 * Break-even values of a business case on a scenario: the energy-box price at which it stops paying, and the share
 * of the UC1 saving the LFA must keep for it to pay.
 *
 * @param businessCase        business case id
 * @param scenario            scenario name
 * @param energyBoxPriceInEur the highest energy-box price with a positive NPV; NaN when no price (not even 0)
 *                            makes it pay, infinite when it pays at any price up to {@link #SEARCH_LIMIT_IN_EUR}
 * @param uc1SavingShare      the lowest UC1 saving share with a positive NPV; NaN when the case does not run the
 *                            UC1 stream or no share up to 1 makes it pay
 */
public record BreakEven(String businessCase, String scenario, double energyBoxPriceInEur, double uc1SavingShare) {

    /** The highest energy-box price searched. */
    public static final double SEARCH_LIMIT_IN_EUR = 3000;
}
