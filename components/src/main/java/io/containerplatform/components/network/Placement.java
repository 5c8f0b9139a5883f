package io.containerplatform.components.network;

import com.pulumi.core.Output;

import java.util.List;

/**
 * Where a component puts its resources: the VPC, its CIDR block (for security group rules that admit the VPC),
 * the public subnets (load balancers) and the private subnets (tasks, instances, nodes, databases).
 * {@link NetworkComponent#placement()} returns the one of a network it creates; {@link #of} describes an existing
 * VPC.
 *
 * @param vpcId            the VPC's id
 * @param vpcCidr          the VPC's IPv4 CIDR block
 * @param publicSubnetIds  subnets with a route to an internet gateway, one a zone
 * @param privateSubnetIds subnets without one, one a zone
 */
public record Placement(Output<String> vpcId, Output<String> vpcCidr, Output<List<String>> publicSubnetIds,
                        Output<List<String>> privateSubnetIds) {

    /** The placement of an existing VPC, from known ids. */
    public static Placement of(String vpcId, String vpcCidr, List<String> publicSubnetIds, List<String> privateSubnetIds) {
        return new Placement(Output.of(vpcId), Output.of(vpcCidr), Output.of(List.copyOf(publicSubnetIds)), Output.of(List.copyOf(privateSubnetIds)));
    }
}
