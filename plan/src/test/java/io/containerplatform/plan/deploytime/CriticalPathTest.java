package io.containerplatform.plan.deploytime;

import io.containerplatform.plan.PlanFixture;
import io.containerplatform.plan.PlanResource;
import io.containerplatform.plan.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CriticalPathTest {

    /** Times by resource name, for hand-built graphs. */
    private static java.util.function.ToDoubleFunction<PlanResource> times(Map<String, Double> byName) {
        return r -> byName.getOrDefault(r.name(), 0.0);
    }

    /**
     * vpc(5) -> subnet(5) -> db(600)      -> app(100)
     *        \-> sg(3) ----------------/
     *        \-> cache(200)
     * The path is vpc, subnet, db, app: 710 s.
     */
    @Test
    void theLongestChainOfDependenciesSetsTheWallTime() {
        var f = new PlanFixture("s");
        var vpc = f.add("t:a:Vpc", "vpc", Map.of());
        var subnet = f.add("t:a:Subnet", "subnet", Map.of(), vpc);
        var sg = f.add("t:a:Sg", "sg", Map.of(), vpc);
        var db = f.add("t:a:Db", "db", Map.of(), subnet, sg);
        f.add("t:a:App", "app", Map.of(), db);
        f.add("t:a:Cache", "cache", Map.of(), vpc);
        var path = CriticalPath.of(f.plan(), times(Map.of("vpc", 5.0, "subnet", 5.0, "sg", 3.0, "db", 600.0, "app", 100.0, "cache", 200.0)));
        assertThat(path.seconds()).isEqualTo(710);
        assertThat(path.chain()).extracting(CriticalPath.Step::name).containsExactly("vpc", "subnet", "db", "app");
        assertThat(path.chain()).extracting(CriticalPath.Step::finishesAt).containsExactly(5.0, 10.0, 610.0, 710.0);
    }

    @Test
    void dependingOnAComponentWaitsForAllItsChildrenAndAKubernetesObjectWaitsForItsProvider() {
        var f = new PlanFixture("s");
        var cluster = f.add("t:a:Cluster", "cluster", Map.of());
        var provider = f.add(new PlanResource(f.urn("pulumi:providers:kubernetes", "k8s"), "pulumi:providers:kubernetes", "k8s", true,
                f.componentUrn(), Map.of(), List.of(cluster.urn()), false, null, List.of(), List.of()));
        f.add(new PlanResource(f.urn("kubernetes:apps/v1:Deployment", "web"), "kubernetes:apps/v1:Deployment", "web", true, f.componentUrn(),
                Map.of(), List.of(), false, provider.urn() + "::k8s-id", List.of(), List.of()));
        var component = new PlanResource(f.componentUrn(), "test:index:Component", "s-app", false, null, Map.of(), List.of(), false, null, List.of(), List.of());
        f.add(new PlanResource(f.urn("t:a:After", "after"), "t:a:After", "after", true, null, Map.of(), List.of(component.urn()), false, null, List.of(), List.of()));
        var path = CriticalPath.of(f.plan(), times(Map.of("cluster", 600.0, "web", 90.0, "after", 10.0)));
        assertThat(path.seconds()).isEqualTo(700);
        assertThat(path.chain()).extracting(CriticalPath.Step::name).containsExactly("cluster", "web", "after");
    }

    /** Lengthening any resource's creation time never shortens the estimate, on random graphs. */
    @Test
    void theEstimateIsMonotonicInTheTablesTimes() {
        var random = new Random(42);
        for (int round = 0; round < 200; round++) {
            var f = new PlanFixture("s");
            var made = new java.util.ArrayList<PlanResource>();
            var base = new HashMap<String, Double>();
            int size = 2 + random.nextInt(25);
            for (int i = 0; i < size; i++) {
                var deps = made.stream().filter(r -> random.nextInt(4) == 0).toArray(PlanResource[]::new);
                made.add(f.add("t:a:R", "r" + i, Map.of(), deps));
                base.put("r" + i, (double) random.nextInt(600));
            }
            double before = CriticalPath.of(f.plan(), times(base)).seconds();
            var longer = new HashMap<>(base);
            var changed = "r" + random.nextInt(size);
            longer.put(changed, longer.get(changed) + 1 + random.nextInt(300));
            assertThat(CriticalPath.of(f.plan(), times(longer)).seconds()).describedAs("round %d, %s longer", round, changed)
                    .isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void theTableKnowsTheSlowResourcesAndMultiAzDatabasesTakeLonger() {
        var table = CreationTimes.typical();
        var f = new PlanFixture("s");
        var single = f.add("aws:rds/instance:Instance", "single", Map.of("multiAz", false));
        var multi = f.add("aws:rds/instance:Instance", "multi", Map.of("multiAz", true));
        var gateway = f.add("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", Map.of("vpcEndpointType", "Gateway"));
        var iface = f.add("aws:ec2/vpcEndpoint:VpcEndpoint", "logs", Map.of("vpcEndpointType", "Interface"));
        var unknown = f.add("aws:iam/policy:Policy", "policy", Map.of());
        assertThat(table.of(multi)).isGreaterThan(table.of(single));
        assertThat(table.of(iface)).isGreaterThan(table.of(gateway));
        assertThat(table.of(unknown)).isEqualTo(table.defaultSeconds());
        assertThat(table.seconds()).containsKeys("aws:eks/cluster:Cluster", "aws:eks/nodeGroup:NodeGroup", "aws:ec2/natGateway:NatGateway",
                "aws:lb/loadBalancer:LoadBalancer", "kubernetes:helm.sh/v3:Release", "aws:ecs/service:Service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachStacksFirstDeployIsBoundBySlowResources(String stack) {
        var path = CriticalPath.of(StackPlans.of(stack), CreationTimes.typical()::of);
        assertThat(path.seconds()).isBetween(15 * 60.0, 40 * 60.0);
        assertThat(path.chain()).extracting(CriticalPath.Step::type).containsAnyOf("aws:eks/cluster:Cluster", "aws:rds/instance:Instance");
        assertThat(path.report(stack)).contains("A first `pulumi up` of stack '" + stack + "' takes about");
    }

    /** Only Services and Ingresses wait for the load balancer controller: the StatefulSets start once the nodes are up. */
    @Test
    void thePipelinesStatefulSetsDoNotWaitForTheLoadBalancerController() {
        var plan = StackPlans.of("dev");
        var controller = plan.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> r.name().endsWith("load-balancer-controller")).findFirst().orElseThrow();
        for (var statefulSet : plan.ofType("kubernetes:apps/v1:StatefulSet")) {
            assertThat(statefulSet.dependencies()).describedAs(statefulSet.name()).doesNotContain(controller.urn());
        }
        for (var service : plan.ofType("kubernetes:core/v1:Service")) {
            assertThat(service.dependencies()).describedAs(service.name()).contains(controller.urn());
        }
        assertThat(plan.ofType("kubernetes:helm.sh/v3:Release")).filteredOn(r -> r.name().startsWith("dev-pipeline-")).hasSize(3)
                .allSatisfy(release -> assertThat(release.dependencies()).describedAs(release.name()).contains(controller.urn()));
    }
}
