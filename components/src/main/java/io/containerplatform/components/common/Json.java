package io.containerplatform.components.common;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON documents built from data, with a stable key order: {@code Map.of} iterates in an order that changes
 * between JVM runs, which would make every {@code pulumi up} see a changed policy or task definition.
 */
public final class Json {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    /** An object with the given keys and values, in that order: {@code obj("a", 1, "b", 2)}. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("obj takes key/value pairs");
        }
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** {@code value} as compact JSON. */
    public static String write(Object value) {
        return GSON.toJson(value);
    }
}
