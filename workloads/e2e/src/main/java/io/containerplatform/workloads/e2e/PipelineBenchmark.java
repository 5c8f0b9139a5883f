package io.containerplatform.workloads.e2e;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.containerplatform.workloads.api.ApiServer;
import io.containerplatform.workloads.event.Event;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.EventJson;
import io.containerplatform.workloads.event.Queues;
import org.bson.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipeline's benchmark, a command (not a test): on a throwaway RabbitMQ node and the in-memory MongoDB
 * wire-protocol server, (1) the broker's raw publish-to-consume rate, the ceiling; (2) one processor's
 * end-to-end rate, from publish to MongoDB, and its ratio to the ceiling, with the stored count checked;
 * (3) the API's latency for pages of 100 events under 100 concurrent clients over 100,000 stored events, and over
 * 1,000 (where the store's own scan and sort cost little).
 * <pre>./mvnw -f workloads/pom.xml -pl e2e -am package -DskipTests && ./mvnw -f workloads/pom.xml -pl e2e exec:java@bench</pre>
 */
public final class PipelineBenchmark {

    static final int MESSAGES = Integer.getInteger("bench.messages", 50_000);
    static final int STORED = Integer.getInteger("bench.stored", 100_000);
    static final int CLIENTS = 100;
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requests", 5);

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (var broker = RabbitMqNode.start()) {
            double ceiling = brokerRate(broker);
            System.out.printf("broker publish -> consume (confirms, manual acks), %d messages: %.0f messages/s%n", MESSAGES, ceiling);
            double endToEnd = processorRate(broker);
            System.out.printf("one processor, publish -> MongoDB, %d events: %.0f events/s, %.0f %% of the broker's rate%n",
                    MESSAGES, endToEnd, 100 * endToEnd / ceiling);
            apiLatency(broker, STORED);
            // the same load over a store small enough that its scan and sort cost little: what the API itself adds
            apiLatency(broker, 1_000);
        }
        System.exit(0);
    }

    static String body(int i) {
        return EventJson.write(EventJson.fields(new Event("bench-" + i, "sensor-" + (i % 5), i % 2 == 0 ? "temperature" : "pressure",
                Instant.parse("2026-01-01T00:00:00Z").plusMillis(i * 37L), i % 1000 / 10.0, Map.of())));
    }

    /** Publishes MESSAGES with confirms while a consumer acknowledges them; messages per second from first publish to last ack. */
    static double brokerRate(RabbitMqNode broker) throws Exception {
        try (var connection = broker.connectionFactory().newConnection(); var publish = connection.createChannel();
             var consume = connection.createChannel()) {
            var queue = "bench-raw";
            Queues.declare(publish, queue);
            consume.basicQos(2000);
            var done = new CountDownLatch(1);
            var received = new AtomicInteger();
            consume.basicConsume(queue, false, new DefaultConsumer(consume) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws java.io.IOException {
                    if (received.incrementAndGet() % 500 == 0 || received.get() == MESSAGES) {
                        consume.basicAck(envelope.getDeliveryTag(), true);
                    }
                    if (received.get() == MESSAGES) {
                        done.countDown();
                    }
                }
            });
            publish.confirmSelect();
            var props = new AMQP.BasicProperties.Builder().contentType(EventContract.CONTENT_TYPE).deliveryMode(2).build();
            long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                publish.basicPublish("", queue, props, body(i).getBytes(StandardCharsets.UTF_8));
                if (i % 1000 == 999) {
                    publish.waitForConfirmsOrDie(60_000);
                }
            }
            publish.waitForConfirmsOrDie(60_000);
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the consumer received " + received.get() + " of " + MESSAGES);
            }
            return MESSAGES / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** One warm processor: events per second from the first publish until all are in MongoDB. */
    static double processorRate(RabbitMqNode broker) throws Exception {
        try (var pipeline = new Pipeline(broker, Path.of("target", "bench"))) {
            var events = pipeline.database().getCollection(EventContract.EVENTS);
            pipeline.startProcessor(1000);
            pipeline.publish(2000, 0, 0, 99);
            Pipeline.await("the processor is warm", 180, () -> events.countDocuments() >= 2000);
            long start = System.nanoTime();
            try (var connection = broker.connectionFactory().newConnection(); var channel = connection.createChannel()) {
                channel.confirmSelect();
                var props = new AMQP.BasicProperties.Builder().contentType(EventContract.CONTENT_TYPE).deliveryMode(2).build();
                for (int i = 0; i < MESSAGES; i++) {
                    channel.basicPublish("", pipeline.queue(), props, body(i).getBytes(StandardCharsets.UTF_8));
                    if (i % 1000 == 999) {
                        channel.waitForConfirmsOrDie(60_000);
                    }
                }
                channel.waitForConfirmsOrDie(60_000);
            }
            Pipeline.await("every event is stored", 600, () -> events.countDocuments() >= 2000 + MESSAGES);
            double rate = MESSAGES / ((System.nanoTime() - start) / 1e9);
            long stored = events.countDocuments();
            if (stored != 2000 + MESSAGES) {
                throw new IllegalStateException("stored " + stored + " events, expected " + (2000 + MESSAGES));
            }
            return rate;
        }
    }

    /** p50 and p99 of /data pages of 100, walked by 100 concurrent clients, over STORED events. */
    static void apiLatency(RabbitMqNode broker, int stored) throws Exception {
        try (var pipeline = new Pipeline(broker, Path.of("target", "bench"))) {
            var events = pipeline.database().getCollection(EventContract.EVENTS);
            var batch = new ArrayList<Document>(10_000);
            for (int i = 0; i < stored; i++) {
                batch.add(new Document("_id", String.format("e%07d", i)).append("source", "sensor-" + (i % 5)).append("type", "temperature")
                        .append("timestamp", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusMillis(i * 37L))).append("value", i % 1000 / 10.0));
                if (batch.size() == 10_000 || i == stored - 1) {
                    events.insertMany(batch);
                    batch.clear();
                }
            }
            // the store alone: the same query of the first page, straight to the MongoDB wire-protocol server
            var direct = new ArrayList<Long>();
            for (int i = 0; i < 20; i++) {
                long t = System.nanoTime();
                events.find().sort(com.mongodb.client.model.Sorts.descending("timestamp", "_id")).limit(101).into(new ArrayList<>());
                direct.add(System.nanoTime() - t);
            }
            Collections.sort(direct);
            System.out.printf("the store alone, one client, the first page's query over %d events: median %.1f ms%n", stored,
                    direct.get(direct.size() / 2) / 1e6);
            try (ApiServer api = pipeline.startApi()) {
                var http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
                var base = "http://localhost:" + api.port() + "/data?limit=100";
                var latencies = Collections.synchronizedList(new ArrayList<Long>());
                var pool = Executors.newFixedThreadPool(CLIENTS);
                var tasks = new ArrayList<java.util.concurrent.Callable<Void>>();
                for (int c = 0; c < CLIENTS; c++) {
                    tasks.add(() -> {
                        String cursor = null;
                        for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                            long t = System.nanoTime();
                            var response = http.send(HttpRequest.newBuilder(URI.create(base + (cursor == null ? "" : "&cursor=" + cursor))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            latencies.add(System.nanoTime() - t);
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException(response.body());
                            }
                            var next = EventJson.mapper().readTree(response.body()).get("next");
                            cursor = next.isNull() ? null : next.asText();
                        }
                        return null;
                    });
                }
                long start = System.nanoTime();
                for (var f : pool.invokeAll(tasks)) {
                    f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                pool.shutdown();
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                System.out.printf("API /data pages of 100, %d concurrent clients, %d requests over %d events (mongo-java-server, in memory): "
                                + "p50 %.1f ms, p99 %.1f ms, %.0f requests/s%n", CLIENTS, sorted.size(), stored,
                        sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.size() / seconds);
            }
        }
    }
}
