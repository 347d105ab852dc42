package org.openlfa.cems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.protocol.security.Tls;

/**
 * A small client of the platform's HTTPS API that trusts only the platform's certificate.
 *
 * <pre>{@code
 * ApiClient api = new ApiClient("https://127.0.0.1:8443", Path.of("lfa-data/tls/server.crt"));
 * String token = api.registerAgent(operatorToken, "F1_LOAD1", "cems");
 * long readings = api.get("/api/stats", operatorToken).body().get("readings").asLong();
 * }</pre>
 */
public final class ApiClient {

    /** A status and a JSON body (null when the body is not JSON). */
    public record Response(int status, JsonNode body) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;
    private final HttpClient http;

    public ApiClient(String baseUrl, Path caPem) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().sslContext(Tls.clientContext(caPem))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * GET with a bearer token (null for none). A GET that gets no answer within 10 s is sent once more: it changes
     * nothing, so repeating it is safe, and in one CI run in five a single request on a kept-alive connection to the
     * JDK's HTTPS server went unanswered (the server logged nothing; the cause is not found).
     */
    public Response get(String path, String token) {
        try {
            return send(getRequest(path, token, Duration.ofSeconds(10)));
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof HttpTimeoutException)) {
                throw e;
            }
            LOG.warn("GET {} unanswered after 10 s; asking again", path);
            return send(getRequest(path, token, Duration.ofSeconds(30)));
        }
    }

    private HttpRequest getRequest(String path, String token, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.GET().build();
    }

    /** POST of a JSON body with a bearer token. */
    public Response post(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Registers an agent with the operator's token and returns the agent's new token. */
    public String registerAgent(String operatorToken, String agentId, String role) {
        Response r = post("/api/agents", operatorToken,
                JSON.createObjectNode().put("id", agentId).put("role", role).toString());
        if (r.status() != 201) {
            throw new IllegalStateException("registering " + agentId + ": HTTP " + r.status() + " " + r.body());
        }
        return r.body().get("token").asText();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body;
            try {
                body = JSON.readTree(r.body());
            } catch (IOException e) {
                body = null;
            }
            return new Response(r.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
