package io.containerplatform.workloads.event;

import com.mongodb.ConnectionString;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the apps read from the environment the pipeline component injects, each checked once at start:
 * a mistake names the variable, its value and what is allowed.
 */
public final class Settings {

    private final Map<String, String> env;
    private final List<String> errors = new ArrayList<>();
    private Optional<TrustedCa> trustedCa;

    public Settings(Map<String, String> env) {
        this.env = env;
    }

    /** A required variable. */
    public String required(String name, String allowed) {
        var value = env.get(name);
        if (value == null || value.isBlank()) {
            errors.add(name + ": missing; allowed: " + allowed);
            return "";
        }
        return value;
    }

    /** An optional variable, {@code fallback} when unset. */
    public String optional(String name, String fallback) {
        var value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** An integer variable within {@code min..max}, {@code fallback} when unset. */
    public int integer(String name, int fallback, int min, int max) {
        var text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(name + ": \"" + text + "\" is not valid; allowed: an integer from " + min + " to " + max);
        return fallback;
    }

    /** {@code MONGODB_URI}, checked: a mongodb:// or mongodb+srv:// connection string ({@code TLS_CA_FILE} checked with it). */
    public ConnectionString mongoUri() {
        trustedCa();
        var uri = required("MONGODB_URI", "a MongoDB connection string, mongodb://user:password@host:27017/pipeline");
        if (uri.isEmpty()) {
            return null;
        }
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            errors.add("MONGODB_URI: not a MongoDB connection string (" + e.getMessage() + "); allowed: mongodb://user:password@host:27017/pipeline");
            return null;
        }
    }

    /** The database of {@code uri}: its path, else {@link EventContract#DEFAULT_DATABASE}. */
    public static String database(ConnectionString uri) {
        return uri.getDatabase() == null || uri.getDatabase().isBlank() ? EventContract.DEFAULT_DATABASE : uri.getDatabase();
    }

    /**
     * {@code TLS_CA_FILE}: the PEM file of the CA that signed the broker's and the store's certificates; when set, both
     * connections are TLS trusting it only, host names verified. Unset: plain connections (local runs, tests).
     */
    public Optional<TrustedCa> trustedCa() {
        if (trustedCa == null) {
            trustedCa = Optional.empty();
            var file = optional("TLS_CA_FILE", "");
            try {
                trustedCa = file.isEmpty() ? Optional.empty() : Optional.of(TrustedCa.load(Path.of(file)));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                errors.add("TLS_CA_FILE: \"" + file + "\" is not readable as PEM certificates (" + e.getMessage()
                        + "); allowed: the path of a PEM CA certificate file");
            }
        }
        return trustedCa;
    }

    /**
     * The broker connection of {@code RABBITMQ_HOST}, {@code RABBITMQ_PORT} (5671 with {@code TLS_CA_FILE}, else 5672),
     * {@code RABBITMQ_USERNAME}, {@code RABBITMQ_PASSWORD}: AMQPS with {@link #trustedCa()}.
     */
    public ConnectionFactory rabbitMq() {
        var factory = new ConnectionFactory();
        var ca = trustedCa();
        ca.ifPresent(trusted -> trusted.secure(factory));
        factory.setHost(required("RABBITMQ_HOST", "the broker's host name"));
        factory.setPort(integer("RABBITMQ_PORT", ca.isPresent() ? 5671 : 5672, 1, 65535));
        factory.setUsername(required("RABBITMQ_USERNAME", "the broker user"));
        factory.setPassword(required("RABBITMQ_PASSWORD", "the broker user's password"));
        factory.setAutomaticRecoveryEnabled(false);
        factory.setRequestedHeartbeat(30);
        return factory;
    }

    /** {@code RABBITMQ_QUEUE}, default {@link EventContract#DEFAULT_QUEUE}. */
    public String queue() {
        return optional("RABBITMQ_QUEUE", EventContract.DEFAULT_QUEUE);
    }

    /**
     * {@code RABBITMQ_EXCHANGE}, the exchange a publisher publishes to (with the queue's name as routing key),
     * default {@link EventContract#exchange} of {@code queue}: the one the platform's publisher user may write to.
     */
    public String exchange(String queue) {
        var exchange = optional("RABBITMQ_EXCHANGE", EventContract.exchange(queue));
        if (exchange.startsWith("amq.") || exchange.getBytes(StandardCharsets.UTF_8).length > 255) {
            errors.add("RABBITMQ_EXCHANGE: \"" + exchange + "\" is not valid; allowed: an exchange name of at most 255 bytes, not amq.*"
                    + " (RabbitMQ's own; the platform's publisher user may write to " + EventContract.exchange(queue) + " only)");
        }
        return exchange;
    }

    /** Every problem found so far, one line each; empty when the settings are valid. */
    public List<String> errors() {
        return List.copyOf(errors);
    }
}
