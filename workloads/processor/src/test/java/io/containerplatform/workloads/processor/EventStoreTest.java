package io.containerplatform.workloads.processor;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.containerplatform.workloads.event.Event;
import io.containerplatform.workloads.event.StoreIndexes;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreTest {

    MongoServer server;
    MongoClient client;
    MongoDatabase db;
    EventStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        db = client.getDatabase("pipeline");
        store = new EventStore(db);
        store.createIndexes();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    static Event event(String id, String source, String minute, double value) {
        return new Event(id, source, "temperature", Instant.parse("2026-01-01T10:" + minute + ":30Z"), value, Map.of());
    }

    Map<String, Document> aggregates() {
        var byKey = new java.util.TreeMap<String, Document>();
        db.getCollection("aggregates").find().forEach(d -> byKey.put(d.getString("source") + " " + d.getDate("minute").toInstant(), d));
        return byKey;
    }

    @Test
    void eachEventIsStoredAndCountedOnceWhateverTheDuplicates() {
        var first = store.write(List.of(event("a", "s1", "00", 1), event("b", "s1", "00", 3), event("a", "s1", "00", 1)));
        assertThat(first).isEqualTo(new EventStore.Outcome(2, 1, 1));
        var replay = store.write(List.of(event("a", "s1", "00", 1), event("b", "s1", "00", 3)));
        assertThat(replay).isEqualTo(new EventStore.Outcome(0, 2, 0));
        assertThat(db.getCollection("events").countDocuments()).isEqualTo(2);
        var aggregate = aggregates().get("s1 2026-01-01T10:00:00Z");
        assertThat(aggregate.get("count", Number.class).longValue()).isEqualTo(2);
        assertThat(aggregate.getDouble("sum")).isEqualTo(4.0);
        assertThat(aggregate.getDouble("min")).isEqualTo(1.0);
        assertThat(aggregate.getDouble("max")).isEqualTo(3.0);
    }

    @Test
    void aReusedIdWithOtherContentChangesNothingAndIsNotCountedElsewhere() {
        store.write(List.of(event("a", "s1", "00", 1)));
        var outcome = store.write(List.of(event("a", "s2", "05", 99)));
        assertThat(outcome.inserted()).isZero();
        assertThat(aggregates()).containsOnlyKeys("s1 2026-01-01T10:00:00Z");
        assertThat(db.getCollection("events").find().first().getString("source")).isEqualTo("s1");
    }

    @Test
    void aCrashBetweenTheTwoWritesIsRepairedByTheReplayWithoutDoubleCounting() {
        // the events were stored, then the processor died before the aggregates: the redelivered batch counts them once
        db.getCollection("events").insertOne(EventStore.document(event("a", "s1", "00", 2)));
        store.write(List.of(event("a", "s1", "00", 2), event("b", "s1", "00", 4)));
        store.write(List.of(event("a", "s1", "00", 2), event("b", "s1", "00", 4)));
        var aggregate = aggregates().get("s1 2026-01-01T10:00:00Z");
        assertThat(aggregate.get("count", Number.class).longValue()).isEqualTo(2);
        assertThat(aggregate.getDouble("sum")).isEqualTo(6.0);
    }

    @Test
    void concurrentWritersOfOverlappingBatchesCountEachEventOnce() throws Exception {
        var random = new Random(3);
        var all = new ArrayList<Event>();
        for (int i = 0; i < 2000; i++) {
            all.add(event("e" + i, "s" + random.nextInt(3), String.format("%02d", random.nextInt(4)), random.nextInt(100)));
        }
        var pool = Executors.newFixedThreadPool(4);
        var tasks = new ArrayList<Callable<EventStore.Outcome>>();
        for (int writer = 0; writer < 4; writer++) {
            var mine = new ArrayList<>(all);
            Collections.shuffle(mine, new Random(writer));
            tasks.add(() -> {
                int inserted = 0;
                for (int from = 0; from < mine.size(); from += 250) {
                    inserted += store.write(mine.subList(from, from + 250)).inserted();
                }
                return new EventStore.Outcome(inserted, 0, 0);
            });
        }
        long inserted = 0;
        for (var result : pool.invokeAll(tasks)) {
            inserted += result.get().inserted();
        }
        pool.shutdown();
        assertThat(inserted).isEqualTo(2000);
        long counted = 0;
        double sum = 0;
        for (var aggregate : aggregates().values()) {
            counted += aggregate.get("count", Number.class).longValue();
            sum += aggregate.getDouble("sum");
        }
        assertThat(counted).isEqualTo(2000);
        assertThat(sum).isEqualTo(all.stream().mapToDouble(Event::value).sum());
    }

    @Test
    void aRecountThatReadFewerEventsNeverReplacesALargerOne() {
        // a slow processor read the minute before another stored more events in it, and writes its total last
        store.write(List.of(event("a", "s1", "00", 1)));
        var minute = Instant.parse("2026-01-01T10:00:00Z");
        var stale = store.totals(Map.of(minute, new EventStore.Keys(Set.of("s1"), Set.of("temperature"))));
        store.write(List.of(event("b", "s1", "00", 5)));
        assertThat(store.apply(stale)).isZero();
        var aggregate = aggregates().get("s1 2026-01-01T10:00:00Z");
        assertThat(aggregate.get("count", Number.class).longValue()).isEqualTo(2);
        assertThat(aggregate.getDouble("max")).isEqualTo(5.0);
        // and the guard lets a larger total in: the same stale total applies to an aggregate that holds fewer
        db.getCollection("aggregates").updateOne(new Document(), new Document("$set", new Document("count", 0L)));
        assertThat(store.apply(stale)).isEqualTo(1);
        assertThat(aggregates().get("s1 2026-01-01T10:00:00Z").get("count", Number.class).longValue()).isEqualTo(1);
    }

    @Test
    void anAggregateDocumentStaysTheSameSizeWhateverItsCount() {
        store.write(List.of(event("first", "s1", "00", 1)));
        int one = size(aggregates().get("s1 2026-01-01T10:00:00Z"));
        for (int b = 0; b < 5; b++) {
            var batch = new ArrayList<Event>();
            for (int i = 0; i < 1000; i++) {
                batch.add(event("e" + b + "-" + i, "s1", "00", i));
            }
            store.write(batch);
        }
        var aggregate = aggregates().get("s1 2026-01-01T10:00:00Z");
        assertThat(aggregate.get("count", Number.class).longValue()).isEqualTo(5001);
        assertThat(size(aggregate)).isEqualTo(one);
        assertThat(aggregate.keySet()).containsExactlyInAnyOrder("_id", "source", "type", "minute", "count", "sum", "min", "max");
    }

    @Test
    void anAggregateAnEarlierVersionCountedLosesItsIdListWhenItsMinuteIsRecountedWithMoreEvents() {
        store.write(List.of(event("a", "s1", "00", 1)));
        db.getCollection("aggregates").updateOne(new Document(), new Document("$set", new Document("ids", List.of("a"))));
        store.write(List.of(event("b", "s1", "00", 2)));
        var aggregate = aggregates().get("s1 2026-01-01T10:00:00Z");
        assertThat(aggregate).doesNotContainKey("ids");
        assertThat(aggregate.get("count", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void theProcessorCreatesItsIndexAndDropsTheOnesEarlierVersionsCreated() {
        for (var obsolete : StoreIndexes.OBSOLETE) {
            db.getCollection(obsolete.collection()).createIndex(obsolete.keys(), new IndexOptions().name(obsolete.name()));
        }
        store.createIndexes();
        store.createIndexes(); // idempotent
        var names = new ArrayList<String>();
        db.getCollection("events").listIndexes().forEach(i -> names.add(i.getString("name")));
        db.getCollection("aggregates").listIndexes().forEach(i -> names.add(i.getString("name")));
        assertThat(names).containsExactlyInAnyOrder("_id_", "_id_", StoreIndexes.SOURCE_TYPE_NEWEST_FIRST.name());
    }

    @Test
    void theRecountReadsEachMinuteThroughTheProcessorsIndex() {
        var matches = new CopyOnWriteArrayList<BsonDocument>();
        var address = server.getLocalAddress();
        try (var watched = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("aggregate")) {
                            matches.add(BsonDocument.parse(event.getCommand().toJson()).getArray("pipeline").get(0).asDocument().getDocument("$match"));
                        }
                    }
                }).build())) {
            new EventStore(watched.getDatabase("pipeline")).write(List.of(event("a", "s1", "00", 1), event("b", "s2", "01", 2)));
        }
        assertThat(matches).hasSize(1);
        var clauses = matches.get(0).getArray("$or");
        assertThat(clauses).hasSize(2);
        // each minute's clause: source and type among a few values, and a range of timestamps: the index's first three
        // keys, the fields fixed to a few values first, then the range
        assertThat(new ArrayList<>(StoreIndexes.SOURCE_TYPE_NEWEST_FIRST.keys().keySet()).subList(0, 3)).containsExactly("source", "type", "timestamp");
        for (var clause : clauses) {
            var fields = new ArrayList<String>();
            clause.asDocument().getArray("$and").forEach(c -> fields.addAll(c.asDocument().keySet()));
            assertThat(fields).containsExactlyInAnyOrder("timestamp", "timestamp", "source", "type");
        }
    }

    static int size(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}
