package org.openlfa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openlfa.community.CommunitySettings;
import org.openlfa.platform.Platform;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lfa serve}: the live platform (PostgreSQL, MQTT broker over TLS, HTTPS API) until SIGTERM; the database and
 * the broker are embedded unless an existing PostgreSQL ({@code --db-*}) or Mosquitto ({@code --broker-*}) is named.
 *
 * <pre>{@code
 * ./lfa serve --data-dir lfa-data --port 8443     # prints "ready https://127.0.0.1:8443 ..." when it serves
 * ./lfa serve --data-dir lfa-data --network network_5 --communities communities.yaml   # another ENWL network
 * ./lfa serve --data-dir lfa-data --db-url jdbc:postgresql://127.0.0.1:5432/lfa --db-user lfa \
 *     --db-password-file db.password --broker-url ssl://127.0.0.1:8883 --broker-ca broker-ca.pem \
 *     --broker-admin admin --broker-admin-password-file dynsec-admin.password
 * }</pre>
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the live platform: PostgreSQL, MQTT broker (TLS) and HTTPS API on 127.0.0.1; the "
                + "database and the broker are embedded unless --db-url or --broker-url names existing ones.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", required = true, description = "Database, TLS identity and operator.token.")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8443", description = "HTTPS API port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mqtt-port", defaultValue = "8883",
            description = "MQTT over TLS port of the embedded broker (default ${DEFAULT-VALUE}).")
    int mqttPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; anything else exposes the platform).")
    String bind;

    @ArgGroup(exclusive = false, heading = "%nAn existing PostgreSQL instead of the embedded one (all three):%n")
    ExternalDb db;

    @ArgGroup(exclusive = false, heading = "%nAn existing Mosquitto 2 with the dynamic-security plugin instead of the "
            + "embedded broker (all four):%n")
    ExternalBroker broker;

    /** Options that only make sense together: picocli names the missing ones. */
    static final class ExternalDb {
        @Option(names = "--db-url", required = true, paramLabel = "JDBC_URL",
                description = "jdbc:postgresql://HOST:PORT/DB; the user must own DB (Flyway creates the tables).")
        String url;

        @Option(names = "--db-user", required = true, paramLabel = "USER", description = "Database user.")
        String user;

        @Option(names = "--db-password-file", required = true, paramLabel = "FILE",
                description = "File holding the database password (a password never goes on a command line).")
        Path passwordFile;
    }

    static final class ExternalBroker {
        @Option(names = "--broker-url", required = true, paramLabel = "URL",
                description = "ssl://HOST:PORT of the Mosquitto TLS listener (plain MQTT is refused).")
        String url;

        @Option(names = "--broker-ca", required = true, paramLabel = "PEM",
                description = "Certificate(s) the broker's TLS certificate chains to; agents need it too.")
        Path ca;

        @Option(names = "--broker-admin", required = true, paramLabel = "USER",
                description = "A dynsec client with the plugin's admin role (mosquitto_ctrl dynsec init makes one).")
        String admin;

        @Option(names = "--broker-admin-password-file", required = true, paramLabel = "FILE",
                description = "File holding that admin's password.")
        Path adminPasswordFile;
    }

    @Option(names = "--scenario", defaultValue = CommunitySettings.DEFAULT_SCENARIO,
            description = "Scenario whose tariffs and local-market rule the community runs on (default "
                    + "${DEFAULT-VALUE}).")
    String scenario;

    @Mixin
    NetworkOptions networkOptions = new NetworkOptions();

    @Override
    public Integer call() throws InterruptedException {
        Platform.Config config = config();
        CommunitySettings settings = settings();
        quietBrokerLog();
        Platform platform = Platform.start(config, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "lfa-shutdown"));
        spec.commandLine().getOut().println("ready " + platform.apiUrl() + " mqtt " + platform.brokerUrl()
                + " operator token " + platform.dataDir().resolve("operator.token")
                + " certificate " + platform.dataDir().resolve("tls/server.crt")
                + (broker == null ? "" : " broker CA " + broker.ca.toAbsolutePath()));
        spec.commandLine().getOut().flush();
        platform.awaitStop();
        return 0;
    }

    /** The community's settings: the scenario, and the network (with its communities) the platform's DSO runs. */
    CommunitySettings settings() {
        return CommunitySettings.defaults().withScenario(scenario).withNetwork(networkOptions.settings());
    }

    /** The platform's configuration; a bad combination of options is a usage error that names the option. */
    Platform.Config config() {
        Platform.Config config = new Platform.Config(dataDir, bind, port, mqttPort);
        if (db != null) {
            if (!db.url.startsWith("jdbc:postgresql://")) {
                throw usage("--db-url must be jdbc:postgresql://HOST:PORT/DATABASE, not " + db.url);
            }
            config = config.withDatabase(new Platform.ExternalDatabase(db.url, db.user,
                    secret("--db-password-file", db.passwordFile)));
        }
        if (broker != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--mqtt-port")) {
                throw usage("--mqtt-port is the embedded broker's port; with --broker-url there is none");
            }
            if (!broker.url.matches("ssl://(\\[[0-9A-Fa-f:]+]|[^/:\\[\\]]+):\\d{1,5}")) {
                throw usage("--broker-url must be ssl://HOST:PORT (TLS only), not " + broker.url);
            }
            if (!Files.isRegularFile(broker.ca) || !Files.isReadable(broker.ca)) {
                throw usage("--broker-ca " + broker.ca + ": no such readable file");
            }
            config = config.withBroker(new Platform.ExternalBroker(broker.url, broker.ca, broker.admin,
                    secret("--broker-admin-password-file", broker.adminPasswordFile)));
        }
        return config;
    }

    /** The first line of a password file. */
    private String secret(String option, Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            int eol = s.indexOf('\n');
            s = (eol < 0 ? s : s.substring(0, eol)).strip();
            if (s.isEmpty()) {
                throw usage(option + " " + file + " is empty");
            }
            return s;
        } catch (java.nio.file.NoSuchFileException e) {
            throw usage(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw usage(option + " " + file + ": cannot read it (" + e + ")");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Moquette logs every MQTT packet at INFO; at a thousand agents that is the whole log. */
    static void quietBrokerLog() {
        System.setProperty("org.slf4j.simpleLogger.log.io.moquette", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
    }
}
