package io.containerplatform.plan.cost;

import io.containerplatform.config.CostConfig;
import io.containerplatform.config.UsageAssumption;
import io.containerplatform.plan.PlanFixture;
import io.containerplatform.plan.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each priced kind against a figure computed by hand from prices.json (us-east-1, 730 hours). */
class CostEstimatorTest {

    private static final double H = 730;
    private static final Prices US_EAST_1 = Prices.of("us-east-1").orElseThrow();
    /** The plan date of every estimate here: none depends on the day the test runs. */
    private static final LocalDate ON = LocalDate.of(2026, 12, 4);

    private static CostConfig defaults() {
        return config(Optional.empty(), Map.of());
    }

    private static CostConfig config(Optional<Double> budget, Map<UsageAssumption, Double> overrides) {
        var values = new EnumMap<UsageAssumption, Double>(UsageAssumption.class);
        for (var a : UsageAssumption.values()) {
            values.put(a, overrides.getOrDefault(a, a.defaultValue()));
        }
        return new CostConfig(budget, values);
    }

    private static CostEstimate estimate(PlanFixture fixture) {
        return CostEstimator.estimate(fixture.plan(), US_EAST_1, defaults(), ON);
    }

    private static double kind(CostEstimate estimate, String kind) {
        return estimate.byKind().getOrDefault(kind, 0.0);
    }

    /** Seed 001: two 0.25 vCPU / 512 MB tasks behind an internet-facing ALB in two zones, us-east-1, no NAT. */
    @Test
    void theSeed001ShapeCostsAboutWhatTheSeedSays() {
        var f = new PlanFixture("seed");
        var lb = f.add("aws:lb/loadBalancer:LoadBalancer", "front-alb", Map.of("loadBalancerType", "application", "internal", false,
                "subnets", List.of("public-a", "public-b")));
        var tg = f.add("aws:lb/targetGroup:TargetGroup", "front-tg", Map.of("port", 80, "targetType", "ip"));
        f.add("aws:lb/listener:Listener", "front-http", Map.of("port", 80), lb, tg);
        var task = f.add("aws:ecs/taskDefinition:TaskDefinition", "front-task", Map.of("cpu", "256", "memory", "512",
                "requiresCompatibilities", List.of("FARGATE")));
        f.add("aws:ecs/service:Service", "front-service", Map.of("desiredCount", 2, "launchType", "FARGATE"), task, tg);
        f.add("aws:cloudwatch/logGroup:LogGroup", "front-logs", Map.of("retentionInDays", 7));
        var total = estimate(f).total();
        assertThat(total).isCloseTo(45, within(45 * 0.15));
        // 2 tasks: 2 x (0.25 x 0.04048 + 0.5 x 0.004445) x 730; ALB: (0.0225 + 1 LCU x 0.008) x 730; 2 public IPv4; 1 GB of logs
        assertThat(total).isCloseTo(2 * (0.25 * 0.04048 + 0.5 * 0.004445) * H + (0.0225 + 0.008) * H + 2 * 0.005 * H + 0.50, within(0.01));
        assertThat(CostEstimate.dollars(total)).describedAs("the README's figure").isEqualTo("$48.09");
    }

    @Test
    void natGatewaysCostTheirHoursAndTheAssumedTraffic() {
        var f = new PlanFixture("s");
        f.add("aws:ec2/natGateway:NatGateway", "nat", Map.of());
        f.add("aws:ec2/eip:Eip", "nat-eip", Map.of("domain", "vpc"));
        var e = estimate(f);
        assertThat(kind(e, "NAT gateways")).isEqualTo(CostEstimate.round(0.045 * H + 50 * 0.045));
        assertThat(kind(e, "Public IPv4")).isEqualTo(CostEstimate.round(0.005 * H));
        var moreTraffic = CostEstimator.estimate(f.plan(), US_EAST_1, config(Optional.empty(), Map.of(UsageAssumption.NAT_GB_PER_MONTH, 1000.0)), ON);
        assertThat(kind(moreTraffic, "NAT gateways")).isEqualTo(CostEstimate.round(0.045 * H + 1000 * 0.045));
    }

