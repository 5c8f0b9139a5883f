package io.containerplatform.workloads.processor;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorTest {

    static SparkSession spark;
    static Validator validator;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("test").config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        validator = new Validator(spark);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static final String REST = "\"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"value\": 1";

    /** Each message and the verdict the contract gives it: null for valid, else the reason. */
    static final List<Map.Entry<String, String>> CASES = List.of(
            Map.entry("{\"id\": \"a\", " + REST + "}", "VALID"),
            Map.entry("{\"id\": \"b\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01t10:15:30.123+02:00\", \"value\": -2.5, "
                    + "\"attributes\": {\"site\": \"lyon\"}, \"unknown\": [1, 2]}", "VALID"),
            Map.entry("{\"id\": \"NaN\", " + REST + "}", "VALID"),
            Map.entry("not json", "not a JSON object"),
            Map.entry("[1, 2]", "not a JSON object"),
            Map.entry("\"text\"", "not a JSON object"),
            Map.entry("{" + REST + "}", "missing id"),
            Map.entry("{\"id\": null, " + REST + "}", "missing id"),
            Map.entry("{\"id\": 42, " + REST + "}", "id is not a string"),
            Map.entry("{\"id\": true, " + REST + "}", "id is not a string"),
            Map.entry("{\"id\": {\"x\": 1}, " + REST + "}", "id is not a string"),
            Map.entry("{\"id\": [\"x\"], " + REST + "}", "id is not a string"),
            Map.entry("{\"id\": \"\", " + REST + "}", "id is empty"),
            Map.entry("{\"id\": \"" + "x".repeat(129) + "\", " + REST + "}", "id is longer than 128 characters"),
            Map.entry("{\"id\": \"" + "x".repeat(128) + "\", " + REST + "}", "VALID"),
            Map.entry("{\"id\": \"c\", \"source\": 7, \"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"value\": 1}", "source is not a string"),
            Map.entry("{\"id\": \"c\", \"source\": \"s\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"value\": 1}", "missing type"),
            Map.entry("{\"id\": \"c\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"yesterday\", \"value\": 1}", "timestamp is not an RFC 3339 instant"),
            Map.entry("{\"id\": \"c\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-13-01T00:00:00Z\", \"value\": 1}", "timestamp is not an RFC 3339 instant"),
            Map.entry("{\"id\": \"c\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01 00:00:00\", \"value\": 1}", "timestamp is not an RFC 3339 instant"),
            Map.entry("{\"id\": \"c\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": 1767225600, \"value\": 1}", "timestamp is not a string"),
            Map.entry("{\"id\": \"c\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\"}", "missing value"),
            Map.entry("{\"id\": \"c\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"value\": \"high\"}", "value is not a number"),
            Map.entry("{\"id\": \"c\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"value\": \"NaN\"}", "value is not a number"),
            Map.entry("{\"id\": \"c\", " + REST + ", \"attributes\": [1]}", "attributes is not an object"));

    @Test
    void eachMessageGetsTheContractsVerdict() {
        var messages = new ArrayList<Validator.Message>();
        for (int i = 0; i < CASES.size(); i++) {
            messages.add(new Validator.Message(i + 1, CASES.get(i).getKey()));
        }
        var verdicts = validator.validate(messages);
        assertThat(verdicts).hasSize(CASES.size());
        for (int i = 0; i < CASES.size(); i++) {
            var verdict = verdicts.get(i);
            assertThat(verdict.tag()).isEqualTo(i + 1);
            var expected = CASES.get(i).getValue();
            assertThat(verdict.valid() ? "VALID" : verdict.reason()).describedAs(CASES.get(i).getKey()).isEqualTo(expected);
        }
    }

    @Test
    void validEventsKeepTheirFields() {
        var verdicts = validator.validate(List.of(new Validator.Message(7, CASES.get(1).getKey())));
        var event = verdicts.get(0).event();
        assertThat(event.id()).isEqualTo("b");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-01-01T08:15:30.123Z"));
        assertThat(event.value()).isEqualTo(-2.5);
        assertThat(event.attributes()).isEqualTo(Map.of("site", "lyon"));
        assertThat(event.minute()).isEqualTo(Instant.parse("2026-01-01T08:15:00Z"));
    }
}
