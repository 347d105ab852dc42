package org.openlfa.spark;

import org.openlfa.region.RegionEngine;
import org.openlfa.region.RegionEngineProvider;

/** Registers {@code --engine spark} for any front end that has this jar and Spark on its class path. */
public final class SparkEngineProvider implements RegionEngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public RegionEngine open(String master) {
        return SparkEngine.start(master);
    }
}
