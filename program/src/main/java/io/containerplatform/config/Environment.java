package io.containerplatform.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The kind of stack: decides defaults (sizes, redundancy, protection). */
public enum Environment {
    DEV, STAGING, PROD;

    /** Config spelling to value: {@code dev}, {@code staging}, {@code prod}. */
    public static final Map<String, Environment> CHOICES;

    static {
        var choices = new LinkedHashMap<String, Environment>();
        for (var e : values()) {
            choices.put(e.configValue(), e);
        }
        CHOICES = java.util.Collections.unmodifiableMap(choices);
    }

    /** The spelling used in config and in the {@code Environment} tag. */
    public String configValue() {
        return name().toLowerCase();
    }

    /** True for production: stateful resources protected, redundancy on. */
    public boolean isProd() {
        return this == PROD;
    }
}
