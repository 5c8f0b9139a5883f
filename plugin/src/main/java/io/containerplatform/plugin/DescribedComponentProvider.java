package io.containerplatform.plugin;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.annotations.Export;
import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import io.containerplatform.components.args.Inputs;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's component provider over this package, whose schema also says what each component, input and output is:
 * the SDK's analyzer (1.36.1) writes types but no descriptions, so generated SDKs would have no documentation. Each
 * input's description is its declaration ({@code @InputSpec}: what it is, what is allowed, its default); each
 * component's and output's is its {@link Doc}.
 */
final class DescribedComponentProvider extends ComponentProvider {

    DescribedComponentProvider() {
        super(new Metadata(App.PACKAGE), App.class.getPackage());
    }

    @Override
    public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
        return super.getSchema(request).thenApply(response -> new GetSchemaResponse(describe(response.getSchema())));
    }

    /** {@code schema} (the SDK's JSON) with a description on every component, input, output and input type property. */
    static String describe(String schema) {
        var json = JsonParser.parseString(schema).getAsJsonObject();
        for (var resource : json.getAsJsonObject("resources").entrySet()) {
            var component = componentClass(resource.getKey());
            var spec = resource.getValue().getAsJsonObject();
            spec.addProperty("description", doc(component.getAnnotation(Doc.class), component.getSimpleName()));
            describeInputs(json, spec.getAsJsonObject("inputProperties"), component.getDeclaredConstructors()[0].getParameterTypes()[1]);
            Arrays.stream(component.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Export.class)).forEach(f ->
                    spec.getAsJsonObject("properties").getAsJsonObject(f.getAnnotation(Export.class).name())
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
