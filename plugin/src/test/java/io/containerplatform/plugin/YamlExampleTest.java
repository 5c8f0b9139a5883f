package io.containerplatform.plugin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pulumi YAML example ({@code examples/yaml/Pulumi.yaml}) against the package schema the plugin serves (no Pulumi
 * CLI runs here): its package entry is this plugin, each resource's type is a component of the package, each property
 * is an input of it (nested ones of their input type), every required input is given, and every {@code ${...}} names a
 * resource of the program and an output of its component.
 */
class YamlExampleTest {

    private static final Path EXAMPLE = Path.of("examples/yaml/Pulumi.yaml");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)[^}]*}");

    @SuppressWarnings("unchecked")
    static Map<String, Object> example() throws Exception {
        return (Map<String, Object>) new Yaml().load(Files.readString(EXAMPLE));
    }

    @Test
    void theExampleUsesThisPackageAndOnlyItsComponentsInputsAndOutputs() throws Exception {
        var program = example();
        assertThat(Files.exists(EXAMPLE.getParent().resolve(((Map<?, ?>) program.get("packages")).get(App.PACKAGE).toString())
                .resolve("PulumiPlugin.yaml"))).isTrue();
        assertThat(problems(program, PluginSchemaTest.schema())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCheckCanFail() throws Exception {
        var program = example();
        var resources = (Map<String, Map<String, Object>>) program.get("resources");
        var web = (Map<String, Object>) resources.get("web").get("properties");
        web.remove("image");
        web.put("cpuUnits", 256);
        ((Map<String, Object>) web.get("cluster")).put("id", "x");
        ((Map<String, Object>) web.get("target")).put("url", "${lb.address}");
        ((Map<String, Object>) program.get("outputs")).put("db", "${database.endpoint}");
        resources.get("cluster").put("type", "containerplatform:index:EcsCluster");
        assertThat(problems(program, PluginSchemaTest.schema())).containsExactlyInAnyOrder(
                "cluster: containerplatform:index:EcsCluster is not a component of the package",
                "web: no input cpuUnits", "web: required input image missing", "web.cluster: no input id",
                "web.target.url: ${lb.address}: containerplatform:index:WebLoadBalancer has no output address",
                "outputs.db: ${database.endpoint}: no resource database");
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(Map<String, Object> program, JsonObject schema) {
        var resources = (Map<String, Map<String, Object>>) program.get("resources");
        var problems = new ArrayList<String>();
        resources.forEach((name, resource) -> {
            var spec = schema.getAsJsonObject("resources").getAsJsonObject(resource.get("type").toString());
            if (spec == null) {
                problems.add(name + ": " + resource.get("type") + " is not a component of the package");
                return;
            }
            var properties = (Map<String, Object>) resource.getOrDefault("properties", Map.of());
            compare(schema, name, properties, spec.getAsJsonObject("inputProperties"), spec.getAsJsonArray("requiredInputs"), resources, problems);
        });
        ((Map<String, Object>) program.getOrDefault("outputs", Map.of())).forEach((name, value) ->
                references("outputs." + name, value.toString(), schema, resources, problems));
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void compare(JsonObject schema, String where, Map<String, Object> values, JsonObject properties, JsonArray required,
                                Map<String, Map<String, Object>> resources, List<String> problems) {
        if (required != null) {
            required.forEach(r -> {
                if (!values.containsKey(r.getAsString())) {
                    problems.add(where + ": required input " + r.getAsString() + " missing");
                }
            });
        }
        values.forEach((key, value) -> {
            var property = properties.getAsJsonObject(key);
            if (property == null) {
                problems.add(where + ": no input " + key);
                return;
            }
            var path = where + "." + key;
            var items = property.has("items") ? property.getAsJsonObject("items") : null;
            if (value instanceof Map<?, ?> map && property.has("$ref")) {
                var type = type(schema, property);
                compare(schema, path, (Map<String, Object>) map, type.getAsJsonObject("properties"), type.getAsJsonArray("required"), resources, problems);
            } else if (value instanceof List<?> list && items != null && items.has("$ref")) {
                var type = type(schema, items);
                for (int i = 0; i < list.size(); i++) {
                    compare(schema, path + "[" + i + "]", (Map<String, Object>) list.get(i), type.getAsJsonObject("properties"),
                            type.getAsJsonArray("required"), resources, problems);
                }
            } else {
                references(path, String.valueOf(value), schema, resources, problems);
            }
        });
    }

    private static JsonObject type(JsonObject schema, JsonObject property) {
        var ref = property.get("$ref").getAsString();
        return schema.getAsJsonObject("types").getAsJsonObject(ref.substring(ref.indexOf("types/") + "types/".length()));
    }

    /** Each {@code ${resource.output...}} in {@code text} must name a resource of the program and an output of its component. */
    private static void references(String where, String text, JsonObject schema, Map<String, Map<String, Object>> resources, List<String> problems) {
        var matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            var resource = resources.get(matcher.group(1));
            if (resource == null) {
                problems.add(where + ": " + matcher.group() + ": no resource " + matcher.group(1));
                continue;
            }
            var spec = schema.getAsJsonObject("resources").getAsJsonObject(resource.get("type").toString());
            if (spec != null && !spec.getAsJsonObject("properties").has(matcher.group(2))) {
                problems.add(where + ": " + matcher.group() + ": " + resource.get("type") + " has no output " + matcher.group(2));
            }
        }
    }
}
