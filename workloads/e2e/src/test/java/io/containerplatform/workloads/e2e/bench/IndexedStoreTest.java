package io.containerplatform.workloads.e2e.bench;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.containerplatform.workloads.event.EventContract;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's store answers the API's page queries from its index exactly as the memory backend's scan and sort does. */
class IndexedStoreTest {

    static final Date T0 = Date.from(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void pagesFromTheIndexEqualTheScansIncludingTiesCursorsBoundsFiltersUpdatesAndDeletes() {
        var indexed = new MongoServer(new IndexedStore.Backend());
        var memory = new MongoServer(new MemoryBackend());
        try (var a = MongoClients.create(indexed.bindAndGetConnectionString()); var b = MongoClients.create(memory.bindAndGetConnectionString())) {
            var fromIndex = a.getDatabase("pipeline").getCollection(EventContract.EVENTS);
            var fromScan = b.getDatabase("pipeline").getCollection(EventContract.EVENTS);
            for (var events : List.of(fromIndex, fromScan)) {
                for (int i = 0; i < 500; i++) {
                    // every third timestamp repeats: ties broken by _id
                    events.insertOne(new Document("_id", String.format("e%04d", i)).append("source", "s" + (i % 3))
                            .append("timestamp", new Date(T0.getTime() + (i / 3) * 1000L)));
                }
                events.deleteOne(Filters.eq("_id", "e0498"));
                events.updateOne(Filters.eq("_id", "e0100"), new Document("$set", new Document("timestamp", new Date(T0.getTime() + 999_000L))));
            }
            var at = new Date(T0.getTime() + 120_000L);
            var cursor = Filters.or(Filters.lt("timestamp", at), Filters.and(Filters.eq("timestamp", at), Filters.lt("_id", "e0361")));
            var queries = List.<Bson>of(new Document(), cursor, Filters.and(Filters.eq("source", "s1"), cursor),
                    Filters.and(Filters.gte("timestamp", T0), Filters.lt("timestamp", new Date(T0.getTime() + 50_000L))));
            for (var query : queries) {
                assertThat(page(fromIndex, query)).isNotEmpty().isEqualTo(page(fromScan, query));
            }
            assertThat(page(fromIndex, new Document()).get(0).getString("_id")).isEqualTo("e0100");
        } finally {
            indexed.shutdownNow();
            memory.shutdownNow();
        }
    }

    static List<Document> page(MongoCollection<Document> events, Bson query) {
        return events.find(query).sort(Sorts.descending("timestamp", "_id")).limit(101).into(new ArrayList<>());
    }
}
