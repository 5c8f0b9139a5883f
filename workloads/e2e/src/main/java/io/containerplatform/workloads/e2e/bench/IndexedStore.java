package io.containerplatform.workloads.e2e.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.containerplatform.workloads.event.EventContract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The benchmark's store, {@code java -cp e2e.jar ...IndexedStore}: MongoDB's wire protocol
 * ({@code mongo-java-server}, in memory) whose {@code events} collection keeps the index a MongoDB server would use for
 * the API's pages, {@code {timestamp: -1, _id: -1}}, so a page costs O(page) as on MongoDB, not a scan and sort of the
 * whole collection (what {@code mongo-java-server}'s own backends do: the memory one scans, the PostgreSQL one reads
 * every row and filters in Java). A page sorted that way is read from the index, from the API's cursor on
 * ({@code timestamp < t or (timestamp = t and _id < id)}) or its {@code to} bound, until the page is full; any other
 * query is answered as the memory backend answers it. Prints {@code listening <port>} and serves until killed; each
 * {@code stats} line on its standard input is answered by {@code stats finds=N p50=ms p99=ms}: its own time to
 * answer each {@code find} since the previous {@code stats} (from the command's arrival to its answer's document).
 */
public final class IndexedStore {

    private IndexedStore() {
    }

    public static void main(String[] args) throws IOException {
        var backend = new Backend();
        var server = new MongoServer(backend);
        var address = server.bind();
        System.out.println("listening " + address.getPort());
        System.out.flush();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("stats")) {
                var finds = backend.drainFindNanos();
                System.out.printf("stats finds=%d p50=%.2f p99=%.2f%n", finds.size(), ApiLoad.percentile(finds, 0.5), ApiLoad.percentile(finds, 0.99));
                System.out.flush();
            }
        }
    }

    static final class Backend extends MemoryBackend {
        private final ConcurrentLinkedQueue<Long> findNanos = new ConcurrentLinkedQueue<>();

        @Override
        public Document handleMessage(MongoMessage message) {
            long start = System.nanoTime();
            try {
                return super.handleMessage(message);
            } finally {
                if (message.getDocument().containsKey("find")) {
                    findNanos.add(System.nanoTime() - start);
                }
            }
        }

        /** The times of the finds answered since the last call, sorted. */
        List<Long> drainFindNanos() {
            var drained = new ArrayList<Long>();
            for (Long nanos; (nanos = findNanos.poll()) != null; ) {
                drained.add(nanos);
            }
            Collections.sort(drained);
            return drained;
        }

        @Override
        public MemoryDatabase openOrCreateDatabase(String name) {
            var registry = getCursorRegistry();
            return new MemoryDatabase(name, registry) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                    return EventContract.EVENTS.equals(collection) ? new Events(this, collection, options, registry)
                            : super.openOrCreateCollection(collection, options);
                }
            };
        }
    }

    /** A key of the index: timestamp then _id, both compared as MongoDB compares values. */
    record Key(Object timestamp, Object id) {
        static final Comparator<Key> NEWEST_FIRST = Comparator.<Key, Object>comparing(Key::timestamp, ValueComparator.desc())
                .thenComparing(Key::id, ValueComparator.desc());

        static Key of(Document document) {
            return new Key(document.get("timestamp"), document.get("_id"));
        }
    }

    static final Document NEWEST_FIRST = new Document("timestamp", -1).append("_id", -1);

    static final class Events extends MemoryCollection {
        private final ConcurrentSkipListMap<Key, Integer> index = new ConcurrentSkipListMap<>(Key.NEWEST_FIRST);

        Events(de.bwaldvogel.mongo.MongoDatabase database, String name, CollectionOptions options, CursorRegistry registry) {
            super(database, name, options, registry);
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            Integer position = super.addDocumentInternal(document);
            index.put(Key.of(document), position);
            return position;
        }

        @Override
        protected void removeDocument(Integer position) {
            index.remove(Key.of(getDocument(position)));
            super.removeDocument(position);
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            index.remove(Key.of(oldDocument));
            super.handleUpdate(position, oldDocument, newDocument);
            index.put(Key.of(newDocument), position);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
            if (!NEWEST_FIRST.equals(orderBy) || limit <= 0) {
                return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
            }
            var start = start(query);
            var entries = start == null ? index : index.tailMap(start, true);
            var page = new ArrayList<Document>(skip + limit);
            for (int position : entries.values()) {
                var document = getDocument(position);
                if (documentMatchesQuery(document, query)) {
                    page.add(document);
                    if (page.size() == skip + limit) {
                        break;
                    }
                }
            }
            return matchDocumentsFromStream(page.stream(), query, orderBy, skip, limit, batchSize, fields);
        }

        /** Where the page starts in the index: the API's cursor, else a {@code timestamp < to} bound, else the top. */
        static Key start(Document query) {
            List<?> clauses = query.containsKey("$and") ? (List<?>) query.get("$and") : List.of(query);
            Key start = null;
            for (var clause : clauses) {
                var candidate = clause instanceof Document document ? clauseStart(document) : null;
                if (candidate != null && (start == null || Key.NEWEST_FIRST.compare(candidate, start) > 0)) {
                    start = candidate;
                }
            }
            return start;
        }

        private static Key clauseStart(Document clause) {
            if (clause.get("$or") instanceof List<?> or && or.size() == 2 && or.get(1) instanceof Document tie
                    && tie.get("$and") instanceof List<?> and && and.size() == 2
                    && and.get(0) instanceof Document at && and.get(1) instanceof Document id
                    && id.get("_id") instanceof Document lt && lt.containsKey("$lt")) {
                return new Key(at.get("timestamp"), lt.get("$lt"));
            }
            if (clause.get("timestamp") instanceof Document range && range.containsKey("$lt")) {
                return new Key(range.get("$lt"), de.bwaldvogel.mongo.bson.MaxKey.getInstance());
            }
            return null;
        }
    }
}
