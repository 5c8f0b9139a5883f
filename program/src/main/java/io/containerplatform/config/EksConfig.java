package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.eks.Backup;
import io.containerplatform.components.eks.EksPlatformArgs;
import io.containerplatform.components.eks.NodeGroupSpec;

import java.util.List;
import java.util.Map;

/**
 * {@code container-platform:eks}: the EKS platform (seeds 000 and 004). Its keys but {@code enabled} are
 * {@link EksPlatformArgs}' inputs of the same names ({@link #KEYS}), read through their declarations, the node groups
 * and the backup too (the environment decides {@code logRetentionDays}' and {@code backup.retentionDays}' defaults and
 * {@code production}); without {@code nodeGroups}, one on-demand t3.large group of 1 to 3.
 *
 * @param enabled  build it; default false
 * @param settings the component's inputs from config (placement and data bucket are the program's)
 */
public record EksConfig(boolean enabled, EksPlatformArgs settings) {

    /** The keys of {@code eks} that are {@link EksPlatformArgs}' inputs of their own type. */
    public static final List<String> KEYS = List.of("version", "publicAccessCidrs", "adminPrincipalArns", "namespaces", "logRetentionDays",
            "privateAccessCidrs", "nodeGroups", "backup");

    static final NodeGroupSpec DEFAULT_GROUP = NodeGroupSpec.builder().name("general").build();

    static EksConfig read(ConfigObject c, Environment env) {
        var enabled = c.bool("enabled", false);
        var defaults = Inputs.defaults(EksPlatformArgs.class);
        Inputs.set(defaults, Map.of("production", env.isProd()));
        var settings = c.bind(defaults, Map.of("logRetentionDays", env.logRetentionDays(), "nodeGroups", List.of(DEFAULT_GROUP),
                "backup", Backup.builder().retentionDays(env.backupRetentionDays()).build()), KEYS);
        c.rejectUnknownKeys();
        return new EksConfig(enabled, settings);
    }

    /** The namespaces the platform creates. */
    public List<String> namespaces() {
        return settings.namespaces();
    }

    /** The public endpoint's CIDRs (none: the endpoint is off). */
    public List<String> publicAccessCidrs() {
        return settings.publicAccessCidrs();
    }

    /** The component arguments (network and data bucket are added by the program). */
    public EksPlatformArgs.Builder toArgs() {
        return EksPlatformArgs.builder(settings);
    }
}
