package io.containerplatform.workloads.processor;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import io.containerplatform.workloads.event.Event;
import org.junit.jupiter.api.Test;
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
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the loop acknowledges, and when: faults injected into the store and the broker channel. */
class BatchLoopTest {

    final Channel channel = mock(Channel.class);
    final Validator validator = mock(Validator.class);
    final EventStore store = mock(EventStore.class);
    final Metrics metrics = new Metrics();
    final BatchLoop loop = new BatchLoop(channel, "q", validator, store, metrics, 10, 0);

    static Delivery delivery(long tag, String body) {
        return new Delivery(new Envelope(tag, false, "", "q"), new AMQP.BasicProperties(), body.getBytes(StandardCharsets.UTF_8));
    }

    static final Event EVENT = new Event("a", "s", "t", Instant.parse("2026-01-01T00:00:00Z"), 1, Map.of());

    void validatorSays() {
        when(validator.validate(any())).thenReturn(List.of(
                new Validator.Verdict(1, "{valid}", EVENT, null),
                new Validator.Verdict(2, "garbage", null, "not a JSON object")));
    }

    @Test
    void aBatchIsWrittenThenDeadLetteredAndAcknowledgedInOneTransaction() throws IOException {
        validatorSays();
        when(store.write(any())).thenReturn(new EventStore.Outcome(1, 0, 1));
        loop.process(List.of(delivery(1, "{valid}"), delivery(2, "garbage")));
        InOrder order = inOrder(store, channel);
        order.verify(store).write(List.of(EVENT));
        order.verify(channel).basicPublish(eq(""), eq("q.dlq"), any(AMQP.BasicProperties.class), eq("garbage".getBytes(StandardCharsets.UTF_8)));
        order.verify(channel).basicAck(2, true);
        order.verify(channel).txCommit();
        assertThat(metrics.processed.get()).isEqualTo(1);
        assertThat(metrics.invalid.get()).isEqualTo(1);
    }

    @Test
    void aMongoWriteThatFailsIsNeitherAcknowledgedNorDeadLettered() throws IOException {
        validatorSays();
        when(store.write(any())).thenThrow(new com.mongodb.MongoSocketWriteException("connection reset", null, null));
        assertThatThrownBy(() -> loop.process(List.of(delivery(1, "{valid}"), delivery(2, "garbage"))))
                .isInstanceOf(com.mongodb.MongoSocketWriteException.class);
        verify(channel, never()).basicAck(anyLong(), anyBoolean());
        verify(channel, never()).basicPublish(anyString(), anyString(), any(AMQP.BasicProperties.class), any(byte[].class));
        verify(channel, never()).txCommit();
        assertThat(metrics.processed.get()).isZero();
    }

    @Test
    void aChannelThatClosesBeforeTheCommitLeavesTheBatchToBeRedelivered() throws IOException {
        validatorSays();
        when(store.write(any())).thenReturn(new EventStore.Outcome(1, 0, 1));
        when(channel.txCommit()).thenThrow(new com.rabbitmq.client.AlreadyClosedException(
                new com.rabbitmq.client.ShutdownSignalException(false, false, null, channel)));
        assertThatThrownBy(() -> loop.process(List.of(delivery(1, "{valid}"), delivery(2, "garbage"))))
                .isInstanceOf(com.rabbitmq.client.AlreadyClosedException.class);
        // the ack and the dead-lettering were inside the transaction that never committed: the broker redelivers both
        // messages, and the store's writes replay without effect
        assertThat(metrics.processed.get()).isZero();
        assertThat(metrics.invalid.get()).isZero();
    }
}
