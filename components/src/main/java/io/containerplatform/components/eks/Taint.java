package io.containerplatform.components.eks;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

/**
 * A Kubernetes taint on the nodes of a {@link NodeGroupSpec}. A declared input type: each field is one input
 * ({@link InputSpec}); build with {@link #builder()}.
 */
public final class Taint extends DeclaredArgs {

    @Import(name = "key", required = true)
    @InputSpec("The taint's key")
    private String key;

    @Import(name = "value")
    @InputSpec(value = "The taint's value", defaultText = "none")
    private String value;

    @Import(name = "effect")
    @InputSpec(value = "What the taint does to pods that do not tolerate it, as EKS spells it",
            oneOf = {"NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"})
    private String effect = "NO_SCHEDULE";

    public String key() { return key; }
    public String value() { return value; }
    public String effect() { return effect; }

    public static Builder builder() { return new Builder(new Taint()); }
    public static Builder builder(Taint from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link Taint}. */
    public static final class Builder {
        private final Taint $;

        private Builder(Taint start) { $ = start; }

        /**
         * The taint's key.
         */
        public Builder key(String v) { $.key = v; return this; }

        /**
         * The taint's value. Default: none.
         */
        public Builder value(String v) { $.value = v; return this; }

        /**
         * What the taint does to pods that do not tolerate it, as EKS spells it. Allowed: one of NO_SCHEDULE,
         * NO_EXECUTE, PREFER_NO_SCHEDULE. Default: NO_SCHEDULE.
         */
        public Builder effect(String v) { $.effect = v; return this; }

        /** The taint as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public Taint build() { return $.validated(); }
    }
}
