package io.containerplatform.components.args;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The declaration of one input of a component's Args, on its field. With Pulumi's {@code @Import} (the input's
 * name, and whether it is required) and the field's type and initial value (its default), it is all there is to
 * know about the input: the Args check their values against it ({@link DeclaredArgs#problems()}), the program reads
 * stack config through it, the README's config reference and the package schema's descriptions are compared with
 * it. Nothing restates what it says.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InputSpec {

    /** What the input is, in a sentence or more. */
    String value();

    /** The smallest value of an integer input; default no bound. */
    long min() default Long.MIN_VALUE;

    /** The largest value of an integer input; default no bound. */
    long max() default Long.MAX_VALUE;

    /** The only values a string input (or each string of a list input) may take; default any. */
    String[] oneOf() default {};

    /** The format the value (each element of a list, each key of a map) must have; default any. */
    Format format() default Format.ANY;

    /**
     * What is allowed, in words, when {@link #min()}, {@link #max()} and {@link #oneOf()} cannot say it (a format, a
     * rule across inputs); the Args' own rules check it. Default: said by those bounds.
     */
    String allowed() default "";

    /**
     * The default in words, when it is not a constant: e.g. {@code desiredCount}, or what the component does without
     * the input. Default: the field's initial value.
     */
    String defaultText() default "";
}
