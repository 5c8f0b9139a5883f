package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.common.Formats;
import io.containerplatform.components.eks.EksPlatformArgs;
import io.containerplatform.components.eks.NodeGroupSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code container-platform:eks}: the EKS platform (seeds 000 and 004). Its keys but {@code enabled},
 * {@code nodeGroups} and {@code backup} are {@link EksPlatformArgs}' inputs of the same names ({@link #KEYS}), read
 * through their declarations (the environment decides {@code logRetentionDays}' default and {@code production});
 * {@code nodeGroups} (default one on-demand t3.large group of 1 to 3) and {@code backup} (the daily AWS Backup of the
 * cluster's volumes: {@code retentionDays}, default 35 in prod else 7, and {@code copyToRegion}) are objects read here.
 *
 * @param enabled  build it; default false
 * @param settings the component's inputs from config (placement and data bucket are the program's)
 */
public record EksConfig(boolean enabled, EksPlatformArgs settings) {

    /** The keys of {@code eks} that are {@link EksPlatformArgs}' inputs of their own type. */
    public static final List<String> KEYS = List.of("version", "publicAccessCidrs", "adminPrincipalArns", "namespaces", "logRetentionDays",
            "privateAccessCidrs");

    static final NodeGroupSpec DEFAULT_GROUP = new NodeGroupSpec("general", List.of("t3.large"), "ON_DEMAND", 1, 3, 2, 50, Map.of(), List.of());

    static EksConfig read(ConfigObject c, Environment env) {
        var enabled = c.bool("enabled", false);
        var defaults = Inputs.defaults(EksPlatformArgs.class);
        Inputs.set(defaults, Map.of("production", env.isProd()));
        var settings = c.bind(defaults, Map.of("logRetentionDays", env.logRetentionDays()), KEYS);
        var groupObjects = c.objectList("nodeGroups");
        var groups = new ArrayList<NodeGroupSpec>();
        if (groupObjects == null) {
            groups.add(DEFAULT_GROUP);
        } else {
            if (groupObjects.isEmpty() && enabled) {
                c.error("nodeGroups", "is empty", "at least one node group");
            }
            groupObjects.forEach(g -> groups.add(nodeGroup(g)));
        }
        if (groups.stream().map(NodeGroupSpec::name).distinct().count() != groups.size()) {
            c.error("nodeGroups", "names are not unique", "a unique name per node group");
        }
        var b = c.objectOrEmpty("backup");
        var backupDays = b.integer("retentionDays", env.backupRetentionDays(), 1, 36500);
        var regionAllowed = "an AWS region such as eu-west-1, other than the stack's";
        var copyTo = b.optionalString("copyToRegion", regionAllowed);
        copyTo.filter(r -> !r.matches("[a-z]{2}(-gov)?-[a-z]+-\\d"))
                .ifPresent(r -> b.error("copyToRegion", "\"" + r + "\" is not an AWS region", regionAllowed));
        b.rejectUnknownKeys();
        c.rejectUnknownKeys();
        Inputs.set(settings, Map.of("nodeGroups", List.copyOf(groups), "backup", new EksPlatformArgs.Backup(backupDays, copyTo)));
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

    private static NodeGroupSpec nodeGroup(ConfigObject g) {
        var name = g.requiredString("name", "1-20 characters of a-z, 0-9 and -");
        if (!name.isEmpty() && !name.matches("[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?")) {
            g.error("name", "\"" + name + "\" is not a node group name", "1-20 characters of a-z, 0-9 and -");
        }
        var types = g.stringList("instanceTypes", List.of("t3.large"), "EC2 instance types", t ->
                Formats.isInstanceType(t) ? Optional.empty() : Optional.of("\"" + t + "\" is not an instance type"));
        if (types.isEmpty()) {
            g.error("instanceTypes", "is empty", "at least one EC2 instance type");
        }
        var capacity = g.oneOf("capacityType", "ON_DEMAND", choices(List.of("ON_DEMAND", "SPOT")));
        var min = g.integer("minSize", 1, 0, 450);
        var max = g.integer("maxSize", 3, 1, 450);
        var desired = g.integer("desiredSize", Math.max(min, Math.min(2, max)), 0, 450);
        orderedSizes(g, "minSize", min, "desiredSize", desired, "maxSize", max);
        var disk = g.integer("diskSizeGb", 50, 20, 16384);
        var labels = g.stringMap("labels", "a map of Kubernetes label names to values", (k, v) -> Optional.empty());
        var taints = new ArrayList<NodeGroupSpec.Taint>();
        var taintObjects = g.objectList("taints");
        if (taintObjects != null) {
            for (var t : taintObjects) {
                taints.add(new NodeGroupSpec.Taint(t.requiredString("key", "a taint key"), t.string("value", "", "a taint value"),
                        t.oneOf("effect", "NO_SCHEDULE", choices(NodeGroupSpec.EFFECTS))));
                t.rejectUnknownKeys();
            }
        }
        g.rejectUnknownKeys();
        return new NodeGroupSpec(name, types, capacity, min, max, desired, disk, labels, taints);
    }

    private static Map<String, String> choices(List<String> values) {
        var map = new java.util.LinkedHashMap<String, String>();
        values.forEach(v -> map.put(v, v));
        return map;
    }

    /** The component arguments (network and data bucket are added by the program). */
    public EksPlatformArgs.Builder toArgs() {
        return EksPlatformArgs.builder(settings);
    }

    /** Records the error of a {@code min <= desired <= max} triple, naming the keys involved. */
    private static void orderedSizes(ConfigObject c, String minKey, int min, String desiredKey, int desired, String maxKey, int max) {
        var allowed = minKey + " <= " + desiredKey + " <= " + maxKey;
        if (min > max) {
            c.error(minKey, min + " is greater than " + maxKey + " " + max, allowed);
        } else if (desired < min || desired > max) {
            c.error(desiredKey, desired + " is outside " + minKey + ".." + maxKey + " (" + min + ".." + max + ")", allowed);
        }
    }
}
