package io.containerplatform.workloads.processor;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.containerplatform.workloads.event.Event;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.StoreIndexes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a batch of valid events to MongoDB so that each is stored once and counted once, whatever happens:
 * redelivery after a crash, duplicate ids, several processors writing at once.
 * <ol>
 *   <li>Events are upserted by id with {@code $setOnInsert}: the first version of an id wins, later ones change
 *       nothing.</li>
 *   <li>Each (source, type, minute) the batch's stored events fall in is recounted from {@code events} (one
 *       aggregation per batch, served by {@link StoreIndexes#SOURCE_TYPE_NEWEST_FIRST}), and its aggregate set to
 *       that total by an update guarded on the aggregate holding fewer events. The aggregate is a function of the
 *       stored events, so replaying a batch after a crash between the writes sets the same total again, and it
 *       holds four numbers whatever its count.</li>
 * </ol>
 * Why two processors cannot leave a minute short: events are only ever added, so a recount that started after
 * the last event of a minute was stored counts all of them, and any other recount counts fewer (a subset); the
 * processor that stored that last event recounts after it (or, if it died first, the batch is redelivered and
 * recounted). The guard lets only a larger total replace a smaller one, and a single-document update is atomic
 * (MongoDB; {@code mongo-java-server}, which has no document locks, runs each update of a collection under the
 * collection's lock), so a slower recount that read fewer events cannot overwrite the full one.
 * <p>
 * The broker is acknowledged only after both writes succeed, so an interrupted batch is redelivered and replayed.
 */
final class EventStore {

    /** What a batch changed: events inserted, events already stored, aggregates set to a larger total. */
    record Outcome(int inserted, int duplicates, int aggregatesSet) {
    }

    /** The recounted total of one (source, type, minute). */
    record Total(Document key, long count, double sum, double min, double max) {
    }

    private static final int DUPLICATE_KEY = 11000;
    /** The minute of an event's timestamp, as the aggregation groups it: whole minutes since the epoch. */
    private static final Document MINUTE = new Document("$floor",
            new Document("$divide", List.of(new Document("$toLong", "$timestamp"), 60_000)));

    private final MongoDatabase database;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> aggregates;

    EventStore(MongoDatabase database) {
        this.database = database;
        this.events = database.getCollection(EventContract.EVENTS);
        this.aggregates = database.getCollection(EventContract.AGGREGATES);
    }

    /** Creates the processor's indexes and drops those earlier versions created that others replace. */
    void createIndexes() {
        StoreIndexes.PROCESSOR.forEach(index -> index.create(database));
        for (var obsolete : StoreIndexes.OBSOLETE) {
            var collection = database.getCollection(obsolete.collection());
            for (var index : collection.listIndexes()) {
                if (obsolete.name().equals(index.getString("name"))) {
                    collection.dropIndex(obsolete.name());
                }
            }
        }
    }

    Outcome write(List<Event> batch) {
        var byId = new LinkedHashMap<String, Event>();
        batch.forEach(e -> byId.putIfAbsent(e.id(), e));
        if (byId.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        var sent = new ArrayList<>(byId.values());
        var upserts = new ArrayList<WriteModel<Document>>(sent.size());
        sent.forEach(e -> upserts.add(new UpdateOneModel<>(Filters.eq("_id", e.id()), Updates.setOnInsert(document(e)),
                new UpdateOptions().upsert(true))));
        var result = events.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        int inserted = result.getUpserts().size();

        // Where the stored events fall: as sent for those this batch inserted, read back for the others (another
        // version of the id may have won).
        var minutes = new TreeMap<Instant, Keys>();
        var fresh = new boolean[sent.size()];
        result.getUpserts().forEach(u -> fresh[u.getIndex()] = true);
        var known = new ArrayList<String>();
        for (int i = 0; i < sent.size(); i++) {
            if (fresh[i]) {
                add(minutes, document(sent.get(i)));
            } else {
                known.add(sent.get(i).id());
            }
        }
        if (!known.isEmpty()) {
            events.find(Filters.in("_id", known)).projection(Projections.include("source", "type", "timestamp"))
                    .forEach(stored -> add(minutes, stored));
        }
        return new Outcome(inserted, batch.size() - inserted, apply(totals(minutes)));
    }

    /**
     * The sources and types stored in one minute. Their cross product is recounted: an aggregate no event of the
     * batch fell in gets a recount as valid as any (the guard keeps the largest).
     */
    record Keys(Set<String> sources, Set<String> types) {
    }

    private static void add(Map<Instant, Keys> minutes, Document event) {
        var keys = minutes.computeIfAbsent(minute(event), m -> new Keys(new TreeSet<>(), new TreeSet<>()));
        keys.sources().add(event.getString("source"));
        keys.types().add(event.getString("type"));
    }

    /** Recounts, from {@code events}, the aggregates of the sources and types stored in each of {@code minutes}. */
    List<Total> totals(Map<Instant, Keys> minutes) {
        var clauses = new ArrayList<Bson>();
        // the time range first: a store that evaluates the clauses in order (mongo-java-server) rejects other minutes fastest
        minutes.forEach((minute, keys) -> clauses.add(Filters.and(Filters.gte("timestamp", Date.from(minute)),
                Filters.lt("timestamp", Date.from(minute.plus(1, ChronoUnit.MINUTES))), Filters.in("source", keys.sources()),
                Filters.in("type", keys.types()))));
        var pipeline = List.of(
                Aggregates.match(clauses.size() == 1 ? clauses.get(0) : Filters.or(clauses)),
                Aggregates.group(new Document("source", "$source").append("type", "$type").append("minute", MINUTE),
                        Accumulators.sum("count", 1), Accumulators.sum("sum", "$value"),
                        Accumulators.min("min", "$value"), Accumulators.max("max", "$value")));
        var totals = new ArrayList<Total>();
        for (var group : events.aggregate(pipeline)) {
            var id = group.get("_id", Document.class);
            var key = new Document("source", id.getString("source")).append("type", id.getString("type"))
                    .append("minute", new Date(((Number) id.get("minute")).longValue() * 60_000));
            totals.add(new Total(key, ((Number) group.get("count")).longValue(), ((Number) group.get("sum")).doubleValue(),
                    ((Number) group.get("min")).doubleValue(), ((Number) group.get("max")).doubleValue()));
        }
        return totals;
    }

    /**
     * Sets each aggregate to its total unless it already holds as many events (an equal or later recount); returns
     * how many were set. An upsert that meets a duplicate key found the aggregate holding as many or more.
     */
    int apply(List<Total> totals) {
        if (totals.isEmpty()) {
            return 0;
        }
        var updates = new ArrayList<WriteModel<Document>>(totals.size());
        for (var total : totals) {
            var key = total.key();
            updates.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", key), Filters.lt("count", total.count())),
                    Updates.combine(Updates.set("source", key.get("source")), Updates.set("type", key.get("type")),
                            Updates.set("minute", key.get("minute")), Updates.set("count", total.count()),
                            Updates.set("sum", total.sum()), Updates.set("min", total.min()), Updates.set("max", total.max()),
                            Updates.unset("ids")), // the id list earlier versions kept, dropped when a total is next set
                    new UpdateOptions().upsert(true)));
        }
        try {
            var result = aggregates.bulkWrite(updates, new BulkWriteOptions().ordered(false));
            return result.getModifiedCount() + result.getUpserts().size();
        } catch (MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            return e.getWriteResult().getModifiedCount() + e.getWriteResult().getUpserts().size();
        }
    }

    static Document document(Event e) {
        var doc = new Document("_id", e.id())
                .append("source", e.source())
                .append("type", e.type())
                .append("timestamp", Date.from(e.timestamp()))
                .append("value", e.value());
        if (!e.attributes().isEmpty()) {
            doc.append("attributes", new Document(new TreeMap<String, Object>(e.attributes())));
        }
        return doc;
    }

    private static Instant minute(Document event) {
        return event.getDate("timestamp").toInstant().truncatedTo(ChronoUnit.MINUTES);
    }
}
