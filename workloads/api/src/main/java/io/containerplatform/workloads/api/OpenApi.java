package io.containerplatform.workloads.api;

import io.containerplatform.workloads.event.EventContract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3 document of the API, generated from its {@link Route} declarations. */
final class OpenApi {

    private OpenApi() {
    }

    static Map<String, Object> document(List<Route> routes, String version) {
        var paths = new LinkedHashMap<String, Object>();
        for (var route : routes) {
            var item = new LinkedHashMap<String, Object>();
            item.put("get", operation(route, "get", true));
            item.put("head", operation(route, "head", false));
            item.put("options", preflight(route));
            paths.put(route.path(), item);
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Data pipeline API", "version", version,
                "description", "Events and per-minute aggregates of the data pipeline (seed 004), read from MongoDB. "
                        + "Every path answers GET and HEAD; OPTIONS is a CORS preflight; any other method is a 405 "
                        + "naming the allowed ones in Allow.",
                "contact", Map.of("name", "The container platform's maintainers"),
                "license", Map.of("name", "Apache-2.0", "url", "https://www.apache.org/licenses/LICENSE-2.0")));
        doc.put("servers", List.of(Map.of("url", "/", "description", "the API itself (Swagger UI's origin)")));
        // no authentication: the API is reached only from the load balancer's allowed networks (README, API access)
        doc.put("security", List.of());
        doc.put("tags", List.of(
                Map.of("name", DATA, "description", "Events and aggregates, from MongoDB"),
                Map.of("name", OPERATIONS, "description", "Probes and metrics")));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas(), "responses", responses()));
        return doc;
    }

    private static final String DATA = "data";
    private static final String OPERATIONS = "operations";

    /** The GET (with bodies) or HEAD (the same answers, headers only) operation of a route. */
    private static Map<String, Object> operation(Route route, String method, boolean bodies) {
        var responses = new LinkedHashMap<String, Object>();
        responses.put("200", route.response() == null
                ? response("OK", null, bodies ? Map.of("type", "string") : null, "text/plain")
                : response("OK", null, bodies ? route.response() : null, "application/json"));
        responses.put("400", errorRef("BadRequest", bodies));
        if (route.notFound()) {
            responses.put("404", errorRef("NotFound", bodies));
        }
        responses.put("414", errorRef("UriTooLong", bodies));
        responses.put("431", errorRef("HeadersTooLarge", bodies));
        responses.put("500", errorRef("InternalError", bodies));
        if (route.store()) {
            responses.put("503", errorRef("Unavailable", bodies));
        }
        var operation = new LinkedHashMap<String, Object>();
        operation.put("tags", List.of(route.params().isEmpty() ? OPERATIONS : DATA)); // the probes and /metrics take none
        operation.put("summary", route.summary() + (bodies ? "" : " Headers only."));
        operation.put("description", route.summary() + (bodies ? "" : " The GET's status and headers, without a body."));
        operation.put("operationId", operationId(method, route.path()));
        operation.put("parameters", route.params().stream().map(Param::openApi).toList());
        operation.put("responses", responses);
        return operation;
    }

    /** A route's OPTIONS: the CORS preflight, a 204 to an allowed origin, else a 405. */
    private static Map<String, Object> preflight(Route route) {
        var responses = new LinkedHashMap<String, Object>();
        responses.put("204", response("CORS preflight from an origin of CORS_ALLOWED_ORIGINS: the methods allowed", Map.of(
                "Access-Control-Allow-Origin", header("the request's Origin", Map.of("type", "string")),
                "Access-Control-Allow-Methods", header("GET, HEAD", Map.of("type", "string")),
                "Access-Control-Max-Age", header("seconds the preflight may be cached", Map.of("type", "integer"))), null, null));
        responses.put("400", ref("BadRequest", "responses"));
        responses.put("405", ref("MethodNotAllowed", "responses"));
        responses.put("414", ref("UriTooLong", "responses"));
        responses.put("431", ref("HeadersTooLarge", "responses"));
        var operation = new LinkedHashMap<String, Object>();
        operation.put("tags", List.of(OPERATIONS));
        operation.put("summary", "CORS preflight.");
        operation.put("description", "A 204 with the CORS headers when the request's Origin is one of CORS_ALLOWED_ORIGINS "
                + "(none by default), else a 405.");
        operation.put("operationId", operationId("options", route.path()));
        operation.put("parameters", route.params().stream().filter(p -> p.in().equals("path")).map(Param::openApi).toList());
        operation.put("responses", responses);
        return operation;
    }

    /** An error answer the operations share: what it means and its headers (none: null). */
    private record Shared(String description, Map<String, Object> headers) {
    }

    /** The error answers every operation shares, by name ({@code components/responses}). */
    private static final Map<String, Shared> SHARED = sharedResponses();

    private static Map<String, Shared> sharedResponses() {
        var shared = new LinkedHashMap<String, Shared>();
        shared.put("BadRequest", new Shared("A malformed request: a bad parameter (named with what is allowed), a bad "
                + "%-escape, a request line or header the server cannot parse", null));
        shared.put("NotFound", new Shared("Not found", null));
        shared.put("MethodNotAllowed", new Shared("A method other than GET and HEAD (OPTIONS without an allowed Origin)",
                Map.of("Allow", header("the methods allowed: GET, HEAD", Map.of("type", "string")))));
        shared.put("UriTooLong", new Shared("The request line is longer than " + ApiServer.MAX_HEADER_BYTES + " bytes", null));
        shared.put("HeadersTooLarge", new Shared("The request line and headers are longer than " + ApiServer.MAX_HEADER_BYTES
                + " bytes in all", null));
        shared.put("InternalError", new Shared("An unexpected failure (logged; no detail in the answer)", null));
        shared.put("Unavailable", new Shared("MongoDB is unavailable; retry after the seconds of Retry-After",
                Map.of("Retry-After", header("seconds to wait before retrying", Map.of("type", "integer", "minimum", 1)))));
        return shared;
    }

    private static Map<String, Object> responses() {
        var responses = new LinkedHashMap<String, Object>();
        SHARED.forEach((name, shared) -> responses.put(name, error(shared.description(), shared.headers())));
        return responses;
    }

    /** A shared error answer: a reference for a GET (its JSON body), a copy without the body for a HEAD. */
    private static Map<String, Object> errorRef(String name, boolean bodies) {
        var shared = SHARED.get(name);
        return bodies ? ref(name, "responses") : response(shared.description(), shared.headers(), null, null);
    }

    private static Map<String, Object> error(String description, Map<String, Object> headers) {
        return response(description, headers, ref("Error"), "application/json");
    }

    private static Map<String, Object> header(String description, Map<String, Object> schema) {
        return Map.of("description", description, "schema", schema);
    }

    private static Map<String, Object> response(String description, Map<String, Object> headers, Map<String, Object> schema, String type) {
        var response = new LinkedHashMap<String, Object>();
        response.put("description", description);
        if (headers != null) {
            response.put("headers", headers);
        }
        if (schema != null) {
            response.put("content", Map.of(type, Map.of("schema", schema)));
        }
        return response;
    }

    private static String operationId(String method, String path) {
        var id = new StringBuilder(method);
        for (var part : path.split("/")) {
            if (!part.isEmpty()) {
                var word = part.replace("{", "").replace("}", "").replace(".", "");
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    static Map<String, Object> ref(String schema) {
        return ref(schema, "schemas");
    }

    private static Map<String, Object> ref(String name, String kind) {
        return Map.of("$ref", "#/components/" + kind + "/" + name);
    }

    /** A JSON number held as a double (a generated client's {@code Double}, not a decimal); null when not finite. */
    private static final Map<String, Object> DOUBLE = Map.of("type", "number", "format", "double", "nullable", true,
            "description", "null when not a finite double (a sum past 1.8e308, or a non-finite value stored before the processor refused them)");

    private static Map<String, Object> schemas() {
        var schemas = new LinkedHashMap<String, Object>();
        schemas.put("Event", Map.of("type", "object", "required", EventContract.REQUIRED, "properties", Map.of(
                "id", Map.of("type", "string", "minLength", 1, "maxLength", EventContract.MAX_ID_LENGTH),
                "source", Map.of("type", "string"),
                "type", Map.of("type", "string"),
                "timestamp", Map.of("type", "string", "format", "date-time"),
                "value", DOUBLE,
                "attributes", Map.of("type", "object", "additionalProperties", Map.of("type", "string")))));
        schemas.put("EventPage", Map.of("type", "object", "required", List.of("items", "next"), "properties", Map.of(
                "items", Map.of("type", "array", "items", ref("Event")),
                "next", Map.of("type", "string", "nullable", true, "description", "pass as cursor for the next page; null on the last"))));
        schemas.put("Aggregate", Map.of("type", "object", "required", List.of("source", "type", "minute", "count", "sum", "min", "max"),
                "properties", Map.of(
                        "source", Map.of("type", "string"), "type", Map.of("type", "string"),
                        "minute", Map.of("type", "string", "format", "date-time"), "count", Map.of("type", "integer", "format", "int64"),
                        "sum", DOUBLE, "min", DOUBLE, "max", DOUBLE)));
        schemas.put("Aggregates", Map.of("type", "object", "required", List.of("items"),
                "properties", Map.of("items", Map.of("type", "array", "items", ref("Aggregate")))));
        schemas.put("Error", Map.of("type", "object", "required", List.of("error"), "properties", Map.of(
                "error", Map.of("type", "string"), "parameter", Map.of("type", "string"), "allowed", Map.of("type", "string"))));
        schemas.put("Status", Map.of("type", "object", "required", List.of("status"), "properties", Map.of("status", Map.of("type", "string"))));
        return schemas;
    }
}
