package io.containerplatform.config;

import io.containerplatform.components.common.Ipv4Cidr;
import io.containerplatform.components.common.LogRetention;
import io.containerplatform.components.network.NatGatewayMode;
import io.containerplatform.components.network.NetworkArgs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code container-platform:network}.
 *
 * @param cidr                 VPC CIDR, /16 to /24; default {@code 10.0.0.0/16}
 * @param azCount              zones, 2 to 6; default 3 in prod, 2 elsewhere
 * @param natGateways          {@code none}, {@code single}, {@code perAz}; default perAz in prod, single elsewhere
 * @param flowLogs             VPC flow logs to CloudWatch; default true
 * @param flowLogRetentionDays a CloudWatch retention; default 30 in prod, 7 elsewhere
 * @param vpcEndpoints         interface endpoints (ECR, Logs, STS); default true in prod, false elsewhere
 */
public record NetworkConfig(String cidr, int azCount, NatGatewayMode natGateways, boolean flowLogs,
                            int flowLogRetentionDays, boolean vpcEndpoints) {

    static final Map<String, NatGatewayMode> NAT_CHOICES;

    static {
        var choices = new LinkedHashMap<String, NatGatewayMode>();
        for (var mode : NatGatewayMode.values()) {
            choices.put(mode.configValue(), mode);
        }
        NAT_CHOICES = choices;
    }

    static NetworkConfig read(ConfigObject c, Environment env) {
        var cidrAllowed = "an IPv4 CIDR block with prefix /" + NetworkArgs.MIN_PREFIX + " to /" + NetworkArgs.MAX_PREFIX
                + " and no host bits, e.g. 10.0.0.0/16";
        var cidr = c.string("cidr", "10.0.0.0/16", cidrAllowed);
        var parsed = Ipv4Cidr.parse(cidr);
        if (parsed.isEmpty()) {
            c.error("cidr", "\"" + cidr + "\" is not a valid IPv4 CIDR block", cidrAllowed);
        } else if (parsed.get().prefix() < NetworkArgs.MIN_PREFIX || parsed.get().prefix() > NetworkArgs.MAX_PREFIX) {
            c.error("cidr", "\"" + cidr + "\" has prefix /" + parsed.get().prefix(), cidrAllowed);
        }
        var config = new NetworkConfig(
                cidr,
                c.integer("azCount", env.azCount(), NetworkArgs.MIN_AZS, NetworkArgs.MAX_AZS),
                c.oneOf("natGateways", env.natGateways(), NAT_CHOICES),
                c.bool("flowLogs", true),
                c.integerIn("flowLogRetentionDays", env.logRetentionDays(), LogRetention.ALLOWED_DAYS),
                c.bool("vpcEndpoints", env.redundantByDefault()));
        c.rejectUnknownKeys();
        return config;
    }

    /** The component arguments for this config; the program adds the zones. */
    public NetworkArgs.Builder toArgs() {
        return NetworkArgs.builder()
                .cidr(cidr)
                .azCount(azCount)
                .natGateways(natGateways)
                .flowLogs(flowLogs)
                .flowLogRetentionDays(flowLogRetentionDays)
                .vpcEndpoints(vpcEndpoints);
    }
}
