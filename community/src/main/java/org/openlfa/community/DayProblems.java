package org.openlfa.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;
import org.openlfa.model.asset.HeatPump;
import org.openlfa.model.asset.HomeAssets;
import org.openlfa.model.asset.WetAppliance;
import org.openlfa.model.profile.ProfileKind;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.optim.EvSession;
import org.openlfa.optim.HeatPumpDay;
import org.openlfa.optim.HomeDayProblem;
import org.openlfa.optim.WetCycle;

/**
 * Turns a home's assets, its profiles and the scenario's prices into the CEMS's problem for one representative day.
 * The study builds every home's day with it, and so does a live energy box, so both plan the same home alike.
 *
 * <pre>{@code
 * DayProblems days = new DayProblems(ProfileLibrary.builtIn(), TimeGrid.ofMinutes(15));
 * HomeDayProblem p = days.build("F1_LOAD1", assets, Season.WINTER, importPrice, exportPrice);
 * }</pre>
 */
public final class DayProblems {

    /**
     * Hour at which an EV plugged in the evening leaves in the morning: an assumption (the ENWL EV profiles record
     * only the charging, not the plug-out). A car charging past it stays plugged until its charging ends.
     */
    static final int EV_DEPARTURE_MINUTE = 7 * 60;

    private final ProfileLibrary profiles;
    private final TimeGrid grid;

    public DayProblems(ProfileLibrary profiles, TimeGrid grid) {
        this.profiles = profiles;
        this.grid = grid;
    }

    /** The home's problem for a representative day of {@code season}, under per-PTU import and export prices. */
    public HomeDayProblem build(String homeId, HomeAssets assets, Season season, double[] importPrice,
                                double[] exportPrice) {
        double[] load = shifted(profiles.dayInKw(ProfileKind.HOUSEHOLD_LOAD, assets.loadProfileIndex(), season, grid),
                assets.loadShiftInMinutes());
        double[] pv = new double[grid.ptusPerDay()];
        assets.pv().ifPresent(system -> {
            double[] perKwp = profiles.dayInKw(ProfileKind.PV_PER_KWP, system.profileIndex(), season, grid);
            for (int t = 0; t < pv.length; t++) {
                pv[t] = perKwp[t] * system.peakPowerInKwp();
            }
        });
        Optional<EvSession> ev = assets.ev().map(car -> evSession(
                profiles.dayInKw(ProfileKind.EV_CHARGING, car.profileIndex(), season, grid), car.maxChargePowerInKw()));
        Optional<HeatPumpDay> heatPump = assets.heatPump().map(pump -> heatPumpDay(pump,
                profiles.dayInKw(ProfileKind.HEAT_PUMP, pump.profileIndex(), season, grid)));
        List<WetCycle> wet = new ArrayList<>();
        for (WetAppliance appliance : assets.wetAppliances()) {
            wet.add(new WetCycle(appliance.type(), appliance.energyPerPtuInKwh(grid),
                    grid.ptuOfMinute(appliance.preferredStartMinute()),
                    assets.smart() ? appliance.maxDelayInMinutes() / grid.ptuInMinutes() : 0));
        }
        return new HomeDayProblem(homeId, grid, importPrice, exportPrice, load, pv,
                assets.battery(), ev, heatPump, wet);
    }

    /** The day's profile lived {@code shiftInMinutes} later (cyclic), to the nearest PTU. */
    private double[] shifted(double[] profile, int shiftInMinutes) {
        int n = profile.length;
        int shift = Math.floorMod(Math.round((float) shiftInMinutes / grid.ptuInMinutes()), n);
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[(t + shift) % n] = profile[t];
        }
        return out;
    }

    /**
     * The plug-in session behind an uncontrolled charging profile: plugged while charging, and from the start of each
     * charging block until the morning departure (wrapping midnight).
     */
    EvSession evSession(double[] chargeInKw, double chargerPowerInKw) {
        int n = chargeInKw.length;
        boolean[] plugged = new boolean[n];
        double energy = 0;
        int departure = grid.ptuOfMinute(EV_DEPARTURE_MINUTE);
        for (int t = 0; t < n; t++) {
            energy += chargeInKw[t] * grid.hoursPerPtu();
            boolean charging = chargeInKw[t] > 1e-9;
            boolean blockStart = charging && chargeInKw[(t + n - 1) % n] <= 1e-9;
            if (charging) {
                plugged[t] = true;
            }
            if (blockStart) {
                for (int k = t; k != departure; k = (k + 1) % n) {
                    plugged[k] = true;
                }
            }
        }
        return new EvSession(plugged, energy, chargerPowerInKw, chargeInKw);
    }

    private static HeatPumpDay heatPumpDay(HeatPump pump, double[] electricAtSetpointInKw) {
        double[] loss = new double[electricAtSetpointInKw.length];
        for (int t = 0; t < loss.length; t++) {
            loss[t] = electricAtSetpointInKw[t] * pump.copRatio();
        }
        return new HeatPumpDay(pump, loss, electricAtSetpointInKw);
    }
}
