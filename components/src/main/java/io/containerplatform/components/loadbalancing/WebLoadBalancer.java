package io.containerplatform.components.loadbalancing;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
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
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web entry of a stack's services, Fargate and EC2 alike: one internet-facing Application Load Balancer in the
 * public subnets, its security group (80, and 443 with a certificate, from the allowed ranges; out only to the VPC
 * on the services' ports), one target group per service with tight health-check and deregistration timings, and
 * listeners: 80 redirects to HTTPS 443 with a certificate, else serves. The serving listener sends each request to
 * the service whose rule matches its host and path ({@link RulePriorities}), else to the default service, else
 * answers 404.
 */
public class WebLoadBalancer extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:loadbalancing:WebLoadBalancer";
    /** The most condition values (paths and hosts) an ALB rule evaluates. */
    public static final int MAX_CONDITION_VALUES = 5;
    /** Tag marking the load balancer's security group, read by the policy pack's public-ingress rule. */
    public static final Map<String, String> ROLE_TAG = Map.of("containerplatform:role", "load-balancer");

    private final Output<String> securityGroupId;
    private final Output<String> loadBalancerArn;
    private final Output<String> loadBalancerArnSuffix;
    private final Output<String> dnsName;
    private final Output<String> url;
    private final Output<String> listenerArn;
    private final Map<String, LoadBalancerTarget> targets = new LinkedHashMap<>();

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
        var egress = args.routes().stream().map(Route::port).distinct().sorted().map(port -> SecurityGroupEgressArgs.builder()
                .description("To the targets on port " + port + ", inside the VPC")
                .protocol("tcp").fromPort(port).toPort(port)
                .cidrBlocks(args.vpcCidr().applyValue(List::of))
                .build()).toList();
        var group = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .description("Load balancer " + name + ": web traffic in, its services' ports out to the VPC")
                .vpcId(args.vpcId())
                .ingress(ingress)
                .egress(egress)
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

        var groups = new LinkedHashMap<String, TargetGroup>();
        for (var route : args.routes()) {
            groups.put(route.name(), targetGroup(name + "-" + route.name() + "-tg", route, args));
        }
        var fallback = args.routes().stream().filter(Route::isDefault).findFirst()
                .map(route -> ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(groups.get(route.name()).arn()).build())
                .orElse(ListenerDefaultActionArgs.builder().type("fixed-response").fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                        .contentType("text/plain").messageBody("Not found").statusCode("404").build()).build());
        var redirect = ListenerDefaultActionArgs.builder().type("redirect").redirect(ListenerDefaultActionRedirectArgs.builder()
                .protocol("HTTPS").port("443").statusCode("HTTP_301").build()).build();
        var http = new Listener(name + "-http", ListenerArgs.builder()
                .loadBalancerArn(balancer.arn())
                .port(80)
                .protocol("HTTP")
                .defaultActions(https ? redirect : fallback)
                .tags(withName(name + "-http", Map.of()))
                .build(), child());
        var listeners = new ArrayList<CustomResource>(List.of(http));
        var serving = args.certificateArn().map(certificate -> new Listener(name + "-https", ListenerArgs.builder()
                .loadBalancerArn(balancer.arn())
                .port(443)
                .protocol("HTTPS")
                .certificateArn(certificate)
                .sslPolicy(args.sslPolicy())
                .defaultActions(fallback)
                .tags(withName(name + "-https", Map.of()))
                .build(), child())).orElse(http);
        this.listenerArn = serving.arn();
        if (serving != http) {
            listeners.add(serving);
        }

        this.securityGroupId = group.id();
        this.loadBalancerArn = balancer.arn();
        this.loadBalancerArnSuffix = balancer.arnSuffix();
        this.dnsName = balancer.dnsName();
        this.url = balancer.dnsName().applyValue(dns -> (https ? "https://" : "http://") + dns);

        var priorities = RulePriorities.of(args.routes());
        for (var route : args.routes()) {
            var targetGroup = groups.get(route.name());
            var routing = new ArrayList<>(listeners);
            if (!route.isDefault()) {
                // CodeDeploy rewrites a blue/green route's action at each deployment: an update must not put it back
                var ruleOptions = CustomResourceOptions.builder().parent(this);
                if (route.blueGreen()) {
                    ruleOptions.ignoreChanges("actions");
                }
                routing.add(new ListenerRule(name + "-" + route.name() + "-rule", ListenerRuleArgs.builder()
                        .listenerArn(serving.arn())
                        .priority(priorities.get(route.name()))
                        .conditions(conditions(route))
                        .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build())
                        .tags(withName(name + "-" + route.name() + "-rule", Map.of()))
                        .build(), ruleOptions.build()));
            }
            var target = LoadBalancerTarget.builder()
                    .targetGroupArn(attached(targetGroup.arn(), routing))
                    .targetGroupArnSuffix(targetGroup.arnSuffix())
                    .loadBalancerArnSuffix(loadBalancerArnSuffix)
                    .securityGroupId(securityGroupId)
                    .url(url);
            if (route.blueGreen()) {
                var green = targetGroup(name + "-" + route.name() + "-tg-green", route, args);
                target.blueGreen(BlueGreenTarget.builder()
                        .blueTargetGroupName(targetGroup.name())
                        .greenTargetGroupName(green.name())
                        .greenTargetGroupArnSuffix(green.arnSuffix())
                        .listenerArn(serving.arn())
                        .build());
            }
            targets.put(route.name(), target.build());
        }
        registerOutputs(Map.of("securityGroupId", securityGroupId, "loadBalancerArn", loadBalancerArn, "dnsName", dnsName, "url", url));
    }

    private TargetGroup targetGroup(String name, Route route, WebLoadBalancerArgs args) {
        return new TargetGroup(name, TargetGroupArgs.builder()
                .vpcId(args.vpcId())
                .port(route.port())
                .protocol("HTTP")
                .targetType(route.targetType())
                .deregistrationDelay(args.deregistrationDelaySeconds())
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .port("traffic-port")
                        .path(route.healthCheckPath())
                        .interval(args.healthCheckIntervalSeconds())
                        .timeout(Math.min(5, args.healthCheckIntervalSeconds() - 1))
                        .healthyThreshold(args.healthyThreshold())
                        .unhealthyThreshold(args.unhealthyThreshold())
                        .matcher(args.healthCheckMatcher())
                        .build())
                .tags(withName(name, Map.of()))
                .build(), child());
    }

    private static List<ListenerRuleConditionArgs> conditions(Route route) {
        var conditions = new ArrayList<ListenerRuleConditionArgs>();
        if (!route.hosts().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder()
                    .hostHeader(ListenerRuleConditionHostHeaderArgs.builder().values(route.hosts()).build()).build());
        }
        if (!route.paths().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder()
                    .pathPattern(ListenerRuleConditionPathPatternArgs.builder().values(route.paths()).build()).build());
        }
        return conditions;
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

    /** What the service of route {@code name} needs of this load balancer. */
    public LoadBalancerTarget target(String name) {
        var target = targets.get(name);
        if (target == null) {
            throw new IllegalArgumentException("WebLoadBalancer " + pulumiResourceName() + " has no route named " + name + "; routes: " + targets.keySet());
        }
        return target;
    }

    /** The listener serving the routes: HTTPS with a certificate, else HTTP. */
    public Output<String> listenerArn() {
        return listenerArn;
    }

    /** {@code https://<dns>} with a certificate, else {@code http://<dns>}. */
    public Output<String> url() {
        return url;
    }

    /**
     * {@code arn}, known once {@code routing} exists: whoever takes it (a service registering targets) waits for the
     * listeners and the route's rule, as a target group must be attached before its targets register.
     */
    private static Output<String> attached(Output<String> arn, List<CustomResource> routing) {
        return Output.all(routing.stream().map(CustomResource::id).toList()).apply(ids -> arn);
    }
}
