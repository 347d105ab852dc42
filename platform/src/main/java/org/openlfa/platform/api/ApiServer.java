package org.openlfa.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.HEAD;
import static io.javalin.http.HandlerType.POST;
import static org.openlfa.platform.api.Route.Doc.arrayOf;
import static org.openlfa.platform.api.Route.Doc.pathParam;
import static org.openlfa.platform.api.Route.Doc.query;
import static org.openlfa.platform.api.Route.Doc.ref;
import static org.openlfa.platform.api.Route.Doc.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointNotFound;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.openlfa.platform.broker.BrokerAccounts;
import org.openlfa.platform.security.Authority;
import org.openlfa.platform.store.Queries;
import org.openlfa.platform.store.Store;
import org.openlfa.protocol.MeterReading;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Secrets;
import org.openlfa.protocol.uftp.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS API and the dashboards, on Javalin (Jetty 12): HTTPS only (TLS 1.2 and 1.3), so a plain-HTTP request
 * never gets an answer. Bearer tokens; no token or an unknown one gets 401, a known one without the right role 403,
 * more than {@value #RATE_PER_SECOND} requests a second (bursts of {@value #RATE_BURST}) from one caller 429.
 *
 * <p>Every route is one {@link Route} of {@link #routes()}: it is registered from there, its roles are checked from
 * there (in a {@code beforeMatched} handler, with Javalin's route roles), {@code /openapi.json} is generated from
 * there ({@link OpenApi}), and the access-matrix test iterates it. The dashboards are static files under
 * {@code /dashboard/} that call this API with the token the user types in.
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
    private static final int DEFAULT_LIMIT = 96;
    private static final int MAX_LIMIT = 1000;
    public static final int RATE_PER_SECOND = 50;
    public static final int RATE_BURST = 100;

    /**
     * Largest request body taken, 64 KiB: the largest the API needs is a registration (an id and a key of a few
     * hundred bytes); beyond it the answer is 413 before anything reads the body.
     */
    public static final int MAX_REQUEST_BODY_BYTES = 64 * 1024;
    /** A connection idle this long is closed (a slow or stalled client holds no thread nor socket for ever). */
    static final int IDLE_TIMEOUT_MS = 30_000;
    /** Jetty's threads at most (acceptor and selector included), so a flood cannot grow the process without end. */
    static final int MAX_THREADS = 32;
    /** Threads kept even when idle (the queue of jobs stays Jetty's own, unbounded: Jetty queues its own tasks
     * there too and warns against bounding it; connections are bounded by the threads and the idle timeout). */
    static final int MIN_THREADS = 4;
    /** An idle thread above {@link #MIN_THREADS} ends after this long. */
    static final int THREAD_IDLE_MS = 60_000;

    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String PRINCIPAL = "lfa.principal";
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

    private static final String OPERATOR_ONLY = "operator only";
    private static final String OPERATOR_AND_DSO = "operator and DSO only";
    private static final Set<Role> OPERATOR = Set.of(Role.OPERATOR);
    private static final Set<Role> OPERATOR_DSO = Set.of(Role.OPERATOR, Role.DSO);
    private static final Set<Role> OPERATOR_CEMS = Set.of(Role.OPERATOR, Role.CEMS);
    private static final ObjectNode AGENT_ID_SCHEMA = type("string").put("pattern", "^[A-Za-z0-9_.-]{1,64}$");
    private static final ObjectNode LIMIT = query("limit", type("integer").put("minimum", 1)
            .put("maximum", MAX_LIMIT).put("default", DEFAULT_LIMIT), null);
    private static final Route.Reply BAD_LIMIT = Route.Reply.of(400, "bad limit");

    /** The API, one route a line: see {@link Route}. */
    private static final List<Route> ROUTES = List.of(
            new Route(GET, "/openapi.json", Role.PUBLIC, "This document", null,
                    Route.Doc.of(Route.Reply.of(200, "OpenAPI 3")), ApiServer::openApi),
            new Route(GET, "/api/health", Role.PUBLIC, "Liveness", null,
                    Route.Doc.of(Route.Reply.of(200, "ok")), ApiServer::health),
            new Route(GET, "/api/stats", OPERATOR, "Platform counters (operator)", OPERATOR_ONLY,
                    Route.Doc.of(new Route.Reply(200, "counters", ref("Stats")))
                            .with(query("agentPrefix", type("string"), null)), ApiServer::stats),
            new Route(GET, "/api/agents", OPERATOR,
                    "Every agent with its presence, readings and market absences (operator)", OPERATOR_ONLY,
                    Route.Doc.of(new Route.Reply(200, "by id", arrayOf("AgentHealth"))), ApiServer::agents),
            new Route(POST, "/api/agents", OPERATOR,
                    "Register an agent and issue its token (operator); the broker account is created with it",
                    OPERATOR_ONLY, Route.Doc.of(new Route.Reply(201, "registered", ref("AgentCredential")),
                            Route.Reply.of(400, "bad id, role or public key"),
                            Route.Reply.of(409, "id taken (also by a revoked agent)"),
                            Route.Reply.of(413, "body over " + MAX_REQUEST_BODY_BYTES + " bytes"),
                            Route.Reply.of(502, "registered, but the external broker did not take the account: "
                                    + "rotate the token to retry")).body(ref("NewAgent")), ApiServer::register),
            new Route(DELETE, "/api/agents/{id}", OPERATOR,
                    "Revoke an agent (operator): its token stops opening the API and the broker at once, also for "
                            + "a session it has open; its history stays. Repeating it is harmless.", OPERATOR_ONLY,
                    Route.Doc.of(new Route.Reply(200, "revoked", ref("Revocation")),
                            Route.Reply.of(404, "no such agent"),
                            Route.Reply.of(502, "revoked, but the external broker did not take it: repeat"))
                            .with(pathParam("id", AGENT_ID_SCHEMA)), ApiServer::revoke),
            new Route(POST, "/api/agents/{id}/rotate", Role.ANY,
                    "Issue a new token (operator, or the agent itself); the old one stops working at once, at the "
                            + "API and the broker", "only the operator or the agent itself rotates its token",
                    Route.Doc.of(new Route.Reply(200, "the new token, shown once", ref("AgentCredential")),
                            Route.Reply.of(404, "no such agent"), Route.Reply.of(409, "the agent is revoked"),
                            Route.Reply.of(502, "rotated, but the external broker did not take the new password: "
                                    + "repeat")).with(pathParam("id", AGENT_ID_SCHEMA)), ApiServer::rotate),
            new Route(GET, "/api/me", Role.ANY, "Who am I, and where to publish (any role)", null,
                    Route.Doc.of(new Route.Reply(200, "identity and MQTT endpoints", ref("Me"))), ApiServer::me),
            new Route(GET, "/api/readings", OPERATOR_CEMS,
                    "A home's last readings (the home itself, or the operator)",
                    "you may read your own readings only",
                    Route.Doc.of(new Route.Reply(200, "newest first", arrayOf("Reading")))
                            .with(query("agent", type("string"), "default: the caller")), ApiServer::readings),
            new Route(GET, "/api/prosumer/summary", OPERATOR_CEMS,
                    "A home's totals, local trading and last 96 PTUs (the home itself, or the operator)",
                    "a home sees its own summary only",
                    Route.Doc.of(new Route.Reply(200, "summary", ref("ProsumerSummary")),
                            Route.Reply.of(400, "the operator did not name the home"),
                            Route.Reply.of(404, "no such agent (operator)"))
                            .with(query("agent", type("string"), "required for the operator; a home may leave it "
                                    + "out")), ApiServer::prosumerSummary),
            new Route(GET, "/api/trades", OPERATOR_CEMS,
                    "Local-market trades, newest first: a home its own; the operator one home's or everyone's",
                    "a home sees its own trades only",
                    Route.Doc.of(new Route.Reply(200, "newest first", arrayOf("Trade")), BAD_LIMIT)
                            .with(query("agent", type("string"), "a home: itself only; the operator: any, or all "
                                    + "when left out")).with(LIMIT), ApiServer::trades),
            new Route(GET, "/api/market", OPERATOR_DSO,
                    "Local-market clearings of every community, newest first (operator, DSO)", OPERATOR_AND_DSO,
                    Route.Doc.of(new Route.Reply(200, "newest first", arrayOf("Clearing")), BAD_LIMIT).with(LIMIT),
                    ApiServer::market),
            new Route(GET, "/api/flex", OPERATOR_DSO,
                    "DSO-aggregator (UFTP) messages as received, newest first (operator, DSO)", OPERATOR_AND_DSO,
                    Route.Doc.of(new Route.Reply(200, "newest first", arrayOf("FlexMessage")), BAD_LIMIT)
                            .with(LIMIT), ApiServer::flex),
            new Route(GET, "/api/grid", OPERATOR_DSO,
                    "The DSO's traffic light, transformer loading and feeder peaks per PTU (operator, DSO)",
                    OPERATOR_AND_DSO, Route.Doc.of(new Route.Reply(200, "grid state", ref("Grid")), BAD_LIMIT)
                            .with(LIMIT), ApiServer::grid),
            new Route(GET, "/api/rejections", OPERATOR, "Last refused messages with their reasons (operator)",
                    OPERATOR_ONLY, Route.Doc.of(Route.Reply.of(200, "agent: reason")), ApiServer::rejections),
            new Route(GET, "/dashboard", Role.PUBLIC, "Redirects to /dashboard/", null,
                    Route.Doc.of(Route.Reply.of(301, "to /dashboard/")), ApiServer::dashboardRedirect),
            new Route(GET, "/dashboard/", Role.PUBLIC, "The dashboards' index page (static, no token needed)", null,
                    Route.Doc.of(Route.Reply.of(200, "index.html")), ApiServer::dashboard),
            new Route(GET, "/dashboard/{file}", Role.PUBLIC, dashboardSummary(), null, dashboardDoc(),
                    ApiServer::dashboard),
            new Route(HEAD, "/dashboard/{file}", Role.PUBLIC, dashboardSummary(), null, dashboardDoc(),
                    ApiServer::dashboard));

    private final Javalin app;
    private final Store store;
    private final Queries queries;
    private final Authority authority;
    private final BrokerAccounts brokerAccounts;
    private final Supplier<ObjectNode> stats;
    private final String brokerUrl;
    /** Token buckets per caller (the UFTP intake's kind: the same limiter class for both). */
    private final RateLimiter limiter = new RateLimiter(RATE_PER_SECOND, RATE_BURST);
    /** The limiter's clock: {@link System#nanoTime()}, or a test's. */
    private final LongSupplier nanoTime;

    public ApiServer(String host, int port, SSLContext tls, Store store, Authority authority,
                     BrokerAccounts brokerAccounts, String brokerUrl, Supplier<ObjectNode> stats) {
        this(host, port, tls, store, authority, brokerAccounts, brokerUrl, stats, System::nanoTime);
    }

    /**
     * @param nanoTime the rate limiter's clock (only differences count, as of {@link System#nanoTime()}); a test
     *                 passes its own to see the buckets refill without waiting
     */
    public ApiServer(String host, int port, SSLContext tls, Store store, Authority authority,
                     BrokerAccounts brokerAccounts, String brokerUrl, Supplier<ObjectNode> stats,
                     LongSupplier nanoTime) {
        this.store = store;
        this.queries = new Queries(store);
        this.authority = authority;
        this.brokerAccounts = brokerAccounts;
        this.stats = stats;
        this.brokerUrl = brokerUrl;
        this.nanoTime = nanoTime;
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            // no compression: the answers are small, and a compressed answer that carries a token (registration,
            // rotation) next to data an attacker chooses is what BREACH-style attacks read
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.maxRequestSize = MAX_REQUEST_BODY_BYTES;
            // "/dashboard" and "/dashboard/" are different routes (one redirects to the other)
            config.router.ignoreTrailingSlashes = false;
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, THREAD_IDLE_MS);
            threads.setName("lfa-api");
            threads.setDaemon(true);
            config.jetty.threadPool = threads;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                // the certificate names 127.0.0.1 and the host; clients that reach it by another name (a tunnel,
                // a proxy) are no less authenticated by TLS, as with the JDK server before
                secure.setSniHostCheck(false);
                http.addCustomizer(secure);
            });
            config.jetty.addConnector((server, http) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setSslContext(tls);
                ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                ServerConnector https = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
                https.setHost(host);
                https.setPort(port);
                https.setIdleTimeout(IDLE_TIMEOUT_MS);
                return https;
            });
            config.routes.before(this::headers);
            config.routes.beforeMatched(this::authorize);
            for (Route r : ROUTES) {
                config.routes.addEndpoint(new Endpoint(r.method(), r.path(),
                        ctx -> r.action().handle(this, ctx, ctx.attribute(PRINCIPAL)),
                        Set.of(new Roles(Set.<RouteRole>copyOf(r.roles())), r)));
            }
            config.routes.exception(EndpointNotFound.class, (e, ctx) -> unmatched(ctx));
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    send(ctx, e.getStatus(), error(e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("API error", e);
                send(ctx, 500, error("internal error"));
            });
        });
        app.start();
    }

    /** The route table: what {@code /openapi.json} and the tests are made from. */
    public static List<Route> routes() {
        return ROUTES;
    }

    public int port() {
        return app.port();
    }

    /** Every answer, also a 404: the dashboards' security headers. */
    private void headers(Context ctx) {
        ctx.header("Strict-Transport-Security", "max-age=31536000");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        // The dashboards load nothing from elsewhere (no CDN: the platform runs offline) and run no inline
        // script, so the tightest policy costs nothing and blunts any injection through data they display.
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.req().getContentLengthLong() > MAX_REQUEST_BODY_BYTES) {
            send(ctx, 413, error("request body over " + MAX_REQUEST_BODY_BYTES + " bytes"));
            ctx.skipRemainingHandlers();
        }
    }

    /** The access rule of the matched route: its roles ({@link Route#roles}), from the route table. */
    private void authorize(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;   // public
        }
        Optional<Authority.Principal> who = authenticate(ctx);
        if (who.isEmpty()) {
            ctx.skipRemainingHandlers();
            return;
        }
        if (!Role.of(who.get().role()).map(roles::contains).orElse(false)) {
            Route route = ctx.endpoints().matchedHttpEndpoint().metadata(Route.class);
            send(ctx, 403, error(route.refusal()));
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(PRINCIPAL, who.get());
    }

    /**
     * The caller, after the rate limit; empty after answering 401 or 429. Callers without a valid token share a
     * bucket per address, so guessing tokens is throttled too.
     */
    private Optional<Authority.Principal> authenticate(Context ctx) {
        Optional<Authority.Principal> who = authority.byToken(bearer(ctx));
        if (!admit(ctx, who.map(p -> "agent:" + p.id()).orElse("addr:" + ctx.ip()), who)) {
            return Optional.empty();
        }
        if (who.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            send(ctx, 401, error("authentication required"));
        }
        return who;
    }

    /**
     * No route: under {@code /api/} the caller is authenticated first (as on a route: 401 and 429 come before
     * 404), then 405 if the path has a route with another method, else 404.
     */
    private void unmatched(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") && authenticate(ctx).isEmpty()) {
            return;
        }
        boolean otherMethod = ROUTES.stream().anyMatch(r -> matches(r.path(), path));
        if (otherMethod) {
            send(ctx, 405, error("method not allowed"));
        } else {
            send(ctx, 404, error("not found"));
        }
    }

    /** Whether {@code path} fits a route's path, whose {@code {name}} parameters stand for one segment. */
    private static boolean matches(String routePath, String path) {
        String[] want = routePath.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean param = want[i].startsWith("{") && want[i].endsWith("}");
            if (param ? got[i].isEmpty() : !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rate limit. The operator is not limited: its token is the platform's root credential, kept on the
     * server's own disk, and limiting it would only throttle provisioning ({@code lfa loadtest} registers a
     * thousand agents at once); the limit is there against a runaway or stolen agent token.
     */
    private boolean admit(Context ctx, String key, Optional<Authority.Principal> who) {
        if (who.isPresent() && Authority.OPERATOR.equals(who.get().role())) {
            return true;
        }
        if (limiter.tryAcquire(key, nanoTime.getAsLong())) {
            return true;
        }
        // the next token is 1/rate away: Retry-After counts whole seconds, so that is 1 at any rate above 1/s
        ctx.header("Retry-After", Long.toString((long) Math.max(1, Math.ceil(1.0 / RATE_PER_SECOND))));
        send(ctx, 429, error("too many requests: at most " + RATE_PER_SECOND + " a second, bursts of "
                + RATE_BURST));
        return false;
    }

    // ---- the routes' handlers (see ROUTES) ----

    private void openApi(Context ctx, Authority.Principal who) {
        send(ctx, 200, OpenApi.document());
    }

    private void health(Context ctx, Authority.Principal who) {
        send(ctx, 200, JSON.createObjectNode().put("status", "ok"));
    }

    private void stats(Context ctx, Authority.Principal who) throws Exception {
        String prefix = ctx.queryParam("agentPrefix");
        ObjectNode s = stats.get();
        if (prefix != null) {
            s.put("readingsOfPrefix", store.readingCount(prefix));
        }
        send(ctx, 200, s);
    }

    private void agents(Context ctx, Authority.Principal who) throws Exception {
        send(ctx, 200, JSON.valueToTree(queries.agents()));
    }

    private void me(Context ctx, Authority.Principal who) {
        send(ctx, 200, JSON.createObjectNode().put("id", who.id()).put("role", who.role())
                .put("mqttUrl", brokerUrl).put("readingsTopic", Topics.readings(who.id()))
                .put("ackTopic", Topics.ack(who.id())));
    }

    private void readings(Context ctx, Authority.Principal who) throws Exception {
        String agent = Optional.ofNullable(ctx.queryParam("agent")).orElse(who.id());
        // A prosumer sees its own home only; the DSO sees aggregates, not a home's readings.
        if (!isOperator(who) && !agent.equals(who.id())) {
            send(ctx, 403, error("you may read your own readings only"));
            return;
        }
        ArrayNode out = JSON.createArrayNode();
        for (MeterReading r : store.readingsOf(agent, 96)) {
            out.addObject().put("messageId", r.messageId().toString()).put("ptuStartMs", r.ptuStartEpochMs())
                    .put("ptuMinutes", r.ptuMinutes()).put("netInKw", r.netInKw())
                    .put("billInEur", r.billInEur());
        }
        send(ctx, 200, out);
    }

    private void prosumerSummary(Context ctx, Authority.Principal who) throws Exception {
        String agent = ctx.queryParam("agent");
        boolean operator = isOperator(who);
        if (operator && agent == null) {
            send(ctx, 400, error("the operator names the home: ?agent=ID"));
            return;
        }
        agent = agent == null ? who.id() : agent;
        if (!operator && !agent.equals(who.id())) {
            send(ctx, 403, error("a home sees its own summary only"));
            return;
        }
        Optional<Queries.ProsumerSummary> s = queries.prosumerSummary(agent);
        if (s.isEmpty()) {
            send(ctx, 404, error("no agent " + agent));
            return;
        }
        send(ctx, 200, JSON.valueToTree(s.get()));
    }

    private void trades(Context ctx, Authority.Principal who) throws Exception {
        String agent = ctx.queryParam("agent");
        boolean operator = isOperator(who);
        // A member's trades are its own business: the DSO sees the market's totals (/api/market) only.
        if (!operator && agent != null && !agent.equals(who.id())) {
            send(ctx, 403, error("a home sees its own trades only"));
            return;
        }
        Integer limit = limit(ctx);
        if (limit != null) {
            send(ctx, 200, JSON.valueToTree(queries.trades(operator ? agent : who.id(), limit)));
        }
    }

    private void market(Context ctx, Authority.Principal who) throws Exception {
        Integer limit = limit(ctx);
        if (limit != null) {
            send(ctx, 200, JSON.valueToTree(queries.market(limit)));
        }
    }

    private void flex(Context ctx, Authority.Principal who) throws Exception {
        Integer limit = limit(ctx);
        if (limit != null) {
            send(ctx, 200, JSON.valueToTree(queries.flex(limit)));
        }
    }

    private void grid(Context ctx, Authority.Principal who) throws Exception {
        Integer limit = limit(ctx);
        if (limit != null) {
            send(ctx, 200, JSON.valueToTree(queries.grid(limit, System.currentTimeMillis())));
        }
    }

    private void rejections(Context ctx, Authority.Principal who) throws Exception {
        ArrayNode out = JSON.createArrayNode();
        store.lastRejections(50).forEach(out::add);
        send(ctx, 200, out);
    }

    /** POST /api/agents: registers an agent, with its Ed25519 key if it signs messages, and issues its token. */
    private void register(Context ctx, Authority.Principal who) throws Exception {
        JsonNode body = readJson(ctx);
        if (body == TOO_LARGE) {
            send(ctx, 413, error("request body over " + MAX_REQUEST_BODY_BYTES + " bytes"));
            return;
        }
        String id = body == null ? null : body.path("id").asText(null);
        String agentRole = body == null ? null : body.path("role").asText("cems");
        if (id == null || !AGENT_ID.matcher(id).matches() || Authority.isReserved(id)
                || !REGISTRABLE_ROLES.contains(agentRole)) {
            send(ctx, 400, error("need {\"id\": [A-Za-z0-9_.-]{1,64}, not the platform's own (operator, "
                    + "aggregator, dso, lfa-platform*), \"role\": cems|dso|aggregator, "
                    + "\"publicKey\": optional base64 X.509 Ed25519}"));
            return;
        }
        byte[] publicKey = null;
        JsonNode key = body.get("publicKey");
        if (key != null && !key.isNull()) {
            publicKey = ed25519(key.asText(""));
            if (publicKey == null) {
                send(ctx, 400, error("publicKey: not a base64 X.509 (SubjectPublicKeyInfo) Ed25519 public key"));
                return;
            }
        }
        String token = Secrets.newToken();
        byte[] hash = Secrets.hash(token);
        if (!queries.addAgent(id, agentRole, hash, publicKey)) {
            send(ctx, 409, error("agent " + id + " exists"));
            return;
        }
        authority.remember(new Store.Agent(id, agentRole, hash));
        if (!tellBroker(ctx, () -> brokerAccounts.register(id, agentRole, token), id)) {
            return;
        }
        LOG.info("agent {} registered as {}{}", id, agentRole, publicKey == null ? "" : " with an Ed25519 key");
        send(ctx, 201, JSON.createObjectNode().put("id", id).put("role", agentRole).put("token", token));
    }

    /** POST /api/agents/{id}/rotate: a new token, shown once; the old one stops working at once. */
    private void rotate(Context ctx, Authority.Principal who) throws Exception {
        String id = ctx.pathParam("id");
        if (!isOperator(who) && !id.equals(who.id())) {
            send(ctx, 403, error("only the operator or the agent itself rotates its token"));
            return;
        }
        Optional<Queries.AgentRole> agent = AGENT_ID.matcher(id).matches() ? queries.agentRole(id)
                : Optional.empty();
        if (agent.isEmpty()) {
            send(ctx, 404, error("no agent " + id));
            return;
        }
        if (agent.get().revoked()) {
            send(ctx, 409, error("agent " + id + " is revoked"));
            return;
        }
        String token = Secrets.newToken();
        if (!queries.rotateToken(id, Secrets.hash(token))) {
            send(ctx, 409, error("agent " + id + " is revoked"));
            return;
        }
        authority.forget(id);
        if (!tellBroker(ctx, () -> brokerAccounts.register(id, agent.get().role(), token), id)) {
            return;
        }
        LOG.info("token of agent {} rotated by {}", id, who.id());
        send(ctx, 200, JSON.createObjectNode().put("id", id).put("role", agent.get().role()).put("token", token));
    }

    /** DELETE /api/agents/{id}: revokes the agent for good (its history stays). */
    private void revoke(Context ctx, Authority.Principal who) throws Exception {
        String id = ctx.pathParam("id");
        Optional<Queries.Revocation> r = AGENT_ID.matcher(id).matches() ? queries.revoke(id) : Optional.empty();
        if (r.isEmpty()) {
            send(ctx, 404, error("no agent " + id));
            return;
        }
        authority.revoke(id);
        if (!tellBroker(ctx, () -> brokerAccounts.revoke(id), id)) {
            return;
        }
        LOG.info("agent {} revoked", id);
        send(ctx, 200, JSON.createObjectNode().put("id", id).put("role", r.get().role()).put("revoked", true)
                .put("revokedAtMs", r.get().revokedAtMs()));
    }

    private void dashboardRedirect(Context ctx, Authority.Principal who) {
        ctx.status(301).header("Location", "/dashboard/");
    }

    /** The dashboards: static files, no token needed to load them (each API call they make needs one). */
    private void dashboard(Context ctx, Authority.Principal who) throws IOException {
        String name = ctx.pathParamMap().getOrDefault("file", "index.html");
        String type = WEB_FILES.get(name);
        byte[] bytes = null;
        if (type != null) {
            try (InputStream in = ApiServer.class.getResourceAsStream(WEB + name)) {
                bytes = in == null ? null : in.readAllBytes();
            }
        }
        if (bytes == null) {
            send(ctx, 404, error("not found"));
            return;
        }
        // Revalidate every time: a dashboard updated with the platform must not run stale code against a new API.
        ctx.header("Cache-Control", "no-cache");
        ctx.status(200).contentType(type).result(bytes);
    }

    private static String dashboardSummary() {
        return "The dashboards (static; no token needed to load them, each API call they make needs one): "
                + "index.html, prosumer.html, operator.html, dso.html and their JS/CSS. Served with "
                + "Content-Security-Policy default-src 'self' and X-Frame-Options DENY.";
    }

    private static Route.Doc dashboardDoc() {
        return Route.Doc.of(Route.Reply.of(200, "the file"), Route.Reply.of(404, "not one of the dashboards' files"))
                .with(pathParam("file", type("string")));
    }

    // ---- helpers ----

    private static boolean isOperator(Authority.Principal who) {
        return Authority.OPERATOR.equals(who.role());
    }

    /**
     * Passes a change of the register on to the broker. The register is the truth and has changed already; when an
     * external broker does not take it, the caller hears so (502) and repeats the call (rotation and revocation are
     * safe to repeat).
     */
    private static boolean tellBroker(Context ctx, Runnable change, String id) {
        try {
            change.run();
            return true;
        } catch (RuntimeException e) {
            LOG.error("broker account of {} not updated", id, e);
            send(ctx, 502, error("the register changed but the broker did not take the change for " + id
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
    private static Integer limit(Context ctx) {
        String v = ctx.queryParam("limit");
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
        send(ctx, 400, error("limit: 1.." + MAX_LIMIT));
        return null;
    }

    private static String bearer(Context ctx) {
        String h = ctx.header("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
    }

    /** {@link #readJson}'s answer for a body over {@link #MAX_REQUEST_BODY_BYTES} (sent in chunks, unannounced). */
    private static final JsonNode TOO_LARGE = JSON.createObjectNode();

    /** The body as a JSON object; null if it is none, {@link #TOO_LARGE} if it is too large. */
    private static JsonNode readJson(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BODY_BYTES + 1);
            if (body.length > MAX_REQUEST_BODY_BYTES) {
                return TOO_LARGE;
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

    private static void send(Context ctx, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ctx.status(status).contentType("application/json").result(bytes);
    }

    @Override
    public void close() {
        app.stop();
    }
}
