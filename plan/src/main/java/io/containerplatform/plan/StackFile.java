package io.containerplatform.plan;

import com.google.gson.Gson;
import io.containerplatform.config.ConfigSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stack's config file ({@code Pulumi.<stack>.yaml}) as the Pulumi CLI would hand it to the program:
 * namespaced keys, scalars as text, objects and lists as JSON. Secure values ({@code secure: ...}, which
 * only the CLI can decrypt) become placeholders marked secret.
 *
 * @param project    the project name from {@code Pulumi.yaml}
 * @param values     every config value, keyed {@code namespace:key}
 * @param secretKeys the keys whose value is (or holds) a secret
 */
public record StackFile(String project, Map<String, String> values, Set<String> secretKeys) {

    /** Placeholder of the secure value of {@code key}. */
    public static String placeholder(String key) {
        return "offline-placeholder-for-" + key.replace(':', '-');
    }

    /** Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} from {@code projectDir}. */
    public static StackFile read(Path projectDir, String stack) throws IOException {
        var project = String.valueOf(load(projectDir.resolve("Pulumi.yaml")).get("name"));
        var file = projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.exists(file)) {
            throw new IOException("no config file for stack '" + stack + "': " + file.toAbsolutePath().normalize()
                    + " does not exist");
        }
        var config = load(file).get("config");
        var values = new LinkedHashMap<String, String>();
        var secrets = new TreeSet<String>();
        if (config instanceof Map<?, ?> entries) {
            for (var entry : entries.entrySet()) {
                var key = String.valueOf(entry.getKey());
                var fullKey = key.contains(":") ? key : project + ":" + key;
                var revealed = reveal(fullKey, key, entry.getValue(), secrets);
                values.put(fullKey, revealed instanceof String text ? text : new Gson().toJson(revealed));
            }
        }
        return new StackFile(project, values, secrets);
    }

    /** {@code aws:region}, or the mocks' region ({@code us-east-1}) when the stack does not set it. */
    public String region() {
        return values.getOrDefault("aws:region", io.containerplatform.components.testing.PlatformMocks.REGION);
    }

    /** The values of the program's own namespace, keyed without it, and those of the other namespaces. */
    public ConfigSource programConfig() {
        var own = new LinkedHashMap<String, String>();
        values.forEach((key, value) -> {
            if (key.startsWith(ConfigSource.NAMESPACE + ":")) {
                own.put(key.substring(ConfigSource.NAMESPACE.length() + 1), value);
            }
        });
        return ConfigSource.of(own, ConfigSource.foreign(values));
    }

    /**
     * {@code value} with each {@code secure:} value replaced by a placeholder; a secret inside a webhook list (an alert
     * destination's {@code webhooks}, a service's {@code alarmWebhooks}) by an HTTPS placeholder, as the program checks
     * those are HTTPS URLs.
     */
    private static Object reveal(String key, String field, Object value, Set<String> secrets) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("secure")) {
                secrets.add(key);
                return field.toLowerCase(java.util.Locale.ROOT).endsWith("webhooks")
                        ? "https://offline-placeholder.invalid/" + key.replace(':', '-') : placeholder(key);
            }
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), reveal(key, String.valueOf(k), v, secrets)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> reveal(key, field, v, secrets)).toList();
        }
        return value == null || value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
    }

    /**
     * A YAML file as the Pulumi CLI reads it: YAML 1.2's core schema, as its {@code gopkg.in/yaml.v3} (so {@code yes},
     * {@code on} and {@code 2024-01-01} stay text), a key given twice refused; a syntax error names the file, line and
     * column. A scalar given directly under {@code config} is its text as written ({@code 0755},
     * {@code 1.30}, {@code true}; empty for a null): the CLI reads a config value into a string first, which yaml.v3
     * fills with the scalar's text (pulumi {@code sdk/go/common/resource/config/value.go}, {@code unmarshalValue}).
     */
    static Map<?, ?> load(Path file) throws IOException {
        var settings = LoadSettings.builder().setLabel(file.getFileName().toString()).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).build();
        try (var reader = Files.newBufferedReader(file)) {
            var root = new Compose(settings).composeReader(reader);
            Object doc = new StandardConstructor(settings).constructSingleDocument(root);
            if (!(doc instanceof Map<?, ?> map)) {
                return Map.of();
            }
            var copy = new LinkedHashMap<Object, Object>(map);
            if (copy.get("config") instanceof Map<?, ?> config) {
                copy.put("config", withScalarTexts(config, configNode(root.orElseThrow())));
            }
            return copy;
        } catch (DuplicateKeyException twice) {
            throw new IOException(where(file, twice) + twice.getProblem() + "; allowed: each key once in a mapping");
        } catch (MarkedYamlEngineException syntax) {
            throw new IOException(where(file, syntax) + "not valid YAML: " + syntax.getProblem());
        } catch (YamlEngineException other) {
            throw new IOException(file.getFileName() + ": not valid YAML: " + other.getMessage());
        }
    }

    /** The mapping node under the root's {@code config} key. */
    private static MappingNode configNode(Node root) {
        return ((MappingNode) root).getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode key && key.getValue().equals("config"))
                .map(t -> (MappingNode) t.getValueNode()).findFirst().orElseThrow();
    }

    /** {@code config} with each value given as a scalar in {@code node} replaced by its text as written. */
    private static Map<Object, Object> withScalarTexts(Map<?, ?> config, MappingNode node) {
        var result = new LinkedHashMap<Object, Object>(config);
        for (var tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode value) {
                result.put(key.getValue(), value.getTag().equals(Tag.NULL) ? "" : value.getValue());
            }
        }
        return result;
    }

    private static String where(Path file, MarkedYamlEngineException e) {
        return e.getProblemMark().map(mark -> file.getFileName() + " line " + (mark.getLine() + 1) + " column "
                + (mark.getColumn() + 1) + ": ").orElse(file.getFileName() + ": ");
    }
}
