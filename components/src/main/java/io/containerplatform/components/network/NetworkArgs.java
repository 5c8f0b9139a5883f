package io.containerplatform.components.network;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.common.LogRetention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Arguments of {@link NetworkComponent}: each field is one declared input ({@link InputSpec}). Values are plain (not
 * {@code Output}) because they decide how many resources exist. Build with {@link #builder()}; {@code build()}
 * returns an unmodifiable copy, checked, or fails naming every problem.
 */
public final class NetworkArgs extends DeclaredArgs {

    @Import(name = "cidr", required = true)
    @InputSpec(value = "The VPC's IPv4 CIDR block; SubnetLayout carves the subnets from it",
            format = Format.VPC_CIDR, allowed = "IPv4 CIDR, prefix /16 to /24, no host bits")
    private String cidr;

    @Import(name = "azCount")
    @InputSpec(value = "Availability zones, each with one public and one private subnet", min = 2, max = 6)
    private Integer azCount = 2;

    @Import(name = "availabilityZones")
    @InputSpec(value = "The zones to use, in order; the first azCount get subnets", allowed = "at least azCount distinct zone names",
            defaultText = "the region's zones that need no opt-in (Local and Wavelength Zones left out)")
    private List<String> availabilityZones;

    @Import(name = "excludedZoneIds")
    @InputSpec(value = "Zone ids (use1-az3: the same physical zone in every account, unlike zone names) that get no subnets, when the"
            + " component looks the zones up: where a service the VPC hosts is not offered (EksPlatformComponent.UNSUPPORTED_ZONE_IDS"
            + " for an EKS cluster)", allowed = "zone ids: a region code, -az and a number (use1-az3)")
    private List<String> excludedZoneIds = List.of();

    @Import(name = "natGateways")
    @InputSpec(value = "NAT gateways for the private subnets' egress: none, one shared, or one per zone", oneOf = {"none", "single", "perAz"})
    private String natGateways = "single";

    @Import(name = "flowLogs")
    @InputSpec("Whether VPC flow logs (all traffic) go to a CloudWatch log group")
    private Boolean flowLogs = true;

    @Import(name = "flowLogRetentionDays")
    @InputSpec(value = "Days the flow-log group keeps its logs", format = Format.LOG_RETENTION, allowed = LogRetention.ALLOWED)
    private Integer flowLogRetentionDays = 30;

    @Import(name = "vpcEndpoints")
    @InputSpec("Whether interface endpoints (ECR api and dkr, CloudWatch Logs, STS) are created in the private subnets; the S3"
            + " gateway endpoint is always created (it is free and keeps image layers off the NAT)")
    private Boolean vpcEndpoints = false;

    public String cidr() { return cidr; }
    public int azCount() { return azCount; }
    public Optional<List<String>> availabilityZones() { return Optional.ofNullable(availabilityZones); }
    public List<String> excludedZoneIds() { return excludedZoneIds; }
    public NatGatewayMode natGateways() {
        return Arrays.stream(NatGatewayMode.values()).filter(m -> m.configValue().equals(natGateways)).findFirst().orElseThrow();
    }
    public boolean flowLogs() { return flowLogs; }
    public int flowLogRetentionDays() { return flowLogRetentionDays; }
    public boolean vpcEndpoints() { return vpcEndpoints; }

    @Override
    protected List<InputProblem> rules() {
        var problems = new ArrayList<InputProblem>();
        if (availabilityZones != null && azCount != null && (availabilityZones.stream().distinct().count() < azCount
                || availabilityZones.stream().anyMatch(z -> z == null || z.isBlank()))) {
            problems.add(problem("availabilityZones", availabilityZones + " are not " + azCount + " distinct zone names"));
        }
        if (excludedZoneIds != null) {
            excludedZoneIds.stream().filter(id -> id == null || !id.matches("[a-z]{2,}[0-9]+-az[0-9]+"))
                    .forEach(id -> problems.add(problem("excludedZoneIds", "\"" + id + "\" is not a zone id")));
        }
        return problems;
    }

    public static Builder builder() {
        return new Builder(new NetworkArgs());
    }

    /** A builder starting from {@code defaults}' inputs. */
    public static Builder builder(NetworkArgs defaults) {
        return new Builder(Inputs.copyOf(defaults));
    }

    /** Builder of {@link NetworkArgs}: one setter per input, named like it. */
    public static final class Builder {
        private final NetworkArgs $;

        private Builder(NetworkArgs start) {
            $ = start;
        }

        /**
         * The VPC's IPv4 CIDR block; SubnetLayout carves the subnets from it. Allowed: IPv4 CIDR, prefix /16 to /24, no
         * host bits.
         */
        public Builder cidr(String v) { $.cidr = v; return this; }

        /**
         * Availability zones, each with one public and one private subnet. Allowed: 2 to 6. Default: 2.
         */
        public Builder azCount(int v) { $.azCount = v; return this; }

        /**
         * The zones to use, in order; the first azCount get subnets. Allowed: at least azCount distinct zone names.
         * Default: the region's zones that need no opt-in (Local and Wavelength Zones left out).
         */
        public Builder availabilityZones(List<String> v) { $.availabilityZones = v; return this; }

        /**
         * Zone ids (use1-az3: the same physical zone in every account, unlike zone names) that get no subnets, when the
         * component looks the zones up: where a service the VPC hosts is not offered
         * (EksPlatformComponent.UNSUPPORTED_ZONE_IDS for an EKS cluster). Allowed: zone ids: a region code, -az and a
         * number (use1-az3). Default: [].
         */
        public Builder excludedZoneIds(List<String> v) { $.excludedZoneIds = v; return this; }

        /**
         * NAT gateways for the private subnets' egress: none, one shared, or one per zone. Allowed: one of none,
         * single, perAz. Default: single.
         */
        public Builder natGateways(NatGatewayMode v) { $.natGateways = v.configValue(); return this; }

        /**
         * Whether VPC flow logs (all traffic) go to a CloudWatch log group. Default: true.
         */
        public Builder flowLogs(boolean v) { $.flowLogs = v; return this; }

        /**
         * Days the flow-log group keeps its logs. Allowed: a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90,
         * 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653. Default: 30.
         */
        public Builder flowLogRetentionDays(int v) { $.flowLogRetentionDays = v; return this; }

        /**
         * Whether interface endpoints (ECR api and dkr, CloudWatch Logs, STS) are created in the private subnets; the
         * S3 gateway endpoint is always created (it is free and keeps image layers off the NAT). Default: false.
         */
        public Builder vpcEndpoints(boolean v) { $.vpcEndpoints = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public NetworkArgs build() {
            return $.validated();
        }
    }
}
