package io.containerplatform.workloads.processor;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.containerplatform.workloads.event.Event;
import io.containerplatform.workloads.event.EventContract;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch of valid events to MongoDB so that each is stored once and counted once, whatever happens:
 * redelivery after a crash, duplicate ids, several processors writing at once.
 * <ol>
 *   <li>Events are upserted by id with {@code $setOnInsert}: the first version of an id wins, later ones change
 *       nothing.</li>
 *   <li>The stored versions are read back, and each is added to its (source, type, minute) aggregate by an update
 *       guarded on the aggregate not listing the event's id yet, which it then lists: applying the same event
 *       twice, after a crash between the writes or from two processors, matches nothing the second time. The
 *       events of one aggregate go in one update guarded on none of them being listed; when that fails (some
 *       were already counted, or another writer created the aggregate first), each goes on its own.</li>
 * </ol>
 * The broker is acknowledged only after both writes succeed, so an interrupted batch is redelivered and replayed.
 */
final class EventStore {

    /** What a batch changed. */
    record Outcome(int inserted, int duplicates, int counted) {
    }

    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> aggregates;

    EventStore(MongoDatabase database) {
        this.events = database.getCollection(EventContract.EVENTS);
        this.aggregates = database.getCollection(EventContract.AGGREGATES);
    }

    /** The indexes the API reads by: newest first (with the id as tie-break), and aggregates by minute. */
    void createIndexes() {
        events.createIndex(Indexes.descending("timestamp", "_id"), new IndexOptions().name("newest_first"));
        events.createIndex(Indexes.ascending("source", "type"), new IndexOptions().name("source_type"));
        aggregates.createIndex(Indexes.ascending("minute"), new IndexOptions().name("by_minute"));
    }

    Outcome write(List<Event> batch) {
        var byId = new LinkedHashMap<String, Event>();
        batch.forEach(e -> byId.putIfAbsent(e.id(), e));
        if (byId.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        var upserts = new ArrayList<WriteModel<Document>>(byId.size());
        byId.values().forEach(e -> upserts.add(new UpdateOneModel<>(Filters.eq("_id", e.id()), Updates.setOnInsert(document(e)),
                new UpdateOptions().upsert(true))));
        var result = events.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        int inserted = result.getUpserts().size();

        // The events this batch inserted are stored as sent; the others are read back (another version may have won).
        var fresh = new java.util.HashSet<String>();
        var sent = new ArrayList<>(byId.values());
        result.getUpserts().forEach(u -> fresh.add(sent.get(u.getIndex()).id()));
        var groups = new LinkedHashMap<Document, List<Document>>();
        var known = new ArrayList<String>();
        for (var event : sent) {
            if (fresh.contains(event.id())) {
                var doc = document(event);
                groups.computeIfAbsent(aggregateKey(doc), k -> new ArrayList<>()).add(doc);
            } else {
                known.add(event.id());
            }
        }
        if (!known.isEmpty()) {
            for (var stored : events.find(Filters.in("_id", known))) {
                groups.computeIfAbsent(aggregateKey(stored), k -> new ArrayList<>()).add(stored);
            }
        }
        return new Outcome(inserted, batch.size() - inserted, countGroups(groups));
    }

    /** Adds each group of events to its aggregate in one guarded update, falling back to one update per event. */
    private int countGroups(Map<Document, List<Document>> groups) {
        var keys = new ArrayList<>(groups.keySet());
        var grouped = new ArrayList<WriteModel<Document>>(keys.size());
        for (var key : keys) {
            var members = groups.get(key);
            var ids = members.stream().map(d -> d.getString("_id")).toList();
            grouped.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", key), Filters.nin("ids", ids)), contribution(key, members),
                    new UpdateOptions().upsert(true)));
        }
        var failed = new java.util.HashSet<Integer>();
        try {
            aggregates.bulkWrite(grouped, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                failed.add(error.getIndex());
            }
        }
        int counted = 0;
        var single = new ArrayList<UpdateOneModel<Document>>();
        for (int i = 0; i < keys.size(); i++) {
            var key = keys.get(i);
            var members = groups.get(key);
            if (!failed.contains(i)) {
                counted += members.size();
                continue;
            }
            for (var event : members) {
                single.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", key), Filters.ne("ids", event.getString("_id"))),
                        contribution(key, List.of(event)), new UpdateOptions().upsert(true)));
            }
        }
        if (!single.isEmpty()) {
            counted += countAll(single);
        }
        return counted;
    }

    /**
     * Applies the guarded aggregate updates; returns how many events were added. An upsert that meets a duplicate
     * key lost a race with another writer creating the same aggregate: it is applied again without upsert, and
     * matches nothing if that writer already counted the event.
     */
    private int countAll(List<UpdateOneModel<Document>> guarded) {
        try {
            var result = aggregates.bulkWrite(guarded, new BulkWriteOptions().ordered(false));
            return result.getModifiedCount() + result.getUpserts().size();
        } catch (MongoBulkWriteException e) {
            int counted = e.getWriteResult().getModifiedCount() + e.getWriteResult().getUpserts().size();
            for (var error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                var model = guarded.get(error.getIndex());
                counted += (int) aggregates.updateOne(model.getFilter(), model.getUpdate(), new UpdateOptions().upsert(false)).getModifiedCount();
            }
            return counted;
        }
    }

    static Document document(Event e) {
        var doc = new Document("_id", e.id())
                .append("source", e.source())
                .append("type", e.type())
                .append("timestamp", Date.from(e.timestamp()))
                .append("value", e.value());
        if (!e.attributes().isEmpty()) {
            doc.append("attributes", new Document(new java.util.TreeMap<String, Object>(e.attributes())));
        }
        return doc;
    }

    /** The aggregate's id: source, type and minute, in that order. */
    static Document aggregateKey(Document event) {
        var minute = event.getDate("timestamp").toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return new Document("source", event.getString("source")).append("type", event.getString("type")).append("minute", Date.from(minute));
    }

    /** Adds {@code members} (events of the aggregate {@code key}) to it and lists their ids. */
    private static Bson contribution(Document key, List<Document> members) {
        var values = members.stream().mapToDouble(d -> d.getDouble("value")).toArray();
        return Updates.combine(
                Updates.setOnInsert("source", key.get("source")),
                Updates.setOnInsert("type", key.get("type")),
                Updates.setOnInsert("minute", key.get("minute")),
                Updates.inc("count", values.length),
                Updates.inc("sum", java.util.Arrays.stream(values).sum()),
                Updates.min("min", java.util.Arrays.stream(values).min().orElseThrow()),
                Updates.max("max", java.util.Arrays.stream(values).max().orElseThrow()),
                Updates.pushEach("ids", members.stream().map(d -> d.getString("_id")).toList()));
    }
}
