package org.openlfa.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openlfa.server.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfa serve}: the live platform on embedded defaults (PostgreSQL, MQTT broker over TLS, HTTPS API), until
 * SIGTERM.
 *
 * <pre>{@code
 * ./lfa serve --data-dir lfa-data --port 8443     # prints "ready https://127.0.0.1:8443 ..." when it serves
 * }</pre>
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the live platform: embedded PostgreSQL, MQTT broker (TLS) and HTTPS API on 127.0.0.1.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", required = true, description = "Database, TLS identity and operator.token.")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8443", description = "HTTPS API port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mqtt-port", defaultValue = "8883", description = "MQTT over TLS port (default ${DEFAULT-VALUE}).")
    int mqttPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; anything else exposes the platform).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        quietBrokerLog();
        Platform platform = Platform.start(new Platform.Config(dataDir, bind, port, mqttPort));
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "lfa-shutdown"));
        spec.commandLine().getOut().println("ready " + platform.apiUrl() + " mqtt " + platform.brokerUrl()
                + " operator token " + platform.dataDir().resolve("operator.token")
                + " certificate " + platform.dataDir().resolve("tls/server.crt"));
        spec.commandLine().getOut().flush();
        platform.awaitStop();
        return 0;
    }

    /** Moquette logs every MQTT packet at INFO; at a thousand agents that is the whole log. */
    static void quietBrokerLog() {
        System.setProperty("org.slf4j.simpleLogger.log.io.moquette", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
    }
}
