package org.openlfa.community;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;

/**
 * The LV network a platform (or a study home) runs on, and its communities: the built-in ENWL network 22 with its
 * three communities by default, or an ENWL network folder with {@code Feeder_N} sub-folders. The network is read
 * when asked for, behind a transformer of the DSO's rating (which {@link CommunitySettings#dso()} holds), so the
 * same settings serve every rating.
 *
 * <pre>{@code
 * NetworkSettings ref = NetworkSettings.reference();                        // network_22, C1-C3
 * NetworkSettings n5 = NetworkSettings.of(Path.of("network_5"), null);      // one community per feeder
 * LvNetwork grid = n5.load(500);
 * }</pre>
 *
 * @param id          names the network: the folder's name ({@code network_22} for the reference), part of the UFTP
 *                    entity addresses of its congestion points
 * @param folder      the ENWL network folder, or null for the built-in network 22
 * @param communities which feeders form which community
 */
public record NetworkSettings(String id, Path folder, Communities communities) {

    /** The id of the built-in reference network, ENWL network 22. */
    public static final String REFERENCE_ID = "network_22";

    public NetworkSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(communities, "communities");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("network id must match [A-Za-z0-9_-]{1,64}: " + id);
        }
    }

    /** The reference study's network: the built-in ENWL network 22 with C1 = [1, 2], C2 = [3, 4], C3 = [5, 6]. */
    public static NetworkSettings reference() {
        return new NetworkSettings(REFERENCE_ID, null, Communities.network22Default());
    }

    /**
     * A network as {@code lfa study --network DIR --communities FILE} names it: either may be null. Without a folder
     * it is the built-in network 22; without a communities file its communities are network 22's three for the
     * built-in network and one per feeder for any other.
     *
     * @throws org.openlfa.core.InputException for a folder that is no ENWL network or a wrong communities file
     */
    public static NetworkSettings of(Path networkFolder, Path communitiesFile) {
        if (networkFolder == null && communitiesFile == null) {
            return reference();
        }
        LvNetwork grid = networkFolder == null
                ? EnwlNetwork.loadBuiltIn(REFERENCE_ID, EnwlNetwork.DEFAULT_TRANSFORMER_RATING_IN_KVA)
                : EnwlNetwork.load(networkFolder);
        TreeSet<Integer> feeders = new TreeSet<>(grid.loads().stream().map(Load::feeder).toList());
        Communities communities = communitiesFile != null ? Communities.load(communitiesFile, feeders)
                : networkFolder == null ? Communities.network22Default() : Communities.onePerFeeder(feeders);
        Path absolute = networkFolder == null ? null : networkFolder.toAbsolutePath().normalize();
        return new NetworkSettings(absolute == null ? REFERENCE_ID : idOf(absolute), absolute, communities);
    }

    /** Whether this is the built-in network 22. */
    public boolean isBuiltIn() {
        return folder == null;
    }

    /** The network behind one transformer of the given rating. */
    public LvNetwork load(double transformerRatingInKva) {
        return folder == null ? EnwlNetwork.loadBuiltIn(REFERENCE_ID, transformerRatingInKva)
                : EnwlNetwork.load(folder, transformerRatingInKva);
    }

    /** The households of the network (the rating does not change them). */
    public java.util.List<Household> households() {
        return Households.of(load(EnwlNetwork.DEFAULT_TRANSFORMER_RATING_IN_KVA), communities);
    }

    /** The feeder of every load (home) of a network, by load name, in file order. */
    public static Map<String, Integer> feederOfLoads(LvNetwork network) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Load load : network.loads()) {
            out.put(load.name(), load.feeder());
        }
        return Map.copyOf(out);
    }

    /** "network 22" for the reference, else the id: how messages name the network to people. */
    public String description() {
        return folder == null ? "network 22" : id;
    }

    private static String idOf(Path folder) {
        Path name = folder.getFileName();
        String id = name == null ? "network" : name.toString().replaceAll("[^A-Za-z0-9_-]", "_");
        return id.isEmpty() ? "network" : id.length() > 64 ? id.substring(0, 64) : id;
    }
}
