package org.openlfa.optim;

import java.util.Arrays;
import org.openlfa.model.asset.Battery;

/**
 * The same home without an energy box: the battery runs its built-in self-consumption mode (charge from PV surplus,
 * discharge to cover demand), the EV charges as soon as it is plugged in, the heat pump's thermostat holds the
 * set-point, and the wet appliances start when the household starts them.
 *
 * <p>The battery starts each day where the previous (identical) day ended: the rule is run over repeated days until
 * its state of charge at midnight repeats, so the baseline is a periodic day like the optimised one.
 */
public final class BaselineController {

    private static final int MAX_WARM_UP_DAYS = 30;

    /** The baseline schedule of the home for the day. */
    public HomeSchedule schedule(HomeDayProblem p) {
        int n = p.ptus();
        double dt = p.grid().hoursPerPtu();
        int[] starts = p.preferredWetStarts();
        double[] wet = p.wetLoadInKw(starts);
        double[] ev = p.ev().map(s -> s.baselineChargeInKw().clone()).orElseGet(() -> new double[n]);
        double[] hp = p.heatPump().map(h -> h.baselineElectricInKw().clone()).orElseGet(() -> new double[n]);
        double[] temperature = new double[n];
        Arrays.fill(temperature, p.heatPump().map(h -> h.pump().setpointInCelsius()).orElse(Double.NaN));
        double[] netBeforeBattery = new double[n];
        for (int t = 0; t < n; t++) {
            netBeforeBattery[t] = p.baseLoadInKw()[t] - p.pvInKw()[t] + wet[t] + ev[t] + hp[t];
        }
        double[] charge = new double[n];
        double[] discharge = new double[n];
        double[] energy = new double[n];
        if (p.battery().isPresent()) {
            Battery b = p.battery().get();
            double e = b.minEnergyInKwh();
            for (int day = 0; day < MAX_WARM_UP_DAYS; day++) {
                double startOfDay = e;
                e = selfConsumptionDay(b, netBeforeBattery, dt, e, charge, discharge, energy);
                if (Math.abs(e - startOfDay) < 1e-9) {
                    break;
                }
            }
        }
        double[] net = new double[n];
        for (int t = 0; t < n; t++) {
            net[t] = netBeforeBattery[t] + charge[t] - discharge[t];
        }
        return new HomeSchedule(net, charge, discharge, energy, ev, hp, temperature, starts, wet, p.costInEur(net));
    }

    private static double selfConsumptionDay(Battery b, double[] netBeforeBattery, double dt, double energyAtStart,
                                             double[] charge, double[] discharge, double[] energy) {
        double eta = b.oneWayEfficiency();
        double e = energyAtStart;
        for (int t = 0; t < netBeforeBattery.length; t++) {
            double surplus = -netBeforeBattery[t];
            charge[t] = 0;
            discharge[t] = 0;
            if (surplus > 0) {
                charge[t] = Math.min(Math.min(surplus, b.maxPowerInKw()), (b.maxEnergyInKwh() - e) / (eta * dt));
                e += charge[t] * eta * dt;
            } else if (surplus < 0) {
                discharge[t] = Math.min(Math.min(-surplus, b.maxPowerInKw()), (e - b.minEnergyInKwh()) * eta / dt);
                e -= discharge[t] * dt / eta;
            }
            energy[t] = e;
        }
        return e;
    }
}
