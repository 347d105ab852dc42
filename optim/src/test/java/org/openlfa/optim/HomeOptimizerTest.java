package org.openlfa.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openlfa.core.TimeGrid;
import org.openlfa.model.asset.Battery;
import org.openlfa.model.asset.HeatPump;
import org.openlfa.model.asset.WetApplianceType;

/** Hand-checkable cases of the CEMS optimiser. */
class HomeOptimizerTest {

    static final TimeGrid HOURLY = TimeGrid.ofMinutes(60);
    final HomeOptimizer optimizer = HomeOptimizer.create();

    static double[] constant(double v) {
        double[] a = new double[24];
        Arrays.fill(a, v);
        return a;
    }

    /** Night (00-07) 0.10 EUR/kWh, day 0.30 EUR/kWh. */
    static double[] twoPrice() {
        double[] p = constant(0.30);
        for (int h = 0; h < 7; h++) {
            p[h] = 0.10;
        }
        return p;
    }

    /** Plugged in 18:00 -> 07:00 (wrapping midnight), needs 14 kWh, 7 kW charger; uncontrolled it charges at 18-20. */
    static EvSession eveningEv() {
        boolean[] plugged = new boolean[24];
        double[] baseline = new double[24];
        for (int h = 0; h < 24; h++) {
            plugged[h] = h >= 18 || h < 7;
        }
        baseline[18] = 7;
        baseline[19] = 7;
        return new EvSession(plugged, 14, 7, baseline);
    }

    static HomeDayProblem home(double[] load, Optional<Battery> battery, Optional<EvSession> ev,
                               Optional<HeatPumpDay> hp, List<WetCycle> wet) {
        return new HomeDayProblem("h", HOURLY, twoPrice(), constant(0.05), load, constant(0), battery, ev, hp, wet);
    }

    @Test
    void batteryBuysAtNightAndCoversTheDay() {
        // 1 kW all day; a 4 kWh battery with 100 % efficiency and 2 kW: it can shift exactly 4 kWh from day to night
        Battery battery = new Battery(4, 2, 1.0, 0, 1);
        HomeDayProblem p = home(constant(1), Optional.of(battery), Optional.empty(), Optional.empty(), List.of());
        HomeSchedule s = optimizer.optimise(p);
        // baseline: 7 kWh at 0.10 + 17 kWh at 0.30 = 5.80; arbitrage moves 4 kWh: 5.80 - 4 * 0.20 = 5.00
        assertThat(s.costInEur()).isCloseTo(5.00, within(1e-6));
        assertThat(new BaselineController().schedule(p).costInEur()).isCloseTo(5.80, within(1e-9));
        for (double e : s.batteryEnergyInKwh()) {
            assertThat(e).isBetween(-1e-9, 4 + 1e-9);
        }
    }

    @Test
    void lossesMakeArbitrageStopWhenTheSpreadIsTooSmall() {
        // round trip 0.25 loses more than the 0.10 -> 0.30 spread is worth: 0.10 / 0.25 = 0.40 > 0.30
        Battery lossy = new Battery(4, 2, 0.25, 0, 1);
        HomeDayProblem p = home(constant(1), Optional.of(lossy), Optional.empty(), Optional.empty(), List.of());
        assertThat(optimizer.optimise(p).costInEur()).isCloseTo(5.80, within(1e-6));
    }

    @Test
    void wetApplianceRunsInTheCheapestAllowedWindow() {
        // preferred start 20:00, may be delayed 12 h; a 2-hour cycle of 1 kWh per hour: the night (00-07) is cheapest,
        // the first cheap start inside the window is 00:00
        WetCycle washer = new WetCycle(WetApplianceType.WASHING_MACHINE, new double[] {1, 1}, 20, 12);
        HomeDayProblem p = home(constant(0.5), Optional.empty(), Optional.empty(), Optional.empty(), List.of(washer));
        HomeSchedule s = optimizer.optimise(p);
        assertThat(s.wetStartPtus()[0]).isBetween(0, 5);
        assertThat(s.costInEur()).isCloseTo(0.5 * (7 * 0.10 + 17 * 0.30) + 2 * 0.10, within(1e-9));
        // and never outside its window: with a 2 h delay allowed, the best is the preferred start itself
        WetCycle tight = new WetCycle(WetApplianceType.DISHWASHER, new double[] {1, 1}, 20, 2);
        HomeSchedule t = optimizer.optimise(home(constant(0.5), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(tight)));
        assertThat(t.wetStartPtus()[0]).isBetween(20, 22);
    }

