package org.openlfa.server;

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
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS API (the JDK's HttpsServer: HTTPS only, so a plain-HTTP request never gets an answer). Bearer tokens;
 * no token or an unknown one gets 401, a known one without the right role 403. Documented at {@code /openapi.json}.
 */
final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REGISTRABLE_ROLES = Set.of("cems", "dso");
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final HttpsServer server;
    private final ExecutorService executor;
    private final Store store;
    private final Authority authority;
    private final Supplier<ObjectNode> stats;
    private final String brokerUrl;

    ApiServer(String host, int port, SSLContext tls, Store store, Authority authority, String brokerUrl,
              Supplier<ObjectNode> stats) {
        this.store = store;
        this.authority = authority;
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

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            ex.getResponseHeaders().set("Strict-Transport-Security", "max-age=31536000");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("GET") && path.equals("/openapi.json")) {
                send(ex, 200, OpenApi.document());
                return;
            }
            if (method.equals("GET") && path.equals("/api/health")) {
                send(ex, 200, JSON.createObjectNode().put("status", "ok"));
                return;
            }
            if (!path.startsWith("/api/")) {
                send(ex, 404, error("not found"));
                return;
            }
            Optional<Authority.Principal> who = authority.byToken(bearer(ex));
            if (who.isEmpty()) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                send(ex, 401, error("authentication required"));
                return;
            }
            route(ex, method, path, who.get());
        } catch (RuntimeException | SQLException e) {
            LOG.error("API error", e);
            send(ex, 500, error("internal error"));
        }
    }

    private void route(HttpExchange ex, String method, String path, Authority.Principal who)
            throws IOException, SQLException {
        String role = who.role();
        boolean operator = Authority.OPERATOR.equals(role);
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
            case "POST /api/agents" -> {
                if (!operator) {
                    send(ex, 403, error("operator only"));
                    return;
                }
                JsonNode body = readJson(ex);
                String id = body == null ? null : body.path("id").asText(null);
                String agentRole = body == null ? null : body.path("role").asText("cems");
                if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}") || id.equals(Authority.PLATFORM)
                        || id.equals(Authority.OPERATOR) || !REGISTRABLE_ROLES.contains(agentRole)) {
                    send(ex, 400, error("need {\"id\": [A-Za-z0-9_.-]{1,64}, \"role\": cems|dso}"));
                    return;
                }
                String token = Secrets.newToken();
                byte[] hash = Secrets.hash(token);
                if (!store.addAgent(id, agentRole, hash)) {
                    send(ex, 409, error("agent " + id + " exists"));
                    return;
                }
                authority.remember(new Store.Agent(id, agentRole, hash));
                send(ex, 201, JSON.createObjectNode().put("id", id).put("role", agentRole).put("token", token));
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
