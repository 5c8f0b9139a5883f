package io.containerplatform.workloads.producer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.containerplatform.workloads.event.Event;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.EventJson;
import io.containerplatform.workloads.event.Queues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * Publishes {@code count} messages to the queue through the publishers' exchange (routing key: the queue's name):
 * valid events, a share of them again (duplicates, same id and content), and a share of invalid messages of every
 * kind the contract rejects. Messages are persistent and confirmed by the broker (publisher confirms) before
 * {@link #publish} returns; they are mandatory, so one the exchange routes to no queue (its binding missing, an
 * exchange not bound to the queue) comes back ({@code basic.return}, before its confirm) and {@link #publish} fails saying so instead of
 * the broker dropping it. The same seed gives the same messages, so what was sent can be checked against what the
 * pipeline stored.
 */
public final class Producer {

    /** What was published. */
    public record Report(List<Event> distinct, int duplicates, List<String> invalid, long nanos) {
        public int total() {
            return distinct.size() + duplicates + invalid.size();
        }

        @Override
        public String toString() {
            return String.format("sent %d messages in %.2f s (%.0f/s): %d distinct valid events, %d duplicates, %d invalid",
                    total(), nanos / 1e9, total() / Math.max(nanos / 1e9, 1e-9), distinct.size(), duplicates, invalid.size());
        }
    }

    /** How many kinds of invalid message {@link #invalidMessage} makes. */
    static final int INVALID_KINDS = 8;

    /** The {@code n}-th invalid message: each kind the processor rejects in turn, {@code id} where it has one. */
    static String invalidMessage(int n, String id) {
        var rest = "\"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\"";
        return switch (n % INVALID_KINDS) {
            case 0 -> "not json at all";
            case 1 -> "[1, 2, 3]";
            case 2 -> "{\"source\": \"s\", " + rest + ", \"value\": 1}";
            case 3 -> "{\"id\": 42, \"source\": \"s\", " + rest + ", \"value\": 1}";
            case 4 -> "{\"id\": \"" + "x".repeat(EventContract.MAX_ID_LENGTH + 1) + "\", \"source\": \"s\", " + rest + ", \"value\": 1}";
            case 5 -> "{\"id\": \"" + id + "\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"yesterday\", \"value\": 1}";
            case 6 -> "{\"id\": \"" + id + "\", \"source\": \"s\", " + rest + ", \"value\": \"high\"}";
            default -> "{\"id\": \"" + id + "\", \"source\": [\"s\"], " + rest + ", \"value\": 1}";
        };
    }

    private final Channel channel;
    private final String exchange;
    private final String queue;
    /** The returns, which the connection's thread adds before it handles the confirm that follows each. */
    private final List<String> returned = new CopyOnWriteArrayList<>();

    /**
     * A producer publishing to {@code exchange} on its own channel of {@code connection}: it declares the queues if
     * its user may, else checks that they exist (a publisher's user may only publish), and checks that the exchange
     * exists.
     */
    public Producer(Connection connection, String exchange, String queue) throws IOException, TimeoutException {
        Queues.declareOrCheck(connection, queue);
        this.channel = connection.createChannel();
        this.exchange = exchange;
        this.queue = queue;
        channel.exchangeDeclarePassive(exchange);
        channel.confirmSelect();
        channel.addReturnListener(r -> returned.add(r.getReplyCode() + " " + r.getReplyText()));
    }

    /**
     * @param count      messages in all
     * @param rate       messages per second at most; 0 for as fast as the broker confirms
     * @param duplicates share of the valid messages sent twice, 0 to 1
     * @param invalid    share of invalid messages, 0 to 1
     * @param seed       the random seed: the same seed sends the same messages
     */
    public Report publish(int count, double rate, double duplicates, double invalid, long seed)
            throws IOException, InterruptedException, TimeoutException {
        var random = new Random(seed);
        var distinct = new ArrayList<Event>();
        var bad = new ArrayList<String>();
        int repeated = 0;
        var sent = new ArrayList<String>();
        long start = System.nanoTime();
        var base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String body;
            double roll = random.nextDouble();
            if (roll < invalid) {
                body = invalidMessage(bad.size(), "bad-" + seed + "-" + i);
                bad.add(body);
            } else if (roll < invalid + duplicates && !distinct.isEmpty()) {
                body = sent.get(random.nextInt(sent.size()));
                repeated++;
            } else {
                var event = new Event("evt-" + seed + "-" + i, "sensor-" + random.nextInt(5), random.nextBoolean() ? "temperature" : "pressure",
                        base.plusMillis(random.nextInt(10 * 60_000)), Math.round(random.nextDouble() * 10_000) / 100.0,
                        random.nextInt(4) == 0 ? Map.of("site", "lyon") : Map.of());
                distinct.add(event);
                body = EventJson.write(EventJson.fields(event));
                sent.add(body);
            }
            channel.basicPublish(exchange, queue, true, new AMQP.BasicProperties.Builder()
                    .contentType(EventContract.CONTENT_TYPE).deliveryMode(2).build(), body.getBytes(StandardCharsets.UTF_8));
            if (i % 500 == 499) {
                awaitConfirms();
            }
            if (rate > 0) {
                long due = start + (long) ((i + 1) / rate * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        awaitConfirms();
        return new Report(List.copyOf(distinct), repeated, List.copyOf(bad), System.nanoTime() - start);
    }

    /**
     * Waits for the broker to confirm every message so far; fails if it refused one (a nack) or returned one: the
     * client runs the return listener before it handles the confirm that follows the return.
     */
    private void awaitConfirms() throws IOException, InterruptedException, TimeoutException {
        channel.waitForConfirmsOrDie(Duration.ofSeconds(60).toMillis());
        if (!returned.isEmpty()) {
            throw new IOException(returned.size() + " message(s) routed to no queue and returned (" + returned.get(0) + "): exchange "
                    + exchange + " has no binding for routing key " + queue);
        }
    }

    /** The fields of each distinct event, by id (what the API should return). */
    public static Map<String, Map<String, Object>> byId(Report report) {
        var map = new LinkedHashMap<String, Map<String, Object>>();
        report.distinct().forEach(e -> map.put(e.id(), EventJson.fields(e)));
        return map;
    }
}
