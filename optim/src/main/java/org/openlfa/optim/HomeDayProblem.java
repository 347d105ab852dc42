package org.openlfa.optim;

import java.util.List;
import java.util.Optional;
import org.openlfa.core.TimeGrid;
import org.openlfa.model.asset.Battery;

/**
 * Everything a CEMS knows about its home for one representative day. The day is cyclic: the state of the battery,
 * the indoor temperature and the EV's plug-in session wrap around midnight, because the day repeats through its
 * season.
 *
 * <pre>{@code
 * HomeDayProblem day = new HomeDayProblem("h1", TimeGrid.QUARTER_HOUR, importPrice, exportPrice,
 *         baseLoadInKw, pvInKw, Optional.of(battery), Optional.empty(), Optional.empty(), List.of());
 * HomeSchedule plan = new GlopHomeOptimizer().optimise(day);
 * }</pre>
 *
 * @param homeId                  the household's id
 * @param grid                    the PTU grid
 * @param importPriceInEurPerKwh  per PTU, the price the home pays for energy from the grid
 * @param exportPriceInEurPerKwh  per PTU, the price the home is paid for energy into the grid
 * @param baseLoadInKw            per PTU, the non-shiftable demand
 * @param pvInKw                  per PTU, the PV output
 * @param battery                 the home battery, if any
 * @param ev                      the EV charging session, if any
 * @param heatPump                the heat pump, if any
 * @param wetCycles               the wet appliances' cycles
 */
public record HomeDayProblem(String homeId, TimeGrid grid, double[] importPriceInEurPerKwh,
                             double[] exportPriceInEurPerKwh, double[] baseLoadInKw, double[] pvInKw,
                             Optional<Battery> battery, Optional<EvSession> ev, Optional<HeatPumpDay> heatPump,
                             List<WetCycle> wetCycles) {

    public HomeDayProblem {
        int n = grid.ptusPerDay();
        requireLength("importPriceInEurPerKwh", importPriceInEurPerKwh, n);
        requireLength("exportPriceInEurPerKwh", exportPriceInEurPerKwh, n);
        requireLength("baseLoadInKw", baseLoadInKw, n);
        requireLength("pvInKw", pvInKw, n);
        wetCycles = List.copyOf(wetCycles);
    }

    private static void requireLength(String name, double[] values, int n) {
        if (values.length != n) {
            throw new IllegalArgumentException(name + " needs " + n + " values, got " + values.length);
        }
    }

    /** Number of PTUs in the day. */
    public int ptus() {
        return grid.ptusPerDay();
    }

    /** True if the CEMS has anything to schedule. */
    public boolean hasFlexibility() {
        return battery.isPresent() || ev.isPresent() || heatPump.isPresent() || !wetCycles.isEmpty();
    }

    /** The preferred (baseline) start PTU of every wet cycle. */
    public int[] preferredWetStarts() {
        return wetCycles.stream().mapToInt(WetCycle::preferredStartPtu).toArray();
    }

    /** The wet appliances' power per PTU for the given start PTUs. */
    public double[] wetLoadInKw(int[] startPtus) {
        double[] out = new double[ptus()];
        for (int j = 0; j < wetCycles.size(); j++) {
            wetCycles.get(j).addTo(out, startPtus[j], grid.hoursPerPtu());
        }
        return out;
    }

    /** The bill of a net power profile (positive = import) under this home's tariff. */
    public double costInEur(double[] netInKw) {
        double cost = 0;
        for (int t = 0; t < netInKw.length; t++) {
            cost += ptuCostInEur(t, netInKw[t]);
        }
        return cost;
    }

    /** The bill of one PTU's net power under this home's tariff. */
    public double ptuCostInEur(int ptu, double netInKw) {
        double energyInKwh = netInKw * grid.hoursPerPtu();
        return energyInKwh >= 0 ? energyInKwh * importPriceInEurPerKwh[ptu]
                : energyInKwh * exportPriceInEurPerKwh[ptu];
    }
}
