package org.openlfa.model.scenario;

/** How the community's local market prices the energy traded between its members in each PTU. */
public enum LocalMarketRule {
    /**
     * Mid-market rate: matched local energy is priced half-way between the import and the export price; the side
     * that is long or short trades the rest with the supplier at the retail prices.
     */
    MID_MARKET_RATE,
    /**
     * Bill sharing: the community is billed as if behind one meter, and that bill (import cost, export revenue) is
     * shared among buyers and sellers in proportion to their energy.
     */
    BILL_SHARING
}
