package org.openlfa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.cems.ApiClient;
import org.openlfa.cems.CemsClient;
import org.openlfa.platform.broker.MosquittoDynsec;
import org.openlfa.platform.security.Authority;
import org.openlfa.protocol.WireCodec;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Secrets;
import org.openlfa.protocol.security.Tls;

/**
 * The platform against an external PostgreSQL 15 and an external Mosquitto (Debian's packages, each a process of its
 * own, see {@link DebianServices}): no embedded database or broker, the agents' broker accounts kept through
 * Mosquitto's dynamic-security plugin. Skipped where the packages are missing, except in CI ({@code CI=true}), where
 * that is a failure: {@code .ci/run} installs them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalServicesTest {

    @TempDir
    static Path dir;
    static DebianServices.Postgres postgres;
    static DebianServices.Mosquitto mosquitto;
    static Platform.Config config;
    static Platform platform;
    static ApiClient api;
    static String operator;
    /** The platform's API certificate and the broker's, in one file: what an agent's {@code --ca} is given. */
    static Path caBundle;

    /** Per message id, the acknowledgement status and reason. */
    static final Map<String, String> ACKS = new ConcurrentHashMap<>();
    static final long PTU_2030 = Instant.parse("2030-01-15T00:00:00Z").toEpochMilli();

    @BeforeAll
    static void start() throws Exception {
        DebianServices.requireOrSkip();
        postgres = DebianServices.Postgres.start(dir.resolve("postgres"));
        mosquitto = DebianServices.Mosquitto.start(dir.resolve("mosquitto"));
        config = new Platform.Config(dir.resolve("data"), "127.0.0.1", 0, 0)
                .withDatabase(postgres.createDatabase("lfa", "lfa", Secrets.newToken()))
                .withBroker(mosquitto.external());
        platform = Platform.start(config);
        operator = Files.readString(dir.resolve("data/operator.token")).trim();
        caBundle = dir.resolve("ca-bundle.pem");
        Files.writeString(caBundle, Files.readString(dir.resolve("data/tls/server.crt"))
                + Files.readString(mosquitto.caPem()));
        api = new ApiClient(platform.apiUrl(), caBundle);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static CemsClient agent(String id, String token) throws MqttException {
        return CemsClient.connect(platform.apiUrl(), id, token, caBundle,
                (mid, status, reason, ms) -> ACKS.put(mid, status + (reason == null ? "" : ": " + reason)));
    }

    static long readings(String prefix) {
        return api.get("/api/stats?agentPrefix=" + prefix, operator).body().get("readingsOfPrefix").asLong();
    }

    /** A bare MQTT connection as {@code user} (client id = user name, as the broker requires of agents). */
    static MqttAsyncClient raw(String user, String password) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(mosquitto.url(), user, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(user);
        o.setPassword(password.toCharArray());
        o.setSocketFactory(Tls.clientContext(mosquitto.caPem()).getSocketFactory());
        o.setHttpsHostnameVerificationEnabled(true);
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        try {
            c.connect(o).waitForCompletion(15_000);
        } catch (MqttException e) {
            c.close(true);
            throw e;
        }
        return c;
    }

    static int grantedQos(MqttAsyncClient c, String filter) throws MqttException {
        IMqttToken t = c.subscribe(filter, 1);
        t.waitForCompletion(10_000);
        return t.getGrantedQos()[0];
    }

    static void closeQuietly(MqttAsyncClient c) {
        try {
            if (c.isConnected()) {
                c.disconnect(200).waitForCompletion(2_000);
            }
            c.close(true);
        } catch (MqttException e) {
            // closing a test connection
        }
    }

    @Test
    @Order(1)
    void platformRunsOnTheExternalServicesOnly() throws IOException {
        assertThat(api.get("/api/health", null).status()).isEqualTo(200);
        assertThat(platform.brokerUrl()).isEqualTo(mosquitto.url());
        assertThat(platform.brokerAccounts()).isInstanceOf(MosquittoDynsec.class);
        assertThat(platform.postgresPid()).isEqualTo(-1);
        assertThat(dir.resolve("data/pg")).doesNotExist();
        assertThat(dir.resolve("data/broker")).doesNotExist();
        // the platform's broker password is in memory only: not in the data dir, and not in clear in the broker's
        String secret = platform.platformBrokerPassword();
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
            }
        }
        assertThat(Files.readString(mosquitto.dynsecFile())).contains("\"lfa-platform\"").doesNotContain(secret);
    }

    @Test
    @Order(2)
    void agentPublishesReadingsThatAreStoredAndAcknowledged() throws Exception {
        String token = api.registerAgent(operator, "ext-A", "cems");
        try (CemsClient a = agent("ext-A", token)) {
            List<UUID> sent = List.of(a.sendReading(PTU_2030, 15, 0.42, 0.013),
                    a.sendReading(PTU_2030 + 900_000, 15, -1.5, -0.04), a.sendReading(PTU_2030 + 1_800_000, 15, 2.0,
                            0.06));
            assertThat(a.awaitAcknowledged(30_000)).as("all acknowledged").isTrue();
            for (UUID id : sent) {
                assertThat(ACKS.get(id.toString())).isEqualTo("stored");
            }
        }
        assertThat(readings("ext-A")).isEqualTo(3);
        assertThat(api.get("/api/readings?agent=ext-A", operator).body()).hasSize(3);
    }

    @Test
    @Order(3)
    void mosquittoRefusesAWrongPasswordAndAnUnknownAgent() {
        api.registerAgent(operator, "ext-B", "cems");
        assertThatThrownBy(() -> raw("ext-B", "not-the-token")).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isIn((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION,
                        (int) MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThatThrownBy(() -> raw("ext-nobody", "whatever")).isInstanceOf(MqttException.class);
    }

    @Test
    @Order(4)
    void anAgentCannotPublishOrSubscribeOnAnotherAgentsTopics() throws Exception {
        String tokenC = api.registerAgent(operator, "ext-C", "cems");
        api.registerAgent(operator, "ext-D", "cems");
        MqttAsyncClient c = raw("ext-C", tokenC);
        try {
            assertThat(grantedQos(c, Topics.ack("ext-D"))).as("another agent's acks").isEqualTo(0x80);
            assertThat(grantedQos(c, "lfa/#")).as("everything").isEqualTo(0x80);
            assertThat(grantedQos(c, Topics.PRICES + "#")).as("the public prices").isEqualTo(1);
            assertThat(grantedQos(c, Topics.ack("ext-C"))).as("its own acks").isEqualTo(1);
            // A reading that would be valid for D, sent by C on D's topic: only the broker can stop it.
            byte[] forged = WireCodec.encode(WireCodec.reading(UUID.randomUUID(), "ext-D", PTU_2030, 15, 9.9, 0.3,
                    System.currentTimeMillis()));
            c.publish(Topics.readings("ext-D"), forged, 1, false).waitForCompletion(10_000);
            // Then C's own reading on the same connection: once it is acknowledged, the forged one (sent before it,
            // in order) would have been stored too, had the broker passed it on.
            Map<String, Boolean> acked = new ConcurrentHashMap<>();
            c.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage m) {
                    acked.put(WireCodec.readAck(m.getPayload())[0], true);
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            UUID own = UUID.randomUUID();
            c.publish(Topics.readings("ext-C"), WireCodec.encode(WireCodec.reading(own, "ext-C", PTU_2030, 15, 1.0,
                    0.03, System.currentTimeMillis())), 1, false).waitForCompletion(10_000);
            long end = System.currentTimeMillis() + 30_000;
            while (!acked.containsKey(own.toString()) && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertThat(acked).containsKey(own.toString());
        } finally {
            closeQuietly(c);
        }
        assertThat(readings("ext-C")).isEqualTo(1);
        assertThat(readings("ext-D")).isZero();
    }

    @Test
    @Order(5)
    void aRotatedTokenReplacesTheOldOneAndTheRoleIsExactlyTheTopicsRights() throws Exception {
        String old = api.registerAgent(operator, "ext-E", "cems");
        // A second admin session (as mosquitto_ctrl would be) widens the agent's role behind the platform's back;
        // the next registration must put it back to exactly what Topics gives a CEMS.
        try (MosquittoDynsec admin = MosquittoDynsec.connect(mosquitto.url(), mosquitto.caPem(),
                DebianServices.Mosquitto.ADMIN, mosquitto.adminPassword())) {
            String role = MosquittoDynsec.AGENT_ROLE_PREFIX + "ext-E";
            assertThat(admin.request(List.of(MosquittoDynsec.command("addRoleACL").put("rolename", role)
                    .put("acltype", "publishClientSend").put("topic", "lfa/#").put("allow", true))).get(0)
                    .has("error")).isFalse();
            ApiClient.Response r = api.post("/api/agents/ext-E/rotate", operator, "{}");
            assertThat(r.status()).isEqualTo(200);
            String fresh = r.body().get("token").asText();
            assertThatThrownBy(() -> raw("ext-E", old)).isInstanceOf(MqttException.class);
            closeQuietly(raw("ext-E", fresh));
            JsonNode acls = admin.request(List.of(MosquittoDynsec.command("getRole").put("rolename", role))).get(0)
                    .path("data").path("role").path("acls");
            List<MosquittoDynsec.Acl> have = new ArrayList<>();
            acls.forEach(a -> have.add(new MosquittoDynsec.Acl(a.path("acltype").asText(), a.path("topic").asText())));
            assertThat(have).containsExactlyInAnyOrderElementsOf(MosquittoDynsec.aclsOf("ext-E", "cems"));
        }
    }

    @Test
    @Order(6)
    void aRevokedAgentIsDisconnectedAndCannotConnectAgain() throws Exception {
        String token = api.registerAgent(operator, "ext-F", "cems");
        try (CemsClient f = agent("ext-F", token)) {
            f.sendReading(PTU_2030, 15, 0.5, 0.01);
            assertThat(f.awaitAcknowledged(30_000)).isTrue();
            HttpResponse<String> revoked = HttpClient.newBuilder().sslContext(Tls.clientContext(caBundle)).build()
                    .send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/agents/ext-F")).DELETE()
                            .header("Authorization", "Bearer " + operator).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            // the broker closes its connection, and its automatic reconnects are refused
            long end = System.currentTimeMillis() + 15_000;
            while (f.isConnected() && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
            assertThat(f.isConnected()).as("still connected after revocation").isFalse();
            Thread.sleep(3_000);
            assertThat(f.isConnected()).as("reconnected after revocation").isFalse();
        }
        assertThatThrownBy(() -> raw("ext-F", token)).isInstanceOf(MqttException.class);
        assertThat(Files.readString(mosquitto.dynsecFile())).doesNotContain("ext-F");
    }

    @Test
    @Order(7)
    void aWrongDynsecAdminPasswordStopsTheStartAndSaysWhy() {
        Platform.ExternalBroker b = mosquitto.external();
        Platform.Config wrong = config.withBroker(new Platform.ExternalBroker(b.url(), b.caPem(), b.adminUser(),
                "not-the-admin-password"));
        assertThatThrownBy(() -> Platform.start(new Platform.Config(dir.resolve("data2"), "127.0.0.1", 0, 0,
                wrong.database(), wrong.broker()))).hasMessageContaining("dynsec admin admin");
    }

    @Test
    @Order(8)
    void aRestartGivesThePlatformANewBrokerPasswordAndKeepsTheData() throws Exception {
        String before = platform.platformBrokerPassword();
        long stored = readings("ext-");
        platform.close();
        platform = Platform.start(config);
        api = new ApiClient(platform.apiUrl(), caBundle);
        assertThat(platform.platformBrokerPassword()).isNotEqualTo(before);
        assertThatThrownBy(() -> raw(Authority.PLATFORM, before)).isInstanceOf(MqttException.class);
        assertThat(readings("ext-")).isEqualTo(stored);
        // agents registered before the restart still work, through the new intake
        String token = api.post("/api/agents/ext-A/rotate", operator, "{}").body().get("token").asText();
        try (CemsClient a = agent("ext-A", token)) {
            a.sendReading(PTU_2030 + 2_700_000, 15, 0.1, 0.002);
            assertThat(a.awaitAcknowledged(30_000)).isTrue();
        }
        assertThat(readings("ext-A")).isEqualTo(4);
    }
}
