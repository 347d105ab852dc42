package org.openlfa.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.openlfa.protocol.uftp.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.platform.broker.BrokerAccounts;
import org.openlfa.platform.security.Authority;
import org.openlfa.platform.store.Queries;
import org.openlfa.platform.store.Store;
import org.openlfa.protocol.MeterReading;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Secrets;

/**
 * The HTTPS API and the dashboards (the JDK's HttpsServer: HTTPS only, so a plain-HTTP request never gets an
 * answer). Bearer tokens; no token or an unknown one gets 401, a known one without the right role 403, more than
 * {@value #RATE_PER_SECOND} requests a second (bursts of {@value #RATE_BURST}) from one caller 429. Documented at
 * {@code /openapi.json}; the dashboards are static files under {@code /dashboard/} that call this API with the token
 * the user types in.
 *
 * <pre>{@code
 * try (ApiServer api = new ApiServer("127.0.0.1", 8443, tls.serverContext(), store, authority,
 *         BrokerAccounts.NONE, "ssl://127.0.0.1:8883", platform::stats)) {
 *     // GET https://127.0.0.1:8443/api/market?limit=96 with "Authorization: Bearer <operator token>"
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REGISTRABLE_ROLES = Set.of("cems", "dso", "aggregator");
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int DEFAULT_LIMIT = 96;
    private static final int MAX_LIMIT = 1000;
    public static final int RATE_PER_SECOND = 50;
    public static final int RATE_BURST = 100;
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern AGENT_PATH = Pattern.compile("/api/agents/([A-Za-z0-9_.-]{1,64})(/rotate)?");
    private static final String WEB = "web/";
    /** The dashboards' files: a fixed list, so no request path ever reaches the class loader. */
    private static final Map<String, String> WEB_FILES = Map.ofEntries(
            Map.entry("index.html", "text/html; charset=utf-8"),
            Map.entry("prosumer.html", "text/html; charset=utf-8"),
            Map.entry("operator.html", "text/html; charset=utf-8"),
            Map.entry("dso.html", "text/html; charset=utf-8"),
            Map.entry("dashboard.css", "text/css; charset=utf-8"),
            Map.entry("common.js", "text/javascript; charset=utf-8"),
            Map.entry("prosumer.js", "text/javascript; charset=utf-8"),
            Map.entry("operator.js", "text/javascript; charset=utf-8"),
            Map.entry("dso.js", "text/javascript; charset=utf-8"),
            Map.entry("icon.svg", "image/svg+xml"));

    static {
        // The JDK server writes a response's headers and body in separate segments; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK, about 40 ms per request. Read once, when the JDK's server
        // configuration loads, so it is set here, before the first server is made (unless set on the command line).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpsServer server;
    private final ExecutorService executor;
    private final Store store;
    private final Queries queries;
    private final Authority authority;
    private final BrokerAccounts brokerAccounts;
    private final Supplier<ObjectNode> stats;
    private final String brokerUrl;
    /** Token buckets per caller (the UFTP intake's kind: the same limiter class for both). */
    private final RateLimiter limiter = new RateLimiter(RATE_PER_SECOND, RATE_BURST);

    public ApiServer(String host, int port, SSLContext tls, Store store, Authority authority, BrokerAccounts brokerAccounts,
              String brokerUrl, Supplier<ObjectNode> stats) {
        this.store = store;
        this.queries = new Queries(store);
        this.authority = authority;
        this.brokerAccounts = brokerAccounts;
        this.stats = stats;
        this.brokerUrl = brokerUrl;
        try {
            server = HttpsServer.create(new InetSocketAddress(host, port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "lfa-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            var h = ex.getResponseHeaders();
            h.set("Strict-Transport-Security", "max-age=31536000");
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Cache-Control", "no-store");
            // The dashboards load nothing from elsewhere (no CDN: the platform runs offline) and run no inline
            // script, so the tightest policy costs nothing and blunts any injection through data they display.
            h.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                    + "form-action 'self'");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "no-referrer");
            if (method.equals("GET") && path.equals("/openapi.json")) {
                send(ex, 200, OpenApi.document());
                return;
            }
            if (method.equals("GET") && path.equals("/api/health")) {
                send(ex, 200, JSON.createObjectNode().put("status", "ok"));
                return;
            }
            if (path.equals("/dashboard") || path.startsWith("/dashboard/")) {
                serveDashboard(ex, method, path);
                return;
            }
            if (!path.startsWith("/api/")) {
                send(ex, 404, error("not found"));
                return;
            }
            Optional<Authority.Principal> who = authority.byToken(bearer(ex));
            // Callers without a valid token share a bucket per address, so guessing tokens is throttled too.
            if (!admit(ex, who.map(p -> "agent:" + p.id())
                    .orElse("addr:" + ex.getRemoteAddress().getAddress().getHostAddress()), who)) {
                return;
            }
            if (who.isEmpty()) {
                h.set("WWW-Authenticate", "Bearer");
                send(ex, 401, error("authentication required"));
                return;
            }
            route(ex, method, path, who.get());
        } catch (RuntimeException | SQLException e) {
            LOG.error("API error", e);
            send(ex, 500, error("internal error"));
        }
    }

    /**
     * The rate limit. The operator is not limited: its token is the platform's root credential, kept on the
     * server's own disk, and limiting it would only throttle provisioning ({@code lfa loadtest} registers a
     * thousand agents at once); the limit is there against a runaway or stolen agent token.
     */
    private boolean admit(HttpExchange ex, String key, Optional<Authority.Principal> who) throws IOException {
        if (who.isPresent() && Authority.OPERATOR.equals(who.get().role())) {
            return true;
        }
        if (limiter.tryAcquire(key, System.nanoTime())) {
            return true;
        }
        // the next token is 1/rate away: Retry-After counts whole seconds, so that is 1 at any rate above 1/s
        ex.getResponseHeaders().set("Retry-After",
                Long.toString((long) Math.max(1, Math.ceil(1.0 / RATE_PER_SECOND))));
        send(ex, 429, error("too many requests: at most " + RATE_PER_SECOND + " a second, bursts of "
                + RATE_BURST));
        return false;
    }

    private void route(HttpExchange ex, String method, String path, Authority.Principal who)
            throws IOException, SQLException {
        String role = who.role();
        boolean operator = Authority.OPERATOR.equals(role);
        boolean dso = "dso".equals(role);
        Matcher agentPath = AGENT_PATH.matcher(path);
        if (agentPath.matches()) {
            String id = agentPath.group(1);
            if (agentPath.group(2) != null && method.equals("POST")) {
                rotate(ex, id, who);
            } else if (agentPath.group(2) == null && method.equals("DELETE")) {
                revoke(ex, id, operator);
            } else {
                send(ex, 405, error("method not allowed"));
            }
            return;
        }
        switch (method + " " + path) {
            case "GET /api/stats" -> {
                if (!operator) {
                    send(ex, 403, error("operator only"));
                    return;
                }
                String prefix = query(ex, "agentPrefix");
                ObjectNode s = stats.get();
                if (prefix != null) {
                    s.put("readingsOfPrefix", store.readingCount(prefix));
                }
                send(ex, 200, s);
            }
            case "POST /api/agents" -> register(ex, operator);
            case "GET /api/agents" -> {
                if (!operator) {
                    send(ex, 403, error("operator only"));
                    return;
                }
                send(ex, 200, JSON.valueToTree(queries.agents()));
            }
            case "GET /api/me" -> send(ex, 200, JSON.createObjectNode().put("id", who.id()).put("role", role)
                    .put("mqttUrl", brokerUrl).put("readingsTopic", Topics.readings(who.id()))
                    .put("ackTopic", Topics.ack(who.id())));
            case "GET /api/readings" -> {
                String agent = Optional.ofNullable(query(ex, "agent")).orElse(who.id());
                // A prosumer sees its own home only; the DSO sees aggregates, not a home's readings.
                if (!operator && !("cems".equals(role) && agent.equals(who.id()))) {
                    send(ex, 403, error("you may read your own readings only"));
                    return;
                }
                ArrayNode out = JSON.createArrayNode();
                for (MeterReading r : store.readingsOf(agent, 96)) {
                    out.addObject().put("messageId", r.messageId().toString()).put("ptuStartMs", r.ptuStartEpochMs())
                            .put("ptuMinutes", r.ptuMinutes()).put("netInKw", r.netInKw())
                            .put("billInEur", r.billInEur());
                }
                send(ex, 200, out);
            }
            case "GET /api/prosumer/summary" -> {
                String agent = query(ex, "agent");
                if (operator && agent == null) {
                    send(ex, 400, error("the operator names the home: ?agent=ID"));
                    return;
                }
                agent = agent == null ? who.id() : agent;
                if (!operator && !("cems".equals(role) && agent.equals(who.id()))) {
                    send(ex, 403, error("a home sees its own summary only"));
                    return;
                }
                Optional<Queries.ProsumerSummary> s = queries.prosumerSummary(agent);
                if (s.isEmpty()) {
                    send(ex, 404, error("no agent " + agent));
                    return;
                }
                send(ex, 200, JSON.valueToTree(s.get()));
            }
            case "GET /api/trades" -> {
                String agent = query(ex, "agent");
                // A member's trades are its own business: the DSO sees the market's totals (/api/market) only.
                if (!operator && !("cems".equals(role) && (agent == null || agent.equals(who.id())))) {
                    send(ex, 403, error("a home sees its own trades only"));
                    return;
                }
                Integer limit = limit(ex);
                if (limit == null) {
                    return;
                }
                send(ex, 200, JSON.valueToTree(queries.trades(operator ? agent : who.id(), limit)));
            }
            case "GET /api/market" -> {
                if (!operator && !dso) {
                    send(ex, 403, error("operator and DSO only"));
                    return;
                }
                Integer limit = limit(ex);
                if (limit != null) {
                    send(ex, 200, JSON.valueToTree(queries.market(limit)));
                }
            }
            case "GET /api/flex" -> {
                if (!operator && !dso) {
                    send(ex, 403, error("operator and DSO only"));
                    return;
                }
                Integer limit = limit(ex);
                if (limit != null) {
                    send(ex, 200, JSON.valueToTree(queries.flex(limit)));
                }
            }
            case "GET /api/grid" -> {
                if (!operator && !dso) {
                    send(ex, 403, error("operator and DSO only"));
                    return;
                }
                Integer limit = limit(ex);
                if (limit != null) {
                    send(ex, 200, JSON.valueToTree(queries.grid(limit, System.currentTimeMillis())));
                }
            }
            case "GET /api/rejections" -> {
                if (!operator) {
                    send(ex, 403, error("operator only"));
                    return;
                }
                ArrayNode out = JSON.createArrayNode();
                store.lastRejections(50).forEach(out::add);
                send(ex, 200, out);
            }
            default -> send(ex, 404, error("not found"));
        }
    }

    /** POST /api/agents: registers an agent, with its Ed25519 key if it signs messages, and issues its token. */
    private void register(HttpExchange ex, boolean operator) throws IOException, SQLException {
        if (!operator) {
            send(ex, 403, error("operator only"));
            return;
        }
        JsonNode body = readJson(ex);
        String id = body == null ? null : body.path("id").asText(null);
        String agentRole = body == null ? null : body.path("role").asText("cems");
        if (id == null || !AGENT_ID.matcher(id).matches() || Authority.isReserved(id)
                || !REGISTRABLE_ROLES.contains(agentRole)) {
            send(ex, 400, error("need {\"id\": [A-Za-z0-9_.-]{1,64}, not the platform's own (operator, aggregator, "
                    + "dso, lfa-platform*), \"role\": cems|dso|aggregator, "
                    + "\"publicKey\": optional base64 X.509 Ed25519}"));
            return;
        }
        byte[] publicKey = null;
        JsonNode key = body.get("publicKey");
        if (key != null && !key.isNull()) {
            publicKey = ed25519(key.asText(""));
            if (publicKey == null) {
                send(ex, 400, error("publicKey: not a base64 X.509 (SubjectPublicKeyInfo) Ed25519 public key"));
                return;
            }
        }
        String token = Secrets.newToken();
        byte[] hash = Secrets.hash(token);
        if (!queries.addAgent(id, agentRole, hash, publicKey)) {
            send(ex, 409, error("agent " + id + " exists"));
            return;
        }
        authority.remember(new Store.Agent(id, agentRole, hash));
        if (!tellBroker(ex, () -> brokerAccounts.register(id, agentRole, token), id)) {
            return;
        }
        LOG.info("agent {} registered as {}{}", id, agentRole, publicKey == null ? "" : " with an Ed25519 key");
        send(ex, 201, JSON.createObjectNode().put("id", id).put("role", agentRole).put("token", token));
    }

    /** POST /api/agents/{id}/rotate: a new token, shown once; the old one stops working at once. */
    private void rotate(HttpExchange ex, String id, Authority.Principal who) throws IOException, SQLException {
        boolean operator = Authority.OPERATOR.equals(who.role());
        if (!operator && !id.equals(who.id())) {
            send(ex, 403, error("only the operator or the agent itself rotates its token"));
            return;
        }
        Optional<Queries.AgentRole> agent = queries.agentRole(id);
        if (agent.isEmpty()) {
            send(ex, 404, error("no agent " + id));
            return;
        }
        if (agent.get().revoked()) {
            send(ex, 409, error("agent " + id + " is revoked"));
            return;
        }
        String token = Secrets.newToken();
        if (!queries.rotateToken(id, Secrets.hash(token))) {
            send(ex, 409, error("agent " + id + " is revoked"));
            return;
        }
        authority.forget(id);
        if (!tellBroker(ex, () -> brokerAccounts.register(id, agent.get().role(), token), id)) {
            return;
        }
        LOG.info("token of agent {} rotated by {}", id, who.id());
        send(ex, 200, JSON.createObjectNode().put("id", id).put("role", agent.get().role()).put("token", token));
    }

    /** DELETE /api/agents/{id}: revokes the agent for good (its history stays). */
    private void revoke(HttpExchange ex, String id, boolean operator) throws IOException, SQLException {
        if (!operator) {
            send(ex, 403, error("operator only"));
            return;
        }
        Optional<Queries.Revocation> r = queries.revoke(id);
        if (r.isEmpty()) {
            send(ex, 404, error("no agent " + id));
            return;
        }
        authority.revoke(id);
        if (!tellBroker(ex, () -> brokerAccounts.revoke(id), id)) {
            return;
        }
        LOG.info("agent {} revoked", id);
        send(ex, 200, JSON.createObjectNode().put("id", id).put("role", r.get().role()).put("revoked", true)
                .put("revokedAtMs", r.get().revokedAtMs()));
    }

    /**
     * Passes a change of the register on to the broker. The register is the truth and has changed already; when an
     * external broker does not take it, the caller hears so (502) and repeats the call (rotation and revocation are
     * safe to repeat).
     */
    private boolean tellBroker(HttpExchange ex, Runnable change, String id) throws IOException {
        try {
            change.run();
            return true;
        } catch (RuntimeException e) {
            LOG.error("broker account of {} not updated", id, e);
            send(ex, 502, error("the register changed but the broker did not take the change for " + id
                    + "; repeat the call (POST /api/agents/" + id + "/rotate or DELETE /api/agents/" + id + ")"));
            return false;
        }
    }

    /** The decoded key if {@code base64} is an X.509-encoded Ed25519 public key, else null. */
    static byte[] ed25519(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64.trim());
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return der;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    /** The {@code limit} parameter (1..1000, default 96); null after answering 400. */
    private static Integer limit(HttpExchange ex) throws IOException {
        String v = query(ex, "limit");
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        send(ex, 400, error("limit: 1.." + MAX_LIMIT));
        return null;
    }

    /** The dashboards: static files, no token needed to load them (each API call they make needs one). */
    private static void serveDashboard(HttpExchange ex, String method, String path) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(ex, 405, error("method not allowed"));
            return;
        }
        if (path.equals("/dashboard")) {
            ex.getResponseHeaders().set("Location", "/dashboard/");
            ex.sendResponseHeaders(301, -1);
            return;
        }
        String name = path.substring("/dashboard/".length());
        if (name.isEmpty()) {
            name = "index.html";
        }
        String type = WEB_FILES.get(name);
        byte[] bytes = null;
        if (type != null) {
            try (InputStream in = ApiServer.class.getResourceAsStream(WEB + name)) {
                bytes = in == null ? null : in.readAllBytes();
            }
        }
        if (bytes == null) {
            send(ex, 404, error("not found"));
            return;
        }
        ex.getResponseHeaders().set("Content-Type", type);
        // Revalidate every time: a dashboard updated with the platform must not run stale code against a new API.
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        if (method.equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static String bearer(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
    }

    private static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static JsonNode readJson(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                return null;
            }
            try {
                JsonNode n = JSON.readTree(body);
                return n != null && n.isObject() ? n : null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
