package org.openlfa.agents.usef;

/** Whether the flexibility in an ISP of a {@link FlexRequest} is asked for or only allowed. */
public enum Disposition {
    /** The DSO needs flexibility in this ISP within the stated power bounds. */
    REQUESTED,
    /** The DSO does not need flexibility here but accepts changes within the bounds (no new congestion). */
    AVAILABLE
}
