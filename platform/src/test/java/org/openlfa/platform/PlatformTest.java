package org.openlfa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.cems.ApiClient;
import org.openlfa.cems.CemsClient;
import org.openlfa.protocol.WireCodec;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Tls;
import org.openlfa.community.HomeProfile;

/** The platform with its real embedded parts (PostgreSQL, Moquette over TLS, HTTPS), driven over the network. */
class PlatformTest {

    @TempDir
    static Path dir;
    static Platform platform;
    static ApiClient api;
    static String operator;
    static Path ca;

    /** Per message id, the acknowledgement status and reason (the last one). */
    static final Map<String, String> ACKS = new ConcurrentHashMap<>();
    /** Per message id, how many acknowledgements came. */
    static final Map<String, AtomicInteger> ACK_COUNTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        platform = Platform.start(new Platform.Config(dir.resolve("data"), "127.0.0.1", 0, 0));
        ca = dir.resolve("data/tls/server.crt");
        api = new ApiClient(platform.apiUrl(), ca);
        operator = Files.readString(dir.resolve("data/operator.token")).trim();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    static CemsClient agent(String id) throws MqttException {
        String token = api.registerAgent(operator, id, "cems");
        return CemsClient.connect(platform.apiUrl(), id, token, ca,
                (mid, status, reason, ms) -> {
                    ACKS.put(mid, status + (reason == null ? "" : ": " + reason));
                    ACK_COUNTS.computeIfAbsent(mid, k -> new AtomicInteger()).incrementAndGet();
                });
    }

    static int acks(UUID id) {
        AtomicInteger n = ACK_COUNTS.get(id.toString());
        return n == null ? 0 : n.get();
    }

    static long readings(String prefix) {
        return api.get("/api/stats?agentPrefix=" + prefix, operator).body().get("readingsOfPrefix").asLong();
    }

    @Test
    void firstStartCreatesSecretsWithTightModes() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/operator.token"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("data/operator.token")).trim()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("data/tls/keystore.password")))).isEqualTo("rw-------");
        assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void agentsOfStudyHomesPublishReadingsThatAreStoredAndCounted() throws Exception {
        HomeProfile home = HomeProfile.of("F1_LOAD1", "2030Green-High", 15);
        List<CemsClient> agents = List.of(agent("e2e-F1_LOAD1"), agent("e2e-F1_LOAD2"), agent("e2e-F2_LOAD1"));
        long before = api.get("/api/stats", operator).body().get("readings").asLong();
        Instant t0 = Instant.parse("2030-01-15T00:00:00Z");
        for (int ptu = 0; ptu < 8; ptu++) {
            Instant at = t0.plusSeconds(900L * ptu);
            for (CemsClient a : agents) {
                a.sendReading(at.toEpochMilli(), 15, home.netInKw(at), home.billInEur(at));
            }
        }
        for (CemsClient a : agents) {
            assertThat(a.awaitAcknowledged(20_000)).as(a.agentId()).isTrue();
            a.close();
        }
        assertThat(readings("e2e-")).isEqualTo(24);
        assertThat(api.get("/api/stats", operator).body().get("readings").asLong()).isGreaterThanOrEqualTo(before + 24);
        ApiClient.Response openapi = api.get("/openapi.json", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body().get("paths").has("/api/stats")).isTrue();
    }

    @Test
    void duplicateDeliveryIsStoredOnce() throws Exception {
        try (CemsClient a = agent("dup-1")) {
            UUID id = UUID.randomUUID();
            byte[] payload = WireCodec.encode(WireCodec.reading(id, "dup-1", Instant.parse("2030-01-15T00:00:00Z")
                    .toEpochMilli(), 15, 0.5, 0.02, System.currentTimeMillis()));
            a.sendRaw(id.toString(), payload);
            assertThat(a.awaitAcknowledged(10_000)).isTrue();
            a.sendRaw(id.toString(), payload);
            a.sendRaw(id.toString(), payload);
            // all three copies answered (the outbox forgets the id at the first ack, so count them)
            LiveTesting.until("three acknowledgements of " + id, () -> acks(id) >= 3, Duration.ofSeconds(10));
            assertThat(ACKS.get(id.toString())).isEqualTo("duplicate");
            assertThat(readings("dup-")).isEqualTo(1);
        }
    }

    @Test
    void badMessagesAreRejectedWithAReasonWhileOthersAreKept() throws Exception {
        try (CemsClient bad = agent("bad-1"); CemsClient good = agent("good-1")) {
            long t = Instant.parse("2030-06-01T12:00:00Z").toEpochMilli();
            String malformed = UUID.randomUUID().toString();
            bad.sendRaw(malformed, ("{\"messageId\":\"" + malformed + "\", oops").getBytes(StandardCharsets.UTF_8));
            UUID outOfRange = UUID.randomUUID();
            bad.sendRaw(outOfRange.toString(), WireCodec.encode(WireCodec.reading(outOfRange, "bad-1", t, 15, 5000,
                    0.1, System.currentTimeMillis())));
            UUID wrongSender = UUID.randomUUID();
            bad.sendRaw(wrongSender.toString(), WireCodec.encode(WireCodec.reading(wrongSender, "good-1", t, 15, 1,
                    0.1, System.currentTimeMillis())));
            UUID notANumber = UUID.randomUUID();
            bad.sendRaw(notANumber.toString(), new String(WireCodec.encode(WireCodec.reading(notANumber, "bad-1", t,
                    15, 1.25, 0.1, System.currentTimeMillis())), StandardCharsets.UTF_8).replace("1.25", "\"x\"")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 10; i++) {
                good.sendReading(t + i * 900_000L, 15, 0.1 * i, 0.01);
            }
            assertThat(good.awaitAcknowledged(10_000)).isTrue();
            assertThat(bad.awaitAcknowledged(10_000)).isTrue();
            assertThat(ACKS.get(malformed)).isEqualTo("rejected: malformed JSON");
            assertThat(ACKS.get(outOfRange.toString())).startsWith("rejected: out of range: netInKw");
            assertThat(ACKS.get(wrongSender.toString())).startsWith("rejected: wrong sender");
            assertThat(ACKS.get(notANumber.toString())).startsWith("rejected: malformed: netInKw");
            assertThat(readings("good-")).isEqualTo(10);
            assertThat(readings("bad-")).isZero();
            assertThat(api.get("/api/rejections", operator).body().toString()).contains("bad-1: wrong sender");
        }
    }

