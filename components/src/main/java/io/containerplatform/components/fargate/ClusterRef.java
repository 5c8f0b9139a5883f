package io.containerplatform.components.fargate;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

/**
 * An ECS cluster a Fargate service runs in: {@link FargateCluster#ref()}, or {@link #of} for a cluster made elsewhere. A
 * declared input type: each field is one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class ClusterRef extends DeclaredArgs {

    @Import(name = "arn", required = true)
    @InputSpec("The cluster's ARN")
    private Output<String> arn;

    @Import(name = "name", required = true)
    @InputSpec("The cluster's name (the CloudWatch dimension ClusterName)")
    private Output<String> name;

    public Output<String> arn() { return arn; }
    public Output<String> name() { return name; }

    /** The cluster of ARN {@code arn} and name {@code name}. */
    public static ClusterRef of(Output<String> arn, Output<String> name) {
        return builder().arn(arn).name(name).build();
    }

    public static Builder builder() { return new Builder(new ClusterRef()); }
    public static Builder builder(ClusterRef from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link ClusterRef}. */
    public static final class Builder {
        private final ClusterRef $;

        private Builder(ClusterRef start) { $ = start; }

        /**
         * The cluster's ARN.
         */
        public Builder arn(Output<String> v) { $.arn = v; return this; }

        /**
         * The cluster's name (the CloudWatch dimension ClusterName).
         */
        public Builder name(Output<String> v) { $.name = v; return this; }

        /** The cluster as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public ClusterRef build() { return $.validated(); }
    }
}
