package org.openlfa.core;

/**
 * The study's one clock: a day cut into programme time units (PTUs) of equal length.
 *
 * <p>Every agent acts on the same PTU index; nothing in the study reads the wall clock.
 *
 * <pre>{@code
 * TimeGrid grid = TimeGrid.ofMinutes(15);   // 96 PTUs a day
 * double kWh = powerInKw * grid.hoursPerPtu();
 * }</pre>
 *
 * @param ptuInMinutes length of one PTU; must divide a day (1440 min) and be a multiple of 5 min, the
 *                     resolution of the shipped profile pools
 */
public record TimeGrid(int ptuInMinutes) {

    /** Minutes in a day. */
    public static final int MINUTES_PER_DAY = 1440;

    /** The default PTU of USEF markets: 15 minutes. */
    public static final TimeGrid QUARTER_HOUR = new TimeGrid(15);

    public TimeGrid {
        if (ptuInMinutes <= 0 || MINUTES_PER_DAY % ptuInMinutes != 0 || ptuInMinutes % 5 != 0) {
            throw new IllegalArgumentException("PTU length must be a multiple of 5 min that divides 1440 min, got "
                    + ptuInMinutes);
        }
    }

    /** A grid with PTUs of the given length in minutes. */
    public static TimeGrid ofMinutes(int ptuInMinutes) {
        return new TimeGrid(ptuInMinutes);
    }

    /** Number of PTUs in one day. */
    public int ptusPerDay() {
        return MINUTES_PER_DAY / ptuInMinutes;
    }

    /** Length of one PTU in hours: multiply a power in kW by it to get energy in kWh. */
    public double hoursPerPtu() {
        return ptuInMinutes / 60.0;
    }

    /** The PTU that contains the given minute of the day (0..1439). */
    public int ptuOfMinute(int minuteOfDay) {
        return Math.floorMod(minuteOfDay, MINUTES_PER_DAY) / ptuInMinutes;
    }

    /** Minute of the day at which the given PTU starts. */
    public int startMinute(int ptu) {
        return ptu * ptuInMinutes;
    }
}
