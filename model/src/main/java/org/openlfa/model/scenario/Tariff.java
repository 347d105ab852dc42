package org.openlfa.model.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;

/**
 * An energy price for import (what a home pays) or export (what it is paid), per PTU of a representative day of a
 * season. Three shapes: {@link Flat}, {@link TimeOfUse} bands, and {@link Dynamic} prices that follow an hourly
 * wholesale day-ahead shape.
 *
 * <pre>{@code
 * Tariff tariff = ScenarioLoader.loadBuiltIn("2030Green-High").importTariff();
 * double[] eurPerKwh = tariff.pricesInEurPerKwh(Season.WINTER, TimeGrid.QUARTER_HOUR); // 96 prices
 * }</pre>
 */
public sealed interface Tariff permits Tariff.Flat, Tariff.TimeOfUse, Tariff.Dynamic {

    /** The price in force at a minute (0..1439) of a representative day of the season. */
    double priceAtMinuteInEurPerKwh(Season season, int minuteOfDay);

    /**
     * One price per PTU of the grid. A PTU that straddles a price change gets the time-weighted mean of its minutes
     * (which is what a constant load in that PTU pays); for a dynamic tariff a PTU inside an hour takes that hour's
     * price.
     */
    default double[] pricesInEurPerKwh(Season season, TimeGrid grid) {
        double[] out = new double[grid.ptusPerDay()];
        for (int ptu = 0; ptu < out.length; ptu++) {
            int start = grid.startMinute(ptu);
            double first = priceAtMinuteInEurPerKwh(season, start);
            double sum = first;
            boolean constant = true;
            for (int m = start + 1; m < start + grid.ptuInMinutes(); m++) {
                double p = priceAtMinuteInEurPerKwh(season, m);
                constant &= p == first;
                sum += p;
            }
            // Return the exact figure when the PTU has one price, so that 0.17 stays 0.17 and not 0.1700000001.
            out[ptu] = constant ? first : sum / grid.ptuInMinutes();
        }
        return out;
    }

    /** A flat tariff: one price all day. */
    static Tariff flat(double priceInEurPerKwh) {
        return new Flat(priceInEurPerKwh);
    }

    /**
     * A single-rate tariff.
     *
     * @param priceInEurPerKwh the price at every minute, not negative
     */
    record Flat(double priceInEurPerKwh) implements Tariff {
        public Flat {
            if (!(priceInEurPerKwh >= 0)) {
                throw new IllegalArgumentException("a price must not be negative, got " + priceInEurPerKwh);
            }
        }

        @Override
        public double priceAtMinuteInEurPerKwh(Season season, int minuteOfDay) {
            return priceInEurPerKwh;
        }
    }

    /**
     * A time-of-use tariff: bands that cover the day from minute 0 to 1440 in order, without gap or overlap. The
     * same bands apply in every season.
     *
     * @param bands the bands, sorted by start
     */
    record TimeOfUse(List<TouBand> bands) implements Tariff {
        public TimeOfUse {
            bands = List.copyOf(bands);
            int expectedFrom = 0;
            for (TouBand band : bands) {
                if (band.fromMinute() != expectedFrom) {
                    throw new IllegalArgumentException("bands must cover the day without gap or overlap: a band"
                            + " starts at minute " + band.fromMinute() + ", expected " + expectedFrom);
                }
                expectedFrom = band.toMinute();
            }
            if (expectedFrom != TimeGrid.MINUTES_PER_DAY) {
                throw new IllegalArgumentException("bands must end at minute 1440, end at " + expectedFrom);
            }
        }

        @Override
        public double priceAtMinuteInEurPerKwh(Season season, int minuteOfDay) {
            int minute = Math.floorMod(minuteOfDay, TimeGrid.MINUTES_PER_DAY);
            for (TouBand band : bands) {
                if (band.contains(minute)) {
                    return band.priceInEurPerKwh();
                }
            }
            throw new IllegalStateException("bands cover the day, checked in the constructor");
        }
    }

