package io.containerplatform.components.args;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Args (and the declared input types they hold) keep to the declared pattern: every field a declared input with a description, a builder
 * setter and a getter named like each input, a builder starting from other Args.
 */
class ArgsPatternTest {

    @ParameterizedTest
    @MethodSource("io.containerplatform.components.args.LibraryArgs#all")
    void everyInputIsDeclaredDescribedAndHasASetterAndAGetterOfItsName(Class<?> args) throws Exception {
        assertThat(DeclaredArgs.class).isAssignableFrom(args);
        var builder = Class.forName(args.getName() + "$Builder");
        var setters = Arrays.stream(builder.getMethods()).map(java.lang.reflect.Method::getName).toList();
        var getters = Arrays.stream(args.getMethods()).filter(m -> m.getParameterCount() == 0).map(java.lang.reflect.Method::getName).toList();
        assertThat(Inputs.of(args)).isNotEmpty().allSatisfy(input -> {
            assertThat(input.description()).describedAs(input.name()).isNotBlank();
            assertThat(setters).describedAs("%s.Builder", args.getSimpleName()).contains(input.methodName());
            assertThat(getters).describedAs(args.getSimpleName()).contains(input.methodName());
        });
        assertThat(args.getMethod("builder", args).getReturnType()).isEqualTo(builder);
    }
}
