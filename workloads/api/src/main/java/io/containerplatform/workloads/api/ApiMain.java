package io.containerplatform.workloads.api;

import com.mongodb.client.MongoClients;
import io.containerplatform.workloads.event.Settings;
import io.containerplatform.workloads.event.TrustedCa;

/**
 * {@code java -jar api.jar}: the pipeline's API, configured by {@code MONGODB_URI} (database from its path,
 * {@code pipeline} by default; a read-only user is enough) and {@code PORT} (8000).
 */
public final class ApiMain {

    private ApiMain() {
    }

    public static void main(String[] args) throws Exception {
        var settings = new Settings(System.getenv());
        var uri = settings.mongoUri();
        int port = settings.integer("PORT", 8000, 1, 65535);
        if (!settings.errors().isEmpty()) {
            System.err.println("Invalid environment:\n  - " + String.join("\n  - ", settings.errors()));
            System.exit(2);
        }
        var client = MongoClients.create(TrustedCa.mongo(uri, settings.trustedCa()));
        var server = new ApiServer(client.getDatabase(Settings.database(uri)), port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            client.close();
        }, "shutdown"));
        System.out.println("api: listening on " + server.port() + " (Swagger UI at /docs, OpenAPI at /openapi.json)");
    }
}
