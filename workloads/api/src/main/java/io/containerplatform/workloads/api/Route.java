package io.containerplatform.workloads.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One declared route: its path (with {@code {name}} for path parameters), what it does, its parameters, the
 * schema of its 200 response and its handler. The router, the parameter checks and the OpenAPI document all
 * come from these declarations.
 *
 * @param path        e.g. {@code /data/{id}}
 * @param summary     one line
 * @param params      its parameters
 * @param response    the JSON Schema of its 200 body (null for plain text)
 * @param notFound    whether it can answer 404
 * @param store       whether it reads MongoDB (so answers 503 with {@code Retry-After} when MongoDB is unavailable)
 * @param handler     the arguments, parsed and checked, to the response
 */
record Route(String path, String summary, List<Param> params, Map<String, Object> response, boolean notFound,
             boolean store, Function<Map<String, Object>, Response> handler) {

    /** What a handler answers. */
    record Response(int status, String contentType, Object body) {
        static Response json(Object body) {
            return new Response(200, "application/json", body);
        }
    }

    /** The path's values when {@code requestPath} matches it, else null. */
    Map<String, String> match(String requestPath) {
        var declared = path.split("/");
        var actual = requestPath.split("/", -1);
        if (declared.length != actual.length) {
            return null;
        }
        var values = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < declared.length; i++) {
            if (declared[i].startsWith("{")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                var name = declared[i].substring(1, declared[i].length() - 1);
                values.put(name, Param.decode(actual[i], "path", name, "its value"));
            } else if (!declared[i].equals(actual[i])) {
                return null;
            }
        }
        return values;
    }
}
