package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import io.containerplatform.components.common.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/**
 * RabbitMQ's users, least privilege, and what the broker imports at every boot ({@code load_definitions}): the
 * users with their password hashes, their permissions, the default virtual host, the two quorum queues and the
 * publishers' exchange bound to the queue.
 * <ul>
 *   <li>the administrator ({@code rabbitmqUser}, {@code rabbitmqPassword}): operators only, tag {@code administrator};</li>
 *   <li>{@value #PROCESSOR}: declares, consumes and dead-letters: configure on the queue, its dead-letter queue and
 *       the publishers' exchange, write on the default exchange (through which it publishes rejects) and on the queue,
 *       read on the queue and the exchange (the last three to bind the exchange to the queue again should the queue
 *       be deleted and declared anew);</li>
 *   <li>{@value #PUBLISHER}: write on the publishers' exchange only, which routes to the queue alone (it cannot
 *       reach the dead-letter queue or any other queue, declare, purge, delete or consume);</li>
 *   <li>{@value #KEDA}: no permission at all: KEDA's AMQP scaler reads the queue length with a passive
 *       {@code queue.declare}, which needs none (RabbitMQ's access-control table).</li>
 * </ul>
 * The three service users' passwords derive from the administrator's, one per user (as MongoDB's application users
 * derive from its root password): rotating {@code rabbitmqPassword} rotates all four, and no service user's
 * password reveals another's. Each user has its own Secret ({@code rabbitmq-<user>}: {@code username},
 * {@code password}, {@code uri}: {@code amqps://...:5671/%2F}, the default virtual host {@code /} written as the URI specification
 * requires: a bare trailing {@code /} is the empty virtual host to the Java and .NET clients; KEDA's also
 * {@code tls: enable}). The Erlang cookie is an
 * input of its own that nothing derives from and nothing rotates: a node restarted with another cookie could not rejoin
 * the running ones.
 */
final class RabbitMqUsers {

    static final String PROCESSOR = "processor";
    static final String PUBLISHER = "publisher";
    static final String KEDA = "keda";
    static final String PROCESSOR_SECRET = "rabbitmq-" + PROCESSOR;
    static final String KEDA_SECRET = "rabbitmq-" + KEDA;
    /** The broker's own Secret: {@code definitions.json} and {@code erlang-cookie}. */
    static final String SERVER_SECRET = "rabbitmq-server";
    static final String DEFINITIONS = "definitions.json";
    /**
     * The path of a URI that names the default virtual host {@code /}: RabbitMQ's URI specification reads the path
     * after the authority as the virtual host, percent-decoded, so {@code /} alone would be the empty one.
     */
    static final String DEFAULT_VHOST_PATH = "/%2F";
    /**
     * Deliveries after which a message is dead-lettered to the dead-letter queue instead of being delivered again:
     * a message that makes every processor crash is quarantined after 20 attempts. The processor returns its unacked
     * messages when it stops (KEDA scale-in, a rollout), so the limit leaves room for many ordinary redeliveries.
     */
    static final int DELIVERY_LIMIT = 20;

    /**
     * The publishers' exchange of {@code queue}: {@code <queue>.in}, a durable direct exchange bound to the queue with
     * the queue's name as its binding key. Its own name, not the queue's: permissions are regular expressions over
     * queue and exchange names alike, so an exchange named as the queue would give whoever may write to it the right
     * to bind to the queue as well. Never {@code amq.*} (reserved) as long as the queue is not.
     */
    static String exchange(String queue) {
        return queue + ".in";
    }

    /** A broker user: name, tags and the permission regular expressions on the default virtual host. */
    record User(String name, List<String> tags, String configure, String write, String read) {
        /** The Secret holding its credentials. */
        String secret() {
            return "rabbitmq-" + name;
        }
    }

    private RabbitMqUsers() {
    }

    /** The administrator and the three service users, least privilege, for the pipeline's queue. */
    static List<User> users(PipelineArgs args) {
        var queue = literal(args.queueName());
        var deadLetters = literal(deadLetterQueue(args.queueName()));
        var exchange = literal(exchange(args.queueName()));
        return List.of(
                new User(args.rabbitmqUser(), List.of("administrator"), ".*", ".*", ".*"),
                new User(PROCESSOR, List.of(), "^(" + queue + "|" + deadLetters + "|" + exchange + ")$", "^(amq\\.default|" + queue + ")$",
                        "^(" + queue + "|" + exchange + ")$"),
                new User(PUBLISHER, List.of(), "^$", "^" + exchange + "$", "^$"),
                new User(KEDA, List.of(), "^$", "^$", "^$"));
    }

    /** {@code name} as a regular expression (PCRE) that matches it literally: every other character escaped. */
    static String literal(String name) {
        return name.replaceAll("([^A-Za-z0-9_])", "\\\\$1");
    }

