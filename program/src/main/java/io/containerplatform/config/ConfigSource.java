package io.containerplatform.config;

import com.google.gson.JsonParser;
import com.pulumi.Config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    /** The values set outside the namespace, keyed {@code namespace:key}, when known (checked by {@link ForeignConfig}). */
    default Map<String, String> foreign() {
        return Map.of();
    }

    /** A source over fixed values, keyed without namespace. */
    static ConfigSource of(Map<String, String> values) {
        return of(values, Map.of());
    }

    /** A source over fixed values, keyed without namespace, and the values of other namespaces. */
    static ConfigSource of(Map<String, String> values, Map<String, String> foreign) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public Set<String> keys() {
                return new TreeSet<>(values.keySet());
            }

            @Override
            public Map<String, String> foreign() {
                return foreign;
            }
        };
    }

    /** A source over Pulumi's {@link Config} of the project; {@code keys} and {@code foreign} as known to the caller. */
    static ConfigSource of(Config config, Set<String> keys, Map<String, String> foreign) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return config.get(key);
            }

            @Override
            public Set<String> keys() {
                return keys;
            }

            @Override
            public Map<String, String> foreign() {
                return foreign;
            }
        };
    }

    /**
     * Every value of {@code PULUMI_CONFIG}, the JSON object through which the Pulumi CLI passes config to the program,
     * keyed {@code namespace:key}; empty when it is absent or unreadable.
     */
    static Map<String, String> fromEnvironment(String pulumiConfigJson) {
        var values = new TreeMap<String, String>();
        if (pulumiConfigJson == null || pulumiConfigJson.isBlank()) {
            return values;
        }
        try {
            JsonParser.parseString(pulumiConfigJson).getAsJsonObject().entrySet().forEach(e -> values.put(e.getKey(),
                    e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        } catch (RuntimeException notJson) {
            // Pulumi always sends an object; anything else leaves unknown keys unchecked, nothing more.
        }
        return values;
    }

    /** The keys of {@code values} (keyed {@code namespace:key}) in this namespace, without it. */
    static Set<String> ownKeys(Map<String, String> values) {
        var keys = new TreeSet<String>();
        values.keySet().stream().filter(k -> k.startsWith(NAMESPACE + ":")).forEach(k -> keys.add(k.substring(NAMESPACE.length() + 1)));
        return keys;
    }

    /** The entries of {@code values} (keyed {@code namespace:key}) outside this namespace. */
    static Map<String, String> foreign(Map<String, String> values) {
        var foreign = new TreeMap<String, String>();
        values.forEach((k, v) -> {
            if (!k.startsWith(NAMESPACE + ":")) {
                foreign.put(k, v);
            }
        });
        return foreign;
    }
}
