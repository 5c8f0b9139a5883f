package io.containerplatform.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the plan can tell about a deployment that would fail outside the cloud provider's own checks, as
 * warnings printed after the tree. Today: whether the CI workflows can reach each EKS cluster's API. GitHub's
 * hosted runners come from changing public addresses, so a cluster whose endpoint is private, or public only
 * to listed ranges, needs the workflows on a runner inside the VPC: the repository variable
 * {@value #RUNNER_VARIABLE} (the workflows pass it to the plan in CI; set it locally to check a stack the same way),
 * admitted to the cluster's private endpoint by an ingress rule of {@code eks.privateAccessCidrs}. With a runner set,
 * an endpoint that is private, or public only to listed ranges, without such a rule is reported too: the runner
 * reaches neither the private endpoint (the cluster security group admits only the nodes) nor, unless its public
 * address happens to be listed, the public one.
 */
final class DeployReadiness {

    /** The repository variable (and environment variable) naming the runner the Pulumi workflows run on. */
    static final String RUNNER_VARIABLE = "PULUMI_RUNNER";

    private DeployReadiness() {
    }

    /** The warnings for {@code plan}, the workflows' runner read from {@code env}. */
    @SuppressWarnings("unchecked")
    static List<String> warnings(Plan plan, Map<String, String> env) {
        var warnings = new ArrayList<String>();
        var runner = env.getOrDefault(RUNNER_VARIABLE, "").isBlank() ? null : env.get(RUNNER_VARIABLE);
        for (var cluster : plan.ofType("aws:eks/cluster:Cluster")) {
            var vpc = (Map<String, Object>) cluster.inputs().getOrDefault("vpcConfig", Map.of());
            var publicAccess = Boolean.TRUE.equals(vpc.get("endpointPublicAccess"));
            var cidrs = (List<Object>) vpc.getOrDefault("publicAccessCidrs", List.of());
            var open = publicAccess && (cidrs.isEmpty() || cidrs.contains("0.0.0.0/0"));
            if (open) {
                continue;
            }
            var reach = publicAccess ? "public only to " + cidrs : "private only";
            if (runner == null) {
                warnings.add("the API endpoint of EKS cluster " + cluster.name() + " is " + reach + ": GitHub-hosted runners cannot "
                        + "reach it, so the preview and deploy workflows will fail. Run them inside the VPC: set the repository variable "
                        + RUNNER_VARIABLE + " to a self-hosted runner there and admit its subnet with eks.privateAccessCidrs "
                        + "(README, \"A private cluster endpoint\").");
            } else if (!Boolean.TRUE.equals(vpc.get("endpointPrivateAccess")) || !admitsPrivately(plan, cluster)) {
                warnings.add("the API endpoint of EKS cluster " + cluster.name() + " is " + reach + " and nothing admits the runner "
                        + runner + " to its private endpoint: list the runner's subnet in eks.privateAccessCidrs"
                        + (publicAccess ? " (or its public address, e.g. its NAT gateway's, in eks.publicAccessCidrs)" : "")
                        + " (README, \"A private cluster endpoint\").");
            }
        }
        return warnings;
    }

    /**
     * Whether an ingress rule on 443 from listed ranges, beside the cluster in its component (eks.privateAccessCidrs),
     * admits a runner inside the VPC to the private endpoint; otherwise the cluster security group admits only the nodes.
     */
    private static boolean admitsPrivately(Plan plan, PlanResource cluster) {
        return plan.ofType("aws:ec2/securityGroupRule:SecurityGroupRule").stream()
                .filter(r -> Objects.equals(r.parent(), cluster.parent()))
                .anyMatch(r -> "ingress".equals(r.inputs().get("type")) && Integer.valueOf(443).equals(number(r.inputs().get("fromPort")))
                        && r.inputs().get("cidrBlocks") instanceof List<?> blocks && !blocks.isEmpty());
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
