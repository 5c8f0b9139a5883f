package io.containerplatform.plan.changes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The input paths that differ between two versions of a resource's inputs: dot-separated, list indexes dropped. */
final class InputDiff {

    private InputDiff() {
    }

    /** Every leaf path whose value differs (present on one side only included), sorted. */
    static Set<String> changedPaths(JsonObject base, JsonObject head) {
        var before = leaves(base);
        var after = leaves(head);
        var changed = new TreeSet<String>();
        for (var key : union(before.keySet(), after.keySet())) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changed.add(key.replaceAll("\\[\\d+]", ""));
            }
        }
        return changed;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, JsonElement> leaves(JsonObject inputs) {
        var out = new HashMap<String, JsonElement>();
        inputs.entrySet().forEach(e -> collect(e.getKey(), e.getValue(), out));
        return out;
    }

    private static void collect(String path, JsonElement value, Map<String, JsonElement> out) {
        if (value.isJsonObject() && !value.getAsJsonObject().isEmpty()) {
            value.getAsJsonObject().entrySet().forEach(e -> collect(path + "." + e.getKey(), e.getValue(), out));
        } else if (value.isJsonArray() && !value.getAsJsonArray().isEmpty()) {
            var array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                collect(path + "[" + i + "]", array.get(i), out);
            }
        } else {
            out.put(path, value);
        }
    }
}
