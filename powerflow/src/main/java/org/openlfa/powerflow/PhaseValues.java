package org.openlfa.powerflow;

/**
 * One value per phase.
 *
 * @param a phase a (OpenDSS node 1)
 * @param b phase b (node 2)
 * @param c phase c (node 3)
 */
public record PhaseValues(double a, double b, double c) {

    /** The value of a phase, 0 = a, 1 = b, 2 = c. */
    public double get(int phase) {
        return switch (phase) {
            case 0 -> a;
            case 1 -> b;
            case 2 -> c;
            default -> throw new IndexOutOfBoundsException("phase " + phase + " (0..2)");
        };
    }

    /** a + b + c. */
    public double sum() {
        return a + b + c;
    }

    /** The largest of the three. */
    public double max() {
        return Math.max(a, Math.max(b, c));
    }
}
