package io.containerplatform.workloads.event;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The data stream's queues, declared the same way by every app and by the platform's broker definitions (a
 * declaration with other arguments fails): quorum queues, replicated over the cluster's nodes. A message delivered
 * {@value #DELIVERY_LIMIT} times without being acknowledged (one that makes every processor crash) is
 * dead-lettered, at least once, to the dead-letter queue, where the processor's rejects also go.
 */
public final class Queues {

    /** Deliveries after which the broker quarantines a message in the dead-letter queue. */
    public static final int DELIVERY_LIMIT = 20;
    /** AMQP's reply code for an operation the user's permissions refuse. */
    public static final int ACCESS_REFUSED = 403;

    private Queues() {
    }

    /** The arguments of {@code queue}. */
    public static Map<String, Object> arguments(String queue) {
        return Map.of("x-queue-type", "quorum", "x-delivery-limit", DELIVERY_LIMIT, "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", EventContract.deadLetterQueue(queue), "x-dead-letter-strategy", "at-least-once",
                "x-overflow", "reject-publish");
    }

    /** The arguments of the dead-letter queue. */
    public static Map<String, Object> deadLetterArguments() {
        return Map.of("x-queue-type", "quorum");
    }

    /**
     * Declares the durable queue, its durable dead-letter queue and the publishers' durable direct exchange, bound to
     * the queue (the user needs configure on the three, write on the queue and read on the exchange): a queue deleted
     * and declared again gets its binding back at once, not at the broker's next boot.
     */
    public static void declare(Channel channel, String queue) throws IOException {
        channel.queueDeclare(EventContract.deadLetterQueue(queue), true, false, false, deadLetterArguments());
        channel.queueDeclare(queue, true, false, false, arguments(queue));
        channel.exchangeDeclare(EventContract.exchange(queue), BuiltinExchangeType.DIRECT, true, false, false, Map.of());
        channel.queueBind(queue, EventContract.exchange(queue), queue);
    }

    /**
     * Declares the queues when the user may; otherwise (a publisher, which may only publish) checks that they exist:
     * the platform declares them at the broker's boot.
     */
    public static void declareOrCheck(Connection connection, String queue) throws IOException, TimeoutException {
        var channel = connection.createChannel();
        try {
            declare(channel, queue);
            channel.close();
        } catch (IOException e) {
            if (!refused(e)) {
                throw e;
            }
            var check = connection.createChannel();
            check.queueDeclarePassive(queue);
            check.queueDeclarePassive(EventContract.deadLetterQueue(queue));
            check.close();
        }
    }

    /** Whether {@code e} is the broker refusing an operation to the user (the channel is then closed). */
    public static boolean refused(Exception e) {
        return e.getCause() instanceof ShutdownSignalException signal && !signal.isHardError()
                && signal.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close && close.getReplyCode() == ACCESS_REFUSED;
    }
}
