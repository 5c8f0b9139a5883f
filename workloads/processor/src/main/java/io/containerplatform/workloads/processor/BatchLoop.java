package io.containerplatform.workloads.processor;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.Queues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The processor's loop: consumes the queue with a bounded prefetch, gathers micro-batches (up to
 * {@code batchSize} messages, or what arrived within {@code lingerMillis} of the first), validates each with
 * Spark, writes the valid events once ({@link EventStore}), then in one AMQP transaction publishes the invalid
 * messages to the dead-letter queue (the reason in {@link EventContract#REASON_HEADER}) and acknowledges the
 * batch. A crash anywhere before the commit redelivers the whole batch, which replays without effect on what
 * was already written; nothing is acknowledged before it is durably handled.
 */
final class BatchLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(BatchLoop.class.getName());

    private final Channel channel;
    private final String queue;
    private final Validator validator;
    private final EventStore store;
    private final Metrics metrics;
    private final int batchSize;
    private final long lingerMillis;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private volatile boolean stopping;
    private volatile boolean running;
    private String consumerTag;

    BatchLoop(Channel channel, String queue, Validator validator, EventStore store, Metrics metrics, int batchSize, long lingerMillis) {
        this.channel = channel;
        this.queue = queue;
        this.validator = validator;
        this.store = store;
        this.metrics = metrics;
        this.batchSize = batchSize;
        this.lingerMillis = lingerMillis;
    }

    /** Declares the queues and starts consuming, at most two batches unacknowledged. */
    void start() throws IOException {
        Queues.declare(channel, queue);
        channel.basicQos(batchSize * 2);
        channel.txSelect();
        consumerTag = channel.basicConsume(queue, false, (tag, delivery) -> deliveries.add(delivery), tag -> stopping = true);
        running = true;
    }

    /** Asks the loop to stop after the batch under way. */
    void stop() {
        stopping = true;
    }

    boolean running() {
        return running;
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                var batch = next();
                if (!batch.isEmpty()) {
                    process(batch);
                }
            }
            channel.basicCancel(consumerTag);
        } catch (Exception e) {
            LOG.severe("processing stopped: " + e);
        } finally {
            running = false;
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

    void process(List<Delivery> batch) throws IOException {
        long started = System.nanoTime();
        var messages = batch.stream().map(d -> new Validator.Message(d.getEnvelope().getDeliveryTag(),
                new String(d.getBody(), StandardCharsets.UTF_8))).toList();
        var verdicts = validator.validate(messages);
        var valid = verdicts.stream().filter(Validator.Verdict::valid).map(Validator.Verdict::event).toList();
        var outcome = store.write(valid);
        var dlq = EventContract.deadLetterQueue(queue);
        for (var rejected : verdicts.stream().filter(v -> !v.valid()).toList()) {
            channel.basicPublish("", dlq, new AMQP.BasicProperties.Builder()
                    .contentType(EventContract.CONTENT_TYPE)
                    .deliveryMode(2)
                    .headers(Map.of(EventContract.REASON_HEADER, rejected.reason()))
                    .build(), rejected.body().getBytes(StandardCharsets.UTF_8));
        }
        channel.basicAck(batch.get(batch.size() - 1).getEnvelope().getDeliveryTag(), true);
        channel.txCommit();
        metrics.processed.addAndGet(outcome.inserted());
        metrics.duplicates.addAndGet(outcome.duplicates());
        metrics.invalid.addAndGet(verdicts.size() - valid.size());
        metrics.queueLag.set(channel.messageCount(queue));
        metrics.batch(batch.size(), (System.nanoTime() - started) / 1e9);
    }
}
