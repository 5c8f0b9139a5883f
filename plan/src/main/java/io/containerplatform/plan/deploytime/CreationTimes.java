package io.containerplatform.plan.deploytime;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.containerplatform.plan.PlanResource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a resource typically takes to create, by type ({@code creation-times.json} next to this class, each
 * figure with its source). Components and providers take no time of their own.
 *
 * @param seconds           seconds by type; {@code aws:rds/instance:Instance#multiAz} for Multi-AZ databases
 * @param defaultSeconds    an AWS resource of a type not listed (an API call)
 * @param kubernetesSeconds a Kubernetes object of a type not listed
 */
public record CreationTimes(Map<String, Double> seconds, double defaultSeconds, double kubernetesSeconds) {

    /** The vendored table. */
    public static CreationTimes typical() {
        try (var in = CreationTimes.class.getResourceAsStream("creation-times.json")) {
            if (in == null) {
                throw new IllegalStateException("creation-times.json is missing from the build");
            }
            JsonObject doc = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            var seconds = new LinkedHashMap<String, Double>();
            doc.getAsJsonArray("times").forEach(t -> seconds.put(t.getAsJsonObject().get("type").getAsString(),
                    t.getAsJsonObject().get("seconds").getAsDouble()));
            return new CreationTimes(Map.copyOf(seconds), doc.get("defaultSeconds").getAsDouble(), doc.get("kubernetesDefaultSeconds").getAsDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The time {@code r} takes to create. */
    public double of(PlanResource r) {
        if (!r.custom() || r.type().startsWith("pulumi:providers:")) {
            return 0;
        }
        if (r.type().equals("aws:rds/instance:Instance") && Boolean.parseBoolean(String.valueOf(r.inputs().get("multiAz")))) {
            return seconds.getOrDefault(r.type() + "#multiAz", defaultSeconds);
        }
        if (r.type().equals("aws:ec2/vpcEndpoint:VpcEndpoint") && !"Interface".equals(r.inputs().get("vpcEndpointType"))) {
            return defaultSeconds;
        }
        return seconds.getOrDefault(r.type(), r.type().startsWith("kubernetes:") ? kubernetesSeconds : defaultSeconds);
    }
}
