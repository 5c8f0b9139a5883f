package io.containerplatform.components.network;

import io.containerplatform.components.common.Ipv4Cidr;
import io.containerplatform.components.common.LogRetention;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link NetworkComponent}. Immutable; build with {@link #builder()}. Values are plain
 * (not {@code Output}) because they decide how many resources exist.
 */
public final class NetworkArgs {

    /** Smallest VPC prefix accepted (largest VPC AWS allows). */
    public static final int MIN_PREFIX = 16;
    /** Largest VPC prefix accepted: a /24 still gives 16 blocks of /28, the smallest AWS subnet. */
    public static final int MAX_PREFIX = 24;
    /** Fewest availability zones: load balancers and RDS subnet groups need two. */
    public static final int MIN_AZS = 2;
    /** Most availability zones: the subnet layout has room for six. */
    public static final int MAX_AZS = 6;

    private final String cidr;
    private final int azCount;
    private final NatGatewayMode natGateways;
    private final boolean flowLogs;
    private final int flowLogRetentionDays;
    private final boolean vpcEndpoints;
    private final List<String> availabilityZones;

    private NetworkArgs(Builder b) {
        this.availabilityZones = b.availabilityZones == null ? null : List.copyOf(b.availabilityZones);
        this.cidr = b.cidr;
        this.azCount = b.azCount;
        this.natGateways = b.natGateways;
        this.flowLogs = b.flowLogs;
        this.flowLogRetentionDays = b.flowLogRetentionDays;
        this.vpcEndpoints = b.vpcEndpoints;
    }

    /**
     * VPC IPv4 CIDR block. Required. Allowed: a valid IPv4 CIDR with prefix /16 to /24 and no host bits,
     * e.g. {@code 10.0.0.0/16}. Subnets are carved from it by {@link SubnetLayout}.
     */
    public String cidr() {
        return cidr;
    }

    /** Number of availability zones, each with one public and one private subnet. Default 2; allowed 2 to 6. */
    public int azCount() {
        return azCount;
    }

    /**
     * The availability zones to use, in order; the first {@link #azCount()} get subnets. Default: empty, and
     * the component looks up the region's zones that need no opt-in (Local and Wavelength Zones are left out).
     * Allowed: at least {@code azCount} distinct zone names.
     */
    public Optional<List<String>> availabilityZones() {
        return Optional.ofNullable(availabilityZones);
    }

    /** NAT gateways for private egress. Default {@link NatGatewayMode#SINGLE} (one shared gateway). */
    public NatGatewayMode natGateways() {
        return natGateways;
    }

    /** Whether VPC flow logs (all traffic) go to a CloudWatch log group. Default true. */
    public boolean flowLogs() {
        return flowLogs;
    }

    /** Retention of the flow-log group in days. Default 30; allowed: {@link LogRetention#ALLOWED_DAYS}. */
    public int flowLogRetentionDays() {
        return flowLogRetentionDays;
    }

    /**
     * Whether interface endpoints (ECR api and dkr, CloudWatch Logs, STS) are created in the private subnets.
     * Default false. The S3 gateway endpoint is always created: it is free and keeps image layers off the NAT.
     */
    public boolean vpcEndpoints() {
        return vpcEndpoints;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link NetworkArgs}; {@link #build()} validates every field at once. */
    public static final class Builder {
        private String cidr;
        private int azCount = 2;
        private List<String> availabilityZones;
        private NatGatewayMode natGateways = NatGatewayMode.SINGLE;
        private boolean flowLogs = true;
        private int flowLogRetentionDays = 30;
        private boolean vpcEndpoints = false;

        public Builder cidr(String cidr) {
            this.cidr = cidr;
            return this;
        }

        public Builder azCount(int azCount) {
            this.azCount = azCount;
            return this;
        }

        public Builder natGateways(NatGatewayMode natGateways) {
            this.natGateways = natGateways;
            return this;
        }

        public Builder flowLogs(boolean flowLogs) {
            this.flowLogs = flowLogs;
            return this;
        }

        public Builder flowLogRetentionDays(int flowLogRetentionDays) {
            this.flowLogRetentionDays = flowLogRetentionDays;
            return this;
        }

        public Builder vpcEndpoints(boolean vpcEndpoints) {
            this.vpcEndpoints = vpcEndpoints;
            return this;
        }

        public Builder availabilityZones(List<String> availabilityZones) {
            this.availabilityZones = availabilityZones;
            return this;
        }

        /** Validates and builds; the exception lists every invalid field. */
        public NetworkArgs build() {
            var errors = new ArrayList<String>();
            if (cidr == null) {
                errors.add("NetworkArgs.cidr is required");
            } else {
                var parsed = Ipv4Cidr.parse(cidr);
                if (parsed.isEmpty()) {
                    errors.add("NetworkArgs.cidr: \"" + cidr + "\" is not an IPv4 CIDR block (a.b.c.d/n, no host bits set)");
                } else if (parsed.get().prefix() < MIN_PREFIX || parsed.get().prefix() > MAX_PREFIX) {
                    errors.add("NetworkArgs.cidr: prefix /" + parsed.get().prefix() + " is outside /" + MIN_PREFIX + " to /" + MAX_PREFIX);
                }
            }
            if (azCount < MIN_AZS || azCount > MAX_AZS) {
                errors.add("NetworkArgs.azCount: " + azCount + " is outside " + MIN_AZS + " to " + MAX_AZS);
            }
            Objects.requireNonNull(natGateways, "NetworkArgs.natGateways");
            if (availabilityZones != null && (availabilityZones.stream().distinct().count() < azCount
                    || availabilityZones.stream().anyMatch(z -> z == null || z.isBlank()))) {
                errors.add("NetworkArgs.availabilityZones: " + availabilityZones + " are not " + azCount + " distinct zone names (azCount)");
            }
            if (!LogRetention.isAllowed(flowLogRetentionDays)) {
                errors.add("NetworkArgs.flowLogRetentionDays: " + flowLogRetentionDays + " is not a CloudWatch Logs retention; allowed: "
                        + LogRetention.ALLOWED_DAYS);
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new NetworkArgs(this);
        }
    }
}
