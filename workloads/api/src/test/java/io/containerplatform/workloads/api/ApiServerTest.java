package io.containerplatform.workloads.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.containerplatform.workloads.event.EventJson;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ApiServerTest {

    static MongoServer mongo;
    static MongoClient client;
    static ApiServer api;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        var address = mongo.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        var db = client.getDatabase("pipeline");
        seed(db);
        api = new ApiServer(db, 0);
    }

    /**
     * 250 events {@code e000}..{@code e249}, sources {@code s0} (even) and {@code s1} (odd), two per 10 s from
     * 2026-01-01T00:00:00Z, value = number, {@code e007} with attribute site=lyon; one aggregate of s0's first minute.
     */
    static void seed(MongoDatabase db) {
        var events = new ArrayList<Document>();
        for (int i = 0; i < 250; i++) {
            var doc = new Document("_id", String.format("e%03d", i)).append("source", i % 2 == 0 ? "s0" : "s1").append("type", "temperature")
                    .append("timestamp", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i / 2 * 10))).append("value", (double) i);
            if (i == 7) {
                doc.append("attributes", new Document("site", "lyon"));
            }
            events.add(doc);
        }
        db.getCollection("events").insertMany(events);
        db.getCollection("aggregates").insertOne(new Document("_id", new Document("source", "s0").append("type", "temperature")
                .append("minute", Date.from(Instant.parse("2026-01-01T00:00:00Z"))))
                .append("source", "s0").append("type", "temperature").append("minute", Date.from(Instant.parse("2026-01-01T00:00:00Z")))
                .append("count", 6).append("sum", 30.0).append("min", 0.0).append("max", 10.0).append("ids", List.of("e000")));
    }

    @AfterAll
    static void stop() {
        api.close();
        client.close();
        mongo.shutdown();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return EventJson.mapper().readTree(response.body());
    }

    @Test
    void healthAndReadiness() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(json(get("/ready")).get("status").asText()).isEqualTo("ready");
    }

    @Test
    void pagesWalkEveryEventNewestFirstExactlyOnce() throws Exception {
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = json(get("/data?limit=40" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(7);
        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("e249");
        assertThat(seen.get(1)).isEqualTo("e248");
    }

    @Test
    void filtersBySourceTypeAndTime() throws Exception {
        var page = json(get("/data?source=s1&type=temperature&from=2026-01-01T00:01:00Z&to=2026-01-01T00:02:00Z&limit=1000"));
        var ids = new HashSet<String>();
        page.get("items").forEach(item -> {
            ids.add(item.get("id").asText());
            assertThat(item.get("source").asText()).isEqualTo("s1");
            assertThat(Instant.parse(item.get("timestamp").asText())).isBetween(Instant.parse("2026-01-01T00:01:00Z"),
                    Instant.parse("2026-01-01T00:01:59Z"));
        });
        assertThat(ids).hasSize(6);
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void oneEventByIdWithItsFieldsAndA404ForAnUnknownOne() throws Exception {
        var event = json(get("/data/e007"));
        assertThat(event.toString()).isEqualTo("{\"id\":\"e007\",\"source\":\"s1\",\"type\":\"temperature\","
                + "\"timestamp\":\"2026-01-01T00:00:30Z\",\"value\":7.0,\"attributes\":{\"site\":\"lyon\"}}");
        var missing = get("/data/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).isEqualTo("no event with id nope");
    }

    @Test
    void aggregatesWithoutTheirBookkeeping() throws Exception {
        var body = json(get("/aggregates?source=s0&from=2026-01-01T00:00:00Z"));
        assertThat(body.get("items").toString()).isEqualTo("[{\"source\":\"s0\",\"type\":\"temperature\",\"minute\":\"2026-01-01T00:00:00Z\","
                + "\"count\":6,\"sum\":30.0,\"min\":0.0,\"max\":10.0}]");
    }

    @Test
    void aBadParameterIsA400NamingItAndWhatIsAllowed() throws Exception {
        record Bad(String query, String parameter, String error) {
        }
        for (var bad : List.of(
                new Bad("/data?limit=0", "limit", "limit 0 is out of range"),
                new Bad("/data?limit=1001", "limit", "limit 1001 is out of range"),
                new Bad("/data?limit=ten", "limit", "limit \"ten\" is not an integer"),
                new Bad("/data?from=yesterday", "from", "from \"yesterday\" is not an RFC 3339 instant"),
                new Bad("/data?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to", "to is not after from"),
                new Bad("/data?cursor=%25%25", "cursor", "cursor \"%%\" is not a cursor of this API"),
                new Bad("/data?source=", "source", "source is empty"),
                new Bad("/data?colour=red", "colour", "colour is not a parameter of /data"),
                new Bad("/data?limit=1&limit=2", "limit", "limit is given twice"),
                new Bad("/aggregates?to=2026-13-01T00:00:00Z", "to", "to \"2026-13-01T00:00:00Z\" is not an RFC 3339 instant"))) {
            var response = get(bad.query());
            assertThat(response.statusCode()).describedAs(bad.query()).isEqualTo(400);
            var body = json(response);
            assertThat(body.get("parameter").asText()).describedAs(bad.query()).isEqualTo(bad.parameter());
            assertThat(body.get("error").asText()).describedAs(bad.query()).isEqualTo(bad.error());
            assertThat(body.get("allowed").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void theOpenApiDocumentIsValidAndDescribesEveryRouteAndParameter() throws Exception {
        var result = new OpenAPIV3Parser().readContents(get("/openapi.json").body());
        assertThat(result.getMessages()).isEmpty();
        var openApi = result.getOpenAPI();
        assertThat(openApi.getPaths()).containsOnlyKeys("/health", "/ready", "/data", "/data/{id}", "/aggregates", "/metrics");
        var data = openApi.getPaths().get("/data").getGet();
        assertThat(data.getParameters()).extracting(p -> p.getName()).containsExactly("source", "type", "from", "to", "limit", "cursor");
        var limit = data.getParameters().stream().filter(p -> p.getName().equals("limit")).findFirst().orElseThrow();
        assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo("1000");
        assertThat(data.getResponses()).containsKeys("200", "400", "500", "503");
        assertThat(data.getResponses().get("503").getHeaders()).containsKey("Retry-After");
        assertThat(openApi.getPaths().get("/data").getHead().getResponses()).containsKeys("200", "400", "414", "431", "500", "503");
        assertThat(openApi.getPaths().get("/health").getGet().getResponses()).containsOnlyKeys("200", "400", "414", "431", "500");
        assertThat(openApi.getPaths().get("/health").getOptions().getResponses()).containsOnlyKeys("204", "400", "405", "414", "431");
        assertThat(openApi.getServers()).extracting(s -> s.getUrl()).containsExactly("/");
        assertThat(openApi.getPaths().get("/data/{id}").getGet().getResponses()).containsKeys("200", "404");
        assertThat(openApi.getComponents().getSchemas()).containsKeys("Event", "EventPage", "Aggregate", "Aggregates", "Error");
    }

    @Test
    void theDocumentListsEveryAnswerEachOperationGives() throws Exception {
        var document = json(get("/openapi.json"));
        var big = "x".repeat(ApiServer.MAX_HEADER_BYTES);
        // plainly, with an unknown parameter, with an over-long query, with over-long headers
        var variants = List.of(" HTTP/1.1\r\n", "?nope=1 HTTP/1.1\r\n", "?" + big + " HTTP/1.1\r\n", " HTTP/1.1\r\nX-Big: " + big + "\r\n");
        var paths = document.get("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            var target = path.getKey().replace("{id}", "e001");
            for (var method : List.of("GET", "HEAD", "OPTIONS", "POST")) {
                var given = new HashSet<Integer>();
                for (var variant : variants) {
                    given.add(status(raw(api.port(), method + " " + target + variant + "Host: localhost\r\nConnection: close\r\n\r\n")));
                }
                var documented = path.getValue().get(method.toLowerCase());
                if (documented == null) {
                    // another method: a 405 (the document's description says so), or refused before its method is read
                    assertThat(given).describedAs(method + " " + target).isSubsetOf(405, 414, 431);
                    continue;
                }
                for (int status : given) {
                    assertThat(documented.get("responses").has(String.valueOf(status)))
                            .describedAs(method + " " + target + " answered " + status + ", which the document does not list").isTrue();
                }
            }
        }
    }

    static int status(String answer) {
        return Integer.parseInt(answer.split(" ", 3)[1]);
    }

    @Test
    void swaggerUiIsServedFromTheWebjar() throws Exception {
        var page = get("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/docs/init.js").doesNotContain("<script>");
        assertThat(get("/docs/init.js").body()).contains("SwaggerUIBundle").contains("/openapi.json");
        var bundle = get("/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(get("/docs/../app.properties").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsCountRequestsByRouteAndStatus() throws Exception {
        get("/data/e001");
        get("/data?limit=0");
        var metrics = get("/metrics").body();
        assertThat(metrics).contains("api_requests_total{route=\"/data/{id}\",status=\"200\"}")
                .contains("api_requests_total{route=\"/data\",status=\"400\"}")
                .contains("api_request_duration_seconds_count{route=\"/data/{id}\"}");
    }

    static HttpResponse<String> send(int port, String method, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void headAnswersTheGetsStatusAndHeadersWithoutABodyAndCountsAsWhatItAnswered() throws Exception {
        var full = get("/data?limit=3");
        var head = send(api.port(), "HEAD", "/data?limit=3");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(full.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(send(api.port(), "HEAD", "/data?limit=0").statusCode()).isEqualTo(400);
        send(api.port(), "HEAD", "/health");
        assertThat(get("/metrics").body()).contains("api_requests_total{route=\"/health\",status=\"200\"}")
                .doesNotContain("status=\"500\"");
    }

    @Test
    void anotherMethodIsA405ListingTheAllowedOnes() throws Exception {
        for (var method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            var response = send(api.port(), method, "/data");
            assertThat(response.statusCode()).describedAs(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(json(response).get("error").asText()).isEqualTo(method + " is not allowed: only GET, HEAD");
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (var path : List.of("/data", "/docs", "/nope", "/data?limit=0")) {
            var headers = get(path).headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).describedAs(path).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).describedAs(path).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).describedAs(path).hasValue("no-referrer");
            assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).describedAs(path)
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("script-src");
            assertThat(headers.firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void corsIsOffByDefaultAndAnswersOnlyTheListedOrigins() throws Exception {
        var origin = "https://app.example.com";
        assertThat(send(api.port(), "OPTIONS", "/data", "Origin", origin, "Access-Control-Request-Method", "GET").statusCode()).isEqualTo(405);
        try (var withCors = new ApiServer(client.getDatabase("pipeline"), 0, List.of(origin))) {
            var preflight = send(withCors.port(), "OPTIONS", "/data", "Origin", origin, "Access-Control-Request-Method", "GET");
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD");
            assertThat(send(withCors.port(), "GET", "/health", "Origin", origin).headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
            var other = send(withCors.port(), "OPTIONS", "/data", "Origin", "https://evil.example.com");
            assertThat(other.statusCode()).isEqualTo(405);
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void corsOriginsAreCheckedNamingTheKey() {
        var errors = new ArrayList<String>();
        assertThat(ApiMain.corsOrigins(" https://a.example.com, http://localhost:3000 ", errors))
                .containsExactly("https://a.example.com", "http://localhost:3000");
        assertThat(ApiMain.corsOrigins(null, errors)).isEmpty();
        assertThat(errors).isEmpty();
        ApiMain.corsOrigins("https://a.example.com/path,*", errors);
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("CORS_ALLOWED_ORIGINS: \"").contains("allowed:"));
    }

    /** Sends {@code request} as it is on a new connection and returns all the server answers before closing it. */
    static String raw(int port, String request) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String rawGet(String target, String... headerLines) throws Exception {
        var headers = new StringBuilder();
        for (var line : headerLines) {
            headers.append(line).append("\r\n");
        }
        return raw(api.port(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n");
    }

    /** The status, {@code Content-Type} and JSON body of a raw answer. */
    record Answer(int status, String contentType, JsonNode body) {
        static Answer of(String text) throws Exception {
            var head = text.substring(0, text.indexOf("\r\n\r\n"));
            var type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).map(l -> l.substring(13).trim()).findFirst().orElse(null);
            return new Answer(Integer.parseInt(head.split(" ")[1]), type, EventJson.mapper().readTree(text.substring(head.length() + 4)));
        }
    }

    /** The count of one series of {@code /metrics}, 0 when absent. */
    static long metric(String series) throws Exception {
        return get("/metrics").body().lines().filter(l -> l.startsWith(series + " ")).mapToLong(l -> Long.parseLong(l.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void anOverLongRequestLineIsA414AndOverLongHeadersA431AsJsonCountedAsSuch() throws Exception {
        var uriTooLong = "api_requests_total{route=\"other\",status=\"414\"}";
        var headersTooLarge = "api_requests_total{route=\"other\",status=\"431\"}";
        long uriTooLongBefore = metric(uriTooLong);
        long headersTooLargeBefore = metric(headersTooLarge);
        var longLine = Answer.of(rawGet("/data?source=" + "a".repeat(ApiServer.MAX_HEADER_BYTES)));
        assertThat(longLine.status()).isEqualTo(414);
        assertThat(longLine.contentType()).isEqualTo("application/json");
        assertThat(longLine.body().get("error").asText()).contains("request line").contains(String.valueOf(ApiServer.MAX_HEADER_BYTES));
        var longHeaders = Answer.of(rawGet("/health", "X-Big: " + "b".repeat(ApiServer.MAX_HEADER_BYTES)));
        assertThat(longHeaders.status()).isEqualTo(431);
        assertThat(longHeaders.contentType()).isEqualTo("application/json");
        assertThat(longHeaders.body().get("error").asText()).contains("headers").contains(String.valueOf(ApiServer.MAX_HEADER_BYTES));
        assertThat(metric(uriTooLong)).isEqualTo(uriTooLongBefore + 1);
        assertThat(metric(headersTooLarge)).isEqualTo(headersTooLargeBefore + 1);
    }

    @Test
    void aMalformedRequestIsAJson400NamingWhatIsWrong() throws Exception {
        record Bad(String target, String error) {
        }
        for (var bad : List.of(
                new Bad("/data?source=%zz", "source has a bad %-escape"),
                new Bad("/data?source=%e9", "source is not UTF-8 once %-decoded"),
                new Bad("/data?sou%2rce=x", "query has a bad %-escape in a parameter name"),
                new Bad("/data/%zz", "path is not a valid URI path (!hex z): a % must be followed by two hexadecimal digits"),
                new Bad("/data/%e9", "bad request: Bad UTF-8 encoding"),
                new Bad("/nowhere%", "path is not a valid URI path (Bad URI % encoding)"))) {
            var answer = Answer.of(rawGet(bad.target()));
            assertThat(answer.status()).describedAs(bad.target()).isEqualTo(400);
            assertThat(answer.contentType()).describedAs(bad.target()).isEqualTo("application/json");
            assertThat(answer.body().get("error").asText()).describedAs(bad.target()).contains(bad.error());
        }
        var noHost = Answer.of(raw(api.port(), "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"));
        assertThat(noHost.status()).isEqualTo(400);
        assertThat(noHost.body().get("error").asText()).contains("Host");
        for (var request : List.of("NOT HTTP AT ALL\r\n\r\n", "GET /health HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n")) {
            var garbage = Answer.of(raw(api.port(), request));
            assertThat(garbage.status()).describedAs(request).isEqualTo(400);
            assertThat(garbage.contentType()).describedAs(request).isEqualTo("application/json");
            assertThat(garbage.body().get("error").asText()).describedAs(request).startsWith("bad request: ");
        }
        assertThat(get("/metrics").body()).contains("api_requests_total{route=\"/data\",status=\"400\"}")
                .contains("api_requests_total{route=\"other\",status=\"400\"}");
    }

    @Test
    void clientsTricklingTheirRequestsHoldNoWorkerThread() throws Exception {
        var slow = new ArrayList<Socket>();
        // timeouts of 2 minutes: a server reading requests on its worker threads would leave the last request
        // unanswered past raw()'s 60 s read timeout
        try (var patient = new ApiServer(client.getDatabase("pipeline"), 0, List.of(), 120_000)) {
            for (int i = 0; i < ApiServer.THREADS * 2; i++) {
                var socket = new Socket("localhost", patient.port());
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            var answer = Answer.of(raw(patient.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
            assertThat(answer.status()).isEqualTo(200);
        } finally {
            for (var socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aClientTricklingItsRequestPastTheDeadlineLosesTheConnectionThoughNeverSilent() throws Exception {
        try (var quick = new ApiServer(client.getDatabase("pipeline"), 0, List.of(), 500);
             var socket = new Socket("localhost", quick.port())) {
            var out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(100);
            int sent = 0;
            boolean closed = false;
            // a byte every 100 ms (the idle timeout, 500 ms, never fires) for up to 20 s, 40 times the deadline
            while (!closed && sent < 200) {
                try {
                    out.write('x');
                    out.flush();
                    sent++;
                    var in = socket.getInputStream();
                    if (in.read() != -1) {
                        // the server answered (its error response, read a byte at a time here before): it then closes
                        socket.setSoTimeout(5000);
                        in.readAllBytes();
                    }
                    closed = true;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing to read yet: the connection is still open
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).describedAs("the server closed the connection before the client sent its 200 bytes").isTrue();
        }
    }

    @Test
    void aClientSilentLongerThanTheIdleTimeoutLosesTheConnection() throws Exception {
        try (var quick = new ApiServer(client.getDatabase("pipeline"), 0, List.of(), 500)) {
            var answer = raw(quick.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            assertThat(answer).describedAs("nothing, or a 408, then the connection closed").satisfiesAnyOf(
                    a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 408"));
        }
    }

    @Test
    void aConnectionPoolClearedUnderAQueryIsTheStoreUnavailableNotAnInternalError() {
        var server = new com.mongodb.connection.ServerId(new com.mongodb.connection.ClusterId(), new com.mongodb.ServerAddress("localhost"));
        assertThat(ApiServer.storeUnavailable(new com.mongodb.MongoConnectionPoolClearedException(server, null))).isTrue();
        assertThat(ApiServer.storeUnavailable(new com.mongodb.MongoException("a query the server refused"))).isFalse();
    }

    @Test
    void aStoreOutageIsA503WithRetryAfterAndReadinessSaysSo() throws Exception {
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var settings = ApiMain.clientSettings(new ConnectionString("mongodb://localhost:" + port + "/pipeline"), java.util.Optional.empty());
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(500);
        assertThat(settings.getHeartbeatSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS))
                .describedAs("a heartbeat answered later clears the whole pool: a busy server must not look dead")
                .isGreaterThanOrEqualTo(2000);
        try (var down = MongoClients.create(settings); var outage = new ApiServer(down.getDatabase("pipeline"), 0)) {
            var ready = send(outage.port(), "GET", "/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(json(ready).get("status").asText()).isEqualTo("MongoDB unreachable");
            for (var path : List.of("/data", "/data/e001", "/aggregates?source=s0")) {
                var response = send(outage.port(), "GET", path);
                assertThat(response.statusCode()).describedAs(path).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).describedAs(path).hasValue("5");
                assertThat(json(response).get("error").asText()).isEqualTo("MongoDB is unavailable, retry later");
            }
            assertThat(send(outage.port(), "GET", "/metrics").body()).contains("api_requests_total{route=\"/data\",status=\"503\"} 1");
        }
    }
}
