package org.openlfa.grid.enwl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.openlfa.core.InputException;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.grid.LvNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 25 ENWL LVNS networks shipped inside this jar ({@code org/openlfa/grid/enwl/lvns/networks.zip}, attribution in
 * the {@code SOURCES.md} beside it), read as {@link EnwlNetwork} reads a folder.
 *
 * <p>The networks ship as one compressed archive (1.9 MB instead of 13 MB of OpenDSS text). The OpenDSS reader follows
 * {@code Redirect}s relative to a file, so on first use in a JVM the archive is unpacked once into a temporary folder
 * (about 0.2 s), removed again when the JVM exits; every Spark executor does the same from its own copy of the jar.
 *
 * <pre>{@code
 * List<Integer> all = EnwlNetworks.numbers();               // 1 .. 25
 * LvNetwork n5 = EnwlNetworks.load(5, 800);                 // network 5 behind one 800 kVA transformer
 * }</pre>
 */
public final class EnwlNetworks {

    private static final Logger LOG = LoggerFactory.getLogger(EnwlNetworks.class);

    /** The archive on the class path. */
    public static final String ARCHIVE = "org/openlfa/grid/enwl/lvns/networks.zip";

    private static final Pattern NETWORK_FOLDER = Pattern.compile("network_(\\d+)");

    private static volatile Path unpacked;

    private EnwlNetworks() {
    }

    /** The numbers of the shipped networks, ascending (1 to 25). */
    public static List<Integer> numbers() {
        TreeSet<Integer> out = new TreeSet<>();
        try (Stream<Path> children = Files.list(root())) {
            for (Path child : children.toList()) {
                Matcher m = NETWORK_FOLDER.matcher(child.getFileName().toString());
                if (m.matches()) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /**
     * One shipped network, all its feeders behind one transformer of the given rating.
     *
     * @throws InputException if no network of that number is shipped
     */
    public static LvNetwork load(int number, double transformerRatingInKva) {
        return EnwlNetwork.load(folder(number), transformerRatingInKva);
    }

    /**
     * The unpacked folder of a shipped network ({@code network_N} with its {@code Feeder_M} folders).
     *
     * @throws InputException if no network of that number is shipped
     */
    public static Path folder(int number) {
        Path folder = root().resolve("network_" + number);
        if (!Files.isDirectory(folder)) {
            throw InputException.in("classpath:" + ARCHIVE, "network",
                    "the number of a shipped ENWL network (1-25), got " + number);
        }
        return folder;
    }

    private static Path root() {
        Path folder = unpacked;
        if (folder == null) {
            synchronized (EnwlNetworks.class) {
                folder = unpacked;
                if (folder == null) {
                    folder = unpack();
                    unpacked = folder;
                }
            }
        }
        return folder;
    }

    private static Path unpack() {
        long start = System.nanoTime();
        try (InputStream raw = EnwlNetworks.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + ARCHIVE);
            }
            Path target = Files.createTempDirectory("openlfa-enwl-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(target), "openlfa-enwl-cleanup"));
            try (ZipInputStream zip = new ZipInputStream(raw)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    Path file = target.resolve(e.getName()).normalize();
                    if (!file.startsWith(target)) {
                        throw new IOException("archive entry leaves its folder: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(file);
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(zip, file);
                    }
                }
            }
            LOG.debug("unpacked {} into {} in {} ms", ARCHIVE, target, (System.nanoTime() - start) / 1_000_000);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + ARCHIVE, e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            List<Path> paths = new ArrayList<>(all.toList());
            paths.sort(Comparator.reverseOrder());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort at JVM exit: a leftover temporary folder is harmless.
        }
    }
}
