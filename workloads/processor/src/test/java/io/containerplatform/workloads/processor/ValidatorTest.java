package io.containerplatform.workloads.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.containerplatform.workloads.event.Event;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.EventJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorTest {

    static final String VALID = "{\"id\": \"a\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"value\": 1}";

    static final com.networknt.schema.JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(EventContract.jsonSchema());

    static Object verdict(String body) {
        return verdict(body.getBytes(StandardCharsets.UTF_8));
    }

    static Object verdict(byte[] body) {
        var result = Validator.parse(body);
        return result instanceof Event ? "VALID" : result;
    }

    static boolean schemaAccepts(String message) {
        return SCHEMA.validate(message, InputFormat.JSON, c -> c.getExecutionConfig().setFormatAssertionsEnabled(true)).isEmpty();
    }

    /** {@link #VALID} with {@code field} set to the JSON {@code value}, or removed when {@code value} is null. */
    static String with(String field, String value) {
        var node = (ObjectNode) read(VALID);
        if (value == null) {
            node.remove(field);
        } else {
            node.set(field, read(value));
        }
        return node.toString();
    }

    static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The cases the schema gives, and the verdict each must get: every required field missing, every property given
     * each JSON type it does not allow (null included), every string at its length limits, every pattern at its edges.
     */
    static Map<String, String> casesFromTheSchema() {
        var schema = read(EventContract.jsonSchema());
        var cases = new LinkedHashMap<String, String>();
        cases.put(VALID, "VALID");
        for (var required : schema.get("required")) {
            cases.put(with(required.asText(), null), "missing " + required.asText());
        }
        var wrong = Map.of("string", List.of("42", "true", "null", "{\"x\": \"y\"}", "[\"x\"]"),
                "number", List.of("\"1\"", "true", "null", "{}", "[1]", "\"NaN\""),
                "object", List.of("\"x\"", "1", "null", "[]"));
        var fields = schema.get("properties").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            var name = field.getKey();
            var type = field.getValue().get("type").asText();
            for (var value : wrong.get(type)) {
                cases.put(with(name, value), name + " is not " + (type.equals("object") ? "an " : "a ") + type);
            }
            var property = field.getValue();
            if (property.has("minLength")) {
                cases.put(with(name, "\"\""), name + " is empty");
            }
            if (property.has("maxLength")) {
                int max = property.get("maxLength").asInt();
                cases.put(with(name, "\"" + "é".repeat(max) + "\""), "VALID");
                cases.put(with(name, "\"" + "x".repeat(max + 1) + "\""), name + " is longer than " + max + " characters");
            }
            if (property.has("additionalProperties")) {
                for (var value : wrong.get(property.get("additionalProperties").get("type").asText())) {
                    cases.put(with(name, "{\"k\": " + value + "}"), name + ".k is not a string");
                }
                cases.put(with(name, "{\"k\": \"v\"}"), "VALID");
            }
            if (property.has("pattern")) {
                for (var ok : List.of("2016-12-31T23:59:60Z", "1990-12-31T15:59:60-08:00", "2026-01-01t10:15:30.123456789z")) {
                    cases.put(with(name, "\"" + ok + "\""), "VALID");
                }
                for (var bad : List.of("yesterday", "2026-01-01 00:00:00Z", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                        "2026-01-01T12:00:60Z", "2026-01-01T00:00:00")) {
                    cases.put(with(name, "\"" + bad + "\""), "timestamp is not an RFC 3339 instant");
                }
            }
        }
        return cases;
    }

    @Test
    void eachCaseTheSchemaGivesGetsTheSameVerdictFromTheValidatorAndTheSchema() {
        var cases = casesFromTheSchema();
        assertThat(cases).hasSizeGreaterThan(40);
        cases.forEach((message, expected) -> {
            assertThat(verdict(message)).describedAs(message).isEqualTo(expected);
            assertThat(schemaAccepts(message)).describedAs("schema on " + message).isEqualTo(expected.equals("VALID"));
        });
    }

    @Test
    void whatTheSchemaCannotSayIsRefusedBeforeOrWhileParsing() {
        var cases = new LinkedHashMap<Object, String>();
        cases.put("not json", "not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        cases.put("[1, 2]", "not a JSON object");
        cases.put("\"text\"", "not a JSON object");
        cases.put("", "not a JSON object");
        cases.put(VALID.replace("1}", "1e400}"), "value is not a finite number");
        cases.put(VALID.replace("1}", "1" + "0".repeat(400) + "}"), "value is not a finite number");
        cases.put(VALID.replace("1}", "NaN}"), "not valid JSON: Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
        cases.put(VALID + " {\"id\": \"b\"}", "trailing data after the object");
        cases.put(VALID + " garbage", "trailing data after the object");
        cases.put(VALID.replace("\"id\": \"a\"", "\"id\": \"a\", \"id\": \"b\""), "not valid JSON: Duplicate field 'id'");
        cases.put(VALID.replace("}", ", \"deep\": " + "[".repeat(2000) + "]".repeat(2000) + "}"), "not valid JSON: Depth (1001) exceeds the maximum allowed nesting depth (1000)");
        cases.put(with("pad", "\"" + "x".repeat(EventContract.MAX_MESSAGE_BYTES) + "\""), "larger than " + EventContract.MAX_MESSAGE_BYTES + " bytes");
        var latin1 = VALID.replace("\"s\"", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        cases.put(latin1, "not valid JSON: Invalid UTF-8 middle byte 0x22");
        cases.forEach((message, expected) -> assertThat(message instanceof byte[] bytes ? verdict(bytes) : verdict((String) message))
                .describedAs(message instanceof String text && text.length() < 200 ? text : "a long message").isEqualTo(expected));
        assertThat(verdict(with("pad", "\"" + "x".repeat(EventContract.MAX_MESSAGE_BYTES - VALID.length() - 20) + "\""))).isEqualTo("VALID");
    }

    @Test
    void validEventsKeepTheirFields() {
        var event = (Event) Validator.parse(("{\"id\": \"b\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01t10:15:30.123+02:00\", "
                + "\"value\": -2.5, \"attributes\": {\"site\": \"lyon\"}, \"unknown\": [1, {\"x\": null}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(event).isEqualTo(new Event("b", "s", "t", Instant.parse("2026-01-01T08:15:30.123Z"), -2.5, Map.of("site", "lyon")));
        assertThat(event.minute()).isEqualTo(Instant.parse("2026-01-01T08:15:00Z"));
        assertThat(((Event) Validator.parse(with("timestamp", "\"2016-12-31T23:59:60.5Z\"").getBytes(StandardCharsets.UTF_8))).timestamp())
                .isEqualTo(Instant.parse("2016-12-31T23:59:59.500Z"));
    }

    @Test
    void aBatchKeepsEachMessagesTag() {
        var messages = new ArrayList<Validator.Message>();
        messages.add(new Validator.Message(7, VALID.getBytes(StandardCharsets.UTF_8)));
        messages.add(new Validator.Message(8, "{}".getBytes(StandardCharsets.UTF_8)));
        var verdicts = new Validator().validate(messages);
        assertThat(verdicts).extracting(Validator.Verdict::tag).containsExactly(7L, 8L);
        assertThat(verdicts).extracting(Validator.Verdict::reason).containsExactly(null, "missing id");
    }
}
