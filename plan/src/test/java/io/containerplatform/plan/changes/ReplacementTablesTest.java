package io.containerplatform.plan.changes;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.annotations.Import;
import io.containerplatform.plan.PlanResource;
import io.containerplatform.plan.StackPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
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

    /**
     * The table is read from an older terraform-provider-aws tree than the release pulumi-aws 6.83.0 bridges: each input
     * of the pinned SDK (generated from that release) is in its row, whose ForceNew status comes from the tree or a later
     * file named in the script, or is listed in the table's {@code unverifiedInputs}, whose status no stored source gives.
     */
    @Test
    void everyInputOfThePinnedSdkIsInItsRowOrListedUnverified() throws Exception {
        JsonObject table;
        try (var in = ReplacementTables.class.getResourceAsStream("aws-6.83.0.json")) {
            table = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        var unverified = table.getAsJsonObject("source").getAsJsonObject("unverifiedInputs");
        var unknown = new ArrayList<String>();
        for (var type : TABLES.awsTypes()) {
            var terraform = table.getAsJsonObject("resources").getAsJsonObject(type).get("terraform").getAsString();
            var known = new ArrayList<>(TABLES.awsInputs(type));
            if (unverified.has(terraform)) {
                unverified.getAsJsonArray(terraform).forEach(e -> known.add(e.getAsString()));
            }
            var token = type.split(":");
            for (Field f : Class.forName("com.pulumi.aws." + token[1].split("/")[0] + "." + token[2] + "Args").getDeclaredFields()) {
                var imported = f.getAnnotation(Import.class);
                if (imported != null && !known.contains(imported.name())) {
                    unknown.add(type + " " + imported.name());
                }
            }
        }
        assertThat(unknown).describedAs("inputs of the pinned SDK neither in their row nor listed unverified").isEmpty();
    }

    /**
     * The inputs whose status no stored source gives: only pulumi-aws's deprecated {@code name} alias of {@code dbName}
     * (tools/replacements/generate.py LATER_INPUTS says why). A new entry here is a classification made without evidence.
     */
    @Test
    void onlyTheDeprecatedDatabaseNameIsUnverified() throws Exception {
        try (var in = ReplacementTables.class.getResourceAsStream("aws-6.83.0.json")) {
            var unverified = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject("source").getAsJsonObject("unverifiedInputs");
            assertThat(unverified.toString()).isEqualTo("{\"aws_db_instance\":[\"name\"]}");
        }
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
