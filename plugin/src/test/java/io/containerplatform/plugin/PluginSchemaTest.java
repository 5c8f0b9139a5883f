package io.containerplatform.plugin;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.resources.ComponentResource;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.network.NetworkArgs;
import org.junit.jupiter.api.Test;
import org.reflections.Reflections;

import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package schema Pulumi generates SDKs from, as the plugin serves it: every component of the package is there,
 * with every input of its Args (and of the input types they hold) under its declared name, type, requiredness and
 * description, and every output with its description.
 */
class PluginSchemaTest {

    /** The component classes the plugin serves: those the provider finds, by the same scan. */
    static Set<Class<? extends ComponentResource>> components() {
        return new Reflections(App.class.getPackageName()).getSubTypesOf(ComponentResource.class);
    }

    static JsonObject schema() throws Exception {
        var response = new DescribedComponentProvider().getSchema(new GetSchemaRequest(0, null, null)).get();
        return JsonParser.parseString(response.getSchema()).getAsJsonObject();
    }

    @Test
    void everyComponentEveryInputAndEveryOutputIsInTheSchemaWithItsTypeAndDescription() throws Exception {
        assertThat(components()).extracting(Class::getSimpleName).containsExactlyInAnyOrder("NetworkComponent", "ImageRepositories",
                "WebLoadBalancer", "EksPlatform", "SparkEcs", "MysqlDatabase", "FargateCluster", "FargateService", "AsgService", "DataPipeline");
        var schema = schema();
        var problems = new ArrayList<String>();
        components().forEach(c -> problems.addAll(disagreements(schema, c, argsOf(c))));
        assertThat(problems).isEmpty();
        assertThat(schema.getAsJsonObject("resources").keySet()).hasSize(10);
        assertThat(schema.getAsJsonObject("types").keySet()).containsExactlyInAnyOrder("containerplatform:index:Placement",
                "containerplatform:index:Route", "containerplatform:index:NodeGroupSpec", "containerplatform:index:Taint",
                "containerplatform:index:Backup", "containerplatform:index:MysqlSettings", "containerplatform:index:ClusterRef",
                "containerplatform:index:LoadBalancerTarget", "containerplatform:index:BlueGreenTarget", "containerplatform:index:Permissions",
                "containerplatform:index:PolicyStatement", "containerplatform:index:ScheduledCapacity", "containerplatform:index:BlueGreenRollout",
                "containerplatform:index:AlertDestination");
        assertThat(schema.getAsJsonObject("resources").getAsJsonObject("containerplatform:index:NetworkComponent")
                .getAsJsonObject("inputProperties").getAsJsonObject("azCount").get("description").getAsString())
                .isEqualTo("Availability zones, each with one public and one private subnet. Allowed: 2 to 6. Default: 2.");
    }

    @Test
    void theComparisonCanFail() throws Exception {
        var schema = schema();
        assertThat(disagreements(schema, ImageRepositories.class, NetworkArgs.class)).contains("ImageRepositories: no input cidr",
                "ImageRepositories: input prefix is not declared by NetworkArgs", "ImageRepositories: required inputs [images, prefix], declared [cidr]");
        schema.getAsJsonObject("types").getAsJsonObject("containerplatform:index:Taint").getAsJsonObject("properties")
                .getAsJsonObject("effect").remove("description");
        schema.getAsJsonObject("resources").getAsJsonObject("containerplatform:index:SparkEcs").getAsJsonObject("properties")
                .getAsJsonObject("masterUrl").remove("description");
        assertThat(disagreements(schema, EksPlatform.class, argsOf(EksPlatform.class)))
                .containsExactly("EksPlatform: Taint.effect is described \"\", declared \""
                        + Inputs.named(io.containerplatform.components.eks.Taint.class, "effect").sentences() + "\"");
        assertThat(disagreements(schema, SparkEcs.class, argsOf(SparkEcs.class))).containsExactly("SparkEcs: output masterUrl has no description");
    }

    @Test
    void theReadmesTableListsEveryComponentOfThePackageWithItsOutputs() throws Exception {
        var readme = Files.readString(Path.of("README.md"));
        var table = readme.substring(readme.indexOf("| Component | Outputs |"));
        table = table.substring(0, table.indexOf("\n\n"));
        var documented = new TreeMap<String, Set<String>>();
        table.lines().skip(2).map(row -> row.split("\\|")).forEach(cells -> documented.put(cells[1].trim().replace("`", ""),
                ticked(cells[2].replaceAll("\\([^)]*\\)", ""))));
        var actual = new TreeMap<String, Set<String>>();
        components().forEach(c -> actual.put(c.getSimpleName(), Exports.fields(c).stream().map(Exports::name).collect(Collectors.toCollection(TreeSet::new))));
        assertThat(documented).isEqualTo(actual);
    }

