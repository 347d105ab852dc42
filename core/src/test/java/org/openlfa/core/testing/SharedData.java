package org.openlfa.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the reference data that is too large to ship with the repository (the IEEE feeder's published
 * solutions, SimBench, the ENWL networks, ...): the folder named by the system property {@value #PROPERTY}, which
 * surefire sets to {@code ../shared/data} beside the repository (see the parent POM).
 *
 * <p>Missing data is a test <em>failure</em>, not a skip: a validation suite that reports {@code Tests run: 0} when
 * its reference is absent looks green while having checked nothing. Every method fails with a message naming the
 * missing path and the property.
 *
 * <p>Shipped in the {@code openlfa-core} test-jar; a module that uses it declares
 * <pre>{@code
 * <dependency><groupId>org.openlfa</groupId><artifactId>openlfa-core</artifactId>
 *   <type>test-jar</type><scope>test</scope></dependency>
 * }</pre>
 * and then, in a test:
 * <pre>{@code
 * Path master = SharedData.file("ieee-european-lv-test-feeder/opendss/Master.dss");
 * Path rural1 = SharedData.directory("simbench-1-LV-rural1--0-no_sw");
 * }</pre>
 */
public final class SharedData {

    /** The system property that names the shared data folder. */
    public static final String PROPERTY = "openlfa.sharedData";

    private SharedData() {
    }

    /**
     * The shared data folder itself.
     *
     * @throws AssertionError if the property is not set or the folder does not exist
     */
    public static Path root() {
        String root = System.getProperty(PROPERTY);
        if (root == null || root.isBlank()) {
            throw new AssertionError("reference data missing: system property " + PROPERTY + " is not set; "
                    + "surefire sets it to ../shared/data beside the repository (run the tests through Maven, or "
                    + "pass -D" + PROPERTY + "=<folder>)");
        }
        Path p = Path.of(root);
        if (!Files.isDirectory(p)) {
            throw missing(p);
        }
        return p;
    }

    /**
     * A file or folder below the shared data folder, which must exist.
     *
     * @param relative the path below the folder, e.g. {@code ieee-european-lv-test-feeder/Solutions_csv}
     * @throws AssertionError naming the path and the property if it does not exist
     */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw missing(p);
        }
        return p;
    }

    /**
     * A regular file below the shared data folder.
     *
     * @throws AssertionError naming the path and the property if it is not a regular file
     */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw missing(p);
        }
        return p;
    }

    /**
     * A folder below the shared data folder.
     *
     * @throws AssertionError naming the path and the property if it is not a folder
     */
    public static Path directory(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isDirectory(p)) {
            throw missing(p);
        }
        return p;
    }

    private static AssertionError missing(Path p) {
        return new AssertionError("reference data missing: " + p.toAbsolutePath().normalize() + " (system property "
                + PROPERTY + "=" + System.getProperty(PROPERTY) + "); the tests need ../shared/data beside the "
                + "repository");
    }
}
