package io.containerplatform.plan.cost;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lenient reads of a plan resource's inputs: numbers and booleans may be recorded as strings. */
record Inputs(Map<String, Object> values) {

    Optional<Object> get(String path) {
        Object current = values;
        for (var key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    String string(String path, String fallback) {
        return get(path).map(String::valueOf).orElse(fallback);
    }

    double number(String path, double fallback) {
        return get(path).map(v -> v instanceof Number n ? n.doubleValue() : parse(String.valueOf(v), fallback)).orElse(fallback);
    }

    boolean bool(String path) {
        return get(path).map(v -> Boolean.parseBoolean(String.valueOf(v))).orElse(false);
    }

    List<?> list(String path) {
        return get(path).filter(List.class::isInstance).map(List.class::cast).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String path) {
        return list(path).stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    private static double parse(String text, double fallback) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
