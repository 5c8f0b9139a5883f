package io.containerplatform.workloads.api;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClients;
import io.containerplatform.workloads.event.Settings;
import io.containerplatform.workloads.event.TrustedCa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code java -jar api.jar}: the pipeline's API, configured by {@code MONGODB_URI} (database from its path,
 * {@code pipeline} by default; its user reads, and creates the API's indexes, which the API does at start),
 * {@code PORT} (8000) and {@code CORS_ALLOWED_ORIGINS} (none).
 */
public final class ApiMain {

    private static final Logger LOG = Logger.getLogger(ApiMain.class.getName());

    private ApiMain() {
    }

    /**
     * The API's MongoDB client: an outage is answered fast (503 with {@code Retry-After}) instead of after the
     * driver's 30 s default server selection: {@value #SERVER_SELECTION_MS} ms to find a server,
     * {@value #CONNECT_MS} ms to connect (and for a heartbeat's answer), {@value #READ_MS} ms for an answer.
     */
    static MongoClientSettings clientSettings(ConnectionString uri, Optional<TrustedCa> ca) {
        return MongoClientSettings.builder(TrustedCa.mongo(uri, ca))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(SERVER_SELECTION_MS, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(CONNECT_MS, TimeUnit.MILLISECONDS)
                        .readTimeout(READ_MS, TimeUnit.MILLISECONDS))
                .build();
    }

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    /**
     * {@code CORS_ALLOWED_ORIGINS}: the browser origins allowed to call the API, comma-separated, e.g.
     * {@code https://app.example.com,http://localhost:3000}; empty or unset (the default): none, CORS off.
     * A bad origin is added to {@code errors}.
     */
    static List<String> corsOrigins(String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        var origins = new ArrayList<String>();
        for (var origin : value.split(",")) {
            origin = origin.trim();
            if (ORIGIN.matcher(origin).matches()) {
                origins.add(origin);
            } else {
                errors.add("CORS_ALLOWED_ORIGINS: \"" + origin + "\" is not an origin; allowed: comma-separated "
                        + "scheme://host[:port] with scheme http or https and no path, e.g. https://app.example.com");
            }
        }
        return origins;
    }

    /** How long a request waits for a MongoDB server to be selectable. */
    static final int SERVER_SELECTION_MS = 500;
    /**
     * How long opening a connection to MongoDB may take, and also how long the driver's monitor waits for each heartbeat
     * answer (the driver gives its monitor {@code connectTimeout} as read timeout too): a server busy for longer than
     * that is declared unknown and the API's whole connection pool is cleared, failing every query under way. At 500 ms
     * a store stalled for half a second under load (the benchmark's, on a loaded machine) dropped the pool and answered
     * requests with 500s and 503s; a dead server is still answered by a 503 within {@link #SERVER_SELECTION_MS}.
     */
    static final int CONNECT_MS = 2000;
    /** How long MongoDB may take to answer one query. */
    static final int READ_MS = 5000;

    /** How long the API waits before trying again to create its indexes while MongoDB cannot be reached. */
    static final long INDEX_RETRY_MS = 5000;

    /**
     * Creates the API's indexes ({@code create}), again every {@code retryMillis} while MongoDB cannot be reached;
     * returns whether they were created. Any other refusal (a user not allowed to create indexes, an index of the
     * same name with other keys) is logged once and not retried: the API answers all the same, its queries unindexed.
     */
    static boolean createIndexes(Runnable create, long retryMillis) {
        while (true) {
            try {
                create.run();
                return true;
            } catch (MongoSocketException | MongoTimeoutException e) {
                LOG.warning("MongoDB unreachable, creating the API's indexes again in " + retryMillis + " ms: " + e.getMessage());
                try {
                    Thread.sleep(retryMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            } catch (MongoException e) {
                LOG.severe("the API's indexes were not created, its queries will scan and sort: " + e.getMessage());
                return false;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        var settings = new Settings(System.getenv());
        var uri = settings.mongoUri();
        int port = settings.integer("PORT", 8000, 1, 65535);
        var errors = new ArrayList<>(settings.errors());
        var origins = corsOrigins(System.getenv("CORS_ALLOWED_ORIGINS"), errors);
        if (!errors.isEmpty()) {
            System.err.println("Invalid environment:\n  - " + String.join("\n  - ", errors));
            System.exit(2);
        }
        var client = MongoClients.create(clientSettings(uri, settings.trustedCa()));
        var server = new ApiServer(client.getDatabase(Settings.database(uri)), port, origins);
        // its own client, without the requests' 5 s read timeout: a first build over a large collection takes its time
        var indexes = new Thread(() -> {
            try (var builder = MongoClients.create(TrustedCa.mongo(uri, settings.trustedCa()))) {
                createIndexes(new EventQueries(builder.getDatabase(Settings.database(uri)))::createIndexes, INDEX_RETRY_MS);
            }
        }, "indexes");
        indexes.setDaemon(true);
        indexes.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            client.close();
        }, "shutdown"));
        System.out.println("api: listening on " + server.port() + " (Swagger UI at /docs, OpenAPI at /openapi.json)");
    }
}
