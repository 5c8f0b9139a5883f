package io.containerplatform.plugin;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import com.pulumi.resources.ComponentResource;
import io.containerplatform.components.args.Inputs;

import java.lang.reflect.ParameterizedType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's component provider over this package, whose schema also says what each component, input and output is:
 * the SDK's analyzer (1.36.1) writes types but no descriptions, so generated SDKs would have no documentation. Each
 * input's description is its declaration ({@code @InputSpec}: what it is, what is allowed, its default); each
 * component's and output's is its {@link Doc}. It builds components as the SDK's provider does, with map inputs
 * deserialized by hand ({@link #construct}).
 */
final class DescribedComponentProvider extends ComponentProvider {

    DescribedComponentProvider() {
        super(new Metadata(App.PACKAGE), App.class.getPackage());
    }

    @Override
    public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
        return super.getSchema(request).thenApply(response -> new GetSchemaResponse(describe(response.getSchema())));
    }

    /**
     * Builds the component from the inputs it was sent, as the SDK's provider does, except for two kinds of inputs the
     * SDK's deserializer (1.36.1) gets wrong: maps (it drops a map's value type, so a map of strings fails with
     * "Unsupported type for deserialization: STRING to java.lang.Object") and inputs declared by the Args' superclass
     * ({@code ServiceArgs}: it sets only the class's own fields, though the schema it generates has them all). Those
     * are taken out, the SDK deserializes the rest, and each is set here ({@link #valueOf}).
     */
    @Override
    public CompletableFuture<ConstructResponse> construct(ConstructRequest request) {
        var constructor = componentClass(request.getType()).getDeclaredConstructors()[0];
        var argsClass = constructor.getParameterTypes()[1];
        var inputs = new HashMap<>(request.getInputs());
        var byHand = new HashMap<Inputs.Input, PropertyValue>();
        Inputs.of(argsClass).stream().filter(i -> (i.field().getType() == Map.class || i.field().getDeclaringClass() != argsClass)
                && inputs.containsKey(i.name())).forEach(i -> byHand.put(i, inputs.remove(i.name())));
        var args = PropertyValueSerializer.deserialize(PropertyValue.of(inputs), argsClass);
        byHand.forEach((input, value) -> input.setIn(args, valueOf(input, value)));
        ComponentResource component;
        try {
            component = (ComponentResource) constructor.newInstance(request.getName(), args, request.getOptions());
        } catch (ReflectiveOperationException e) {
            throw new RuntimeException("Failed to construct component: " + request.getType(), e);
        }
        var state = PropertyValueSerializer.stateFromComponentResource(component);
        return Internal.of(component.urn()).getValueNullable().thenApply(urn -> new ConstructResponse(urn, state, new HashMap<>()));
    }

    /**
     * The value of {@code input} from what was sent: a map from its entries, a list from its elements, anything else
     * by the SDK as its declared class (a string, a number, a declared input type).
     */
    private static Object valueOf(Inputs.Input input, PropertyValue value) {
        var type = input.field().getType();
        if (type == Map.class) {
            return entries(input, value);
        }
        if (type == List.class) {
            var element = (Class<?>) Inputs.elementType(input.type());
            return plain(value).getArrayValue().stream().map(e -> PropertyValueSerializer.deserialize(e, element)).toList();
        }
        return PropertyValueSerializer.deserialize(value, type);
    }

    private static Map<String, Object> entries(Inputs.Input input, PropertyValue map) {
        var outputs = ((ParameterizedType) input.type()).getActualTypeArguments()[1] instanceof ParameterizedType p && p.getRawType() == Output.class;
        var secretMap = isSecret(map);
        var result = new TreeMap<String, Object>();
        plain(map).getObjectValue().forEach((key, value) -> {
            var text = plain(value);
            if (text.getType() != PropertyValue.ValueType.STRING) {
                throw new IllegalArgumentException(input.name() + "." + key + ": " + text.getType() + " is not a string");
            }
            var secret = secretMap || isSecret(value);
            result.put(key, !outputs ? text.getStringValue() : secret ? Output.ofSecret(text.getStringValue()) : Output.of(text.getStringValue()));
        });
        return result;
    }

    private static boolean isSecret(PropertyValue value) {
        return value.getType() == PropertyValue.ValueType.SECRET
                || value.getType() == PropertyValue.ValueType.OUTPUT && isSecret(value.getOutputValue().getValue());
    }

    /** The value inside secret and output wrappers. */
    private static PropertyValue plain(PropertyValue value) {
        return switch (value.getType()) {
            case SECRET -> plain(value.getSecretValue());
            case OUTPUT -> plain(value.getOutputValue().getValue());
            default -> value;
        };
    }

    /** {@code schema} (the SDK's JSON) with a description on every component, input, output and input type property. */
    static String describe(String schema) {
        var json = JsonParser.parseString(schema).getAsJsonObject();
        for (var resource : json.getAsJsonObject("resources").entrySet()) {
            var component = componentClass(resource.getKey());
            var spec = resource.getValue().getAsJsonObject();
            spec.addProperty("description", doc(component.getAnnotation(Doc.class), component.getSimpleName()));
            describeInputs(json, spec.getAsJsonObject("inputProperties"), component.getDeclaredConstructors()[0].getParameterTypes()[1]);
            Exports.fields(component).forEach(f -> spec.getAsJsonObject("properties").getAsJsonObject(Exports.name(f))
                    .addProperty("description", doc(f.getAnnotation(Doc.class), component.getSimpleName() + "." + f.getName())));
        }
        return new GsonBuilder().setPrettyPrinting().create().toJson(json);
    }

    /** Sets each input's description from its declaration, and those of the declared input types it holds (a node group's taints). */
    private static void describeInputs(JsonObject schema, JsonObject properties, Class<?> args) {
        for (var input : Inputs.of(args)) {
            properties.getAsJsonObject(input.name()).addProperty("description", input.sentences());
            Inputs.declaredType(input).ifPresent(type -> describeInputs(schema, schema.getAsJsonObject("types")
                    .getAsJsonObject(App.PACKAGE + ":index:" + type.getSimpleName().replaceFirst("Args$", "")).getAsJsonObject("properties"), type));
        }
    }

    private static Class<?> componentClass(String token) {
        try {
            return Class.forName(App.class.getPackageName() + "." + token.substring(token.lastIndexOf(':') + 1));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(token + " is in the schema but not a class of " + App.class.getPackageName(), e);
        }
    }

    private static String doc(Doc doc, String where) {
        if (doc == null) {
            throw new IllegalStateException(where + " has no @Doc: the schema would leave it undescribed");
        }
        return doc.value();
    }
}
