package org.openlfa.model.profile;

import java.time.Month;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.openlfa.core.InputException;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ProfileLibrary} that derives one representative day per season from pools measured (or modelled) for one
 * or two seasons only, as the ENWL LVNS pools are. The method, with its figures, is in docs/profiles.md:
 *
 * <ul>
 *   <li><b>Household load</b>: winter and summer as given; spring and autumn are, home by home, a blend
 *       {@code w * winter + (1 - w) * summer} whose weight puts the season's daily energy at the same place between
 *       summer and winter as in the SimBench H0 profiles.</li>
 *   <li><b>PV per kWp</b>: each summer profile is divided by its own daily energy, so only its shape counts (the
 *       system size drops out); the shape is stretched in time about solar noon to each season's mean day length at
 *       the site latitude, moved to the season's clock (GMT/BST), and scaled to the season's mean daily yield: the
 *       annual yield of the assumptions spread over the seasons as SimBench PV spreads it.</li>
 *   <li><b>EV charging</b>: the same weekday every season (home charging follows travel, not weather).</li>
 *   <li><b>Heat pump</b>: each winter profile scaled by {@code h + (1 - h) * HDD(season) / HDD(winter)} (degree days
 *       per day, {@code h} the hot-water share); in summer {@code h} alone when space heating is off.</li>
 * </ul>
 *
 * <p>All days are derived once, at 5-minute resolution, when the library is built; {@link #dayInKw} only averages
 * them into PTUs and returns a fresh array, so it is cheap to call for every home and PTU length.
 *
 * <pre>{@code
 * SeasonalProfileLibrary profiles = ProfileLibraries.builtIn();
 * double[] pvInKwPerKwp = profiles.dayInKw(ProfileKind.PV_PER_KWP, 3, Season.SPRING, TimeGrid.ofMinutes(30));
 * double kWhPerYear = profiles.meanAnnualEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD);
 * }</pre>
 */
