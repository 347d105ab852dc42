package org.openlfa.model.profile;

import org.openlfa.core.TimeGrid;

/**
 * Turns a day of 5-minute mean powers into a day of PTU mean powers.
 *
 * <p>Each PTU gets the average of the 5-minute steps it covers. Since every PTU is a whole number of 5-minute steps
 * (see {@link TimeGrid}), this is exact: the energy of every PTU, and so of the day, is kept.
 *
 * <pre>{@code
 * double[] quarterHourInKw = ProfileResampling.toGrid(fiveMinuteInKw, TimeGrid.QUARTER_HOUR);
 * }</pre>
 */
public final class ProfileResampling {

    private ProfileResampling() {
    }

    /**
     * Averages 5-minute powers into PTUs.
     *
     * @param fiveMinuteInKw {@value ProfileCsv#ROWS} mean powers of consecutive 5-minute steps from midnight
     * @return a new array of {@code grid.ptusPerDay()} mean powers, in the same unit
     */
    public static double[] toGrid(double[] fiveMinuteInKw, TimeGrid grid) {
        if (fiveMinuteInKw.length != ProfileCsv.ROWS) {
            throw new IllegalArgumentException("a day has " + ProfileCsv.ROWS + " 5-min steps, got "
                    + fiveMinuteInKw.length);
        }
        int stepsPerPtu = grid.ptuInMinutes() / ProfileCsv.STEP_IN_MINUTES;
        double[] out = new double[grid.ptusPerDay()];
        for (int ptu = 0; ptu < out.length; ptu++) {
            double sum = 0;
            for (int k = 0; k < stepsPerPtu; k++) {
                sum += fiveMinuteInKw[ptu * stepsPerPtu + k];
            }
            out[ptu] = sum / stepsPerPtu;
        }
        return out;
    }

    /** Energy in kWh of a day of mean powers in kW on the given grid. */
    public static double energyInKwh(double[] powerInKw, TimeGrid grid) {
        double sum = 0;
        for (double p : powerInKw) {
            sum += p;
        }
        return sum * grid.hoursPerPtu();
    }
}
