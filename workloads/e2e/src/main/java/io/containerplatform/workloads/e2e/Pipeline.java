package io.containerplatform.workloads.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.containerplatform.workloads.api.ApiServer;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.Queues;
import io.containerplatform.workloads.producer.Producer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The whole pipeline on one machine: a RabbitMQ node, a MongoDB wire-protocol server
 * ({@code mongo-java-server}, in memory: MongoDB itself cannot be installed here), processors started as the
 * image starts them ({@code java -jar processor.jar}), the API and the producer; the processors connect as the
 * platform's processor user, the producer as its publisher user.
 */
public final class Pipeline implements AutoCloseable {

    private final RabbitMqNode broker;
    private final MongoServer mongoServer;
    private final MongoClient mongo;
    private final String mongoUri;
    private final String queue;
    private final Path logs;
    private final List<Process> processors = new ArrayList<>();
    private ApiServer api;

    /**
     * A pipeline on {@code broker}'s queue of the platform's definitions ({@link EventContract#DEFAULT_QUEUE}),
     * emptied first: the administrator deletes the queues and declares them again, as the definitions do at boot.
     */
    public Pipeline(RabbitMqNode broker, Path logs) throws IOException, TimeoutException {
        this.broker = broker;
        this.queue = EventContract.DEFAULT_QUEUE;
        try (var connection = broker.connectionFactory().newConnection(); var channel = connection.createChannel()) {
            channel.queueDelete(queue);
            channel.queueDelete(EventContract.deadLetterQueue(queue));
            Queues.declare(channel, queue);
        }
        this.logs = Files.createDirectories(logs);
        this.mongoServer = new MongoServer(new MemoryBackend());
        int port = RabbitMqNode.freePort();
        mongoServer.bind("localhost", port);
        this.mongoUri = "mongodb://localhost:" + port + "/pipeline";
        this.mongo = MongoClients.create(mongoUri);
    }

    public MongoDatabase database() {
        return mongo.getDatabase(EventContract.DEFAULT_DATABASE);
    }

    /** The connection string of the MongoDB wire-protocol server. */
    public String mongoUri() {
        return mongoUri;
    }

    public String queue() {
        return queue;
    }

    public RabbitMqNode broker() {
        return broker;
    }

    /**
     * {@code java -jar <app>.jar args...}, as the app's image runs it: the built jar of {@code workloads/<app>}
     * ({@code workloads/<app>/target/<app>.jar}).
     */
    public static ProcessBuilder javaJar(String app, String... args) {
        var jar = workloads().resolve(app).resolve("target").resolve(app + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the apps first (./mvnw -f workloads/pom.xml package)");
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** {@code workloads/}: this module's classes or jar are in {@code workloads/e2e/target/}. */
    private static Path workloads() {
        try {
            return Path.of(Pipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The broker variables of the apps' run contract, for this pipeline's queue, as {@code user}. */
    public Map<String, String> brokerEnvironment(String user) {
        return Map.of("RABBITMQ_HOST", "localhost", "RABBITMQ_PORT", String.valueOf(broker.port()), "RABBITMQ_USERNAME", user,
                "RABBITMQ_PASSWORD", broker.password(user), "RABBITMQ_QUEUE", queue);
    }

    /** Starts a processor process; its output goes to {@code <logs>/processor-<n>.log}. */
    public Process startProcessor(int batchSize) throws IOException {
        var builder = javaJar("processor").redirectOutput(logs.resolve("processor-" + processors.size() + ".log").toFile());
        var env = builder.environment();
        env.putAll(brokerEnvironment(RabbitMqNode.PROCESSOR));
        env.putAll(Map.of("MONGODB_URI", mongoUri, "HTTP_PORT", "0",
                "BATCH_SIZE", String.valueOf(batchSize)));
        var process = builder.start();
        processors.add(process);
        return process;
    }

    /** Starts the API on a free port. */
    public ApiServer startApi() throws IOException {
        api = new ApiServer(database(), 0);
        return api;
    }

    /** Publishes with the producer, as the publishers' user. */
    public Producer.Report publish(int count, double duplicates, double invalid, long seed) throws Exception {
        try (var connection = broker.connectionFactory(RabbitMqNode.PUBLISHER).newConnection()) {
            return new Producer(connection, EventContract.exchange(queue), queue).publish(count, 0, duplicates, invalid, seed);
        }
    }

    /** Ready messages in a queue. */
    public long messages(String name) throws Exception {
        try (var connection = broker.connectionFactory().newConnection(); var channel = connection.createChannel()) {
            return channel.messageCount(name);
        }
    }

    /** Waits until {@code condition} holds (checked every 200 ms), failing after {@code seconds}. */
    public static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        for (var process : processors) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (api != null) {
            api.close();
        }
        mongo.close();
        mongoServer.shutdown();
    }
}
