package org.openlfa.server;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds a token, and what each role may do: the one place that decides, for the broker and the API alike.
 *
 * <p>Roles: {@code operator} (everything; its token is {@code DIR/operator.token}), {@code dso} (grid state and
 * aggregates), {@code cems} (a home's energy box: its own topic and its own data only), and the platform's own
 * ingest client (a random password that lives only in this process).
 */
final class Authority {

    /** An authenticated caller. */
    record Principal(String id, String role) {
    }

    static final String OPERATOR = "operator";
    static final String PLATFORM = "lfa-platform";

    private final Store store;
    private final byte[] operatorHash;
    private final byte[] platformHash;
    private final Map<String, Store.Agent> agents = new ConcurrentHashMap<>();

    Authority(Store store, String operatorToken, String platformPassword) {
        this.store = store;
        this.operatorHash = Secrets.hash(operatorToken);
        this.platformHash = Secrets.hash(platformPassword);
    }

    /** The holder of a bearer token, if any (API). */
    Optional<Principal> byToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        byte[] h = Secrets.hash(token);
        if (Secrets.sameHash(h, operatorHash)) {
            return Optional.of(new Principal(OPERATOR, OPERATOR));
        }
        try {
            return store.agentByToken(h).map(a -> new Principal(a.id(), a.role()));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Broker login: the client id must be the user name, so that an agent has one session and cannot take over
     * another agent's session; the password is the agent's token.
     */
    boolean brokerLogin(String clientId, String user, byte[] password) {
        if (user == null || password == null || !user.equals(clientId)) {
            return false;
        }
        String pw = new String(password, java.nio.charset.StandardCharsets.UTF_8);
        if (PLATFORM.equals(user)) {
            return Secrets.sameHash(Secrets.hash(pw), platformHash);
        }
        Store.Agent a = agent(user);
        return a != null && Secrets.sameHash(Secrets.hash(pw), a.tokenSha256());
    }

    /** Broker ACL, publish: a CEMS only on its own readings topic; the platform everywhere. */
    boolean mayPublish(String user, String topic) {
        if (PLATFORM.equals(user)) {
            return true;
        }
        Store.Agent a = agent(user);
        return a != null && "cems".equals(a.role()) && topic.equals(Topics.readings(user));
    }

    /** Broker ACL, subscribe: a CEMS only its own acknowledgements and the public prices; the platform everything. */
    boolean maySubscribe(String user, String topic) {
        if (PLATFORM.equals(user)) {
            return true;
        }
        Store.Agent a = agent(user);
        return a != null && (topic.equals(Topics.ack(user)) || topic.startsWith(Topics.PRICES));
    }

    void remember(Store.Agent a) {
        agents.put(a.id(), a);
    }

    private Store.Agent agent(String id) {
        Store.Agent a = agents.get(id);
        if (a == null) {
            try {
                a = store.agent(id).orElse(null);
            } catch (SQLException e) {
                return null;
            }
            if (a != null) {
                agents.put(id, a);
            }
        }
        return a;
    }
}
