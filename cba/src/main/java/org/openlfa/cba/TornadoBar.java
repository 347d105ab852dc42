package org.openlfa.cba;

/**
 * One input of the tornado: the NPV when it is moved down and up.
 *
 * @param input         what was moved, e.g. "energy box price"
 * @param lowValue      the input's value moved down
 * @param highValue     the input's value moved up
 * @param npvLowInEur   NPV with the low value
 * @param npvHighInEur  NPV with the high value
 */
public record TornadoBar(String input, double lowValue, double highValue, double npvLowInEur, double npvHighInEur) {

    /** The width of the bar: how far the NPV moves between the two values. */
    public double swingInEur() {
        return Math.abs(npvHighInEur - npvLowInEur);
    }
}
