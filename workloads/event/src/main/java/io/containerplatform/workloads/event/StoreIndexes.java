package io.containerplatform.workloads.event;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;

import java.util.List;

/**
 * The indexes of the pipeline's collections. Each app creates, at start, the ones its own queries need (creating an
 * index that exists with the same name and keys changes nothing): {@link #API} for the API's pages and aggregates,
 * {@link #PROCESSOR} for the processor's recount of a minute. The API's tests check every query it makes against
 * {@link #API}: its filter fields are keys of one index whose order gives the query's sort.
 */
public final class StoreIndexes {

    /** An index of {@code collection}: its name and its keys (1 ascending, -1 descending), in order. */
    public record Index(String collection, String name, Document keys) {

        /** Creates the index (nothing changes when it exists already). */
        public void create(MongoDatabase database) {
            database.getCollection(collection).createIndex(keys, new IndexOptions().name(name));
        }
    }

    /** Events newest first, the id breaking ties: unfiltered pages. */
    public static final Index NEWEST_FIRST = events("newest_first", new Document("timestamp", -1).append("_id", -1));
    /** One source's events newest first: pages filtered by source. */
    public static final Index SOURCE_NEWEST_FIRST = events("source_newest_first",
            new Document("source", 1).append("timestamp", -1).append("_id", -1));
    /** One type's events newest first: pages filtered by type. */
    public static final Index TYPE_NEWEST_FIRST = events("type_newest_first",
            new Document("type", 1).append("timestamp", -1).append("_id", -1));
    /** One source and type's events newest first: pages filtered by both, and the processor's recount of a minute. */
    public static final Index SOURCE_TYPE_NEWEST_FIRST = events("source_type_newest_first",
            new Document("source", 1).append("type", 1).append("timestamp", -1).append("_id", -1));
    /** Aggregates by minute, then source and type: the order {@code /aggregates} answers in. */
    public static final Index AGGREGATES_BY_MINUTE = new Index(EventContract.AGGREGATES, "minute_source_type",
            new Document("minute", 1).append("source", 1).append("type", 1));

    /** The API's indexes. */
    public static final List<Index> API = List.of(NEWEST_FIRST, SOURCE_NEWEST_FIRST, TYPE_NEWEST_FIRST, SOURCE_TYPE_NEWEST_FIRST,
            AGGREGATES_BY_MINUTE);
    /** The processor's indexes. */
    public static final List<Index> PROCESSOR = List.of(SOURCE_TYPE_NEWEST_FIRST);
    /** Indexes earlier processors created, which those above replace: the processor drops them at start. */
    public static final List<Index> OBSOLETE = List.of(events("source_type", new Document("source", 1).append("type", 1)),
            new Index(EventContract.AGGREGATES, "by_minute", new Document("minute", 1)));

    private StoreIndexes() {
    }

    private static Index events(String name, Document keys) {
        return new Index(EventContract.EVENTS, name, keys);
    }
}
