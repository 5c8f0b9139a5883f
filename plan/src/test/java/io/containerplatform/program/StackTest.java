package io.containerplatform.program;

import io.containerplatform.config.PlaceholderImages;
import io.containerplatform.config.StackConfig;
import io.containerplatform.plan.Plan;
import io.containerplatform.plan.PlanResource;
import io.containerplatform.plan.StackFile;
import io.containerplatform.plan.StackPlans;
import io.containerplatform.tags.Tagging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The real program with the real {@code Pulumi.dev.yaml} and {@code Pulumi.prod.yaml}. */
class StackTest {

    private static List<PlanResource> subnets(Plan plan, String role) {
        return plan.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> s.name().contains("-" + role + "-")).toList();
    }

    @Test
    void devHasTwoZonesAndOneNatGateway() {
        var dev = StackPlans.of("dev");
        assertThat(subnets(dev, "public")).hasSize(2);
        assertThat(subnets(dev, "private")).hasSize(2);
        assertThat(dev.ofType("aws:ec2/natGateway:NatGateway")).hasSize(1);
        assertThat(dev.ofType("aws:ec2/vpcEndpoint:VpcEndpoint")).extracting(r -> r.inputs().get("vpcEndpointType")).containsExactly("Gateway");
        assertThat(dev.ofType("aws:cloudwatch/logGroup:LogGroup")).filteredOn(g -> g.name().equals("dev-flow-logs")).singleElement()
                .satisfies(g -> assertThat(g.inputs()).containsEntry("retentionInDays", 7L));
        assertThat(dev.outputs()).containsEntry("availabilityZones", List.of("us-east-1a", "us-east-1b"))
                .containsEntry("vpcCidr", "10.10.0.0/16");
    }

    @Test
    void prodHasThreeZonesANatGatewayPerZoneAndEndpoints() {
        var prod = StackPlans.of("prod");
        assertThat(subnets(prod, "public")).extracting(r -> r.inputs().get("availabilityZone"))
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(subnets(prod, "private")).hasSize(3);
        assertThat(prod.ofType("aws:ec2/natGateway:NatGateway")).hasSize(3);
        assertThat(prod.ofType("aws:ec2/vpcEndpoint:VpcEndpoint")).hasSize(5);
        assertThat(prod.outputs()).containsKeys("vpcId", "publicSubnetIds", "privateSubnetIds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAlarmTopicOfTheStackHasASubscriber(String stack) {
        var plan = StackPlans.of(stack);
        var topics = new TreeSet<String>();
        plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").forEach(alarm -> alarm.dependencies().stream()
                .filter(d -> d.contains("$aws:sns/topic:Topic::")).forEach(topics::add));
        var subscribed = new TreeSet<String>();
        plan.ofType("aws:sns/topicSubscription:TopicSubscription").forEach(s -> subscribed.addAll(s.dependencies()));
        assertThat(topics).hasSize(stack.equals("dev") ? 3 : 2).allSatisfy(topic -> assertThat(subscribed).contains(topic));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceOfTheStackCanPassItsHealthCheckAsCommitted(String stack) throws java.io.IOException {
        var services = StackConfig.load(StackFile.read(Path.of(""), stack).programConfig()).services().services();
        assertThat(services).hasSize(stack.equals("dev") ? 3 : 2).allSatisfy(service ->
                assertThat(PlaceholderImages.problem(service.image(), service.route().healthCheckPath()))
                        .describedAs(stack + " " + service.name() + " (" + service.image() + ")").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTaggableAwsResourceCarriesTheFiveTags(String stack) {
        var plan = StackPlans.of(stack);
        var taggable = new TreeSet<String>();
        for (var r : plan.customResources()) {
            if (!r.type().startsWith("aws:")) {
                continue;
            }
            var argsClass = Tagging.awsArgsClass(r.type());
            assertThat(argsClass).describedAs("Args class of %s (tagging cannot tell whether it is taggable)", r.type()).isPresent();
            if (argsClass.flatMap(Tagging::tagsField).isEmpty()) {
                assertThat(r.inputs()).describedAs("%s has no tags input", r.urn()).doesNotContainKey("tags");
                continue;
            }
            taggable.add(r.type());
            var tags = tagsOf(r.inputs().get("tags"));
            assertThat(tags).describedAs("tags of %s", r.urn()).isNotNull().containsKeys(StackConfig.REQUIRED_TAGS.toArray(String[]::new))
                    .containsEntry("ManagedBy", "pulumi").containsEntry("Environment", stack).containsEntry("Project", "container-platform");
        }
        // the derivation must find the types we know to be taggable, so that it cannot silently skip them
        assertThat(taggable).contains("aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/natGateway:NatGateway",
                "aws:ec2/eip:Eip", "aws:ec2/routeTable:RouteTable", "aws:cloudwatch/logGroup:LogGroup", "aws:iam/role:Role",
                "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:ec2/flowLog:FlowLog", "aws:ec2/internetGateway:InternetGateway");
        assertThat(taggable).doesNotContain("aws:ec2/route:Route", "aws:ec2/routeTableAssociation:RouteTableAssociation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyResourceIsInTheStackTreeUnderItsComponent(String stack) {
        var plan = StackPlans.of(stack);
        Set<String> urns = new TreeSet<>(plan.resources().stream().map(PlanResource::urn).toList());
        assertThat(plan.resources().get(0).type()).isEqualTo("pulumi:pulumi:Stack");
        for (var r : plan.resources().subList(1, plan.resources().size())) {
            assertThat(urns).describedAs("parent of %s", r.urn()).contains(r.parent());
            assertThat(urns).describedAs("dependencies of %s", r.urn()).containsAll(r.dependencies());
            if (r.custom()) {
                assertThat(r.parent()).describedAs("%s is created inside a component", r.urn()).contains("containerplatform:");
            }
        }
    }

    /** Tags as a map, from the map form or the Auto Scaling list form ({key, value, propagateAtLaunch}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tagsOf(Object tags) {
        if (tags instanceof List<?> list) {
            var map = new java.util.HashMap<String, Object>();
            list.forEach(t -> map.put(String.valueOf(((Map<String, Object>) t).get("key")), ((Map<String, Object>) t).get("value")));
            return map;
        }
        return (Map<String, Object>) tags;
    }

    private static PlanResource only(Plan plan, String type) {
        return only(plan, type, "");
    }

    /** The one resource of {@code type} whose name starts with {@code prefix}. */
    private static PlanResource only(Plan plan, String type, String prefix) {
        var all = plan.ofType(type).stream().filter(r -> r.name().startsWith(prefix)).toList();
        assertThat(all).describedAs(type + " named " + prefix + "*").hasSize(1);
        return all.get(0);
    }

    @Test
    void devRunsTheSeed001ServiceWithoutAutoscaling() {
        var dev = StackPlans.of("dev");
        var task = only(dev, "aws:ecs/taskDefinition:TaskDefinition", "dev-web");
        assertThat(task.inputs()).containsEntry("cpu", "256").containsEntry("memory", "512");
        assertThat((String) task.inputs().get("containerDefinitions")).contains("\"containerPort\":80");
        var service = only(dev, "aws:ecs/service:Service", "dev-web");
        assertThat(service.inputs()).containsEntry("desiredCount", 2L);
        assertThat(service.ignoreChanges()).isEmpty();
        assertThat(dev.ofType("aws:appautoscaling/target:Target")).isEmpty();
        @SuppressWarnings("unchecked")
        var health = (Map<String, Object>) only(dev, "aws:lb/targetGroup:TargetGroup", "dev-lb-web").inputs().get("healthCheck");
        assertThat(health).containsEntry("path", "/").containsEntry("interval", 30L);
        assertThat(dev.ofType("aws:cloudwatch/logGroup:LogGroup")).extracting(r -> r.inputs().get("retentionInDays")).containsOnly(7L);
        assertThat(only(dev, "aws:lb/listener:Listener", "dev-lb").inputs()).containsEntry("protocol", "HTTP");
        assertThat(dev.outputs().get("loadBalancerUrl")).isEqualTo("http://dev-lb-123456.us-east-1.elb.amazonaws.com");
    }

    @Test
    void prodAutoscalesTwoToTenTasksBehindHttpsAndNeverFightsTheAutoscaler() {
        var prod = StackPlans.of("prod");
        var service = only(prod, "aws:ecs/service:Service", "prod-web");
        assertThat(service.ignoreChanges()).containsExactly("desiredCount");
        assertThat(only(prod, "aws:appautoscaling/target:Target").inputs()).containsEntry("minCapacity", 2L).containsEntry("maxCapacity", 10L);
        assertThat(prod.ofType("aws:appautoscaling/policy:Policy")).hasSize(2);
        assertThat(prod.ofType("aws:lb/listener:Listener")).filteredOn(r -> r.name().startsWith("prod-lb"))
                .extracting(r -> r.inputs().get("protocol")).containsExactlyInAnyOrder("HTTP", "HTTPS");
        assertThat(only(prod, "aws:lb/loadBalancer:LoadBalancer", "prod-lb").inputs()).containsEntry("enableDeletionProtection", true)
                .containsEntry("accessLogs", Map.of("bucket", "prod-lb-logs-0a1b2c3", "prefix", "prod-lb", "enabled", true));
        assertThat(StackPlans.of("dev").ofType("aws:lb/loadBalancer:LoadBalancer")).singleElement()
                .satisfies(lb -> assertThat(lb.inputs()).doesNotContainKey("accessLogs"));
        assertThat(prod.outputs().get("loadBalancerUrl")).isEqualTo("https://prod-lb-123456.us-east-1.elb.amazonaws.com");
    }

    @Test
    void devRunsASmallAutoScalingServiceWithASingleAzDatabase() {
        var dev = StackPlans.of("dev");
        assertThat(only(dev, "aws:autoscaling/group:Group", "dev-app").inputs()).containsEntry("minSize", 1L).containsEntry("maxSize", 2L)
                .containsEntry("desiredCapacity", 1L);
        var db = only(dev, "aws:rds/instance:Instance");
        assertThat(db.inputs()).containsEntry("multiAz", false).containsEntry("deletionProtection", false);
        assertThat(db.protect()).isFalse();
    }

    @Test
    void prodRunsTheSeed003ServiceWithAProtectedMultiAzDatabase() {
        var prod = StackPlans.of("prod");
        var asg = only(prod, "aws:autoscaling/group:Group", "prod-app");
        assertThat(asg.inputs()).containsEntry("minSize", 2L).containsEntry("maxSize", 4L).containsEntry("desiredCapacity", 2L);
        assertThat(asg.ignoreChanges()).containsExactly("desiredCapacity");
        assertThat(prod.ofType("aws:autoscaling/schedule:Schedule")).extracting(r -> r.inputs().get("recurrence") + " " + r.inputs().get("minSize")
                + ".." + r.inputs().get("maxSize") + " " + r.inputs().get("timeZone"))
                .containsExactlyInAnyOrder("0 9 * * MON-FRI 3..6 Europe/Paris", "0 17 * * MON-FRI 2..4 Europe/Paris");
        var db = only(prod, "aws:rds/instance:Instance");
        assertThat(db.inputs()).containsEntry("multiAz", true).containsEntry("deletionProtection", true)
                .containsEntry("finalSnapshotIdentifier", "prod-app-db-final").containsEntry("backupRetentionPeriod", 7L);
        assertThat(db.protect()).isTrue();
        assertThat(prod.ofType("aws:sns/topicSubscription:TopicSubscription")).extracting(r -> r.name() + " " + r.inputs().get("endpoint"))
                .containsExactlyInAnyOrder("prod-app-alarm-email-0 platform-oncall@example.com", "prod-web-alarm-email-0 platform-oncall@example.com",
                        "prod-pipeline-alertmanager-alarm-email-0 platform-oncall@example.com");
        @SuppressWarnings("unchecked")
        var services = (Map<String, Map<String, Object>>) prod.outputs().get("services");
        assertThat(services.get("app")).containsKeys("url", "autoScalingGroup", "databaseEndpoint", "databaseSecretArn", "dashboard", "alarmTopicArn",
                "repositoryUrl");
        assertThat(services.get("web")).containsKeys("url", "ecsService", "repositoryUrl", "logGroup", "dashboard", "alarmTopicArn")
                .containsEntry("dashboardUrl", "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards/dashboard/prod-web");
    }

    /** Seed 002: one cluster and one load balancer for all of a stack's services, each service routed by its paths. */
    @Test
    void devsThreeServicesShareOneClusterAndOneLoadBalancer() {
        var dev = StackPlans.of("dev");
        assertThat(only(dev, "aws:ecs/cluster:Cluster", "dev-cluster").inputs()).containsEntry("settings", List.of(Map.of("name", "containerInsights", "value", "enabled")));
        assertThat(dev.ofType("aws:ecs/service:Service")).filteredOn(r -> !r.name().startsWith("dev-spark"))
                .extracting(r -> r.inputs().get("cluster")).containsOnly("arn:aws:ecs:us-east-1:123456789012:cluster/dev-cluster");
        assertThat(dev.ofType("aws:lb/loadBalancer:LoadBalancer")).extracting(PlanResource::name).containsExactly("dev-lb");
        assertThat(dev.ofType("aws:lb/targetGroup:TargetGroup")).extracting(PlanResource::name)
                .containsExactlyInAnyOrder("dev-lb-api-tg", "dev-lb-api-tg-green", "dev-lb-app-tg", "dev-lb-web-tg");
        assertThat(dev.ofType("aws:lb/listenerRule:ListenerRule")).extracting(r -> r.name() + " " + r.inputs().get("conditions"))
                .containsExactlyInAnyOrder("dev-lb-api-rule [{pathPattern={values=[/api, /api/*]}}]",
                        "dev-lb-app-rule [{pathPattern={values=[/students, /students/*]}}]");
        assertThat(dev.ofType("aws:ecr/repository:Repository")).extracting(PlanResource::name).contains("dev-api-repo", "dev-web-repo");
        var api = only(dev, "aws:ecs/taskDefinition:TaskDefinition", "dev-api");
        assertThat((String) api.inputs().get("containerDefinitions")).contains("{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}")
                .contains("\"name\":\"API_TOKEN\",\"valueFrom\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:dev-api-api-token\"");
        assertThat(only(dev, "aws:secretsmanager/secretVersion:SecretVersion", "dev-api").inputs()).containsEntry("secretString", "[secret]");
        // Spark's authentication secret: generated once, kept (the version ignores later draws), masked in the plan
        var sparkAuth = only(dev, "aws:secretsmanager/secretVersion:SecretVersion", "dev-spark");
        assertThat(sparkAuth.inputs()).containsEntry("secretString", "[secret]");
        assertThat(sparkAuth.ignoreChanges()).containsExactly("secretString");
    }

    @Test
    void teardownOrder_theKubernetesProviderAndEveryReleaseDependOnTheAddOns_theServicesOnTheCapacityProviders() {
        var dev = StackPlans.of("dev");
        var addons = dev.ofType("aws:eks/addon:Addon").stream().map(PlanResource::urn).toList();
        assertThat(addons).hasSize(4);
        assertThat(only(dev, "pulumi:providers:kubernetes", "dev-eks-k8s").dependencies()).containsAll(addons);
        assertThat(dev.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> r.name().startsWith("dev-eks-")))
                .extracting(PlanResource::name).containsExactlyInAnyOrder("dev-eks-aws-load-balancer-controller", "dev-eks-cluster-autoscaler",
                        "dev-eks-metrics-server")
                .allSatisfy(name -> assertThat(only(dev, "kubernetes:helm.sh/v3:Release", name).dependencies()).describedAs(name).containsAll(addons));
        var capacity = only(dev, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "dev-cluster-capacity").urn();
        assertThat(dev.ofType("aws:ecs/service:Service")).filteredOn(s -> s.name().startsWith("dev-web") || s.name().startsWith("dev-api"))
                .hasSize(2).allSatisfy(s -> assertThat(s.dependencies()).describedAs(s.name()).contains(capacity));
        var sparkCluster = only(dev, "aws:ecs/cluster:Cluster", "dev-spark-cluster").urn();
        assertThat(only(dev, "aws:ec2/launchTemplate:LaunchTemplate", "dev-spark-lt").dependencies()).contains(sparkCluster);
    }

    @Test
    void prodKeepsItsRepositoriesAndVaultsProtectedWhileDevDeletesThem() {
        for (var stack : List.of("dev", "prod")) {
            boolean prod = stack.equals("prod");
            var keepers = StackPlans.of(stack).resources().stream()
                    .filter(r -> r.type().equals("aws:ecr/repository:Repository") || r.type().equals("aws:backup/vault:Vault")).toList();
            assertThat(keepers).describedAs(stack).hasSizeGreaterThanOrEqualTo(5).allSatisfy(r -> {
                assertThat(r.protect()).describedAs(r.name()).isEqualTo(prod);
                assertThat(r.inputs().getOrDefault("forceDelete", r.inputs().get("forceDestroy"))).describedAs(r.name()).isEqualTo(!prod);
            });
        }
    }

    @Test
    void servicesRegisterTheirTargetsOnlyOnceTheirRouteIsAttached() {
        var dev = StackPlans.of("dev");
        var rule = only(dev, "aws:lb/listenerRule:ListenerRule", "dev-lb-api-rule").urn();
        var listener = only(dev, "aws:lb/listener:Listener", "dev-lb-http").urn();
        assertThat(only(dev, "aws:ecs/service:Service", "dev-api-service").dependencies()).contains(rule, listener);
        assertThat(only(dev, "aws:autoscaling/group:Group", "dev-app-asg").dependencies())
                .contains(only(dev, "aws:lb/listenerRule:ListenerRule", "dev-lb-app-rule").urn(), listener);
    }

    @Test
    void devsApiIsDeployedBlueGreenByCodeDeployAndEveryOtherServiceRollsBackOnItsAlarms() {
        var dev = StackPlans.of("dev");
        var api = only(dev, "aws:ecs/service:Service", "dev-api-service");
        assertThat(api.inputs()).containsEntry("deploymentController", Map.of("type", "CODE_DEPLOY")).doesNotContainKey("deploymentCircuitBreaker");
        assertThat(api.ignoreChanges()).containsExactly("taskDefinition", "loadBalancers");
        assertThat(only(dev, "aws:lb/listenerRule:ListenerRule", "dev-lb-api-rule").ignoreChanges()).containsExactly("actions");
        assertThat(only(dev, "aws:lb/listenerRule:ListenerRule", "dev-lb-app-rule").ignoreChanges()).isEmpty();
        var group = only(dev, "aws:codedeploy/deploymentGroup:DeploymentGroup", "dev-api-deploy-group");
        assertThat(group.inputs()).containsEntry("deploymentConfigName", "CodeDeployDefault.ECSCanary10Percent5Minutes")
                .containsEntry("autoRollbackConfiguration", Map.of("enabled", true, "events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")))
                .containsEntry("alarmConfiguration", Map.of("enabled", true, "alarms", List.of("dev-api-unhealthy-hosts", "dev-api-alb-5xx",
                        "dev-api-green-unhealthy-hosts", "dev-api-green-alb-5xx")));
        assertThat(group.inputs().get("blueGreenDeploymentConfig").toString()).contains("terminationWaitTimeInMinutes=10");
        assertThat(group.inputs().get("loadBalancerInfo").toString()).contains("name=dev-lb-api-tg").contains("name=dev-lb-api-tg-green")
                .contains("listenerArns=[arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/dev-lb-http/");
        @SuppressWarnings("unchecked")
        var outputs = (Map<String, Map<String, Object>>) dev.outputs().get("services");
        assertThat(outputs.get("api")).containsEntry("rollout", "blueGreen").containsKeys("deploymentApplication", "deploymentGroup", "appSpec");
        assertThat((String) outputs.get("api").get("appSpec")).contains("\"TaskDefinition\":\"arn:aws:ecs:us-east-1:123456789012:task-definition/dev-api")
                .contains("\"LoadBalancerInfo\":{\"ContainerName\":\"dev-api\",\"ContainerPort\":80}");
        assertThat(outputs.get("web")).containsEntry("rollout", "rolling").doesNotContainKey("deploymentGroup");
        for (var stack : List.of("dev", "prod")) {
            assertThat(only(StackPlans.of(stack), "aws:ecs/service:Service", stack + "-web-service").inputs())
                    .containsEntry("deploymentCircuitBreaker", Map.of("enable", true, "rollback", true))
                    .containsEntry("alarms", Map.of("enable", true, "rollback", true,
                            "alarmNames", List.of(stack + "-web-unhealthy-hosts", stack + "-web-alb-5xx")));
        }
    }

    @Test
    void sparkRunsOnEcsWithEc2CapacityInBothStacksAndProdKeepsTheDataBucket() {
        var dev = StackPlans.of("dev");
        assertThat(only(dev, "aws:ecs/service:Service", "dev-spark-worker").inputs()).containsEntry("desiredCount", 1L);
        assertThat(only(dev, "aws:s3/bucketV2:BucketV2", "dev-data").protect()).isFalse();
        var prod = StackPlans.of("prod");
        assertThat(only(prod, "aws:ecs/service:Service", "prod-spark-worker").inputs()).containsEntry("desiredCount", 4L);
        assertThat(only(prod, "aws:autoscaling/group:Group", "prod-spark").inputs()).containsEntry("minSize", 2L).containsEntry("maxSize", 6L);
        assertThat(only(prod, "aws:s3/bucketV2:BucketV2", "prod-data").protect()).isTrue();
        assertThat(prod.outputs()).containsEntry("sparkMasterUrl", "spark://master.prod-spark.spark.local:7077")
                .containsEntry("sparkAuthSecretArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod-spark-auth-secret");
    }

    @Test
    void devHasOneSmallGroupPerZoneAndProdAnOnDemandSystemGroupASpotWorkloadGroupAndOnDemandStatefulGroupsPerZone() {
        var dev = StackPlans.of("dev");
        assertThat(dev.ofType("aws:eks/nodeGroup:NodeGroup")).hasSize(2).allSatisfy(g -> assertThat(g.inputs())
                .containsEntry("instanceTypes", List.of("t3.large"))
                .containsEntry("scalingConfig", Map.of("minSize", 1L, "maxSize", 2L, "desiredSize", 1L))
                .containsEntry("labels", Map.of("platform.containerplatform.io/stateful", "true")));
        assertThat(only(dev, "aws:eks/nodeGroup:NodeGroup", "dev-eks-general-1").inputs()).containsEntry("subnetIds", List.of("dev-private-1-id"));
        var prod = StackPlans.of("prod");
        assertThat(prod.ofType("aws:eks/nodeGroup:NodeGroup")).extracting(r -> r.inputs().get("capacityType"))
                .containsExactlyInAnyOrder("ON_DEMAND", "SPOT", "ON_DEMAND", "ON_DEMAND", "ON_DEMAND");
        for (int zone = 0; zone < 3; zone++) {
            assertThat(only(prod, "aws:eks/nodeGroup:NodeGroup", "prod-eks-stateful-" + zone).inputs())
                    .containsEntry("subnetIds", List.of("prod-private-" + zone + "-id")).containsEntry("capacityType", "ON_DEMAND")
                    .containsEntry("labels", Map.of("role", "stateful", "platform.containerplatform.io/stateful", "true"));
        }
        assertThat(prod.ofType("aws:eks/nodeGroup:NodeGroup")).allSatisfy(g -> {
            assertThat(g.ignoreChanges()).containsExactly("scalingConfig.desiredSize");
            assertThat(g.inputs()).doesNotContainKey("nodeGroupName").containsEntry("version", "1.35");
        });
        // the plan shows the add-on versions a deploy installs: those ChartVersions pins for the cluster's version
        assertThat(prod.ofType("aws:eks/addon:Addon")).extracting(a -> a.inputs().get("addonName") + " " + a.inputs().get("addonVersion"))
                .containsExactlyInAnyOrder("vpc-cni v1.21.1-eksbuild.8", "coredns v1.14.3-eksbuild.3", "kube-proxy v1.35.3-eksbuild.13",
                        "aws-ebs-csi-driver v1.63.1-eksbuild.1");
        @SuppressWarnings("unchecked")
        var vpc = (Map<String, Object>) only(prod, "aws:eks/cluster:Cluster").inputs().get("vpcConfig");
        assertThat(((List<?>) vpc.get("publicAccessCidrs")).contains("0.0.0.0/0")).describedAs("public access from anywhere").isFalse();
        assertThat((List<?>) vpc.get("subnetIds")).hasSize(3);
        assertThat(prod.outputs()).containsEntry("kubeconfig", "[secret]").containsKeys("eksClusterName", "eksOidcProviderArn");
        @SuppressWarnings("unchecked")
        var prodRule = ((List<Map<String, Object>>) only(prod, "aws:backup/plan:Plan").inputs().get("rules")).get(0);
        assertThat(prodRule).containsEntry("lifecycle", Map.of("deleteAfter", 35L));
        @SuppressWarnings("unchecked")
        var devRule = ((List<Map<String, Object>>) only(dev, "aws:backup/plan:Plan").inputs().get("rules")).get(0);
        assertThat(devRule).containsEntry("lifecycle", Map.of("deleteAfter", 7L));
    }

    @Test
    void thePipelineRunsOnTheEksProviderWithItsSecretsMasked() {
        for (var stack : List.of("dev", "prod")) {
            var plan = StackPlans.of(stack);
            var secrets = plan.resources().stream().filter(r -> "pipeline-secrets".equals(metadataName(r))).toList();
            assertThat(secrets).singleElement().satisfies(s -> assertThat(s.inputs()).containsEntry("stringData", "[secret]"));
            var rabbit = plan.resources().stream().filter(r -> "StatefulSet".equals(r.inputs().get("kind")) && "rabbitmq".equals(metadataName(r)))
                    .findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            var spec = (Map<String, Object>) rabbit.inputs().get("spec");
            assertThat(spec.get("replicas")).isEqualTo(stack.equals("prod") ? 3L : 1L);
        }
        assertThat(StackPlans.of("prod").outputs()).containsEntry("pipelineApiUrl", "https://api.example.com");
        // dev serves HTTPS too (an ACM certificate validated in its hosted zone): nothing open by default
        assertThat(StackPlans.of("dev").outputs()).containsEntry("pipelineApiUrl", "https://api.dev.example.com");
    }

    @Test
    void rabbitMqRestartsOnlyOnceItsSecretHoldsTheNewDefinitions() {
        var plan = StackPlans.of("dev");
        var rabbit = plan.resources().stream().filter(r -> r.name().equals("dev-pipeline-rabbitmq")).findFirst().orElseThrow();
        assertThat(rabbit.dependencies()).anyMatch(urn -> urn.endsWith("::dev-pipeline-rabbitmq-server-secret"));
    }

    @Test
    void kedasServiceMonitorWaitsForKedaAndForTheMonitoringStackThatBringsItsCrd() {
        var plan = StackPlans.of("dev");
        var monitor = plan.resources().stream().filter(r -> r.name().equals("dev-pipeline-servicemonitor-keda-operator")).findFirst().orElseThrow();
        assertThat(monitor.dependencies()).anyMatch(urn -> urn.endsWith("::dev-pipeline-monitoring")).anyMatch(urn -> urn.endsWith("::dev-pipeline-keda"));
    }

    @SuppressWarnings("unchecked")
    private static String metadataName(PlanResource r) {
        var metadata = r.inputs().get("metadata");
        return metadata instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).get("name")) : null;
    }

    /**
     * Raising pipeline.storageGb must not replace the StatefulSets (pulumi-kubernetes 4.0.0: volumeClaimTemplates is
     * replace-only): their templates' size is left alone and each claim has a patch of its own, in both stacks.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void pipelineVolumesGrowByPatchesAndNeverReplaceTheStatefulSets(String stack) {
        var plan = StackPlans.of(stack);
        var sets = plan.ofType("kubernetes:apps/v1:StatefulSet");
        assertThat(sets).extracting(PlanResource::name).containsExactlyInAnyOrder(stack + "-pipeline-rabbitmq", stack + "-pipeline-mongodb");
        assertThat(sets).allSatisfy(set -> assertThat(set.ignoreChanges())
                .containsExactly("spec.volumeClaimTemplates[0].spec.resources.requests.storage"));
        var rabbitmq = stack.equals("prod") ? 3 : 1;
        assertThat(plan.ofType("kubernetes:core/v1:PersistentVolumeClaimPatch")).hasSize(rabbitmq + 3).allSatisfy(patch -> {
            assertThat(patch.dependencies()).anyMatch(urn -> urn.endsWith("::" + stack + "-pipeline-mongodb")
                    || urn.endsWith("::" + stack + "-pipeline-rabbitmq"));
            assertThat(patch.inputs().toString()).contains("storage=" + (stack.equals("prod") ? 50 : 10) + "Gi");
        });
    }

    /** A rotated secret reaches the pipeline's Secret before the workloads roll and the MongoDB reconcile Job runs. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void pipelineWorkloadsWaitForTheSecretTheyRead(String stack) {
        var plan = StackPlans.of(stack);
        var workloads = new java.util.ArrayList<PlanResource>();
        for (var type : List.of("kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:Deployment", "kubernetes:batch/v1:Job")) {
            workloads.addAll(plan.ofType(type).stream().filter(r -> r.name().startsWith(stack + "-pipeline-")).toList());
        }
        assertThat(workloads).extracting(PlanResource::name).contains(stack + "-pipeline-mongodb", stack + "-pipeline-rabbitmq",
                stack + "-pipeline-spark-processor", stack + "-pipeline-mongodb-rs-initiate");
        assertThat(workloads).allSatisfy(r -> assertThat(r.dependencies()).describedAs(r.name())
                .anyMatch(urn -> urn.endsWith("::" + stack + "-pipeline-secrets")));
    }

    /**
     * Pulumi waits at most 10 minutes for a workload to be ready, from its creation: each waits for what it needs
     * first, so no wait starts while cert-manager is still being installed or MongoDB is still forming. The broker and
     * MongoDB wait for their Certificates; the processor for the broker and the reconcile Job (replica set initiated,
     * users set); the API for the Job.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void pipelineWorkloadsWaitForWhatTheyNeedBeforeTheirReadinessClockStarts(String stack) {
        var plan = StackPlans.of(stack);
        var p = stack + "-pipeline-";
        java.util.function.Function<String, List<String>> needs = name -> plan.resources().stream()
                .filter(r -> r.name().equals(p + name)).findFirst().orElseThrow().dependencies().stream()
                .map(urn -> urn.substring(urn.lastIndexOf("::") + 2)).toList();
        assertThat(needs.apply("rabbitmq")).contains(p + "tls-rabbitmq");
        assertThat(needs.apply("mongodb")).contains(p + "tls-mongodb");
        assertThat(needs.apply("spark-processor")).contains(p + "rabbitmq", p + "mongodb-rs-initiate");
        assertThat(needs.apply("swagger-api")).contains(p + "mongodb-rs-initiate");
    }
}
