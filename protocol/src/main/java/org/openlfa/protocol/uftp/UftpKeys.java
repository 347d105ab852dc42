package org.openlfa.protocol.uftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ed25519 keys of the UFTP channel, with the JDK's own provider: making them, their public half as X.509
 * SubjectPublicKeyInfo bytes or Base64 (how the platform registers a participant's key), the raw 32 bytes that
 * libsodium-based UFTP implementations publish, and the private half as a PKCS#8 PEM file of mode 600.
 *
 * <pre>{@code
 * KeyPair pair = UftpKeys.generate();
 * UftpKeys.writePrivateKey(dataDir.resolve("uftp/agr.key"), pair.getPrivate());   // mode 600, atomic
 * String registered = UftpKeys.encodePublicKeyBase64(pair.getPublic());           // give this to the DSO
 * PublicKey dso = UftpKeys.decodePublicKeyBase64(dsoRegisteredKey);
 * PublicKey fromLibsodium = UftpKeys.publicKeyFromRaw(Base64.getDecoder().decode(dnsTxtValue));
 * }</pre>
 */
public final class UftpKeys {

    private static final Logger LOG = LoggerFactory.getLogger(UftpKeys.class);
    private static final String ALGORITHM = "Ed25519";
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING }. */
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
    /** DER prefix of an Ed25519 PKCS#8 v1 PrivateKeyInfo (RFC 8410) around the 32-byte seed. */
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private UftpKeys() {
    }

    /** A new Ed25519 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    /** The public key as X.509 SubjectPublicKeyInfo (DER, 44 bytes for Ed25519). */
    public static byte[] encodePublicKey(PublicKey key) {
        requireEd25519(key.getAlgorithm());
        return key.getEncoded();
    }

    /** {@link #encodePublicKey} in Base64. */
    public static String encodePublicKeyBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(encodePublicKey(key));
    }

    /**
     * An Ed25519 public key from its X.509 SubjectPublicKeyInfo bytes.
     *
     * @throws IllegalArgumentException when the bytes are not an Ed25519 public key
     */
    public static PublicKey decodePublicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 SubjectPublicKeyInfo expected)", e);
        }
    }

    /** {@link #decodePublicKey} from Base64. */
    public static PublicKey decodePublicKeyBase64(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not Base64", e);
        }
        return decodePublicKey(der);
    }

    /** The 32 raw bytes of an Ed25519 public key: libsodium's {@code crypto_sign} public key. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] der = encodePublicKey(key);
        if (der.length != X509_PREFIX.length + 32
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("unexpected encoding of an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    /** An Ed25519 public key from its 32 raw bytes (libsodium's form, e.g. as UFTP participants publish it). */
    public static PublicKey publicKeyFromRaw(byte[] raw) {
        if (raw == null || raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        return decodePublicKey(concat(X509_PREFIX, raw));
    }

    /**
     * An Ed25519 private key from its 32-byte seed: RFC 8032's "secret key", the first half of libsodium's 64-byte
     * {@code crypto_sign} secret key.
     */
    public static PrivateKey privateKeyFromSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        byte[] der = concat(PKCS8_PREFIX, seed);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 seed", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * The Ed25519 key pair of a 32-byte seed (e.g. the first half of a libsodium secret key, or a test's fixed key).
     * The JDK derives a pair only while generating one, so the generator is handed the seed as its "randomness".
     */
    public static KeyPair keyPairFromSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        byte[] copy = seed.clone();
        int[] handedOut = {0};
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (handedOut[0] + bytes.length > copy.length) {
                    throw new IllegalStateException("the Ed25519 generator asked for more than a seed");
                }
                System.arraycopy(copy, handedOut[0], bytes, 0, bytes.length);
                handedOut[0] += bytes.length;
            }
        };
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
            g.initialize(255, fixed);
            KeyPair pair = g.generateKeyPair();
            if (handedOut[0] != 32) {
                throw new IllegalStateException("the Ed25519 generator did not take a 32-byte seed");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /**
     * Writes a private key as a PKCS#8 PEM file of mode 600. Atomic: the key goes to a temporary file in the same
     * directory, created with mode 600 before any byte is written and synced, which then replaces {@code file} in one
     * rename, so a crash leaves either the old key or the new one, never half a key, and at no moment is the key
     * readable by others.
     */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        requireEd25519(key.getAlgorithm());
        byte[] der = key.getEncoded();
        String pem = PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n"
                + PEM_END + "\n";
        Arrays.fill(der, (byte) 0);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(pem.getBytes(StandardCharsets.US_ASCII));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a private key written by {@link #writePrivateKey} (any PKCS#8 PEM of an Ed25519 key). Warns when the file
     * is readable by others than its owner.
     *
     * @throws IOException when unreadable or not an Ed25519 PKCS#8 PEM
     */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                LOG.warn("private key {} is accessible to others ({}); it should be mode 600", file,
                        PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
        String pem = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!pem.startsWith(PEM_BEGIN) || !pem.endsWith(PEM_END)) {
            throw new IOException(file + ": not a PKCS#8 PEM private key (" + PEM_BEGIN + " ... " + PEM_END + ")");
        }
        String body = pem.substring(PEM_BEGIN.length(), pem.length() - PEM_END.length()).replaceAll("\\s", "");
        byte[] der = null;
        try {
            der = Base64.getDecoder().decode(body);
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IOException(file + ": not an Ed25519 private key", e);
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    private static void requireEd25519(String algorithm) {
        // The JDK names Ed25519 keys "EdDSA" (their family) or "Ed25519" depending on how they were made.
        if (!"EdDSA".equals(algorithm) && !ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException("an Ed25519 key is needed, not " + algorithm);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
