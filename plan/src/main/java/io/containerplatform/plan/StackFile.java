package io.containerplatform.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.containerplatform.config.ConfigSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
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

    /** JSON as the CLI writes an object value: a null kept ({@code services: {web: }} is a service named, not none). */
    private static final Gson JSON = new GsonBuilder().serializeNulls().create();

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
                // as pulumi's config.object.MarshalString: text as is, a number or boolean as JSON, a null as "" (the CLI warns)
                values.put(fullKey, revealed == null ? "" : revealed instanceof String text ? text : JSON.toJson(revealed));
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
     * A YAML file as the Pulumi CLI reads it: with {@code gopkg.in/yaml.v3} into Go values ({@link GoYaml}: {@code yes},
     * {@code on} and {@code 2024-01-01} stay text, {@code 0755} is 493, {@code 1.30} is 1.3), a key given twice refused;
     * a syntax error names the file, line and column.
     */
    static Map<?, ?> load(Path file) throws IOException {
        var settings = LoadSettings.builder().setLabel(file.getFileName().toString()).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).build();
        try (var reader = Files.newBufferedReader(file)) {
            var root = new Compose(settings).composeReader(reader);
            new StandardConstructor(settings).constructSingleDocument(root); // refuses a key given twice, naming its line
            return root.map(GoYaml::value).orElse(null) instanceof Map<?, ?> map ? map : Map.of();
        } catch (DuplicateKeyException twice) {
            throw new IOException(where(file, twice) + twice.getProblem() + "; allowed: each key once in a mapping");
        } catch (MarkedYamlEngineException syntax) {
            throw new IOException(where(file, syntax) + "not valid YAML: " + syntax.getProblem());
        } catch (YamlEngineException other) {
            throw new IOException(file.getFileName() + ": not valid YAML: " + other.getMessage());
        }
    }

    private static String where(Path file, MarkedYamlEngineException e) {
        return e.getProblemMark().map(mark -> file.getFileName() + " line " + (mark.getLine() + 1) + " column "
                + (mark.getColumn() + 1) + ": ").orElse(file.getFileName() + ": ");
    }
}
