package org.openlfa.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Where an OpenDSS text file comes from: a file on disk or a resource on the class path.
 *
 * <p>The reader only needs three things from a file: its name for error messages, its lines, and how to find a
 * file that a {@code Redirect}, {@code Buscoords} or load shape refers to relative to it. Hiding those behind this
 * type lets the grids shipped inside the jar be read in place, without copying them to a temporary directory.
 *
 * <pre>{@code
 * LvNetwork disk = OpenDssReader.read(DssSource.of(Path.of("Feeder_1/Master.dss")));
 * LvNetwork jar  = OpenDssReader.read(DssSource.classpath("org/openlfa/grid/enwl/network_22/Feeder_1/Master.dss"));
 * }</pre>
 */
public sealed interface DssSource permits DssSource.FileSource, DssSource.ClasspathSource {

    /** A file on disk. */
    static DssSource of(Path file) {
        return new FileSource(file);
    }

    /** A resource on the class path of this library, as an absolute resource name without a leading slash. */
    static DssSource classpath(String resourceName) {
        return new ClasspathSource(ClasspathSource.normalise(resourceName));
    }

    /** The name used in error messages and logs (the path, or {@code classpath:} and the resource name). */
    String displayName();

    /** The bare file name, e.g. {@code Lines.txt}. */
    String fileName();

    /** Whether the file or resource exists and can be opened. */
    boolean exists();

    /** Opens the text (UTF-8; the OpenDSS files are ASCII) for reading. The caller closes it. */
    BufferedReader open() throws IOException;

    /**
     * The file that {@code reference} names, relative to the folder of this file unless it is absolute. Windows
     * separators are accepted in relative references, since many OpenDSS files were written on Windows.
     */
    DssSource resolve(String reference);

    /** Whether a reference is an absolute path (Unix or a Windows drive/UNC path), which cannot be made relative. */
    static boolean isAbsoluteReference(String reference) {
        return reference.startsWith("/") || reference.startsWith("\\\\") || reference.matches("(?s)[A-Za-z]:[\\\\/].*");
    }

    /** A file on disk. */
    record FileSource(Path path) implements DssSource {
        public FileSource {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String displayName() {
            return path.toString();
        }

        @Override
        public String fileName() {
            Path name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        }

        @Override
        public boolean exists() {
            return Files.isRegularFile(path) && Files.isReadable(path);
        }

        @Override
        public BufferedReader open() throws IOException {
            return Files.newBufferedReader(path, StandardCharsets.UTF_8);
        }

        @Override
        public DssSource resolve(String reference) {
            if (isAbsoluteReference(reference) && !reference.startsWith("/")) {
                // A Windows absolute path (e.g. the ENWL load shapes on the authors' C:\ drive): keep it as written,
                // it simply does not exist here.
                return new FileSource(Path.of(reference));
            }
            Path parent = path.toAbsolutePath().getParent();
            return new FileSource(parent.resolve(reference.replace('\\', '/')).normalize());
        }
    }

    /** A resource loaded through this library's class loader. */
    record ClasspathSource(String resourceName) implements DssSource {
        public ClasspathSource {
            Objects.requireNonNull(resourceName, "resourceName");
        }

        @Override
        public String displayName() {
            return "classpath:" + resourceName;
        }

        @Override
        public String fileName() {
            int slash = resourceName.lastIndexOf('/');
            return resourceName.substring(slash + 1);
        }

        @Override
        public boolean exists() {
            return loader().getResource(resourceName) != null;
        }

        @Override
        public BufferedReader open() throws IOException {
            InputStream in = loader().getResourceAsStream(resourceName);
            if (in == null) {
                throw new IOException("no class path resource " + resourceName);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        @Override
        public DssSource resolve(String reference) {
            if (isAbsoluteReference(reference)) {
                // Absolute references cannot point into a jar; keep them verbatim so the error names them.
                return new FileSource(Path.of(reference));
            }
            int slash = resourceName.lastIndexOf('/');
            String folder = slash < 0 ? "" : resourceName.substring(0, slash + 1);
            return new ClasspathSource(normalise(folder + reference.replace('\\', '/')));
        }

        private static ClassLoader loader() {
            return DssSource.class.getClassLoader();
        }

        /** Removes {@code .} and {@code ..} segments, since class loaders do not. */
        static String normalise(String name) {
            Deque<String> parts = new ArrayDeque<>();
            for (String part : name.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (parts.isEmpty()) {
                        throw new UncheckedIOException(new IOException("resource path leaves the class path: " + name));
                    }
                    parts.removeLast();
                } else {
                    parts.addLast(part);
                }
            }
            return String.join("/", parts);
        }
    }
}
