package org.openlfa.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.EndpointMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openlfa.platform.security.Authority;

/**
 * One route of the API, declared once in {@link ApiServer#routes()}: its Javalin registration, its access rule, its
 * entry in {@code /openapi.json} and the access-matrix test all come from this record.
 *
 * @param method  HTTP method
 * @param path    Javalin path, which is also the OpenAPI path ({@code /api/agents/{id}})
 * @param roles   who may call it: {@link Role#PUBLIC} needs no token; otherwise a caller without a valid token gets
 *                401, one whose role is not listed 403 with {@code refusal}
 * @param summary the OpenAPI summary
 * @param refusal the 403 message (and its documentation) when the role may not, or the handler refuses another
 *                caller's data; null for a route that never answers 403
 * @param doc     the rest of the OpenAPI operation: parameters, request body, the route's own responses
 * @param action  the handler; {@code who} is null on a public route
 */
public record Route(HandlerType method, String path, Set<Role> roles, String summary, String refusal, Doc doc,
                    Action action) implements EndpointMetadata {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(action, "action");
        if (roles.isEmpty() && refusal != null) {
            throw new IllegalArgumentException(path + ": a public route refuses nobody");
        }
        if (!roles.isEmpty() && !roles.equals(Role.ANY) && refusal == null) {
            throw new IllegalArgumentException(path + ": a route closed to some roles needs its 403 message");
        }
    }

    /** Needs no token. */
    public boolean isPublic() {
        return roles.isEmpty();
    }

    /** What a route does with a request, given the caller (null on a public route). */
    @FunctionalInterface
    public interface Action {
        void handle(ApiServer api, Context ctx, Authority.Principal who) throws Exception;
    }

    /**
     * The route's own part of its OpenAPI operation; 401, 403 and 429 are added from {@link #roles} and
     * {@link #refusal}.
     *
     * @param parameters  query and path parameters (OpenAPI parameter objects)
     * @param requestBody the request body's schema, or null
     * @param responses   status, description and optional schema of each answer the handler gives
     */
    public record Doc(List<JsonNode> parameters, JsonNode requestBody, List<Reply> responses) {
        private static final JsonNodeFactory F = JsonNodeFactory.instance;

        public Doc {
            parameters = List.copyOf(parameters);
            responses = List.copyOf(responses);
        }

        public static Doc of(Reply... responses) {
            return new Doc(List.of(), null, List.of(responses));
        }

        public Doc with(JsonNode parameter) {
            List<JsonNode> p = new java.util.ArrayList<>(parameters);
            p.add(parameter);
            return new Doc(p, requestBody, responses);
        }

        public Doc body(JsonNode schema) {
            return new Doc(parameters, schema, responses);
        }

        /** A query parameter. */
        public static ObjectNode query(String name, JsonNode schema, String description) {
            ObjectNode p = F.objectNode().put("name", name).put("in", "query");
            p.set("schema", schema);
            if (description != null) {
                p.put("description", description);
            }
            return p;
        }

        /** A required path parameter. */
        public static ObjectNode pathParam(String name, JsonNode schema) {
            ObjectNode p = F.objectNode().put("name", name).put("in", "path").put("required", true);
            p.set("schema", schema);
            return p;
        }

        public static ObjectNode type(String type) {
            return F.objectNode().put("type", type);
        }

        /** {@code #/components/schemas/NAME}. */
        public static ObjectNode ref(String schema) {
            return F.objectNode().put("$ref", "#/components/schemas/" + schema);
        }

        /** An array of {@code #/components/schemas/NAME}. */
        public static ObjectNode arrayOf(String schema) {
            ObjectNode a = type("array");
            a.set("items", ref(schema));
            return a;
        }
    }

    /** One documented answer: status, description and the JSON body's schema (null: none documented). */
    public record Reply(int status, String description, JsonNode schema) {
        public static Reply of(int status, String description) {
            return new Reply(status, description, null);
        }
    }
}
