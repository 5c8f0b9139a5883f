package io.containerplatform.program;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import io.containerplatform.components.eks.EksPlatformComponent;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The program as {@code pulumi up} runs it: config comes from Pulumi's Config. */
class PlatformProgramTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void invalidConfigIsLoggedAsErrorsWithoutAnExceptionAndRegistersNothing() {
        var mocks = new PlatformMocks();
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("container-platform").stackName("dev").build())
                .mocks(mocks)
                .standardLogger(MockStack.silentLogger())
                .config(Map.of("container-platform:environment", "dev", "container-platform:owner", "o",
                        "container-platform:network", "{\"cidr\":\"10.0.0.0/33\",\"natGatway\":\"single\"}"))
                .build()
                .runTest(PlatformProgram.stack(config("environment", "owner", "network")));
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).containsExactly(
                "config costCenter: missing; allowed: the cost center, a string of at most 256 characters",
                "config network.cidr: \"10.0.0.0/33\" is not a valid IPv4 CIDR block; allowed: IPv4 CIDR, prefix /16 to /24, no host bits",
                "config network.natGatway: unknown key; allowed keys: azCount, cidr, flowLogRetentionDays, flowLogs, natGateways, vpcEndpoints");
        // Under the real runtime, logged errors make the program exit 32 ("error already reported"):
        // the mock runtime counts them in a separate logger, so the exit code is not observable here.
        assertThat(mocks.resources()).isEmpty();
    }

    @Test
    void moreZonesThanTheRegionHasIsAConfigErrorBeforeAnythingIsRegistered() {
        var mocks = new PlatformMocks("us-west-1");
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("container-platform").stackName("prod").build())
                .mocks(mocks)
                .standardLogger(MockStack.silentLogger())
                .config(Map.of("container-platform:environment", "prod", "container-platform:owner", "o",
                        "container-platform:costCenter", "c"))
                .build()
                .runTest(PlatformProgram.stack(Map.of()));
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).containsExactly("config network.azCount: 3 is more than the 2 availability zones of the region "
                + "(us-west-1a, us-west-1b); allowed: 2 to 2");
        assertThat(mocks.resources()).isEmpty();
    }

    @Test
    void aStackWithEksLeavesOutTheZoneIdsWhereEksRefusesAClusterBeforeAnythingIsRegistered() {
        // the mocks' us-west-1 has us-west-1a (usw1-az1) and us-west-1b (usw1-az2, where EKS places no control plane)
        var mocks = new PlatformMocks("us-west-1");
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("container-platform").stackName("qa").build())
                .mocks(mocks)
                .standardLogger(MockStack.silentLogger())
                .config(Map.of("container-platform:environment", "staging", "container-platform:owner", "o",
                        "container-platform:costCenter", "c", "container-platform:eks", "{\"enabled\": true}"))
                .build()
                .runTest(PlatformProgram.stack(Map.of()));
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).containsExactly("config network.azCount: 2 is more than the 1 availability zones of the region "
                + "(us-west-1a) outside the zone ids EKS refuses (use1-az3, usw1-az2, cac1-az3); allowed: 2 to 1");
        assertThat(mocks.calls()).filteredOn(c -> c.token.endsWith("getAvailabilityZones")).singleElement()
                .satisfies(c -> assertThat(c.args).containsEntry("excludeZoneIds", EksPlatformComponent.UNSUPPORTED_ZONE_IDS));
        assertThat(mocks.resources()).isEmpty();
    }

    @Test
    void validConfigFromPulumiConfigBuildsTheNetwork() {
        var mocks = new PlatformMocks();
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("container-platform").stackName("qa").build())
                .mocks(mocks)
                .config(Map.of("container-platform:environment", "staging", "container-platform:owner", "o",
                        "container-platform:costCenter", "c"))
                .build()
                .runTest(PlatformProgram.stack(Map.of()));
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).isEmpty();
        assertThat(mocks.named("aws:ec2/vpc:Vpc", "qa-vpc").inputs).containsEntry("cidrBlock", "10.0.0.0/16");
        assertThat(result.outputs()).containsKeys("vpcId", "vpcCidr", "publicSubnetIds", "privateSubnetIds", "availabilityZones");
    }

    /** Without the pipeline, no producer repository: only the images the stack refers to as {@code :<tag>}. */
    @Test
    void aStackWithoutThePipelineGetsTheRepositoriesOfItsOwnImagesOnly() {
        var mocks = new PlatformMocks();
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("container-platform").stackName("qa").build())
                .mocks(mocks)
                .standardLogger(MockStack.silentLogger())
                .config(Map.of("container-platform:environment", "staging", "container-platform:owner", "o",
                        "container-platform:costCenter", "c",
                        "container-platform:sparkEcs", "{\"enabled\":true,\"image\":\":3.5.3-1\"}"))
                .build()
                .runTest(PlatformProgram.stack(config("sparkEcs")));
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).isEmpty();
        assertThat(mocks.resources()).filteredOn(r -> r.type.equals("aws:ecr/repository:Repository"))
                .extracting(r -> r.inputs.get("name")).containsExactly("qa/spark");
    }

    @Test
    void aTypoInANamespaceOrTheRegionIsAConfigErrorAndRegistersNothing() {
        var mocks = new PlatformMocks();
        var pulumiConfig = Map.of("container-platform:environment", "dev", "container-platform:owner", "o",
                "container-platform:costCenter", "cc", "container-platfrom:tags", "{}", "aws:region", "us-east1");
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("container-platform").stackName("dev").build())
                .mocks(mocks)
                .standardLogger(MockStack.silentLogger())
                .config(pulumiConfig)
                .build()
                .runTest(PlatformProgram.stack(pulumiConfig));
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).hasSize(2).anySatisfy(e -> assertThat(e).isEqualTo("config container-platfrom:tags: namespace"
                + " 'container-platfrom' is read by nothing in this program (did you mean 'container-platform:tags'?); allowed: keys"
                + " under container-platform:, aws:, kubernetes:, pulumi:"))
                .anySatisfy(e -> assertThat(e).startsWith("config aws:region: \"us-east1\" is not an AWS region; allowed: ")
                        .contains("us-east-1, us-east-2"));
        assertThat(mocks.resources()).isEmpty();
    }

    /** The CLI's config for {@code keys} of the program's namespace (the values are read through the test's config). */
    private static Map<String, String> config(String... keys) {
        var config = new TreeMap<String, String>();
        for (var key : keys) {
            config.put("container-platform:" + key, "");
        }
        return config;
    }
}
