package org.openlfa.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.platform.embedded.EmbeddedPostgres;
import org.openlfa.platform.embedded.Ports;
import org.openlfa.protocol.security.Secrets;
import org.openlfa.protocol.security.Tls;

/**
 * Debian's PostgreSQL 15 and Mosquitto, each started as a process of its own on a free loopback port, for the tests
 * of the platform against external services ({@code ExternalServicesTest}). As root (CI, these machines) both run as
 * {@code nobody} through {@code setpriv}, as {@link EmbeddedPostgres} does: PostgreSQL refuses root, and a broker
 * has no business being root either.
 *
 * <pre>{@code
 * try (DebianServices.Postgres pg = DebianServices.Postgres.start(dir.resolve("pg"));
 *      DebianServices.Mosquitto mqtt = DebianServices.Mosquitto.start(dir.resolve("mqtt"))) {
 *     Platform.ExternalDatabase db = pg.createDatabase("lfa", "lfa", password);
 *     Platform.ExternalBroker broker = mqtt.external();
 * }
 * }</pre>
 */
final class DebianServices {

    private static final Logger LOG = LoggerFactory.getLogger(DebianServices.class);
    /** Debian 12's PostgreSQL 15, or the newest other major version installed. */
    static final Path PG_BIN = postgresBin();
    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    static final Path MOSQUITTO_CTRL = Path.of("/usr/bin/mosquitto_ctrl");
    private static final String PLUGIN = "mosquitto_dynamic_security.so";
    /** uid and gid of {@code nobody} on Debian. */
    private static final int NOBODY = 65534;
    private static final long START_TIMEOUT_MS = 60_000;

    private DebianServices() {
    }

