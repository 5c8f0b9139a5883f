package com.example.shop;

import io.containerplatform.components.testing.MockStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer's own mock test, with the fixtures the library publishes. */
class ShopInfrastructureTest {

    @Test
    void theShopGetsATwoZoneNetworkWithOneNatGatewayAndAnEncryptedBucket() {
        var mocks = MockStack.run(ShopInfrastructure::define);
        assertThat(mocks.named("aws:ec2/vpc:Vpc", "shop-vpc").inputs).containsEntry("cidrBlock", "10.40.0.0/16");
        assertThat(mocks.ofType("aws:ec2/subnet:Subnet")).hasSize(4);
        assertThat(mocks.ofType("aws:ec2/natGateway:NatGateway")).hasSize(1);
        assertThat(mocks.ofType("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2")).hasSize(1);
    }
}
