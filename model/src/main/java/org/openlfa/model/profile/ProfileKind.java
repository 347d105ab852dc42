package org.openlfa.model.profile;

/** The pools of measured or modelled profiles that homes draw from. */
public enum ProfileKind {
    /** Non-shiftable household demand in kW. */
    HOUSEHOLD_LOAD,
    /** PV output in kW per kWp installed. */
    PV_PER_KWP,
    /** Uncontrolled EV charging at home in kW (the plug-in session and the energy come from it). */
    EV_CHARGING,
    /** Heat-pump electric demand in kW when the home is held at its set-point. */
    HEAT_PUMP
}
