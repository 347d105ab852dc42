package org.openlfa.model.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.openlfa.core.Season;

/**
 * The assumptions, beyond the measured pools and the SimBench digest, that turn one measured season into four.
 * Every figure is an assumption of the study with a source (see docs/profiles.md); {@link #ukDefaults()} gives the
 * values for the reference grid in the North West of England, and a study may pass its own.
 *
 * <pre>{@code
 * SeasonalAssumptions southern = SeasonalAssumptions.ukDefaults().withPvAnnualYieldInKwhPerKwp(1000);
 * }</pre>
 *
 * @param pvAnnualYieldInKwhPerKwp         mean annual PV yield that the four season days add up to (day-weighted)
 * @param latitudeInDegrees                site latitude, sets the day length of each season's PV day
 * @param clockOffsetFromUtcInMinutes      local clock minus UTC for each season's day (GMT = 0, BST = 60)
 * @param heatingDegreeDaysInKelvinDays    heating degree days (base 15.5 °C) of each season
 * @param spaceHeatingInSummer             whether the heat pump heats the home in summer (else hot water only)
 * @param hotWaterShareOfWinterHeatPumpDay share of the winter heat-pump energy that heats water, not space; it is
 *                                         taken as the same every day of the year
 */
public record SeasonalAssumptions(double pvAnnualYieldInKwhPerKwp, double latitudeInDegrees,
                                  Map<Season, Integer> clockOffsetFromUtcInMinutes,
                                  Map<Season, Double> heatingDegreeDaysInKelvinDays,
                                  boolean spaceHeatingInSummer, double hotWaterShareOfWinterHeatPumpDay) {

    public SeasonalAssumptions {
        clockOffsetFromUtcInMinutes = Collections.unmodifiableMap(new EnumMap<>(clockOffsetFromUtcInMinutes));
        heatingDegreeDaysInKelvinDays = Collections.unmodifiableMap(new EnumMap<>(heatingDegreeDaysInKelvinDays));
        if (!(pvAnnualYieldInKwhPerKwp > 0) || !(Math.abs(latitudeInDegrees) < 66)) {
            throw new IllegalArgumentException("PV yield must be positive and the latitude outside the polar circles");
        }
        if (clockOffsetFromUtcInMinutes.size() != 4 || heatingDegreeDaysInKelvinDays.size() != 4) {
            throw new IllegalArgumentException("clock offset and degree days are needed for all four seasons");
        }
        if (!(heatingDegreeDaysInKelvinDays.get(Season.WINTER) > 0)) {
            throw new IllegalArgumentException("winter heating degree days must be positive");
        }
        if (!(hotWaterShareOfWinterHeatPumpDay >= 0 && hotWaterShareOfWinterHeatPumpDay <= 1)) {
            throw new IllegalArgumentException("hot-water share must be within 0..1");
        }
    }

    /**
     * The reference values for a home near Manchester (ENWL's area).
     *
     * <ul>
     *   <li>PV 850 kWh/kWp/yr: the figure UK SAP assessments assume per kWp; UK rooftop systems give about
     *       700-900 (CAT) and commercial roofs 781 in the North of England to 990 in the South (Olympus Power).</li>
     *   <li>Latitude 53.48° N (Manchester, where the ENWL irradiance was measured).</li>
     *   <li>Clock: winter on GMT, the other seasons on BST (most of their days are; March and November are not).</li>
     *   <li>Degree days: UK standard monthly heating degree days to base 15.5 °C (Degree Days Direct table,
     *       consistent with the government's 2,462 standard annual total): Dec 346 + Jan 395 + Feb 342 = 1083,
     *       Mar-May 681, Jun-Aug 164, Sep-Nov 535.</li>
     *   <li>Space heating off June to August; hot water = 15 % of the winter day's heat-pump energy, from about
     *       122 l/day of hot water (Energy Saving Trust 2008 measurements) heated by about 45 K plus cylinder losses,
     *       some 8 kWh of heat, at a hot-water COP of about 2.7: ~3 kWh of electricity against ENWL's winter mean
     *       of 19.8 kWh/day.</li>
     * </ul>
     */
    public static SeasonalAssumptions ukDefaults() {
        Map<Season, Integer> clock = new EnumMap<>(Season.class);
        clock.put(Season.WINTER, 0);
        clock.put(Season.SPRING, 60);
        clock.put(Season.SUMMER, 60);
        clock.put(Season.AUTUMN, 60);
        Map<Season, Double> hdd = new EnumMap<>(Season.class);
        hdd.put(Season.WINTER, 346.0 + 395 + 342);
        hdd.put(Season.SPRING, 297.0 + 233 + 151);
        hdd.put(Season.SUMMER, 77.0 + 42 + 45);
        hdd.put(Season.AUTUMN, 83.0 + 177 + 275);
        return new SeasonalAssumptions(850, 53.48, clock, hdd, false, 0.15);
    }

    /** The same assumptions with another annual PV yield. */
    public SeasonalAssumptions withPvAnnualYieldInKwhPerKwp(double yieldInKwhPerKwp) {
        return new SeasonalAssumptions(yieldInKwhPerKwp, latitudeInDegrees, clockOffsetFromUtcInMinutes,
                heatingDegreeDaysInKelvinDays, spaceHeatingInSummer, hotWaterShareOfWinterHeatPumpDay);
    }

    /** The same assumptions with another hot-water share of the winter heat-pump day. */
    public SeasonalAssumptions withHotWaterShareOfWinterHeatPumpDay(double share) {
        return new SeasonalAssumptions(pvAnnualYieldInKwhPerKwp, latitudeInDegrees, clockOffsetFromUtcInMinutes,
                heatingDegreeDaysInKelvinDays, spaceHeatingInSummer, share);
    }

    /** Heating degree days per day of a season. */
    public double heatingDegreeDaysPerDay(Season season) {
        return heatingDegreeDaysInKelvinDays.get(season) / season.daysPerYear();
    }
}
