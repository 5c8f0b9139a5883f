package io.containerplatform.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ForeignConfigTest {

    private static final String ALLOWED = "; allowed: a region of the commercial partition, af-south-1, ";

    @Test
    void aRegionOfTheCommercialPartitionAndTheKnownNamespacesPass() {
        assertThat(ForeignConfig.problems(Map.of("aws:region", "eu-west-3", "kubernetes:context", "c", "pulumi:tags", "{}"))).isEmpty();
        assertThat(ForeignConfig.REGIONS).contains("us-east-1", "eu-west-3", "ap-southeast-5").doesNotContain("cn-north-1", "us-gov-west-1");
    }

    @Test
    void aRegionTypoNamesTheAllowedRegions() {
        assertThat(ForeignConfig.problems(Map.of("aws:region", "us-east1"))).singleElement().asString()
                .startsWith("aws:region: \"us-east1\" is not an AWS region" + ALLOWED).contains(", us-east-1, us-east-2, ");
    }

    @Test
    void aRegionOfAnotherPartitionIsRefusedSayingWhy() {
        assertThat(ForeignConfig.problems(Map.of("aws:region", "cn-north-1"))).singleElement().asString()
                .startsWith("aws:region: \"cn-north-1\" is a region of another partition than the commercial one, whose ARNs (arn:aws:) the"
                        + " program builds" + ALLOWED);
    }

    @Test
    void aNamespaceTypoNamesTheKeyAndTheNamespacesAllowed() {
        assertThat(ForeignConfig.problems(Map.of("container-platfrom:owner", "o"))).containsExactly("container-platfrom:owner: namespace"
                + " 'container-platfrom' is read by nothing in this program (did you mean 'container-platform:owner'?); allowed: keys"
                + " under container-platform:, aws:, kubernetes:, pulumi:");
    }
}
