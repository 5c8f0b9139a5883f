package io.containerplatform.workloads.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The contract the platform and the apps share: the queues, the message, the rejection header, the stores. */
public final class EventContract {

    /** The queue of the data stream, unless {@code RABBITMQ_QUEUE} says otherwise. */
    public static final String DEFAULT_QUEUE = "data-stream";
    /** The content type of every message. */
    public static final String CONTENT_TYPE = "application/json";
    /** The header a rejected message carries in the dead-letter queue: why it was rejected. */
    public static final String REASON_HEADER = "x-rejection-reason";
    /** Most characters of an id. */
    public static final int MAX_ID_LENGTH = 128;
    /**
     * The largest message, bytes: the platform's broker refuses larger ones ({@code max_message_size}, 1 MiB), so
     * no processor ever receives one.
     */
    public static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    /** The required fields, in the order they are checked. */
    public static final List<String> REQUIRED = List.of("id", "source", "type", "timestamp", "value");
    /** An RFC 3339 instant: date, {@code T}, time with optional fraction, {@code Z} or an offset. */
    public static final Pattern RFC_3339 = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");
    /** The database, unless the MongoDB URI names one. */
    public static final String DEFAULT_DATABASE = "pipeline";
    /** The collection of events, one document per id. */
    public static final String EVENTS = "events";
    /** The collection of per-minute aggregates, one document per (source, type, minute). */
    public static final String AGGREGATES = "aggregates";

    private EventContract() {
    }

    /** The dead-letter queue of {@code queue}. */
    public static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }

    /**
     * The publishers' exchange of {@code queue}, unless {@code RABBITMQ_EXCHANGE} says otherwise: a durable direct
     * exchange bound to the queue (binding key: the queue's name), the only one the platform's publisher user may
     * write to. Publishing to it with the queue's name as routing key reaches the queue and nothing else.
     */
    public static String exchange(String queue) {
        return queue + ".in";
    }

    /** The JSON Schema of a message ({@code event.schema.json}). */
    public static String jsonSchema() {
        try (InputStream in = EventContract.class.getResourceAsStream("/event.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
