package org.openlfa.platform.embedded;

/**
 * Who may log in to the embedded broker and use which topic: the platform's access rules, as the broker asks for
 * them. The embedded broker knows nothing else of the platform.
 *
 * <pre>{@code
 * EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 8883, tls, authority, dataDir.resolve("broker"));
 * }</pre>
 */
public interface BrokerAccessPolicy {

    /** Whether {@code user} may connect as {@code clientId} with {@code password}. */
    boolean brokerLogin(String clientId, String user, byte[] password);

    /** Whether {@code user} may publish on {@code topic}. */
    boolean mayPublish(String user, String topic);

    /** Whether {@code user} may subscribe to {@code topic} (a filter, possibly with wildcards). */
    boolean maySubscribe(String user, String topic);
}
