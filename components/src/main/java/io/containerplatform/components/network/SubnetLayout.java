package io.containerplatform.components.network;

import io.containerplatform.components.common.Ipv4Cidr;

/**
 * Carves the subnets of a VPC deterministically: the VPC block is split in 16 equal blocks
 * (4 extra prefix bits); zone {@code i} gets block {@code i} as its public subnet and block
 * {@code 8 + i} as its private subnet. A /16 VPC gives /20 subnets (4091 usable addresses each).
 * The same inputs always give the same CIDRs, so adding a zone never renumbers existing subnets.
 */
public final class SubnetLayout {

    /** Extra prefix bits of every subnet relative to the VPC. */
    public static final int EXTRA_BITS = 4;
    /** First block used by private subnets. */
    public static final int PRIVATE_OFFSET = 8;

    private final Ipv4Cidr vpc;

    public SubnetLayout(Ipv4Cidr vpc) {
        this.vpc = vpc;
    }

    /** The public subnet of zone {@code az} (0-based). */
    public Ipv4Cidr publicSubnet(int az) {
        return vpc.subnet(EXTRA_BITS, az);
    }

    /** The private subnet of zone {@code az} (0-based). */
    public Ipv4Cidr privateSubnet(int az) {
        return vpc.subnet(EXTRA_BITS, PRIVATE_OFFSET + az);
    }
}
