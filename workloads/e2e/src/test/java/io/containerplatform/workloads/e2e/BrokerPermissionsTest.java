package io.containerplatform.workloads.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import io.containerplatform.workloads.event.EventContract;
import io.containerplatform.workloads.event.EventJson;
import io.containerplatform.workloads.event.Queues;
import io.containerplatform.workloads.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's RabbitMQ definitions on a real broker: imported at boot (users, permissions, quorum queues, the
 * publishers' exchange and its binding), each user held to its permissions (the broker itself refuses what a user may
 * not do: a publisher reaches the queue through its exchange only, never through the default exchange, which would
 * let it forge dead letters), an unroutable publish returned to the producer, the delivery limit quarantining a
 * poison message, the largest message size, and a rotated password taking effect when the node imports the
 * definitions again at its next boot.
 */
class BrokerPermissionsTest {

    static final String QUEUE = EventContract.DEFAULT_QUEUE;
    static final String DLQ = EventContract.deadLetterQueue(QUEUE);
    static final String EXCHANGE = EventContract.exchange(QUEUE);
    static final byte[] EVENT = "{\"id\": \"e-1\"}".getBytes(StandardCharsets.UTF_8);
    static RabbitMqNode broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = RabbitMqNode.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void emptyQueues() throws Exception {
        try (var connection = connect(RabbitMqNode.ADMIN); var channel = connection.createChannel()) {
            channel.queuePurge(QUEUE);
            channel.queuePurge(DLQ);
        }
    }

    static Connection connect(String user) throws Exception {
        return broker.connectionFactory(user).newConnection();
    }

    @Test
    void theDefinitionsAreImportedAtBootTheirUsersTheirPermissionsAndTheQuorumQueues() throws Exception {
        assertThat(broker.ctl("list_users", "--no-table-headers").lines().map(String::strip).sorted())
                .containsExactly("keda\t[]", "pipeline\t[administrator]", "processor\t[]", "publisher\t[]");
        assertThat(broker.ctl("list_permissions", "--no-table-headers").lines().map(String::strip).sorted()).containsExactly(
                "keda\t^$\t^$\t^$", "pipeline\t.*\t.*\t.*",
                "processor\t^(data\\-stream|data\\-stream\\.dlq|data\\-stream\\.in)$\t^(amq\\.default|data\\-stream)$\t^(data\\-stream|data\\-stream\\.in)$",
                "publisher\t^$\t^data\\-stream\\.in$\t^$");
        assertThat(broker.ctl("list_queues", "--no-table-headers", "name", "type", "durable").lines().map(String::strip).sorted())
                .containsExactly("data-stream\tquorum\ttrue", "data-stream.dlq\tquorum\ttrue");
        // besides RabbitMQ's own (the default exchange, named "", and amq.*)
        assertThat(broker.ctl("list_exchanges", "--no-table-headers", "name", "type", "durable", "auto_delete", "internal").lines()
                .filter(l -> !l.startsWith("amq.") && !l.startsWith("\t")).map(String::strip)).containsExactly("data-stream.in\tdirect\ttrue\tfalse\tfalse");
        assertThat(broker.ctl("list_bindings", "--no-table-headers", "source_name", "destination_name", "destination_kind", "routing_key").lines()
                .map(String::strip).filter(l -> l.startsWith(EXCHANGE))).containsExactly("data-stream.in\tdata-stream\tqueue\tdata-stream");
        // the apps' declaration matches the broker's: declaring the queue as a classic one is refused (406)
        try (var connection = connect(RabbitMqNode.ADMIN)) {
            var channel = connection.createChannel();
            Queues.declare(channel, QUEUE);
            assertThatThrownBy(() -> channel.queueDeclare(QUEUE, true, false, false, Map.of()))
                    .satisfies(e -> assertThat(closeCode(e)).isEqualTo(406));
        }
    }

    @Test
    void aPublisherPublishesThroughItsExchangeButCannotDeletePurgeConsumeOrDeclareTheQueues() throws Exception {
        try (var connection = connect(RabbitMqNode.PUBLISHER)) {
            var report = new Producer(connection, EXCHANGE, QUEUE).publish(10, 0, 0, 0, 7);
            assertThat(report.total()).isEqualTo(10);
            for (var queue : List.of(QUEUE, DLQ)) {
                assertRefused(connection, channel -> channel.queueDelete(queue));
                assertRefused(connection, channel -> channel.queuePurge(queue));
                assertRefused(connection, channel -> channel.basicGet(queue, true));
            }
            assertRefused(connection, channel -> Queues.declare(channel, QUEUE));
            assertRefused(connection, channel -> channel.queueDeclare("elsewhere", true, false, false, Map.of()));
            assertRefused(connection, channel -> channel.exchangeDelete(EXCHANGE));
            assertRefused(connection, channel -> channel.queueBind(DLQ, EXCHANGE, DLQ));
        }
        assertThat(messages(QUEUE)).isEqualTo(10);
    }

