package org.openlfa.model.asset;

import java.util.List;
import org.openlfa.core.TimeGrid;

/**
 * A wet appliance that runs one cycle a day. Without an energy box it starts at the preferred time; a smart home may
 * delay the start by up to {@code maxDelayInMinutes} (the household's allowed window).
 *
 * @param type                 which appliance
 * @param cycle                the cycle's power phases, in order
 * @param preferredStartMinute minute of the day at which the household starts it by hand (0..1439)
 * @param maxDelayInMinutes    how much later the energy box may start it
 */
public record WetAppliance(WetApplianceType type, List<CyclePhase> cycle, int preferredStartMinute,
                           int maxDelayInMinutes) {
    public WetAppliance {
        cycle = List.copyOf(cycle);
        if (cycle.isEmpty()) {
            throw new IllegalArgumentException("a wet appliance needs at least one cycle phase");
        }
        if (preferredStartMinute < 0 || preferredStartMinute >= TimeGrid.MINUTES_PER_DAY || maxDelayInMinutes < 0) {
            throw new IllegalArgumentException("start minute must be 0..1439 and the delay non-negative");
        }
    }

    /** Energy of one cycle. */
    public double cycleEnergyInKwh() {
        return cycle.stream().mapToDouble(p -> p.powerInKw() * p.durationInMinutes() / 60.0).sum();
    }

    /**
     * The cycle's energy per PTU when it starts at the beginning of a PTU: element k is the energy drawn in the k-th
     * PTU after the start.
     */
    public double[] energyPerPtuInKwh(TimeGrid grid) {
        int total = cycle.stream().mapToInt(CyclePhase::durationInMinutes).sum();
        double[] out = new double[(total + grid.ptuInMinutes() - 1) / grid.ptuInMinutes()];
        int minute = 0;
        for (CyclePhase phase : cycle) {
            for (int m = 0; m < phase.durationInMinutes(); m++, minute++) {
                out[minute / grid.ptuInMinutes()] += phase.powerInKw() / 60.0;
            }
        }
        return out;
    }
}
