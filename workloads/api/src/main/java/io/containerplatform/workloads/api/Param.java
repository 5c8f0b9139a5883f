package io.containerplatform.workloads.api;

import io.containerplatform.workloads.event.EventContract;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One declared parameter of a route: where it is, its type, bounds and description. The same declaration
 * parses and checks the request (a bad value is a 400 naming it and what is allowed) and describes the
 * parameter in the OpenAPI document.
 *
 * @param name        its name
 * @param in          {@code query} or {@code path}
 * @param type        {@link Type}
 * @param required    whether it must be given
 * @param min         the least integer allowed (integers only)
 * @param max         the greatest integer allowed (integers only)
 * @param fallback    the value when absent, or null
 * @param description what it is
 */
record Param(String name, String in, Type type, boolean required, long min, long max, Object fallback, String description) {

    /** The parameter types. */
    enum Type { STRING, INTEGER, INSTANT, CURSOR }

    static Param query(String name, Type type, String description) {
        return new Param(name, "query", type, false, 0, 0, null, description);
    }

    static Param integer(String name, long min, long max, long fallback, String description) {
        return new Param(name, "query", Type.INTEGER, false, min, max, fallback, description);
    }

    static Param path(String name, String description) {
        return new Param(name, "path", Type.STRING, true, 0, 0, null, description);
    }

    /** What the parameter allows, in words: the 400's {@code allowed}. */
    String allowed() {
        return switch (type) {
            case STRING -> "a non-empty string";
            case INTEGER -> "an integer from " + min + " to " + max;
            case INSTANT -> "an RFC 3339 instant, e.g. 2026-01-01T00:00:00Z";
            case CURSOR -> "the next value of the previous page";
        };
    }

    /** The value of {@code raw} (null when absent), checked. */
    Object parse(String raw) {
        if (raw == null) {
            if (required) {
                throw new BadRequest(name, "is required", allowed());
            }
            return fallback;
        }
        return switch (type) {
            case STRING -> {
                if (raw.isEmpty()) {
                    throw new BadRequest(name, "is empty", allowed());
                }
                yield raw;
            }
            case INTEGER -> {
                try {
                    long value = Long.parseLong(raw);
                    if (value < min || value > max) {
                        throw new BadRequest(name, raw + " is out of range", allowed());
                    }
                    yield value;
                } catch (NumberFormatException e) {
                    throw new BadRequest(name, "\"" + raw + "\" is not an integer", allowed());
                }
            }
            case INSTANT -> {
                if (!EventContract.RFC_3339.matcher(raw).matches()) {
                    throw new BadRequest(name, "\"" + raw + "\" is not an RFC 3339 instant", allowed());
                }
                try {
                    yield OffsetDateTime.parse(raw.toUpperCase()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new BadRequest(name, "\"" + raw + "\" is not an RFC 3339 instant", allowed());
                }
            }
            case CURSOR -> Cursor.parse(raw).orElseThrow(() -> new BadRequest(name, "\"" + raw + "\" is not a cursor of this API", allowed()));
        };
    }

    /** The parameter's OpenAPI object. */
    Map<String, Object> openApi() {
        var schema = new LinkedHashMap<String, Object>();
        switch (type) {
            case INTEGER -> {
                schema.put("type", "integer");
                schema.put("minimum", min);
                schema.put("maximum", max);
                schema.put("default", fallback);
            }
            case INSTANT -> {
                schema.put("type", "string");
                schema.put("format", "date-time");
            }
            default -> {
                schema.put("type", "string");
                schema.put("minLength", 1);
            }
        }
        var param = new LinkedHashMap<String, Object>();
        param.put("name", name);
        param.put("in", in);
        param.put("required", required);
        param.put("description", description);
        param.put("schema", schema);
        return param;
    }

    /**
     * {@code text} %-decoded as UTF-8, {@code +} a space in a query ({@code in}) and itself in a path; a bad escape
     * or bytes that are not UTF-8 are a 400 naming {@code parameter} and {@code what} of it is wrong.
     */
    static String decode(String text, String in, String parameter, String what) {
        var bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            int c = text.codePointAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    throw new BadRequest(parameter, "has a bad %-escape in " + what + " \"" + text + "\"", PERCENT_ENCODING);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(Character.toString(c == '+' && in.equals("query") ? ' ' : c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest(parameter, "is not UTF-8 once %-decoded in " + what + " \"" + text + "\"", PERCENT_ENCODING);
        }
    }

    private static final String PERCENT_ENCODING = "UTF-8 percent-encoded: % and two hexadecimal digits per byte, %25 for % itself";

    /** A request the API refuses: names the parameter, what is wrong and what is allowed. */
    static final class BadRequest extends RuntimeException {
        final String parameter;
        final String allowed;

        BadRequest(String parameter, String problem, String allowed) {
            super(parameter + " " + problem);
            this.parameter = parameter;
            this.allowed = allowed;
        }
    }

    /** A page boundary: the timestamp and id of the last item of a page (events are newest first, id breaking ties). */
    record Cursor(Instant timestamp, String id) {

        String encode() {
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((timestamp.toEpochMilli() + ":" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static java.util.Optional<Cursor> parse(String text) {
            try {
                var decoded = new String(java.util.Base64.getUrlDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon <= 0 || colon == decoded.length() - 1) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new Cursor(Instant.ofEpochMilli(Long.parseLong(decoded.substring(0, colon))),
                        decoded.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
