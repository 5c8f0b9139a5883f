package io.containerplatform.workloads.e2e.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.containerplatform.workloads.e2e.Pipeline;
import io.containerplatform.workloads.e2e.RabbitMqNode;
import io.containerplatform.workloads.event.Event;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.EventJson;
import io.containerplatform.workloads.event.Queues;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The pipeline's benchmark, a command (not a test), each part in its own process: a throwaway RabbitMQ node, the store
 * ({@link IndexedStore}), the processor ({@code java -jar processor.jar}), the API ({@code java -jar api.jar}) and the
 * load ({@link ApiLoad}). (1) The broker's ceiling as PerfTest measures it ({@link PerfTestStyle}); (2) one warm
 * processor over {@code bench.messages} (50,000) events published the same way, until all are stored, with a Flight
 * Recorder profile of that run; (3) the API's {@code /data} pages of 100 and {@code /health} under 100 concurrent
 * clients over {@code bench.stored} (100,000) events, beside the store's own time for the same queries. Every wait has a
 * deadline; a phase that fails is reported and the next one runs (the exit status is then 1). The last line is
 * {@code processor/broker: <ratio>}.
 * Logs and the recording go to {@code target/bench/} (of the working directory).
 * <pre>./mvnw -f workloads/pom.xml -pl e2e -am package -DskipTests && java -jar workloads/e2e/target/e2e.jar</pre>
 */
public final class PipelineBenchmark {

    static final int MESSAGES = Integer.getInteger("bench.messages", 50_000);
    static final int WARM_UP = 5_000;
    static final int STORED = Integer.getInteger("bench.stored", 100_000);
    static final int CLIENTS = 100;
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requests", 10);
    /** The phases to run: {@code all} (the default) or {@code api} (the API's alone, no RabbitMQ needed). */
    static final String PHASES = System.getProperty("bench.phases", "all");
    static final Path LOGS = Path.of("target", "bench").toAbsolutePath();
    /**
     * The JVMs as in their pods: the images' {@code -XX:MaxRAMPercentage=75} of the memory limits the pipeline component
     * sets (API 512Mi, processor 2Gi), the limit given as {@code -XX:MaxRAM} here, where there is no container. In its
     * 512Mi container the API's JVM sees 512 MiB of physical memory, less than a server-class machine's 1,792 MB, and
     * its ergonomics choose the Serial collector (G1 only on server-class machines); {@code -XX:MaxRAM} does not change
     * that choice, so it is given here as the pod gets it.
     */
    static final List<String> API_JVM = List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC");
    static final List<String> PROCESSOR_JVM = List.of("-XX:MaxRAM=2g", "-XX:MaxRAMPercentage=75");

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("machine: %d cores, Java %s, load average before the run %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("message: %d bytes (an event as the producer writes it), persistent, to the platform's quorum queue%n", body(0).length);
        if (!PHASES.equals("all") && !PHASES.equals("api")) {
            System.out.println("bench.phases: \"" + PHASES + "\" is not a choice; allowed: all, api");
            System.exit(2);
        }
        Double ceiling = null;
        Double processor = null;
        boolean pipeline = PHASES.equals("all");
        if (pipeline) {
            try (var broker = RabbitMqNode.start()) {
                ceiling = phase("broker", () -> brokerCeiling(broker));
                processor = phase("processor", () -> processorRate(broker));
            } catch (Exception e) {
                System.out.println("the RabbitMQ node failed: " + e.getMessage());
            }
        }
        var api = phase("api", () -> {
            apiLatency();
            return 0.0;
        });
        boolean measured = ceiling != null && processor != null;
        System.out.println(measured ? String.format("processor/broker: %.2f", processor / ceiling)
                : "processor/broker: unknown (" + (pipeline ? "a phase failed, see above" : "not run, bench.phases=api") + ")");
        System.exit((pipeline && !measured) || api == null ? 1 : 0);
    }

    /** Runs a phase; a failure is printed with its reason and the run goes on. */
    static Double phase(String name, Callable<Double> phase) {
        try {
            return phase.call();
        } catch (Exception | AssertionError e) {
            System.out.println("the " + name + " phase failed: " + e.getMessage());
            return null;
        }
    }

    static byte[] body(int i) {
        return EventJson.write(EventJson.fields(new Event(String.format("bench-%07d", i), "sensor-" + (i % 5), i % 2 == 0 ? "temperature" : "pressure",
                Instant.parse("2026-01-01T00:00:00Z").plusMillis(i * 37L), i % 1000 / 10.0, Map.of()))).getBytes(StandardCharsets.UTF_8);
    }

