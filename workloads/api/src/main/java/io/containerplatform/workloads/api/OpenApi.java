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
            paths.put(route.path(), item);
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Data pipeline API", "version", version,
                "description", "Events and per-minute aggregates of the data pipeline (seed 004), read from MongoDB."));
        doc.put("servers", List.of(Map.of("url", "/", "description", "the API itself (Swagger UI's origin)")));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas()));
        return doc;
    }

    /** The GET (with bodies) or HEAD (the same answers, headers only) operation of a route. */
    private static Map<String, Object> operation(Route route, String method, boolean bodies) {
        var responses = new LinkedHashMap<String, Object>();
        responses.put("200", route.response() == null
                ? response("OK", null, bodies ? Map.of("type", "string") : null, "text/plain")
                : response("OK", null, bodies ? route.response() : null, "application/json"));
        if (!route.params().isEmpty()) {
            responses.put("400", error("A parameter is invalid: the body names it and what is allowed", null, bodies));
        }
        if (route.notFound()) {
            responses.put("404", error("Not found", null, bodies));
        }
        responses.put("500", error("An unexpected failure (logged; no detail in the answer)", null, bodies));
        if (route.store()) {
            responses.put("503", error("MongoDB is unavailable; retry after the seconds of Retry-After",
                    Map.of("Retry-After", Map.of("description", "seconds to wait before retrying",
                            "schema", Map.of("type", "integer", "minimum", 1))), bodies));
        }
        var operation = new LinkedHashMap<String, Object>();
        operation.put("summary", route.summary() + (bodies ? "" : " Headers only."));
        operation.put("description", route.summary() + (bodies ? "" : " The GET's status and headers, without a body."));
        operation.put("operationId", operationId(method, route.path()));
        operation.put("parameters", route.params().stream().map(Param::openApi).toList());
        operation.put("responses", responses);
        return operation;
    }

    private static Map<String, Object> error(String description, Map<String, Object> headers, boolean bodies) {
        return response(description, headers, bodies ? ref("Error") : null, "application/json");
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
        return Map.of("$ref", "#/components/schemas/" + schema);
    }

    private static Map<String, Object> schemas() {
        var schemas = new LinkedHashMap<String, Object>();
        schemas.put("Event", Map.of("type", "object", "required", EventContract.REQUIRED, "properties", Map.of(
                "id", Map.of("type", "string", "minLength", 1, "maxLength", EventContract.MAX_ID_LENGTH),
                "source", Map.of("type", "string"),
                "type", Map.of("type", "string"),
                "timestamp", Map.of("type", "string", "format", "date-time"),
                "value", Map.of("type", "number"),
                "attributes", Map.of("type", "object", "additionalProperties", Map.of("type", "string")))));
        schemas.put("EventPage", Map.of("type", "object", "required", List.of("items", "next"), "properties", Map.of(
                "items", Map.of("type", "array", "items", ref("Event")),
                "next", Map.of("type", "string", "nullable", true, "description", "pass as cursor for the next page; null on the last"))));
        schemas.put("Aggregate", Map.of("type", "object", "required", List.of("source", "type", "minute", "count", "sum", "min", "max"),
                "properties", Map.of(
                        "source", Map.of("type", "string"), "type", Map.of("type", "string"),
                        "minute", Map.of("type", "string", "format", "date-time"), "count", Map.of("type", "integer"),
                        "sum", Map.of("type", "number"), "min", Map.of("type", "number"), "max", Map.of("type", "number"))));
        schemas.put("Aggregates", Map.of("type", "object", "required", List.of("items"),
                "properties", Map.of("items", Map.of("type", "array", "items", ref("Aggregate")))));
        schemas.put("Error", Map.of("type", "object", "required", List.of("error"), "properties", Map.of(
                "error", Map.of("type", "string"), "parameter", Map.of("type", "string"), "allowed", Map.of("type", "string"))));
        schemas.put("Status", Map.of("type", "object", "required", List.of("status"), "properties", Map.of("status", Map.of("type", "string"))));
        return schemas;
    }
}