    /**
     * A dynamic tariff that follows the wholesale day-ahead price, in the manner of Octopus Agile:
     * {@code price = multiplier * wholesale/1000 + adder (+ peakAdder inside the peak window)}, optionally floored at
     * zero. The wholesale price of an hour holds for all its minutes.
     *
     * @param hourlyWholesaleInEurPerMwh  24 day-ahead prices per season (may be negative, as real ones can be)
     * @param multiplier                  factor on the wholesale price (supplier's losses, margin, VAT), not negative
     * @param adderInEurPerKwh            fixed part: network, policy costs, VAT as assumed; not negative
     * @param peakAdderInEurPerKwh        extra charge inside the peak window (0 for none), not negative
     * @param peakFromMinute              first minute of the peak window
     * @param peakToMinute                minute after the peak window (equal to peakFromMinute for no window)
     * @param floorAtZero                 whether the price is never below zero (import tariffs that do not pay
     *                                    households to consume)
     */
    record Dynamic(Map<Season, List<Double>> hourlyWholesaleInEurPerMwh, double multiplier, double adderInEurPerKwh,
                   double peakAdderInEurPerKwh, int peakFromMinute, int peakToMinute, boolean floorAtZero)
            implements Tariff {

        /** Hours in a day: the length of each season's wholesale shape. */
        public static final int HOURS_PER_DAY = 24;

        public Dynamic {
            EnumMap<Season, List<Double>> copy = new EnumMap<>(Season.class);
            for (Season season : Season.values()) {
                List<Double> shape = hourlyWholesaleInEurPerMwh.get(season);
                if (shape == null || shape.size() != HOURS_PER_DAY) {
                    throw new IllegalArgumentException("need 24 hourly wholesale prices for " + season);
                }
                copy.put(season, List.copyOf(shape));
            }
            hourlyWholesaleInEurPerMwh = Collections.unmodifiableMap(copy);
            if (!(multiplier >= 0) || !(adderInEurPerKwh >= 0) || !(peakAdderInEurPerKwh >= 0)) {
                throw new IllegalArgumentException("multiplier and adders must not be negative");
            }
            if (peakFromMinute < 0 || peakToMinute > TimeGrid.MINUTES_PER_DAY || peakFromMinute > peakToMinute) {
                throw new IllegalArgumentException("need 0 <= peakFromMinute <= peakToMinute <= 1440");
            }
        }

        /** A dynamic tariff without a peak adder. */
        public static Dynamic of(Map<Season, List<Double>> hourlyWholesaleInEurPerMwh, double multiplier,
                                 double adderInEurPerKwh, boolean floorAtZero) {
            return new Dynamic(hourlyWholesaleInEurPerMwh, multiplier, adderInEurPerKwh, 0, 0, 0, floorAtZero);
        }

        @Override
        public double priceAtMinuteInEurPerKwh(Season season, int minuteOfDay) {
            int minute = Math.floorMod(minuteOfDay, TimeGrid.MINUTES_PER_DAY);
            double wholesaleInEurPerKwh = hourlyWholesaleInEurPerMwh.get(season).get(minute / 60) / 1000.0;
            double price = multiplier * wholesaleInEurPerKwh + adderInEurPerKwh;
            if (minute >= peakFromMinute && minute < peakToMinute) {
                price += peakAdderInEurPerKwh;
            }
            return floorAtZero ? Math.max(0.0, price) : price;
        }

        /** The hourly wholesale shape of a season as an array (a copy). */
        public double[] wholesaleInEurPerMwh(Season season) {
            List<Double> shape = hourlyWholesaleInEurPerMwh.get(season);
            double[] out = new double[shape.size()];
            for (int h = 0; h < out.length; h++) {
                out[h] = shape.get(h);
            }
            return out;
        }
    }

    /** Convenience for tests and callers that build bands by hand: bands from (from, to, price) triples. */
    static TimeOfUse timeOfUse(TouBand... bands) {
        return new TimeOfUse(new ArrayList<>(List.of(bands)));
    }
}
