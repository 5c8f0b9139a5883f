package io.containerplatform.workloads.processor;

import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.containerplatform.workloads.event.Settings;
import io.containerplatform.workloads.event.TrustedCa;
import org.bson.Document;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar processor.jar}: the pipeline's processor, configured by the environment the pipeline
 * component injects: {@code RABBITMQ_HOST}, {@code RABBITMQ_PORT} (5672; 5671 with {@code TLS_CA_FILE}), {@code RABBITMQ_USERNAME},
 * {@code RABBITMQ_PASSWORD}, {@code RABBITMQ_QUEUE} ({@code data-stream}), {@code MONGODB_URI} (database from
 * its path, {@code pipeline} by default); and {@code BATCH_SIZE} (2000), {@code BATCH_LINGER_MS} (200) and
 * {@code HTTP_PORT} (8080, or 0 for any free port: {@code /health}, {@code /ready}, {@code /metrics}). It never exits on its own: it
 * reconnects to the broker and retries the store with backoff; {@code /health} fails once it has had no consumer
 * for {@value #LIVENESS_GRACE_SECONDS} s. On SIGTERM it finishes the batch under way and stops; what was delivered
 * but not processed goes back to the queue.
 */
public final class ProcessorMain {

    /** How long the processor may go without a consumer before its liveness probe fails (and Kubernetes restarts it). */
    static final long LIVENESS_GRACE_SECONDS = 60;
    /** How long the readiness probe waits for the store's ping. */
    static final long READY_MILLIS = 800;

    private static final java.util.concurrent.Executor PINGS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        var thread = new Thread(r, "ready-ping");
        thread.setDaemon(true);
        return thread;
    });

    private ProcessorMain() {
    }

    public static void main(String[] args) throws Exception {
        var settings = new Settings(System.getenv());
        var rabbit = settings.rabbitMq();
        var queue = settings.queue();
        var mongoUri = settings.mongoUri();
        int batchSize = settings.integer("BATCH_SIZE", 2000, 1, 100_000);
        int linger = settings.integer("BATCH_LINGER_MS", 200, 0, 60_000);
        int port = settings.integer("HTTP_PORT", 8080, 0, 65535);
        if (!settings.errors().isEmpty()) {
            System.err.println("Invalid environment:\n  - " + String.join("\n  - ", settings.errors()));
            System.exit(2);
        }

        var metrics = new Metrics();
        var mongo = MongoClients.create(TrustedCa.mongo(mongoUri, settings.trustedCa()));
        var database = mongo.getDatabase(Settings.database(mongoUri));
        var loop = new BatchLoop(() -> rabbit.newConnection("pipeline-processor"), queue, new Validator(), new EventStore(database), metrics,
                batchSize, linger);
        var worker = new Thread(loop, "batch-loop");
        var http = HttpServer.create(new InetSocketAddress(port), 0);
        http.createContext("/health", exchange -> {
            boolean alive = worker.isAlive() && loop.notConsumingFor() < TimeUnit.SECONDS.toNanos(LIVENESS_GRACE_SECONDS);
            respond(exchange, alive ? 200 : 503, "text/plain", alive ? "ok\n" : "not consuming\n");
        });
        http.createContext("/ready", exchange -> {
            boolean ready = loop.consuming() && ping(database);
            respond(exchange, ready ? 200 : 503, "text/plain", ready ? "ready\n" : "not ready\n");
        });
        http.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4", metrics.render()));
        http.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.stop();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(25));
            } catch (InterruptedException ignored) {
                // the broker requeues whatever was not acknowledged
            }
            http.stop(0);
        }, "shutdown"));
        System.out.println("processor: consuming " + queue + " in batches of up to " + batchSize + ", HTTP on " + http.getAddress().getPort());
        worker.start();
        worker.join();
    }

    /** Whether the store answers a ping within {@link #READY_MILLIS} (the readiness probe's answer comes within a second). */
    private static boolean ping(com.mongodb.client.MongoDatabase database) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                database.runCommand(new Document("ping", 1));
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }, PINGS).completeOnTimeout(false, READY_MILLIS, TimeUnit.MILLISECONDS).join();
    }

    static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
