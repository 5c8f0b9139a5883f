package io.containerplatform.workloads.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events as the contract's JSON: the message the producer publishes and the item the API returns. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    /** The event's fields, in contract order; {@code attributes} only when there are some. */
    public static Map<String, Object> fields(Event event) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", event.id());
        fields.put("source", event.source());
        fields.put("type", event.type());
        fields.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.timestamp()));
        fields.put("value", event.value());
        if (!event.attributes().isEmpty()) {
            fields.put("attributes", new java.util.TreeMap<>(event.attributes()));
        }
        return fields;
    }

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code value} as JSON in UTF-8. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
