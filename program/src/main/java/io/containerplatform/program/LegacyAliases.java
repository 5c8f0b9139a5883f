package io.containerplatform.program;

import com.pulumi.core.Alias;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import io.containerplatform.components.asg.AsgServiceComponent;
import io.containerplatform.components.fargate.FargateServiceComponent;
import io.containerplatform.components.loadbalancing.WebLoadBalancer;
import io.containerplatform.config.ServiceConfig;
import io.containerplatform.config.ServiceKind;
import io.containerplatform.config.ServicesConfig;
import io.containerplatform.tags.Tagging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the shared load balancer and cluster were before services moved to {@code container-platform:services}: each
 * service had its own load balancer, and each Fargate service its own cluster. So that an existing stack keeps them
 * (and the load balancer keeps its DNS name), the shared ones carry aliases to the old URNs: the load balancer, its
 * security group and listeners are those of the service that is the default route; every service's target group is
 * its old one; the cluster and its capacity providers are those of the default route when it runs on Fargate, else of
 * the first Fargate service by name. An alias that matches nothing in a stack is ignored, so a new stack is unaffected.
 */
final class LegacyAliases implements ResourceTransformation {

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private static final String LB_TYPE = "aws:lb/loadBalancer:LoadBalancer";
    private static final String SG_TYPE = "aws:ec2/securityGroup:SecurityGroup";
    private static final String LISTENER_TYPE = "aws:lb/listener:Listener";
    private static final String TARGET_GROUP_TYPE = "aws:lb/targetGroup:TargetGroup";

    private final String project;
    private final String stack;
    /** Old URN by type and new name ({@code <type>::<name>}). */
    private final Map<String, String> oldUrns = new HashMap<>();
    private final Optional<String> loadBalancerComponent;
    /** Inputs that replace the resource when they change, kept as they were: by type and new name, input name and value. */
    private final Map<String, Map<String, String>> keptInputs = new HashMap<>();

    LegacyAliases(String project, String stack, ServicesConfig services, String loadBalancerName, String clusterName) {
        this.project = project;
        this.stack = stack;
        var lbDonor = services.defaultRoute();
        lbDonor.ifPresent(donor -> {
            var old = stack + "-" + donor.name() + "-lb";
            var parents = List.of(STACK_TYPE, componentType(donor), WebLoadBalancer.TYPE);
            put(LB_TYPE, loadBalancerName, urn(parents, LB_TYPE, old));
            put(SG_TYPE, loadBalancerName + "-sg", urn(parents, SG_TYPE, old + "-sg"));
            // a security group's description cannot change without replacing the group
            keptInputs.put(SG_TYPE + "::" + loadBalancerName + "-sg",
                    Map.of("description", "Load balancer " + old + ": web traffic in, target port out to the VPC"));
            put(LISTENER_TYPE, loadBalancerName + "-http", urn(parents, LISTENER_TYPE, old + "-http"));
            put(LISTENER_TYPE, loadBalancerName + "-https", urn(parents, LISTENER_TYPE, old + "-https"));
        });
        this.loadBalancerComponent = lbDonor.map(donor -> urn(List.of(STACK_TYPE, componentType(donor)), WebLoadBalancer.TYPE,
                stack + "-" + donor.name() + "-lb"));
        for (var service : services.services()) {
            put(TARGET_GROUP_TYPE, loadBalancerName + "-" + service.name() + "-tg", urn(List.of(STACK_TYPE, componentType(service),
                    WebLoadBalancer.TYPE), TARGET_GROUP_TYPE, stack + "-" + service.name() + "-lb-tg"));
        }
        var clusterDonor = lbDonor.filter(s -> s.kind() == ServiceKind.FARGATE).or(() -> services.fargate().stream().findFirst());
        clusterDonor.ifPresent(donor -> {
            var parents = List.of(STACK_TYPE, FargateServiceComponent.TYPE);
            put("aws:ecs/cluster:Cluster", clusterName, urn(parents, "aws:ecs/cluster:Cluster", stack + "-" + donor.name() + "-cluster"));
            put("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", clusterName + "-capacity",
                    urn(parents, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", stack + "-" + donor.name() + "-capacity"));
        });
    }

    /** The alias of the shared load balancer component itself, when a service's load balancer becomes it. */
    List<com.pulumi.core.Output<Alias>> loadBalancerAliases() {
        return loadBalancerComponent.map(Alias::withUrn).map(com.pulumi.core.Output::of).stream().toList();
    }

    @Override
    public Optional<Result> apply(Args args) {
        var key = args.resource().pulumiResourceType() + "::" + args.resource().pulumiResourceName();
        var old = oldUrns.get(key);
        if (old == null || !(args.options() instanceof CustomResourceOptions options)) {
            return Optional.empty();
        }
        keptInputs.getOrDefault(key, Map.of()).forEach((input, value) -> setInput(args.args(), input, value));
        return Optional.of(new Result(args.args(), CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().aliases(Alias.withUrn(old)).build())));
    }

    /** Sets the input {@code name} of a resource's Args (the field the SDK declares for it) to {@code value}. */
    private static void setInput(com.pulumi.resources.ResourceArgs args, String name, String value) {
        var field = Tagging.inputField(args.getClass(), name)
                .orElseThrow(() -> new IllegalStateException(args.getClass().getSimpleName() + " has no input " + name));
        try {
            field.setAccessible(true);
            field.set(args, com.pulumi.core.Output.of(value));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot keep the input " + name + " of " + args.getClass().getSimpleName(), e);
        }
    }

    private void put(String type, String newName, String oldUrn) {
        oldUrns.put(type + "::" + newName, oldUrn);
    }

    private static String componentType(ServiceConfig service) {
        return service.kind() == ServiceKind.FARGATE ? FargateServiceComponent.TYPE : AsgServiceComponent.TYPE;
    }

    private String urn(List<String> parentTypes, String type, String name) {
        return "urn:pulumi:" + stack + "::" + project + "::" + String.join("$", parentTypes) + "$" + type + "::" + name;
    }
}
