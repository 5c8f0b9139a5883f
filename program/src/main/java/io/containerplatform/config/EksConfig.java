package io.containerplatform.config;

import io.containerplatform.components.common.Formats;
import io.containerplatform.components.common.Ipv4Cidr;
import io.containerplatform.components.common.LogRetention;
import io.containerplatform.components.eks.EksPlatformArgs;
import io.containerplatform.components.eks.NodeGroupSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code container-platform:eks}: the EKS platform (seeds 000 and 004).
 *
 * @param enabled            build it; default false
 * @param version            Kubernetes version; default the newest supported
 * @param publicAccessCidrs  CIDRs on the public endpoint; default none (public endpoint off); never 0.0.0.0/0 in prod
 * @param adminPrincipalArns IAM roles/users made cluster admins; default none
 * @param nodeGroups         managed node groups; default one on-demand t3.large group of 1 to 3
 * @param namespaces         namespaces; default {@code spark}
 * @param logRetentionDays   control-plane log retention; default 30 in prod, else 7
 * @param privateAccessCidrs VPC ranges that reach the private endpoint (a CI runner inside the VPC); default none
 * @param backup             {@code backup}: the daily AWS Backup of the cluster's volumes: {@code retentionDays} (1 to 36500;
 *                           default 35 in prod, else 7) and {@code copyToRegion} (a second region; default none)
 */
public record EksConfig(boolean enabled, String version, List<String> publicAccessCidrs, List<String> adminPrincipalArns,
                        List<NodeGroupSpec> nodeGroups, List<String> namespaces, int logRetentionDays, List<String> privateAccessCidrs,
                        EksPlatformArgs.Backup backup) {

    static final NodeGroupSpec DEFAULT_GROUP = new NodeGroupSpec("general", List.of("t3.large"), "ON_DEMAND", 1, 3, 2, 50, Map.of(), List.of());

    static EksConfig read(ConfigObject c, Environment env) {
        var enabled = c.bool("enabled", false);
        var version = c.oneOf("version", EksPlatformArgs.DEFAULT_VERSION, choices(EksPlatformArgs.SUPPORTED_VERSIONS));
        var cidrAllowed = env.isProd() ? "IPv4 CIDR blocks, not 0.0.0.0/0 in production" : "IPv4 CIDR blocks";
        var cidrs = c.stringList("publicAccessCidrs", List.of(), cidrAllowed, cidr -> {
            var parsed = Ipv4Cidr.parse(cidr);
            if (parsed.isEmpty()) {
                return Optional.of("\"" + cidr + "\" is not an IPv4 CIDR block");
            }
            return env.isProd() && parsed.get().prefix() == 0
                    ? Optional.of("\"" + cidr + "\" opens the Kubernetes API to the internet in production") : Optional.empty();
        });
        var admins = c.stringList("adminPrincipalArns", List.of(), "IAM role or user ARNs", arn ->
                Formats.isIamRoleOrUserArn(arn) ? Optional.empty() : Optional.of("\"" + arn + "\" is not an IAM role or user ARN"));
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
        var namespaces = c.stringList("namespaces", List.of("spark"), "Kubernetes names (a-z, 0-9, -)", ns ->
                Formats.isKubernetesName(ns) ? Optional.empty() : Optional.of("\"" + ns + "\" is not a Kubernetes name"));
        var retention = c.integerIn("logRetentionDays", env.logRetentionDays(), LogRetention.ALLOWED_DAYS);
        var privateCidrs = c.stringList("privateAccessCidrs", List.of(), "private IPv4 CIDR blocks inside the VPC (a CI runner's subnet)",
                cidr -> Ipv4Cidr.parse(cidr).isEmpty() ? Optional.of("\"" + cidr + "\" is not an IPv4 CIDR block") : Optional.empty());
        var b = c.objectOrEmpty("backup");
        var backupDays = b.integer("retentionDays", env.backupRetentionDays(), 1, 36500);
        var regionAllowed = "an AWS region such as eu-west-1, other than the stack's";
        var copyTo = b.optionalString("copyToRegion", regionAllowed);
        copyTo.filter(r -> !r.matches("[a-z]{2}(-gov)?-[a-z]+-\\d"))
                .ifPresent(r -> b.error("copyToRegion", "\"" + r + "\" is not an AWS region", regionAllowed));
        b.rejectUnknownKeys();
        c.rejectUnknownKeys();
        return new EksConfig(enabled, version, cidrs, admins, List.copyOf(groups), namespaces, retention, privateCidrs,
                new EksPlatformArgs.Backup(backupDays, copyTo));
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
        CommonKeys.orderedSizes(g, "minSize", min, "desiredSize", desired, "maxSize", max);
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
    public EksPlatformArgs.Builder toArgs(Environment env) {
        return EksPlatformArgs.builder()
                .version(version)
                .publicAccessCidrs(publicAccessCidrs)
                .adminPrincipalArns(adminPrincipalArns)
                .nodeGroups(nodeGroups)
                .namespaces(namespaces)
                .logRetentionDays(logRetentionDays)
                .backup(backup)
                .privateAccessCidrs(privateAccessCidrs)
                .production(env.isProd());
    }
}