    private static Set<String> ticked(String text) {
        return Pattern.compile("`([^`]+)`").matcher(text).results().map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theEngineAddressIsTheOneArgumentLeftWithoutTheLoggingFlags() {
        assertThat(App.engineAddress(List.of("--logtostderr", "-v=9", "--tracing", "127.0.0.1:9411", "--logflow", "127.0.0.1:50051")))
                .contains("127.0.0.1:50051");
        assertThat(App.engineAddress(List.of("--logtostderr"))).isEmpty();
        assertThat(App.engineAddress(List.of("127.0.0.1:1", "127.0.0.1:2"))).isEmpty();
    }

    static Class<?> argsOf(Class<?> component) {
        var constructors = component.getDeclaredConstructors();
        assertThat(constructors).describedAs("%s: Pulumi constructs a component through its only constructor", component).hasSize(1);
        return constructors[0].getParameterTypes()[1];
    }

    /** Where the schema of {@code component} and the declarations of {@code args} disagree. */
    static List<String> disagreements(JsonObject schema, Class<?> component, Class<?> args) {
        var name = component.getSimpleName();
        var resource = schema.getAsJsonObject("resources").getAsJsonObject(App.PACKAGE + ":index:" + name);
        if (resource == null) {
            return List.of(name + ": not in the schema");
        }
        var problems = new ArrayList<String>();
        if (!resource.has("description")) {
            problems.add(name + ": no description");
        }
        compareInputs(schema, name, resource.getAsJsonObject("inputProperties"), resource.getAsJsonArray("requiredInputs"), args, problems);
        var outputs = resource.getAsJsonObject("properties");
        Exports.fields(component).stream().map(Exports::name).forEach(o -> {
                    if (!outputs.has(o)) {
                        problems.add(name + ": no output " + o);
                    } else if (!outputs.getAsJsonObject(o).has("description")) {
                        problems.add(name + ": output " + o + " has no description");
                    }
                });
        return problems;
    }

    /** Compares the schema's properties with the declared inputs of {@code args}, and so for the input types they hold. */
    private static void compareInputs(JsonObject schema, String where, JsonObject properties, com.google.gson.JsonArray required, Class<?> args,
                                      List<String> problems) {
        for (var input : Inputs.of(args)) {
            var property = properties.getAsJsonObject(input.name());
            var label = args.getSimpleName() + "." + input.name();
            if (property == null) {
                problems.add(where + ": no input " + input.name());
                continue;
            }
            if (!typeOf(property).equals(expected(input.type()))) {
                problems.add(where + ": " + label + " is " + typeOf(property) + ", declared " + expected(input.type()));
            }
            var description = property.has("description") ? property.get("description").getAsString() : "";
            if (!description.equals(input.sentences())) {
                problems.add(where + ": " + label + " is described \"" + description + "\", declared \"" + input.sentences() + "\"");
            }
            Inputs.declaredType(input).ifPresent(type -> {
                var spec = schema.getAsJsonObject("types").getAsJsonObject(App.PACKAGE + ":index:" + type.getSimpleName());
                compareInputs(schema, where, spec.getAsJsonObject("properties"), spec.getAsJsonArray("required"), type, problems);
            });
        }
        var declared = Inputs.of(args).stream().map(Inputs.Input::name).collect(Collectors.toSet());
        properties.keySet().stream().filter(p -> !declared.contains(p)).sorted()
                .forEach(p -> problems.add(where + ": input " + p + " is not declared by " + args.getSimpleName()));
        var requiredDeclared = Inputs.of(args).stream().filter(Inputs.Input::required).map(Inputs.Input::name).sorted().toList();
        var requiredInSchema = new TreeSet<String>();
        Optional.ofNullable(required).ifPresent(r -> r.forEach(e -> requiredInSchema.add(e.getAsString())));
        if (!List.copyOf(requiredInSchema).equals(requiredDeclared)) {
            problems.add(where + ": required inputs " + requiredInSchema + ", declared " + requiredDeclared);
        }
    }

    /** A schema property's type in words: {@code string}, {@code array of ref Route}, {@code object of string}. */
    private static String typeOf(JsonObject property) {
        if (property.has("$ref")) {
            var ref = property.get("$ref").getAsString();
            return "ref " + ref.substring(ref.lastIndexOf(':') + 1);
        }
        var type = property.get("type").getAsString();
        if (property.has("items")) {
            return type + " of " + typeOf(property.getAsJsonObject("items"));
        }
        return property.has("additionalProperties") ? type + " of " + typeOf(property.getAsJsonObject("additionalProperties")) : type;
    }

    /** A declared input's type in the same words. */
    private static String expected(Type type) {
        if (type instanceof ParameterizedType p) {
            var raw = p.getRawType().getTypeName();
            var last = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
            return switch (raw) {
                case "com.pulumi.core.Output" -> expected(last);
                case "java.util.List" -> "array of " + expected(last);
                case "java.util.Map" -> "object of " + expected(last);
                default -> type.getTypeName();
            };
        }
        var c = (Class<?>) type;
        if (DeclaredArgs.class.isAssignableFrom(c)) {
            return "ref " + c.getSimpleName();
        }
        return c == Integer.class ? "integer" : c == Boolean.class ? "boolean" : c == String.class ? "string" : c.getName();
    }
}
