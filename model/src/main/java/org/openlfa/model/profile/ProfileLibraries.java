package org.openlfa.model.profile;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.openlfa.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where profile libraries come from: the pools shipped with OpenLFA, or a user's folder with the same five files
 * (see {@link ProfileFile}), each checked by {@link ProfileCsv}.
 *
 * <pre>{@code
 * ProfileLibrary shipped = ProfileLibraries.builtIn();                       // parsed once, then shared
 * ProfileLibrary mine = ProfileLibraries.fromFolder(Path.of("my-profiles")); // InputException if a file is wrong
 * double[] kw = mine.dayInKw(ProfileKind.HEAT_PUMP, 0, Season.AUTUMN, TimeGrid.QUARTER_HOUR);
 * }</pre>
 */
public final class ProfileLibraries {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileLibraries.class);
    private static final String RESOURCE_PREFIX = "classpath:org/openlfa/model/profile/";

    private ProfileLibraries() {
    }

    /**
     * The built-in library: the ENWL LVNS pools and the SimBench digest shipped in this jar, with
     * {@link SeasonalAssumptions#ukDefaults()}. Parsed and derived on first use, then the same instance is returned,
     * so calling it for every home costs nothing.
     */
    public static SeasonalProfileLibrary builtIn() {
        return BuiltIn.LIBRARY;
    }

    /** The built-in pools with other assumptions (pools parsed once and shared; the seasons derived anew). */
    public static SeasonalProfileLibrary builtIn(SeasonalAssumptions assumptions) {
        return new SeasonalProfileLibrary(BuiltIn.POOLS, BuiltIn.SOURCES, BuiltIn.DIGEST, assumptions);
    }

    /** A library from a folder holding the five pool files, with the built-in SimBench digest and UK assumptions. */
    public static SeasonalProfileLibrary fromFolder(Path dir) {
        return fromFolder(dir, SeasonalAssumptions.ukDefaults());
    }

    /**
     * A library from a folder holding the five pool files ({@link ProfileFile#fileName()}).
     *
     * @throws InputException if a file is missing or malformed, naming the file, line and column
     */
    public static SeasonalProfileLibrary fromFolder(Path dir, SeasonalAssumptions assumptions) {
        Map<ProfileFile, double[][]> pools = new EnumMap<>(ProfileFile.class);
        Map<ProfileFile, String> sources = new EnumMap<>(ProfileFile.class);
        for (ProfileFile file : ProfileFile.values()) {
            Path path = dir.resolve(file.fileName());
            pools.put(file, ProfileCsv.read(path));
            sources.put(file, path.toString());
        }
        return new SeasonalProfileLibrary(pools, sources, BuiltIn.DIGEST, assumptions);
    }

    /** Holder idiom: the JVM loads the built-in data once, lazily and thread-safely, on first access. */
    private static final class BuiltIn {
        static final Map<ProfileFile, double[][]> POOLS = new EnumMap<>(ProfileFile.class);
        static final Map<ProfileFile, String> SOURCES = new EnumMap<>(ProfileFile.class);
        static final SimBenchDigest DIGEST;
        static final SeasonalProfileLibrary LIBRARY;

        static {
            long start = System.nanoTime();
            for (ProfileFile file : ProfileFile.values()) {
                String source = RESOURCE_PREFIX + file.fileName();
                InputStream in = ProfileLibraries.class.getResourceAsStream(file.fileName());
                if (in == null) {
                    throw new IllegalStateException("missing class-path resource " + source);
                }
                POOLS.put(file, ProfileCsv.read(in, source));
                SOURCES.put(file, source);
            }
            DIGEST = SimBenchDigest.builtIn();
            LIBRARY = new SeasonalProfileLibrary(POOLS, SOURCES, DIGEST, SeasonalAssumptions.ukDefaults());
            LOG.info("built-in profile library loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
