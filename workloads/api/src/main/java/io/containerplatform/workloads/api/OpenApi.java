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
            var responses = new LinkedHashMap<String, Object>();
            responses.put("200", route.response() == null
                    ? Map.of("description", "OK", "content", Map.of("text/plain", Map.of("schema", Map.of("type", "string"))))
                    : Map.of("description", "OK", "content", Map.of("application/json", Map.of("schema", route.response()))));
            if (!route.params().isEmpty()) {
                responses.put("400", Map.of("description", "A parameter is invalid: the body names it and what is allowed",
                        "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))));
            }
            if (route.notFound()) {
                responses.put("404", Map.of("description", "Not found",
                        "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))));
            }
            var operation = new LinkedHashMap<String, Object>();
            operation.put("summary", route.summary());
            operation.put("operationId", operationId(route.path()));
            operation.put("parameters", route.params().stream().map(Param::openApi).toList());
            operation.put("responses", responses);
            paths.put(route.path(), Map.of("get", operation));
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Data pipeline API", "version", version,
                "description", "Events and per-minute aggregates of the data pipeline (seed 004), read from MongoDB."));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas()));
        return doc;
    }

    private static String operationId(String path) {
        var id = new StringBuilder("get");
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
