package io.containerplatform.plugin;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** One output value per name, as one map output: what a component exports for its images, routes, ... */
final class ByName {

    private ByName() {
    }

    /** {@code name -> value(name)} for each of {@code names}, known once every value is. */
    static Output<Map<String, String>> of(List<String> names, Function<String, Output<String>> value) {
        return Output.all(names.stream().map(value).toList()).applyValue(values -> {
            var byName = new TreeMap<String, String>();
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), values.get(i));
            }
            return (Map<String, String>) byName;
        });
    }
}
