package io.containerplatform.components.fargate;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

/**
 * Arguments of {@link FargateCluster}: each field is one declared input ({@link InputSpec}). Build with
 * {@link #builder()}; {@code build()} returns an unmodifiable copy, checked, or fails naming every problem.
 */
public final class FargateClusterArgs extends DeclaredArgs {

    @Import(name = "containerInsights")
    @InputSpec("Whether CloudWatch Container Insights collects the cluster's task and service metrics (billed as custom metrics)")
    private Boolean containerInsights = true;

    public boolean containerInsights() { return containerInsights; }

    public static Builder builder() { return new Builder(new FargateClusterArgs()); }
    public static Builder builder(FargateClusterArgs from) { return new Builder(Inputs.copyOf(from)); }

    /** Builder of {@link FargateClusterArgs}: one setter per input, named like it. */
    public static final class Builder {
        private final FargateClusterArgs $;

        private Builder(FargateClusterArgs start) { $ = start; }

        /**
         * Whether CloudWatch Container Insights collects the cluster's task and service metrics (billed as custom
         * metrics). Default: true.
         */
        public Builder containerInsights(boolean v) { $.containerInsights = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public FargateClusterArgs build() { return $.validated(); }
    }
}
