package io.containerplatform.components.loadbalancing;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

/**
 * The two target groups of a blue/green route and the listener whose rule CodeDeploy shifts between them
 * ({@link LoadBalancerTarget#blueGreen()}). A declared input type: each field is one input ({@link InputSpec}); build
 * with {@link #builder()}.
 */
public final class BlueGreenTarget extends DeclaredArgs {

    @Import(name = "blueTargetGroupName", required = true)
    @InputSpec("The target group the service starts on (its targetGroupArn)")
    private Output<String> blueTargetGroupName;

    @Import(name = "greenTargetGroupName", required = true)
    @InputSpec("The other target group, where each deployment's replacement tasks register")
    private Output<String> greenTargetGroupName;

    @Import(name = "greenTargetGroupArnSuffix", required = true)
    @InputSpec("targetgroup/<name>/<id>, the green target group's CloudWatch dimension (its alarms roll deployments back)")
    private Output<String> greenTargetGroupArnSuffix;

    @Import(name = "listenerArn", required = true)
    @InputSpec("The listener serving the route (HTTPS with a certificate, else HTTP)")
    private Output<String> listenerArn;

    public Output<String> blueTargetGroupName() { return blueTargetGroupName; }
    public Output<String> greenTargetGroupName() { return greenTargetGroupName; }
    public Output<String> greenTargetGroupArnSuffix() { return greenTargetGroupArnSuffix; }
    public Output<String> listenerArn() { return listenerArn; }

    public static Builder builder() { return new Builder(new BlueGreenTarget()); }
    public static Builder builder(BlueGreenTarget from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link BlueGreenTarget}. */
    public static final class Builder {
        private final BlueGreenTarget $;

        private Builder(BlueGreenTarget start) { $ = start; }

        /**
         * The target group the service starts on (its targetGroupArn).
         */
        public Builder blueTargetGroupName(Output<String> v) { $.blueTargetGroupName = v; return this; }

        /**
         * The other target group, where each deployment's replacement tasks register.
         */
        public Builder greenTargetGroupName(Output<String> v) { $.greenTargetGroupName = v; return this; }

        /**
         * targetgroup/&lt;name&gt;/&lt;id&gt;, the green target group's CloudWatch dimension (its alarms roll
         * deployments back).
         */
        public Builder greenTargetGroupArnSuffix(Output<String> v) { $.greenTargetGroupArnSuffix = v; return this; }

        /**
         * The listener serving the route (HTTPS with a certificate, else HTTP).
         */
        public Builder listenerArn(Output<String> v) { $.listenerArn = v; return this; }

        /** The targets as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public BlueGreenTarget build() { return $.validated(); }
    }
}
