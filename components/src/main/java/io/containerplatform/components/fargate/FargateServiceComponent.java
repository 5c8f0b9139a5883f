package io.containerplatform.components.fargate;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.inputs.ScheduledActionScalableTargetActionArgs;
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
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.ecs.inputs.ServiceAlarmsArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentControllerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
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
import io.containerplatform.components.common.IamPolicy;
import io.containerplatform.components.compute.EcsTaskRoles;
import io.containerplatform.components.images.EcrRepository;
import io.containerplatform.components.loadbalancing.LoadBalancerTarget;
import io.containerplatform.components.monitoring.ServiceAlarms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * A containerised service on ECS Fargate behind the stack's Application Load Balancer (seeds 001 and 002), in the
 * stack's shared cluster ({@link FargateCluster}): its ECR repository, task definition, rolling deployments with
 * circuit-breaker rollback, tasks in private subnets reachable only from the load balancer, least-privilege IAM
 * roles, a log group with retention, Application Auto Scaling, alarms and a dashboard.
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
    private final Output<String> alarmTopicArn;
    private final Output<String> dashboardName;
    private final Output<String> dashboardUrl;
    private final java.util.Optional<BlueGreenDeployment> deployment;

    public FargateServiceComponent(String name, FargateServiceArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    public FargateServiceComponent(String name, FargateServiceArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var invoke = new InvokeOptions(this, null, null);
        Output<String> region = AwsFunctions.getRegion(GetRegionArgs.builder().build(), invoke).applyValue(r -> r.name());

        var strategy = CapacityStrategy.forSpotPercent(args.spot());
        var cluster = args.cluster();
        var target = args.target();

        var repository = EcrRepository.create(this, name + "-repo", null, args.immutableTags(), args.keepImages(), args.production());
        var logGroup = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .name("/ecs/" + name)
                .retentionInDays(args.logRetentionDays())
                .build(), child());

        var trust = EcsTaskRoles.trust(this);
        var secrets = secrets(name, args);
        var executionRole = executionRole(name, args, secrets, trust);
        var taskRole = taskRole(name, args, trust);

        var tasksGroup = new SecurityGroup(name + "-tasks-sg", SecurityGroupArgs.builder()
                .description("Tasks of " + name + ": the container port from the load balancer only")
                .vpcId(args.placement().vpcId())
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("Container port from the load balancer")
                        .protocol("tcp").fromPort(args.port()).toPort(args.port())
                        .securityGroups(target.securityGroupId().applyValue(List::of))
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
                .containerDefinitions(Output.tuple(image, logGroup.name(), region, secrets)
                        .applyValue(t -> ContainerDefinition.json(name, args, t.t1, t.t2, t.t3, t.t4)))
                // a new revision leaves the previous ones registered: a rollback can go back to any of them
                .skipDestroy(true)
                .build(), child());

        var alarms = new ServiceAlarms(this, name, args.alarmDestination());
        // the alarms a bad deployment sets off; a blue/green service serves from either target group, so both are watched
        var watched = new ArrayList<>(alarms.loadBalancerAlarms(target.targetGroupArnSuffix(), target.loadBalancerArnSuffix()));
        target.blueGreen().filter(g -> args.blueGreen().isPresent()).ifPresent(g ->
                watched.addAll(alarms.loadBalancerAlarms("green", g.greenTargetGroupArnSuffix(), target.loadBalancerArnSuffix())));
        Output<List<String>> rollbackAlarms = Output.all(watched.stream().map(MetricAlarm::name).toList());
        var ignored = new ArrayList<String>();
        if (args.autoscaling()) {
            ignored.add("desiredCount");
        }
        var serviceArgs = ServiceArgs.builder();
        if (args.blueGreen().isPresent()) {
            // CodeDeploy moves the service to a new task definition and between the two target groups: not updates
            serviceArgs.deploymentController(ServiceDeploymentControllerArgs.builder().type("CODE_DEPLOY").build());
            ignored.addAll(List.of("taskDefinition", "loadBalancers"));
        } else {
            serviceArgs.deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                    .alarms(ServiceAlarmsArgs.builder().alarmNames(rollbackAlarms).enable(true).rollback(true).build());
        }
        var serviceOptions = CustomResourceOptions.builder().parent(this).ignoreChanges(ignored);
        var service = new Service(name + "-service", serviceArgs
                .cluster(cluster.arn())
                .taskDefinition(taskDefinition.arn())
                .desiredCount(args.desiredCount())
                .capacityProviderStrategies(strategy.stream().map(s -> ServiceCapacityProviderStrategyArgs.builder()
                        .capacityProvider(s.provider()).weight(s.weight()).base(s.base()).build()).toList())
                .deploymentMinimumHealthyPercent(args.deploymentMinimumHealthyPercent())
                .deploymentMaximumPercent(args.deploymentMaximumPercent())
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.placement().privateSubnetIds())
                        .securityGroups(tasksGroup.id().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(target.targetGroupArn())
                        .containerName(name)
                        .containerPort(args.port())
                        .build())
                .healthCheckGracePeriodSeconds(args.healthCheckGracePeriodSeconds())
                .enableExecuteCommand(args.enableExecuteCommand())
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                .waitForSteadyState(args.waitForSteadyState())
                .build(), serviceOptions.build());

        if (args.autoscaling()) {
            autoscaling(name, args, cluster, service, target);
        }
        var dashboard = FargateMonitoring.declare(alarms, region, cluster.name(), service.name(), target.loadBalancerArnSuffix());
        this.deployment = args.blueGreen().map(rollout -> BlueGreenDeployment.declare(this, name, rollout, cluster.name(), service.name(),
                target.blueGreen().orElseThrow(), rollbackAlarms,
                taskDefinition.arn().applyValue(arn -> BlueGreenDeployment.appSpec(arn, name, args.port(), strategy))));

        this.url = target.url();
        this.clusterName = cluster.name();
        this.serviceName = service.name();
        this.repositoryUrl = repository.repositoryUrl();
        this.taskDefinitionArn = taskDefinition.arn();
        this.logGroupName = logGroup.name();
        this.alarmTopicArn = alarms.topic().arn();
        this.dashboardName = dashboard.dashboardName();
        this.dashboardUrl = Output.tuple(region, dashboard.dashboardName()).applyValue(t -> ServiceAlarms.dashboardUrl(t.t1, t.t2));
        var outputs = new java.util.HashMap<String, Output<?>>(Map.of("url", url, "clusterName", clusterName, "serviceName", serviceName,
                "repositoryUrl", repositoryUrl, "taskDefinitionArn", taskDefinitionArn, "logGroupName", logGroupName,
                "alarmTopicArn", alarmTopicArn, "dashboardName", dashboardName, "dashboardUrl", dashboardUrl));
        deployment.ifPresent(d -> {
            outputs.put("deploymentApplication", d.application());
            outputs.put("deploymentGroup", d.group());
            outputs.put("appSpec", d.appSpec());
        });
        registerOutputs(outputs);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }


    private Role executionRole(String name, FargateServiceArgs args, Output<Map<String, String>> secrets, Output<String> trust) {
        var role = EcsTaskRoles.executionRole(this, name, trust);
        if (!args.secrets().isEmpty() || !args.secretValues().isEmpty()) {
            new RolePolicy(name + "-execution-secrets", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(secrets.applyValue(FargateServiceComponent::secretsPolicy))
                    .build(), child());
        }
        return role;
    }

    /** Reading exactly the service's secrets: Secrets Manager secrets and SSM parameters by ARN (nothing when none). */
    private static String secretsPolicy(Map<String, String> secrets) {
        var secretArns = secrets.values().stream().filter(a -> a.contains(":secretsmanager:")).sorted().toList();
        var parameterArns = secrets.values().stream().filter(a -> a.contains(":ssm:")).sorted().toList();
        var statements = new ArrayList<Map<String, Object>>();
        if (!secretArns.isEmpty()) {
            statements.add(IamPolicy.allow(List.of("secretsmanager:GetSecretValue"), secretArns));
        }
        if (!parameterArns.isEmpty()) {
            statements.add(IamPolicy.allow(List.of("ssm:GetParameters"), parameterArns));
        }
        return IamPolicy.document(statements);
    }

    /**
     * The service's secrets by variable: the ARNs given, and for each value given (a secret of the stack's config) a
     * Secrets Manager secret the component creates to hold it.
     */
    private Output<Map<String, String>> secrets(String name, FargateServiceArgs args) {
        var arns = new ArrayList<Output<Map.Entry<String, String>>>();
        args.secrets().forEach((variable, arn) -> arns.add(Output.of(Map.entry(variable, arn))));
        new java.util.TreeMap<>(args.secretValues()).forEach((variable, value) -> {
            var secretName = name + "-" + variable.toLowerCase().replace('_', '-');
            var secret = new Secret(secretName, SecretArgs.builder()
                    .description(variable + " of " + name + ", from the stack's config")
                    .recoveryWindowInDays(7)
                    .build(), child());
            new SecretVersion(secretName + "-value", SecretVersionArgs.builder()
                    .secretId(secret.id())
                    .secretString(value)
                    .build(), child());
            arns.add(secret.arn().applyValue(arn -> Map.entry(variable, arn)));
        });
        return Output.all(arns).applyValue(entries -> {
            var map = new java.util.TreeMap<String, String>();
            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
            return Map.copyOf(map);
        });
    }

    private Role taskRole(String name, FargateServiceArgs args, Output<String> trust) {
        var role = EcsTaskRoles.taskRole(this, name, trust);
        var policyArns = args.permissions().managedPolicyArns();
        for (int i = 0; i < policyArns.size(); i++) {
            new RolePolicyAttachment(name + "-task-policy-" + i, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(policyArns.get(i))
                    .build(), child());
        }
        var statements = new ArrayList<>(args.permissions().statementsJson());
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

    private void autoscaling(String name, FargateServiceArgs args, ClusterRef cluster, Service service, LoadBalancerTarget routing) {
        var target = new Target(name + "-scaling-target", TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId(Output.tuple(cluster.name(), service.name()).applyValue(t -> "service/" + t.t1 + "/" + t.t2))
                .minCapacity(args.minCount())
                .maxCapacity(args.maxCount())
                .build(), child());
        for (var schedule : args.schedules()) {
            new ScheduledAction(name + "-schedule-" + schedule.name(), ScheduledActionArgs.builder()
                    .serviceNamespace(target.serviceNamespace())
                    .scalableDimension(target.scalableDimension())
                    .resourceId(target.resourceId())
                    .schedule(schedule.applicationAutoScalingSchedule())
                    .timezone(schedule.timeZone())
                    .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                            .minCapacity(schedule.minCapacity())
                            .maxCapacity(schedule.maxCapacity())
                            .build())
                    .build(), child());
        }
        tracking(name + "-scale-cpu", target, args, "ECSServiceAverageCPUUtilization", args.cpuTargetPercent(), null);
        tracking(name + "-scale-memory", target, args, "ECSServiceAverageMemoryUtilization", args.memoryTargetPercent(), null);
        if (args.requestsPerTarget() > 0) {
            tracking(name + "-scale-requests", target, args, "ALBRequestCountPerTarget", args.requestsPerTarget(),
                    Output.tuple(routing.loadBalancerArnSuffix(), routing.targetGroupArnSuffix()).applyValue(t -> t.t1 + "/" + t.t2));
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

    /** The console URL of the service's dashboard. */
    public Output<String> dashboardUrl() {
        return dashboardUrl;
    }

    /** For a blue/green service, the CodeDeploy application that deploys it; empty for a rolling one. */
    public java.util.Optional<Output<String>> deploymentApplication() {
        return deployment.map(BlueGreenDeployment::application);
    }

    /** For a blue/green service, the AppSpec of a deployment to its latest task definition ({@code tools/deploy/blue-green.sh}). */
    public java.util.Optional<Output<String>> appSpec() {
        return deployment.map(BlueGreenDeployment::appSpec);
    }

    /** For a blue/green service, its CodeDeploy deployment group; empty for a rolling one. */
    public java.util.Optional<Output<String>> deploymentGroup() {
        return deployment.map(BlueGreenDeployment::group);
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
}
