package io.containerplatform.components.common;

import java.util.List;

/** The checks Args builders share; each records a message naming {@code Class.field}. */
public final class ArgChecks {

    private ArgChecks() {
    }

    /** Records {@code <field>: <value> is outside <min> to <max>} unless {@code min <= value <= max}. */
    public static void range(List<String> errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(field + ": " + value + " is outside " + min + " to " + max);
        }
    }

    /** Records {@code <field> is required} when {@code value} is null. */
    public static void required(List<String> errors, String field, Object value) {
        if (value == null) {
            errors.add(field + " is required");
        }
    }
}
