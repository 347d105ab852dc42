package org.openlfa.optim;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.openlfa.model.asset.Battery;
import org.openlfa.model.asset.HeatPump;

/**
 * The linear model of one home's continuous devices for one cyclic day, added to a solver: battery, EV, heat pump,
 * and a free net-exchange variable per PTU tied to them by the power balance. The wet appliances' load is an input
 * (their start times are discrete and chosen outside the LP). The caller adds the objective on {@link #net}.
 */
final class HomeLp {

    final HomeDayProblem problem;
    final MPVariable[] net;
    private final MPVariable[] charge;
    private final MPVariable[] discharge;
    private final MPVariable[] energy;
    private final MPVariable[] ev;
    private final MPVariable[] heatPump;
    private final MPVariable[] temperature;
    private final double[] wetLoadInKw;
    private final int[] wetStarts;

    private HomeLp(HomeDayProblem problem, int n, int[] wetStarts) {
        this.problem = problem;
        this.net = new MPVariable[n];
        this.charge = problem.battery().isPresent() ? new MPVariable[n] : null;
        this.discharge = problem.battery().isPresent() ? new MPVariable[n] : null;
        this.energy = problem.battery().isPresent() ? new MPVariable[n] : null;
        this.ev = problem.ev().isPresent() ? new MPVariable[n] : null;
        this.heatPump = problem.heatPump().isPresent() ? new MPVariable[n] : null;
        this.temperature = problem.heatPump().isPresent() ? new MPVariable[n] : null;
        this.wetStarts = wetStarts.clone();
        this.wetLoadInKw = problem.wetLoadInKw(wetStarts);
    }

    /** Adds the home's variables and constraints to {@code solver}, with the wet cycles started at {@code wetStarts}. */
    static HomeLp addTo(MPSolver solver, HomeDayProblem p, int[] wetStarts) {
        int n = p.ptus();
        double dt = p.grid().hoursPerPtu();
        HomeLp lp = new HomeLp(p, n, wetStarts);
        double inf = MPSolver.infinity();
        for (int t = 0; t < n; t++) {
            lp.net[t] = solver.makeNumVar(-inf, inf, "");
        }
        if (lp.charge != null) {
            Battery b = p.battery().orElseThrow();
            for (int t = 0; t < n; t++) {
                lp.charge[t] = solver.makeNumVar(0, b.maxPowerInKw(), "");
                lp.discharge[t] = solver.makeNumVar(0, b.maxPowerInKw(), "");
                lp.energy[t] = solver.makeNumVar(b.minEnergyInKwh(), b.maxEnergyInKwh(), "");
            }
            double eta = b.oneWayEfficiency();
            for (int t = 0; t < n; t++) {
                // e[t] = e[t-1] + eta*charge*dt - discharge*dt/eta, cyclic over the day
                MPConstraint soc = solver.makeConstraint(0, 0, "");
                soc.setCoefficient(lp.energy[t], 1);
                soc.setCoefficient(lp.energy[(t + n - 1) % n], -1);
                soc.setCoefficient(lp.charge[t], -eta * dt);
                soc.setCoefficient(lp.discharge[t], dt / eta);
            }
        }
        if (lp.ev != null) {
            EvSession s = p.ev().orElseThrow();
            double maxPower = Math.max(s.maxPowerInKw(), max(s.baselineChargeInKw()));
            MPConstraint energyNeeded = solver.makeConstraint(s.energyInKwh() / dt, s.energyInKwh() / dt, "");
            for (int t = 0; t < n; t++) {
                lp.ev[t] = solver.makeNumVar(0, s.pluggedIn()[t] ? maxPower : 0, "");
                energyNeeded.setCoefficient(lp.ev[t], 1);
            }
        }
        if (lp.heatPump != null) {
            HeatPumpDay day = p.heatPump().orElseThrow();
            HeatPump hp = day.pump();
            double c = hp.thermalCapacityInKwhPerKelvin();
            double r = hp.thermalResistanceInKelvinPerKw();
            double set = hp.setpointInCelsius();
            for (int t = 0; t < n; t++) {
                lp.heatPump[t] = solver.makeNumVar(0, day.maxElectricPowerInKw(), "");
                lp.temperature[t] = solver.makeNumVar(set - hp.comfortToleranceInKelvin(),
                        set + hp.comfortToleranceInKelvin(), "");
            }
            for (int t = 0; t < n; t++) {
                // C (T[t] - T[t-1]) / dt = COP*P[t] - Qloss[t] - (T[t-1] - Tset)/R, cyclic
                double rhs = -dt / c * (day.heatLossAtSetpointInKw()[t] - set / r);
                MPConstraint thermal = solver.makeConstraint(rhs, rhs, "");
                thermal.setCoefficient(lp.temperature[t], 1);
                thermal.setCoefficient(lp.temperature[(t + n - 1) % n], -1 + dt / (c * r));
                thermal.setCoefficient(lp.heatPump[t], -dt / c * hp.copRatio());
            }
        }
        for (int t = 0; t < n; t++) {
            // net - charge + discharge - ev - heatPump = base - pv + wet
            double fixed = p.baseLoadInKw()[t] - p.pvInKw()[t] + lp.wetLoadInKw[t];
            MPConstraint balance = solver.makeConstraint(fixed, fixed, "");
            balance.setCoefficient(lp.net[t], 1);
            if (lp.charge != null) {
                balance.setCoefficient(lp.charge[t], -1);
                balance.setCoefficient(lp.discharge[t], 1);
            }
            if (lp.ev != null) {
                balance.setCoefficient(lp.ev[t], -1);
            }
            if (lp.heatPump != null) {
                balance.setCoefficient(lp.heatPump[t], -1);
            }
        }
        return lp;
    }

    /** Reads the solved values back into a schedule. */
    HomeSchedule extract() {
        int n = net.length;
        double set = problem.heatPump().map(d -> d.pump().setpointInCelsius()).orElse(Double.NaN);
        double[] netValues = values(net, n);
        return new HomeSchedule(netValues, values(charge, n), values(discharge, n), values(energy, n), values(ev, n),
                values(heatPump, n), temperature == null ? filled(n, set) : values(temperature, n), wetStarts.clone(),
                wetLoadInKw.clone(), problem.costInEur(netValues));
    }

    private static double[] values(MPVariable[] vars, int n) {
        double[] out = new double[n];
        if (vars != null) {
            for (int t = 0; t < n; t++) {
                out[t] = vars[t].solutionValue();
            }
        }
        return out;
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