    @Test
    void internalLoadBalancersHaveNoPublicAddresses() {
        var f = new PlanFixture("s");
        f.add("aws:lb/loadBalancer:LoadBalancer", "nlb", Map.of("loadBalancerType", "network", "internal", true, "subnets", List.of("a", "b", "c")));
        var e = estimate(f);
        assertThat(kind(e, "Load balancers")).isEqualTo(CostEstimate.round((0.0225 + 0.006) * H));
        assertThat(kind(e, "Public IPv4")).isZero();
    }

    @Test
    void fargateSpotTasksCostTheirShareAtTheDiscount() {
        var f = new PlanFixture("s");
        var task = f.add("aws:ecs/taskDefinition:TaskDefinition", "task", Map.of("cpu", "1024", "memory", "2048",
                "requiresCompatibilities", List.of("FARGATE")));
        f.add("aws:ecs/service:Service", "svc", Map.of("desiredCount", 4, "capacityProviderStrategies", List.of(
                Map.of("capacityProvider", "FARGATE", "base", 2, "weight", 1),
                Map.of("capacityProvider", "FARGATE_SPOT", "weight", 1))), task);
        double taskHour = 1 * 0.04048 + 2 * 0.004445;
        // 2 base tasks on demand, the other 2 split 1:1: 3 on demand, 1 on Spot at 70 % off
        assertThat(kind(estimate(f), "Fargate")).isEqualTo(CostEstimate.round(H * taskHour * (3 + 0.3)));
    }

    @Test
    void spotTasksFollowBaseThenWeights() {
        assertThat(CostEstimator.spotTasks(List.of(Map.of("capacityProvider", "FARGATE_SPOT", "base", 1, "weight", 3),
                Map.of("capacityProvider", "FARGATE", "weight", 1)), 5)).isEqualTo(1 + 4 * 0.75);
        assertThat(CostEstimator.spotTasks(List.of(Map.of("capacityProvider", "FARGATE", "weight", 1)), 5)).isZero();
    }

    @Test
    void anAutoscaledServiceCostsAtLeastItsMinimum() {
        var f = new PlanFixture("s");
        var task = f.add("aws:ecs/taskDefinition:TaskDefinition", "task", Map.of("cpu", "256", "memory", "512", "requiresCompatibilities", List.of("FARGATE")));
        f.add("aws:ecs/service:Service", "svc", Map.of("desiredCount", 1, "name", "svc", "cluster", "arn:aws:ecs:us-east-1:1:cluster/main"), task);
        f.add("aws:appautoscaling/target:Target", "svc-target", Map.of("resourceId", "service/main/svc", "minCapacity", 3));
        assertThat(kind(estimate(f), "Fargate")).isEqualTo(CostEstimate.round(3 * H * (0.25 * 0.04048 + 0.5 * 0.004445)));
    }

    @Test
    void tasksOnEc2CapacityAreCountedWithTheirInstances() {
        var f = new PlanFixture("s");
        var task = f.add("aws:ecs/taskDefinition:TaskDefinition", "task", Map.of("cpu", "256", "memory", "512", "requiresCompatibilities", List.of("EC2")));
        f.add("aws:ecs/service:Service", "svc", Map.of("desiredCount", 3), task);
        assertThat(estimate(f).lines()).isEmpty();
    }

