package io.containerplatform.components.loadbalancing;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Optional;

/**
 * What a service needs of the {@link WebLoadBalancer} that routes to it ({@link WebLoadBalancer#target}): its target
 * group, the load balancer's security group (the only source its targets admit), the CloudWatch dimensions of both,
 * the URL it is reached at, and the listener and rule its targets must wait for.
 *
 * @param targetGroupArn        the service's target group
 * @param targetGroupArnSuffix  {@code targetgroup/<name>/<id>}, the target group's CloudWatch dimension
 * @param loadBalancerArnSuffix {@code app/<name>/<id>}, the load balancer's CloudWatch dimension
 * @param securityGroupId       the load balancer's security group
 * @param url                   {@code https://} or {@code http://} and the load balancer's DNS name (the service's paths
 *                              and hosts apply)
 * @param routing               the listeners and the service's rule: a service depends on them so that its target group
 *                              is attached before its targets register
 * @param blueGreen             for a blue/green route, what CodeDeploy needs to shift it
 */
public record LoadBalancerTarget(Output<String> targetGroupArn, Output<String> targetGroupArnSuffix, Output<String> loadBalancerArnSuffix,
                                 Output<String> securityGroupId, Output<String> url, List<Resource> routing, Optional<BlueGreen> blueGreen) {

    public LoadBalancerTarget {
        routing = List.copyOf(routing);
    }

    /**
     * The two target groups of a blue/green route and the listener whose rule CodeDeploy shifts between them.
     *
     * @param blueTargetGroupName  the target group the service starts on ({@link #targetGroupArn})
     * @param greenTargetGroupName the other one, where each deployment's replacement tasks register
     * @param listenerArn          the listener serving the route (HTTPS with a certificate, else HTTP)
     */
    public record BlueGreen(Output<String> blueTargetGroupName, Output<String> greenTargetGroupName, Output<String> listenerArn) {
    }
}
