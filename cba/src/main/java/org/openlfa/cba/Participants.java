package org.openlfa.cba;

/** Which homes a business case may sign up. */
public enum Participants {
    /** Only homes with an energy box and controllable appliances (the scenario's smart homes). */
    SMART_HOMES,
    /** Every home: smart homes get the full kit, the others join the local market with a meter integration only. */
    ALL_HOMES
}
