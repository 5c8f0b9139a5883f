package io.containerplatform.components.fargate;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.IamPolicy;
import io.containerplatform.components.compute.EcsTaskRoles;
import io.containerplatform.components.images.EcrRepository;
import io.containerplatform.components.loadbalancing.WebLoadBalancer;
import io.containerplatform.components.monitoring.ServiceAlarms;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * A containerised service on ECS Fargate behind an Application Load Balancer (seeds 001 and 002): cluster
 * with Container Insights and Fargate/Fargate Spot capacity, ECR repository, task definition, rolling
 * deployments with circuit-breaker rollback, tasks in private subnets reachable only from the load
 * balancer, least-privilege IAM roles, a log group with retention, and Application Auto Scaling.
 */
public class FargateServiceComponent extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:ecs:FargateServiceComponent";

    private final Output<String> url;
    private final Output<String> clusterName;
    private final Output<String> serviceName;
    private final Output<String> repositoryUrl;
    private final Output<String> taskDefinitionArn;
    private final Output<String> logGroupName;
    private final Output<String> loadBalancerDnsName;
    private final Output<String> alarmTopicArn;
    private final Output<String> dashboardName;

    public FargateServiceComponent(String name, FargateServiceArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    public FargateServiceComponent(String name, FargateServiceArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var invoke = new InvokeOptions(this, null, null);
        Output<String> region = AwsFunctions.getRegion(GetRegionArgs.builder().build(), invoke).applyValue(r -> r.name());

        var cluster = new Cluster(name + "-cluster", ClusterArgs.builder()
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .build(), child());
        var strategy = CapacityStrategy.forSpotPercent(args.spotPercent());
        var capacity = new ClusterCapacityProviders(name + "-capacity", ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategies(strategy.stream().map(s -> ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                        .capacityProvider(s.provider()).weight(s.weight()).base(s.base()).build()).toList())
                .build(), child());

        var repository = EcrRepository.create(this, name + "-repo", null, args.immutableTags(), args.keepImages());
        var logGroup = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .name("/ecs/" + name)
                .retentionInDays(args.logRetentionDays())
                .build(), child());

        var trust = EcsTaskRoles.trust(this);
        var executionRole = executionRole(name, args, trust);
        var taskRole = taskRole(name, args, trust);

        var loadBalancer = new WebLoadBalancer(name + "-lb", WebLoadBalancerArgs.builder()
                .placement(args.placement())
                .targetType(WebLoadBalancerArgs.TargetType.IP)
                .targetPort(args.containerPort())
                .healthCheckPath(args.healthCheckPath())
                .certificateArn(args.certificateArn().orElse(null))
                .ingressCidrs(args.ingressCidrs())
                .ingressIpv6Cidrs(args.ingressIpv6Cidrs())
                .deletionProtection(args.deletionProtection())
                .accessLogsBucket(args.accessLogsBucket().orElse(null))
                .build(), ComponentResourceOptions.builder().parent(this).build());

        var tasksGroup = new SecurityGroup(name + "-tasks-sg", SecurityGroupArgs.builder()
                .description("Tasks of " + name + ": the container port from the load balancer only")
                .vpcId(args.vpcId())
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("Container port from the load balancer")
                        .protocol("tcp").fromPort(args.containerPort()).toPort(args.containerPort())
                        .securityGroups(loadBalancer.securityGroupId().applyValue(List::of))
                        .build())
                .egress(SecurityGroupEgressArgs.builder()
                        .description("Image pulls, logs, secrets and AWS APIs (through NAT or VPC endpoints)")
                        .protocol("-1").fromPort(0).toPort(0)
                        .cidrBlocks("0.0.0.0/0")
                        .build())
                .tags(Map.of("Name", name + "-tasks-sg"))
                .build(), child());

        Output<String> image = args.image().startsWith(":")
                ? repository.repositoryUrl().applyValue(url -> url + args.image())
                : Output.of(args.image());
        var taskDefinition = new TaskDefinition(name + "-task", TaskDefinitionArgs.builder()
                .family(name)
                .networkMode("awsvpc")
                .requiresCompatibilities("FARGATE")
                .cpu(String.valueOf(args.cpu()))
                .memory(String.valueOf(args.memory()))
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX").cpuArchitecture(args.architecture().name()).build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .containerDefinitions(Output.tuple(image, logGroup.name(), region)
                        .applyValue(t -> ContainerDefinition.json(name, args, t.t1, t.t2, t.t3)))
                .build(), child());

        var dependsOn = new ArrayList<Resource>(loadBalancer.listeners());
        dependsOn.add(capacity);
        var serviceOptions = CustomResourceOptions.builder().parent(this).dependsOn(dependsOn);
        if (args.autoscaling()) {
            serviceOptions.ignoreChanges("desiredCount");
        }
        var service = new Service(name + "-service", ServiceArgs.builder()
                .cluster(cluster.arn())
                .taskDefinition(taskDefinition.arn())
                .desiredCount(args.desiredCount())
                .capacityProviderStrategies(strategy.stream().map(s -> ServiceCapacityProviderStrategyArgs.builder()
                        .capacityProvider(s.provider()).weight(s.weight()).base(s.base()).build()).toList())
                .deploymentMinimumHealthyPercent(args.deploymentMinimumHealthyPercent())
                .deploymentMaximumPercent(args.deploymentMaximumPercent())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.privateSubnetIds())
                        .securityGroups(tasksGroup.id().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(loadBalancer.targetGroupArn())
                        .containerName(name)
                        .containerPort(args.containerPort())
                        .build())
                .healthCheckGracePeriodSeconds(args.healthCheckGracePeriodSeconds())
                .enableExecuteCommand(args.enableExecuteCommand())
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                .waitForSteadyState(args.waitForSteadyState())
                .build(), serviceOptions.build());

        if (args.autoscaling()) {
            autoscaling(name, args, cluster, service, loadBalancer);
        }
        var alarms = new ServiceAlarms(this, name, args.alarmEmails());
        var dashboard = FargateMonitoring.declare(alarms, region, cluster.name(), service.name(),
                loadBalancer.targetGroupArnSuffix(), loadBalancer.loadBalancerArnSuffix());

        this.url = loadBalancer.url();
        this.clusterName = cluster.name();
        this.serviceName = service.name();
        this.repositoryUrl = repository.repositoryUrl();
        this.taskDefinitionArn = taskDefinition.arn();
        this.logGroupName = logGroup.name();
        this.loadBalancerDnsName = loadBalancer.dnsName();
        this.alarmTopicArn = alarms.topic().arn();
        this.dashboardName = dashboard.dashboardName();
        registerOutputs(Map.of("url", url, "clusterName", clusterName, "serviceName", serviceName,
                "repositoryUrl", repositoryUrl, "taskDefinitionArn", taskDefinitionArn, "logGroupName", logGroupName,
                "loadBalancerDnsName", loadBalancerDnsName, "alarmTopicArn", alarmTopicArn, "dashboardName", dashboardName));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }


    private Role executionRole(String name, FargateServiceArgs args, Output<String> trust) {
        var role = EcsTaskRoles.executionRole(this, name, trust);
        if (!args.secrets().isEmpty()) {
            var secretArns = args.secrets().values().stream().filter(a -> a.contains(":secretsmanager:")).sorted().toList();
            var parameterArns = args.secrets().values().stream().filter(a -> a.contains(":ssm:")).sorted().toList();
            var statements = new ArrayList<Map<String, Object>>();
            if (!secretArns.isEmpty()) {
                statements.add(IamPolicy.allow(List.of("secretsmanager:GetSecretValue"), secretArns));
            }
            if (!parameterArns.isEmpty()) {
                statements.add(IamPolicy.allow(List.of("ssm:GetParameters"), parameterArns));
            }
            new RolePolicy(name + "-execution-secrets", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(IamPolicy.document(statements))
                    .build(), child());
        }
        return role;
    }

    private Role taskRole(String name, FargateServiceArgs args, Output<String> trust) {
        var role = EcsTaskRoles.taskRole(this, name, trust);
        for (int i = 0; i < args.taskPolicyArns().size(); i++) {
            new RolePolicyAttachment(name + "-task-policy-" + i, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(args.taskPolicyArns().get(i))
                    .build(), child());
        }
        var statements = new ArrayList<>(args.taskPolicyStatements());
        if (args.enableExecuteCommand()) {
            statements.add(IamPolicy.allow(List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                    "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"), List.of("*")));
        }
        if (!statements.isEmpty()) {
            new RolePolicy(name + "-task-inline", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(IamPolicy.document(statements))
                    .build(), child());
        }
        return role;
    }

    private void autoscaling(String name, FargateServiceArgs args, Cluster cluster, Service service, WebLoadBalancer loadBalancer) {
        var target = new Target(name + "-scaling-target", TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId(Output.tuple(cluster.name(), service.name()).applyValue(t -> "service/" + t.t1 + "/" + t.t2))
                .minCapacity(args.minCount())
                .maxCapacity(args.maxCount())
                .build(), child());
        tracking(name + "-scale-cpu", target, args, "ECSServiceAverageCPUUtilization", args.cpuTargetPercent(), null);
        tracking(name + "-scale-memory", target, args, "ECSServiceAverageMemoryUtilization", args.memoryTargetPercent(), null);
        if (args.requestsPerTarget() > 0) {
            tracking(name + "-scale-requests", target, args, "ALBRequestCountPerTarget", args.requestsPerTarget(),
                    Output.tuple(loadBalancer.loadBalancerArnSuffix(), loadBalancer.targetGroupArnSuffix()).applyValue(t -> t.t1 + "/" + t.t2));
        }
    }

    private void tracking(String policyName, Target target, FargateServiceArgs args, String metric, int value, Output<String> label) {
        var metricSpec = PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder().predefinedMetricType(metric);
        if (label != null) {
            metricSpec.resourceLabel(label);
        }
        new Policy(policyName, PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(metricSpec.build())
                        .targetValue((double) value)
                        .scaleInCooldown(args.scaleInCooldownSeconds())
                        .scaleOutCooldown(args.scaleOutCooldownSeconds())
                        .build())
                .build(), child());
    }

    /** {@code https://<alb dns>} with a certificate, else {@code http://<alb dns>}. */
    public Output<String> url() {
        return url;
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    public Output<String> serviceName() {
        return serviceName;
    }

    /** The SNS topic the service's alarms notify. */
    public Output<String> alarmTopicArn() {
        return alarmTopicArn;
    }

    /** The service's CloudWatch dashboard. */
    public Output<String> dashboardName() {
        return dashboardName;
    }

    /** The ECR repository to push images to (see {@link FargateServiceArgs#image()} for {@code :<tag>}). */
    public Output<String> repositoryUrl() {
        return repositoryUrl;
    }

    public Output<String> taskDefinitionArn() {
        return taskDefinitionArn;
    }

    public Output<String> logGroupName() {
        return logGroupName;
    }

    public Output<String> loadBalancerDnsName() {
        return loadBalancerDnsName;
    }
}
