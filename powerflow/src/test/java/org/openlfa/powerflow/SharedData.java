package org.openlfa.powerflow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the shared reference data (set by surefire); tests skip when it is absent. */
final class SharedData {

    private SharedData() {
    }

    static Path require(String relative) {
        String root = System.getProperty("openlfa.sharedData");
        assumeTrue(root != null, "system property openlfa.sharedData not set");
        Path p = Path.of(root).resolve(relative);
        assumeTrue(Files.exists(p), "shared data not found: " + p);
        return p;
    }

    static Path ieeeMaster() {
        return require("ieee-european-lv-test-feeder/opendss/Master.dss");
    }
}
