package io.containerplatform.workloads.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClients;
import io.containerplatform.workloads.event.EventJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the API serves is the committed {@code openapi.json} (the generated client's source) and
 * passes Redocly's recommended rules and Spectral's {@code spectral:oas} with no error, and a document both refuse fails: {@code tools/npm-test.mjs} installs the linters pinned in
 * {@code openapi-lint/} ({@code npm ci}, once) and runs both on {@code OPENAPI_FILE}. Without Node.js it fails,
 * saying so.
 */
class OpenApiDocumentTest {

    record Lint(int exit, String output) {
    }

    static Lint lint(Path file) throws Exception {
        var command = new ProcessBuilder("node", Path.of("..", "..", "tools", "npm-test.mjs").toString(), "openapi-lint")
                .redirectErrorStream(true);
        command.environment().put("OPENAPI_FILE", file.toAbsolutePath().toString());
        command.environment().put("REDOCLY_TELEMETRY", "off");
        command.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            throw new AssertionError("Node.js 18.18+ with npm is needed to lint the OpenAPI document: " + e.getMessage());
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Lint(process.waitFor(), output);
    }

    /** The document the API serves, written to {@code target/openapi.json}. */
    static JsonNode served() throws Exception {
        try (var mongo = MongoClients.create("mongodb://localhost:1/pipeline");
             var api = new ApiServer(mongo.getDatabase("pipeline"), 0)) {
            var document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + api.port() + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
            var tree = EventJson.mapper().readTree(document.body());
            Files.writeString(SERVED, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree), StandardCharsets.UTF_8);
            return tree;
        }
    }

    static final Path SERVED = Path.of("target", "openapi.json");

    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        var committed = EventJson.mapper().readTree(Files.readString(Path.of("openapi.json")));
        assertThat(served()).describedAs("workloads/api/openapi.json is not the document the API serves: "
                + "copy workloads/api/target/openapi.json over it").isEqualTo(committed);
    }

    @Test
    void theApisDocumentPassesRedoclyAndSpectral() throws Exception {
        served();
        var file = SERVED;
        var lint = lint(file);
        System.out.println(lint.output());
        assertThat(lint.exit()).describedAs("Redocly and Spectral on %s:%n%s", file, lint.output()).isZero();
        assertThat(lint.output()).contains("Your API description is valid").contains("No results with a severity of 'error'");
    }

    @Test
    void aDocumentBothRefuseFails() throws Exception {
        var lint = lint(Path.of("src", "test", "resources", "openapi-duplicate-operation-id.json"));
        assertThat(lint.exit()).describedAs(lint.output()).isNotZero();
        assertThat(lint.output()).describedAs("Redocly's error").contains("Every operation must have a unique `operationId`");
        assertThat(lint.output()).describedAs("Spectral's error").contains("Every operation must have unique \"operationId\"");
    }
}
