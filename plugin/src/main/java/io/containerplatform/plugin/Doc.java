package io.containerplatform.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The description, in the package schema (and so in every generated SDK), of a plugin component (on its class) or of
 * one of its outputs (on its {@code @Export} field). Inputs are described by their {@code @InputSpec}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Doc {

    /** The description. */
    String value();
}
