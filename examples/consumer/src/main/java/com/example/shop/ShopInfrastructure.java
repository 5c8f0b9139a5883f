package com.example.shop;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.containerplatform.components.network.NatGatewayMode;
import io.containerplatform.components.network.NetworkArgs;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.components.storage.DataBucket;

/** Another team's program: a network of two zones and a data bucket from the component library. */
public final class ShopInfrastructure {

    private ShopInfrastructure() {
    }

    public static void main(String[] args) {
        Pulumi.run(ShopInfrastructure::define);
    }

    /** Declares the shop's resources and exports the VPC id and the bucket name. */
    public static void define(Context ctx) {
        var network = new NetworkComponent("shop", NetworkArgs.builder()
                .cidr("10.40.0.0/16")
                .azCount(2)
                .natGateways(NatGatewayMode.SINGLE)
                .build());
        var bucket = new DataBucket("shop-data", false, com.pulumi.resources.ComponentResourceOptions.builder().build());
        ctx.export("vpcId", network.vpcId());
        ctx.export("bucket", bucket.bucketName());
    }
}
