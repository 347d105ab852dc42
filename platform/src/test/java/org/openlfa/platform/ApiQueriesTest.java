package org.openlfa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.cems.ApiClient;
import org.openlfa.cems.CemsClient;
import org.openlfa.platform.api.ApiServer;
import org.openlfa.platform.api.Role;
import org.openlfa.platform.api.Route;
import org.openlfa.platform.broker.BrokerAccounts;
import org.openlfa.platform.security.Authority;
import org.openlfa.protocol.WireCodec;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Secrets;
import org.openlfa.protocol.security.Tls;

/**
 * The API's read side (prosumer summary, trades, market, flex, grid, agents) with exact figures from seeded rows;
 * its access matrix; token rotation and revocation at the API and at the broker; the rate limit; the dashboards'
 * static files and headers; the OpenAPI document.
 */
class ApiQueriesTest {

    @TempDir
    static Path dir;
    static Platform platform;
    static ApiClient api;
    static String operator;
    static Path ca;
    static Seeds seeds;
    static HttpClient http;

    static final long T0 = Instant.parse("2031-03-02T10:00:00Z").toEpochMilli();
    static final long PTU = 15 * 60_000L;

    @BeforeAll
    static void start() {
        platform = Platform.start(new Platform.Config(dir.resolve("data"), "127.0.0.1", 0, 0));
        ca = dir.resolve("data/tls/server.crt");
        api = new ApiClient(platform.apiUrl(), ca);
        operator = read(dir.resolve("data/operator.token"));
        seeds = Seeds.of(platform);
        http = HttpClient.newBuilder().sslContext(Tls.clientContext(ca)).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A raw request, for the status codes and headers ApiClient does not show. */
    static HttpResponse<String> raw(String method, String path, String token) throws Exception {
        return raw(platform.apiUrl(), method, path, token);
    }

    /** The same to the API at {@code base} ({@code https://HOST:PORT}). */
    static HttpResponse<String> raw(String base, String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prosumerSummaryAddsUpItsReadingsAndTrades() throws Exception {
        String home = api.registerAgent(operator, "sum-home", "cems");
        // PTU 1: imports 2 kW for 15 min = 0.5 kWh at 0.30 €/kWh; first reported wrong, then corrected (counts once)
        seeds.reading("sum-home", T0, 15, 9.0, 9.0, null, null);
        seeds.reading("sum-home", T0, 15, 2.0, 0.15, 3.0, 1.0);
        // PTU 2: exports 4 kW = 1 kWh, paid 0.10 €/kWh; load and PV not metered
        seeds.reading("sum-home", T0 + PTU, 15, -4.0, -0.10, null, null);
        seeds.clearing("sum-c", T0, 15, 0.20, 0.4, 1.0, 0.0, 2);
        seeds.clearing("sum-c", T0 + PTU, 15, 0.20, 0.6, 0.0, 1.0, 2);
        seeds.trade("sum-c", T0, "sum-home", "buy", 0.4, 0.20, 0.08);
        seeds.trade("sum-c", T0 + PTU, "sum-home", "sell", 0.6, 0.20, 0.12);

        JsonNode s = api.get("/api/prosumer/summary", home).body();
        assertThat(s.get("agent").asText()).isEqualTo("sum-home");
        assertThat(s.get("ptus").asInt()).isEqualTo(2);
        assertThat(s.get("importInKwh").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(s.get("exportInKwh").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(s.get("loadInKwh").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(s.get("pvInKwh").asDouble()).isCloseTo(0.25, within(1e-9));
        assertThat(s.get("billInEur").asDouble()).isCloseTo(0.05, within(1e-9));
        assertThat(s.get("localBoughtInKwh").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(s.get("localSoldInKwh").asDouble()).isCloseTo(0.6, within(1e-9));
        assertThat(s.get("localTradeAmountInEur").asDouble()).isCloseTo(0.08 - 0.12, within(1e-9));
        // bought 0.4 kWh at 0.20 instead of 0.30, sold 0.6 kWh at 0.20 instead of 0.10
        assertThat(s.get("savingsInEur").asDouble()).isCloseTo(0.4 * 0.10 + 0.6 * 0.10, within(1e-9));
        JsonNode series = s.get("series");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).get("ptuStartMs").asLong()).isEqualTo(T0);
        assertThat(series.get(0).get("netInKw").asDouble()).isEqualTo(2.0);
        assertThat(series.get(0).get("loadInKw").asDouble()).isEqualTo(3.0);
        assertThat(series.get(0).get("pvInKw").asDouble()).isEqualTo(1.0);
        assertThat(series.get(1).has("loadInKw")).as("not reported: left out").isFalse();
        assertThat(series.get(1).get("billInEur").asDouble()).isEqualTo(-0.10);
        // the operator sees the same, naming the home
        assertThat(api.get("/api/prosumer/summary?agent=sum-home", operator).body()).isEqualTo(s);

        // a home that reported nothing: zeros, and null where nothing was metered
        String quiet = api.registerAgent(operator, "sum-quiet", "cems");
        JsonNode q = api.get("/api/prosumer/summary", quiet).body();
        assertThat(q.get("ptus").asInt()).isZero();
        assertThat(q.get("loadInKwh").isNull()).isTrue();
        assertThat(q.get("pvInKwh").isNull()).isTrue();
        assertThat(q.get("savingsInEur").isNull()).isTrue();
        assertThat(q.get("series")).isEmpty();

        JsonNode trades = api.get("/api/trades", home).body();
        assertThat(trades).hasSize(2);
        assertThat(trades.get(0).get("side").asText()).as("newest first").isEqualTo("sell");
        assertThat(trades.get(0).get("ptuStartMs").asLong()).isEqualTo(T0 + PTU);
        assertThat(fields(trades.get(0))).containsExactly("community", "ptuStartMs", "agent", "side", "energyInKwh",
                "priceInEurPerKwh", "amountInEur");
        assertThat(api.get("/api/trades?limit=1", home).body()).hasSize(1);
        assertThat(api.get("/api/trades?agent=sum-home", operator).body()).isEqualTo(trades);
    }

    @Test
    void marketFlexGridAndAgentsShowTheirRowsNewestFirst() throws Exception {
        api.registerAgent(operator, "mkt-a", "cems");
        api.registerAgent(operator, "mkt-b", "cems");
        long t = T0 + 40 * PTU;
        seeds.clearing("mkt-c", t, 15, 0.18, 3.5, 1.25, 0.5, 5, "mkt-b");
        seeds.clearing("mkt-c", t + PTU, 15, 0.21, 4.0, 2.0, 0.0, 6);
        seeds.trade("mkt-c", t, "mkt-a", "buy", 1.5, 0.18, 0.27);
        seeds.flex("flex-1", "request", "dso.example", "agr.example", "conv-1", LocalDate.of(2031, 3, 2), null, 40.0,
                null, t);
        seeds.flex("flex-2", "order", "dso.example", "agr.example", "conv-1", LocalDate.of(2031, 3, 2), "flex-offer-1",
                35.0, 12.5, t + 1000);
        seeds.grid(t, "GREEN", 61.0, 0.985, 40.0, 55.5);
        seeds.grid(t + PTU, "RED", 112.5, 0.931, 98.0, 120.25, 33.0);
        seeds.event("mkt-b", "absent", t);
        seeds.event("mkt-b", "absent", t + PTU);
        seeds.event("mkt-b", "online", null);
        seeds.reading("mkt-a", t, 15, 1.0, 0.05, null, null);
        seeds.connected("mkt-a", true);

        JsonNode market = api.get("/api/market?limit=1000", operator).body();
        JsonNode mine = filter(market, "community", "mkt-c");
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("ptuStartMs").asLong()).isEqualTo(t + PTU);
        JsonNode older = mine.get(1);
        assertThat(fields(older)).containsExactly("community", "ptuStartMs", "ptuMinutes", "priceInEurPerKwh",
                "tradedInKwh", "gridImportInKwh", "gridExportInKwh", "participants", "absent");
        assertThat(older.get("priceInEurPerKwh").asDouble()).isEqualTo(0.18);
        assertThat(older.get("tradedInKwh").asDouble()).isEqualTo(3.5);
        assertThat(older.get("gridImportInKwh").asDouble()).isEqualTo(1.25);
        assertThat(older.get("gridExportInKwh").asDouble()).isEqualTo(0.5);
        assertThat(older.get("participants").asInt()).isEqualTo(5);
        assertThat(older.get("absent").toString()).isEqualTo("[\"mkt-b\"]");
        assertThat(api.get("/api/market?limit=1", operator).body()).hasSize(1);

        JsonNode flex = api.get("/api/flex", operator).body();
        JsonNode order = filter(flex, "messageId", "flex-2").get(0);
        assertThat(fields(order)).containsExactly("messageId", "kind", "senderDomain", "recipientDomain",
                "conversationId", "period", "referenceId", "powerInKw", "priceInEur", "receivedAtMs");
        assertThat(order.get("kind").asText()).isEqualTo("order");
        assertThat(order.get("period").asText()).isEqualTo("2031-03-02");
        assertThat(order.get("referenceId").asText()).isEqualTo("flex-offer-1");
        assertThat(order.get("priceInEur").asDouble()).isEqualTo(12.5);
        assertThat(order.get("receivedAtMs").asLong()).isEqualTo(t + 1000);
        assertThat(filter(flex, "messageId", "flex-1").get(0).get("priceInEur").isNull()).isTrue();
        assertThat(indexOf(flex, "flex-2")).as("newest first").isLessThan(indexOf(flex, "flex-1"));

        JsonNode grid = api.get("/api/grid", operator).body();
        assertThat(grid.get("latestRegime").asText()).isEqualTo("RED");
        JsonNode red = grid.get("ptus").get(0);
        assertThat(fields(red)).containsExactly("ptuStartMs", "regime", "transformerLoadingPct", "minVoltagePu",
                "feederPeakInKw");
        assertThat(red.get("ptuStartMs").asLong()).isEqualTo(t + PTU);
        assertThat(red.get("transformerLoadingPct").asDouble()).isEqualTo(112.5);
        assertThat(red.get("minVoltagePu").asDouble()).isEqualTo(0.931);
        assertThat(red.get("feederPeakInKw").toString()).isEqualTo("[98.0,120.25,33.0]");
        // all seeded PTUs lie in 2031: none is under way now
        assertThat(grid.get("currentRegime").isNull()).isTrue();

        JsonNode agents = api.get("/api/agents", operator).body();
        JsonNode a = filter(agents, "id", "mkt-a").get(0);
        assertThat(fields(a)).containsExactly("id", "role", "connected", "revoked", "lastReadingPtuMs", "readings",
                "absences");
        assertThat(a.get("role").asText()).isEqualTo("cems");
        assertThat(a.get("connected").asBoolean()).isTrue();
        assertThat(a.get("revoked").asBoolean()).isFalse();
        assertThat(a.get("lastReadingPtuMs").asLong()).isEqualTo(t);
        assertThat(a.get("readings").asLong()).isEqualTo(1);
        JsonNode b = filter(agents, "id", "mkt-b").get(0);
        assertThat(b.get("absences").asLong()).isEqualTo(2);
        assertThat(b.get("lastReadingPtuMs").isNull()).isTrue();
        assertThat(b.get("connected").asBoolean()).isFalse();

        // the DSO sees the aggregates too
        String dso = api.registerAgent(operator, "mkt-dso", "dso");
        assertThat(api.get("/api/grid", dso).body().get("latestRegime").asText()).isEqualTo("RED");
        assertThat(filter(api.get("/api/market?limit=1000", dso).body(), "community", "mkt-c")).hasSize(2);
        assertThat(api.get("/api/flex", dso).status()).isEqualTo(200);
    }

    @Test
    void eachRoleIsRefusedWhatIsNotItsOwn() throws Exception {
        // every route of the table: 401 without a token and with a made-up one, 403 (with the route's message) for
        // a role it does not list, neither for a role it lists; each route gets fresh agents, so that a rotation
        // or revocation cannot spoil the next one
        int n = 0;
        for (Route route : ApiServer.routes()) {
            String what = route.method() + " " + route.path();
            String method = route.method().name();
            if (route.isPublic()) {
                assertThat(raw(method, concrete(route.path(), "nobody"), null).statusCode()).as(what)
                        .isNotIn(401, 403);
                continue;
            }
            HttpResponse<String> none = raw(method, concrete(route.path(), "nobody"), null);
            assertThat(none.statusCode()).as(what + " without a token").isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).as(what).hasValue("Bearer");
            assertThat(raw(method, concrete(route.path(), "nobody"), "made-up").statusCode())
                    .as(what + " with a made-up token").isEqualTo(401);
            n++;
            for (Role role : Role.values()) {
                String id = role == Role.OPERATOR ? "nobody" : "acl-" + n + "-" + role.wireName();
                String token = role == Role.OPERATOR ? operator : api.registerAgent(operator, id, role.wireName());
                // a caller that names an agent names itself (the operator: one that does not exist)
                HttpResponse<String> r = raw(method, concrete(route.path(), id), token);
                if (route.roles().contains(role)) {
                    assertThat(r.statusCode()).as(role + " " + what + ": " + r.body()).isNotIn(401, 403);
                } else {
                    assertThat(r.statusCode()).as(role + " " + what).isEqualTo(403);
                    assertThat(r.body()).as(role + " " + what).contains(route.refusal());
                }
            }
        }
        assertThat(n).as("routes that need a token").isGreaterThanOrEqualTo(13);

        // within a route a role may call, what is not the caller's own
        String cems = api.registerAgent(operator, "acl-home-1", "cems");
        api.registerAgent(operator, "acl-home-2", "cems");
        String dso = api.registerAgent(operator, "acl-dso", "dso");
        for (String path : List.of("/api/prosumer/summary?agent=acl-home-2", "/api/trades?agent=acl-home-2",
                "/api/readings?agent=acl-home-2")) {
            assertThat(api.get(path, cems).status()).as("cems " + path).isEqualTo(403);
        }
        assertThat(raw("POST", "/api/agents/acl-home-2/rotate", cems).statusCode()).isEqualTo(403);
        assertThat(raw("POST", "/api/agents/acl-home-1/rotate", dso).statusCode()).isEqualTo(403);
        assertThat(raw("DELETE", "/api/agents/acl-home-1", cems).statusCode()).as("not even itself").isEqualTo(403);
        List<String> reads = List.of("/api/prosumer/summary?agent=acl-home-1", "/api/trades", "/api/market",
                "/api/flex", "/api/grid", "/api/agents");
        // allowed
        assertThat(api.get("/api/prosumer/summary", cems).status()).isEqualTo(200);
        assertThat(api.get("/api/prosumer/summary?agent=acl-home-1", cems).status()).isEqualTo(200);
        assertThat(api.get("/api/trades?agent=acl-home-1", cems).status()).isEqualTo(200);
        for (String path : List.of("/api/market", "/api/flex", "/api/grid")) {
            assertThat(api.get(path, dso).status()).as("dso " + path).isEqualTo(200);
        }
        for (String path : reads) {
            assertThat(api.get(path, operator).status()).as("operator " + path).isEqualTo(200);
        }
        // bad input
        assertThat(api.get("/api/prosumer/summary", operator).status()).as("operator names the home").isEqualTo(400);
        assertThat(api.get("/api/prosumer/summary?agent=nobody", operator).status()).isEqualTo(404);
        assertThat(api.get("/api/market?limit=0", operator).status()).isEqualTo(400);
        assertThat(api.get("/api/trades?limit=x", cems).status()).isEqualTo(400);
        assertThat(api.get("/api/grid?limit=1001", dso).status()).isEqualTo(400);
        assertThat(raw("GET", "/api/agents/acl-home-1/rotate", operator).statusCode()).isEqualTo(405);
        assertThat(raw("POST", "/api/agents/nobody/rotate", operator).statusCode()).isEqualTo(404);
        assertThat(raw("DELETE", "/api/agents/nobody", operator).statusCode()).isEqualTo(404);
    }

    @Test
    void registrationTakesAnEd25519KeyAndTheNewRoles() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String key = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        ApiClient.Response r = api.post("/api/agents", operator,
                "{\"id\":\"key-dso\",\"role\":\"dso\",\"publicKey\":\"" + key + "\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(seeds.publicKey("key-dso")).isEqualTo(pair.getPublic().getEncoded());
        assertThat(api.post("/api/agents", operator, "{\"id\":\"key-agg\",\"role\":\"aggregator\"}").status())
                .isEqualTo(201);
        assertThat(seeds.publicKey("key-agg")).isNull();
        String rsa = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded());
        assertThat(api.post("/api/agents", operator, "{\"id\":\"key-2\",\"publicKey\":\"" + rsa + "\"}").status())
                .as("not Ed25519").isEqualTo(400);
        assertThat(api.post("/api/agents", operator, "{\"id\":\"key-3\",\"publicKey\":\"%%%\"}").status())
                .as("not base64").isEqualTo(400);
        assertThat(api.post("/api/agents", operator, "{\"id\":\"key-4\",\"role\":\"king\"}").status()).isEqualTo(400);
        String huge = "{\"id\":\"key-5\",\"publicKey\":\"" + "A".repeat(ApiServer.MAX_REQUEST_BODY_BYTES) + "\"}";
        assertThat(api.post("/api/agents", operator, huge).status()).as("over the body limit").isEqualTo(413);
        assertThat(api.get("/api/agents", operator).body().toString()).doesNotContain("key-2", "key-3", "key-4", "key-5");
    }

    @Test
    void rotationIssuesANewTokenAndTheOldOneStopsAtOnce() throws Exception {
        String first = api.registerAgent(operator, "rot-home", "cems");
        CemsClient.connectBroker(platform.brokerUrl(), "rot-home", first, Tls.clientContext(ca), null).close();
        // by the operator
        ApiClient.Response r = api.post("/api/agents/rot-home/rotate", operator, "");
        assertThat(r.status()).isEqualTo(200);
        String second = r.body().get("token").asText();
        assertThat(second).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(43);
        assertThat(api.get("/api/me", first).status()).isEqualTo(401);
        assertThat(api.get("/api/me", second).body().get("id").asText()).isEqualTo("rot-home");
        assertThatThrownBy(() -> CemsClient.connectBroker(platform.brokerUrl(), "rot-home", first,
                Tls.clientContext(ca), null)).isInstanceOf(MqttException.class);
        CemsClient.connectBroker(platform.brokerUrl(), "rot-home", second, Tls.clientContext(ca), null).close();
        // by the agent itself, with its current token
        ApiClient.Response self = api.post("/api/agents/rot-home/rotate", second, "");
        assertThat(self.status()).isEqualTo(200);
        String third = self.body().get("token").asText();
        assertThat(api.get("/api/me", second).status()).isEqualTo(401);
        assertThat(api.get("/api/me", third).status()).isEqualTo(200);
        assertThat(api.post("/api/agents/rot-home/rotate", second, "").status()).isEqualTo(401);
    }

    @Test
    void revocationShutsTheAgentOutOfApiAndBrokerAndKeepsItsHistory() throws Exception {
        String token = api.registerAgent(operator, "rev-home", "cems");
        long firstRevokedAtMs;
        seeds.reading("rev-home", T0 + 90 * PTU, 15, 1.0, 0.05, null, null);
        var live = new MqttAsyncClient(platform.brokerUrl(), "rev-home", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName("rev-home");
        o.setPassword(token.toCharArray());
        o.setSocketFactory(Tls.clientContext(ca).getSocketFactory());
        live.connect(o).waitForCompletion(30_000);
        try {
            HttpResponse<String> r = raw("DELETE", "/api/agents/rev-home", operator);
            assertThat(r.statusCode()).isEqualTo(200);
            firstRevokedAtMs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())
                    .get("revokedAtMs").asLong();
            assertThat(api.post("/api/agents", operator, "{\"id\":\"rev-home\"}").status())
                    .as("the id stays taken").isEqualTo(409);
            assertThat(api.get("/api/me", token).status()).isEqualTo(401);
            // the session it still had open may publish no more; a refused publish gets no answer, so: the broker
            // has decided on it once it answers a later SUBSCRIBE of the same session, and the intake has taken
            // all the broker passed on once it acknowledges a later reading of another agent
            UUID late = UUID.randomUUID();
            live.publish(Topics.readings("rev-home"), WireCodec.encode(WireCodec.reading(late, "rev-home",
                    T0 + 91 * PTU, 15, 1.0, 0.05, System.currentTimeMillis())), 1, false);
            LiveTesting.brokerHandledAllOf(live, Topics.ack("rev-home"));
            LiveTesting.intakeHandledAllBefore(platform, dir.resolve("data"), "probe-rev");
        } finally {
            live.disconnectForcibly(0, 1000);
            live.close(true);
        }
        assertThat(api.get("/api/stats?agentPrefix=rev-home", operator).body().get("readingsOfPrefix").asLong())
                .as("only the reading from before").isEqualTo(1);
        assertThatThrownBy(() -> CemsClient.connectBroker(platform.brokerUrl(), "rev-home", token,
                Tls.clientContext(ca), null)).isInstanceOf(MqttException.class);
        JsonNode agent = filter(api.get("/api/agents", operator).body(), "id", "rev-home").get(0);
        assertThat(agent.get("revoked").asBoolean()).isTrue();
        assertThat(agent.get("readings").asLong()).isEqualTo(1);
        assertThat(api.post("/api/agents/rev-home/rotate", operator, "").status()).isEqualTo(409);
        // revoking twice is harmless and keeps the first time
        HttpResponse<String> again = raw("DELETE", "/api/agents/rev-home", operator);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"revoked\":true", "\"revokedAtMs\":" + firstRevokedAtMs);
    }