    @Test
    void autoScalingGroupsCostTheirDesiredInstancesAndVolumes() {
        var f = new PlanFixture("s");
        var lt = f.add("aws:ec2/launchTemplate:LaunchTemplate", "lt", Map.of("instanceType", "t3.small", "blockDeviceMappings",
                List.of(Map.of("deviceName", "/dev/xvda", "ebs", Map.of("volumeSize", 20, "volumeType", "gp3")))));
        f.add("aws:autoscaling/group:Group", "asg", Map.of("desiredCapacity", 2, "minSize", 1), lt);
        var e = estimate(f);
        assertThat(kind(e, "EC2 instances")).isEqualTo(CostEstimate.round(2 * 0.0208 * H));
        assertThat(kind(e, "EBS volumes")).isEqualTo(CostEstimate.round(2 * 20 * 0.08));
    }

    @Test
    void eksCostsItsControlPlaneAndItsNodes() {
        var f = new PlanFixture("s");
        f.add("aws:eks/cluster:Cluster", "eks", Map.of());
        f.add("aws:eks/nodeGroup:NodeGroup", "spot-nodes", Map.of("capacityType", "SPOT", "instanceTypes", List.of("m6i.xlarge", "m5.xlarge"),
                "scalingConfig", Map.of("desiredSize", 3), "diskSize", 50));
        var e = estimate(f);
        assertThat(kind(e, "EKS control plane")).isEqualTo(CostEstimate.round(0.10 * H));
        assertThat(kind(e, "EC2 instances")).isEqualTo(CostEstimate.round(3 * 0.192 * H * 0.4));
        assertThat(kind(e, "EBS volumes")).isEqualTo(CostEstimate.round(3 * 50 * 0.08));
    }

