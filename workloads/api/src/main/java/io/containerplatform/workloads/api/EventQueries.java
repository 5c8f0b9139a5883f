package io.containerplatform.workloads.api;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.StoreIndexes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's reads of the processor's collections (it writes no document), each served by one of the indexes
 * {@link StoreIndexes#API} that gives its filter and its sort ({@link #createIndexes()}).
 */
final class EventQueries {

    /** Most aggregates one request returns. */
    static final int MAX_AGGREGATES = 10_000;

    /** The fields of an aggregate the API returns. */
    private static final List<String> AGGREGATE_FIELDS = List.of("source", "type", "minute", "count", "sum", "min", "max");

    private final MongoDatabase database;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> aggregates;

    EventQueries(MongoDatabase database) {
        this.database = database;
        this.events = database.getCollection(EventContract.EVENTS);
        this.aggregates = database.getCollection(EventContract.AGGREGATES);
    }

    /** Creates the API's indexes ({@link StoreIndexes#API}); nothing changes when they exist. */
    void createIndexes() {
        StoreIndexes.API.forEach(index -> index.create(database));
    }

    boolean reachable() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A page of events, newest first, and the cursor of the next page (null on the last). */
    Map<String, Object> events(String source, String type, Instant from, Instant to, Param.Cursor cursor, int limit) {
        var filters = new ArrayList<Bson>(filters(source, type, from, to, "timestamp"));
        if (cursor != null) {
            var at = Date.from(cursor.timestamp());
            filters.add(Filters.or(Filters.lt("timestamp", at), Filters.and(Filters.eq("timestamp", at), Filters.lt("_id", cursor.id()))));
        }
        var page = new ArrayList<Document>(limit + 1);
        events.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("timestamp", "_id"))
                .limit(limit + 1)
                .into(page);
        String next = null;
        if (page.size() > limit) {
            page.remove(limit);
            var last = page.get(limit - 1);
            next = new Param.Cursor(last.getDate("timestamp").toInstant(), last.getString("_id")).encode();
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("items", page.stream().map(EventQueries::event).toList());
        body.put("next", next);
        return body;
    }

    Optional<Map<String, Object>> event(String id) {
        return Optional.ofNullable(events.find(Filters.eq("_id", id)).first()).map(EventQueries::event);
    }

    Map<String, Object> aggregates(String source, String type, Instant from, Instant to) {
        var items = new ArrayList<Map<String, Object>>();
        var filters = filters(source, type, from, to, "minute");
        for (var doc : aggregates.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .projection(Projections.fields(Projections.include(AGGREGATE_FIELDS), Projections.excludeId()))
                .sort(Sorts.ascending("minute", "source", "type"))
                .limit(MAX_AGGREGATES)) {
            var item = new LinkedHashMap<String, Object>();
            item.put("source", doc.getString("source"));
            item.put("type", doc.getString("type"));
            item.put("minute", DateTimeFormatter.ISO_INSTANT.format(doc.getDate("minute").toInstant()));
            item.put("count", ((Number) doc.get("count")).longValue());
            item.put("sum", finite(doc.get("sum")));
            item.put("min", finite(doc.get("min")));
            item.put("max", finite(doc.get("max")));
            items.add(item);
        }
        return Map.of("items", items);
    }

    private static List<Bson> filters(String source, String type, Instant from, Instant to, String timeField) {
        var filters = new ArrayList<Bson>();
        if (source != null) {
            filters.add(Filters.eq("source", source));
        }
        if (type != null) {
            filters.add(Filters.eq("type", type));
        }
        if (from != null) {
            filters.add(Filters.gte(timeField, Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt(timeField, Date.from(to)));
        }
        return filters;
    }

    /**
     * A stored number as a JSON number, or null when it is not a finite double (a sum that overflowed, or a
     * non-finite value stored before the processor refused them): never the strings "Infinity" or "NaN".
     */
    static Double finite(Object stored) {
        double value = ((Number) stored).doubleValue();
        return Double.isFinite(value) ? value : null;
    }

    /** A stored event as the API returns it: the message's fields, the timestamp in UTC to the millisecond. */
    static Map<String, Object> event(Document doc) {
        var item = new LinkedHashMap<String, Object>();
        item.put("id", doc.getString("_id"));
        item.put("source", doc.getString("source"));
        item.put("type", doc.getString("type"));
        item.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(doc.getDate("timestamp").toInstant()));
        item.put("value", finite(doc.get("value")));
        if (doc.get("attributes") instanceof Document attributes) {
            item.put("attributes", new java.util.TreeMap<>(attributes));
        }
        return item;
    }
}
