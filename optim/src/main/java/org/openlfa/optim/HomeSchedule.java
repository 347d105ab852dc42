package org.openlfa.optim;

/**
 * A home's plan (or baseline) for one day: the power of every device per PTU and the resulting net exchange.
 * All arrays have one value per PTU; power is the mean over the PTU.
 *
 * @param netInKw                    grid exchange, positive = import, negative = export
 * @param batteryChargeInKw          battery charging power (AC side)
 * @param batteryDischargeInKw       battery discharging power (AC side)
 * @param batteryEnergyInKwh         stored energy at the end of each PTU
 * @param evChargeInKw               EV charging power
 * @param heatPumpInKw               heat-pump electric power
 * @param indoorTemperatureInCelsius indoor temperature at the end of each PTU (set-point where there is no heat pump)
 * @param wetStartPtus               start PTU of each wet cycle, in the order of the problem's cycles
 * @param wetLoadInKw                the wet appliances' power
 * @param costInEur                  the day's bill under the home's own tariff
 */
public record HomeSchedule(double[] netInKw, double[] batteryChargeInKw, double[] batteryDischargeInKw,
                           double[] batteryEnergyInKwh, double[] evChargeInKw, double[] heatPumpInKw,
                           double[] indoorTemperatureInCelsius, int[] wetStartPtus, double[] wetLoadInKw,
                           double costInEur) {

    /** Power of the controllable devices per PTU (battery net charging, EV, heat pump, wet appliances). */
    public double[] flexibleLoadInKw() {
        double[] out = new double[netInKw.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = batteryChargeInKw[t] - batteryDischargeInKw[t] + evChargeInKw[t] + heatPumpInKw[t]
                    + wetLoadInKw[t];
        }
        return out;
    }

    /**
     * The convex combination of schedules of the same home: {@code sum_k weights[k] * schedules[k]}, device by
     * device. Feasible again because a home's continuous constraints are linear; the wet starts must agree.
     */
    public static HomeSchedule mix(java.util.List<HomeSchedule> schedules, double[] weights, HomeDayProblem problem) {
        HomeSchedule first = schedules.get(0);
        int n = first.netInKw.length;
        double[] net = new double[n];
        double[] bc = new double[n];
        double[] bd = new double[n];
        double[] e = new double[n];
        double[] ev = new double[n];
        double[] hp = new double[n];
        double[] temp = new double[n];
        for (int k = 0; k < schedules.size(); k++) {
            HomeSchedule s = schedules.get(k);
            if (!java.util.Arrays.equals(s.wetStartPtus, first.wetStartPtus)) {
                throw new IllegalArgumentException("schedules to mix must share their wet appliance starts");
            }
            double w = weights[k];
            for (int t = 0; t < n; t++) {
                net[t] += w * s.netInKw[t];
                bc[t] += w * s.batteryChargeInKw[t];
                bd[t] += w * s.batteryDischargeInKw[t];
                e[t] += w * s.batteryEnergyInKwh[t];
                ev[t] += w * s.evChargeInKw[t];
                hp[t] += w * s.heatPumpInKw[t];
                temp[t] += w * s.indoorTemperatureInCelsius[t];
            }
        }
        return new HomeSchedule(net, bc, bd, e, ev, hp, temp, first.wetStartPtus.clone(), first.wetLoadInKw.clone(),
                problem.costInEur(net));
    }
}
