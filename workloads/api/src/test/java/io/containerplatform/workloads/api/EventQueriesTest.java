package io.containerplatform.workloads.api;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.containerplatform.workloads.event.StoreIndexes;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's indexes, and every query the API makes served by one of them (its filter fields and its sort). */
class EventQueriesTest {

    /** A query as the API sent it to MongoDB. */
    record Query(String collection, BsonDocument filter, BsonDocument sort) {
    }

    final List<Query> sent = new CopyOnWriteArrayList<>();
    final List<String> otherCommands = new CopyOnWriteArrayList<>();
    MongoServer server;
    MongoClient client;
    EventQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        var listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                var command = BsonDocument.parse(event.getCommand().toJson()); // the event's own is valid during this call only
                if (event.getCommandName().equals("find")) {
                    sent.add(new Query(command.getString("find").getValue(), command.getDocument("filter", new BsonDocument()),
                            command.getDocument("sort", new BsonDocument())));
                } else if (!Set.of("createIndexes", "listIndexes", "ping").contains(event.getCommandName())) {
                    otherCommands.add(command.toJson());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(listener).build());
        queries = new EventQueries(client.getDatabase("pipeline"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    Map<String, Document> indexes(String collection) {
        var byName = new LinkedHashMap<String, Document>();
        client.getDatabase("pipeline").getCollection(collection).listIndexes().forEach(i -> byName.put(i.getString("name"), i.get("key", Document.class)));
        return byName;
    }

    @Test
    void theApiCreatesItsIndexesAndCreatingThemAgainChangesNothing() {
        queries.createIndexes();
        queries.createIndexes();
        // as JSON: the keys' order and directions count
        assertThat(json(indexes("events"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "_id_", "{\"_id\": 1}",
                "newest_first", "{\"timestamp\": -1, \"_id\": -1}",
                "source_newest_first", "{\"source\": 1, \"timestamp\": -1, \"_id\": -1}",
                "type_newest_first", "{\"type\": 1, \"timestamp\": -1, \"_id\": -1}",
                "source_type_newest_first", "{\"source\": 1, \"type\": 1, \"timestamp\": -1, \"_id\": -1}"));
        assertThat(json(indexes("aggregates"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "_id_", "{\"_id\": 1}",
                "minute_source_type", "{\"minute\": 1, \"source\": 1, \"type\": 1}"));
    }

    static Map<String, String> json(Map<String, Document> indexes) {
        var byName = new LinkedHashMap<String, String>();
        indexes.forEach((name, keys) -> byName.put(name, keys.toJson()));
        return byName;
    }

    @Test
    void atStartTheApiCreatesItsIndexesAgainWhileMongoDbCannotBeReached() {
        var attempts = new AtomicInteger();
        assertThat(ApiMain.createIndexes(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new MongoSocketOpenException("connection refused", new ServerAddress());
            }
            queries.createIndexes();
        }, 1)).isTrue();
        assertThat(attempts).hasValue(3);
        assertThat(indexes("events")).containsKey("source_type_newest_first");
    }

    @Test
    void aUserNotAllowedToCreateIndexesIsLoggedOnceAndTheApiGoesOn() {
        var attempts = new AtomicInteger();
        assertThat(ApiMain.createIndexes(() -> {
            attempts.incrementAndGet();
            throw new MongoCommandException(BsonDocument.parse("{ok: 0, code: 13, codeName: 'Unauthorized', "
                    + "errmsg: 'not authorized on pipeline to execute command { createIndexes: \\\"events\\\" }'}"), new ServerAddress());
        }, 1)).isFalse();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void everyQueryTheApiMakesIsServedByOneOfItsIndexes() {
        queries.createIndexes();
        var from = Instant.parse("2026-01-01T00:00:00Z");
        var to = Instant.parse("2026-01-02T00:00:00Z");
        var cursor = new Param.Cursor(Instant.parse("2026-01-01T12:00:00Z"), "e1");
        for (var source : Arrays.asList(null, "s")) {
            for (var type : Arrays.asList(null, "t")) {
                for (var since : Arrays.asList(null, from)) {
                    for (var until : Arrays.asList(null, to)) {
                        queries.aggregates(source, type, since, until);
                        for (var after : Arrays.asList(null, cursor)) {
                            queries.events(source, type, since, until, after, 100);
                        }
                    }
                }
            }
        }
        queries.event("e1");
        assertThat(otherCommands).describedAs("commands this test cannot check against the indexes").isEmpty();
        assertThat(sent).hasSize(16 + 32 + 1);
        var all = new LinkedHashMap<String, Map<String, Document>>();
        all.put("events", indexes("events"));
        all.put("aggregates", indexes("aggregates"));
        for (var query : sent) {
            assertThat(all.get(query.collection()).values()).describedAs("an index serving %s", query)
                    .anyMatch(keys -> serves(keys, query.filter(), query.sort()));
        }
    }

    @Test
    void theCheckRefusesAnIndexThatCannotGiveTheSortOrLacksAFilterField() {
        var newest = BsonDocument.parse("{timestamp: -1, _id: -1}");
        var bySourceAndType = StoreIndexes.SOURCE_TYPE_NEWEST_FIRST.keys();
        // passing: equality on source and type, then the sort
        assertThat(serves(bySourceAndType, BsonDocument.parse("{$and: [{source: 's'}, {type: 't'}]}"), newest)).isTrue();
        assertThat(serves(bySourceAndType, BsonDocument.parse("{source: 's', type: 't'}"), BsonDocument.parse("{timestamp: 1, _id: 1}"))).isTrue();
        // failing: the type left free comes between the source and the sort
        assertThat(serves(bySourceAndType, BsonDocument.parse("{source: 's'}"), newest)).isFalse();
        // failing: a filter field the index does not hold
        assertThat(serves(StoreIndexes.NEWEST_FIRST.keys(), BsonDocument.parse("{value: {$gt: 1}}"), newest)).isFalse();
        // failing: the sort in mixed directions
        assertThat(serves(StoreIndexes.NEWEST_FIRST.keys(), new BsonDocument(), BsonDocument.parse("{timestamp: -1, _id: 1}"))).isFalse();
        // failing: no sort, and the index does not start with a filter field
        assertThat(serves(StoreIndexes.NEWEST_FIRST.keys(), BsonDocument.parse("{_id: 'e1'}"), new BsonDocument())).isFalse();
    }

    /**
     * Whether an index with {@code keys} serves a query: every field of the filter is a key of the index (it is
     * filtered on the index's keys), and the index gives the sort, its keys being fields the filter fixes to one
     * value, then the sort's keys in order, all in the index's direction or all reversed. Without a sort, the index
     * starts with a filter field.
     */
    static boolean serves(Document keys, BsonDocument filter, BsonDocument sort) {
        var fields = new LinkedHashMap<String, Boolean>();
        fields(filter, true, fields);
        if (!keys.keySet().containsAll(fields.keySet())) {
            return false;
        }
        var order = new ArrayList<>(keys.keySet());
        if (sort.isEmpty()) {
            return fields.containsKey(order.get(0));
        }
        int i = 0;
        while (i < order.size() && Boolean.TRUE.equals(fields.get(order.get(i))) && !sort.containsKey(order.get(i))) {
            i++;
        }
        int direction = 0;
        for (var key : sort.keySet()) {
            if (i >= order.size() || !order.get(i).equals(key)) {
                return false;
            }
            int relative = sort.getNumber(key).intValue() * ((Number) keys.get(key)).intValue();
            if (direction != 0 && relative != direction) {
                return false;
            }
            direction = relative;
            i++;
        }
        return true;
    }

    /** Adds the fields {@code filter} tests, each with whether it fixes them to one value (only at its top level). */
    private static void fields(BsonDocument filter, boolean top, Map<String, Boolean> fields) {
        for (var entry : filter.entrySet()) {
            var key = entry.getKey();
            if (key.equals("$and") || key.equals("$or")) {
                for (BsonValue clause : entry.getValue().asArray()) {
                    fields(clause.asDocument(), top && key.equals("$and"), fields);
                }
            } else {
                boolean equality = top && !(entry.getValue().isDocument() && entry.getValue().asDocument().keySet().stream()
                        .anyMatch(operator -> operator.startsWith("$") && !operator.equals("$eq")));
                fields.merge(key, equality, (was, now) -> was && now);
            }
        }
    }
}
