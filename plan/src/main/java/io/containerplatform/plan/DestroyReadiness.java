package io.containerplatform.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What would stop {@code pulumi destroy} of the stack, read from the plan: errors the plan prints after the tree, and
 * exits 1 on.
 *
 * <p>Pulumi deletes a resource only after everything that depends on it: its dependencies, its provider, and the
 * children of a component it depends on (pulumi/pulumi {@code pkg/resource/graph/dependency_graph.go},
 * {@code DependingOn}). So the order of a teardown is the reverse of those edges, and what the cloud refuses to delete
 * while something else still exists must be depended on by that something:
 * <ul>
 *   <li>every Kubernetes object and Helm release depends on the add-ons of its cluster (the load balancer controller
 *       needs CoreDNS, the VPC CNI and kube-proxy to delete its ALBs and security groups, the EBS CSI driver deletes
 *       the volumes): otherwise they are orphaned and the VPC cannot be deleted;</li>
 *   <li>every ECS service depends on the capacity providers' association of its cluster (ECS refuses to remove a
 *       capacity provider a service uses);</li>
 *   <li>an Auto Scaling group that is an ECS capacity provider depends on the ECS cluster (ECS refuses to delete a
 *       cluster with registered container instances).</li>
 * </ul>
 * These hold in every stack. Outside production the stack must also delete what holds data: a protected resource,
 * an ECR repository without {@code forceDelete}, a bucket or backup vault without {@code forceDestroy}, a database with
 * deletion protection or without {@code skipFinalSnapshot}, a load balancer with deletion protection, or a
 * scale-in-protected group without {@code forceDelete} stops the destroy half-way. Production keeps them on purpose
 * (README, "Rolling out an image, rolling back, destroying", says how to retire a production stack).
 */
final class DestroyReadiness {

    private static final String ADDON = "aws:eks/addon:Addon";
    private static final String EKS_CLUSTER = "aws:eks/cluster:Cluster";
    private static final String ECS_SERVICE = "aws:ecs/service:Service";
    private static final String ECS_CLUSTER = "aws:ecs/cluster:Cluster";
    private static final String CAPACITY_PROVIDERS = "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders";
    private static final String CAPACITY_PROVIDER = "aws:ecs/capacityProvider:CapacityProvider";
    private static final String ASG = "aws:autoscaling/group:Group";

    /** A setting outside production that stops the destroy: the resource type, what is wrong, and the fix. */
    private record Keeper(String type, Predicate<Map<String, Object>> blocks, String problem) {
    }

    private static final List<Keeper> KEEPERS = List.of(
            new Keeper("aws:ecr/repository:Repository", in -> !isTrue(in.get("forceDelete")),
                    "ECR refuses to delete a repository that holds images: set forceDelete"),
            new Keeper("aws:s3/bucketV2:BucketV2", in -> !isTrue(in.get("forceDestroy")),
                    "S3 refuses to delete a bucket that holds objects: set forceDestroy"),
            new Keeper("aws:s3/bucket:Bucket", in -> !isTrue(in.get("forceDestroy")),
                    "S3 refuses to delete a bucket that holds objects: set forceDestroy"),
            new Keeper("aws:backup/vault:Vault", in -> !isTrue(in.get("forceDestroy")),
                    "AWS Backup refuses to delete a vault that holds recovery points: set forceDestroy"),
            new Keeper("aws:rds/instance:Instance", in -> isTrue(in.get("deletionProtection")),
                    "RDS refuses to delete an instance with deletionProtection: turn it off"),
            new Keeper("aws:rds/instance:Instance", in -> !isTrue(in.get("skipFinalSnapshot")) && in.get("finalSnapshotIdentifier") == null,
                    "deleting an instance without skipFinalSnapshot needs a finalSnapshotIdentifier: set skipFinalSnapshot"),
            new Keeper("aws:lb/loadBalancer:LoadBalancer", in -> isTrue(in.get("enableDeletionProtection")),
                    "ELB refuses to delete a load balancer with enableDeletionProtection: turn it off"),
            new Keeper(ASG, in -> isTrue(in.get("protectFromScaleIn")) && !isTrue(in.get("forceDelete")),
                    "a plain delete never terminates scale-in-protected instances: set forceDelete"));

    private DestroyReadiness() {
    }