    @Test
    void evGetsItsEnergyByDepartureAndChargesAtNight() {
        EvSession ev = eveningEv();
        HomeDayProblem p = home(constant(0), Optional.empty(), Optional.of(ev), Optional.empty(), List.of());
        HomeSchedule s = optimizer.optimise(p);
        double delivered = Arrays.stream(s.evChargeInKw()).sum();
        assertThat(delivered).isCloseTo(14, within(1e-6));
        for (int h = 7; h < 18; h++) {
            assertThat(s.evChargeInKw()[h]).isZero();
        }
        assertThat(s.costInEur()).isCloseTo(14 * 0.10, within(1e-6));
        assertThat(new BaselineController().schedule(p).costInEur()).isCloseTo(14 * 0.30, within(1e-9));
    }

    @Test
    void heatPumpStaysInItsComfortBandAndPreheatsBeforeThePeak() {
        HeatPump pump = new HeatPump(0, 5, 3.0, 6, 5, 20, 0.5);
        double[] loss = constant(3.0);
        double[] baseline = constant(1.0);
        HeatPumpDay day = new HeatPumpDay(pump, loss, baseline);
        HomeDayProblem p = home(constant(0), Optional.empty(), Optional.empty(), Optional.of(day), List.of());
        HomeSchedule s = optimizer.optimise(p);
        for (double temp : s.indoorTemperatureInCelsius()) {
            assertThat(temp).isBetween(19.5 - 1e-6, 20.5 + 1e-6);
        }
        HomeSchedule base = new BaselineController().schedule(p);
        assertThat(s.costInEur()).isLessThan(base.costInEur());
        // the heat pump uses more than its baseline share of energy in the cheap night
        double night = Arrays.stream(s.heatPumpInKw(), 0, 7).sum();
        assertThat(night).isGreaterThan(7 * 1.0);
    }

    @Test
    void aCapMovesTheEvOutOfTheCappedHoursAtACost() {
        EvSession ev = eveningEv();
        HomeDayProblem p = home(constant(0), Optional.empty(), Optional.of(ev), Optional.empty(), List.of());
        HomeSchedule free = optimizer.optimise(p);
        // the grid operator caps the home at 1 kW from 00:00 to 05:00: 14 kWh no longer fit in the cheap night
        NetPowerLimits limits = NetPowerLimits.none(24, 10.0);
        for (int h = 0; h < 5; h++) {
            limits.maxNetInKw()[h] = 1.0;
        }
        HomeSchedule capped = optimizer.optimiseWithinLimits(p, new int[0], limits);
        for (int h = 0; h < 5; h++) {
            assertThat(capped.netInKw()[h]).isLessThanOrEqualTo(1.0 + 1e-9);
        }
        assertThat(Arrays.stream(capped.evChargeInKw()).sum()).isCloseTo(14, within(1e-6));
        // 5 kWh in 00-05 at 0.10, 2 x 7 = 14 possible in 05-07, so 9 kWh there at 0.10: still all at night price
        assertThat(capped.costInEur()).isCloseTo(14 * 0.10, within(1e-6));
        // a tighter cap over the whole night forces charging into the day
        for (int h = 0; h < 7; h++) {
            limits.maxNetInKw()[h] = 1.0;
        }
        HomeSchedule day = optimizer.optimiseWithinLimits(p, new int[0], limits);
        assertThat(day.costInEur()).isCloseTo(7 * 0.10 + 7 * 0.30, within(1e-6));
        assertThat(day.costInEur()).isGreaterThan(free.costInEur());
    }
}
