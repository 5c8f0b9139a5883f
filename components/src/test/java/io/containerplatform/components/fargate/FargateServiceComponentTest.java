package io.containerplatform.components.fargate;

import io.containerplatform.components.common.Permissions;
import io.containerplatform.components.common.PolicyStatement;
import io.containerplatform.components.common.LogRetention;
import io.containerplatform.components.network.Placement;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.PulumiTest;
import io.containerplatform.components.loadbalancing.Route;
import io.containerplatform.components.loadbalancing.WebLoadBalancer;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import io.containerplatform.components.args.Inputs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.containerplatform.components.testing.MockStack.mapInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class FargateServiceComponentTest {

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";
    private static final String PARAMETER = "arn:aws:ssm:us-east-1:123456789012:parameter/app/key";

    static final Placement PLACEMENT = Placement.of("vpc-1", "10.0.0.0/16", List.of("pub-a", "pub-b"), List.of("priv-a", "priv-b"));

    static FargateServiceArgs.Builder args() {
        return FargateServiceArgs.builder()
                .placement(PLACEMENT)
                .image("public.ecr.aws/nginx/nginx:1.27");
    }

    /** The service "web" in cluster "main", behind load balancer "lb" (HTTPS with {@code certificate} when not null). */
    static FargateServiceComponent service(FargateServiceArgs.Builder args, String certificate) {
        var cluster = new FargateCluster("main", ComponentResourceOptions.Empty);
        var lb = new WebLoadBalancer("lb", WebLoadBalancerArgs.builder().placement(PLACEMENT)
                .routes(List.of(Route.builder().name("web").targetType("ip").port(8080).healthCheckPath("/").paths(List.of()).hosts(List.of()).build()))
                .certificateArn(certificate).build(), ComponentResourceOptions.Empty);
        return new FargateServiceComponent("web", args.cluster(cluster.ref()).target(lb.target("web")).build());
    }

    static PlatformMocks build(FargateServiceArgs.Builder args) {
        return MockStack.run(ctx -> service(args, null));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container(PlatformMocks mocks) {
        var json = (String) mocks.named("aws:ecs/taskDefinition:TaskDefinition", "web-task").inputs.get("containerDefinitions");
        var list = (List<Object>) new com.google.gson.Gson().fromJson(json, List.class);
        assertThat(list).hasSize(1);
        return (Map<String, Object>) list.get(0);
    }

    @Test
    void theSharedClusterHasContainerInsightsAndBothFargateProvidersAndTheServiceSetsItsSpotShare() {
        var mocks = build(args().spot(50));
        assertThat((List<Object>) mocks.named("aws:ecs/cluster:Cluster", "main").inputs.get("settings"))
                .containsExactly(Map.of("name", "containerInsights", "value", "enabled"));
        var capacity = mocks.named("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "main-capacity");
        assertThat(capacity.inputs).containsEntry("capacityProviders", List.of("FARGATE", "FARGATE_SPOT"));
        assertThat((List<Object>) capacity.inputs.get("defaultCapacityProviderStrategies")).containsExactly(
                Map.of("capacityProvider", "FARGATE", "weight", 1.0, "base", 0.0));
        var service = mocks.named("aws:ecs/service:Service", "web-service");
        assertThat(service.inputs).containsEntry("cluster", PlatformMocks.arn("aws:ecs/cluster:Cluster", "main"));
        assertThat((List<Object>) service.inputs.get("capacityProviderStrategies")).containsExactly(
                Map.of("capacityProvider", "FARGATE", "weight", 50.0, "base", 1.0),
                Map.of("capacityProvider", "FARGATE_SPOT", "weight", 50.0, "base", 0.0));
    }

    @Test
    void seed002AlarmsAndTheLoadBalancersNotifyTheServiceTopicAndADashboardShowsThem() {
        var mocks = build(args().alarmEmails(List.of("ops@example.com")));
        var topic = PlatformMocks.arn("aws:sns/topic:Topic", "web-alarms");
        var alarms = new java.util.TreeMap<String, Map<String, Object>>();
        mocks.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").forEach(a -> alarms.put(a.name, a.inputs));
        assertThat(alarms.keySet()).containsExactly("web-alb-5xx", "web-cpu-high", "web-memory-high", "web-response-time",
                "web-tasks-below-desired", "web-tasks-pending", "web-unhealthy-hosts");
        alarms.forEach((name, alarm) -> assertThat((List<Object>) alarm.get("alarmActions")).describedAs(name).containsExactly(topic));
        var service = Map.of("ClusterName", "main", "ServiceName", "web-service");
        assertThat(alarms.get("web-cpu-high")).containsEntry("namespace", "AWS/ECS").containsEntry("metricName", "CPUUtilization")
                .containsEntry("threshold", 80.0).containsEntry("dimensions", service);
        assertThat(alarms.get("web-memory-high")).containsEntry("metricName", "MemoryUtilization").containsEntry("threshold", 80.0);
        assertThat(alarms.get("web-tasks-pending")).containsEntry("namespace", "ECS/ContainerInsights")
                .containsEntry("metricName", "PendingTaskCount").containsEntry("evaluationPeriods", 10.0).containsEntry("threshold", 0.0);
        assertThat(alarms.get("web-tasks-below-desired").get("metricQueries").toString()).contains("expression=desired - running");
        assertThat(mocks.named("aws:sns/topicSubscription:TopicSubscription", "web-alarm-email-0").inputs)
                .containsEntry("endpoint", "ops@example.com");
        var body = (String) mocks.named("aws:cloudwatch/dashboard:Dashboard", "web-dashboard").inputs.get("dashboardBody");
        assertThat(body).contains("RunningTaskCount").contains("MemoryUtilization").contains("TargetResponseTime");
    }

    @Test
    void repositoryScansIsImmutableEncryptedAndKeepsTheLastImages() {
        var mocks = build(args().keepImages(15));
        var repo = mocks.named("aws:ecr/repository:Repository", "web-repo");
        assertThat(repo.inputs).containsEntry("imageScanningConfiguration", Map.of("scanOnPush", true))
                .containsEntry("imageTagMutability", "IMMUTABLE")
                .containsEntry("encryptionConfigurations", List.of(Map.of("encryptionType", "AES256")))
                .containsEntry("forceDelete", true);
        assertThat(build(args().production(true)).named("aws:ecr/repository:Repository", "web-repo").inputs)
                .describedAs("a production repository keeps its images on destroy").containsEntry("forceDelete", false);
        var lifecycle = JsonParser.parseString((String) mocks.named("aws:ecr/lifecyclePolicy:LifecyclePolicy", "web-repo-lifecycle")
                .inputs.get("policy")).getAsJsonObject().getAsJsonArray("rules").get(0).getAsJsonObject();
        assertThat(lifecycle.getAsJsonObject("selection").get("countNumber").getAsInt()).isEqualTo(15);
        assertThat(lifecycle.getAsJsonObject("selection").get("countType").getAsString()).isEqualTo("imageCountMoreThan");
        assertThat(lifecycle.getAsJsonObject("action").get("type").getAsString()).isEqualTo("expire");
    }

    @Test
    void taskDefinitionIsAwsvpcFargateWithTheSizeAndArchitecture() {
        var mocks = build(args().cpu(1024).memory(3072).architecture(FargateServiceArgs.Architecture.ARM64));
        var task = mocks.named("aws:ecs/taskDefinition:TaskDefinition", "web-task");
        assertThat(task.inputs).containsEntry("family", "web").containsEntry("networkMode", "awsvpc")
                .containsEntry("requiresCompatibilities", List.of("FARGATE")).containsEntry("cpu", "1024").containsEntry("memory", "3072")
                .containsEntry("runtimePlatform", Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "ARM64"))
                .containsEntry("executionRoleArn", PlatformMocks.arn("aws:iam/role:Role", "web-execution-role"))
                .containsEntry("taskRoleArn", PlatformMocks.arn("aws:iam/role:Role", "web-task-role"));
    }

    @Test
    void containerLogsToItsGroupAndCarriesEnvironmentAndSecretsByReference() {
        var mocks = build(args().port(8080).environment(Map.of("MODE", "web")).secrets(Map.of("DB_PASSWORD", SECRET))
                .containerHealthCheck(List.of("CMD-SHELL", "curl -f http://localhost:8080/ || exit 1")).readonlyRootFilesystem(true));
        var c = container(mocks);
        assertThat(c).containsEntry("name", "web").containsEntry("image", "public.ecr.aws/nginx/nginx:1.27")
                .containsEntry("essential", true).containsEntry("privileged", false).containsEntry("readonlyRootFilesystem", true)
                .containsEntry("portMappings", List.of(Map.of("containerPort", 8080.0, "protocol", "tcp")))
                .containsEntry("environment", List.of(Map.of("name", "MODE", "value", "web")))
                .containsEntry("secrets", List.of(Map.of("name", "DB_PASSWORD", "valueFrom", SECRET)))
                .containsEntry("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of(
                        "awslogs-group", "/ecs/web", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs")));
        assertThat(mapInput(mocks.named("aws:ecs/taskDefinition:TaskDefinition", "web-task"), "tags")).isNull();
        assertThat(((Map<?, ?>) c.get("healthCheck")).get("command")).isEqualTo(List.of("CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"));
        var logs = mocks.named("aws:cloudwatch/logGroup:LogGroup", "web-logs");
        assertThat(logs.inputs).containsEntry("name", "/ecs/web").containsEntry("retentionInDays", 7.0);
    }

    @Test
    void containerDefinitionJsonIsStableAcrossRuns() {
        var first = (String) build(args().environment(Map.of("B", "2", "A", "1")))
                .named("aws:ecs/taskDefinition:TaskDefinition", "web-task").inputs.get("containerDefinitions");
        assertThat(first).startsWith("[{\"name\":\"web\",\"image\":").contains("\"environment\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\"");
        assertThat(first).contains("\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/web\"");
    }

    @Test
    void anImageTagRunsFromTheServiceRepository() {
        assertThat(container(build(args().image(":1.4.2"))))
                .containsEntry("image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/web-repo:1.4.2");
    }

    @Test
    void serviceRollsSafelyFromPrivateSubnetsAndWaitsForSteadyState() {
        var service = build(args()).named("aws:ecs/service:Service", "web-service");
        assertThat(service.inputs)
                .containsEntry("desiredCount", 2.0)
                .containsEntry("deploymentMinimumHealthyPercent", 100.0).containsEntry("deploymentMaximumPercent", 200.0)
                .containsEntry("deploymentCircuitBreaker", Map.of("enable", true, "rollback", true))
                .containsEntry("networkConfiguration", Map.of("subnets", List.of("priv-a", "priv-b"),
                        "securityGroups", List.of("web-tasks-sg-id"), "assignPublicIp", false))
                .containsEntry("loadBalancers", List.of(Map.of("targetGroupArn", PlatformMocks.arn("aws:lb/targetGroup:TargetGroup", "lb-web-tg"),
                        "containerName", "web", "containerPort", 80.0)))
                .containsEntry("healthCheckGracePeriodSeconds", 60.0).containsEntry("enableExecuteCommand", false)
                .containsEntry("propagateTags", "SERVICE").containsEntry("waitForSteadyState", true)
                .doesNotContainKey("launchType");
    }

    @Test
    void onlyTheLoadBalancerReachesTheTasks() {
        var mocks = build(args().port(8080));
        var tasks = mocks.named("aws:ec2/securityGroup:SecurityGroup", "web-tasks-sg");
        assertThat((List<Object>) tasks.inputs.get("ingress")).singleElement().isEqualTo(Map.of("description", "Container port from the load balancer",
                "protocol", "tcp", "fromPort", 8080.0, "toPort", 8080.0, "securityGroups", List.of("lb-sg-id")));
        assertThat(mocks.ofType("aws:ec2/securityGroup:SecurityGroup")).extracting(r -> r.name).containsExactlyInAnyOrder("lb-sg", "web-tasks-sg");
    }

    @Test
    void executionRoleReadsExactlyTheConfiguredSecrets() {
        var mocks = build(args().secrets(Map.of("DB_PASSWORD", SECRET, "API_KEY", PARAMETER)));
        var trust = (String) mocks.named("aws:iam/role:Role", "web-execution-role").inputs.get("assumeRolePolicy");
        assertThat(trust).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}}]}");
        assertThat(mocks.named("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "web-execution-policy").inputs)
                .containsEntry("policyArn", "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
        assertThat((String) mocks.named("aws:iam/rolePolicy:RolePolicy", "web-execution-secrets").inputs.get("policy")).isEqualTo(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\"],\"Resource\":[\""
                        + SECRET + "\"]},{\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameters\"],\"Resource\":[\"" + PARAMETER + "\"]}]}");
    }

    @Test
    void aSecretGivenByValueIsStoredInItsOwnSecretWhichOnlyTheExecutionRoleReads() {
        var mocks = build(args().secrets(Map.of("DB_PASSWORD", SECRET)).secretValues(Map.of("API_TOKEN", Output.ofSecret("t0ken"))));
        var secret = mocks.named("aws:secretsmanager/secret:Secret", "web-api-token");
        assertThat(secret.inputs).containsEntry("recoveryWindowInDays", 7.0);
        assertThat(mocks.named("aws:secretsmanager/secretVersion:SecretVersion", "web-api-token-value").inputs)
                .containsEntry("secretString", "t0ken").containsEntry("secretId", "web-api-token-id");
        var created = PlatformMocks.arn("aws:secretsmanager/secret:Secret", "web-api-token");
        assertThat((List<Object>) container(mocks).get("secrets")).containsExactly(
                Map.of("name", "API_TOKEN", "valueFrom", created), Map.of("name", "DB_PASSWORD", "valueFrom", SECRET));
        assertThat((String) mocks.named("aws:iam/rolePolicy:RolePolicy", "web-execution-secrets").inputs.get("policy"))
                .contains(created).contains(SECRET);
    }

    @Test
    void taskRoleHasNothingByDefault() {
        var mocks = build(args());
        assertThat(mocks.ofType("aws:iam/rolePolicy:RolePolicy")).isEmpty();
        assertThat(mocks.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).extracting(r -> r.name).containsExactly("web-execution-policy");
    }

    @Test
    void taskRoleGetsOnlyWhatArgsGrantPlusExecChannels() {
        var mocks = build(args().permissions(Permissions.builder().managedPolicyArns(List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"))
                        .statements(List.of(PolicyStatement.builder().action(List.of("sqs:SendMessage")).resource(List.of("arn:aws:sqs:q")).build()))
                        .build())
                .enableExecuteCommand(true));
        assertThat(mocks.named("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "web-task-policy-0").inputs)
                .containsEntry("policyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess").containsEntry("role", "web-task-role");
        var inline = (String) mocks.named("aws:iam/rolePolicy:RolePolicy", "web-task-inline").inputs.get("policy");
        assertThat(inline).contains("\"sqs:SendMessage\"").contains("ssmmessages:CreateControlChannel").contains("ssmmessages:OpenDataChannel");
        assertThat(mocks.named("aws:ecs/service:Service", "web-service").inputs).containsEntry("enableExecuteCommand", true);
        assertThat(container(mocks)).containsEntry("linuxParameters", Map.of("initProcessEnabled", true));
    }

    @Test
    void fixedCountMeansNoAutoscaling() {
        var mocks = build(args().desiredCount(2));
        assertThat(mocks.ofType("aws:appautoscaling/target:Target")).isEmpty();
        assertThat(mocks.ofType("aws:appautoscaling/policy:Policy")).isEmpty();
    }

    @Test
    void autoscalingTracksCpuMemoryAndRequests() {
        var mocks = build(args().desiredCount(2).minCount(2).maxCount(10).cpuTargetPercent(60).memoryTargetPercent(75)
                .requestsPerTarget(500));
        assertThat(mocks.named("aws:appautoscaling/target:Target", "web-scaling-target").inputs)
                .containsEntry("serviceNamespace", "ecs").containsEntry("scalableDimension", "ecs:service:DesiredCount")
                .containsEntry("resourceId", "service/main/web-service").containsEntry("minCapacity", 2.0).containsEntry("maxCapacity", 10.0);
        assertThat(tracking(mocks, "web-scale-cpu")).containsEntry("targetValue", 60.0).containsEntry("scaleInCooldown", 300.0)
                .containsEntry("scaleOutCooldown", 60.0)
                .containsEntry("predefinedMetricSpecification", Map.of("predefinedMetricType", "ECSServiceAverageCPUUtilization"));
        assertThat(tracking(mocks, "web-scale-memory")).containsEntry("targetValue", 75.0)
                .containsEntry("predefinedMetricSpecification", Map.of("predefinedMetricType", "ECSServiceAverageMemoryUtilization"));
        assertThat(tracking(mocks, "web-scale-requests")).containsEntry("targetValue", 500.0)
                .containsEntry("predefinedMetricSpecification", Map.of("predefinedMetricType", "ALBRequestCountPerTarget",
                        "resourceLabel", "app/lb/50dc6c495c0c9188/targetgroup/lb-web-tg/6d0ecf831eec9f09"));
    }

    private static Map<String, Object> tracking(PlatformMocks mocks, String name) {
        var policy = mocks.named("aws:appautoscaling/policy:Policy", name);
        assertThat(policy.inputs).containsEntry("policyType", "TargetTrackingScaling");
        return mapInput(policy, "targetTrackingScalingPolicyConfiguration");
    }

    @Test
    void schedulesSetTheScalingTargetsBoundsAtTheirTimesAndNeedAutoscaling() {
        var business = io.containerplatform.components.scaling.ScheduledCapacity.builder().name("business-hours").cron("0 9 * * MON-FRI")
                .timeZone("Europe/Paris").minCapacity(4).maxCapacity(8).build();
        var mocks = build(args().desiredCount(2).minCount(2).maxCount(10).schedules(List.of(business)));
        assertThat(mocks.named("aws:appautoscaling/scheduledAction:ScheduledAction", "web-schedule-business-hours").inputs)
                .containsEntry("schedule", "cron(0 9 ? * MON-FRI *)").containsEntry("timezone", "Europe/Paris")
                .containsEntry("resourceId", "service/main/web-service")
                .containsEntry("scalableTargetAction", Map.of("minCapacity", 4.0, "maxCapacity", 8.0));
        assertThatThrownBy(() -> args().schedules(List.of(business)).build())
                .hasMessageContaining("FargateServiceArgs.schedules: set without autoscaling (minCount ").hasMessageContaining("; allowed: needs autoscaling");
    }

    @Test
    void urlIsHttpsWithACertificate() {
        var url = new AtomicReference<Output<String>>();
        var mocks = new PlatformMocks();
        try {
            PulumiTest.withMocks(mocks).runTest(ctx -> url.set(service(args(), "arn:aws:acm:us-east-1:123456789012:certificate/abc").url()));
            assertThat(PulumiTest.extractValue(url.get())).isEqualTo("https://lb-123456.us-east-1.elb.amazonaws.com");
        } finally {
            PulumiTest.cleanup();
        }
    }

    @Test
    void invalidArgsListEveryProblemInTheWordsOfTheirDeclarations() {
        assertThatThrownBy(() -> args().image("nginx:latest").cpu(256).memory(4096).desiredCount(12).minCount(1).maxCount(10)
                .secrets(Map.of("DB", "arn:aws:s3:::bucket")).logRetentionDays(10).port(0).build())
                .hasMessage("FargateServiceArgs.target: missing | "
                        + "FargateServiceArgs.image: \"nginx:latest\" uses the latest tag; pin a version tag or a digest so rollbacks are possible;"
                        + " allowed: an image pinned to a version tag or digest (not latest), or :<tag> of the service's ECR repository | "
                        + "FargateServiceArgs.port: 0 is out of range; allowed: 1 to 65535 | "
                        + "FargateServiceArgs.logRetentionDays: 10 is not a CloudWatch Logs retention; allowed: " + LogRetention.ALLOWED + " | "
                        + "FargateServiceArgs.cluster: missing | "
                        + "FargateServiceArgs.memory: 4096 is not valid with cpu 256; allowed: for cpu 256 one of 512, 1024, 2048 | "
                        + "FargateServiceArgs.desiredCount: 12 is outside minCount..maxCount (1..10); allowed: minCount <= desiredCount <= maxCount | "
                        + "FargateServiceArgs.secrets.DB: \"arn:aws:s3:::bucket\" is not a Secrets Manager secret or SSM parameter ARN;"
                        + " allowed: a Secrets Manager secret or SSM parameter ARN");
        assertThatThrownBy(() -> FargateServiceArgs.builder().image("nginx").minCount(5).maxCount(2).build())
                .hasMessageStartingWith("FargateServiceArgs.placement: missing | FargateServiceArgs.target: missing | ")
                .hasMessageContaining("FargateServiceArgs.cluster: missing")
                .hasMessageContaining("FargateServiceArgs.image: \"nginx\" has no tag")
                .hasMessageEndingWith("FargateServiceArgs.minCount: 5 is greater than maxCount 2; allowed: minCount <= maxCount");
    }

    @Test
    void aRollingServiceRollsBackOnItsCircuitBreakerAndOnItsTargetAlarms() {
        var service = build(args()).named("aws:ecs/service:Service", "web-service");
        assertThat(service.inputs).containsEntry("deploymentCircuitBreaker", Map.of("enable", true, "rollback", true))
                .containsEntry("alarms", Map.of("enable", true, "rollback", true, "alarmNames", List.of("web-unhealthy-hosts", "web-alb-5xx")))
                .doesNotContainKey("deploymentController");
        assertThat(build(args()).named("aws:ecs/taskDefinition:TaskDefinition", "web-task").inputs).containsEntry("skipDestroy", true);
    }

    @Test
    void aBlueGreenServiceIsDeployedByCodeDeployWhichRollsBackOnFailureAndOnItsAlarms() {
        var mocks = MockStack.run(ctx -> {
            var cluster = new FargateCluster("main", ComponentResourceOptions.Empty);
            var lb = new WebLoadBalancer("lb", WebLoadBalancerArgs.builder().placement(PLACEMENT)
                    .routes(List.of(Route.builder().name("web").targetType("ip").port(8080).healthCheckPath("/").paths(List.of("/web/*")).hosts(List.of()).blueGreen(true).build()))
                    .build(), ComponentResourceOptions.Empty);
            var service = new FargateServiceComponent("web", args().spot(50).cluster(cluster.ref()).target(lb.target("web"))
                    .blueGreen(BlueGreenRollout.builder().trafficShift("linear10PercentEvery1Minutes").terminateBlueAfterMinutes(0).build()).build());
            assertThat(service.deploymentGroup()).isPresent();
        });
        var service = mocks.named("aws:ecs/service:Service", "web-service");
        assertThat(service.inputs).containsEntry("deploymentController", Map.of("type", "CODE_DEPLOY"))
                .doesNotContainKeys("deploymentCircuitBreaker", "alarms");
        var group = mocks.named("aws:codedeploy/deploymentGroup:DeploymentGroup", "web-deploy-group");
        assertThat(group.inputs).containsEntry("deploymentConfigName", "CodeDeployDefault.ECSLinear10PercentEvery1Minutes")
                .containsEntry("deploymentStyle", Map.of("deploymentType", "BLUE_GREEN", "deploymentOption", "WITH_TRAFFIC_CONTROL"))
                .containsEntry("ecsService", Map.of("clusterName", "main", "serviceName", "web-service"));
        assertThat(mocks.named("aws:codedeploy/application:Application", "web-deploy").inputs).containsEntry("computePlatform", "ECS");
        // after a deployment the green target group serves: its alarms roll back the next deployment as much as the blue one's
        assertThat(group.inputs).containsEntry("alarmConfiguration", Map.of("enabled", true,
                "alarms", List.of("web-unhealthy-hosts", "web-alb-5xx", "web-green-unhealthy-hosts", "web-green-alb-5xx")));
        assertThat(mapInput(mocks.named("aws:cloudwatch/metricAlarm:MetricAlarm", "web-green-alb-5xx"), "dimensions")).isEqualTo(Map.of(
                "TargetGroup", "targetgroup/lb-web-tg-green/6d0ecf831eec9f09", "LoadBalancer", "app/lb/50dc6c495c0c9188"));
        assertThat(mapInput(mocks.named("aws:cloudwatch/metricAlarm:MetricAlarm", "web-alb-5xx"), "dimensions")).isEqualTo(Map.of(
                "TargetGroup", "targetgroup/lb-web-tg/6d0ecf831eec9f09", "LoadBalancer", "app/lb/50dc6c495c0c9188"));
        assertThat(mocks.named("aws:cloudwatch/metricAlarm:MetricAlarm", "web-green-unhealthy-hosts").inputs)
                .containsEntry("alarmDescription", "At least one target is unhealthy (green target group)")
                .containsEntry("metricName", "UnHealthyHostCount");
        assertThat(mocks.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")).extracting(r -> r.name).contains("web-green-response-time");
        assertThat(mocks.named("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "web-codedeploy-policy").inputs)
                .containsEntry("policyArn", "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS");
        assertThat(BlueGreenDeployment.appSpec("arn:td:3", "web", 8080, CapacityStrategy.forSpotPercent(50))).isEqualTo(
                "{\"version\":\"0.0\",\"Resources\":[{\"TargetService\":{\"Type\":\"AWS::ECS::Service\",\"Properties\":{"
                        + "\"TaskDefinition\":\"arn:td:3\",\"LoadBalancerInfo\":{\"ContainerName\":\"web\",\"ContainerPort\":8080},"
                        + "\"CapacityProviderStrategy\":[{\"CapacityProvider\":\"FARGATE\",\"Weight\":50,\"Base\":1},"
                        + "{\"CapacityProvider\":\"FARGATE_SPOT\",\"Weight\":50,\"Base\":0}]}}}]}");
    }

    private static BlueGreenRollout badRollout() {
        var rollout = Inputs.defaults(BlueGreenRollout.class);
        Inputs.set(rollout, Map.of("trafficShift", "halfAndHalf", "terminateBlueAfterMinutes", 3000));
        return rollout;
    }

    @Test
    void blueGreenNeedsABlueGreenRouteAndCodeDeploysSettings() {
        var thrown = MockStack.failure(ctx -> service(args().blueGreen(badRollout()), null));
        assertThat(thrown).hasStackTraceContaining("FargateServiceArgs.blueGreen.trafficShift: \"halfAndHalf\" is not allowed; allowed: one of allAtOnce,")
                .hasStackTraceContaining("FargateServiceArgs.blueGreen.terminateBlueAfterMinutes: 3000 is out of range; allowed: 0 to 2880")
                .hasStackTraceContaining("FargateServiceArgs.blueGreen: set with a target that is not blue/green; allowed: a target whose route is blue/green");
    }

    @Test
    void settingTheBuilderOrItsListsAgainAfterBuildLeavesTheBuiltArgsAlone() {
        MockStack.run(ctx -> {
            var cluster = new FargateCluster("main", ComponentResourceOptions.Empty);
            var lb = new WebLoadBalancer("lb", WebLoadBalancerArgs.builder().placement(PLACEMENT)
                    .routes(List.of(Route.builder().name("web").targetType("ip").port(8080).healthCheckPath("/").paths(List.of()).hosts(List.of()).build())).build(),
                    ComponentResourceOptions.Empty);
            var emails = new java.util.ArrayList<>(List.of("ops@example.com"));
            var builder = args().cluster(cluster.ref()).target(lb.target("web")).alarmEmails(emails).cpu(512).memory(1024);
            var built = builder.build();
            builder.cpu(4096).image("changed:2");
            emails.add("other@example.com");
            assertThat(built.cpu()).isEqualTo(512);
            assertThat(built.image()).isEqualTo("public.ecr.aws/nginx/nginx:1.27");
            assertThat(built.alarmEmails()).containsExactly("ops@example.com");
        });
    }
}
