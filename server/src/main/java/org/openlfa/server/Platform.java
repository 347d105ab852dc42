package org.openlfa.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live platform on embedded defaults: PostgreSQL (data in {@code DIR/pg}, schema by Flyway), the MQTT broker
 * (TLS only), the reading intake, and the HTTPS API, all on 127.0.0.1. On first start it creates the TLS identity
 * ({@code DIR/tls}) and the operator's credential ({@code DIR/operator.token}, mode 600).
 *
 * <pre>{@code
 * try (Platform p = Platform.start(new Platform.Config(Path.of("lfa-data"), "127.0.0.1", 8443, 8883))) {
 *     System.out.println("ready " + p.apiUrl());
 *     p.awaitStop();
 * }
 * }</pre>
 */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    /**
     * How to start.
     *
     * @param dataDir  where the database, TLS identity and operator token live
     * @param host     the address every listener binds (127.0.0.1 by default)
     * @param apiPort  HTTPS port (0 = any free one)
     * @param mqttPort MQTT over TLS port (0 = any free one)
     */
    public record Config(Path dataDir, String host, int apiPort, int mqttPort) {
    }

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Path dataDir;
    private Store store;
    private Broker broker;
    private Ingest ingest;
    private ApiServer api;
    private EmbeddedPostgres postgres;
    private String host;

    private Platform() {
    }

    /** Starts everything, or nothing: a part that fails stops those already started. */
    public static Platform start(Config config) {
        Platform p = new Platform();
        try {
            p.boot(config);
            return p;
        } catch (RuntimeException | IOException | MqttException e) {
            p.close();
            throw new IllegalStateException("platform did not start: " + e.getMessage(), e);
        }
    }

    private void boot(Config config) throws IOException, MqttException {
        dataDir = config.dataDir().toAbsolutePath();
        host = config.host();
        Files.createDirectories(dataDir);
        Tls tls = Tls.ensure(dataDir);
        String operatorToken = Secrets.readOrCreate(dataDir.resolve("operator.token"));
        postgres = EmbeddedPostgres.start(dataDir.resolve("pg"), 0);
        parts.add(postgres);
        store = Store.open(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
        parts.add(store);
        // The intake's broker password lives in this process only: nothing on disk can impersonate the platform.
        String platformPassword = Secrets.newToken();
        Authority authority = new Authority(store, operatorToken, platformPassword);
        int mqttPort = config.mqttPort() == 0 ? Ports.free() : config.mqttPort();
        Files.createDirectories(dataDir.resolve("broker"));
        broker = Broker.start(host, mqttPort, tls, authority, dataDir.resolve("broker"));
        parts.add(broker);
        ingest = new Ingest(store, brokerUrl(), Tls.clientContext(tls.certificate()), platformPassword);
        parts.add(ingest);
        api = new ApiServer(host, config.apiPort(), tls.serverContext(), store, authority, brokerUrl(), this::stats);
        parts.add(api);
        LOG.info("platform up: API {} broker {}", apiUrl(), brokerUrl());
    }

    /** {@code https://HOST:PORT} of the API. */
    public String apiUrl() {
        return "https://" + host + ":" + api.port();
    }

    /** {@code ssl://HOST:PORT} of the broker. */
    public String brokerUrl() {
        return "ssl://" + host + ":" + broker.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The PID of the PostgreSQL postmaster (for fault tests). */
    public long postgresPid() {
        return postgres.postmasterPid();
    }

    /** The counters of {@code GET /api/stats}. */
    public ObjectNode stats() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        try {
            n.put("readings", store.count("reading"));
            n.put("rejected", store.count("rejected_message"));
            n.put("agents", store.count("agent"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        n.put("duplicatesSinceStart", ingest.duplicates());
        n.put("brokerClients", broker.connectedClients());
        return n;
    }

    /** Blocks until {@link #close} is called (from a shutdown hook, on SIGTERM). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the API first (no new work), then the intake, the broker and the database. */
    @Override
    public synchronized void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", parts.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        parts.clear();
        stopped.countDown();
    }

    /**
     * Runs the platform in this JVM until SIGTERM: {@code java -cp … org.openlfa.server.Platform DIR [apiPort
     * [mqttPort]]}. Prints {@code ready <apiUrl> <brokerUrl>} when it serves. Used by the fault tests.
     */
    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        int apiPort = args.length > 1 ? Integer.parseInt(args[1]) : 8443;
        int mqttPort = args.length > 2 ? Integer.parseInt(args[2]) : 8883;
        Platform p = start(new Config(dir, "127.0.0.1", apiPort, mqttPort));
        Runtime.getRuntime().addShutdownHook(new Thread(p::close, "lfa-shutdown"));
        System.out.println("ready " + p.apiUrl() + " " + p.brokerUrl());
        System.out.flush();
        p.awaitStop();
    }
}
