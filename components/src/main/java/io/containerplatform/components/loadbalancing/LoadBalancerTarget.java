package io.containerplatform.components.loadbalancing;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.Optional;

/**
 * What a service needs of the {@link WebLoadBalancer} that routes to it ({@link WebLoadBalancer#target}): its target
 * group, the load balancer's security group (the only source its targets admit), the CloudWatch dimensions of both,
 * and the URL it is reached at. The target group's ARN, as the load balancer gives it, is known only once the listeners
 * and the route's rule exist, so a service that takes it waits for them (a target group must be attached before its
 * targets register). A declared input type: each field is one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class LoadBalancerTarget extends DeclaredArgs {

    @Import(name = "targetGroupArn", required = true)
    @InputSpec("The service's target group")
    private Output<String> targetGroupArn;

    @Import(name = "targetGroupArnSuffix", required = true)
    @InputSpec("targetgroup/<name>/<id>, the target group's CloudWatch dimension")
    private Output<String> targetGroupArnSuffix;

    @Import(name = "loadBalancerArnSuffix", required = true)
    @InputSpec("app/<name>/<id>, the load balancer's CloudWatch dimension")
    private Output<String> loadBalancerArnSuffix;

    @Import(name = "securityGroupId", required = true)
    @InputSpec("The load balancer's security group: the only source the service's targets admit")
    private Output<String> securityGroupId;

    @Import(name = "url", required = true)
    @InputSpec("https:// or http:// and the load balancer's DNS name (the service's paths and hosts apply)")
    private Output<String> url;

    @Import(name = "blueGreen")
    @InputSpec(value = "For a blue/green route, what CodeDeploy needs to shift it", defaultText = "none (not blue/green)")
    private BlueGreenTarget blueGreen;

    public Output<String> targetGroupArn() { return targetGroupArn; }
    public Output<String> targetGroupArnSuffix() { return targetGroupArnSuffix; }
    public Output<String> loadBalancerArnSuffix() { return loadBalancerArnSuffix; }
    public Output<String> securityGroupId() { return securityGroupId; }
    public Output<String> url() { return url; }
    public Optional<BlueGreenTarget> blueGreen() { return Optional.ofNullable(blueGreen); }

    public static Builder builder() { return new Builder(new LoadBalancerTarget()); }
    public static Builder builder(LoadBalancerTarget from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link LoadBalancerTarget}. */
    public static final class Builder {
        private final LoadBalancerTarget $;

        private Builder(LoadBalancerTarget start) { $ = start; }

        /**
         * The service's target group.
         */
        public Builder targetGroupArn(Output<String> v) { $.targetGroupArn = v; return this; }

        /**
         * targetgroup/&lt;name&gt;/&lt;id&gt;, the target group's CloudWatch dimension.
         */
        public Builder targetGroupArnSuffix(Output<String> v) { $.targetGroupArnSuffix = v; return this; }

        /**
         * app/&lt;name&gt;/&lt;id&gt;, the load balancer's CloudWatch dimension.
         */
        public Builder loadBalancerArnSuffix(Output<String> v) { $.loadBalancerArnSuffix = v; return this; }

        /**
         * The load balancer's security group: the only source the service's targets admit.
         */
        public Builder securityGroupId(Output<String> v) { $.securityGroupId = v; return this; }

        /**
         * https:// or http:// and the load balancer's DNS name (the service's paths and hosts apply).
         */
        public Builder url(Output<String> v) { $.url = v; return this; }

        /**
         * For a blue/green route, what CodeDeploy needs to shift it. Default: none (not blue/green).
         */
        public Builder blueGreen(BlueGreenTarget v) { $.blueGreen = v; return this; }

        /** The target as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public LoadBalancerTarget build() { return $.validated(); }
    }
}