    /** The broker's ceiling, warm (after {@value #WARM_UP} messages, as the processor is measured), PerfTest's way. */
    static double brokerCeiling(RabbitMqNode broker) throws Exception {
        var factory = broker.connectionFactory();
        try (var publisher = factory.newConnection(); var consumer = factory.newConnection(); var channel = publisher.createChannel()) {
            var queue = "bench-ceiling";
            Queues.declare(channel, queue);
            PerfTestStyle.ceiling(publisher, consumer, queue, WARM_UP, i -> body(MESSAGES + i), 120);
            double rate = PerfTestStyle.ceiling(publisher, consumer, queue, MESSAGES, PipelineBenchmark::body, 600);
            channel.queueDelete(queue);
            channel.exchangeDelete(EventContract.exchange(queue));
            System.out.printf("broker ceiling, warm, PerfTest's way (publisher and consumer on their own connections; confirms, at most %d"
                    + " unconfirmed; prefetch %d, each message acknowledged), %d messages: %.0f messages/s%n",
                    PerfTestStyle.OUTSTANDING_CONFIRMS, PerfTestStyle.PREFETCH, MESSAGES, rate);
            return rate;
        }
    }

    static Child startStore(String name) throws Exception {
        return Child.start(name, Child.java(List.of("-Xmx2g"), IndexedStore.class), Map.of(), LOGS);
    }

    static String storeUri(Child store) throws InterruptedException {
        return "mongodb://localhost:" + store.awaitLine("listening", 60) + "/" + EventContract.DEFAULT_DATABASE;
    }

    /** One warm processor: events per second from the first publish until all are in the store, and where its CPU time went. */
    static double processorRate(RabbitMqNode broker) throws Exception {
        var queue = EventContract.DEFAULT_QUEUE;
        try (var connection = broker.connectionFactory().newConnection(); var channel = connection.createChannel()) {
            channel.queueDelete(queue);
            channel.queueDelete(EventContract.deadLetterQueue(queue));
            Queues.declare(channel, queue);
        }
        try (var store = startStore("store")) {
            var storeUri = storeUri(store);
            try (MongoClient mongo = MongoClients.create(storeUri)) {
                return processorRate(broker, queue, storeUri, mongo.getDatabase(EventContract.DEFAULT_DATABASE).getCollection(EventContract.EVENTS));
            }
        }
    }

    static double processorRate(RabbitMqNode broker, String queue, String storeUri, MongoCollection<Document> events) throws Exception {
        {
            var env = new java.util.HashMap<>(Map.of("RABBITMQ_HOST", "localhost", "RABBITMQ_PORT", String.valueOf(broker.port()),
                    "RABBITMQ_USERNAME", RabbitMqNode.PROCESSOR, "RABBITMQ_PASSWORD", broker.password(RabbitMqNode.PROCESSOR),
                    "RABBITMQ_QUEUE", queue, "MONGODB_URI", storeUri, "HTTP_PORT", "0"));
            var command = jvm(Pipeline.javaJar("processor").command(), PROCESSOR_JVM);
            try (var processor = Child.start("processor", command, env, LOGS);
                 var publisher = broker.connectionFactory(RabbitMqNode.PUBLISHER).newConnection()) {
                PerfTestStyle.publish(publisher, queue, WARM_UP, i -> body(MESSAGES + i), 120);
                awaitCount(events, WARM_UP, 180);
                var recording = LOGS.resolve("processor.jfr");
                Files.deleteIfExists(recording);
                jcmd(processor, "JFR.start", "name=bench", "settings=profile");
                long start = System.nanoTime();
                PerfTestStyle.publish(publisher, queue, MESSAGES, PipelineBenchmark::body, 600);
                awaitCount(events, WARM_UP + MESSAGES, 600);
                double rate = MESSAGES / ((System.nanoTime() - start) / 1e9);
                jcmd(processor, "JFR.stop", "name=bench", "filename=" + recording);
                long stored = events.countDocuments();
                if (stored != WARM_UP + MESSAGES) {
                    throw new IllegalStateException("stored " + stored + " events, expected " + (WARM_UP + MESSAGES));
                }
                System.out.printf("one warm processor, publish (the same way) -> store, %d events, all stored: %.0f events/s%n", MESSAGES, rate);
                System.out.println("the processor's peak resident memory: " + processor.peakResidentMib() + " MiB (limit 2048 MiB)");
                System.out.println("where the processor's CPU went during those events (" + recording + "): " + Profile.summary(recording, 8));
                return rate;
            }
        }
    }

    /** {@code java <options> -jar <app>.jar}: the command {@link Pipeline#javaJar} gives, its heap option replaced by {@code options}. */
    static List<String> jvm(List<String> javaJar, List<String> options) {
        var command = new ArrayList<String>();
        command.add(javaJar.get(0));
        command.addAll(options);
        command.addAll(javaJar.subList(javaJar.indexOf("-jar"), javaJar.size()));
        return command;
    }

    static void awaitCount(MongoCollection<Document> events, long count, int seconds) throws InterruptedException {
        Pipeline.await(count + " events are stored", seconds, () -> events.estimatedDocumentCount() >= count);
    }

