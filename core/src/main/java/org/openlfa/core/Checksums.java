package org.openlfa.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums of input files, whether on disk or shipped on the class path. */
public final class Checksums {

    private static final String CLASSPATH = "classpath:";

    private Checksums() {
    }

    /** The checksum of a file path or a {@code classpath:} resource name; "unavailable" if it cannot be read. */
    public static String sha256(String source) {
        try (InputStream in = open(source)) {
            if (in == null) {
                return "unavailable";
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(String source) throws IOException {
        if (source.startsWith(CLASSPATH)) {
            String name = source.substring(CLASSPATH.length());
            return Checksums.class.getClassLoader().getResourceAsStream(name.startsWith("/") ? name.substring(1) : name);
        }
        Path path = Path.of(source);
        return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
    }
}