public final class SeasonalProfileLibrary implements ProfileLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SeasonalProfileLibrary.class);
    private static final int STEPS = ProfileCsv.ROWS;
    private static final double HOURS_PER_STEP = ProfileCsv.STEP_IN_MINUTES / 60.0;
    private static final double SOLSTICE_DECLINATION_IN_DEGREES = 23.44;

    /** Per kind: {@code [season.ordinal()][profile][step]} in kW (kW per kWp for PV). */
    private final Map<ProfileKind, double[][][]> days = new EnumMap<>(ProfileKind.class);
    private final Map<Season, Double> householdWinterWeight = new EnumMap<>(Season.class);
    private final Map<Season, Double> heatPumpFactor = new EnumMap<>(Season.class);
    private final SeasonalAssumptions assumptions;

    /**
     * Derives the seasons from parsed pools.
     *
     * @param pools   the five pools, {@code [profile][step]} in kW, as {@link ProfileCsv} returns them; not changed
     * @param sources where each pool came from, for error messages
     */
    SeasonalProfileLibrary(Map<ProfileFile, double[][]> pools, Map<ProfileFile, String> sources,
                           SimBenchDigest digest, SeasonalAssumptions assumptions) {
        this.assumptions = Objects.requireNonNull(assumptions, "assumptions");
        double[][] winterLoad = pools.get(ProfileFile.WINTER_LOAD);
        double[][] summerLoad = pools.get(ProfileFile.SUMMER_LOAD);
        if (winterLoad.length != summerLoad.length) {
            throw InputException.in(sources.get(ProfileFile.SUMMER_LOAD), "columns",
                    "as many profiles as " + ProfileFile.WINTER_LOAD.fileName() + " (" + winterLoad.length
                            + "), since profile i is one household in both seasons; got " + summerLoad.length);
        }
        days.put(ProfileKind.HOUSEHOLD_LOAD, householdDays(winterLoad, summerLoad, digest));
        days.put(ProfileKind.PV_PER_KWP, pvDays(pools.get(ProfileFile.SUMMER_PV), sources.get(ProfileFile.SUMMER_PV),
                digest));
        days.put(ProfileKind.EV_CHARGING, sameEverySeason(pools.get(ProfileFile.WINTER_EV)));
        days.put(ProfileKind.HEAT_PUMP, heatPumpDays(pools.get(ProfileFile.WINTER_EHP)));
        if (LOG.isDebugEnabled()) {
            for (ProfileKind kind : ProfileKind.values()) {
                LOG.debug("{}: {} profiles, mean {} kWh/yr", kind, poolSize(kind),
                        String.format("%.0f", meanAnnualEnergyInKwh(kind)));
            }
        }
    }

    @Override
    public int poolSize(ProfileKind kind) {
        return days.get(Objects.requireNonNull(kind, "kind"))[0].length;
    }

    @Override
    public double[] dayInKw(ProfileKind kind, int index, Season season, TimeGrid grid) {
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(grid, "grid");
        double[][] pool = days.get(Objects.requireNonNull(kind, "kind"))[season.ordinal()];
        if (index < 0 || index >= pool.length) {
            throw new IndexOutOfBoundsException(kind + " pool has profiles 0.." + (pool.length - 1) + ", got " + index);
        }
        return ProfileResampling.toGrid(pool[index], grid);
    }

    /** Mean over the pool of the daily energy of a season's day, in kWh (kWh per kWp for PV). */
    public double meanDailyEnergyInKwh(ProfileKind kind, Season season) {
        double[][] pool = days.get(Objects.requireNonNull(kind, "kind"))[season.ordinal()];
        double sum = 0;
        for (double[] day : pool) {
            sum += energyInKwh(day);
        }
        return sum / pool.length;
    }

    /** Mean over the pool of the annual energy, each season's day weighted by its days, in kWh (per kWp for PV). */
    public double meanAnnualEnergyInKwh(ProfileKind kind) {
        double sum = 0;
        for (Season s : Season.values()) {
            sum += meanDailyEnergyInKwh(kind, s) * s.daysPerYear();
        }
        return sum;
    }

    /** Weight of the winter day in a season's household-load blend (1 in winter, 0 in summer). */
    public double householdWinterWeight(Season season) {
        return householdWinterWeight.get(season);
    }

    /** Factor applied to the winter heat-pump day in a season (1 in winter). */
    public double heatPumpFactor(Season season) {
        return heatPumpFactor.get(season);
    }

    /** The assumptions the seasons were derived with. */
    public SeasonalAssumptions assumptions() {
        return assumptions;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private double[][][] householdDays(double[][] winter, double[][] summer, SimBenchDigest digest) {
        double hWinter = digest.seasons().get(Season.WINTER).householdDailyEnergyInKwhPerKw();
        double hSummer = digest.seasons().get(Season.SUMMER).householdDailyEnergyInKwhPerKw();
        double[][][] out = new double[4][][];
        for (Season s : Season.values()) {
            double h = digest.seasons().get(s).householdDailyEnergyInKwhPerKw();
            // Interpolating on SimBench's relative position, not its absolute ratio: SimBench H0 swings 2.4:1 from
            // winter to summer (German standard profile incl. some electric heating), ENWL only 1.16:1, so an
            // absolute ratio would push spring outside the measured UK range.
            double w = hWinter == hSummer ? 0.5 : (h - hSummer) / (hWinter - hSummer);
            if (w < 0 || w > 1) {
                LOG.warn("SimBench household energy of {} lies outside winter..summer; blend weight {} clamped", s, w);
                w = Math.min(1, Math.max(0, w));
            }
            householdWinterWeight.put(s, w);
            double[][] pool = new double[winter.length][STEPS];
            for (int i = 0; i < pool.length; i++) {
                for (int t = 0; t < STEPS; t++) {
                    pool[i][t] = w * winter[i][t] + (1 - w) * summer[i][t];
                }
            }
            out[s.ordinal()] = pool;
        }
        return out;
    }

    private double[][][] pvDays(double[][] summerPv, String source, SimBenchDigest digest) {
        double[][] shapes = new double[summerPv.length][];
        double[] meanShape = new double[STEPS];
        for (int i = 0; i < summerPv.length; i++) {
            double energy = energyInKwh(summerPv[i]);
            if (!(energy > 0)) {
                throw InputException.in(source, "column " + (i + 1), "a PV profile with some generation, got zeros");
            }
            shapes[i] = scaled(summerPv[i], 1 / energy);
            for (int t = 0; t < STEPS; t++) {
                meanShape[t] += shapes[i][t] / summerPv.length;
            }
        }
        // The measured output window: ENWL's is 03:45-20:45, sunrise to sunset near the June solstice in UTC.
        int first = 0;
        while (meanShape[first] <= 0) {
            first++;
        }
        int last = STEPS - 1;
        while (meanShape[last] <= 0) {
            last--;
        }
        double sourceStartInMinutes = first * (double) ProfileCsv.STEP_IN_MINUTES;
        double sourceEndInMinutes = (last + 1) * (double) ProfileCsv.STEP_IN_MINUTES;
        double sourceNoonInMinutes = (sourceStartInMinutes + sourceEndInMinutes) / 2;
        double solsticeDayInHours = dayLengthInHours(assumptions.latitudeInDegrees(), SOLSTICE_DECLINATION_IN_DEGREES);

        double summerYield = digest.seasons().get(Season.SUMMER).pvDailyEnergyInKwhPerKwp();
        double weightedDays = 0;
        for (Season s : Season.values()) {
            weightedDays += s.daysPerYear() * digest.seasons().get(s).pvDailyEnergyInKwhPerKwp() / summerYield;
        }
        double[][][] out = new double[4][][];
        for (Season s : Season.values()) {
            double ratioToSummer = digest.seasons().get(s).pvDailyEnergyInKwhPerKwp() / summerYield;
            double dailyYield = assumptions.pvAnnualYieldInKwhPerKwp() * ratioToSummer / weightedDays;
            double stretch = meanDayLengthInHours(s) / solsticeDayInHours;
            double targetNoonInMinutes = sourceNoonInMinutes + assumptions.clockOffsetFromUtcInMinutes().get(s);
            double[][] pool = new double[shapes.length][];
            for (int i = 0; i < shapes.length; i++) {
                double[] warped = warp(shapes[i], sourceNoonInMinutes, targetNoonInMinutes, stretch);
                pool[i] = scaled(warped, dailyYield / energyInKwh(warped));
            }
            out[s.ordinal()] = pool;
            LOG.debug("PV {}: {} kWh/kWp/day, day length x{}, noon at minute {}", s, dailyYield, stretch,
                    targetNoonInMinutes);
        }
        return out;
    }

    /**
     * Stretches a day about its solar noon and moves it: the value at target minute {@code t} is the source value at
     * {@code sourceNoon + (t - targetNoon) / stretch}, linearly interpolated between 5-minute step centres.
     */
    private static double[] warp(double[] source, double sourceNoon, double targetNoon, double stretch) {
        double[] out = new double[STEPS];
        double step = ProfileCsv.STEP_IN_MINUTES;
        for (int t = 0; t < STEPS; t++) {
            double targetMinute = (t + 0.5) * step;
            double sourceMinute = sourceNoon + (targetMinute - targetNoon) / stretch;
            double position = sourceMinute / step - 0.5;
            int lower = (int) Math.floor(position);
            double frac = position - lower;
            out[t] = (1 - frac) * valueAt(source, lower) + frac * valueAt(source, lower + 1);
        }
        return out;
    }

    private static double valueAt(double[] day, int step) {
        return step < 0 || step >= day.length ? 0 : day[step];
    }

    /** Mean day length (sunrise to sunset) over the days of a season, at the assumptions' latitude. */
    private double meanDayLengthInHours(Season season) {
        double sum = 0;
        int count = 0;
        int dayOfYear = 0;
        for (Month month : Month.values()) {
            for (int d = 1; d <= month.length(false); d++) {
                dayOfYear++;
                if (Season.ofMonth(month.getValue()) == season) {
                    // Cooper's declination: good to about a degree, ample for a day length.
                    double declination = SOLSTICE_DECLINATION_IN_DEGREES
                            * Math.sin(2 * Math.PI * (284 + dayOfYear) / 365.0);
                    sum += dayLengthInHours(assumptions.latitudeInDegrees(), declination);
                    count++;
                }
            }
        }
        return sum / count;
    }

    private static double dayLengthInHours(double latitudeInDegrees, double declinationInDegrees) {
        double cosHourAngle = -Math.tan(Math.toRadians(latitudeInDegrees))
                * Math.tan(Math.toRadians(declinationInDegrees));
        double hourAngleInDegrees = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosHourAngle))));
        return 2 * hourAngleInDegrees / 15;
    }

    private double[][][] heatPumpDays(double[][] winter) {
        double hotWater = assumptions.hotWaterShareOfWinterHeatPumpDay();
        double winterHdd = assumptions.heatingDegreeDaysPerDay(Season.WINTER);
        double[][][] out = new double[4][][];
        for (Season s : Season.values()) {
            double spaceHeating = s == Season.SUMMER && !assumptions.spaceHeatingInSummer()
                    ? 0 : assumptions.heatingDegreeDaysPerDay(s) / winterHdd;
            double factor = hotWater + (1 - hotWater) * spaceHeating;
            heatPumpFactor.put(s, factor);
            double[][] pool = new double[winter.length][];
            for (int i = 0; i < winter.length; i++) {
                pool[i] = scaled(winter[i], factor);
            }
            out[s.ordinal()] = pool;
        }
        return out;
    }

    private static double[][][] sameEverySeason(double[][] pool) {
        double[][][] out = new double[4][][];
        for (Season s : Season.values()) {
            out[s.ordinal()] = pool;
        }
        return out;
    }

    private static double[] scaled(double[] day, double factor) {
        double[] out = new double[day.length];
        for (int t = 0; t < day.length; t++) {
            out[t] = day[t] * factor;
        }
        return out;
    }

    private static double energyInKwh(double[] fiveMinuteInKw) {
        double sum = 0;
        for (double p : fiveMinuteInKw) {
            sum += p;
        }
        return sum * HOURS_PER_STEP;
    }
}
