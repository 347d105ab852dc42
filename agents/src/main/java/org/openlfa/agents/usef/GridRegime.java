package org.openlfa.agents.usef;

/** USEF's traffic-light regimes of a congestion point, per PTU. */
public enum GridRegime {
    /** No congestion expected: the market runs freely. */
    GREEN,
    /** Congestion expected: the DSO buys flexibility (FlexRequest, FlexOffer, FlexOrder) to prevent it. */
    YELLOW,
    /** Flexibility bought in the market did not suffice: the DSO limits connections by grid-safety measures. */
    ORANGE,
    /** The grid's integrity is at stake: outages or emergency measures. */
    RED
}
