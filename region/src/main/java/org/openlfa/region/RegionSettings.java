package org.openlfa.region;

import java.io.Serializable;
import java.util.List;

/**
 * What every LV grid of a region runs; the same on every worker, so it travels with each task.
 *
 * @param scenarios built-in scenario names or scenario YAML paths (a path must be readable on every worker)
 * @param seed      the region's seed; each grid's own seed derives from it ({@link RegionSpec})
 * @param withGrid  run UC3 (power flow and the DSO's flexibility purchase) as well as UC1 and UC2
 */
public record RegionSettings(List<String> scenarios, long seed, boolean withGrid) implements Serializable {

    /** The default scenario of a regional run: the one the reference CBA reports on. */
    public static final String DEFAULT_SCENARIO = "2030Green-High";

    public RegionSettings {
        scenarios = List.copyOf(scenarios.isEmpty() ? List.of(DEFAULT_SCENARIO) : scenarios);
    }

    /** The defaults: {@value #DEFAULT_SCENARIO}, seed 42, all use cases. */
    public static RegionSettings defaults() {
        return new RegionSettings(List.of(DEFAULT_SCENARIO), 42L, true);
    }

    /** What a finished grid's result depends on besides its task, to tell whether a kept result may be reused. */
    String fingerprint(String version) {
        return "version=" + version + ";scenarios=" + String.join(",", scenarios) + ";seed=" + seed + ";grid=" + withGrid;
    }
}
