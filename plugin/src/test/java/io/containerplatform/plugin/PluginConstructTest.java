package io.containerplatform.plugin;

import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What another language's program gets: Pulumi's component provider, in-process on the mock engine, builds a
 * component from the inputs it was sent (property values, as the engine sends them), and returns its outputs.
 */
class PluginConstructTest {

    private static final DescribedComponentProvider PROVIDER = new DescribedComponentProvider();

    private static Map<String, PropertyValue> networkInputs(String cidr) {
        return Map.of("cidr", PropertyValue.of(cidr), "azCount", PropertyValue.of(3), "natGateways", PropertyValue.of("perAz"),
                "availabilityZones", PropertyValue.of(List.of(PropertyValue.of("eu-west-3a"), PropertyValue.of("eu-west-3b"),
                        PropertyValue.of("eu-west-3c"))));
    }

    @Test
    void aNetworkIsBuiltFromTheInputsItWasSentWithItsDeclaredDefaults() throws Exception {
        var response = new AtomicReference<CompletableFuture<ConstructResponse>>();
        var mocks = MockStack.run(ctx -> response.set(PROVIDER.construct(new ConstructRequest("containerplatform:index:NetworkComponent",
                "shop", networkInputs("10.20.0.0/16"), ComponentResourceOptions.Empty))));
        var result = response.get().get(30, TimeUnit.SECONDS);
        assertThat(result.getUrn()).endsWith("containerplatform:index:NetworkComponent::shop");
        assertThat(result.getState()).containsKeys("vpcId", "vpcCidr", "publicSubnetIds", "privateSubnetIds");
        assertThat(mocks.named("aws:ec2/vpc:Vpc", "shop-vpc").inputs).containsEntry("cidrBlock", "10.20.0.0/16");
        assertThat(mocks.ofType("aws:ec2/natGateway:NatGateway")).hasSize(3);
        assertThat(mocks.ofType("aws:ec2/flowLog:FlowLog")).hasSize(1);
        assertThat(mocks.ofType("containerplatform:index:NetworkComponent")).hasSize(1);
    }

    @Test
    void imageRepositoriesReturnEachImagesRepositoryUrl() throws Exception {
        var response = new AtomicReference<CompletableFuture<ConstructResponse>>();
        MockStack.run(ctx -> response.set(PROVIDER.construct(new ConstructRequest("containerplatform:index:ImageRepositories", "shop",
                Map.of("prefix", PropertyValue.of("shop"), "images", PropertyValue.of(List.of(PropertyValue.of("web"), PropertyValue.of("api")))),
                ComponentResourceOptions.Empty))));
        var urls = response.get().get(30, TimeUnit.SECONDS).getState().get("repositoryUrls").getOutputValue().getValue().getObjectValue();
        assertThat(urls).containsOnlyKeys("api", "web");
        assertThat(urls.get("web").toString()).contains("shop/web");
    }

    private static PropertyValue strings(String... values) {
        return PropertyValue.of(java.util.Arrays.stream(values).map(PropertyValue::of).toList());
    }

    private static PropertyValue placement() {
        return PropertyValue.of(Map.of("vpcId", PropertyValue.of("vpc-1"), "vpcCidr", PropertyValue.of("10.0.0.0/16"),
                "publicSubnetIds", strings("pub-a", "pub-b"), "privateSubnetIds", strings("priv-a", "priv-b")));
    }

