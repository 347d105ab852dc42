package org.openlfa.cba;

/** A way the LFA earns money; a business case lists the streams it runs. */
public enum RevenueStream {
    /** UC1: the LFA keeps a share of the prosumer's bill saving from in-home optimisation. */
    UC1_SAVING_SHARE("UC1 saving share"),
    /** A fixed yearly service fee paid by the prosumer. */
    SERVICE_FEE("service fee"),
    /** The supplier's value of customers kept: avoided churn times the cost of winning a customer. */
    RETENTION("client retention"),
    /** UC2: a commission on the money changing hands on the local market. */
    LOCAL_TRADING("local trading"),
    /** The aggregated flexibility sold in the wholesale / balancing market (day-ahead spread captured). */
    WHOLESALE("wholesale flexibility"),
    /** UC3: the DSO buys flexibility to relieve congestion instead of reinforcing the grid. */
    DSO_FLEXIBILITY("DSO flexibility");

    private final String label;

    RevenueStream(String label) {
        this.label = label;
    }

    /** A short human-readable name. */
    public String label() {
        return label;
    }
}
