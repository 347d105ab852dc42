package org.openlfa.platform.embedded;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.openlfa.protocol.security.Tls;

/**
 * The embedded MQTT broker (Moquette): MQTT over TLS only (no plain port), on 127.0.0.1, no anonymous clients,
 * every login and every publish and subscribe checked by the platform's {@link BrokerAccessPolicy}.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final Server server = new Server();
    private final int port;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    public static EmbeddedBroker start(String host, int port, Tls tls, BrokerAccessPolicy authority,
                                       java.nio.file.Path dataPath) {
        Properties p = new Properties();
        p.setProperty("host", host);
        p.setProperty("data_path", dataPath.toString());
        p.setProperty("port", "disabled");   // plain MQTT is refused: TLS only
        p.setProperty("websocket_port", "disabled");
        p.setProperty("ssl_port", Integer.toString(port));
        p.setProperty("allow_anonymous", "false");
        p.setProperty("allow_zero_byte_client_id", "false");
        // Nothing is kept by the broker: a reading counts as accepted only once the platform acknowledged it after
        // its database commit, and agents resend what was not acknowledged.
        p.setProperty("persistence_enabled", "false");
        p.setProperty("immediate_buffer_flush", "true");
        p.setProperty("netty.tcp_nodelay", "true");
        p.setProperty("netty.mqtt.message_size", "8192");
        // Moquette reports usage to its authors by default; a grid platform phones nobody.
        p.setProperty("telemetry_enabled", "false");
        IAuthenticator auth = authority::brokerLogin;
        IAuthorizatorPolicy acl = new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                return authority.mayPublish(user, topic.toString());
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                return authority.maySubscribe(user, topic.toString());
            }
        };
        EmbeddedBroker b = new EmbeddedBroker(port);
        try {
            b.server.startServer(new MemoryConfig(p), List.of(), () -> {
                try {
                    return SslContextBuilder.forServer(tls.keyManagers()).sslProvider(SslProvider.JDK)
                            .protocols("TLSv1.3", "TLSv1.2").clientAuth(ClientAuth.NONE).build();
                } catch (SSLException e) {
                    throw new IllegalStateException(e);
                }
            }, auth, acl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b;
    }

    public int port() {
        return port;
    }

    /** Agents connected now. */
    public int connectedClients() {
        return server.listConnectedClients().size();
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
