package org.openlfa.protocol.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The platform's TLS identity: on first start a self-signed certificate for {@code localhost} and {@code 127.0.0.1}
 * (EC P-256, made with the JDK's keytool) in {@code DIR/tls/server.p12}, its password in {@code keystore.password}
 * (mode 600; keytool reads it from there, never from its command line), and the certificate in PEM at
 * {@code DIR/tls/server.crt}, which clients pin with {@code --ca}.
 *
 * <pre>{@code
 * Tls tls = Tls.ensure(dataDir);
 * SSLContext server = tls.serverContext();
 * SSLContext client = Tls.clientContext(dataDir.resolve("tls/server.crt"));
 * }</pre>
 */
public final class Tls {

    private final Path keystore;
    private final char[] password;
    private final Path certificate;

    private Tls(Path keystore, char[] password, Path certificate) {
        this.keystore = keystore;
        this.password = password;
        this.certificate = certificate;
    }

    /** Loads the data dir's TLS identity, creating it on first use. */
    public static Tls ensure(Path dataDir) {
        return ensure(dataDir, Tls::launch);
    }

    /** {@link #ensure(Path)}, with the child processes started by {@code keytool} (tests watch what it is given). */
    static Tls ensure(Path dataDir, Launcher keytool) {
        try {
            Path dir = dataDir.resolve("tls");
            Files.createDirectories(dir);
            Path p12 = dir.resolve("server.p12");
            Path crt = dir.resolve("server.crt");
            Path passwordFile = dir.resolve("keystore.password");
            if (!Files.exists(p12)) {
                Secrets.readOrCreate(passwordFile);
                Path tmp = dir.resolve("server.p12.tmp");
                Files.deleteIfExists(tmp);
                keytool.run(generateKeyPair(tmp, passwordFile));
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                keytool.run(exportCertificate(tmp, passwordFile, crt));
                // Renamed last, so a crash while creating leaves no half-made identity behind.
                Files.move(tmp, p12, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            String pw = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
            return new Tls(p12, pw.toCharArray(), crt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * keytool's arguments for a new key pair and self-signed certificate in {@code keystore}. The password is read
     * by keytool from {@code passwordFile} (its first line, as {@link Secrets} writes it), never passed as an
     * argument: a process's arguments are visible to every user of the machine ({@code ps}, {@code /proc/PID/cmdline}).
     */
    static List<String> generateKeyPair(Path keystore, Path passwordFile) {
        return keytoolCommand("-genkeypair", "-alias", "openlfa", "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-validity", "825", "-dname", "CN=localhost, O=OpenLFA",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass:file", passwordFile.toString(), "-keypass:file", passwordFile.toString());
    }

    /** keytool's arguments to write the certificate of {@code keystore} in PEM; the password as above. */
    static List<String> exportCertificate(Path keystore, Path passwordFile, Path certificate) {
        return keytoolCommand("-exportcert", "-rfc", "-alias", "openlfa", "-keystore", keystore.toString(),
                "-storepass:file", passwordFile.toString(), "-file", certificate.toString());
    }

    /** Runs a command to completion, failing if it fails. */
    @FunctionalInterface
    interface Launcher {
        void run(List<String> command) throws IOException;
    }

    /** The certificate (PEM) clients should trust. */
    public Path certificate() {
        return certificate;
    }

    public KeyManagerFactory keyManagers() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            return kmf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + keystore, e);
        }
    }

    /** The server side: TLS 1.2 or 1.3 with this identity. */
    public SSLContext serverContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers().getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts exactly the certificate(s) in {@code pemFile}, and nothing else. */
    public static SSLContext clientContext(Path pemFile) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, trustOf(pemFile).getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust manager factory that trusts exactly the certificate(s) in {@code pemFile} (for clients built on it). */
    public static TrustManagerFactory trustOf(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            return tmf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificate " + pemFile, e);
        }
    }

    private static List<String> keytoolCommand(String... args) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Files.isExecutable(keytool) ? keytool.toString() : "keytool");
        cmd.addAll(List.of(args));
        return List.copyOf(cmd);
    }

    /** Runs keytool with these arguments; its output becomes the exception's message when it fails. */
    static void launch(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
