package io.containerplatform.workloads.processor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.containerplatform.workloads.event.Event;
import io.containerplatform.workloads.event.EventContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates each message once, in one pass of Jackson's streaming parser, against
 * {@code event.schema.json}: each comes out as a valid {@link Event} or with the reason it is rejected. A message
 * larger than {@link EventContract#MAX_MESSAGE_BYTES} is refused before parsing; the parser itself refuses what is
 * not strict UTF-8 JSON (non-numeric numbers, duplicate keys, nesting deeper than Jackson's limit), and anything
 * after the object. Unknown fields are skipped.
 */
final class Validator {

    /** A message off the queue: its delivery tag and body, as it came. */
    record Message(long tag, byte[] body) {
    }

    /** The verdict on one message: an event, or the reason it is rejected. */
    record Verdict(long tag, Event event, String reason) {
        boolean valid() {
            return event != null;
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final List<String> STRINGS = List.of("id", "source", "type", "timestamp");

    List<Verdict> validate(List<Message> messages) {
        return messages.stream().map(m -> {
            var event = (Object) parse(m.body());
            return event instanceof Event valid ? new Verdict(m.tag(), valid, null) : new Verdict(m.tag(), null, (String) event);
        }).toList();
    }

    /** The event {@code body} holds, or the reason it holds none. */
    static Object parse(byte[] body) {
        if (body.length > EventContract.MAX_MESSAGE_BYTES) {
            return "larger than " + EventContract.MAX_MESSAGE_BYTES + " bytes";
        }
        try (var parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            var fields = new HashMap<String, Object>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var name = parser.currentName();
                var token = parser.nextToken();
                if (STRINGS.contains(name)) {
                    if (token != JsonToken.VALUE_STRING) {
                        return name + " is not a string";
                    }
                    fields.put(name, parser.getText());
                } else if (name.equals("value")) {
                    if (!token.isNumeric()) {
                        return "value is not a number";
                    }
                    double value = parser.getDoubleValue();
                    if (!Double.isFinite(value)) {
                        return "value is not a finite number";
                    }
                    fields.put(name, value);
                } else if (name.equals("attributes")) {
                    var attributes = attributes(parser, token);
                    if (attributes instanceof String reason) {
                        return reason;
                    }
                    fields.put(name, attributes);
                } else {
                    parser.skipChildren();
                }
            }
            try {
                if (parser.nextToken() != null) {
                    return "trailing data after the object";
                }
            } catch (JsonProcessingException e) {
                return "trailing data after the object";
            }
            return event(fields);
        } catch (JsonProcessingException e) {
            return "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An object of strings, or the reason it is not one. */
    private static Object attributes(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            return "attributes is not an object";
        }
        var attributes = new HashMap<String, String>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var key = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                return "attributes." + key + " is not a string";
            }
            attributes.put(key, parser.getText());
        }
        return attributes;
    }

    @SuppressWarnings("unchecked")
    private static Object event(Map<String, Object> fields) {
        for (var field : EventContract.REQUIRED) {
            if (!fields.containsKey(field)) {
                return "missing " + field;
            }
        }
        var id = (String) fields.get("id");
        for (var field : List.of("id", "source", "type")) {
            if (((String) fields.get(field)).isEmpty()) {
                return field + " is empty";
            }
        }
        if (id.codePointCount(0, id.length()) > EventContract.MAX_ID_LENGTH) {
            return "id is longer than " + EventContract.MAX_ID_LENGTH + " characters";
        }
        var timestamp = instant((String) fields.get("timestamp"));
        if (timestamp == null) {
            return "timestamp is not an RFC 3339 instant";
        }
        return new Event(id, (String) fields.get("source"), (String) fields.get("type"), timestamp, (Double) fields.get("value"),
                (Map<String, String>) fields.getOrDefault("attributes", Map.of()));
    }

    /**
     * The instant of an RFC 3339 date-time, or null. A leap second ({@code 23:59:60} in UTC, which RFC 3339 allows)
     * counts as the second before it, as {@link DateTimeFormatter#ISO_INSTANT} parses it.
     */
    static Instant instant(String text) {
        if (!EventContract.RFC_3339.matcher(text).matches()) {
            return null;
        }
        boolean leap = text.startsWith("60", 17);
        var upper = text.toUpperCase();
        try {
            var time = OffsetDateTime.parse(leap ? upper.substring(0, 17) + "59" + upper.substring(19) : upper, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            var utc = time.withOffsetSameInstant(ZoneOffset.UTC);
            if (leap && (utc.getHour() != 23 || utc.getMinute() != 59)) {
                return null;
            }
            return time.toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
