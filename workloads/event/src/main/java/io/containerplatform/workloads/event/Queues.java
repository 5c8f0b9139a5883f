package io.containerplatform.workloads.event;

import com.rabbitmq.client.Channel;

import java.io.IOException;
import java.util.Map;

/** The data stream's queues, declared the same way by every app (a declaration with other arguments fails). */
public final class Queues {

    private Queues() {
    }

    /** Declares the durable queue and its durable dead-letter queue. */
    public static void declare(Channel channel, String queue) throws IOException {
        channel.queueDeclare(queue, true, false, false, Map.of());
        channel.queueDeclare(EventContract.deadLetterQueue(queue), true, false, false, Map.of());
    }
}
