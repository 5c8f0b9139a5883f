package io.containerplatform.components.network;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.List;
import java.util.Optional;

/**
 * Where a component puts its resources: the VPC, its CIDR block (for security group rules that admit the VPC),
 * the public subnets (load balancers) and the private subnets (tasks, instances, nodes, databases).
 * {@link NetworkComponent#placement()} returns the one of a network it creates; {@link #of} describes an existing
 * VPC. A declared input type: each field is one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class Placement extends DeclaredArgs {

    @Import(name = "vpcId", required = true)
    @InputSpec("The VPC's id")
    private Output<String> vpcId;

    @Import(name = "vpcCidr", required = true)
    @InputSpec("The VPC's IPv4 CIDR block")
    private Output<String> vpcCidr;

    @Import(name = "publicSubnetIds", required = true)
    @InputSpec("Subnets with a route to an internet gateway, one a zone")
    private Output<List<String>> publicSubnetIds;

    @Import(name = "privateSubnetIds", required = true)
    @InputSpec("Subnets without one, one a zone")
    private Output<List<String>> privateSubnetIds;

    @Import(name = "zoneCount")
    @InputSpec(value = "How many zones the subnets span (one public and one private subnet each), for components that place one"
            + " resource per zone (EKS node groups with perZone)", min = 1, max = 6, defaultText = "unknown (no per-zone resources)")
    private Integer zoneCount;

    public Output<String> vpcId() { return vpcId; }
    public Output<String> vpcCidr() { return vpcCidr; }
    public Output<List<String>> publicSubnetIds() { return publicSubnetIds; }
    public Output<List<String>> privateSubnetIds() { return privateSubnetIds; }
    public Optional<Integer> zoneCount() { return Optional.ofNullable(zoneCount); }

    /** The placement of an existing VPC, from known ids. */
    public static Placement of(String vpcId, String vpcCidr, List<String> publicSubnetIds, List<String> privateSubnetIds) {
        return builder().vpcId(Output.of(vpcId)).vpcCidr(Output.of(vpcCidr)).publicSubnetIds(Output.of(List.copyOf(publicSubnetIds)))
                .privateSubnetIds(Output.of(List.copyOf(privateSubnetIds))).zoneCount(privateSubnetIds.size()).build();
    }

    public static Builder builder() { return new Builder(new Placement()); }
    public static Builder builder(Placement from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link Placement}. */
    public static final class Builder {
        private final Placement $;

        private Builder(Placement start) { $ = start; }

        /**
         * The VPC's id.
         */
        public Builder vpcId(Output<String> v) { $.vpcId = v; return this; }

        /**
         * The VPC's IPv4 CIDR block.
         */
        public Builder vpcCidr(Output<String> v) { $.vpcCidr = v; return this; }

        /**
         * Subnets with a route to an internet gateway, one a zone.
         */
        public Builder publicSubnetIds(Output<List<String>> v) { $.publicSubnetIds = v; return this; }

        /**
         * Subnets without one, one a zone.
         */
        public Builder privateSubnetIds(Output<List<String>> v) { $.privateSubnetIds = v; return this; }

        /**
         * How many zones the subnets span (one public and one private subnet each), for components that place one
         * resource per zone (EKS node groups with perZone). Allowed: 1 to 6. Default: unknown (no per-zone resources).
         */
        public Builder zoneCount(Integer v) { $.zoneCount = v; return this; }

        /** The placement as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public Placement build() { return $.validated(); }
    }
}
