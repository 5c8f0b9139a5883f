package io.containerplatform.workloads.api;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;
import io.containerplatform.workloads.event.EventJson;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Worker threads answering requests (Jetty reads requests without holding one: a slow client holds none). */
    static final int THREADS = 64;
    /** Bytes a request line and its headers may take in all: a longer request line is a 414, longer headers a 431. */
    static final int MAX_HEADER_BYTES = 8192;
    /**
     * Milliseconds a connection may stay silent (while sending its request, or idle between requests) before it is
     * closed, and a request may take to arrive whole however steadily it trickles ({@link RequestDeadline}); a slow
     * client holds no worker thread meanwhile, only its connection.
     */
    static final long TIMEOUT_MS = 10_000;
    /** Connections open at once; past that the server stops accepting until one closes (trickling clients cannot exhaust file descriptors). */
    static final int MAX_CONNECTIONS = 1024;

    private final Server server;
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
        this(database, port, corsOrigins, TIMEOUT_MS);
    }

    ApiServer(MongoDatabase database, int port, List<String> corsOrigins, long timeoutMs) throws IOException {
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
        var threads = new QueuedThreadPool(THREADS, 8);
        threads.setName("api");
        this.server = new Server(threads);
        var http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        connector.setIdleTimeout(timeoutMs);
        connector.addBean(new RequestDeadline(timeoutMs));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                ApiServer.this.handle(new Exchange(request, response, callback));
                return true;
            }
        });
        server.setErrorHandler(new JsonErrors());
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** One request being answered: its request, its response and the callback completing it. */
    private record Exchange(Request request, Response response, Callback callback) {
        String method() {
            return request.getMethod();
        }

        HttpFields.Mutable headers() {
            return response.getHeaders();
        }
    }

    /**
     * Jetty's own refusals, as JSON and counted: a request line longer than {@link #MAX_HEADER_BYTES} (414),
     * headers longer than that in all (431), a request Jetty cannot parse or a path it will not decode (400).
     */
    private final class JsonErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            var exchange = new Exchange(request, response, callback);
            headers(exchange);
            count("other", code, 0);
            send(exchange, code, "application/json", Map.of("error", problem(code, message, cause)));
        }
    }

    /** What a refusal of Jetty's says: the limit broken, a path Jetty's URI parser refuses (its bad %-escapes), or Jetty's reason. */
    static String problem(int status, String reason, Throwable cause) {
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return switch (status) {
            case 414 -> "the request line is longer than " + MAX_HEADER_BYTES + " bytes";
            case 431 -> "the request line and headers are longer than " + MAX_HEADER_BYTES + " bytes in all";
            default -> cause instanceof IllegalArgumentException
                    ? "path is not a valid URI path (" + cause.getMessage() + "): a % must be followed by two hexadecimal digits (%25 for % itself)"
                    : "bad request: " + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason);
        };
    }

    private static void checkRange(Map<String, Object> args) {
        if (args.get("from") instanceof Instant from && args.get("to") instanceof Instant to && !from.isBefore(to)) {
            throw new Param.BadRequest("to", "is not after from", "an RFC 3339 instant after from");
        }
    }

    private void handle(Exchange exchange) {
        long started = System.nanoTime();
        var path = exchange.request().getHttpURI().getPath();
        var method = exchange.method();
        String label = "other";
        int status = 500;
        try {
            headers(exchange);
            if (method.equals("OPTIONS") && cors(exchange)) {
                exchange.headers().put("Access-Control-Allow-Methods", ALLOWED_METHODS);
                exchange.headers().put("Access-Control-Max-Age", "600");
                status = sendBytes(exchange, 204, null, new byte[0]);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.headers().put("Allow", ALLOWED_METHODS);
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
                    var response = route.handler().apply(arguments(route, pathValues, exchange.request().getHttpURI().getQuery()));
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
                LOG.warning(exchange.request().getHttpURI() + ": MongoDB unavailable: " + e.getMessage());
                exchange.headers().put("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                status = send(exchange, 503, "application/json", Map.of("error", "MongoDB is unavailable, retry later"));
            } else {
                LOG.warning(exchange.request().getHttpURI() + " failed: " + e);
                status = send(exchange, 500, "application/json", Map.of("error", "internal error"));
            }
        } finally {
            count(label, status, System.nanoTime() - started);
        }
    }

    private void count(String label, int status, long nanos) {
        requests.computeIfAbsent(label + "\t" + status, k -> new AtomicLong()).incrementAndGet();
        seconds.computeIfAbsent(label, k -> new DoubleAdder()).add(nanos / 1e9);
    }

    /**
     * Whether {@code e} says MongoDB cannot be reached or did not answer in time (a 503, not the API's fault); a
     * connection pool cleared under a query (the driver's monitor lost the server) is one.
     */
    static boolean storeUnavailable(Throwable e) {
        return e instanceof MongoTimeoutException || e instanceof MongoSocketException || e instanceof MongoConnectionPoolClearedException
                || e instanceof MongoExecutionTimeoutException || e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException;
    }

    /** The headers of every answer: no sniffing, no framing, no referrer, a policy Swagger UI works under; CORS when allowed. */
    private void headers(Exchange exchange) {
        var headers = exchange.headers();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Cross-Origin-Resource-Policy", corsOrigins.isEmpty() ? "same-origin" : "cross-origin");
        cors(exchange);
    }

    /** Adds the CORS headers when the request's {@code Origin} is allowed; whether it is. */
    private boolean cors(Exchange exchange) {
        var origin = exchange.request().getHeaders().get("Origin");
        exchange.headers().put("Vary", "Origin");
        if (origin == null || !corsOrigins.contains(origin)) {
            return false;
        }
        exchange.headers().put("Access-Control-Allow-Origin", origin);
        return true;
    }

    private static Map<String, Object> arguments(Route route, Map<String, String> pathValues, String rawQuery) {
        var query = new HashMap<String, String>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (var pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                var key = Param.decode(eq < 0 ? pair : pair.substring(0, eq), "query", "query", "a parameter name");
                var value = eq < 0 ? "" : Param.decode(pair.substring(eq + 1), "query", key, "its value");
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

    private int docs(Exchange exchange, String path) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** Sends {@code body}: a string as it is, anything else as JSON, encoded to UTF-8 bytes directly (no string between). */
    private static int send(Exchange exchange, int status, String type, Object body) {
        return sendBytes(exchange, status, type, body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : EventJson.bytes(body));
    }

    /** Sends the answer; to a HEAD its headers and length only. */
    private static int sendBytes(Exchange exchange, int status, String type, byte[] bytes) {
        exchange.response().setStatus(status);
        if (type != null) {
            exchange.headers().put(HttpHeader.CONTENT_TYPE, type);
        }
        if (status != 204) {
            exchange.headers().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        }
        boolean head = exchange.method().equals("HEAD");
        exchange.response().write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), exchange.callback());
        return status;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warning("stopping the API: " + e);
        }
    }
}
