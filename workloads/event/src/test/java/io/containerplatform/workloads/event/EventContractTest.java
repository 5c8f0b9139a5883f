package io.containerplatform.workloads.event;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema file is the contract: the producer's messages match it, and it rejects what the processor rejects. */
class EventContractTest {

    static final com.networknt.schema.JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(EventContract.jsonSchema());

    static boolean valid(String message) {
        return SCHEMA.validate(message, InputFormat.JSON, context -> context.getExecutionConfig().setFormatAssertionsEnabled(true)).isEmpty();
    }

    @Test
    void anEventAsTheProducerWritesItMatchesTheSchema() {
        var event = new Event("a", "sensor-1", "temperature", Instant.parse("2026-01-01T10:00:00.250Z"), 21.5, Map.of("site", "lyon"));
        assertThat(valid(EventJson.write(EventJson.fields(event)))).isTrue();
        assertThat(EventJson.write(EventJson.fields(event)))
                .isEqualTo("{\"id\":\"a\",\"source\":\"sensor-1\",\"type\":\"temperature\",\"timestamp\":\"2026-01-01T10:00:00.250Z\","
                        + "\"value\":21.5,\"attributes\":{\"site\":\"lyon\"}}");
    }

    @Test
    void theSchemaRejectsWhatTheContractRejects() {
        var rest = "\"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"value\": 1";
        assertThat(valid("{\"id\": \"a\", " + rest + ", \"extra\": true}")).isTrue();
        assertThat(valid("{" + rest + "}")).isFalse();
        assertThat(valid("{\"id\": 42, " + rest + "}")).isFalse();
        assertThat(valid("{\"id\": \"" + "x".repeat(129) + "\", " + rest + "}")).isFalse();
        assertThat(valid("{\"id\": \"a\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"yesterday\", \"value\": 1}")).isFalse();
        assertThat(valid("{\"id\": \"a\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"value\": \"1\"}")).isFalse();
        assertThat(valid("{\"id\": \"a\", " + rest + ", \"attributes\": {\"n\": 1}}")).isFalse();
    }

    @Test
    void settingsNameEachBadVariable() {
        var settings = new Settings(Map.of("RABBITMQ_PORT", "lots", "MONGODB_URI", "postgres://x"));
        settings.rabbitMq();
        settings.mongoUri();
        assertThat(settings.errors()).containsExactly(
                "RABBITMQ_HOST: missing; allowed: the broker's host name",
                "RABBITMQ_PORT: \"lots\" is not valid; allowed: an integer from 1 to 65535",
                "RABBITMQ_USERNAME: missing; allowed: the broker user",
                "RABBITMQ_PASSWORD: missing; allowed: the broker user's password",
                settings.errors().get(4));
        assertThat(settings.errors().get(4)).startsWith("MONGODB_URI: not a MongoDB connection string");
        assertThat(Settings.database(new com.mongodb.ConnectionString("mongodb://h/"))).isEqualTo("pipeline");
        assertThat(Settings.database(new com.mongodb.ConnectionString("mongodb://h/other"))).isEqualTo("other");
    }

    @Test
    void theExchangeIsTheQueuesUnlessSetAndNeverOneOfRabbitMqsOwn() {
        var unset = new Settings(Map.of());
        assertThat(unset.exchange("orders")).isEqualTo("orders.in");
        assertThat(new Settings(Map.of("RABBITMQ_EXCHANGE", "mine")).exchange("orders")).isEqualTo("mine");
        assertThat(unset.errors()).isEmpty();
        var reserved = new Settings(Map.of("RABBITMQ_EXCHANGE", "amq.default"));
        reserved.exchange("orders");
        assertThat(reserved.errors()).containsExactly("RABBITMQ_EXCHANGE: \"amq.default\" is not valid; allowed: an exchange name of at most"
                + " 255 bytes, not amq.* (RabbitMQ's own; the platform's publisher user may write to orders.in only)");
        var tooLong = new Settings(Map.of("RABBITMQ_EXCHANGE", "é".repeat(128)));
        tooLong.exchange("orders");
        assertThat(tooLong.errors()).hasSize(1);
    }
}
