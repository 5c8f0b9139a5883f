package io.containerplatform.workloads.processor;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.Queues;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The processor's loop: connects to the broker, consumes the queue with a bounded prefetch, gathers
 * micro-batches (up to {@code batchSize} messages, or what arrived within {@code lingerMillis} of the first),
 * validates each message once ({@link Validator}), writes the valid events once ({@link EventStore}), then in one
 * AMQP transaction publishes the invalid messages to the dead-letter queue as they came (body and properties,
 * the reason added in {@link EventContract#REASON_HEADER}) and acknowledges the batch. A crash anywhere before the
 * commit redelivers the whole batch, which replays without effect on what was already written.
 * <p>
 * Nothing stops the loop but {@link #stop()}: a lost connection or channel (the idle case included) is
 * reconnected with backoff and the consumer registered again; a store that cannot be reached is retried with
 * backoff, the batch held; any other failure of a batch is retried message by message, and a message that fails
 * on its own {@link #QUARANTINE_AFTER} deliveries is dead-lettered with the failure as its reason.
 */
final class BatchLoop implements Runnable {

    /** Deliveries of a message failing on its own after which it is dead-lettered (below the queue's delivery limit). */
    static final int QUARANTINE_AFTER = 5;
    /** The longest wait between two attempts, milliseconds. */
    static final long MAX_BACKOFF_MILLIS = 30_000;

    private static final Logger LOG = Logger.getLogger(BatchLoop.class.getName());
    /** The queue lag gauge is refreshed at most once a second, not once per batch: each refresh is a broker round trip. */
    private static final long LAG_INTERVAL_NANOS = 1_000_000_000L;

    private final Callable<Connection> broker;
    private final String queue;
    private final Validator validator;
    private final EventStore store;
    private final Metrics metrics;
    private final int batchSize;
    private final long lingerMillis;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final Object sleeper = new Object();
    private volatile boolean stopping;
    private volatile boolean cancelled;
    private volatile boolean consuming;
    private volatile long lastConsuming = System.nanoTime();
    /** The clock of the lag gauge's refreshes (a test's own). */
    java.util.function.LongSupplier nanoTime = System::nanoTime;
    /** When the queue's length was last asked ({@code queue.declare}, passive: a round trip to the broker); never yet. */
    private Long lagAskedAt;
    private Connection connection;
    private Channel channel;

    BatchLoop(Callable<Connection> broker, String queue, Validator validator, EventStore store, Metrics metrics, int batchSize, long lingerMillis) {
        this.broker = broker;
        this.queue = queue;
        this.validator = validator;
        this.store = store;
        this.metrics = metrics;
        this.batchSize = batchSize;
        this.lingerMillis = lingerMillis;
    }

    /** Asks the loop to stop after the batch under way. */
    void stop() {
        stopping = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    /** Whether a consumer is registered on an open channel. */
    boolean consuming() {
        return consuming && channel != null && channel.isOpen();
    }

    /** Nanoseconds since the loop last had a consumer registered (0 while it has one). */
    long notConsumingFor() {
        return consuming() ? 0 : System.nanoTime() - lastConsuming;
    }

    @Override
    public void run() {
        int attempt = 0;
        while (!stopping) {
            try {
                connect();
                attempt = 0;
                consume();
            } catch (Exception e) {
                LOG.warning("broker or store unavailable, reconnecting (attempt " + (attempt + 1) + "): " + e);
                disconnect();
                pause(attempt++);
            }
        }
        disconnect();
    }

    /** Connects, declares the queues, creates the store's indexes and registers the consumer, at most two batches unacknowledged. */
    void connect() throws Exception {
        deliveries.clear();
        cancelled = false;
        connection = broker.call();
        channel = connection.createChannel();
        Queues.declare(channel, queue);
        retryingStore(List.of(), () -> {
            store.createIndexes();
            return null;
        });
        channel.basicQos(batchSize * 2);
        channel.txSelect();
        channel.basicConsume(queue, false, (tag, delivery) -> deliveries.add(delivery), tag -> cancelled = true);
        consuming = true;
        LOG.info("consuming " + queue);
    }

    private void consume() throws Exception {
        while (!stopping) {
            if (cancelled || !channel.isOpen()) {
                throw new IOException(cancelled ? "the broker cancelled the consumer" : "channel closed: " + channel.getCloseReason());
            }
            var batch = next();
            if (!batch.isEmpty()) {
                handle(batch);
            }
        }
    }

    private void disconnect() {
        if (consuming) {
            lastConsuming = System.nanoTime();
        }
        consuming = false;
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(1000);
            }
        } catch (Exception e) {
            // already gone: the broker requeues whatever was not acknowledged
        }
    }

    private List<Delivery> next() throws InterruptedException {
        var batch = new ArrayList<Delivery>(batchSize);
        var first = deliveries.poll(250, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lingerMillis);
        while (batch.size() < batchSize) {
            deliveries.drainTo(batch, batchSize - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= batchSize || left <= 0) {
                break;
            }
            var more = deliveries.poll(left, TimeUnit.NANOSECONDS);
            if (more == null) {
                break;
            }
            batch.add(more);
        }
        return batch;
    }

    /**
     * Processes {@code batch}, the store retried with backoff while it cannot be reached; on any other failure that
     * is not the broker's, each message again on its own, and a message that fails alone is returned to the queue,
     * or dead-lettered once it was delivered {@link #QUARANTINE_AFTER} times. Broker failures propagate.
     */
    void handle(List<Delivery> batch) throws Exception {
        try {
            retryingStore(batch, () -> {
                process(batch);
                return null;
            });
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException | InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                LOG.warning("batch of " + batch.size() + " " + tags(batch) + " failed (" + e + "): each message again on its own");
                for (var delivery : batch) {
                    handle(List.of(delivery));
                }
            } else {
                failedAlone(batch.get(0), e);
            }
        }
    }

    private void failedAlone(Delivery delivery, RuntimeException e) throws IOException {
        long tag = delivery.getEnvelope().getDeliveryTag();
        int deliveries = deliveryCount(delivery) + 1;
        if (deliveries >= QUARANTINE_AFTER) {
            var reason = "processing failed " + deliveries + " times: " + e;
            LOG.warning("message " + describe(delivery) + " dead-lettered: " + reason);
            deadLetter(delivery, reason);
            channel.basicAck(tag, false);
            metrics.invalid.incrementAndGet();
        } else {
            LOG.warning("message " + describe(delivery) + " failed (delivery " + deliveries + " of " + QUARANTINE_AFTER + "), requeued: " + e);
            channel.basicNack(tag, false, true);
        }
        channel.txCommit();
    }

    /** Runs {@code work}, again after a backoff while the store cannot be reached and the loop is not stopped. */
    private void retryingStore(List<Delivery> batch, Callable<Void> work) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                work.call();
                return;
            } catch (MongoException e) {
                if (!unreachable(e) || stopping) {
                    throw e;
                }
                LOG.warning("store unavailable (attempt " + (attempt + 1) + "), " + tags(batch) + " held: " + e);
                pause(attempt);
            }
        }
    }

    /** Whether {@code e} says the store cannot be reached now (rather than that it refuses what it was sent). */
    static boolean unreachable(MongoException e) {
        return e instanceof MongoSocketException || e instanceof MongoTimeoutException || e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException || e.hasErrorLabel("RetryableWriteError")
                || e.hasErrorLabel("TransientTransactionError");
    }

    void process(List<Delivery> batch) throws IOException {
        long started = System.nanoTime();
        var verdicts = validator.validate(batch.stream().map(d -> new Validator.Message(d.getEnvelope().getDeliveryTag(), d.getBody())).toList());
        var valid = verdicts.stream().filter(Validator.Verdict::valid).map(Validator.Verdict::event).toList();
        var outcome = store.write(valid);
        for (int i = 0; i < batch.size(); i++) {
            if (!verdicts.get(i).valid()) {
                deadLetter(batch.get(i), verdicts.get(i).reason());
            }
        }
        channel.basicAck(batch.get(batch.size() - 1).getEnvelope().getDeliveryTag(), true);
        channel.txCommit();
        metrics.processed.addAndGet(outcome.inserted());
        metrics.duplicates.addAndGet(outcome.duplicates());
        metrics.invalid.addAndGet(verdicts.size() - valid.size());
        long now = nanoTime.getAsLong();
        if (lagAskedAt == null || now - lagAskedAt >= LAG_INTERVAL_NANOS) {
            lagAskedAt = now;
            metrics.queueLag.set(channel.messageCount(queue));
        }
        metrics.batch(batch.size(), (System.nanoTime() - started) / 1e9);
    }

    /** Publishes {@code delivery} to the dead-letter queue as it came, its reason added to its headers. */
    private void deadLetter(Delivery delivery, String reason) throws IOException {
        var properties = delivery.getProperties();
        var headers = new HashMap<String, Object>(properties.getHeaders() == null ? java.util.Map.of() : properties.getHeaders());
        headers.put(EventContract.REASON_HEADER, reason);
        channel.basicPublish("", EventContract.deadLetterQueue(queue), properties.builder().headers(headers).build(), delivery.getBody());
    }

    /** How many times the broker delivered {@code delivery} before (quorum queues count in {@code x-delivery-count}). */
    static int deliveryCount(Delivery delivery) {
        var headers = delivery.getProperties().getHeaders();
        return headers != null && headers.get("x-delivery-count") instanceof Number count ? count.intValue() : 0;
    }

    private static String describe(Delivery delivery) {
        var id = delivery.getProperties().getMessageId();
        return "delivery tag " + delivery.getEnvelope().getDeliveryTag() + (id == null ? "" : " message id " + id);
    }

    private static String tags(List<Delivery> batch) {
        return batch.isEmpty() ? "nothing" : "delivery tags " + batch.get(0).getEnvelope().getDeliveryTag() + ".."
                + batch.get(batch.size() - 1).getEnvelope().getDeliveryTag();
    }

    /** Waits 0.5 s doubled per attempt, at most {@link #MAX_BACKOFF_MILLIS}, or until {@link #stop()}. */
    private void pause(int attempt) {
        long millis = Math.min(MAX_BACKOFF_MILLIS, 500L << Math.min(attempt, 16));
        synchronized (sleeper) {
            try {
                if (!stopping) {
                    sleeper.wait(millis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }
}
