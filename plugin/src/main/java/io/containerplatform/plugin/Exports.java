package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs of the package's components: their {@code @Export} fields, which the schema, the construct response and
 * the component's registered outputs are all read from (so none of them can forget one).
 */
final class Exports {

    private Exports() {
    }

    /** The {@code @Export} fields of {@code component}, in declaration order. */
    static List<Field> fields(Class<?> component) {
        return Arrays.stream(component.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Export.class)).toList();
    }

    /** The output name of an {@code @Export} field. */
    static String name(Field field) {
        return field.getAnnotation(Export.class).name();
    }

    /** {@code component}'s outputs by name, once its {@code @Export} fields are set: what it registers. */
    static Map<String, Output<?>> of(ComponentResource component) {
        var outputs = new LinkedHashMap<String, Output<?>>();
        for (var field : fields(component.getClass())) {
            try {
                field.setAccessible(true);
                outputs.put(name(field), (Output<?>) field.get(component));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return outputs;
    }
}
