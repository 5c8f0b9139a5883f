package io.containerplatform.plan.changes;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The providers' own replacement tables at the versions we pin, vendored under {@code changes/} by
 * {@code tools/replacements/generate.py}: for each AWS type the inputs terraform-provider-aws marks {@code ForceNew}
 * and the input pulumi-aws auto-names; for each Kubernetes kind the fields pulumi-kubernetes 4.0.0 replaces on.
 */
public final class ReplacementTables {

    /** How one type is replaced.
     *
     * @param forceNew  input paths (dot-separated, list indexes dropped) whose change replaces the resource
     * @param autoName  the input the provider names itself when the program leaves it out (AWS); empty when none
     * @param kubernetes whether pulumi-kubernetes diffs it (its delete-before-replace rule differs from the bridge's)
     * @param helmRelease whether it is a Helm {@code Release} (never deleted before its replacement)
     */
    public record Rule(List<String> forceNew, Optional<String> autoName, boolean kubernetes, boolean helmRelease) {
    }

    private final JsonObject aws;
    private final JsonObject kubernetes;

    private ReplacementTables(JsonObject aws, JsonObject kubernetes) {
        this.aws = aws;
        this.kubernetes = kubernetes;
    }

    /** The tables shipped with the plan. */
    public static ReplacementTables pinned() {
        return new ReplacementTables(read("aws-6.83.0.json"), read("kubernetes-4.0.0.json"));
    }

    private static JsonObject read(String name) {
        try (var in = ReplacementTables.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing replacement table " + name);
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule of {@code type}; empty when neither table has a row for it (a type the program does not use yet). */
    public Optional<Rule> of(String type) {
        if (type.startsWith("aws:")) {
            var row = aws.getAsJsonObject("resources").getAsJsonObject(type);
            if (row == null) {
                return Optional.empty();
            }
            var autoName = row.get("autoName");
            return Optional.of(new Rule(strings(row.getAsJsonArray("forceNew")),
                    autoName.isJsonNull() ? Optional.empty() : Optional.of(autoName.getAsString()), false, false));
        }
        if (!type.startsWith("kubernetes:")) {
            return Optional.empty();
        }
        var release = kubernetes.getAsJsonObject("helmRelease");
        if (release.get("type").getAsString().equals(type)) {
            return Optional.of(new Rule(strings(release.getAsJsonArray("replaceOn")), Optional.empty(), true, true));
        }
        var fields = new ArrayList<>(strings(kubernetes.getAsJsonArray("everyKind")));
        var kind = kubernetes.getAsJsonObject("kinds").getAsJsonArray(type);
        if (kind != null) {
            fields.addAll(strings(kind));
        } else if (type.equals("kubernetes:core/v1:ConfigMap")) {
            fields.addAll(strings(kubernetes.getAsJsonArray("configMap")));
        }
        return Optional.of(new Rule(fields.stream().map(ReplacementTables::path).toList(), Optional.empty(), true, false));
    }

    /** The AWS types the table has a row for. */
    public Set<String> awsTypes() {
        return aws.getAsJsonObject("resources").keySet();
    }

    /** The top-level inputs the AWS table knows for {@code type}: an input it does not know is one its provider version predates. */
    public List<String> awsInputs(String type) {
        return strings(aws.getAsJsonObject("resources").getAsJsonObject(type).getAsJsonArray("inputs"));
    }

    /** {@code .spec.containers[*].image} as the preview writes paths: {@code spec.containers.image}. */
    private static String path(String field) {
        return field.replace("[*]", "").replaceFirst("^\\.", "");
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }
}
