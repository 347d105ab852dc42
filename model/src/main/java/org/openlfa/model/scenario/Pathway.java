package org.openlfa.model.scenario;

/** How fast the households of the grid electrify: sets asset penetrations, tariffs and the local market rule. */
public enum Pathway {
    /** Business as usual: today's trends continue, static tariffs. */
    BAU,
    /** Green: faster uptake of PV, batteries, EVs and heat pumps, dynamic tariffs. */
    GREEN
}