    /** The problems that would stop {@code pulumi destroy} of {@code plan}; {@code production} as the stack's environment says. */
    static List<String> errors(Plan plan, boolean production) {
        var graph = new Closure(plan);
        var errors = new ArrayList<String>();
        for (var r : plan.customResources()) {
            if (!production) {
                if (r.protect()) {
                    errors.add(describe(r) + " is protected: pulumi destroy refuses to delete it outside production");
                }
                KEEPERS.stream().filter(k -> k.type().equals(r.type()) && k.blocks().test(r.inputs()))
                        .forEach(k -> errors.add(describe(r) + ": " + k.problem() + " outside production"));
            }
            if (r.type().startsWith("kubernetes:")) {
                var before = graph.of(r);
                plan.ofType(EKS_CLUSTER).stream().filter(c -> before.contains(c.urn()))
                        .flatMap(c -> dependentsOf(plan, c, ADDON).stream())
                        .filter(addon -> !before.contains(addon.urn()))
                        .forEach(addon -> errors.add(describe(r) + " does not depend on the add-on " + addon.name()
                                + ": pulumi destroy may delete the add-on first and leave what the object's controllers clean up"
                                + " (load balancers, security groups, volumes) behind"));
            }
            if (r.type().equals(ECS_SERVICE)) {
                var before = graph.of(r);
                plan.ofType(ECS_CLUSTER).stream().filter(c -> before.contains(c.urn()))
                        .flatMap(c -> dependentsOf(plan, c, CAPACITY_PROVIDERS).stream())
                        .filter(association -> !before.contains(association.urn()))
                        .forEach(association -> errors.add(describe(r) + " does not depend on " + association.name()
                                + ": pulumi destroy may remove the capacity providers while the service uses them, which ECS refuses"));
            }
            if (r.type().equals(ASG)) {
                var before = graph.of(r);
                dependentsOf(plan, r, CAPACITY_PROVIDER).stream()
                        .flatMap(provider -> dependentsOf(plan, provider, CAPACITY_PROVIDERS).stream())
                        .flatMap(association -> plan.ofType(ECS_CLUSTER).stream().filter(c -> association.dependencies().contains(c.urn())))
                        .filter(cluster -> !before.contains(cluster.urn()))
                        .forEach(cluster -> errors.add(describe(r) + " does not depend on the ECS cluster " + cluster.name()
                                + ": pulumi destroy may delete the cluster while its instances are registered, which ECS refuses"));
            }
        }
        return errors;
    }

    private static String describe(PlanResource r) {
        return "destroy: " + r.type() + " " + r.name();
    }

    private static List<PlanResource> dependentsOf(Plan plan, PlanResource r, String type) {
        return plan.ofType(type).stream().filter(d -> d.dependencies().contains(r.urn())).toList();
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    /** The URNs each resource transitively waits for, as Pulumi's dependency graph counts them. */
    private static final class Closure {
        private final Map<String, PlanResource> byUrn = new HashMap<>();
        private final Map<String, List<String>> children = new HashMap<>();
        private final Map<String, Set<String>> memo = new HashMap<>();

        Closure(Plan plan) {
            plan.resources().forEach(r -> {
                byUrn.put(r.urn(), r);
                if (r.parent() != null) {
                    children.computeIfAbsent(r.parent(), p -> new ArrayList<>()).add(r.urn());
                }
            });
        }

        Set<String> of(PlanResource r) {
            var cached = memo.get(r.urn());
            if (cached != null) {
                return cached;
            }
            var seen = new HashSet<String>();
            var todo = new ArrayList<>(direct(r));
            while (!todo.isEmpty()) {
                var urn = todo.remove(todo.size() - 1);
                var dependency = byUrn.get(urn);
                if (dependency != null && seen.add(urn)) {
                    todo.addAll(direct(dependency));
                }
            }
            memo.put(r.urn(), seen);
            return seen;
        }

        /** Its dependencies, its provider, and the descendants of a component it depends on. */
        private List<String> direct(PlanResource r) {
            var direct = new ArrayList<String>();
            for (var urn : r.dependencies()) {
                direct.add(urn);
                var dependency = byUrn.get(urn);
                if (dependency != null && !dependency.custom()) {
                    descendants(urn, direct);
                }
            }
            if (r.provider() != null) {
                // a provider reference is <provider urn>::<provider id>
                var end = r.provider().lastIndexOf("::");
                direct.add(end < 0 ? r.provider() : r.provider().substring(0, end));
            }
            return direct;
        }

        private void descendants(String urn, List<String> into) {
            for (var child : children.getOrDefault(urn, List.of())) {
                into.add(child);
                descendants(child, into);
            }
        }
    }
}