    static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }

    /** Each user's password: the administrator's, and one derived from it per service user. */
    static Map<String, String> passwords(PipelineArgs args, String adminPassword) {
        var passwords = new LinkedHashMap<String, String>();
        for (var user : users(args)) {
            passwords.put(user.name(), user.name().equals(args.rabbitmqUser()) ? adminPassword
                    : hex(sha256("rabbitmq-user:" + user.name() + ":" + adminPassword)));
        }
        return passwords;
    }

    /** The arguments of the queue: quorum, delivery limit, dead-lettered (at least once) to its dead-letter queue. */
    static Map<String, Object> queueArguments(String queue) {
        return obj("x-queue-type", "quorum", "x-delivery-limit", DELIVERY_LIMIT, "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", deadLetterQueue(queue), "x-dead-letter-strategy", "at-least-once",
                "x-overflow", "reject-publish");
    }

    /** The arguments of the dead-letter queue: quorum. */
    static Map<String, Object> deadLetterArguments() {
        return obj("x-queue-type", "quorum");
    }

    /** The definitions the broker imports at every boot, for the given passwords (by user). */
    static String definitions(PipelineArgs args, Map<String, String> passwords) {
        var users = new ArrayList<Object>();
        var permissions = new ArrayList<Object>();
        for (var user : users(args)) {
            users.add(obj("name", user.name(), "password_hash", passwordHash(user.name(), passwords.get(user.name())),
                    "hashing_algorithm", "rabbit_password_hashing_sha256", "tags", user.tags(), "limits", obj()));
            permissions.add(obj("user", user.name(), "vhost", "/", "configure", user.configure(), "write", user.write(), "read", user.read()));
        }
        var queue = args.queueName();
        return Json.write(obj(
                "users", users,
                "vhosts", List.of(obj("name", "/")),
                "permissions", permissions,
                "queues", List.of(
                        obj("name", queue, "vhost", "/", "durable", true, "auto_delete", false, "arguments", queueArguments(queue)),
                        obj("name", deadLetterQueue(queue), "vhost", "/", "durable", true, "auto_delete", false,
                                "arguments", deadLetterArguments())),
                "exchanges", List.of(obj("name", exchange(queue), "vhost", "/", "type", "direct", "durable", true, "auto_delete", false,
                        "internal", false, "arguments", obj())),
                "bindings", List.of(obj("source", exchange(queue), "vhost", "/", "destination", queue, "destination_type", "queue",
                        "routing_key", queue, "arguments", obj())),
                "policies", List.of(), "parameters", List.of()));
    }

    /**
     * RabbitMQ's {@code rabbit_password_hashing_sha256}: base64(salt + SHA-256(salt + password)) with a 4-byte salt.
     * The salt is derived from the user and the password, so the same password gives the same definitions (an
     * unchanged password restarts nothing) and two users never share a hash.
     */
    static String passwordHash(String user, String password) {
        var salt = Arrays.copyOf(sha256("rabbitmq-salt:" + user + ":" + password), 4);
        var digest = digest(concat(salt, password.getBytes(StandardCharsets.UTF_8)));
        return Base64.getEncoder().encodeToString(concat(salt, digest));
    }

    /** The Secrets' data: the broker's (definitions and cookie) and one per user; by Secret name. */
    static Output<Map<String, Map<String, String>>> secrets(PipelineArgs args) {
        return Output.tuple(args.rabbitmqPassword(), args.rabbitmqErlangCookie()).applyValue(t -> {
            var passwords = passwords(args, t.t1);
            var all = new LinkedHashMap<String, Map<String, String>>();
            all.put(SERVER_SECRET, Map.of(DEFINITIONS, definitions(args, passwords), "erlang-cookie", t.t2));
            for (var user : users(args)) {
                var password = passwords.get(user.name());
                var data = new LinkedHashMap<>(Map.of("username", user.name(), "password", password,
                        "uri", "amqps://" + encode(user.name()) + ":" + encode(password) + "@" + RabbitMq.APP + "." + args.namespace()
                                + ".svc.cluster.local:" + Tls.AMQPS_PORT + DEFAULT_VHOST_PATH));
                if (user.secret().equals(KEDA_SECRET)) {
                    data.put("tls", "enable"); // KEDA's RabbitMQ scaler: TLS with the TriggerAuthentication's ca
                }
                all.put(user.secret(), Map.copyOf(data));
            }
            return all;
        });
    }

    /**
     * What changes when any user's password (or permission) changes, and only then: an HMAC of the definitions keyed
     * by the Erlang cookie. The StatefulSet's pods carry it, so a rotation rolls the nodes one at a time and each
     * imports the new hashes at boot. Not a secret (nobody can test a guessed password against it without the
     * cookie), so it shows in plans and diffs.
     */
    static Output<String> checksum(Output<Map<String, Map<String, String>>> secrets) {
        var server = secrets.applyValue(s -> s.get(SERVER_SECRET));
        return Internal.of(server.applyValue(s -> hex(hmac(s.get("erlang-cookie"), s.get(DEFINITIONS))))).asPlaintext();
    }

    /** {@code value} percent-encoded for a URI's user information: a space is {@code %20} ({@code +} is a plus there). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] sha256(String value) {
        return digest(value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String key, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
