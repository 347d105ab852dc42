package org.openlfa.model.scenario;

import org.openlfa.core.TimeGrid;

/**
 * One band of a time-of-use tariff: a constant price from a minute of the day (inclusive) to another (exclusive).
 *
 * @param fromMinute        first minute of the band, 0..1439
 * @param toMinute          minute after the last one of the band, fromMinute+1..1440
 * @param priceInEurPerKwh  energy price in the band, not negative
 */
public record TouBand(int fromMinute, int toMinute, double priceInEurPerKwh) {
    public TouBand {
        if (fromMinute < 0 || toMinute > TimeGrid.MINUTES_PER_DAY || fromMinute >= toMinute) {
            throw new IllegalArgumentException("need 0 <= fromMinute < toMinute <= 1440, got " + fromMinute + ".."
                    + toMinute);
        }
        if (!(priceInEurPerKwh >= 0)) {
            throw new IllegalArgumentException("a band price must not be negative, got " + priceInEurPerKwh);
        }
    }

    /** True if the minute of the day lies in this band. */
    public boolean contains(int minuteOfDay) {
        return minuteOfDay >= fromMinute && minuteOfDay < toMinute;
    }
}