    private static Path postgresBin() {
        Path fifteen = Path.of("/usr/lib/postgresql/15/bin");
        if (Files.isExecutable(fifteen.resolve("postgres"))) {
            return fifteen;
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).orElse(fifteen);
        } catch (IOException e) {
            return fifteen;
        }
    }

    /** What of Debian's packages is missing here (empty when all is there). */
    static List<String> missing() {
        List<String> out = new ArrayList<>();
        if (!Files.isExecutable(PG_BIN.resolve("initdb")) || !Files.isExecutable(PG_BIN.resolve("postgres"))) {
            out.add(PG_BIN + "/{initdb,postgres} (package postgresql)");
        }
        if (!Files.isExecutable(MOSQUITTO)) {
            out.add(MOSQUITTO + " (package mosquitto)");
        }
        if (dynsecPlugin().isEmpty()) {
            out.add(PLUGIN + " (package mosquitto)");
        }
        return out;
    }

    /**
     * Fails the test class on CI (where .ci/run installs the packages, so a skip would hide a broken external setup)
     * and skips it elsewhere, when Debian's PostgreSQL or Mosquitto is missing.
     */
    static void requireOrSkip() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            String why = "Debian's PostgreSQL 15 and Mosquitto are needed, missing: " + missing;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + " (.ci/run installs the packages postgresql and mosquitto)");
            }
            Assumptions.assumeTrue(false, why);
        }
    }

    /** The dynamic-security plugin: in the architecture's library folder on Debian, elsewhere on some builds. */
    static Optional<Path> dynsecPlugin() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/lib/x86_64-linux-gnu").resolve(PLUGIN));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/usr/lib"), "*-linux-gnu*")) {
            dirs.forEach(d -> candidates.add(d.resolve(PLUGIN)));
        } catch (IOException e) {
            // no multiarch folders: only the fixed places below
        }
        candidates.add(Path.of("/usr/lib/mosquitto").resolve(PLUGIN));
        candidates.add(Path.of("/usr/lib/mosquitto_dynamic_security").resolve(PLUGIN));
        candidates.add(Path.of("/usr/local/lib").resolve(PLUGIN));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** PostgreSQL 15 with SCRAM passwords, on 127.0.0.1 only, data in {@code home/data}. */
    static final class Postgres implements AutoCloseable {
        private final Path data;
        private final int port;
        private final String superPassword;
        private final Process process;

        private Postgres(Path data, int port, String superPassword, Process process) {
            this.data = data;
            this.port = port;
            this.superPassword = superPassword;
            this.process = process;
        }

        static Postgres start(Path home) throws IOException {
            Path data = home.resolve("data");
            prepareDir(home);
            String password = Secrets.newToken();
            Path pw = home.resolve("initdb.pw");
            Files.writeString(pw, password, StandardCharsets.UTF_8);
            giveToServiceUser(pw);
            run(home, List.of(PG_BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=scram-sha-256", "--pwfile=" + pw, "-E", "UTF8", "--locale=C", "--no-sync"));
            Files.delete(pw);
            int port = Ports.free();
            // fsync off: a test database, thrown away after the run; the platform's durability is tested elsewhere
            Process p = launch(home, home.resolve("postgres.log"), List.of(PG_BIN.resolve("postgres").toString(),
                    "-D", data.toString(), "-c", "listen_addresses=127.0.0.1", "-p", Integer.toString(port),
                    "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "max_connections=50"));
            Postgres pg = new Postgres(data, port, password, p);
            try {
                pg.awaitReady(home.resolve("postgres.log"));
            } catch (RuntimeException e) {
                pg.close();
                throw e;
            }
            LOG.info("Debian PostgreSQL ({}) on 127.0.0.1:{}", PG_BIN, port);
            return pg;
        }

        private void awaitReady(Path log) {
            long end = System.currentTimeMillis() + START_TIMEOUT_MS;
            SQLException last = null;
            while (System.currentTimeMillis() < end && process.isAlive()) {
                try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", superPassword)) {
                    return;
                } catch (SQLException e) {
                    last = e;
                }
                sleep(200);
            }
            throw new IllegalStateException("PostgreSQL did not start (" + last + "): " + tail(log));
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        /**
         * A database and a login role that owns it, as an operator would set up for the platform: on PostgreSQL 15
         * only the database's owner may create tables in its {@code public} schema, which Flyway needs.
         */
        Platform.ExternalDatabase createDatabase(String name, String user, String password) throws SQLException {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", superPassword);
                 Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                s.execute("CREATE DATABASE " + name + " OWNER " + user);
            }
            return new Platform.ExternalDatabase(jdbcUrl(name), user, password);
        }

        /** Fast shutdown (SIGINT): sessions are ended, nothing waits for clients. */
        @Override
        public void close() {
            stop(process, "INT");
            LOG.info("Debian PostgreSQL on {} stopped ({})", port, data);
        }
    }

    /**
     * Mosquitto with one TLS listener on 127.0.0.1 (its own self-signed certificate, not the platform's), no
     * anonymous clients, and the dynamic-security plugin with an admin client {@code admin}.
     */
    static final class Mosquitto implements AutoCloseable {
        static final String ADMIN = "admin";
        private final int port;
        private final Path caPem;
        private final String adminPassword;
        private final Path dynsecFile;
        private final Process process;

        private Mosquitto(int port, Path caPem, String adminPassword, Path dynsecFile, Process process) {
            this.port = port;
            this.caPem = caPem;
            this.adminPassword = adminPassword;
            this.dynsecFile = dynsecFile;
            this.process = process;
        }

        static Mosquitto start(Path home) throws IOException {
            prepareDir(home);
            // The broker's TLS identity: keytool's PKCS#12 (Tls), handed to Mosquitto as PEM key and certificate.
            Tls tls = Tls.ensure(home);
            Path cert = home.resolve("broker.crt");
            Path key = home.resolve("broker.key");
            Files.copy(tls.certificate(), cert);
            Secrets.writeSecret(key, privateKeyPem(home.resolve("tls")));
            giveToServiceUser(cert);
            giveToServiceUser(key);
            String adminPassword = Secrets.newToken();
            Path dynsec = home.resolve("dynsec.json");
            initDynsec(home, dynsec, adminPassword);
            int port = Ports.free();
            Path conf = home.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    "# written by DebianServices (tests): one TLS listener on loopback, dynsec accounts only",
                    "per_listener_settings false",
                    "allow_anonymous false",
                    "persistence false",
                    "log_dest stderr",   // unbuffered: start() waits for its "running" line
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    "log_type information",
                    "connection_messages true",
                    "log_timestamp_format %H:%M:%S",
                    "max_packet_size 8704",   // 8 KiB of payload, the platform's limit, plus topic and header
                    "plugin " + dynsecPlugin().orElseThrow(),
                    "plugin_opt_config_file " + dynsec,
                    "listener " + port + " 127.0.0.1",
                    "certfile " + cert,
                    "keyfile " + key,
                    "tls_version tlsv1.2",
                    ""), StandardCharsets.UTF_8);
            Path log = home.resolve("mosquitto.log");
            Process p = launch(home, log, List.of(MOSQUITTO.toString(), "-c", conf.toString()));
            Mosquitto m = new Mosquitto(port, cert, adminPassword, dynsec, p);
            try {
                m.awaitListening(log);
            } catch (RuntimeException e) {
                m.close();
                throw e;
            }
            LOG.info("Debian Mosquitto on 127.0.0.1:{} (TLS, dynamic security)", port);
            return m;
        }

        /** Waits for the broker's own word: a test connection would only add a TLS error to its log. */
        private void awaitListening(Path log) {
            long end = System.currentTimeMillis() + START_TIMEOUT_MS;
            while (System.currentTimeMillis() < end && process.isAlive()) {
                try {
                    if (Files.readString(log, StandardCharsets.UTF_8).contains(" running")) {
                        return;
                    }
                } catch (IOException e) {
                    // not written yet
                }
                sleep(50);
            }
            throw new IllegalStateException("Mosquitto did not start: " + tail(log));
        }

        /** {@code ssl://127.0.0.1:PORT} (the certificate names 127.0.0.1, so the host name is verified). */
        String url() {
            return "ssl://127.0.0.1:" + port;
        }

        /** The broker's self-signed certificate, which clients trust. */
        Path caPem() {
            return caPem;
        }

        String adminPassword() {
            return adminPassword;
        }

        /** The plugin's state file (accounts, roles; passwords only as salted hashes). */
        Path dynsecFile() {
            return dynsecFile;
        }

        /** What the platform needs to use this broker. */
        Platform.ExternalBroker external() {
            return new Platform.ExternalBroker(url(), caPem, ADMIN, adminPassword);
        }

        @Override
        public void close() {
            stop(process, "TERM");
            LOG.info("Debian Mosquitto on {} stopped", port);
        }

        /**
         * The plugin's first state: {@code mosquitto_ctrl dynsec init} where the package has it; else the same
         * JSON written here (admin role on {@code $CONTROL/dynamic-security/#}, PBKDF2-SHA512 password).
         */
        private static void initDynsec(Path home, Path file, String adminPassword) throws IOException {
            if (Files.isExecutable(MOSQUITTO_CTRL)) {
                run(home, List.of(MOSQUITTO_CTRL.toString(), "dynsec", "init", file.toString(), ADMIN,
                        adminPassword));
            } else {
                Files.writeString(file, dynsecInitJson(adminPassword), StandardCharsets.UTF_8);
                giveToServiceUser(file);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }

        /** What {@code mosquitto_ctrl dynsec init FILE admin PASSWORD} writes (Mosquitto 2.0). */
        static String dynsecInitJson(String adminPassword) {
            byte[] salt = new byte[12];
            new java.security.SecureRandom().nextBytes(salt);
            int iterations = 101;
            byte[] hash;
            try {
                hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(
                        new PBEKeySpec(adminPassword.toCharArray(), salt, iterations, 512)).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            Base64.Encoder b64 = Base64.getEncoder();
            StringBuilder acls = new StringBuilder();
            String[][] rights = {
                {"publishClientSend", "$CONTROL/dynamic-security/#"},
                {"publishClientReceive", "$CONTROL/dynamic-security/#"},
                {"subscribePattern", "$CONTROL/dynamic-security/#"},
                {"publishClientReceive", "$SYS/#"},
                {"subscribePattern", "$SYS/#"},
                {"publishClientReceive", "#"},
                {"subscribePattern", "#"},
                {"unsubscribePattern", "#"}};
            for (String[] r : rights) {
                acls.append(acls.length() == 0 ? "" : ",").append("{\"acltype\":\"").append(r[0])
                        .append("\",\"topic\":\"").append(r[1]).append("\",\"allow\":true}");
            }
            return "{\"defaultACLAccess\":{\"publishClientSend\":false,\"publishClientReceive\":true,"
                    + "\"subscribe\":false,\"unsubscribe\":true},"
                    + "\"clients\":[{\"username\":\"" + ADMIN + "\",\"textname\":\"Dynsec admin user\","
                    + "\"roles\":[{\"rolename\":\"admin\"}],\"password\":\"" + b64.encodeToString(hash)
                    + "\",\"salt\":\"" + b64.encodeToString(salt) + "\",\"iterations\":" + iterations + "}],"
                    + "\"groups\":[],\"roles\":[{\"rolename\":\"admin\",\"acls\":[" + acls + "]}]}\n";
        }

        /** The key of {@code tlsDir/server.p12} as unencrypted PKCS#8 PEM, the form Mosquitto (OpenSSL) reads. */
        private static String privateKeyPem(Path tlsDir) throws IOException {
            char[] pw = Files.readString(tlsDir.resolve("keystore.password"), StandardCharsets.UTF_8).trim()
                    .toCharArray();
            try (InputStream in = Files.newInputStream(tlsDir.resolve("server.p12"))) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, pw);
                PrivateKey k = (PrivateKey) ks.getKey("openlfa", pw);
                return "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(k.getEncoded())
                        + "\n-----END PRIVATE KEY-----";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the broker's key", e);
            }
        }
    }

    /**
     * A folder the service user owns, below folders it may traverse (JUnit's temporary folders are 700).
     */
    private static void prepareDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (!EmbeddedPostgres.isRoot()) {
            return;
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (perms.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(p, perms);
            }
        }
        giveToServiceUser(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static void giveToServiceUser(Path p) throws IOException {
        if (EmbeddedPostgres.isRoot()) {
            Files.setAttribute(p, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** The command as it is, or as {@code nobody} when we are root. */
    private static List<String> asServiceUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (EmbeddedPostgres.isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        return full;
    }

    /** Runs a command to its end; a failure carries its output. */
    private static void run(Path workDir, List<String> command) throws IOException {
        List<String> full = asServiceUser(command);
        Process p = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", full));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", full) + "\n" + out);
        }
    }

    /**
     * Starts a server in the background, output to {@code log}. setpriv execs the server, so the process is the
     * server itself; a JVM that ends without closing it still takes it down (shutdown hook).
     */
    private static Process launch(Path workDir, Path log, List<String> command) throws IOException {
        Process p = new ProcessBuilder(asServiceUser(command)).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "debian-service-kill"));
        return p;
    }

    /** Sends the signal, waits up to 30 s, then kills. */
    private static void stop(Process p, String signal) {
        if (!p.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(p.pid())).inheritIO().start().waitFor();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warn("process {} ignored SIG{} for 30 s: killed", p.pid(), signal);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
