package io.containerplatform.config;

import com.google.gson.JsonParser;
import com.pulumi.Config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw stack config of the {@code container-platform} namespace: each key's value as Pulumi stores it
 * (plain text for scalars, JSON for objects, maps and lists).
 */
public interface ConfigSource {

    /** The project namespace of every key this program reads. */
    String NAMESPACE = "container-platform";

    /** The raw value of {@code key} (without namespace), if set. */
    Optional<String> get(String key);

    /** Every key set in the namespace, when known (used to reject unknown keys); may be empty. */
    Set<String> keys();

    /** A source over fixed values, keyed without namespace. */
    static ConfigSource of(Map<String, String> values) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public Set<String> keys() {
                return new TreeSet<>(values.keySet());
            }
        };
    }

    /** A source over Pulumi's {@link Config} of the project; {@code keys} as known to the caller. */
    static ConfigSource of(Config config, Set<String> keys) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return config.get(key);
            }

            @Override
            public Set<String> keys() {
                return keys;
            }
        };
    }

    /**
     * The namespace's keys from {@code PULUMI_CONFIG}, the JSON object through which the Pulumi CLI passes
     * config to the program; empty when it is absent or unreadable.
     */
    static Set<String> keysFromEnvironment(String pulumiConfigJson) {
        var keys = new TreeSet<String>();
        if (pulumiConfigJson == null || pulumiConfigJson.isBlank()) {
            return keys;
        }
        try {
            for (var key : JsonParser.parseString(pulumiConfigJson).getAsJsonObject().keySet()) {
                if (key.startsWith(NAMESPACE + ":")) {
                    keys.add(key.substring(NAMESPACE.length() + 1));
                }
            }
        } catch (RuntimeException notJson) {
            // Pulumi always sends an object; anything else leaves unknown keys unchecked, nothing more.
        }
        return keys;
    }
}
