package org.openlfa.model.scenario;

import java.util.List;
import org.openlfa.model.asset.CyclePhase;
import org.openlfa.model.asset.WetAppliance;
import org.openlfa.model.asset.WetApplianceType;

/**
 * The catalogue's description of one kind of wet appliance: how many homes own one, its cycle, when households
 * start it by hand and how long an energy box may delay it.
 *
 * @param type                         which appliance
 * @param ownershipShare               share of homes that own one, 0..1
 * @param cycle                        the cycle's power phases, in order
 * @param preferredStartEarliestMinute earliest minute of the day at which households start it by hand
 * @param preferredStartLatestMinute   latest such minute (a home's own start is drawn in this window)
 * @param maxDelayInMinutes            how much later than the household's start the energy box may start it
 */
public record WetApplianceSpec(WetApplianceType type, double ownershipShare, List<CyclePhase> cycle,
                               int preferredStartEarliestMinute, int preferredStartLatestMinute,
                               int maxDelayInMinutes) {
    public WetApplianceSpec {
        cycle = List.copyOf(cycle);
    }

    /** Energy of one cycle. */
    public double cycleEnergyInKwh() {
        return cycle.stream().mapToDouble(p -> p.powerInKw() * p.durationInMinutes() / 60.0).sum();
    }

    /** Length of one cycle. */
    public int cycleDurationInMinutes() {
        return cycle.stream().mapToInt(CyclePhase::durationInMinutes).sum();
    }

    /** A home's appliance of this kind that the household starts at the given minute of the day. */
    public WetAppliance toWetAppliance(int preferredStartMinute) {
        return new WetAppliance(type, cycle, preferredStartMinute, maxDelayInMinutes);
    }
}
