package io.containerplatform.components.loadbalancing;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The web entry shared by the Fargate and the EC2 Auto Scaling services: an internet-facing Application
 * Load Balancer in the public subnets, its security group (80, and 443 with a certificate, from the
 * allowed ranges; out only to the VPC on the target port), a target group with tight health-check and
 * deregistration timings, and listeners (80 forwards, or redirects to an HTTPS 443 listener).
 */
public class WebLoadBalancer extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:loadbalancing:WebLoadBalancer";
    /** Tag marking the load balancer's security group, read by the policy pack's public-ingress rule. */
    public static final Map<String, String> ROLE_TAG = Map.of("containerplatform:role", "load-balancer");

    private final Output<String> securityGroupId;
    private final Output<String> loadBalancerArn;
    private final Output<String> loadBalancerArnSuffix;
    private final Output<String> dnsName;
    private final Output<String> targetGroupArn;
    private final Output<String> targetGroupArnSuffix;
    private final Output<String> url;
    private final List<Resource> listeners = new ArrayList<>();

    public WebLoadBalancer(String name, WebLoadBalancerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var https = args.certificateArn().isPresent();
        var ports = https ? List.of(80, 443) : List.of(80);

        var ingress = ports.stream().map(port -> SecurityGroupIngressArgs.builder()
                .description((port == 80 ? "HTTP" : "HTTPS") + " from the allowed ranges")
                .protocol("tcp").fromPort(port).toPort(port)
                .cidrBlocks(args.ingressCidrs())
                .ipv6CidrBlocks(args.ingressIpv6Cidrs())
                .build()).toList();
        var group = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .description("Load balancer " + name + ": web traffic in, target port out to the VPC")
                .vpcId(args.vpcId())
                .ingress(ingress)
                .egress(SecurityGroupEgressArgs.builder()
                        .description("To the targets on their port, inside the VPC")
                        .protocol("tcp").fromPort(args.targetPort()).toPort(args.targetPort())
                        .cidrBlocks(args.vpcCidr().applyValue(List::of))
                        .build())
                .tags(withName(name + "-sg", ROLE_TAG))
                .build(), child());

        var lb = LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .securityGroups(group.id().applyValue(List::of))
                .subnets(args.publicSubnetIds())
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(args.deletionProtection())
                .idleTimeout(args.idleTimeoutSeconds())
                .tags(withName(name, Map.of()));
        args.accessLogsBucket().ifPresent(bucket -> lb.accessLogs(LoadBalancerAccessLogsArgs.builder()
                .bucket(bucket).prefix(name).enabled(true).build()));
        var balancer = new LoadBalancer(name, lb.build(), child());

        var targets = new TargetGroup(name + "-tg", TargetGroupArgs.builder()
                .vpcId(args.vpcId())
                .port(args.targetPort())
                .protocol("HTTP")
                .targetType(args.targetType().name().toLowerCase())
                .deregistrationDelay(args.deregistrationDelaySeconds())
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .port("traffic-port")
                        .path(args.healthCheckPath())
                        .interval(args.healthCheckIntervalSeconds())
                        .timeout(Math.min(5, args.healthCheckIntervalSeconds() - 1))
                        .healthyThreshold(args.healthyThreshold())
                        .unhealthyThreshold(args.unhealthyThreshold())
                        .matcher(args.healthCheckMatcher())
                        .build())
                .tags(withName(name + "-tg", Map.of()))
                .build(), child());

        var forward = ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(targets.arn()).build();
        var redirect = ListenerDefaultActionArgs.builder().type("redirect").redirect(ListenerDefaultActionRedirectArgs.builder()
                .protocol("HTTPS").port("443").statusCode("HTTP_301").build()).build();
        listeners.add(new Listener(name + "-http", ListenerArgs.builder()
                .loadBalancerArn(balancer.arn())
                .port(80)
                .protocol("HTTP")
                .defaultActions(https ? redirect : forward)
                .tags(withName(name + "-http", Map.of()))
                .build(), child()));
        args.certificateArn().ifPresent(certificate -> listeners.add(new Listener(name + "-https", ListenerArgs.builder()
                .loadBalancerArn(balancer.arn())
                .port(443)
                .protocol("HTTPS")
                .certificateArn(certificate)
                .sslPolicy(args.sslPolicy())
                .defaultActions(forward)
                .tags(withName(name + "-https", Map.of()))
                .build(), child())));

        this.securityGroupId = group.id();
        this.loadBalancerArn = balancer.arn();
        this.loadBalancerArnSuffix = balancer.arnSuffix();
        this.dnsName = balancer.dnsName();
        this.targetGroupArn = targets.arn();
        this.targetGroupArnSuffix = targets.arnSuffix();
        this.url = balancer.dnsName().applyValue(dns -> (https ? "https://" : "http://") + dns);
        registerOutputs(Map.of("securityGroupId", securityGroupId, "loadBalancerArn", loadBalancerArn, "dnsName", dnsName,
                "targetGroupArn", targetGroupArn, "url", url));
    }

    private static Map<String, String> withName(String name, Map<String, String> tags) {
        var all = new java.util.LinkedHashMap<>(tags);
        all.put("Name", name);
        return all;
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** The load balancer's security group: allow it as the only source of the targets' port. */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    public Output<String> loadBalancerArn() {
        return loadBalancerArn;
    }

    /** {@code app/<name>/<id>}, the CloudWatch dimension of the load balancer. */
    public Output<String> loadBalancerArnSuffix() {
        return loadBalancerArnSuffix;
    }

    public Output<String> dnsName() {
        return dnsName;
    }

    public Output<String> targetGroupArn() {
        return targetGroupArn;
    }

    /** {@code targetgroup/<name>/<id>}, the CloudWatch dimension of the target group. */
    public Output<String> targetGroupArnSuffix() {
        return targetGroupArnSuffix;
    }

    /** {@code https://<dns>} with a certificate, else {@code http://<dns>}. */
    public Output<String> url() {
        return url;
    }

    /** The listeners: services depend on them so their target group is attached before they start. */
    public List<Resource> listeners() {
        return List.copyOf(listeners);
    }
}
