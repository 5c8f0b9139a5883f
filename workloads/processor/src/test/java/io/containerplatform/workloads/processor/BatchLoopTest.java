package io.containerplatform.workloads.processor;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import io.containerplatform.workloads.event.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the loop acknowledges, dead-letters and retries, and when: faults injected into the store and the broker channel. */
class BatchLoopTest {

    final Channel channel = mock(Channel.class);
    final Connection connection = mock(Connection.class);
    final EventStore store = mock(EventStore.class);
    final Metrics metrics = new Metrics();
    final BatchLoop loop = new BatchLoop(() -> connection, "q", new Validator(), store, metrics, 10, 0);

    static final String VALID = "{\"id\": \"a\", \"source\": \"s\", \"type\": \"t\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"value\": 1}";
    static final Event EVENT = new Event("a", "s", "t", Instant.parse("2026-01-01T00:00:00Z"), 1, Map.of());
    /** Not UTF-8, with properties of its own: it must reach the dead-letter queue exactly so. */
    static final byte[] GARBAGE = {'{', (byte) 0xff, '}'};

    static Delivery delivery(long tag, byte[] body, Map<String, Object> headers) {
        return new Delivery(new Envelope(tag, false, "", "q"), new AMQP.BasicProperties.Builder().contentType("text/plain")
                .messageId("m" + tag).headers(headers).build(), body);
    }

    static Delivery valid(long tag) {
        return delivery(tag, VALID.getBytes(StandardCharsets.UTF_8), null);
    }

    @BeforeEach
    void connect() throws Exception {
        when(connection.createChannel()).thenReturn(channel);
        when(channel.isOpen()).thenReturn(true);
        loop.connect();
    }

    @Test
    void aBatchIsWrittenThenDeadLetteredAsItCameAndAcknowledgedInOneTransaction() throws Exception {
        when(store.write(any())).thenReturn(new EventStore.Outcome(1, 0, 1));
        loop.handle(List.of(valid(1), delivery(2, GARBAGE, Map.of("trace", "x"))));
        InOrder order = inOrder(store, channel);
        order.verify(store).write(List.of(EVENT));
        var properties = ArgumentCaptor.forClass(AMQP.BasicProperties.class);
        order.verify(channel).basicPublish(eq(""), eq("q.dlq"), properties.capture(), eq(GARBAGE));
        order.verify(channel).basicAck(2, true);
        order.verify(channel).txCommit();
        assertThat(properties.getValue().getContentType()).isEqualTo("text/plain");
        assertThat(properties.getValue().getMessageId()).isEqualTo("m2");
        assertThat(properties.getValue().getHeaders()).containsEntry("trace", "x")
                .containsEntry("x-rejection-reason", "not valid JSON: Invalid UTF-8 start byte 0xff");
        assertThat(metrics.processed.get()).isEqualTo(1);
        assertThat(metrics.invalid.get()).isEqualTo(1);
    }

    /** The lag gauge costs a broker round trip: asked after the first batch, then again only once a second has passed. */
    @Test
    void theQueueLagIsAskedOfTheBrokerAtMostOnceASecondNotPerBatch() throws Exception {
        when(store.write(any())).thenReturn(new EventStore.Outcome(1, 0, 1));
        when(channel.messageCount("q")).thenReturn(42L, 7L);
        var now = new java.util.concurrent.atomic.AtomicLong();
        loop.nanoTime = now::get;
        loop.handle(List.of(valid(1)));
        now.set(999_000_000L);
        loop.handle(List.of(valid(2)));
        verify(channel, times(1)).messageCount("q");
        assertThat(metrics.queueLag.get()).isEqualTo(42);
        now.set(1_000_000_000L);
        loop.handle(List.of(valid(3)));
        verify(channel, times(2)).messageCount("q");
        assertThat(metrics.queueLag.get()).isEqualTo(7);
    }