    @Test
    void aPublisherCannotPublishThroughTheDefaultExchangeToTheQueueOrForgeDeadLetters() throws Exception {
        try (var connection = connect(RabbitMqNode.PUBLISHER)) {
            assertPublishRefused(connection, QUEUE);
            assertPublishRefused(connection, DLQ);
            // its own exchange routes to the queue alone: the dead-letter queue's name as routing key routes nowhere
            var channel = connection.createChannel();
            var returned = new java.util.ArrayList<String>();
            channel.addReturnListener(r -> returned.add(r.getReplyCode() + " " + r.getRoutingKey()));
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, DLQ, true, null, EVENT);
            channel.waitForConfirmsOrDie(10_000);
            assertThat(returned).containsExactly("312 " + DLQ);
        }
        assertThat(messages(QUEUE)).isZero();
        assertThat(messages(DLQ)).isZero();
    }

    @Test
    void aPublishTheExchangeCannotRouteIsReturnedToTheProducerAndTheProcessorBindsTheQueueAgain() throws Exception {
        try (var connection = connect(RabbitMqNode.ADMIN); var channel = connection.createChannel()) {
            channel.queueUnbind(QUEUE, EXCHANGE, QUEUE);
        }
        try (var connection = connect(RabbitMqNode.PUBLISHER)) {
            assertThatThrownBy(() -> new Producer(connection, EXCHANGE, QUEUE).publish(3, 0, 0, 0, 10))
                    .hasMessage("3 message(s) routed to no queue and returned (312 NO_ROUTE): exchange data-stream.in has no binding"
                            + " for routing key data-stream");
        }
        assertThat(messages(QUEUE)).isZero();
        try (var connection = connect(RabbitMqNode.PROCESSOR); var channel = connection.createChannel()) {
            Queues.declare(channel, QUEUE);
        }
        try (var connection = connect(RabbitMqNode.PUBLISHER)) {
            assertThat(new Producer(connection, EXCHANGE, QUEUE).publish(3, 0, 0, 0, 10).total()).isEqualTo(3);
        }
        assertThat(messages(QUEUE)).isEqualTo(3);
    }

    @Test
    void kedaReadsTheQueueLengthAndNothingElse() throws Exception {
        publish(RabbitMqNode.ADMIN, QUEUE, EVENT);
        try (var connection = connect(RabbitMqNode.KEDA)) {
            var channel = connection.createChannel();
            assertThat(channel.messageCount(QUEUE)).isEqualTo(1);
            assertRefused(connection, c -> c.basicGet(QUEUE, true));
            assertRefused(connection, c -> c.queuePurge(QUEUE));
            assertRefused(connection, c -> c.queueDelete(QUEUE));
            assertPublishRefused(connection, QUEUE);
        }
        assertThat(messages(QUEUE)).isEqualTo(1);
    }

    @Test
    void theProcessorDeclaresConsumesAndDeadLettersButCannotReadTheDeadLettersOrTouchOtherQueues() throws Exception {
        publish(RabbitMqNode.ADMIN, QUEUE, EVENT);
        try (var connection = connect(RabbitMqNode.PROCESSOR)) {
            var channel = connection.createChannel();
            Queues.declare(channel, QUEUE);
            var delivery = channel.basicGet(QUEUE, false);
            assertThat(delivery.getBody()).isEqualTo(EVENT);
            channel.basicPublish("", DLQ, null, delivery.getBody());
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            assertRefused(connection, c -> c.basicGet(DLQ, true));
            assertRefused(connection, c -> c.queueDeclare("elsewhere", true, false, false, Map.of()));
        }
        Pipeline.await("the reject is in the dead-letter queue", 10, () -> messagesQuietly(DLQ) == 1);
        assertThat(messages(QUEUE)).isZero();
    }

    @Test
    void aMessageRequeuedMoreOftenThanTheDeliveryLimitIsQuarantinedInTheDeadLetterQueue() throws Exception {
        publish(RabbitMqNode.ADMIN, QUEUE, EVENT);
        int deliveries = 0;
        try (var connection = connect(RabbitMqNode.PROCESSOR); var channel = connection.createChannel()) {
            for (var delivery = channel.basicGet(QUEUE, false); delivery != null; delivery = channel.basicGet(QUEUE, false)) {
                deliveries++;
                channel.basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
                assertThat(deliveries).describedAs("deliveries").isLessThanOrEqualTo(Queues.DELIVERY_LIMIT + 1);
            }
        }
        assertThat(deliveries).isEqualTo(Queues.DELIVERY_LIMIT + 1);
        Pipeline.await("the poison message is in the dead-letter queue", 10, () -> messagesQuietly(DLQ) == 1);
        try (var connection = connect(RabbitMqNode.ADMIN); var channel = connection.createChannel()) {
            var quarantined = channel.basicGet(DLQ, true);
            assertThat(quarantined.getBody()).isEqualTo(EVENT);
            assertThat(quarantined.getProps().getHeaders().get("x-first-death-reason")).hasToString("delivery_limit");
        }
    }

    @Test
    void aMessageAboveTheMaximumSizeIsRefusedByTheBroker() throws Exception {
        try (var connection = connect(RabbitMqNode.PUBLISHER)) {
            var channel = connection.createChannel();
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, QUEUE, null, new byte[EventContract.MAX_MESSAGE_BYTES]);
            channel.waitForConfirmsOrDie(10_000);
            channel.basicPublish(EXCHANGE, QUEUE, null, new byte[EventContract.MAX_MESSAGE_BYTES + 1]);
            Pipeline.await("the channel is closed", 10, () -> !channel.isOpen());
            assertThat(((AMQP.Channel.Close) channel.getCloseReason().getReason()).getReplyCode()).isEqualTo(406);
        }
        assertThat(messages(QUEUE)).isEqualTo(1);
    }

    @Test
    void aRotatedPasswordTakesEffectWhenTheNodeImportsTheDefinitionsAgainAtBoot() throws Exception {
        publish(RabbitMqNode.ADMIN, QUEUE, EVENT);
        var old = broker.password(RabbitMqNode.PUBLISHER);
        var rotated = "rotated-publisher-password";
        var definitions = (ObjectNode) EventJson.mapper().readTree(broker.definitions());
        for (var user : definitions.get("users")) {
            if (user.get("name").asText().equals(RabbitMqNode.PUBLISHER)) {
                ((ObjectNode) user).put("password_hash", rabbitHash(rotated));
            }
        }
        broker.restart(EventJson.mapper().writeValueAsString(definitions), Map.of(RabbitMqNode.PUBLISHER, rotated));
        var factory = broker.connectionFactory(RabbitMqNode.PUBLISHER);
        factory.setPassword(old);
        assertThatThrownBy(factory::newConnection)
                .isInstanceOfAny(AuthenticationFailureException.class, PossibleAuthenticationFailureException.class);
        try (var connection = connect(RabbitMqNode.PUBLISHER)) {
            assertThat(new Producer(connection, EXCHANGE, QUEUE).publish(1, 0, 0, 0, 8).total()).isEqualTo(1);
        }
        assertThat(messages(QUEUE)).describedAs("the quorum queue kept its message over the restart").isEqualTo(2);
    }

    /** RabbitMQ's rabbit_password_hashing_sha256, with a salt of our own: base64(salt + SHA-256(salt + password)). */
    static String rabbitHash(String password) throws Exception {
        var salt = new byte[]{1, 2, 3, 4};
        var digest = MessageDigest.getInstance("SHA-256");
        digest.update(salt);
        digest.update(password.getBytes(StandardCharsets.UTF_8));
        var hash = new byte[36];
        System.arraycopy(salt, 0, hash, 0, 4);
        System.arraycopy(digest.digest(), 0, hash, 4, 32);
        return Base64.getEncoder().encodeToString(hash);
    }

    interface Operation {
        void run(Channel channel) throws Exception;
    }

    /** The broker refuses {@code operation} to the connection's user: it closes the channel with ACCESS_REFUSED (403). */
    static void assertRefused(Connection connection, Operation operation) throws Exception {
        var channel = connection.createChannel();
        assertThatThrownBy(() -> operation.run(channel)).satisfies(e -> assertThat(closeCode(e)).describedAs(e.toString()).isEqualTo(403));
        assertThat(connection.isOpen()).isTrue();
    }

    /**
     * A publish through the default exchange the user may not make: the broker closes the channel (asynchronously)
     * with ACCESS_REFUSED.
     */
    static void assertPublishRefused(Connection connection, String queue) throws Exception {
        var channel = connection.createChannel();
        channel.basicPublish("", queue, null, EVENT);
        Pipeline.await("the channel is closed", 10, () -> !channel.isOpen());
        assertThat(((AMQP.Channel.Close) channel.getCloseReason().getReason()).getReplyCode()).isEqualTo(403);
    }

    static int closeCode(Throwable e) {
        var signal = e instanceof com.rabbitmq.client.ShutdownSignalException s ? s : (com.rabbitmq.client.ShutdownSignalException) e.getCause();
        return ((AMQP.Channel.Close) signal.getReason()).getReplyCode();
    }

    static void publish(String user, String queue, byte[] body) throws Exception {
        try (var connection = connect(user); var channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2).build(), body);
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    static long messages(String queue) throws Exception {
        try (var connection = connect(RabbitMqNode.ADMIN); var channel = connection.createChannel()) {
            return channel.messageCount(queue);
        }
    }

    static long messagesQuietly(String queue) {
        try {
            return messages(queue);
        } catch (Exception e) {
            return -1;
        }
    }
}
