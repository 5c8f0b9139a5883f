package io.containerplatform.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeployReadinessTest {

    /** A cluster in its component {@code urn:eks}, with the private endpoint on, as EksPlatformComponent makes it. */
    private static PlanResource cluster(Map<String, Object> vpcConfig) {
        var vpc = new java.util.HashMap<>(vpcConfig);
        vpc.putIfAbsent("endpointPrivateAccess", true);
        return new PlanResource("urn:c", "aws:eks/cluster:Cluster", "prod-eks", true, "urn:eks", Map.of("vpcConfig", vpc),
                List.of(), false, null, List.of(), List.of());
    }

    private static PlanResource rule(String parent, Map<String, Object> inputs) {
        return new PlanResource("urn:r", "aws:ec2/securityGroupRule:SecurityGroupRule", "prod-eks-private-access-0", true, parent, inputs,
                List.of("urn:c"), false, null, List.of(), List.of());
    }

    /** eks.privateAccessCidrs: 10.0.200.0/24, beside the cluster. */
    private static final PlanResource PRIVATE_RULE = rule("urn:eks", Map.of("type", "ingress", "fromPort", 443L, "cidrBlocks", List.of("10.0.200.0/24")));

    private static final Map<String, Object> RESTRICTED = Map.of("endpointPublicAccess", true, "publicAccessCidrs", List.of("198.51.100.7/32"));

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
                .isEqualTo("the API endpoint of EKS cluster prod-eks is private only and nothing admits the runner vpc-runner to its private endpoint: "
                        + "list the runner's subnet in eks.privateAccessCidrs (README, \"A private cluster endpoint\").");
        assertThat(warnings(List.of(cluster(Map.of("endpointPublicAccess", false)), PRIVATE_RULE), env)).isEmpty();
    }

    @Test
    void aRunnerInsideTheVpcMustBeAdmittedToAPubliclyRestrictedEndpointToo() {
        var env = Map.of(DeployReadiness.RUNNER_VARIABLE, "vpc-runner");
        assertThat(warnings(List.of(cluster(RESTRICTED)), env)).singleElement().asString()
                .isEqualTo("the API endpoint of EKS cluster prod-eks is public only to [198.51.100.7/32] and nothing admits the runner "
                        + "vpc-runner to its private endpoint: list the runner's subnet in eks.privateAccessCidrs (or its public address, "
                        + "e.g. its NAT gateway's, in eks.publicAccessCidrs) (README, \"A private cluster endpoint\").");
        assertThat(warnings(List.of(cluster(RESTRICTED), PRIVATE_RULE), env)).isEmpty();
    }

    @Test
    void onlyARuleOfTheClusterOnItsPrivateEndpointAdmitsTheRunner() {
        var env = Map.of(DeployReadiness.RUNNER_VARIABLE, "vpc-runner");
        var otherComponent = rule("urn:other", Map.of("type", "ingress", "fromPort", 443L, "cidrBlocks", List.of("10.0.200.0/24")));
        var fromAGroup = rule("urn:eks", Map.of("type", "ingress", "fromPort", 443L, "sourceSecurityGroupId", "sg-1"));
        var egress = rule("urn:eks", Map.of("type", "egress", "fromPort", 443L, "cidrBlocks", List.of("10.0.200.0/24")));
        for (var notAdmitting : List.of(otherComponent, fromAGroup, egress)) {
            assertThat(warnings(List.of(cluster(RESTRICTED), notAdmitting), env)).describedAs(notAdmitting.inputs().toString()).hasSize(1);
        }
        var privateOff = new java.util.HashMap<String, Object>(RESTRICTED);
        privateOff.put("endpointPrivateAccess", false);
        assertThat(warnings(List.of(cluster(privateOff), PRIVATE_RULE), env)).hasSize(1);
    }

    /** The passing and failing fixtures on the real program: dev as committed, and dev with its runner's subnet admitted. */
    @Test
    void theRealClusterIsReportedUntilEksPrivateAccessCidrsAdmitsTheRunner(@org.junit.jupiter.api.io.TempDir java.nio.file.Path project)
            throws java.io.IOException {
        var env = Map.of(DeployReadiness.RUNNER_VARIABLE, "vpc-runner");
        assertThat(DeployReadiness.warnings(StackPlans.of("dev"), env)).singleElement().asString()
                .startsWith("the API endpoint of EKS cluster dev-eks is public only to [203.0.113.0/24] and nothing admits the runner vpc-runner");
        var root = java.nio.file.Path.of("");
        java.nio.file.Files.copy(root.resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        var dev = java.nio.file.Files.readString(root.resolve("Pulumi.dev.yaml"));
        var eks = "  container-platform:eks:\n    enabled: true\n";
        assertThat(dev).contains(eks);
        java.nio.file.Files.writeString(project.resolve("Pulumi.dev.yaml"), dev.replace(eks, eks + "    privateAccessCidrs: [10.10.200.0/24]\n"));
        var admitted = PlanRunner.run("dev", StackFile.read(project, "dev"));
        assertThat(DeployReadiness.warnings(admitted, env)).isEmpty();
    }
}
