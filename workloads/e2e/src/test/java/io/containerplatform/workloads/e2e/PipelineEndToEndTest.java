package io.containerplatform.workloads.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.GetResponse;
import io.containerplatform.workloads.api.ApiServer;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.EventJson;
import io.containerplatform.workloads.event.StoreIndexes;
import io.containerplatform.workloads.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The seed-004 pipeline end to end on a real RabbitMQ broker: the producer publishes 10,000 messages with
 * duplicates and invalid ones; the processors (as {@code java -jar processor.jar}) store them; the API must then
 * return exactly the distinct valid events and exact aggregates, and the dead-letter queue must hold exactly the
 * invalid messages, each with its reason. Again with processors stopped (SIGTERM) and killed (SIGKILL) mid-stream
 * and restarted, and with two processors at once. The broker boots with the platform's definitions: quorum queues,
 * the processors connect as its processor user and the producer as its publisher user.
 */
class PipelineEndToEndTest {

    static final int COUNT = 10_000;
    static RabbitMqNode broker;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = RabbitMqNode.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static Pipeline pipeline(TestInfo test) throws Exception {
        var name = test.getTestMethod().orElseThrow().getName();
        return new Pipeline(broker, Path.of("target", "e2e", name));
    }

    @Test
    void tenThousandMessagesWithDuplicatesAndInvalidOnesComeOutExact(TestInfo test) throws Exception {
        try (var pipeline = pipeline(test)) {
            var report = pipeline.publish(COUNT, 0.1, 0.05, 1);
            pipeline.startProcessor(500);
            awaitDrained(pipeline, report);
            assertExact(pipeline, report);
        }
    }

    @Test
    void processorsStoppedAndKilledMidStreamLoseNothingAndCountNothingTwice(TestInfo test) throws Exception {
        try (var pipeline = pipeline(test)) {
            var report = pipeline.publish(COUNT, 0.1, 0.05, 2);
            var events = pipeline.database().getCollection(EventContract.EVENTS);
            var first = pipeline.startProcessor(200);
            Pipeline.await("the first processor stored 1,500 events", 120, () -> events.countDocuments() >= 1500);
            first.destroy(); // SIGTERM: finishes the batch under way, the rest goes back to the queue
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long afterStop = events.countDocuments();
            assertThat(afterStop).isLessThan(report.distinct().size());
            var second = pipeline.startProcessor(200);
            Pipeline.await("the second processor stored more", 120, () -> events.countDocuments() >= afterStop + 1500);
            second.destroyForcibly(); // SIGKILL, mid-batch: nothing is acknowledged before it is written
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(events.countDocuments()).isLessThan(report.distinct().size());
            pipeline.startProcessor(500);
            awaitDrained(pipeline, report);
            assertExact(pipeline, report);
        }
    }

    @Test
    void twoProcessorsAtOnceStillCountEachEventOnce(TestInfo test) throws Exception {
        try (var pipeline = pipeline(test)) {
            pipeline.startProcessor(300);
            pipeline.startProcessor(300);
            var report = pipeline.publish(COUNT, 0.1, 0.05, 3);
            awaitDrained(pipeline, report);
            assertExact(pipeline, report);
        }
    }

    /**
     * The idle case: the broker restarts while nothing flows (no delivery, no publish to notice it by). The processor
     * connects again on its own, re-registers its consumer and takes what is published after: it is the same process.
     */
    @Test
    void aProcessorIdleWhileTheBrokerRestartsConsumesWhatComesAfter(TestInfo test) throws Exception {
        try (var pipeline = pipeline(test)) {
            var processor = pipeline.startProcessor(100);
            var before = pipeline.publish(500, 0, 0, 4);
            awaitDrained(pipeline, before);
            broker.restart(broker.definitions(), Map.of());
            var after = pipeline.publish(500, 0, 0, 5);
            var events = pipeline.database().getCollection(EventContract.EVENTS);
            Pipeline.await("the events published after the restart are stored", 180,
                    () -> events.countDocuments() == before.distinct().size() + after.distinct().size());
            assertThat(processor.isAlive()).describedAs("the same processor, never restarted").isTrue();
            assertThat(pipeline.messages(pipeline.queue())).isZero();
        }
    }

