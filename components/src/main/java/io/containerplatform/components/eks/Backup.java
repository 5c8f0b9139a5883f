package io.containerplatform.components.eks;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.Optional;

/**
 * The daily AWS Backup of an {@link EksPlatformComponent}'s persistent volumes. A declared input type: each field is
 * one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class Backup extends DeclaredArgs {

    @Import(name = "retentionDays")
    @InputSpec(value = "Days each recovery point is kept", min = 1, max = 36500)
    private Integer retentionDays = 7;

    @Import(name = "copyToRegion")
    @InputSpec(value = "A second region the recovery points are copied to", format = Format.AWS_REGION,
            allowed = "an AWS region such as eu-west-1, other than the stack's", defaultText = "none (no copy)")
    private String copyToRegion;

    public int retentionDays() { return retentionDays; }
    public Optional<String> copyToRegion() { return Optional.ofNullable(copyToRegion); }

    public static Builder builder() { return new Builder(new Backup()); }
    public static Builder builder(Backup from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link Backup}. */
    public static final class Builder {
        private final Backup $;

        private Builder(Backup start) { $ = start; }

        /**
         * Days each recovery point is kept. Allowed: 1 to 36500. Default: 7.
         */
        public Builder retentionDays(Integer v) { $.retentionDays = v; return this; }

        /**
         * A second region the recovery points are copied to. Allowed: an AWS region such as eu-west-1, other than the
         * stack's. Default: none (no copy).
         */
        public Builder copyToRegion(String v) { $.copyToRegion = v; return this; }

        /** The backup as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public Backup build() { return $.validated(); }
    }
}
