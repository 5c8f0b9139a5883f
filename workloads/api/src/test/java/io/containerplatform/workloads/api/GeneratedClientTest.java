package io.containerplatform.workloads.api;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.containerplatform.workloads.api.client.DataApi;
import io.containerplatform.workloads.api.client.OperationsApi;
import io.containerplatform.workloads.api.client.invoker.ApiClient;
import io.containerplatform.workloads.api.client.invoker.ApiException;
import io.containerplatform.workloads.api.client.model.Event;
import io.containerplatform.workloads.event.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Java client openapi-generator makes from the committed {@code openapi.json} (at build time, see the pom)
 * against the running API: pages, filters, numbers as numbers, HEAD, and every error as the document says.
 */
class GeneratedClientTest {

    static MongoServer mongo;
    static MongoClient client;
    static ApiServer api;
    static DataApi data;
    static OperationsApi operations;

    @BeforeAll
    static void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        var address = mongo.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        ApiServerTest.seed(client.getDatabase("pipeline"));
        api = new ApiServer(client.getDatabase("pipeline"), 0);
        var apiClient = new ApiClient();
        apiClient.updateBaseUri("http://localhost:" + api.port());
        data = new DataApi(apiClient);
        operations = new OperationsApi(apiClient);
    }

    @AfterAll
    static void stop() {
        api.close();
        client.close();
        mongo.shutdown();
    }

    @Test
    void probesAndMetrics() throws Exception {
        assertThat(operations.getHealth().getStatus()).isEqualTo("ok");
        assertThat(operations.getReady().getStatus()).isEqualTo("ready");
        operations.headHealth();
        assertThat(operations.getMetrics()).contains("api_requests_total");
    }

    @Test
    void pagesWalkEveryEventOnce() throws Exception {
        var ids = new ArrayList<String>();
        String cursor = null;
        do {
            var page = data.getData(null, null, null, null, 64, cursor);
            page.getItems().forEach(event -> ids.add(event.getId()));
            cursor = page.getNext();
        } while (cursor != null);
        assertThat(ids).hasSize(250).doesNotHaveDuplicates().startsWith("e249", "e248");
    }

    @Test
    void filtersAndNumbersAsNumbers() throws Exception {
        var from = OffsetDateTime.parse("2026-01-01T00:01:00Z");
        var to = OffsetDateTime.parse("2026-01-01T00:02:00Z");
        var page = data.getData("s1", "temperature", from, to, 1000, null);
        assertThat(page.getItems()).hasSize(6).allSatisfy(event -> {
            assertThat(event.getSource()).isEqualTo("s1");
            assertThat(event.getTimestamp()).isAfterOrEqualTo(from).isBefore(to);
        });
        assertThat(page.getNext()).isNull();
        Event event = data.getDataId("e007");
        assertThat(event.getValue()).isEqualTo(7.0);
        assertThat(event.getAttributes()).isEqualTo(Map.of("site", "lyon"));
        var aggregate = data.getAggregates("s0", null, null, null).getItems().get(0);
        assertThat(aggregate.getCount()).isEqualTo(6L);
        assertThat(List.of(aggregate.getSum(), aggregate.getMin(), aggregate.getMax())).containsExactly(30.0, 0.0, 10.0);
        data.headData(null, null, null, null, 3, null);
    }

    @Test
    void aNonFiniteNumberIsNullNotAString() throws Exception {
        var db = client.getDatabase("nonfinite");
        db.getCollection("events").insertOne(new org.bson.Document("_id", "nan").append("source", "s9").append("type", "t")
                .append("timestamp", java.util.Date.from(java.time.Instant.parse("2025-01-01T00:00:00Z"))).append("value", Double.NaN));
        db.getCollection("aggregates").insertOne(new org.bson.Document("_id", "overflow").append("source", "s9").append("type", "t")
                .append("minute", java.util.Date.from(java.time.Instant.parse("2025-01-01T00:00:00Z")))
                .append("count", 2).append("sum", Double.POSITIVE_INFINITY).append("min", 1e308).append("max", 1.7e308));
        try (var nonFinite = new ApiServer(db, 0)) {
            var apiClient = new ApiClient();
            apiClient.updateBaseUri("http://localhost:" + nonFinite.port());
            var its = new DataApi(apiClient);
            assertThat(its.getDataId("nan").getValue()).isNull();
            var aggregate = its.getAggregates("s9", null, null, null).getItems().get(0);
            assertThat(aggregate.getSum()).isNull();
            assertThat(aggregate.getMax()).isEqualTo(1.7e308);
            assertThat(its.getData(null, null, null, null, null, null).getItems()).extracting(Event::getId).containsExactly("nan");
        }
    }

    static ApiException failure(ThrowingCall call) {
        return catchThrowableOfType(call::run, ApiException.class);
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void errorsAreTheDocumentsAnswers() throws Exception {
        var badLimit = failure(() -> data.getData(null, null, null, null, 0, null));
        assertThat(badLimit.getCode()).isEqualTo(400);
        var body = EventJson.mapper().readValue(badLimit.getResponseBody(), io.containerplatform.workloads.api.client.model.Error.class);
        assertThat(body.getParameter()).isEqualTo("limit");
        assertThat(body.getAllowed()).isEqualTo("an integer from 1 to 1000");
        var badCursor = failure(() -> data.getData(null, null, null, null, null, "%zz"));
        assertThat(badCursor.getCode()).isEqualTo(400);
        assertThat(failure(() -> data.getDataId("nope")).getCode()).isEqualTo(404);
        assertThat(failure(() -> data.headDataId("nope")).getCode()).isEqualTo(404);
        assertThat(failure(() -> operations.optionsData()).getCode()).isEqualTo(405);
        assertThat(failure(() -> data.getData("x".repeat(ApiServer.MAX_HEADER_BYTES), null, null, null, null, null)).getCode()).isEqualTo(414);
    }

    @Test
    void anOutageIsA503WithRetryAfter() throws Exception {
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var settings = ApiMain.clientSettings(new ConnectionString("mongodb://localhost:" + port + "/pipeline"), Optional.empty());
        try (var down = MongoClients.create(settings); var outage = new ApiServer(down.getDatabase("pipeline"), 0)) {
            var apiClient = new ApiClient();
            apiClient.updateBaseUri("http://localhost:" + outage.port());
            var unavailable = failure(() -> new DataApi(apiClient).getData(null, null, null, null, null, null));
            assertThat(unavailable.getCode()).isEqualTo(503);
            assertThat(unavailable.getResponseHeaders().firstValue("Retry-After")).hasValue("5");
        }
    }
}
