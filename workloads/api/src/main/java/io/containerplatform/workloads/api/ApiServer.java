package io.containerplatform.workloads.api;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.containerplatform.workloads.event.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.logging.Logger;

import static io.containerplatform.workloads.api.OpenApi.ref;

/**
 * The API over HTTP: {@code /health}, {@code /ready}, {@code /data}, {@code /data/{id}}, {@code /aggregates},
 * {@code /metrics}, the OpenAPI document at {@code /openapi.json} (generated from the routes) and Swagger UI
 * at {@code /docs}. A bad parameter gets a 400 naming it and what is allowed; an unexpected failure a 500 with
 * no stack trace (it is logged).
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
    /** Most events one page holds. */
    static final int MAX_LIMIT = 1000;
    /** Seconds a client is told to wait ({@code Retry-After}) when MongoDB is unavailable. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** The methods the API answers (OPTIONS only as a CORS preflight). */
    static final String ALLOWED_METHODS = "GET, HEAD";
    /** Same-origin everything; inline styles and data: images for Swagger UI; no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * The JDK server's limits, set before its first use unless given on the command line: a request's line,
     * headers and body within {@code maxReqTime} s (a trickling client loses its connection, and the worker
     * thread reading it, after that), an answer written within {@code maxRspTime} s, at most
     * {@code maxReqHeaders} headers of {@code maxReqHeaderSize} bytes in all.
     */
    static final Map<String, String> SERVER_LIMITS = Map.of(
            "sun.net.httpserver.maxReqTime", "10",
            "sun.net.httpserver.maxRspTime", "30",
            "sun.net.httpserver.maxReqHeaders", "100",
            "sun.net.httpserver.maxReqHeaderSize", "16384");

    static {
        SERVER_LIMITS.forEach(System.getProperties()::putIfAbsent);
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Route> routes;
    private final Map<String, Object> openApi;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> seconds = new ConcurrentHashMap<>();
    private final String swaggerUi;
    private final List<String> corsOrigins;

    public ApiServer(MongoDatabase database, int port) throws IOException {
        this(database, port, List.of());
    }

    /**
     * @param corsOrigins the origins allowed to call it from a browser ({@code CORS_ALLOWED_ORIGINS}); none by default
     */
    public ApiServer(MongoDatabase database, int port, List<String> corsOrigins) throws IOException {
        this.corsOrigins = List.copyOf(corsOrigins);
        var queries = new EventQueries(database);
        var properties = new Properties();
        try (InputStream in = ApiServer.class.getResourceAsStream("/app.properties")) {
            properties.load(in);
        }
        this.swaggerUi = "/META-INF/resources/webjars/swagger-ui/" + properties.getProperty("swagger-ui.version") + "/";
        var source = Param.query("source", Param.Type.STRING, "Only events of this source.");
        var type = Param.query("type", Param.Type.STRING, "Only events of this type.");
        var from = Param.query("from", Param.Type.INSTANT, "Only from this instant on (inclusive).");
        var to = Param.query("to", Param.Type.INSTANT, "Only before this instant (exclusive).");
        this.routes = List.of(
                new Route("/health", "Liveness: the API runs.", List.of(), ref("Status"), false, false,
                        args -> Route.Response.json(Map.of("status", "ok"))),
                new Route("/ready", "Readiness: MongoDB answers.", List.of(), ref("Status"), false, true,
                        args -> queries.reachable() ? Route.Response.json(Map.of("status", "ready"))
                                : new Route.Response(503, "application/json", Map.of("status", "MongoDB unreachable"))),
                new Route("/data", "Events, newest first, a page at a time.", List.of(source, type, from, to,
                        Param.integer("limit", 1, MAX_LIMIT, 100, "Events per page."),
                        Param.query("cursor", Param.Type.CURSOR, "The next value of the previous page.")), ref("EventPage"), false, true,
                        args -> {
                            checkRange(args);
                            return Route.Response.json(queries.events((String) args.get("source"), (String) args.get("type"),
                                    (Instant) args.get("from"), (Instant) args.get("to"), (Param.Cursor) args.get("cursor"),
                                    ((Long) args.get("limit")).intValue()));
                        }),
                new Route("/data/{id}", "One event by id.", List.of(Param.path("id", "The event's id.")), ref("Event"), true, true,
                        args -> queries.event((String) args.get("id")).map(Route.Response::json)
                                .orElse(new Route.Response(404, "application/json", Map.of("error", "no event with id " + args.get("id"))))),
                new Route("/aggregates", "Per-minute count, sum, min and max per source and type (at most "
                        + EventQueries.MAX_AGGREGATES + ").", List.of(source, type, from, to), ref("Aggregates"), false, true,
                        args -> {
                            checkRange(args);
                            return Route.Response.json(queries.aggregates((String) args.get("source"), (String) args.get("type"),
                                    (Instant) args.get("from"), (Instant) args.get("to")));
                        }),
                new Route("/metrics", "Prometheus metrics.", List.of(), null, false, false,
                        args -> new Route.Response(200, "text/plain; version=0.0.4", metrics())));
        this.openApi = OpenApi.document(routes, properties.getProperty("version", "1.0.0"));
        this.threads = Executors.newFixedThreadPool(64);
        this.server = HttpServer.create(new InetSocketAddress(port), 256);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void checkRange(Map<String, Object> args) {
        if (args.get("from") instanceof Instant from && args.get("to") instanceof Instant to && !from.isBefore(to)) {
            throw new Param.BadRequest("to", "is not after from", "an RFC 3339 instant after from");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        var path = exchange.getRequestURI().getRawPath();
        var method = exchange.getRequestMethod();
        String label = "other";
        int status = 500;
        try {
            headers(exchange);
            if (method.equals("OPTIONS") && cors(exchange)) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", ALLOWED_METHODS);
                exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
                status = sendBytes(exchange, 204, null, new byte[0]);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", ALLOWED_METHODS);
                status = send(exchange, 405, "application/json", Map.of("error", method + " is not allowed: only " + ALLOWED_METHODS));
                return;
            }
            if (path.equals("/openapi.json")) {
                label = path;
                status = send(exchange, 200, "application/json", openApi);
                return;
            }
            if (path.equals("/docs") || path.startsWith("/docs/")) {
                label = "/docs";
                status = docs(exchange, path);
                return;
            }
            for (var route : routes) {
                var pathValues = route.match(path);
                if (pathValues != null) {
                    label = route.path();
                    var response = route.handler().apply(arguments(route, pathValues, exchange.getRequestURI().getRawQuery()));
                    status = send(exchange, response.status(), response.contentType(), response.body());
                    return;
                }
            }
            status = send(exchange, 404, "application/json", Map.of("error", "no route " + path));
        } catch (Param.BadRequest bad) {
            var body = new LinkedHashMap<String, Object>();
            body.put("error", bad.getMessage());
            body.put("parameter", bad.parameter);
            body.put("allowed", bad.allowed);
            status = send(exchange, 400, "application/json", body);
        } catch (RuntimeException e) {
            if (storeUnavailable(e)) {
                LOG.warning(exchange.getRequestURI() + ": MongoDB unavailable: " + e.getMessage());
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                status = send(exchange, 503, "application/json", Map.of("error", "MongoDB is unavailable, retry later"));
            } else {
                LOG.warning(exchange.getRequestURI() + " failed: " + e);
                status = send(exchange, 500, "application/json", Map.of("error", "internal error"));
            }
        } finally {
            requests.computeIfAbsent(label + "\t" + status, k -> new AtomicLong()).incrementAndGet();
            seconds.computeIfAbsent(label, k -> new DoubleAdder()).add((System.nanoTime() - started) / 1e9);
            exchange.close();
        }
    }

    /** Whether {@code e} says MongoDB cannot be reached or did not answer in time (a 503, not the API's fault). */
    static boolean storeUnavailable(Throwable e) {
        return e instanceof MongoTimeoutException || e instanceof MongoSocketException
                || e instanceof MongoExecutionTimeoutException || e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException;
    }

    /** The headers of every answer: no sniffing, no framing, no referrer, a policy Swagger UI works under; CORS when allowed. */
    private void headers(HttpExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("Cross-Origin-Resource-Policy", corsOrigins.isEmpty() ? "same-origin" : "cross-origin");
        cors(exchange);
    }

    /** Adds the CORS headers when the request's {@code Origin} is allowed; whether it is. */
    private boolean cors(HttpExchange exchange) {
        var origin = exchange.getRequestHeaders().getFirst("Origin");
        exchange.getResponseHeaders().add("Vary", "Origin");
        if (origin == null || !corsOrigins.contains(origin)) {
            return false;
        }
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        return true;
    }

    private static Map<String, Object> arguments(Route route, Map<String, String> pathValues, String rawQuery) {
        var query = new HashMap<String, String>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (var pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (route.params().stream().noneMatch(p -> p.in().equals("query") && p.name().equals(key))) {
                    throw new Param.BadRequest(key, "is not a parameter of " + route.path(), "parameters: "
                            + route.params().stream().filter(p -> p.in().equals("query")).map(Param::name).toList());
                }
                if (query.put(key, value) != null) {
                    throw new Param.BadRequest(key, "is given twice", "once");
                }
            }
        }
        var args = new HashMap<String, Object>();
        for (var param : route.params()) {
            args.put(param.name(), param.parse(param.in().equals("path") ? pathValues.get(param.name()) : query.get(param.name())));
        }
        return args;
    }

    private int docs(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/docs") || path.equals("/docs/")) {
            return send(exchange, 200, "text/html; charset=utf-8", """
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>Data pipeline API</title>
                    <link rel="stylesheet" href="/docs/swagger-ui.css"></head>
                    <body><div id="swagger-ui"></div>
                    <script src="/docs/swagger-ui-bundle.js"></script>
                    <script src="/docs/init.js"></script>
                    </body></html>
                    """);
        }
        var file = path.substring("/docs/".length());
        if (file.equals("init.js")) {
            return send(exchange, 200, "application/javascript",
                    "window.ui = SwaggerUIBundle({url: \"/openapi.json\", dom_id: \"#swagger-ui\"});\n");
        }
        if (!file.matches("[A-Za-z0-9._-]+")) {
            return send(exchange, 404, "application/json", Map.of("error", "no file " + file));
        }
        try (InputStream in = ApiServer.class.getResourceAsStream(swaggerUi + file)) {
            if (in == null) {
                return send(exchange, 404, "application/json", Map.of("error", "no file " + file));
            }
            var type = file.endsWith(".css") ? "text/css" : file.endsWith(".js") ? "application/javascript" : "application/octet-stream";
            return sendBytes(exchange, 200, type, in.readAllBytes());
        }
    }

    private String metrics() {
        var out = new StringBuilder("# HELP api_requests_total Requests by route and status.\n# TYPE api_requests_total counter\n");
        requests.forEach((key, count) -> {
            var parts = key.split("\t");
            out.append("api_requests_total{route=\"").append(parts[0]).append("\",status=\"").append(parts[1]).append("\"} ").append(count.get()).append('\n');
        });
        out.append("# HELP api_request_duration_seconds Time spent answering, by route.\n# TYPE api_request_duration_seconds summary\n");
        seconds.forEach((route, sum) -> {
            long count = requests.entrySet().stream().filter(e -> e.getKey().startsWith(route + "\t")).mapToLong(e -> e.getValue().get()).sum();
            out.append("api_request_duration_seconds_sum{route=\"").append(route).append("\"} ").append(sum.sum()).append('\n');
            out.append("api_request_duration_seconds_count{route=\"").append(route).append("\"} ").append(count).append('\n');
        });
        return out.toString();
    }

    private static int send(HttpExchange exchange, int status, String type, Object body) throws IOException {
        var bytes = (body instanceof String text ? text : EventJson.write(body)).getBytes(StandardCharsets.UTF_8);
        return sendBytes(exchange, status, type, bytes);
    }

    /** Sends the answer; to a HEAD its headers and length only (the JDK server then sends no body). */
    private static int sendBytes(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        if (bytes.length == 0 || exchange.getRequestMethod().equals("HEAD")) {
            if (bytes.length > 0) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
            }
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        return status;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
