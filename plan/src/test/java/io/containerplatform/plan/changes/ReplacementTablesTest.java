package io.containerplatform.plan.changes;

import com.pulumi.core.annotations.Import;
import io.containerplatform.plan.PlanResource;
import io.containerplatform.plan.StackPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendored tables cover every type the stacks use, and name inputs as the pinned SDK does. */
class ReplacementTablesTest {

    private static final ReplacementTables TABLES = ReplacementTables.pinned();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTypeOfTheStackHasARow(String stack) {
        var missing = StackPlans.of(stack).customResources().stream().map(PlanResource::type)
                .filter(t -> !t.startsWith("pulumi:providers:")).distinct().filter(t -> TABLES.of(t).isEmpty()).toList();
        assertThat(missing).describedAs("types of stack %s without a row in the replacement tables", stack).isEmpty();
    }

    /** An input the table's provider version predates would be classified as updatable without evidence. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyInputTheStackSetsIsInItsRow(String stack) {
        var unknown = StackPlans.of(stack).customResources().stream().filter(r -> r.type().startsWith("aws:"))
                .flatMap(r -> r.inputs().keySet().stream().filter(k -> !TABLES.awsInputs(r.type()).contains(k)).map(k -> r.type() + " " + k))
                .distinct().toList();
        assertThat(unknown).describedAs("inputs of stack %s the replacement table does not know", stack).isEmpty();
    }

    @Test
    void aTypeWithoutARowIsReported() {
        assertThat(TABLES.of("aws:sqs/queue:Queue")).isEmpty();
    }

    /** Each replace-only path and auto-named input of each AWS row is an input of the pinned pulumi-aws Java SDK (camelCase, plurals, renames). */
    @Test
    void everyForceNewPathIsAnInputOfThePinnedSdk() throws Exception {
        var wrong = new ArrayList<String>();
        for (var type : TABLES.awsTypes()) {
            var token = type.split(":");
            var module = token[1].split("/")[0];
            Class<?> args = Class.forName("com.pulumi.aws." + module + "." + token[2] + "Args");
            var rule = TABLES.of(type).orElseThrow();
            var paths = new ArrayList<>(rule.forceNew());
            rule.autoName().ifPresent(paths::add);
            for (var path : paths) {
                Optional<Type> at = Optional.of(args);
                for (var segment : path.split("\\.")) {
                    at = at.flatMap(t -> input(t, segment));
                }
                if (at.isEmpty()) {
                    wrong.add(type + " " + path);
                }
            }
        }
        assertThat(wrong).describedAs("replace-only paths the SDK has no input for").isEmpty();
    }

    /** The type of the input called {@code name} of an Args class (Output, List and Optional unwrapped). */
    private static Optional<Type> input(Type owner, String name) {
        if (!(owner instanceof Class<?> c)) {
            return Optional.empty();
        }
        for (Field f : c.getDeclaredFields()) {
            var imported = f.getAnnotation(Import.class);
            if (imported != null && imported.name().equals(name)) {
                return Optional.of(unwrap(f.getGenericType()));
            }
        }
        return Optional.empty();
    }

    private static Type unwrap(Type type) {
        while (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            type = p.getActualTypeArguments()[0];
        }
        return type;
    }
}
