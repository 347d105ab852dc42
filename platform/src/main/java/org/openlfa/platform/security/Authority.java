package org.openlfa.platform.security;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openlfa.platform.live.UftpLink;
import org.openlfa.platform.store.Store;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Secrets;
import org.openlfa.platform.embedded.BrokerAccessPolicy;

/**
 * Who holds a token, and what each role may do: the one place that decides, for the broker and the API alike.
 *
 * <p>Roles: {@code operator} (everything; its token is {@code DIR/operator.token}), {@code dso} (grid state and
 * aggregates), {@code cems} (a home's energy box: its own topic and its own data only), and the platform's own
 * ingest client (a random password that lives only in this process).
 */
public final class Authority implements BrokerAccessPolicy {

    /** An authenticated caller. */
    public record Principal(String id, String role) {
    }

    public static final String OPERATOR = "operator";
    public static final String PLATFORM = "lfa-platform";

    private final Store store;
    private final byte[] operatorHash;
    private final byte[] platformHash;
    private final Map<String, Store.Agent> agents = new ConcurrentHashMap<>();
    /** Agents revoked since start; after a restart their random token hash alone keeps them out. */
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    public Authority(Store store, String operatorToken, String platformPassword) {
        this.store = store;
        this.operatorHash = Secrets.hash(operatorToken);
        this.platformHash = Secrets.hash(platformPassword);
    }

    /** The holder of a bearer token, if any (API). */
    public Optional<Principal> byToken(String token) {
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
    @Override
    public boolean brokerLogin(String clientId, String user, byte[] password) {
        // the platform runs several clients (intake, agents), each with its own client id under the one user
        boolean platformClient = PLATFORM.equals(user) && clientId != null && clientId.startsWith(PLATFORM);
        if (user == null || password == null || !(user.equals(clientId) || platformClient)) {
            return false;
        }
        String pw = new String(password, java.nio.charset.StandardCharsets.UTF_8);
        if (PLATFORM.equals(user)) {
            return Secrets.sameHash(Secrets.hash(pw), platformHash);
        }
        if (isReserved(user)) {
            return false; // the platform's own agents' inboxes carry signed UFTP: nobody may log in as them
        }
        Store.Agent a = agent(user);
        return a != null && Secrets.sameHash(Secrets.hash(pw), a.tokenSha256());
    }

    /**
     * Broker ACL, publish: an agent only on its own outbox and status topics, a CEMS also on its readings topic; the
     * platform everywhere.
     */
    @Override
    public boolean mayPublish(String user, String topic) {
        if (PLATFORM.equals(user)) {
            return true;
        }
        Store.Agent a = agent(user);
        if (a == null) {
            return false;
        }
        return topic.equals(Topics.outbox(user)) || topic.equals(Topics.status(user))
                || "cems".equals(a.role()) && topic.equals(Topics.readings(user));
    }

    /**
     * Broker ACL, subscribe: an agent only its own inbox and acknowledgements, and the public prices; the platform
     * everything.
     */
    @Override
    public boolean maySubscribe(String user, String topic) {
        if (PLATFORM.equals(user)) {
            return true;
        }
        Store.Agent a = agent(user);
        return a != null && (topic.equals(Topics.ack(user)) || topic.equals(Topics.inbox(user))
                || topic.startsWith(Topics.PRICES));
    }

    /** Names of the platform's own agents, which no registered agent may take. */
    public static boolean isReserved(String agentId) {
        return PLATFORM.equals(agentId) || OPERATOR.equals(agentId) || UftpLink.AGGREGATOR.agentId().equals(agentId)
                || UftpLink.DSO.agentId().equals(agentId) || agentId.startsWith(PLATFORM);
    }

    /** Whether {@code agentId} is a registered energy box (a member of the community). */
    public boolean isCems(String agentId) {
        Store.Agent a = agent(agentId);
        return a != null && "cems".equals(a.role());
    }

    public void remember(Store.Agent a) {
        agents.put(a.id(), a);
    }

    /**
     * Drops what is cached of an agent, so that the next broker check reads the register again: after a token
     * rotation the old token stops opening the broker at once.
     */
    public void forget(String id) {
        agents.remove(id);
    }

    /**
     * Refuses a revoked agent from now on, at the broker too: its token hash is already random in the register (no
     * new login), and this also stops a session it still has open from publishing or subscribing.
     */
    public void revoke(String id) {
        revoked.add(id);
        agents.remove(id);
    }

    private Store.Agent agent(String id) {
        if (revoked.contains(id)) {
            return null;
        }
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