    @Test
    void aStoreThatCannotBeReachedIsRetriedWithTheBatchHeldNeverAcknowledgedBefore() throws Exception {
        when(store.write(any())).thenThrow(new com.mongodb.MongoSocketWriteException("connection reset", null, null))
                .thenThrow(new com.mongodb.MongoTimeoutException("no server"))
                .thenReturn(new EventStore.Outcome(1, 0, 1));
        loop.handle(List.of(valid(1)));
        verify(store, times(3)).write(List.of(EVENT));
        verify(channel, times(1)).basicAck(1, true);
        verify(channel, times(1)).txCommit();
        assertThat(metrics.processed.get()).isEqualTo(1);
    }

    @Test
    void aMessageThatFailsOnItsOwnIsRequeuedThenQuarantinedWithItsReason() throws Exception {
        when(store.write(any())).thenThrow(new com.mongodb.MongoWriteException(
                new com.mongodb.WriteError(2, "refused", new org.bson.BsonDocument()), new com.mongodb.ServerAddress()));
        loop.handle(List.of(valid(1)));
        verify(channel).basicNack(1, false, true);
        verify(channel, never()).basicPublish(anyString(), anyString(), any(AMQP.BasicProperties.class), any(byte[].class));

        var last = delivery(2, VALID.getBytes(StandardCharsets.UTF_8), Map.of("x-delivery-count", (long) BatchLoop.QUARANTINE_AFTER - 1));
        loop.handle(List.of(last));
        var properties = ArgumentCaptor.forClass(AMQP.BasicProperties.class);
        verify(channel).basicPublish(eq(""), eq("q.dlq"), properties.capture(), eq(last.getBody()));
        assertThat((String) properties.getValue().getHeaders().get("x-rejection-reason").toString())
                .startsWith("processing failed " + BatchLoop.QUARANTINE_AFTER + " times: com.mongodb.MongoWriteException");
        verify(channel).basicAck(2, false);
    }

    @Test
    void aBatchThatFailsIsRetriedMessageByMessageSoThatOnlyTheCulpritIsHeldBack() throws Exception {
        when(store.write(any())).thenAnswer(call -> {
            List<Event> events = call.getArgument(0);
            if (events.size() > 1) {
                throw new IllegalStateException("one of them");
            }
            return new EventStore.Outcome(1, 0, 1);
        });
        loop.handle(List.of(valid(1), valid(2)));
        verify(channel).basicAck(1, true);
        verify(channel).basicAck(2, true);
        verify(channel, never()).basicNack(anyLong(), anyBoolean(), anyBoolean());
    }

    @Test
    void aChannelThatClosesBeforeTheCommitLeavesTheBatchToBeRedelivered() throws Exception {
        when(store.write(any())).thenReturn(new EventStore.Outcome(1, 0, 1));
        when(channel.txCommit()).thenThrow(new com.rabbitmq.client.AlreadyClosedException(
                new com.rabbitmq.client.ShutdownSignalException(false, false, null, channel)));
        assertThatThrownBy(() -> loop.handle(List.of(valid(1), delivery(2, GARBAGE, null))))
                .isInstanceOf(com.rabbitmq.client.AlreadyClosedException.class);
        // the ack and the dead-lettering were inside the transaction that never committed: the broker redelivers both
        // messages, and the store's writes replay without effect
        assertThat(metrics.processed.get()).isZero();
        assertThat(metrics.invalid.get()).isZero();
    }

    @Test
    void aLostChannelIsReconnectedAndTheConsumerRegisteredAgain() throws Exception {
        var second = mock(Channel.class);
        when(connection.createChannel()).thenReturn(second);
        when(connection.isOpen()).thenReturn(true);
        when(channel.isOpen()).thenReturn(false);
        when(second.isOpen()).thenReturn(true);
        var worker = new Thread(loop);
        worker.start();
        verify(second, org.mockito.Mockito.timeout(10_000)).basicConsume(eq("q"), eq(false), any(com.rabbitmq.client.DeliverCallback.class),
                any(com.rabbitmq.client.CancelCallback.class));
        assertThat(worker.isAlive()).isTrue();
        loop.stop();
        worker.join();
        verify(channel, times(1)).basicConsume(eq("q"), eq(false), any(com.rabbitmq.client.DeliverCallback.class),
                any(com.rabbitmq.client.CancelCallback.class));
    }
}
