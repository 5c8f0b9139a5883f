package io.containerplatform.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import io.containerplatform.components.asg.AsgServiceComponent;
import io.containerplatform.components.fargate.FargateCluster;
import io.containerplatform.components.fargate.FargateServiceComponent;
import io.containerplatform.components.loadbalancing.AccessLogsBucket;
import io.containerplatform.components.loadbalancing.LoadBalancerTarget;
import io.containerplatform.components.loadbalancing.WebLoadBalancer;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.config.ServiceConfig;
import io.containerplatform.config.ServiceKind;
import io.containerplatform.config.StackConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack's services from {@code container-platform:services}: one load balancer routing to all of them, one ECS
 * cluster for the Fargate ones, then each service with its own repository, log group, roles, alarms and dashboard.
 * Exports {@code loadBalancerUrl}, {@code loadBalancerArn}, {@code clusterName} and {@code services}: per service its
 * URL, dashboard, alarm topic, target group, repository and, by kind, its ECS service and log group or Auto Scaling
 * group and database. Every name an operator types comes from these outputs: Pulumi auto-names the cluster, load
 * balancer, target groups, services, groups, repositories and database (a random suffix after the logical name).
 * The {@code services} output is sorted by service, each service's values by key, the same on every run.
 */
final class PlatformServices {

    private PlatformServices() {
    }

    static void define(Context ctx, StackConfig config, NetworkComponent network, ResourceTransformation tagging) {
        var services = config.services();
        if (services.isEmpty()) {
            return;
        }
        var stack = ctx.stackName();
        var lbName = stack + "-lb";
        var clusterName = stack + "-cluster";
        var legacy = new LegacyAliases(ctx.projectName(), stack, services, lbName, clusterName);
        var tagged = ComponentResourceOptions.builder().resourceTransformations(tagging).build();
        var lbArgs = WebLoadBalancerArgs.builder(config.loadBalancer().settings())
                .placement(network.placement())
                .routes(services.services().stream().map(ServiceConfig::route).toList())
                .deletionProtection(config.environment().isProd());
        if (config.loadBalancer().accessLogs()) {
            var logs = new AccessLogsBucket(lbName + "-logs", lbName, config.loadBalancer().accessLogsRetentionDays(),
                    config.environment().isProd(), tagged);
            lbArgs.accessLogsBucket(logs.bucketName());
        }
        var lb = new WebLoadBalancer(lbName, lbArgs.build(), ComponentResourceOptions.builder().resourceTransformations(tagging, legacy)
                .aliases(legacy.loadBalancerAliases()).build());
        ctx.export("loadBalancerUrl", lb.url());
        ctx.export("loadBalancerArn", lb.loadBalancerArn());
        var cluster = services.fargate().isEmpty() ? null
                : new FargateCluster(clusterName, ComponentResourceOptions.builder().resourceTransformations(tagging, legacy).build());
        if (cluster != null) {
            ctx.export("clusterName", cluster.ref().name());
        }
        var outputs = new ArrayList<Output<Map.Entry<String, Map<String, String>>>>();
        for (var service : services.services()) {
            var name = stack + "-" + service.name();
            var target = lb.target(service.name());
            if (service.kind() == ServiceKind.FARGATE) {
                var args = service.toFargateArgs().placement(network.placement()).cluster(cluster.ref()).target(target)
                        .production(config.environment().isProd());
                var arns = new TreeMap<String, String>();
                var secretValues = new TreeMap<String, Output<String>>();
                service.secrets().forEach((variable, source) -> {
                    source.arn().ifPresent(arn -> arns.put(variable, arn));
                    source.configKey().ifPresent(key -> secretValues.put(variable, ctx.config().requireSecret(key)));
                });
                var component = new FargateServiceComponent(name, args.secrets(arns).secretValues(secretValues).build(), tagged);
                var values = new LinkedHashMap<String, Output<String>>(Map.of("url", component.url(), "dashboard", component.dashboardName(),
                        "dashboardUrl", component.dashboardUrl(), "alarmTopicArn", component.alarmTopicArn(), "logGroup", component.logGroupName(),
                        "repositoryUrl", component.repositoryUrl(), "ecsService", component.serviceName(),
                        "taskDefinitionArn", component.taskDefinitionArn(), "rollout", Output.of(service.rolloutStrategy())));
                values.putAll(common(target, component.repositoryUrl()));
                component.deploymentApplication().ifPresent(app -> values.put("deploymentApplication", app));
                component.deploymentGroup().ifPresent(group -> values.put("deploymentGroup", group));
                component.appSpec().ifPresent(spec -> values.put("appSpec", spec));
                outputs.add(outputs(service, values));
            } else {
                var component = new AsgServiceComponent(name, service.toEc2Args(config.environment())
                        .placement(network.placement()).target(target).production(config.environment().isProd()).build(), tagged);
                var values = new LinkedHashMap<String, Output<String>>(Map.of("url", component.url(), "dashboard", component.dashboardName(),
                        "dashboardUrl", component.dashboardUrl(),
                        "alarmTopicArn", component.alarmTopicArn(), "autoScalingGroup", component.asgName(), "repositoryUrl", component.repositoryUrl(),
                        "rollout", Output.of(service.rolloutStrategy())));
                values.putAll(common(target, component.repositoryUrl()));
                if (service.database().isPresent()) {
                    values.put("databaseEndpoint", component.dbEndpoint());
                    values.put("databaseSecretArn", component.dbSecretArn());
                    values.put("databaseIdentifier", component.dbIdentifier());
                }
                outputs.add(outputs(service, values));
            }
        }
        ctx.export("services", Output.all(outputs).applyValue(entries -> {
            var all = new TreeMap<String, Map<String, String>>();
            entries.forEach(e -> all.put(e.getKey(), e.getValue()));
            return Collections.unmodifiableSortedMap(all);
        }));
    }

    /** The outputs of both kinds that name what the load balancer and ECR created for the service. */
    private static Map<String, Output<String>> common(LoadBalancerTarget target, Output<String> repositoryUrl) {
        // <account>.dkr.ecr.<region>.amazonaws.com/<repository name>
        return Map.of("targetGroupArn", target.targetGroupArn(),
                "repositoryName", repositoryUrl.applyValue(url -> url.substring(url.indexOf('/') + 1)));
    }

    private static Output<Map.Entry<String, Map<String, String>>> outputs(ServiceConfig service, Map<String, Output<String>> given) {
        var values = new TreeMap<>(given);
        values.put("kind", Output.of(service.kind().configValue()));
        var keys = List.copyOf(values.keySet());
        return Output.all(keys.stream().map(values::get).toList()).applyValue(resolved -> {
            var map = new TreeMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), resolved.get(i));
            }
            // sorted, and kept so: Map.copyOf would iterate in the JVM's hash order, another on every run
            return Map.entry(service.name(), Collections.unmodifiableSortedMap(map));
        });
    }
}
