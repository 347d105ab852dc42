package org.openlfa.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openlfa.core.InputException;
import org.openlfa.grid.enwl.EnwlNetworks;

/**
 * Turns a {@code --networks} spec and a replica count into the region's LV grids.
 *
 * <ul>
 *   <li>{@code enwl:all}: the 25 shipped ENWL networks; {@code enwl:22,5}: some of them;</li>
 *   <li>a folder with {@code Feeder_N} sub-folders: that network; a folder of such folders (e.g.
 *       {@code shared/data/enwl-lvns/networks}): each of them, in name order.</li>
 * </ul>
 * Each network gives its published form (replica 0, on the region's seed, so {@code network_22} is exactly the
 * reference study) and {@code replicas} synthetic variants whose seed mixes the region's seed, the network's name
 * and the replica number (SplitMix64), so a variant is the same on every engine and in every run.
 *
 * <pre>{@code
 * List<LvgTask> tasks = RegionSpec.tasks("enwl:22,5", 3, 42);   // 2 networks x (1 + 3 replicas) = 8 grids
 * }</pre>
 */
public final class RegionSpec {

    private static final Pattern FEEDER = Pattern.compile("(?i)feeder_\\d+");
    private static final Pattern ENWL_LIST = Pattern.compile("\\d+(,\\d+)*");

    private RegionSpec() {
    }

    /**
     * The region's grids, networks in spec order and each network's replicas after it.
     *
     * @throws InputException for an unknown spec, network number or folder (named in the message)
     */
    public static List<LvgTask> tasks(String spec, int replicas, long seed) {
        if (replicas < 0) {
            throw InputException.in("command line", "--replicas", "0 or more synthetic variants per network, got "
                    + replicas);
        }
        List<String[]> networks = networks(spec);  // {name, source}
        Set<String> names = new HashSet<>();
        List<LvgTask> out = new ArrayList<>();
        for (String[] n : networks) {
            if (!names.add(n[0])) {
                throw InputException.in("command line", "--networks", "distinct network names, '" + n[0]
                        + "' appears twice");
            }
            for (int r = 0; r <= replicas; r++) {
                out.add(new LvgTask(r == 0 ? n[0] : n[0] + "-r" + r, n[0], n[1], r, seedOf(seed, n[0], r)));
            }
        }
        return out;
    }

    /** A grid's seed: the region's for the published network, a mix of seed, name and replica otherwise. */
    static long seedOf(long seed, String network, int replica) {
        if (replica == 0) {
            return seed;
        }
        return splitMix(splitMix(seed ^ network.hashCode()) + replica);
    }

    private static long splitMix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static List<String[]> networks(String spec) {
        String s = spec == null ? "" : spec.trim();
        List<String[]> out = new ArrayList<>();
        if (s.toLowerCase(Locale.ROOT).startsWith("enwl:")) {
            String list = s.substring(5).trim();
            List<Integer> shipped = EnwlNetworks.numbers();
            List<Integer> chosen;
            if (list.equalsIgnoreCase("all")) {
                chosen = shipped;
            } else if (ENWL_LIST.matcher(list.replace(" ", "")).matches()) {
                chosen = new ArrayList<>();
                for (String n : list.replace(" ", "").split(",")) {
                    int number = Integer.parseInt(n);
                    if (!shipped.contains(number)) {
                        throw InputException.in("command line", "--networks", "shipped ENWL network numbers "
                                + shipped.get(0) + "-" + shipped.get(shipped.size() - 1) + ", got " + number);
                    }
                    chosen.add(number);
                }
            } else {
                throw InputException.in("command line", "--networks", "enwl:all or enwl:N[,N...], got '" + s + "'");
            }
            for (int n : chosen) {
                out.add(new String[] {"network_" + n, "enwl:" + n});
            }
            return out;
        }
        Path folder = Path.of(s.isEmpty() ? "." : s).toAbsolutePath().normalize();
        if (s.isEmpty() || !Files.isDirectory(folder)) {
            throw InputException.in("command line", "--networks", "enwl:all, enwl:N[,N...] or a network folder, got '"
                    + s + "'");
        }
        if (isNetwork(folder)) {
            out.add(new String[] {name(folder), folder.toString()});
            return out;
        }
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                if (isNetwork(child)) {
                    out.add(new String[] {name(child), child.toString()});
                }
            }
        } catch (IOException e) {
            throw InputException.in(folder.toString(), "folder", "a readable folder: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw InputException.in(folder.toString(), "Feeder_*", "a network folder (with Feeder_N folders) or a "
                    + "folder of network folders");
        }
        return out;
    }

    private static boolean isNetwork(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.anyMatch(c -> Files.isDirectory(c) && FEEDER.matcher(c.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    private static String name(Path folder) {
        return folder.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
