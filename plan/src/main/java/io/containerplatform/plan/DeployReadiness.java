package io.containerplatform.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the plan can tell about a deployment that would fail outside the cloud provider's own checks, as
 * warnings printed after the tree. Today: whether the CI workflows can reach each EKS cluster's API. GitHub's
 * hosted runners come from changing public addresses, so a cluster whose endpoint is private, or public only
 * to listed ranges, needs the workflows on a runner inside the VPC: the repository variable
 * {@value #RUNNER_VARIABLE} (the workflows pass it to the plan in CI; set it locally to check a stack the same way).
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
        var privateRules = plan.ofType("aws:ec2/securityGroupRule:SecurityGroupRule").stream()
                .filter(r -> Integer.valueOf(443).equals(number(r.inputs().get("fromPort"))) && "ingress".equals(r.inputs().get("type")))
                .count();
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
            } else if (!publicAccess && privateRules == 0) {
                warnings.add("the API endpoint of EKS cluster " + cluster.name() + " is private only and nothing admits the runner "
                        + runner + " to it: list the runner's subnet in eks.privateAccessCidrs.");
            }
        }
        return warnings;
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