    @Test
    void anEksVersionInExtendedSupportCostsSixTimesTheControlPlane() {
        var f = new PlanFixture("s");
        f.add("aws:eks/cluster:Cluster", "old", Map.of("version", "1.34"));
        f.add("aws:eks/cluster:Cluster", "new", Map.of("version", "1.35"));
        var e = estimate(f);
        assertThat(e.lines()).filteredOn(l -> l.kind().equals("EKS control plane")).extracting(CostLine::resource, l -> CostEstimate.round(l.monthly()), CostLine::driver)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("old", CostEstimate.round(0.60 * H), "1 cluster, extended support (EKS Kubernetes 1.34 since 2026-12-02)"),
                        org.assertj.core.groups.Tuple.tuple("new", CostEstimate.round(0.10 * H), "1 cluster, standard support"));
        var beforeItsEnd = CostEstimator.estimate(f.plan(), US_EAST_1, defaults(), LocalDate.of(2026, 12, 1));
        assertThat(kind(beforeItsEnd, "EKS control plane")).isEqualTo(CostEstimate.round(2 * 0.10 * H));
    }

    @Test
    void aMysqlMajorInExtendedSupportPaysPerVcpuHourOfEveryCopyDoubledFromItsThirdYear() {
        var f = new PlanFixture("s");
        f.add("aws:rds/instance:Instance", "db", Map.of("engine", "mysql", "engineVersion", "8.0.39", "instanceClass", "db.t4g.medium",
                "multiAz", true, "allocatedStorage", 20, "storageType", "gp3"));
        assertThat(estimate(f).lines()).filteredOn(l -> l.kind().equals("RDS Extended Support")).singleElement()
                .satisfies(l -> assertThat(CostEstimate.round(l.monthly())).isEqualTo(CostEstimate.round(2 * 2 * 0.100 * H)))
                .satisfies(l -> assertThat(l.driver()).isEqualTo("2 x 2 vCPU, year 1 of extended support (RDS for MySQL 8.0 since 2026-07-31)"));
        var third = CostEstimator.estimate(f.plan(), US_EAST_1, defaults(), LocalDate.of(2028, 7, 31));
        assertThat(kind(third, "RDS Extended Support")).isEqualTo(CostEstimate.round(2 * 2 * 0.200 * H));
        var inStandard = CostEstimator.estimate(f.plan(), US_EAST_1, defaults(), LocalDate.of(2026, 7, 30));
        assertThat(inStandard.lines()).noneMatch(l -> l.kind().equals("RDS Extended Support"));
    }

    @Test
    void multiAzDatabasesCostTwiceWithStorageBackupsAndTheirSecret() {
        var f = new PlanFixture("s");
        f.add("aws:rds/instance:Instance", "db", Map.of("engine", "mysql", "instanceClass", "db.t4g.medium", "multiAz", true,
                "allocatedStorage", 50, "storageType", "gp3", "backupRetentionPeriod", 7, "manageMasterUserPassword", true));
        var e = estimate(f);
        double expected = 2 * 0.065 * H + 2 * 50 * 0.115 + 50 * 0.02 * 7 * 0.095;
        assertThat(kind(e, "RDS")).isCloseTo(expected, within(0.01));
        assertThat(kind(e, "Secrets Manager")).isEqualTo(0.40);
    }

    @Test
    void interfaceEndpointsCostEachZoneAndGatewayEndpointsAreFree() {
        var f = new PlanFixture("s");
        f.add("aws:ec2/vpcEndpoint:VpcEndpoint", "logs", Map.of("vpcEndpointType", "Interface", "subnetIds", List.of("a", "b")));
        f.add("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", Map.of("vpcEndpointType", "Gateway"));
        assertThat(kind(estimate(f), "VPC endpoints")).isEqualTo(CostEstimate.round(2 * 0.01 * H + 10 * 0.01));
    }

    @Test
    void cloudWatchCostsLogsAlarmMetricsAndDashboards() {
        var f = new PlanFixture("s");
        f.add("aws:cloudwatch/logGroup:LogGroup", "logs", Map.of());
        f.add("aws:cloudwatch/metricAlarm:MetricAlarm", "simple", Map.of("metricName", "CPUUtilization"));
        f.add("aws:cloudwatch/metricAlarm:MetricAlarm", "math", Map.of("metricQueries", List.of(
                Map.of("id", "a", "metric", Map.of("metricName", "RunningTaskCount")),
                Map.of("id", "b", "metric", Map.of("metricName", "DesiredTaskCount")),
                Map.of("id", "e", "expression", "b - a"))));
        f.add("aws:cloudwatch/dashboard:Dashboard", "board", Map.of());
        assertThat(kind(estimate(f), "CloudWatch")).isEqualTo(CostEstimate.round(0.50 + 0.10 + 2 * 0.10 + 3.00));
    }

    @Test
    void monthlyItemsCostTheirListPrice() {
        var f = new PlanFixture("s");
        f.add("aws:kms/key:Key", "key", Map.of());
        f.add("aws:ecr/repository:Repository", "repo", Map.of());
        f.add("aws:s3/bucketV2:BucketV2", "bucket", Map.of());
        f.add("aws:secretsmanager/secret:Secret", "secret", Map.of());
        f.add("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "ns", Map.of());
        var e = estimate(f);
        assertThat(e.byKind()).containsExactlyInAnyOrderEntriesOf(Map.of("KMS", 1.00, "ECR", 0.10, "S3", CostEstimate.round(10 * 0.023),
                "Secrets Manager", 0.40, "Route 53", 0.50));
    }

    @Test
    void statefulSetsCostOneVolumePerReplica() {
        var f = new PlanFixture("s");
        f.add("kubernetes:apps/v1:StatefulSet", "mongodb", Map.of("spec", Map.of("replicas", 3, "volumeClaimTemplates", List.of(
                Map.of("metadata", Map.of("name", "data"), "spec", Map.of("resources", Map.of("requests", Map.of("storage", "20Gi"))))))));
        assertThat(kind(estimate(f), "EBS volumes")).isEqualTo(CostEstimate.round(3 * 20 * 1.073741824 * 0.08));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10Gi:10.737", "500Mi:0.524", "1Ti:1099.512", "20G:20", "1024:0.000001"})
    void kubernetesQuantitiesAreReadInGigabytes(String example) {
        var parts = example.split(":");
        assertThat(CostEstimator.gigabytes(parts[0])).isCloseTo(Double.parseDouble(parts[1]), within(0.001));
    }

    @Test
    void whatTheTableCannotPriceIsListedNotCountedAsFree() {
        var f = new PlanFixture("s");
        var lt = f.add("aws:ec2/launchTemplate:LaunchTemplate", "lt", Map.of("instanceType", "x2iedn.32xlarge"));
        f.add("aws:autoscaling/group:Group", "asg", Map.of("desiredCapacity", 1), lt);
        f.add("aws:rds/instance:Instance", "pg", Map.of("engine", "postgres", "instanceClass", "db.t4g.micro"));
        assertThat(estimate(f).unpriced()).containsExactly(
                "asg: prices.json has no us-east-1 price for EC2 instance type x2iedn.32xlarge",
                "pg: prices.json has no us-east-1 price for RDS postgres db.t4g.micro");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyStackIsFullyPricedAndAttributedToItsComponents(String stack) {
        var e = CostEstimator.estimate(StackPlans.of(stack), US_EAST_1, defaults(), ON);
        assertThat(e.unpriced()).isEmpty();
        assertThat(e.byComponent().keySet()).contains(stack + "-web", stack + "-app", stack + "-eks", stack);
        assertThat(e.byKind().keySet()).contains("Fargate", "Load balancers", "NAT gateways", "EC2 instances", "RDS", "EKS control plane",
                "EBS volumes", "CloudWatch", "KMS");
        assertThat(e.total()).isCloseTo(e.byComponent().values().stream().mapToDouble(Double::doubleValue).sum(), within(0.01 * e.byComponent().size()));
    }

    @Test
    void everyRegionOfTheTablePricesTheSameItems() {
        var keys = Prices.of("us-east-1").orElseThrow().table().keySet();
        assertThat(Prices.regions()).contains("us-east-1", "eu-west-1", "eu-west-3");
        for (var region : Prices.regions()) {
            var table = Prices.of(region).orElseThrow().table();
            assertThat(table.keySet()).describedAs(region).isEqualTo(keys);
            for (var group : List.of("ec2Hour", "rdsMysqlHour")) {
                assertThat(table.getAsJsonObject(group).keySet()).describedAs(region + " " + group)
                        .isEqualTo(Prices.of("us-east-1").orElseThrow().table().getAsJsonObject(group).keySet());
            }
        }
        assertThat(Prices.of("ap-south-2")).isEmpty();
    }

    @Test
    void theBudgetFailsAboveItAndWarnsFromEightyPercent() {
        var f = new PlanFixture("s");
        f.add("aws:kms/key:Key", "key", Map.of());
        f.add("aws:kms/key:Key", "key2", Map.of());
        var over = CostEstimator.estimate(f.plan(), US_EAST_1, config(Optional.of(1.5), Map.of()), ON);
        assertThat(BudgetCheck.error(over)).contains("the monthly cost estimate of stack 's', $2.00, is over its budget of $1.50 (container-platform:cost.monthlyBudget)");
        assertThat(BudgetCheck.warning(over)).isEmpty();
        var close = CostEstimator.estimate(f.plan(), US_EAST_1, config(Optional.of(2.4), Map.of()), ON);
        assertThat(BudgetCheck.error(close)).isEmpty();
        assertThat(BudgetCheck.warning(close)).contains("the monthly cost estimate of stack 's', $2.00, uses 83 % of its budget of $2.40");
        var fine = CostEstimator.estimate(f.plan(), US_EAST_1, config(Optional.of(10.0), Map.of()), ON);
        assertThat(BudgetCheck.error(fine)).isEmpty();
        assertThat(BudgetCheck.warning(fine)).isEmpty();
        assertThat(BudgetCheck.error(CostEstimator.estimate(f.plan(), US_EAST_1, defaults(), ON))).isEmpty();
    }
}
