package io.containerplatform.workloads.e2e.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.containerplatform.workloads.event.EventContract;

import java.io.IOException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Publishing and consuming as RabbitMQ's PerfTest does with {@code -f persistent -c} {@value #OUTSTANDING_CONFIRMS}
 * {@code -q} {@value #PREFETCH} (and no {@code -a}): persistent messages published as fast as the broker confirms them,
 * at most {@value #OUTSTANDING_CONFIRMS} unconfirmed at a time; a consumer with a prefetch of {@value #PREFETCH}
 * acknowledging each message by itself.
 */
final class PerfTestStyle {

    static final int OUTSTANDING_CONFIRMS = 1000;
    static final int PREFETCH = 1000;
    static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder().contentType(EventContract.CONTENT_TYPE)
            .deliveryMode(2).build();

    private PerfTestStyle() {
    }

    /** Publishes {@code count} bodies to {@code queue} through its publishers' exchange, returning once the broker confirmed them all (at most {@code seconds}). */
    static void publish(Connection connection, String queue, int count, IntFunction<byte[]> body, int seconds) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            var window = new Semaphore(OUTSTANDING_CONFIRMS);
            var unconfirmed = new ConcurrentSkipListSet<Long>();
            var nacked = new AtomicInteger();
            channel.addConfirmListener(new ConfirmListener() {
                @Override
                public void handleAck(long tag, boolean multiple) {
                    confirm(tag, multiple);
                }

                @Override
                public void handleNack(long tag, boolean multiple) {
                    nacked.addAndGet(confirm(tag, multiple));
                }

                private int confirm(long tag, boolean multiple) {
                    int n = 0;
                    if (multiple) {
                        var done = unconfirmed.headSet(tag, true);
                        n = done.size();
                        done.clear();
                    } else if (unconfirmed.remove(tag)) {
                        n = 1;
                    }
                    window.release(n);
                    return n;
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (int i = 0; i < count; i++) {
                if (!window.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("the broker confirmed " + (i - unconfirmed.size()) + " of " + count + " messages within " + seconds + " s");
                }
                unconfirmed.add(channel.getNextPublishSeqNo());
                channel.basicPublish(EventContract.exchange(queue), queue, PERSISTENT, body.apply(i));
            }
            if (!window.tryAcquire(OUTSTANDING_CONFIRMS, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException(unconfirmed.size() + " of " + count + " messages still unconfirmed after " + seconds + " s");
            }
            if (nacked.get() > 0) {
                throw new IllegalStateException("the broker refused (nack) " + nacked.get() + " of " + count + " messages");
            }
        }
    }

    /**
     * The broker's ceiling: {@code count} messages published as {@link #publish} does on {@code publisher} while one
     * consumer on its own connection (as PerfTest's) acknowledges each; messages per second from the first publish to
     * the last delivery.
     */
    static double ceiling(Connection publisher, Connection consumer, String queue, int count, IntFunction<byte[]> body, int seconds)
            throws Exception {
        try (Channel consume = consumer.createChannel()) {
            consume.basicQos(PREFETCH);
            var done = new CountDownLatch(count);
            consume.basicConsume(queue, false, new DefaultConsumer(consume) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] bytes) throws IOException {
                    consume.basicAck(envelope.getDeliveryTag(), false);
                    done.countDown();
                }
            });
            long start = System.nanoTime();
            publish(publisher, queue, count, body, seconds);
            if (!done.await(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the consumer received " + (count - done.getCount()) + " of " + count + " within " + seconds + " s");
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
