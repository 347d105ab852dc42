package org.openlfa.region;

/**
 * An engine that lives in another module, found with {@link java.util.ServiceLoader} when its jar is on the class
 * path (the {@code openlfa-spark} jar registers {@code spark}); this keeps the CLI free of a dependency on Spark.
 *
 * <pre>{@code
 * RegionEngine engine = RegionEngineProvider.find("spark").orElseThrow().open("local[2]");
 * }</pre>
 */
public interface RegionEngineProvider {

    /** The engine's name as given to {@code --engine}. */
    String name();

    /** Starts the engine; {@code master} is the cluster URL, or null to take it from the environment. */
    RegionEngine open(String master);

    /** The provider of that name on the class path, if any. */
    static java.util.Optional<RegionEngineProvider> find(String name) {
        for (RegionEngineProvider p : java.util.ServiceLoader.load(RegionEngineProvider.class)) {
            if (p.name().equals(name)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
