package org.openlfa.platform.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.platform.security.Authority;
import org.openlfa.protocol.mqtt.NoDelaySocketFactory;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Tls;

/**
 * The broker accounts of an external Mosquitto (2.0 or later), kept through its dynamic-security plugin: JSON
 * commands published to {@code $CONTROL/dynamic-security/v1} as the plugin's admin, over MQTT/TLS, answered on
 * {@code $CONTROL/dynamic-security/v1/response}.
 *
 * <p>Each agent gets a client (user name = client id = agent id, password = its token) and a role of its own,
 * {@code lfa-agent-<id>}, carrying exactly the rights of {@link Topics} for its kind ({@link #aclsOf}); the
 * platform's account {@code lfa-platform} may publish and subscribe everything under {@code lfa/#}. Anything no role
 * allows is denied ({@link #denyByDefault}). An error answer of the plugin is thrown as {@link CommandFailed} with
 * the broker's message.
 *
 * <pre>{@code
 * try (MosquittoDynsec dynsec = MosquittoDynsec.connect("ssl://mqtt.example.org:8883", Path.of("broker-ca.pem"),
 *         "admin", adminPassword)) {
 *     dynsec.register("F1_LOAD1", "cems", token);   // may now log in and publish its readings
 *     dynsec.revoke("F1_LOAD1");                    // account gone, connection closed by the broker
 * }
 * }</pre>
 */
public final class MosquittoDynsec implements BrokerAccounts, AutoCloseable {

    /** The plugin's command topic. */
    public static final String CONTROL_TOPIC = "$CONTROL/dynamic-security/v1";
    /** Where the plugin answers. */
    public static final String RESPONSE_TOPIC = CONTROL_TOPIC + "/response";
    /** Role name prefix of the per-agent roles. */
    public static final String AGENT_ROLE_PREFIX = "lfa-agent-";
    /** The platform account's role. */
    static final String PLATFORM_ROLE = "lfa-platform";

