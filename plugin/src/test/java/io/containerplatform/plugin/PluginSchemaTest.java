package io.containerplatform.plugin;

import com.pulumi.core.annotations.Export;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import com.pulumi.provider.internal.schema.PackageSpec;
import com.pulumi.provider.internal.schema.TypeSpec;
import com.pulumi.resources.ComponentResource;
import io.containerplatform.components.args.Inputs;
import org.junit.jupiter.api.Test;
import org.reflections.Reflections;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package schema Pulumi generates SDKs from, made in-process as the plugin makes it: every component of the package
 * is there, with every input of its Args under its declared name, type and requiredness, and every output. The
 * schema has no descriptions (the SDK's 1.36.1 analyzer leaves them out); each input's description is its
 * {@code @InputSpec}, which {@code ArgsPatternTest} requires.
 */
class PluginSchemaTest {

    /** The component classes the plugin serves: those the provider finds, by the same scan. */
    static Set<Class<? extends ComponentResource>> components() {
        return new Reflections(App.class.getPackageName()).getSubTypesOf(ComponentResource.class);
    }

    static PackageSpec schema() {
        return ComponentAnalyzer.generateSchema(new Metadata(App.PACKAGE), components().toArray(new Class<?>[0]));
    }

    @Test
    void everyComponentEveryInputAndEveryOutputIsInTheSchema() {
        assertThat(components()).extracting(Class::getSimpleName).containsExactlyInAnyOrder("NetworkComponent", "ImageRepositories");
        var schema = schema();
        var problems = new ArrayList<String>();
        components().forEach(c -> problems.addAll(disagreements(schema, c, argsOf(c))));
        assertThat(problems).isEmpty();
        assertThat(schema.getResources()).containsOnlyKeys("containerplatform:index:NetworkComponent", "containerplatform:index:ImageRepositories");
    }

    @Test
    void theComparisonCanFail() {
        assertThat(disagreements(schema(), ImageRepositories.class, io.containerplatform.components.network.NetworkArgs.class))
                .contains("ImageRepositories: no input cidr", "ImageRepositories: input prefix is not declared by NetworkArgs",
                        "ImageRepositories: required inputs [images, prefix], declared [cidr]");
    }

    static Class<?> argsOf(Class<?> component) {
        var constructors = component.getDeclaredConstructors();
        assertThat(constructors).describedAs("%s: Pulumi constructs a component through its only constructor", component).hasSize(1);
        return constructors[0].getParameterTypes()[1];
    }

    /** Where the schema of {@code component} and the declarations of {@code args} disagree. */
    static List<String> disagreements(PackageSpec schema, Class<?> component, Class<?> args) {
        var name = component.getSimpleName();
        var resource = schema.getResources().get(App.PACKAGE + ":index:" + name);
        if (resource == null) {
            return List.of(name + ": not in the schema");
        }
        var problems = new ArrayList<String>();
        var properties = resource.getInputProperties();
        for (var input : Inputs.of(args)) {
            var property = properties.get(input.name());
            if (property == null) {
                problems.add(name + ": no input " + input.name());
            } else if (!typeOf(property).equals(expected(input.type()))) {
                problems.add(name + ": input " + input.name() + " is " + typeOf(property) + ", declared " + expected(input.type()));
            }
        }
        var declared = Inputs.of(args).stream().map(Inputs.Input::name).collect(Collectors.toSet());
        properties.keySet().stream().filter(p -> !declared.contains(p)).sorted()
                .forEach(p -> problems.add(name + ": input " + p + " is not declared by " + args.getSimpleName()));
        var required = Inputs.of(args).stream().filter(Inputs.Input::required).map(Inputs.Input::name).sorted().toList();
        var schemaRequired = resource.getRequiredInputs().stream().sorted().toList();
        if (!schemaRequired.equals(required)) {
            problems.add(name + ": required inputs " + schemaRequired + ", declared " + required);
        }
        Arrays.stream(component.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Export.class))
                .map(f -> f.getAnnotation(Export.class).name()).filter(o -> !resource.getProperties().containsKey(o))
                .forEach(o -> problems.add(name + ": no output " + o));
        return problems;
    }

    private static String typeOf(TypeSpec type) {
        if (type.getItems() != null) {
            return type.getType() + " of " + typeOf(type.getItems());
        }
        if (type.getAdditionalProperties() != null) {
            return type.getType() + " of " + typeOf(type.getAdditionalProperties());
        }
        return type.getType();
    }

    private static String expected(Type type) {
        var name = type.getTypeName();
        var plain = name.startsWith("com.pulumi.core.Output<") ? name.substring("com.pulumi.core.Output<".length(), name.length() - 1) : name;
        return switch (plain) {
            case "java.lang.Integer" -> "integer";
            case "java.lang.Boolean" -> "boolean";
            case "java.lang.String" -> "string";
            case "java.util.List<java.lang.String>" -> "array of string";
            case "java.util.Map<java.lang.String, java.lang.String>" -> "object of string";
            default -> type.getTypeName();
        };
    }
}