    private static ConstructResponse construct(String type, Map<String, PropertyValue> inputs, PlatformMocks[] mocks) throws Exception {
        var response = new AtomicReference<CompletableFuture<ConstructResponse>>();
        mocks[0] = MockStack.run(ctx -> response.set(PROVIDER.construct(new ConstructRequest("containerplatform:index:" + type, "shop", inputs,
                ComponentResourceOptions.Empty))));
        return response.get().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aLoadBalancerIsBuiltFromItsNestedPlacementAndRoutesAndReturnsEachRoutesTargetGroup() throws Exception {
        var mocks = new PlatformMocks[1];
        var result = construct("WebLoadBalancer", Map.of("placement", placement(), "routes", PropertyValue.of(List.of(
                PropertyValue.of(Map.of("name", PropertyValue.of("web"), "targetType", PropertyValue.of("ip"), "port", PropertyValue.of(8080))),
                PropertyValue.of(Map.of("name", PropertyValue.of("api"), "targetType", PropertyValue.of("ip"), "port", PropertyValue.of(9000),
                        "paths", strings("/api/*"), "healthCheckPath", PropertyValue.of("/health")))))), mocks);
        var arns = result.getState().get("targetGroupArns").getOutputValue().getValue().getObjectValue();
        assertThat(arns).containsOnlyKeys("api", "web");
        assertThat(mocks[0].named("aws:lb/targetGroup:TargetGroup", "shop-api-tg").inputs.get("healthCheck").toString()).contains("path=/health");
        assertThat(mocks[0].named("aws:lb/listenerRule:ListenerRule", "shop-api-rule").inputs.get("conditions").toString()).contains("/api/*");
        assertThat(result.getState()).containsKeys("targetGroupArnSuffixes", "loadBalancerArnSuffix", "listenerArn", "greenTargetGroupNames");
        assertThat(result.getState().get("targetGroupArns").getOutputValue().getDependencies()).describedAs("a service waits for its rule")
                .anyMatch(urn -> urn.endsWith("::shop-api-rule"));
    }

    @Test
    void aClusterReturnsItsRefAndAFargateServiceRunsInItBehindALoadBalancerTargetAsAnotherLanguageSendsThem() throws Exception {
        var mocks = new PlatformMocks[1];
        var cluster = construct("FargateCluster", Map.of("containerInsights", PropertyValue.of(false)), mocks);
        assertThat(cluster.getState()).containsKeys("arn", "name");
        assertThat(mocks[0].named("aws:ecs/cluster:Cluster", "shop").inputs.get("settings").toString()).contains("disabled");

        var service = construct("FargateService", Map.of("placement", placement(), "cluster", PropertyValue.of(Map.of(
                        "arn", PropertyValue.of("arn:aws:ecs:eu-west-3:123456789012:cluster/main"), "name", PropertyValue.of("main"))),
                "target", target("web"), "image", PropertyValue.of("nginx:1.27"), "port", PropertyValue.of(8080),
                "permissions", PropertyValue.of(Map.of("statements", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                        "Action", strings("sqs:SendMessage"), "Resource", strings("arn:aws:sqs:eu-west-3:123456789012:orders"))))))),
                "environment", PropertyValue.of(Map.of("LOG_LEVEL", PropertyValue.of("debug"))),
                "secretValues", PropertyValue.ofSecret(PropertyValue.of(Map.of("API_TOKEN", PropertyValue.of("s3cr3t"))))), mocks);
        assertThat(service.getState()).containsKeys("repositoryUrl", "url", "serviceName", "taskDefinitionArn", "logGroupName",
                "alarmTopicArn", "dashboardUrl");
        var ecs = mocks[0].named("aws:ecs/service:Service", "shop-service");
        assertThat(ecs.inputs).containsEntry("cluster", "arn:aws:ecs:eu-west-3:123456789012:cluster/main");
        assertThat(ecs.inputs.get("loadBalancers").toString()).contains("targetgroup/web/1", "containerPort=8080");
        assertThat((String) mocks[0].named("aws:iam/rolePolicy:RolePolicy", "shop-task-inline").inputs.get("policy")).contains("sqs:SendMessage");
        var container = mocks[0].named("aws:ecs/taskDefinition:TaskDefinition", "shop-task").inputs.get("containerDefinitions").toString();
        assertThat(container).contains("LOG_LEVEL", "debug", "API_TOKEN").doesNotContain("s3cr3t");
        assertThat(mocks[0].ofType("aws:secretsmanager/secretVersion:SecretVersion")).singleElement()
                .satisfies(version -> assertThat(version.inputs).containsEntry("secretString", "s3cr3t"));
    }

    private static PropertyValue target(String name) {
        return PropertyValue.of(Map.of("targetGroupArn", PropertyValue.of("arn:aws:elasticloadbalancing:eu-west-3:123456789012:targetgroup/" + name + "/1"),
                "targetGroupArnSuffix", PropertyValue.of("targetgroup/" + name + "/1"), "loadBalancerArnSuffix", PropertyValue.of("app/shop/2"),
                "securityGroupId", PropertyValue.of("sg-alb"), "url", PropertyValue.of("https://shop.example.com")));
    }

    @Test
    void anEc2ServiceRunsBehindItsTargetWithItsDatabaseSettingsAndSchedulesAsAnotherLanguageSendsThem() throws Exception {
        var mocks = new PlatformMocks[1];
        var service = construct("AsgService", Map.of("placement", placement(), "target", target("app"), "image", PropertyValue.of("nginx:1.27"),
                "instanceType", PropertyValue.of("t3.medium"), "minSize", PropertyValue.of(1), "maxSize", PropertyValue.of(3),
                "environment", PropertyValue.of(Map.of("MODE", PropertyValue.of("batch"))), "alarmEmails", strings("ops@example.com"),
                "schedules", PropertyValue.of(List.of(PropertyValue.of(Map.of("name", PropertyValue.of("night"),
                        "cron", PropertyValue.of("0 20 * * *"), "timeZone", PropertyValue.of("Europe/Paris"), "maxCapacity", PropertyValue.of(1))))),
                "database", PropertyValue.of(Map.of("instanceClass", PropertyValue.of("db.t4g.small"), "multiAz", PropertyValue.of(true)))), mocks);
        assertThat(service.getState()).containsKeys("repositoryUrl", "url", "asgName", "dbEndpoint", "dbSecretArn", "alarmTopicArn", "dashboardUrl");
        var group = mocks[0].named("aws:autoscaling/group:Group", "shop-asg");
        assertThat(group.inputs).containsEntry("minSize", 1.0).containsEntry("maxSize", 3.0).containsEntry("desiredCapacity", 2.0);
        assertThat(group.inputs.get("targetGroupArns").toString()).contains("targetgroup/app/1");
        assertThat(mocks[0].named("aws:ec2/launchTemplate:LaunchTemplate", "shop-lt").inputs).containsEntry("instanceType", "t3.medium");
        assertThat(mocks[0].ofType("aws:sns/topicSubscription:TopicSubscription")).singleElement()
                .satisfies(subscription -> assertThat(subscription.inputs).containsEntry("endpoint", "ops@example.com"));
        assertThat(mocks[0].ofType("aws:rds/instance:Instance")).singleElement().satisfies(db -> assertThat(db.inputs)
                .containsEntry("instanceClass", "db.t4g.small").containsEntry("multiAz", true));
        assertThat(mocks[0].ofType("aws:autoscaling/schedule:Schedule")).singleElement()
                .satisfies(schedule -> assertThat(schedule.inputs).containsEntry("recurrence", "0 20 * * *").containsEntry("timeZone", "Europe/Paris")
                        .containsEntry("minSize", 0.0).containsEntry("maxSize", 1.0));
    }

    private static Map<String, PropertyValue> pipelineInputs() {
        var secret = (java.util.function.Function<String, PropertyValue>) v -> PropertyValue.ofSecret(PropertyValue.of(v));
        var inputs = new java.util.HashMap<>(Map.of("placement", placement(), "sparkImage", PropertyValue.of("registry.example.com/spark-processor:1.2.0"),
                "apiImage", PropertyValue.of("registry.example.com/swagger-api:1.3.0"), "apiHost", PropertyValue.of("api.example.com"),
                "rabbitmqPassword", secret.apply("rabbit-pass"), "mongodbPassword", secret.apply("mongo-pass"),
                "mongodbReplicaSetKey", secret.apply("keyfile"), "grafanaAdminPassword", secret.apply("grafana-pass"),
                "kubernetesVersion", PropertyValue.of("1.34"), "loadBalancerController", PropertyValue.of("aws-load-balancer-controller")));
        inputs.put("rabbitmqErlangCookie", secret.apply("erlang-cookie"));
        return inputs;
    }

    @Test
    void aDataPipelineRunsOnTheKubernetesProviderItWasGivenInItsOptions() throws Exception {
        var response = new AtomicReference<CompletableFuture<ConstructResponse>>();
        var mocks = MockStack.run(ctx -> {
            var cluster = new com.pulumi.kubernetes.Provider("cluster", com.pulumi.kubernetes.ProviderArgs.builder().kubeconfig("{}").build());
            response.set(PROVIDER.construct(new ConstructRequest("containerplatform:index:DataPipeline", "shop", pipelineInputs(),
                    ComponentResourceOptions.builder().providers(cluster).build())));
        });
        assertThat(response.get().get(30, TimeUnit.SECONDS).getState()).containsKeys("apiUrl", "rabbitmqService", "mongodbService", "grafanaService");
        var kubernetes = mocks.matching(r -> r.type.startsWith("kubernetes:"));
        assertThat(kubernetes).hasSizeGreaterThan(20).allSatisfy(r -> assertThat(r.provider).describedAs(r.name).contains("::cluster"));
        assertThat(mocks.named("kubernetes:helm.sh/v3:Release", "shop-keda").inputs)
                .containsEntry("version", io.containerplatform.components.eks.ChartVersions.forCluster("1.34").orElseThrow().keda());
    }

    @Test
    void aDataPipelineWithoutAKubernetesProviderRegistersNothing() {
        var failure = new AtomicReference<Throwable>();
        var mocks = MockStack.run(ctx -> {
            try {
                PROVIDER.construct(new ConstructRequest("containerplatform:index:DataPipeline", "shop", pipelineInputs(), ComponentResourceOptions.Empty));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        assertThat(failure.get()).rootCause().hasMessageStartingWith("DataPipelineComponent: no Kubernetes provider;");
        assertThat(mocks.matching(r -> r.type.startsWith("kubernetes:") || r.type.startsWith("containerplatform:"))).isEmpty();
    }

    @Test
    void anEksPlatformTakesNodeGroupsWithTheirTaints() throws Exception {
        var mocks = new PlatformMocks[1];
        construct("EksPlatform", Map.of("placement", placement(), "dataBucketName", PropertyValue.of("data-lake"),
                "dataBucketArn", PropertyValue.of("arn:aws:s3:::data-lake"), "nodeGroups", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                        "name", PropertyValue.of("spark"), "capacityType", PropertyValue.of("SPOT"), "taints", PropertyValue.of(List.of(
                                PropertyValue.of(Map.of("key", PropertyValue.of("workload"), "value", PropertyValue.of("spark"))))))))),
                "backup", PropertyValue.of(Map.of("retentionDays", PropertyValue.of(14)))), mocks);
        var group = mocks[0].named("aws:eks/nodeGroup:NodeGroup", "shop-spark");
        assertThat(group.inputs).containsEntry("capacityType", "SPOT");
        assertThat(group.inputs.get("taints").toString()).contains("workload", "spark", "NO_SCHEDULE");
        assertThat(mocks[0].ofType("aws:backup/plan:Plan")).hasSize(1);
    }

    @Test
    void badInputsFailNamingEveryProblemBeforeAnythingIsRegistered() {
        var failure = new AtomicReference<Throwable>();
        var mocks = MockStack.run(ctx -> {
            try {
                PROVIDER.construct(new ConstructRequest("containerplatform:index:NetworkComponent", "shop", networkInputs("10.0.0.0/8"),
                        ComponentResourceOptions.Empty));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        assertThat(failure.get()).rootCause().hasMessage(
                "NetworkArgs.cidr: \"10.0.0.0/8\" has prefix /8; allowed: IPv4 CIDR, prefix /16 to /24, no host bits");
        assertThat(mocks.ofType("aws:ec2/vpc:Vpc")).isEmpty();
        assertThat(mocks.ofType("containerplatform:index:NetworkComponent")).isEmpty();
    }
}
