package io.containerplatform.workloads.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One valid event of the data stream ({@code event.schema.json}).
 *
 * @param id         unique id, 1 to 128 characters
 * @param source     where it comes from
 * @param type       what it measures
 * @param timestamp  when it happened
 * @param value      the measured value
 * @param attributes optional string labels, empty when absent
 */
public record Event(String id, String source, String type, Instant timestamp, double value, Map<String, String> attributes) {

    public Event {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The minute the event counts in, for the per-minute aggregates. */
    public Instant minute() {
        return timestamp.truncatedTo(ChronoUnit.MINUTES);
    }
}
