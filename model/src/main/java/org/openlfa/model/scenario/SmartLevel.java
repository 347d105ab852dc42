package org.openlfa.model.scenario;

/**
 * How many homes have an energy box (CEMS) with controllable appliances. The share itself is a figure of the
 * scenario file ({@link AssetPenetration#smartShare()}); the level only names the scenario.
 */
public enum SmartLevel {
    /** Low smart-asset penetration (study starting figure: 10 % of homes). */
    LOW,
    /** Medium smart-asset penetration (study starting figure: 25 % of homes). */
    MEDIUM,
    /** High smart-asset penetration (study starting figure: 50 % of homes). */
    HIGH
}
