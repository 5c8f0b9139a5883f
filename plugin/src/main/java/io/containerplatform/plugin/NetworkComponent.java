package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.network.NetworkArgs;

import java.util.List;

/**
 * {@link io.containerplatform.components.network.NetworkComponent} for programs in any language: the same inputs
 * ({@link NetworkArgs}, checked as {@code build()} checks them), and the network's ids as outputs.
  * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("A VPC with one public and one private subnet per availability zone, NAT gateways for the private subnets' egress, flow logs and, optionally, interface endpoints.")
public final class NetworkComponent extends ComponentResource {

    @Doc("The VPC's id.")
    @Export(name = "vpcId", refs = {String.class})
    private final Output<String> vpcId;

    @Doc("The VPC's IPv4 CIDR block.")
    @Export(name = "vpcCidr", refs = {String.class})
    private final Output<String> vpcCidr;

    @Doc("The public subnets, one a zone.")
    @Export(name = "publicSubnetIds", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> publicSubnetIds;

    @Doc("The private subnets, one a zone.")
    @Export(name = "privateSubnetIds", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> privateSubnetIds;

    public NetworkComponent(String name, NetworkArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:NetworkComponent", name, Checked.options(args, options));
        var network = new io.containerplatform.components.network.NetworkComponent(name, args,
                ComponentResourceOptions.builder().parent(this).build());
        vpcId = network.vpcId();
        vpcCidr = network.vpcCidr();
        publicSubnetIds = network.publicSubnetIds();
        privateSubnetIds = network.privateSubnetIds();
        registerOutputs(Exports.of(this));
    }
}
