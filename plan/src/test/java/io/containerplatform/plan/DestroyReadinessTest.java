package io.containerplatform.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DestroyReadinessTest {

    private static final String REPOSITORY = "aws:ecr/repository:Repository";
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String LEGACY_BUCKET = "aws:s3/bucket:Bucket";
    private static final String VAULT = "aws:backup/vault:Vault";

    @Test
    void theRealStacksCanBeDestroyed() {
        assertThat(DestroyReadiness.errors(StackPlans.of("dev"), false)).isEmpty();
        assertThat(DestroyReadiness.errors(StackPlans.of("prod"), true)).isEmpty();
    }

    @Test
    void outsideProductionWhatHoldsDataMustBeForceDeletable() {
        var fixture = new PlanFixture("dev");
        fixture.add(REPOSITORY, "images", Map.of("forceDelete", false));
        fixture.add(BUCKET, "data", Map.of());
        fixture.add(LEGACY_BUCKET, "logs", Map.of("forceDestroy", false));
        fixture.add(VAULT, "backups", Map.of("forceDestroy", false));
        fixture.add("aws:rds/instance:Instance", "db", Map.of("deletionProtection", true, "skipFinalSnapshot", false));
        fixture.add("aws:lb/loadBalancer:LoadBalancer", "lb", Map.of("enableDeletionProtection", true));
        fixture.add("aws:autoscaling/group:Group", "asg", Map.of("protectFromScaleIn", true));
        assertThat(DestroyReadiness.errors(fixture.plan(), false)).containsExactly(
                "destroy: aws:ecr/repository:Repository images: ECR refuses to delete a repository that holds images: set forceDelete outside production",
                "destroy: aws:s3/bucketV2:BucketV2 data: S3 refuses to delete a bucket that holds objects: set forceDestroy outside production",
                "destroy: aws:s3/bucket:Bucket logs: S3 refuses to delete a bucket that holds objects: set forceDestroy outside production",
                "destroy: aws:backup/vault:Vault backups: AWS Backup refuses to delete a vault that holds recovery points: set forceDestroy"
                        + " outside production",
                "destroy: aws:rds/instance:Instance db: RDS refuses to delete an instance with deletionProtection: turn it off outside production",
                "destroy: aws:rds/instance:Instance db: deleting an instance without skipFinalSnapshot needs a finalSnapshotIdentifier:"
                        + " set skipFinalSnapshot outside production",
                "destroy: aws:lb/loadBalancer:LoadBalancer lb: ELB refuses to delete a load balancer with enableDeletionProtection: turn it off"
                        + " outside production",
                "destroy: aws:autoscaling/group:Group asg: a plain delete never terminates scale-in-protected instances: set forceDelete"
                        + " outside production");
        assertThat(DestroyReadiness.errors(fixture.plan(), true)).describedAs("production keeps them on purpose").isEmpty();
    }

    @Test
    void forceDeletableResourcesPass() {
        var fixture = new PlanFixture("dev");
        fixture.add(REPOSITORY, "images", Map.of("forceDelete", true));
        fixture.add(BUCKET, "data", Map.of("forceDestroy", true));
        fixture.add(LEGACY_BUCKET, "logs", Map.of("forceDestroy", true));
        fixture.add(VAULT, "backups", Map.of("forceDestroy", true));
        fixture.add("aws:rds/instance:Instance", "db", Map.of("deletionProtection", false, "skipFinalSnapshot", true));
        fixture.add("aws:autoscaling/group:Group", "asg", Map.of("protectFromScaleIn", true, "forceDelete", true));
        assertThat(DestroyReadiness.errors(fixture.plan(), false)).isEmpty();
    }

    @Test
    void aProtectedResourceStopsTheDestroyOfANonProductionStack() {
        var fixture = new PlanFixture("dev");
        var bucket = fixture.add(BUCKET, "data", Map.of("forceDestroy", true));
        fixture.add(new PlanResource(bucket.urn() + "-kept", BUCKET, "kept", true, fixture.componentUrn(), Map.of("forceDestroy", true),
                List.of(), true, null, List.of(), List.of()));
        assertThat(DestroyReadiness.errors(fixture.plan(), false)).containsExactly(
                "destroy: aws:s3/bucketV2:BucketV2 kept is protected: pulumi destroy refuses to delete it outside production");
        assertThat(DestroyReadiness.errors(fixture.plan(), true)).isEmpty();
    }

    /** A cluster with two add-ons and a Kubernetes provider; {@code providerDependsOnAddons} decides the teardown order. */
    private static PlanFixture cluster(boolean providerDependsOnAddons) {
        var fixture = new PlanFixture("dev");
        var cluster = fixture.add("aws:eks/cluster:Cluster", "eks", Map.of());
        var coredns = fixture.add("aws:eks/addon:Addon", "eks-coredns", Map.of(), cluster);
        var cni = fixture.add("aws:eks/addon:Addon", "eks-vpc-cni", Map.of(), cluster);
        var provider = providerDependsOnAddons
                ? fixture.add("pulumi:providers:kubernetes", "eks-k8s", Map.of(), cluster, coredns, cni)
                : fixture.add("pulumi:providers:kubernetes", "eks-k8s", Map.of(), cluster);
        fixture.add(new PlanResource(fixture.urn("kubernetes:networking.k8s.io/v1:Ingress", "api"), "kubernetes:networking.k8s.io/v1:Ingress",
                "api", true, fixture.componentUrn(), Map.of(), List.of(), false, provider.urn() + "::provider-id", List.of(), List.of()));
        return fixture;
    }

    @Test
    void kubernetesObjectsMustOutliveNothingTheyNeed_theAddOnsGoLast() {
        assertThat(DestroyReadiness.errors(cluster(false).plan(), false)).containsExactly(
                "destroy: kubernetes:networking.k8s.io/v1:Ingress api does not depend on the add-on eks-coredns: pulumi destroy may delete"
                        + " the add-on first and leave what the object's controllers clean up (load balancers, security groups, volumes) behind",
                "destroy: kubernetes:networking.k8s.io/v1:Ingress api does not depend on the add-on eks-vpc-cni: pulumi destroy may delete"
                        + " the add-on first and leave what the object's controllers clean up (load balancers, security groups, volumes) behind");
        assertThat(DestroyReadiness.errors(cluster(false).plan(), true)).describedAs("an ordering problem in production too").hasSize(2);
        assertThat(DestroyReadiness.errors(cluster(true).plan(), false)).describedAs("through its provider").isEmpty();
    }

    @Test
    void aDependencyOnAComponentCountsItsChildren() {
        var fixture = new PlanFixture("dev");
        var cluster = fixture.add("aws:eks/cluster:Cluster", "eks", Map.of());
        fixture.add("aws:eks/addon:Addon", "eks-coredns", Map.of(), cluster);
        var component = fixture.plan().resources().get(1);
        fixture.add("kubernetes:helm.sh/v3:Release", "release", Map.of(), cluster, component);
        assertThat(DestroyReadiness.errors(fixture.plan(), false)).isEmpty();
    }

    @Test
    void ecsServicesMustDependOnTheirClustersCapacityProviders() {
        var fixture = new PlanFixture("dev");
        var cluster = fixture.add("aws:ecs/cluster:Cluster", "cluster", Map.of());
        var association = fixture.add("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "cluster-capacity", Map.of(), cluster);
        fixture.add("aws:ecs/service:Service", "late", Map.of(), cluster, association);
        fixture.add("aws:ecs/service:Service", "early", Map.of(), cluster);
        assertThat(DestroyReadiness.errors(fixture.plan(), false)).containsExactly(
                "destroy: aws:ecs/service:Service early does not depend on cluster-capacity: pulumi destroy may remove the capacity"
                        + " providers while the service uses them, which ECS refuses");
    }

    @Test
    void anAutoScalingGroupThatIsACapacityProviderMustDependOnItsEcsCluster() {
        var fixture = new PlanFixture("dev");
        var cluster = fixture.add("aws:ecs/cluster:Cluster", "spark-cluster", Map.of());
        var template = fixture.add("aws:ec2/launchTemplate:LaunchTemplate", "spark-lt", Map.of());
        var group = fixture.add("aws:autoscaling/group:Group", "spark-asg", Map.of(), template);
        var provider = fixture.add("aws:ecs/capacityProvider:CapacityProvider", "spark-capacity", Map.of(), group);
        fixture.add("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "spark-capacity-providers", Map.of(), cluster, provider);
        assertThat(DestroyReadiness.errors(fixture.plan(), false)).containsExactly(
                "destroy: aws:autoscaling/group:Group spark-asg does not depend on the ECS cluster spark-cluster: pulumi destroy may delete"
                        + " the cluster while its instances are registered, which ECS refuses");

        var ordered = new PlanFixture("dev");
        var orderedCluster = ordered.add("aws:ecs/cluster:Cluster", "spark-cluster", Map.of());
        var orderedTemplate = ordered.add("aws:ec2/launchTemplate:LaunchTemplate", "spark-lt", Map.of(), orderedCluster);
        var orderedGroup = ordered.add("aws:autoscaling/group:Group", "spark-asg", Map.of(), orderedTemplate);
        var orderedProvider = ordered.add("aws:ecs/capacityProvider:CapacityProvider", "spark-capacity", Map.of(), orderedGroup);
        ordered.add("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "spark-capacity-providers", Map.of(), orderedCluster,
                orderedProvider);
        assertThat(DestroyReadiness.errors(ordered.plan(), false)).isEmpty();
    }
}
