package org.openlfa.model.asset;

import java.util.List;
import java.util.Optional;

/**
 * Everything behind one household's meter. Missing assets are explicit empties, never nulls.
 *
 * @param loadProfileIndex index into the household-load pool (the non-shiftable base load)
 * @param loadShiftInMinutes how much later (negative: earlier) this household lives its load profile, so that homes
 *                         drawing the same profile of the pool do not peak in the same minute
 * @param pv               rooftop PV, if any
 * @param battery          home battery, if any
 * @param ev               electric vehicle, if any
 * @param heatPump         heat pump, if any
 * @param wetAppliances    the household's wet appliances (possibly none)
 * @param smart            whether the home has an energy box (CEMS) that controls its flexible assets
 */
public record HomeAssets(int loadProfileIndex, int loadShiftInMinutes, Optional<PvSystem> pv, Optional<Battery> battery,
                         Optional<ElectricVehicle> ev, Optional<HeatPump> heatPump,
                         List<WetAppliance> wetAppliances, boolean smart) {
    public HomeAssets {
        wetAppliances = List.copyOf(wetAppliances);
    }

    /** True if an energy box has something to control: a battery, an EV, a heat pump or a wet appliance. */
    public boolean hasFlexibleAssets() {
        return battery.isPresent() || ev.isPresent() || heatPump.isPresent() || !wetAppliances.isEmpty();
    }
}