    @Test
    void brokerRefusesUnknownAgentsAndPublishingAsAnother() throws Exception {
        assertThatThrownBy(() -> CemsClient.connectBroker(platform.brokerUrl(), "nobody-1", "not-a-token",
                Tls.clientContext(ca), null)).isInstanceOf(MqttException.class);
        String victimToken = api.registerAgent(operator, "victim-1", "cems");
        assertThatThrownBy(() -> CemsClient.connectBroker(platform.brokerUrl(), "victim-1", "wrong",
                Tls.clientContext(ca), null)).isInstanceOf(MqttException.class);
        assertThat(victimToken).isNotBlank();
        // An agent publishing on another agent's topic: the broker's ACL drops it, nothing is stored.
        String token = api.registerAgent(operator, "intruder-1", "cems");
        var raw = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(platform.brokerUrl(), "intruder-1",
                new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        var o = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
        o.setUserName("intruder-1");
        o.setPassword(token.toCharArray());
        o.setSocketFactory(Tls.clientContext(ca).getSocketFactory());
        raw.connect(o).waitForCompletion(30_000);
        UUID id = UUID.randomUUID();
        try {
            // the broker answers a refused publish with nothing: not awaited
            raw.publish(Topics.readings("victim-1"), WireCodec.encode(WireCodec.reading(id, "victim-1",
                    Instant.parse("2030-01-15T00:00:00Z").toEpochMilli(), 15, 1, 0.1, System.currentTimeMillis())),
                    1, false);
            // the broker has decided on it (its SUBACK comes after), and the intake has taken all the broker passed
            // on before a later reading of another agent, which it acknowledged
            LiveTesting.brokerHandledAllOf(raw, Topics.ack("intruder-1"));
            LiveTesting.intakeHandledAllBefore(platform, dir.resolve("data"), "probe-intruder");
            assertThat(readings("victim-")).isZero();
        } finally {
            raw.disconnectForcibly(0, 1000);   // a plain disconnect would wait for the dropped publish
            raw.close(true);
        }
    }

    @Test
    void apiRefusesUnauthenticatedAndForbiddenCalls() throws Exception {
        String cems = api.registerAgent(operator, "api-home-1", "cems");
        api.registerAgent(operator, "api-home-2", "cems");
        String dso = api.registerAgent(operator, "api-dso-1", "dso");
        // 401: no token, unknown token
        assertThat(api.get("/api/stats", null).status()).isEqualTo(401);
        assertThat(api.get("/api/stats", "made-up").status()).isEqualTo(401);
        assertThat(api.get("/api/readings", null).status()).isEqualTo(401);
        assertThat(api.post("/api/agents", null, "{\"id\":\"x\"}").status()).isEqualTo(401);
        // 403: each role outside its rights
        assertThat(api.get("/api/stats", cems).status()).isEqualTo(403);
        assertThat(api.get("/api/stats", dso).status()).isEqualTo(403);
        assertThat(api.get("/api/rejections", cems).status()).isEqualTo(403);
        assertThat(api.post("/api/agents", cems, "{\"id\":\"evil\",\"role\":\"cems\"}").status()).isEqualTo(403);
        assertThat(api.post("/api/agents", dso, "{\"id\":\"evil\",\"role\":\"cems\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/readings?agent=api-home-2", cems).status()).isEqualTo(403);
        assertThat(api.get("/api/readings?agent=api-home-1", dso).status()).isEqualTo(403);
        // allowed
        assertThat(api.get("/api/readings", cems).status()).isEqualTo(200);
        assertThat(api.get("/api/readings?agent=api-home-2", operator).status()).isEqualTo(200);
        assertThat(api.get("/api/me", dso).body().get("role").asText()).isEqualTo("dso");
        assertThat(api.get("/api/stats", operator).body().has("readings")).isTrue();
        // bad input
        assertThat(api.post("/api/agents", operator, "{\"id\":\"../x\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/agents", operator, "{\"id\":\"api-home-1\"}").status()).isEqualTo(409);
        assertThat(api.post("/api/agents", operator, "not json").status()).isEqualTo(400);
    }

    @Test
    void plainHttpIsRefused() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String url = platform.apiUrl().replace("https://", "http://") + "/api/health";
        boolean answered;
        try {
            HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            answered = r.statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            answered = false;
        }
        assertThat(answered).isFalse();
        assertThat(api.get("/api/health", null).status()).isEqualTo(200);
    }
}
