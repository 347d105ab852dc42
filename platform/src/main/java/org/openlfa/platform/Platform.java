package org.openlfa.platform;

import org.openlfa.community.CommunitySettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.platform.api.ApiServer;
import org.openlfa.platform.broker.BrokerAccounts;
import org.openlfa.platform.broker.MosquittoDynsec;
import org.openlfa.platform.embedded.EmbeddedBroker;
import org.openlfa.platform.embedded.EmbeddedPostgres;
import org.openlfa.platform.embedded.Ports;
import org.openlfa.platform.live.Ingest;
import org.openlfa.platform.live.LiveMarket;
import org.openlfa.platform.live.PlatformAgents;
import org.openlfa.platform.live.UftpLink;
import org.openlfa.platform.security.Authority;
import org.openlfa.platform.store.Store;
import org.openlfa.protocol.Presence;
import org.openlfa.protocol.security.Secrets;
import org.openlfa.protocol.security.Tls;

/**
 * The live platform: PostgreSQL (schema by Flyway), the MQTT broker (TLS only), the reading intake, and the HTTPS
 * API, all on 127.0.0.1 by default. On first start it creates the TLS identity ({@code DIR/tls}) and the operator's
 * credential ({@code DIR/operator.token}, mode 600).
 *
 * <p>By default the database (data in {@code DIR/pg}) and the broker (Moquette) run embedded. Either can be an
 * external service instead: a PostgreSQL reached by JDBC ({@link ExternalDatabase}), and a Mosquitto 2 with the
 * dynamic-security plugin ({@link ExternalBroker}), whose accounts the platform keeps through {@link MosquittoDynsec}.
 *
 * <pre>{@code
 * try (Platform p = Platform.start(new Platform.Config(Path.of("lfa-data"), "127.0.0.1", 8443, 8883))) {
 *     System.out.println("ready " + p.apiUrl());
 *     p.awaitStop();
 * }
 * // against an existing PostgreSQL and Mosquitto:
 * Platform.Config external = new Platform.Config(Path.of("lfa-data"), "127.0.0.1", 8443, 0)
 *         .withDatabase(new Platform.ExternalDatabase("jdbc:postgresql://db:5432/lfa", "lfa", dbPassword))
 *         .withBroker(new Platform.ExternalBroker("ssl://mqtt:8883", Path.of("broker-ca.pem"), "admin", adminPw));
 * }</pre>
 */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    /**
     * How to start.
     *
     * @param dataDir  where the TLS identity, the operator token and the embedded database live
     * @param host     the address every listener binds (127.0.0.1 by default)
     * @param apiPort  HTTPS port (0 = any free one)
     * @param mqttPort MQTT over TLS port of the embedded broker (0 = any free one; unused with an external broker)
     * @param database an external PostgreSQL, or null for the embedded one
     * @param broker   an external Mosquitto, or null for the embedded broker
     */
    public record Config(Path dataDir, String host, int apiPort, int mqttPort, ExternalDatabase database,
                         ExternalBroker broker) {

        /** Embedded database and broker. */
        public Config(Path dataDir, String host, int apiPort, int mqttPort) {
            this(dataDir, host, apiPort, mqttPort, null, null);
        }

        /** This configuration with an external PostgreSQL (null: the embedded one). */
        public Config withDatabase(ExternalDatabase external) {
            return new Config(dataDir, host, apiPort, mqttPort, external, broker);
        }

        /** This configuration with an external Mosquitto (null: the embedded broker). */
        public Config withBroker(ExternalBroker external) {
            return new Config(dataDir, host, apiPort, mqttPort, database, external);
        }
    }

    /**
     * An existing PostgreSQL. The user must be allowed to create tables in the database's {@code public} schema
     * (PostgreSQL 15: own the database), since Flyway migrates the schema at start.
     *
     * @param jdbcUrl  {@code jdbc:postgresql://host:port/database}
     * @param user     database user
     * @param password its password (never logged: see {@link #toString})
     */
    public record ExternalDatabase(String jdbcUrl, String user, String password) {
        public ExternalDatabase {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("the database URL must be jdbc:postgresql://HOST:PORT/DB, not "
                        + jdbcUrl);
            }
            Objects.requireNonNull(user, "database user");
            Objects.requireNonNull(password, "database password");
        }

        @Override
        public String toString() {
            return "ExternalDatabase[" + jdbcUrl + " as " + user + "]";
        }
    }

    /**
     * An existing Mosquitto (2.0 or later) with the dynamic-security plugin, reached over TLS.
     *
     * @param url           {@code ssl://host:port} (plain MQTT is refused: tokens travel over it)
     * @param caPem         the certificate(s) the broker's certificate chains to; the platform trusts nothing else
     * @param adminUser     a dynsec client with the plugin's admin role
     * @param adminPassword its password (never logged: see {@link #toString})
     */
    public record ExternalBroker(String url, Path caPem, String adminUser, String adminPassword) {
        public ExternalBroker {
            if (url == null || !url.matches("ssl://(\\[[0-9A-Fa-f:]+]|[^/:\\[\\]]+):\\d{1,5}")) {
                throw new IllegalArgumentException("the broker URL must be ssl://HOST:PORT (TLS only), not " + url);
            }
            Objects.requireNonNull(caPem, "broker CA certificate");
            Objects.requireNonNull(adminUser, "dynsec admin user");
            Objects.requireNonNull(adminPassword, "dynsec admin password");
        }

        @Override
        public String toString() {
            return "ExternalBroker[" + url + ", CA " + caPem + ", admin " + adminUser + "]";
        }
    }

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Path dataDir;
    private Store store;
    private EmbeddedBroker broker;
    private Ingest ingest;
    private LiveMarket market;
    private PlatformAgents agents;
    private CommunitySettings community;
    private ApiServer api;
    private EmbeddedPostgres postgres;
    private String host;
    private String brokerUrl;
    private SSLContext brokerTls;
    private BrokerAccounts brokerAccounts = BrokerAccounts.NONE;
    private String platformPassword;

    private Platform() {
    }

    /** Starts everything, or nothing: a part that fails stops those already started. */
    public static Platform start(Config config) {
        return start(config, CommunitySettings.defaults());
    }

    /** Starts everything with the community run as {@code community} says. */
    public static Platform start(Config config, CommunitySettings community) {
        Platform p = new Platform();
        p.community = community;
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
        store = openStore(config.database());
        parts.add(store);
        // The platform's broker password lives in this process only: nothing on disk can impersonate the platform.
        platformPassword = Secrets.newToken();
        Authority authority = new Authority(store, operatorToken, platformPassword);
        if (config.broker() == null) {
            startEmbeddedBroker(config.mqttPort(), tls, authority);
        } else {
            useExternalBroker(config.broker());
        }
        // the community: presence from the agents' status topics, the market cleared from the stored readings, and
        // the aggregator coordinating the energy boxes' day-ahead plans over the broker
        Presence presence = new Presence();
        market = new LiveMarket(store, community, presence, authority::isCems);
        parts.add(market);
        ingest = new Ingest(store, brokerUrl, brokerTls, platformPassword, market::onStored);
        parts.add(ingest);
        agents = new PlatformAgents(store, community, presence, authority::isCems, brokerUrl, brokerTls,
                platformPassword, dataDir.resolve("keys"));
        parts.add(agents);
        api = new ApiServer(host, config.apiPort(), tls.serverContext(), store, authority, brokerAccounts,
                brokerUrl, this::stats);
        parts.add(api);
        LOG.info("platform up: API {} broker {}", apiUrl(), brokerUrl);
    }

    /** The embedded PostgreSQL in {@code DIR/pg}, or the external one; either way migrated by Flyway. */
    private Store openStore(ExternalDatabase external) {
        if (external != null) {
            LOG.info("database: {}", external);
            return Store.open(external.jdbcUrl(), external.user(), external.password());
        }
        postgres = EmbeddedPostgres.start(dataDir.resolve("pg"), 0);
        parts.add(postgres);
        return Store.open(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
    }

    /** Moquette asks the {@link Authority} at every login, so it needs no accounts ({@link BrokerAccounts#NONE}). */
    private void startEmbeddedBroker(int mqttPort, Tls tls, Authority authority) throws IOException {
        int port = mqttPort == 0 ? Ports.free() : mqttPort;
        Files.createDirectories(dataDir.resolve("broker"));
        broker = EmbeddedBroker.start(host, port, tls, authority, dataDir.resolve("broker"));
        parts.add(broker);
        brokerUrl = "ssl://" + host + ":" + broker.port();
        brokerTls = Tls.clientContext(tls.certificate());
    }

    /**
     * Mosquitto knows only the accounts it was told of: the platform's own is created (or re-keyed with this start's
     * password) now, the agents' ones when they are registered ({@link #brokerAccounts()}).
     */
    private void useExternalBroker(ExternalBroker external) throws MqttException {
        LOG.info("broker: {}", external);
        MosquittoDynsec dynsec = MosquittoDynsec.connect(external.url(), external.caPem(), external.adminUser(),
                external.adminPassword());
        parts.add(dynsec);
        dynsec.denyByDefault();
        dynsec.registerPlatform(Authority.PLATFORM, platformPassword);
        brokerAccounts = dynsec;
        brokerUrl = external.url();
        brokerTls = Tls.clientContext(external.caPem());
    }

    /** {@code https://HOST:PORT} of the API. */
    public String apiUrl() {
        return "https://" + host + ":" + api.port();
    }

    /** {@code ssl://HOST:PORT} of the broker (embedded or external). */
    public String brokerUrl() {
        return brokerUrl;
    }

    /**
     * What the broker must learn when an agent is registered, re-keyed or revoked: nothing for the embedded broker
     * ({@link BrokerAccounts#NONE}, it asks the register), the dynsec accounts of an external Mosquitto.
     */
    public BrokerAccounts brokerAccounts() {
        return brokerAccounts;
    }

    /** The password of the platform's broker account ({@link Authority#PLATFORM}) for its own MQTT clients. */
    String platformBrokerPassword() {
        return platformPassword;
    }

    /** TLS for the platform's own MQTT clients: trusts exactly the broker's certificate (chain). */
    SSLContext brokerClientTls() {
        return brokerTls;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The PID of the embedded PostgreSQL postmaster (for fault tests), or -1 with an external database. */
    public long postgresPid() {
        return postgres == null ? -1 : postgres.postmasterPid();
    }

    /** The DSO-aggregator channel (for tests). */
    UftpLink uftp() {
        return agents.uftp();
    }

    /** The platform's database (for tests). */
    Store store() {
        return store;
    }

    /** The aggregator's coordination of a day, once it ran (for tests). */
    public org.openlfa.optim.CoordinationResult coordination(java.time.LocalDate day) {
        return agents.result(day);
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
        n.put("throttledSinceStart", ingest.throttled());
        if (broker != null) {   // an external broker's count is its own business ($SYS), not the platform's
            n.put("brokerClients", broker.connectedClients());
        }
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
     * Runs the platform in this JVM until SIGTERM: {@code java -cp … org.openlfa.platform.Platform DIR [apiPort
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
