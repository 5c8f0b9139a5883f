package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.network.NetworkArgs;

import java.util.List;
import java.util.Map;

/**
 * {@link io.containerplatform.components.network.NetworkComponent} for programs in any language: the same inputs
 * ({@link NetworkArgs}, checked as {@code build()} checks them), and the network's ids as outputs.
 */
public final class NetworkComponent extends ComponentResource {

    @Export(name = "vpcId", refs = {String.class})
    private final Output<String> vpcId;

    @Export(name = "vpcCidr", refs = {String.class})
    private final Output<String> vpcCidr;

    @Export(name = "publicSubnetIds", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> publicSubnetIds;

    @Export(name = "privateSubnetIds", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> privateSubnetIds;

    public NetworkComponent(String name, NetworkArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:NetworkComponent", name, options);
        var network = new io.containerplatform.components.network.NetworkComponent(name, args.validated(),
                ComponentResourceOptions.builder().parent(this).build());
        vpcId = network.vpcId();
        vpcCidr = network.vpcCidr();
        publicSubnetIds = network.publicSubnetIds();
        privateSubnetIds = network.privateSubnetIds();
        registerOutputs(Map.of("vpcId", vpcId, "vpcCidr", vpcCidr, "publicSubnetIds", publicSubnetIds, "privateSubnetIds", privateSubnetIds));
    }

    /** The VPC's id. */
    public Output<String> vpcId() { return vpcId; }

    /** The VPC's IPv4 CIDR block. */
    public Output<String> vpcCidr() { return vpcCidr; }

    /** The public subnets, one a zone. */
    public Output<List<String>> publicSubnetIds() { return publicSubnetIds; }

    /** The private subnets, one a zone. */
    public Output<List<String>> privateSubnetIds() { return privateSubnetIds; }
}