    @Test
    void theBrokerIsToldOfRegistrationRotationAndRevocation() throws Exception {
        List<String> told = new ArrayList<>();
        BrokerAccounts recording = new BrokerAccounts() {
            @Override
            public synchronized void register(String agentId, String role, String token) {
                told.add("register " + agentId + " " + role + " " + token);
            }

            @Override
            public synchronized void revoke(String agentId) {
                told.add("revoke " + agentId);
            }
        };
        Authority authority = new Authority(seeds.store(), operator, Secrets.newToken());
        try (ApiServer second = new ApiServer("127.0.0.1", 0, Tls.ensure(dir.resolve("data")).serverContext(),
                seeds.store(), authority, recording, platform.brokerUrl(), () -> null)) {
            ApiClient other = new ApiClient("https://127.0.0.1:" + second.port(), ca);
            String token = other.registerAgent(operator, "told-home", "cems");
            String rotated = other.post("/api/agents/told-home/rotate", operator, "").body().get("token").asText();
            assertThat(other.get("/api/me", rotated).status()).isEqualTo(200);
            HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                            + second.port() + "/api/agents/told-home")).DELETE()
                    .header("Authorization", "Bearer " + operator).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).isEqualTo(200);
            assertThat(told).containsExactly("register told-home cems " + token,
                    "register told-home cems " + rotated, "revoke told-home");
        }
    }

    @Test
    void anAgentThatFloodsTheApiGets429WithRetryAfterAndOthersDoNot() throws Exception {
        String flood = api.registerAgent(operator, "rate-home-1", "cems");
        String calm = api.registerAgent(operator, "rate-home-2", "cems");
        // an API of its own whose rate limiter runs on a clock the test moves: while it stands, nothing refills
        AtomicLong nanos = new AtomicLong(System.nanoTime());
        Authority authority = new Authority(seeds.store(), operator, Secrets.newToken());
        try (ApiServer limited = new ApiServer("127.0.0.1", 0, Tls.ensure(dir.resolve("data")).serverContext(),
                seeds.store(), authority, BrokerAccounts.NONE, platform.brokerUrl(), () -> null, nanos::get)) {
            String base = "https://127.0.0.1:" + limited.port();
            // four callers in parallel, each one request after the other on a kept-alive connection
            AtomicReference<HttpResponse<String>> refused = new AtomicReference<>();
            AtomicInteger passed = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> callers = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    callers.add(pool.submit(() -> {
                        while (refused.get() == null && passed.get() < 2000) {
                            HttpResponse<String> r = raw(base, "GET", "/api/me", flood);
                            if (r.statusCode() == 429) {
                                refused.compareAndSet(null, r);
                            } else if (r.statusCode() == 200) {
                                passed.incrementAndGet();
                            } else {
                                other.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : callers) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            HttpResponse<String> limit = refused.get();
            assertThat(limit).as("429 after %d requests", passed.get()).isNotNull();
            assertThat(other.get()).as("nothing but 200 and 429").isZero();
            assertThat(passed.get()).as("the burst passes, and no more while the clock stands")
                    .isEqualTo(ApiServer.RATE_BURST);
            assertThat(Integer.parseInt(limit.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(limit.body()).contains("too many requests");
            assertThat(raw(base, "GET", "/api/me", calm).statusCode()).as("per caller").isEqualTo(200);
            assertThat(raw(base, "GET", "/api/me", operator).statusCode()).as("the operator").isEqualTo(200);
            assertThat(raw(base, "GET", "/api/me", flood).statusCode()).as("still empty").isEqualTo(429);
            // one token's worth of time: one request more
            nanos.addAndGet(1_000_000_000L / ApiServer.RATE_PER_SECOND);
            assertThat(raw(base, "GET", "/api/me", flood).statusCode()).as("refilled by one").isEqualTo(200);
            assertThat(raw(base, "GET", "/api/me", flood).statusCode()).as("and only one").isEqualTo(429);
            // a second: the rate's worth
            nanos.addAndGet(1_000_000_000L);
            int again = 0;
            while (raw(base, "GET", "/api/me", flood).statusCode() == 200 && again <= ApiServer.RATE_BURST) {
                again++;
            }
            assertThat(again).as("a second refills %d", ApiServer.RATE_PER_SECOND)
                    .isEqualTo(ApiServer.RATE_PER_SECOND);
        }
    }

    @Test
    void dashboardsAreServedWithTightHeadersAndNothingElseIs() throws Exception {
        for (String file : List.of("", "index.html", "prosumer.html", "operator.html", "dso.html", "common.js",
                "prosumer.js", "operator.js", "dso.js", "dashboard.css", "icon.svg")) {
            HttpResponse<String> r = raw("GET", "/dashboard/" + file, null);
            assertThat(r.statusCode()).as(file).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                    .startsWith("default-src 'self'");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.body()).as(file + ": nothing from elsewhere")
                    .doesNotContain("src=\"http", "href=\"http", "url(http", "//cdn")
                    .doesNotContain("style=\"", "onclick", "<script>");
        }
        HttpResponse<String> index = raw("GET", "/dashboard/", null);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(index.body()).contains("href=\"prosumer.html\"", "href=\"operator.html\"", "href=\"dso.html\"");
        assertThat(raw("GET", "/dashboard/common.js", null).headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/javascript");
        assertThat(raw("GET", "/dashboard", null).statusCode()).isEqualTo(301);
        assertThat(raw("GET", "/dashboard/nope.js", null).statusCode()).isEqualTo(404);
        assertThat(raw("GET", "/dashboard/..%2Fopenapi.json", null).statusCode()).isEqualTo(404);
        assertThat(raw("GET", "/dashboard/Queries.class", null).statusCode()).isEqualTo(404);
        assertThat(raw("POST", "/dashboard/index.html", null).statusCode()).isEqualTo(405);
        assertThat(raw("GET", "/api/grid", null).headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        JsonNode doc = api.get("/openapi.json", null).body();
        JsonNode paths = doc.get("paths");
        Set<String> routePaths = new HashSet<>();
        for (Route route : ApiServer.routes()) {
            String what = route.method() + " " + route.path();
            routePaths.add(route.path());
            JsonNode op = paths.path(route.path()).get(route.method().name().toLowerCase(Locale.ROOT));
            assertThat(op).as(what).isNotNull();
            assertThat(op.get("summary").asText()).as(what).isEqualTo(route.summary());
            JsonNode responses = op.get("responses");
            assertThat(responses.has("401")).as("401 of " + what).isEqualTo(!route.isPublic());
            assertThat(responses.has("429")).as("429 of " + what).isEqualTo(!route.isPublic());
            assertThat(responses.has("403")).as("403 of " + what).isEqualTo(route.refusal() != null);
            if (route.isPublic()) {
                assertThat(op.get("security")).as("no token for " + what).isEmpty();
            }
            for (JsonNode ref : op.findValues("$ref")) {
                assertThat(doc.at(ref.asText().substring(1)).isMissingNode()).as(what + " " + ref).isFalse();
            }
        }
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(documented::add);
        assertThat(documented).as("nothing but the route table").containsExactlyInAnyOrderElementsOf(routePaths);
        // the static parts the dashboards and agents read
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/x-mqtt/publish").asText()).contains("readings");
    }

    /** A route's path with its parameters filled in: {@code {id}} with {@code id}, {@code {file}} a dashboard's. */
    private static String concrete(String path, String id) {
        return path.replace("{id}", id).replace("{file}", "index.html");
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode filter(JsonNode array, String field, String value) {
        var out = new com.fasterxml.jackson.databind.node.ArrayNode(com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance);
        array.forEach(n -> {
            if (value.equals(n.path(field).asText())) {
                out.add(n);
            }
        });
        return out;
    }

    private static int indexOf(JsonNode array, String messageId) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).get("messageId").asText().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }
}
