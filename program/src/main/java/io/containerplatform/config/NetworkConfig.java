package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.network.NetworkArgs;

import java.util.List;
import java.util.Map;

/**
 * {@code container-platform:network}: its keys are {@link NetworkArgs}' inputs of the same names ({@link #KEYS}), read
 * through their declarations; the environment decides the defaults of {@code azCount}, {@code natGateways},
 * {@code flowLogRetentionDays} and {@code vpcEndpoints}, and the program adds the region's zones.
 *
 * @param settings the network's inputs from config
 */
public record NetworkConfig(NetworkArgs settings) {

    /** The keys of {@code network}. */
    public static final List<String> KEYS = List.of("cidr", "azCount", "natGateways", "flowLogs", "flowLogRetentionDays", "vpcEndpoints");

    static NetworkConfig read(ConfigObject c, Environment env) {
        var settings = c.bind(Inputs.defaults(NetworkArgs.class), Map.of("cidr", "10.0.0.0/16", "azCount", env.azCount(),
                "natGateways", env.natGateways().configValue(), "flowLogRetentionDays", env.logRetentionDays(),
                "vpcEndpoints", env.redundantByDefault()), KEYS);
        c.rejectUnknownKeys();
        return new NetworkConfig(settings);
    }

    /** The zones the network needs: {@code azCount}. */
    public int azCount() {
        return settings.azCount();
    }

    /** The component arguments for this config; the program adds the zones. */
    public NetworkArgs.Builder toArgs() {
        return NetworkArgs.builder(settings);
    }
}
