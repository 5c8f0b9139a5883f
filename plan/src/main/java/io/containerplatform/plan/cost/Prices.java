package io.containerplatform.plan.cost;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The vendored price table ({@code prices.json} next to this class): On-Demand list prices per region, with the
 * date they were read and the AWS pricing pages they were read from.
 *
 * @param readOn        when the prices were read
 * @param hoursPerMonth the hours a month has for monthly figures (AWS's own convention, 730)
 * @param region        the region of these prices
 * @param table         that region's prices
 */
public record Prices(String readOn, double hoursPerMonth, String region, JsonObject table) {

    private static final JsonObject ALL = load();

    /** The prices of {@code region}; empty when the table has none for it. */
    public static Optional<Prices> of(String region) {
        var regions = ALL.getAsJsonObject("regions");
        if (region == null || !regions.has(region)) {
            return Optional.empty();
        }
        return Optional.of(new Prices(ALL.get("readOn").getAsString(), ALL.get("hoursPerMonth").getAsDouble(), region,
                regions.getAsJsonObject(region)));
    }

    /** The regions the table prices. */
    public static List<String> regions() {
        return ALL.getAsJsonObject("regions").keySet().stream().sorted().toList();
    }

    /** The price {@code key} of {@code group} (null for a top-level price); empty when the table has none. */
    Optional<Double> price(String group, String key) {
        JsonElement value = group == null ? table.get(key) : Optional.ofNullable(table.getAsJsonObject(group)).map(g -> g.get(key)).orElse(null);
        return Optional.ofNullable(value).map(JsonElement::getAsDouble);
    }

    /** The vCPUs of an RDS instance class ({@code rdsVcpus}, the same in every region); empty when the table has none. */
    Optional<Integer> vcpus(String instanceClass) {
        return Optional.ofNullable(ALL.getAsJsonObject("rdsVcpus").get(instanceClass)).map(JsonElement::getAsInt);
    }

    /** A price the table must have in every region (a missing one is a defect of the table, caught by its test). */
    double required(String group, String key) {
        return price(group, key).orElseThrow(() -> new IllegalStateException("prices.json has no " + (group == null ? "" : group + ".") + key + " for " + region));
    }

    private static JsonObject load() {
        try (var in = Prices.class.getResourceAsStream("prices.json")) {
            if (in == null) {
                throw new IllegalStateException("prices.json is missing from the build");
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