    @Test
    void theApiAndTheProducerRunWithJavaJarAlone(TestInfo test) throws Exception {
        try (var pipeline = pipeline(test)) {
            var producer = Pipeline.javaJar("producer", "--count", "50", "--rate", "0", "--invalid", "0.1");
            producer.environment().putAll(pipeline.brokerEnvironment(RabbitMqNode.PUBLISHER));
            var published = producer.start();
            var output = new String(published.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(published.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(published.exitValue()).describedAs(output).isZero();
            assertThat(output).contains("sent 50 messages");
            assertThat(pipeline.messages(pipeline.queue())).isEqualTo(50);

            int port = RabbitMqNode.freePort();
            var api = Pipeline.javaJar("api").redirectOutput(Path.of("target", "e2e", "api.log").toFile());
            api.environment().putAll(Map.of("MONGODB_URI", pipeline.mongoUri(), "PORT", String.valueOf(port)));
            var server = api.start();
            try {
                Pipeline.await("the API answers", 60, () -> {
                    try {
                        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ready")).build(),
                                HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
                var docs = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/docs")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(docs.body()).contains("/docs/swagger-ui-bundle.js", "/docs/init.js");
                var init = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/docs/init.js")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(init.body()).contains("SwaggerUIBundle");
                var bundle = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/docs/swagger-ui-bundle.js")).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(bundle.statusCode()).isEqualTo(200);
                // at start the API created the indexes its queries need
                var names = new java.util.HashSet<String>();
                Pipeline.await("the API created its indexes", 60, () -> {
                    names.clear();
                    for (var collection : List.of(EventContract.EVENTS, EventContract.AGGREGATES)) {
                        pipeline.database().getCollection(collection).listIndexes().forEach(i -> names.add(i.getString("name")));
                    }
                    return names.containsAll(StoreIndexes.API.stream().map(StoreIndexes.Index::name).toList());
                });
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    static void awaitDrained(Pipeline pipeline, Producer.Report report) throws InterruptedException {
        var events = pipeline.database().getCollection(EventContract.EVENTS);
        var dlq = EventContract.deadLetterQueue(pipeline.queue());
        Pipeline.await("every message is handled", 240, () -> {
            try {
                return events.countDocuments() >= report.distinct().size() && pipeline.messages(dlq) >= report.invalid().size()
                        && pipeline.messages(pipeline.queue()) == 0;
            } catch (Exception e) {
                return false;
            }
        });
    }

    static void assertExact(Pipeline pipeline, Producer.Report report) throws Exception {
        try (ApiServer api = pipeline.startApi()) {
            // every distinct valid event, exactly once, with its fields
            var returned = new HashMap<String, JsonNode>();
            String cursor = null;
            do {
                var page = get(api, "/data?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
                for (var item : page.get("items")) {
                    assertThat(returned.put(item.get("id").asText(), item)).describedAs("event returned twice").isNull();
                }
                cursor = page.get("next").isNull() ? null : page.get("next").asText();
            } while (cursor != null);
            var expected = Producer.byId(report);
            assertThat(returned.keySet()).isEqualTo(expected.keySet());
            for (var entry : expected.entrySet()) {
                JsonNode sent = EventJson.mapper().valueToTree(entry.getValue());
                assertThat(returned.get(entry.getKey())).describedAs(entry.getKey()).isEqualTo(sent);
            }

            // exact aggregates: counts, minimum and maximum exactly; sums up to the order of floating-point additions
            var aggregates = new TreeMap<String, JsonNode>();
            get(api, "/aggregates").get("items").forEach(a -> aggregates.put(a.get("source").asText() + "|" + a.get("type").asText()
                    + "|" + a.get("minute").asText(), a));
            var want = new TreeMap<String, double[]>();
            for (var event : report.distinct()) {
                var key = event.source() + "|" + event.type() + "|" + event.timestamp().truncatedTo(ChronoUnit.MINUTES);
                var a = want.computeIfAbsent(key, k -> new double[]{0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
                a[0]++;
                a[1] += event.value();
                a[2] = Math.min(a[2], event.value());
                a[3] = Math.max(a[3], event.value());
            }
            assertThat(aggregates.keySet()).isEqualTo(want.keySet());
            want.forEach((key, a) -> {
                var got = aggregates.get(key);
                assertThat(got.get("count").asLong()).describedAs(key).isEqualTo((long) a[0]);
                assertThat(got.get("sum").asDouble()).describedAs(key).isCloseTo(a[1], within(1e-6));
                assertThat(got.get("min").asDouble()).describedAs(key).isEqualTo(a[2]);
                assertThat(got.get("max").asDouble()).describedAs(key).isEqualTo(a[3]);
            });
        }

        // the dead-letter queue: exactly the invalid messages, each with its reason
        var dead = new ArrayList<String>();
        try (var connection = pipeline.broker().connectionFactory().newConnection(); var channel = connection.createChannel()) {
            GetResponse message;
            while ((message = channel.basicGet(EventContract.deadLetterQueue(pipeline.queue()), true)) != null) {
                dead.add(new String(message.getBody(), StandardCharsets.UTF_8));
                assertThat(message.getProps().getHeaders()).containsKey(EventContract.REASON_HEADER);
                assertThat(message.getProps().getHeaders().get(EventContract.REASON_HEADER).toString()).isNotBlank();
            }
        }
        assertThat(dead).containsExactlyInAnyOrderElementsOf(report.invalid());
    }

    static JsonNode get(ApiServer api, String path) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).describedAs(path + ": " + response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }
}