    private static final Logger LOG = LoggerFactory.getLogger(MosquittoDynsec.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ANSWER_TIMEOUT_MS = 15_000;
    /** The ids that ApiServer accepts; nothing here may widen an ACL topic ('+', '#', '/'). */
    private static final String AGENT_ID = "[A-Za-z0-9_.-]{1,64}";

    /** One ACL entry of a role: a dynsec ACL type and a topic (filter). Every entry allows. */
    public record Acl(String type, String topic) {
    }

    /** An error answer of the dynamic-security plugin. */
    public static final class CommandFailed extends IllegalStateException {
        private final String command;
        private final String brokerMessage;

        CommandFailed(String command, String subject, String brokerMessage) {
            super("Mosquitto dynsec " + command + (subject == null ? "" : " " + subject) + ": " + brokerMessage);
            this.command = command;
            this.brokerMessage = brokerMessage;
        }

        /** The dynsec command that failed, e.g. {@code createClient}. */
        public String command() {
            return command;
        }

        /** The broker's own words, e.g. {@code Client already exists}. */
        public String brokerMessage() {
            return brokerMessage;
        }
    }

    private final MqttAsyncClient client;
    private final Object oneAtATime = new Object();
    /** The answer awaited now; requests go one at a time, so at most one. */
    private volatile Waiting waiting;

    private record Waiting(String correlation, CompletableFuture<JsonNode> answer) {
    }

    private MosquittoDynsec(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * Connects as the plugin's admin.
     *
     * @param brokerUrl     {@code ssl://host:port}; plain {@code tcp://} is refused (passwords go over it)
     * @param caPem         the certificate(s) the broker's TLS certificate chains to; nothing else is trusted
     * @param adminUser     a dynsec client with the plugin's admin role (as made by {@code mosquitto_ctrl dynsec
     *                      init})
     * @param adminPassword its password
     */
    public static MosquittoDynsec connect(String brokerUrl, Path caPem, String adminUser, String adminPassword)
            throws MqttException {
        if (brokerUrl == null || !brokerUrl.startsWith("ssl://")) {
            throw new IllegalArgumentException("the broker URL must be ssl://HOST:PORT, not " + brokerUrl);
        }
        // A client id of its own per connection, so that a second admin session (mosquitto_ctrl, another platform
        // start) never takes this one over.
        String clientId = "lfa-dynsec-" + UUID.randomUUID().toString().substring(0, 8);
        MqttAsyncClient mqtt = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        MosquittoDynsec d = new MosquittoDynsec(mqtt);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(adminUser);
        o.setPassword(adminPassword.toCharArray());
        o.setSocketFactory(new NoDelaySocketFactory(Tls.clientContext(caPem).getSocketFactory()));
        o.setHttpsHostnameVerificationEnabled(true);
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setConnectionTimeout(30);
        o.setKeepAliveInterval(30);
        mqtt.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (!reconnect) {
                    return; // the first subscription is made and awaited in connect()
                }
                try {
                    mqtt.subscribe(RESPONSE_TOPIC, 1);
                } catch (MqttException e) {
                    LOG.warn("dynsec: cannot subscribe to the answers after reconnecting: {}", e.toString());
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("dynsec admin connection lost ({}), reconnecting", String.valueOf(cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                d.answered(message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        try {
            try {
                mqtt.connect(o).waitForCompletion(60_000);
            } catch (MqttException e) {
                throw new IllegalStateException("Mosquitto at " + brokerUrl + " did not let the dynsec admin "
                        + adminUser + " in: " + e.getMessage() + " (reason " + e.getReasonCode() + ")", e);
            }
            IMqttToken sub = mqtt.subscribe(RESPONSE_TOPIC, 1);
            sub.waitForCompletion(30_000);
            int[] granted = sub.getGrantedQos();
            if (granted != null && granted.length > 0 && granted[0] == 0x80) {
                throw new IllegalStateException("the broker refused " + adminUser + " the topic " + RESPONSE_TOPIC
                        + ": is it a client with the dynamic-security plugin's admin role?");
            }
            // Something harmless, so a broker without the plugin is reported here, not at the first registration.
            d.request(List.of(command("getDefaultACLAccess")));
        } catch (MqttException | RuntimeException e) {
            d.close();
            throw e;
        }
        LOG.info("dynsec admin {} connected to {}", adminUser, brokerUrl);
        return d;
    }

    /**
     * The rights of an agent of {@code role} ({@code cems}, {@code dso} or {@code aggregator}): what {@link Topics}
     * says it publishes and subscribes, nothing more. Receive rights are listed too, so the role works on a broker
     * whose default denies receiving as well.
     */
    public static List<Acl> aclsOf(String agentId, String role) {
        requireAgentId(agentId);
        List<Acl> acls = new ArrayList<>();
        boolean cems = "cems".equals(role);
        if (!cems && !"dso".equals(role) && !"aggregator".equals(role)) {
            throw new IllegalArgumentException("no broker rights for role " + role);
        }
        if (cems) {
            acls.add(new Acl("publishClientSend", Topics.readings(agentId)));
        }
        acls.add(new Acl("publishClientSend", Topics.outbox(agentId)));
        acls.add(new Acl("publishClientSend", Topics.status(agentId)));
        List<String> reads = new ArrayList<>();
        if (cems) {
            reads.add(Topics.ack(agentId));
        }
        reads.add(Topics.inbox(agentId));
        for (String t : reads) {
            acls.add(new Acl("subscribeLiteral", t));
            acls.add(new Acl("publishClientReceive", t));
        }
        acls.add(new Acl("subscribePattern", Topics.PRICES + "#"));
        acls.add(new Acl("publishClientReceive", Topics.PRICES + "#"));
        return acls;
    }

    /** The platform's rights: everything under {@code lfa/}. */
    static List<Acl> platformAcls() {
        return List.of(new Acl("publishClientSend", "lfa/#"), new Acl("subscribePattern", "lfa/#"),
                new Acl("publishClientReceive", "lfa/#"));
    }

    /**
     * Sets the broker's defaults to deny publishing and subscribing where no role allows it (what {@code mosquitto_ctrl
     * dynsec init} sets too): the roles above are then the only rights an agent has.
     */
    public void denyByDefault() {
        ObjectNode c = command("setDefaultACLAccess");
        ArrayNode acls = c.putArray("acls");
        acls.addObject().put("acltype", "publishClientSend").put("allow", false);
        acls.addObject().put("acltype", "subscribe").put("allow", false);
        check(c, null, request(List.of(c)).get(0));
    }

    @Override
    public void register(String agentId, String role, String token) {
        List<Acl> acls = aclsOf(agentId, role);
        upsert(agentId, agentId, token, AGENT_ROLE_PREFIX + agentId, acls);
        LOG.info("dynsec: {} may log in as a {}", agentId, role);
    }

    /**
     * Creates the platform's account, or gives it a new password (each start has its own, kept in memory only). No
     * client id is tied to it, so that several platform clients can be connected at once under their own ids.
     */
    public void registerPlatform(String user, String password) {
        upsert(user, null, password, PLATFORM_ROLE, platformAcls());
        LOG.info("dynsec: platform account {} ready", user);
    }

    /** Deletes the agent's account (the broker disconnects it) and its role. An unknown agent is no error. */
    @Override
    public void revoke(String agentId) {
        requireAgentId(agentId);
        ObjectNode delete = command("deleteClient").put("username", agentId);
        JsonNode r = request(List.of(delete)).get(0);
        if (!says(r, "not found")) {
            check(delete, agentId, r);
        }
        ObjectNode deleteRole = command("deleteRole").put("rolename", AGENT_ROLE_PREFIX + agentId);
        JsonNode rr = request(List.of(deleteRole)).get(0);
        if (!says(rr, "not found")) {
            check(deleteRole, agentId, rr);
        }
        LOG.info("dynsec: {} revoked", agentId);
    }

    /** The role with exactly {@code acls}, then the client with it and the password: created, or brought up to date. */
    private void upsert(String user, String clientId, String password, String roleName, List<Acl> acls) {
        ensureRole(roleName, acls);
        ObjectNode create = command("createClient").put("username", user).put("password", password);
        if (clientId != null) {
            create.put("clientid", clientId);
        }
        create.putArray("roles").addObject().put("rolename", roleName).put("priority", -1);
        JsonNode r = request(List.of(create)).get(0);
        if (!says(r, "already exists")) {
            check(create, user, r);
            return;
        }
        // It exists (token rotation, a platform restart): new password, the one role, the client id, enabled.
        ObjectNode setPassword = command("setClientPassword").put("username", user).put("password", password);
        ObjectNode modify = command("modifyClient").put("username", user).put("clientid",
                clientId == null ? "" : clientId);
        modify.putArray("roles").addObject().put("rolename", roleName).put("priority", -1);
        ObjectNode enable = command("enableClient").put("username", user);
        List<ObjectNode> commands = List.of(setPassword, modify, enable);
        List<JsonNode> answers = request(commands);
        for (int i = 0; i < commands.size(); i++) {
            check(commands.get(i), user, answers.get(i));
        }
    }

    /**
     * The role with exactly these ACLs. An existing role is compared with what it should be, and only the
     * differences are sent: the role stays in force for its connected client meanwhile.
     */
    private void ensureRole(String roleName, List<Acl> acls) {
        ObjectNode create = command("createRole").put("rolename", roleName);
        ArrayNode list = create.putArray("acls");
        for (Acl a : acls) {
            list.addObject().put("acltype", a.type()).put("topic", a.topic()).put("priority", 0).put("allow", true);
        }
        JsonNode r = request(List.of(create)).get(0);
        if (!says(r, "already exists")) {
            check(create, roleName, r);
            return;
        }
        ObjectNode get = command("getRole").put("rolename", roleName);
        JsonNode role = check(get, roleName, request(List.of(get)).get(0)).path("data").path("role");
        Set<Acl> have = new LinkedHashSet<>();
        List<ObjectNode> changes = new ArrayList<>();
        for (JsonNode a : role.path("acls")) {
            Acl acl = new Acl(a.path("acltype").asText(), a.path("topic").asText());
            if (a.path("allow").asBoolean(false) && acls.contains(acl)) {
                have.add(acl);
            } else {
                changes.add(command("removeRoleACL").put("rolename", roleName).put("acltype", acl.type())
                        .put("topic", acl.topic()));
            }
        }
        for (Acl a : acls) {
            if (!have.contains(a)) {
                changes.add(command("addRoleACL").put("rolename", roleName).put("acltype", a.type())
                        .put("topic", a.topic()).put("priority", 0).put("allow", true));
            }
        }
        if (!changes.isEmpty()) {
            List<JsonNode> answers = request(changes);
            for (int i = 0; i < changes.size(); i++) {
                check(changes.get(i), roleName, answers.get(i));
            }
            LOG.info("dynsec: role {} brought up to date ({} changes)", roleName, changes.size());
        }
    }

    /** An id that could widen an ACL topic ('+', '#', '/') or take the platform's account is refused here too. */
    private static void requireAgentId(String agentId) {
        if (agentId == null || !agentId.matches(AGENT_ID) || agentId.equals(Authority.PLATFORM)) {
            throw new IllegalArgumentException("not an agent id for the broker: " + agentId);
        }
    }

    /** A command object for {@link #request}. */
    public static ObjectNode command(String name) {
        return JSON.createObjectNode().put("command", name);
    }

    private static boolean says(JsonNode answer, String words) {
        String error = answer.path("error").asText(null);
        return error != null && error.toLowerCase(Locale.ROOT).contains(words);
    }

    private static JsonNode check(ObjectNode command, String subject, JsonNode answer) {
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            throw new CommandFailed(command.path("command").asText(), subject, error.asText());
        }
        return answer;
    }

    /**
     * Sends commands in one message and returns the plugin's answers in the same order. One request at a time: the
     * answers of the plugin then cannot be mixed up even by a plugin version that does not echo correlation data.
     */
    public List<JsonNode> request(List<ObjectNode> commands) {
        synchronized (oneAtATime) {
            String correlation = UUID.randomUUID().toString();
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("commands");
            for (int i = 0; i < commands.size(); i++) {
                list.add(commands.get(i).deepCopy().put("correlationData", correlation + "/" + i));
            }
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            waiting = new Waiting(correlation, answer);
            try {
                client.publish(CONTROL_TOPIC, JSON.writeValueAsBytes(body), 1, false);
                JsonNode responses = answer.get(ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS).path("responses");
                if (responses.size() != commands.size()) {
                    throw new IllegalStateException("Mosquitto dynsec answered " + responses.size() + " of "
                            + names(commands) + ": " + responses);
                }
                List<JsonNode> out = new ArrayList<>();
                responses.forEach(out::add);
                return out;
            } catch (TimeoutException e) {
                throw new IllegalStateException("Mosquitto dynsec: no answer to " + names(commands) + " within "
                        + ANSWER_TIMEOUT_MS + " ms (is the dynamic-security plugin loaded, and does this user have "
                        + "its admin role?)");
            } catch (MqttException | IOException e) {
                throw new IllegalStateException("Mosquitto dynsec: cannot send " + names(commands) + ": " + e, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Mosquitto dynsec", e);
            } finally {
                waiting = null;
            }
        }
    }

    private static String names(List<ObjectNode> commands) {
        return commands.stream().map(c -> c.path("command").asText()).toList().toString();
    }

    private void answered(byte[] payload) {
        Waiting w = waiting;
        if (w == null) {
            return; // an answer to another admin session, or one that came too late
        }
        JsonNode n;
        try {
            n = JSON.readTree(payload);
        } catch (IOException e) {
            LOG.warn("dynsec: unreadable answer ignored: {}", e.getMessage());
            return;
        }
        JsonNode first = n.path("responses").path(0);
        String correlation = first.path("correlationData").asText(null);
        // Every admin session gets every answer: take ours only. (One without correlation data is ours, being the
        // one request under way, unless it answers a command we did not send.)
        if (correlation == null || correlation.startsWith(w.correlation() + "/")) {
            w.answer().complete(n);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(500).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            LOG.debug("dynsec close: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("dynsec close: {}", e.toString());
        }
    }
}
