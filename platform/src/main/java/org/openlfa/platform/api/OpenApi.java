package org.openlfa.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The API's OpenAPI 3.0 document: the static parts (info, servers, schemas, security scheme, the MQTT notes) from
 * {@code openapi-static.json} next to this class, the paths generated from the route table
 * ({@link ApiServer#routes()}), so that a route cannot exist undocumented.
 */
final class OpenApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = generate(ApiServer.routes());

    private OpenApi() {
    }

    static JsonNode document() {
        return DOCUMENT;
    }

    /** The static parts with a {@code paths} object for {@code routes}. */
    static ObjectNode generate(List<Route> routes) {
        ObjectNode doc = load();
        ObjectNode paths = doc.putObject("paths");
        for (Route r : routes) {
            ObjectNode path = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            ObjectNode op = path.putObject(r.method().name().toLowerCase(Locale.ROOT));
            op.put("summary", r.summary());
            if (r.isPublic()) {
                op.putArray("security");   // overrides the document's bearer requirement
            }
            if (!r.doc().parameters().isEmpty()) {
                op.putArray("parameters").addAll(r.doc().parameters());
            }
            if (r.doc().requestBody() != null) {
                op.putObject("requestBody").put("required", true).putObject("content")
                        .putObject("application/json").set("schema", r.doc().requestBody());
            }
            ObjectNode responses = op.putObject("responses");
            for (Route.Reply reply : r.doc().responses()) {
                ObjectNode res = responses.putObject(Integer.toString(reply.status()))
                        .put("description", reply.description());
                if (reply.schema() != null) {
                    res.putObject("content").putObject("application/json").set("schema", reply.schema());
                }
            }
            if (!r.isPublic()) {
                responses.putObject("401").put("description", "no or unknown token");
                if (r.refusal() != null) {
                    responses.putObject("403").put("description", r.refusal());
                }
                responses.putObject("429").put("description", "too many requests; see Retry-After (seconds)")
                        .putObject("headers").putObject("Retry-After").putObject("schema").put("type", "integer");
            }
        }
        return doc;
    }

    private static ObjectNode load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi-static.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
