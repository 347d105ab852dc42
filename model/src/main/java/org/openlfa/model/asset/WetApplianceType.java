package org.openlfa.model.asset;

/** The shiftable wet appliances: one cycle a day, started anywhere inside an allowed window. */
public enum WetApplianceType {
    /** Washing machine, one 40-60 °C cycle. */
    WASHING_MACHINE,
    /** Dishwasher, one normal programme. */
    DISHWASHER,
    /** Tumble dryer, one cycle after a wash. */
    TUMBLE_DRYER
}
