package org.openlfa.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes outputs so that a reader never sees half of them: everything goes into a temporary sibling folder that is
 * moved into place only when complete, replacing what was there before.
 *
 * <pre>{@code
 * Path staging = AtomicFiles.stagingFolderFor(out);
 * writeEverything(staging);
 * AtomicFiles.commit(staging, out);
 * }</pre>
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Creates an empty temporary folder next to {@code target} (same file system, so the final move is a rename). */
    public static Path stagingFolderFor(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            return Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder next to " + target, e);
        }
    }

    /**
     * Replaces {@code target} by the complete {@code staging} folder. A folder cannot be swapped for another in one
     * rename, so the old one is first renamed aside; if the new one then cannot take its place, the old one is put
     * back before the error is thrown: a failed commit loses nothing.
     */
    public static void commit(Path staging, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                Path old = absolute.resolveSibling("." + absolute.getFileName() + ".old-" + System.nanoTime());
                Files.move(absolute, old);
                try {
                    move(staging, absolute);
                } catch (IOException e) {
                    try {
                        move(old, absolute);
                    } catch (IOException restore) {
                        e.addSuppressed(restore);
                    }
                    throw e;
                }
                deleteRecursively(old);
            } else {
                move(staging, absolute);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the results into " + target, e);
        }
    }

    /** Removes a staging folder after a failure, so nothing half-written stays behind. */
    public static void discard(Path staging) {
        try {
            deleteRecursively(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staging folder " + staging, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
