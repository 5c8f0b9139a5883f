package io.containerplatform.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeployReadinessTest {

    private static PlanResource cluster(Map<String, Object> vpcConfig) {
        return new PlanResource("urn:c", "aws:eks/cluster:Cluster", "prod-eks", true, null, Map.of("vpcConfig", vpcConfig),
                List.of(), false, null, List.of(), List.of());
    }

    private static final PlanResource PRIVATE_RULE = new PlanResource("urn:r", "aws:ec2/securityGroupRule:SecurityGroupRule",
            "prod-eks-private-access-0", true, null, Map.of("type", "ingress", "fromPort", 443L, "cidrBlocks", List.of("10.0.200.0/24")),
            List.of(), false, null, List.of(), List.of());

    private static List<String> warnings(List<PlanResource> resources, Map<String, String> env) {
        return DeployReadiness.warnings(new Plan("prod", "p", resources, Map.of()), env);
    }

    @Test
    void anEndpointOpenToEveryoneNeedsNoRunner() {
        assertThat(warnings(List.of(cluster(Map.of("endpointPublicAccess", true, "publicAccessCidrs", List.of("0.0.0.0/0")))), Map.of()))
                .isEmpty();
    }

    @Test
    void aLimitedOrPrivateEndpointWithoutARunnerIsReported() {
        assertThat(warnings(List.of(cluster(Map.of("endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24")))), Map.of()))
                .singleElement().asString().startsWith("the API endpoint of EKS cluster prod-eks is public only to [203.0.113.0/24]: "
                        + "GitHub-hosted runners cannot reach it");
        assertThat(warnings(List.of(cluster(Map.of("endpointPublicAccess", false))), Map.of(DeployReadiness.RUNNER_VARIABLE, " ")))
                .singleElement().asString().contains("is private only: GitHub-hosted runners cannot reach it");
    }

    @Test
    void aRunnerInsideTheVpcMustBeAdmittedToAPrivateEndpoint() {
        var env = Map.of(DeployReadiness.RUNNER_VARIABLE, "vpc-runner");
        assertThat(warnings(List.of(cluster(Map.of("endpointPublicAccess", false))), env)).singleElement().asString()
                .isEqualTo("the API endpoint of EKS cluster prod-eks is private only and nothing admits the runner vpc-runner to it: "
                        + "list the runner's subnet in eks.privateAccessCidrs.");
        assertThat(warnings(List.of(cluster(Map.of("endpointPublicAccess", false)), PRIVATE_RULE), env)).isEmpty();
        assertThat(warnings(List.of(cluster(Map.of("endpointPublicAccess", true, "publicAccessCidrs", List.of("198.51.100.7/32")))), env))
                .isEmpty();
    }
}
