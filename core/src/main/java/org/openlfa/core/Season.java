package org.openlfa.core;

/**
 * The four meteorological seasons of the year. The study simulates one representative day per season and weighs it
 * by the number of days the season has, so that the four days add up to a year of 365 days.
 */
public enum Season {
    /** December, January, February: 90 days. */
    WINTER(90),
    /** March, April, May: 92 days. */
    SPRING(92),
    /** June, July, August: 92 days. */
    SUMMER(92),
    /** September, October, November: 91 days. */
    AUTUMN(91);

    private final int daysPerYear;

    Season(int daysPerYear) {
        this.daysPerYear = daysPerYear;
    }

    /** Number of days of a (non-leap) year in this season; the four add up to 365. */
    public int daysPerYear() {
        return daysPerYear;
    }

    /** The season of a month, 1 = January. */
    public static Season ofMonth(int month) {
        return switch (month) {
            case 12, 1, 2 -> WINTER;
            case 3, 4, 5 -> SPRING;
            case 6, 7, 8 -> SUMMER;
            case 9, 10, 11 -> AUTUMN;
            default -> throw new IllegalArgumentException("month must be 1..12, got " + month);
        };
    }
}