    static void jcmd(Child process, String... args) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid())));
        command.addAll(List.of(args));
        var jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** p50 and p99 of /data pages of 100 and of /health under 100 concurrent clients over STORED events, and the store's own time. */
    static void apiLatency() throws Exception {
        try (var store = startStore("api-store")) {
            var storeUri = storeUri(store);
            try (MongoClient mongo = MongoClients.create(storeUri)) {
                apiLatency(store, storeUri, mongo.getDatabase(EventContract.DEFAULT_DATABASE).getCollection(EventContract.EVENTS));
            }
        }
    }

    static void apiLatency(Child store, String storeUri, MongoCollection<Document> events) throws Exception {
        var batch = new ArrayList<Document>(10_000);
        for (int i = 0; i < STORED; i++) {
            batch.add(new Document("_id", String.format("e%07d", i)).append("source", "sensor-" + (i % 5)).append("type", "temperature")
                    .append("timestamp", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusMillis(i * 37L))).append("value", i % 1000 / 10.0));
            if (batch.size() == 10_000 || i == STORED - 1) {
                events.insertMany(batch);
                batch.clear();
            }
        }
        var direct = new ArrayList<Long>();
        for (int i = 0; i < 200; i++) {
            long t = System.nanoTime();
            events.find().sort(Sorts.descending("timestamp", "_id")).limit(101).into(new ArrayList<>());
            direct.add(System.nanoTime() - t);
        }
        Collections.sort(direct);
        System.out.printf("the store alone, one client, a page's query (100 + 1 events, newest first) over %d events: p50 %.2f ms, p99 %.2f ms%n",
                STORED, ApiLoad.percentile(direct, 0.5), ApiLoad.percentile(direct, 0.99));
        int port = RabbitMqNode.freePort();
        var command = jvm(Pipeline.javaJar("api").command(), API_JVM);
        try (var api = Child.start("api", command, Map.of("MONGODB_URI", storeUri, "PORT", String.valueOf(port)), LOGS)) {
            Pipeline.await("the API answers /ready", 60, () -> ready(port));
            for (var path : List.of("/health", "/data?limit=100")) {
                var url = "http://localhost:" + port + path;
                // a first round as long as the recorded one warms the API's JIT (the processor is measured warm too)
                load(url, REQUESTS_PER_CLIENT);
                storeFinds(store);
                var apiThreads = api.cpuMillisByThread();
                long storeCpu = store.cpuMillis();
                var result = load(url, REQUESTS_PER_CLIENT);
                storeCpu = store.cpuMillis() - storeCpu;
                var apiCpu = new java.util.TreeMap<String, Long>();
                api.cpuMillisByThread().forEach((name, ms) -> apiCpu.put(name, ms - apiThreads.getOrDefault(name, 0L)));
                double requests = Double.parseDouble(field(result, "requests"));
                System.out.printf("API %s, %d concurrent clients, over %d events: %s%n", path, CLIENTS, STORED, result);
                System.out.printf("  CPU per request (ms): API %.2f (its workers %.2f, JIT %.2f, garbage collection %.2f), store %.2f, load %.2f;"
                                + " the store's own time per find meanwhile: %s%n",
                        sum(apiCpu, "") / requests, sum(apiCpu, "api-") / requests, sum(apiCpu, JIT_THREADS) / requests, sum(apiCpu, "VM Thread") / requests,
                        storeCpu / requests, Double.parseDouble(field(result, "cpu-ms")) / requests, storeFinds(store));
            }
            var recording = LOGS.resolve("api.jfr");
            Files.deleteIfExists(recording);
            jcmd(api, "JFR.start", "name=bench", "settings=profile");
            load("http://localhost:" + port + "/data?limit=100", REQUESTS_PER_CLIENT);
            jcmd(api, "JFR.stop", "name=bench", "filename=" + recording);
            System.out.println("where the API's CPU went during another round of /data (" + recording + "): " + Profile.summary(recording, 8));
            System.out.println("the API's peak resident memory: " + api.peakResidentMib() + " MiB (limit 512 MiB)");
        }
    }

    /** The JIT's threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}) as {@link Child#cpuMillisByThread} names them, digits removed. */
    static final String JIT_THREADS = "C CompilerThre";

    /** The CPU milliseconds of the threads whose name starts with {@code prefix}. */
    static long sum(Map<String, Long> byThread, String prefix) {
        return byThread.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    /** The store's own times per find since the last call ({@link IndexedStore}'s {@code stats}). */
    static String storeFinds(Child store) throws Exception {
        store.send("stats");
        return store.awaitLine("stats", 30);
    }

    /** The value of {@code name=value} in a line of {@code name=value} fields. */
    static String field(String line, String name) {
        var matcher = java.util.regex.Pattern.compile("(?:^| )" + name + "=(\\S+)").matcher(line);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in \"" + line + "\"");
        }
        return matcher.group(1);
    }

    static boolean ready(int port) {
        try (var socket = new java.net.Socket("localhost", port)) {
            var request = "GET /ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII).endsWith("200");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String load(String url, int requests) throws Exception {
        try (var load = Child.start("load", Child.java(List.of("-Xmx512m"), ApiLoad.class, url, String.valueOf(CLIENTS), String.valueOf(requests),
                String.valueOf(url.contains("/data"))), Map.of(), LOGS)) {
            return load.awaitLine("result", 660);
        }
    }
}
