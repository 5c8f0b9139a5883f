package io.containerplatform.components.eks;

import io.containerplatform.components.common.SnapshotBuilder;
import io.containerplatform.components.common.Formats;
import com.pulumi.core.Output;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.components.network.Placement;
import io.containerplatform.components.common.Ipv4Cidr;
import io.containerplatform.components.common.LogRetention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Arguments of {@link EksPlatformComponent}. Immutable; build with {@link #builder()}. */
public final class EksPlatformArgs {

    /** Kubernetes versions this component supports: those {@link ChartVersions} has charts for. */
    public static final List<String> SUPPORTED_VERSIONS = ChartVersions.supportedVersions();
    /** Default Kubernetes version. */
    public static final String DEFAULT_VERSION = "1.33";
    /** The add-ons the component installs. */
    public static final List<String> ADDONS = List.of("vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver");

    private final Builder b;

    private EksPlatformArgs(Builder builder) {
        this.b = builder.snapshot();
    }

    /** VPC of the cluster. Required. */
    public Output<String> vpcId() { return b.placement.vpcId(); }

    /** Private subnets of the control-plane ENIs and the nodes. Required. */
    public Output<List<String>> privateSubnetIds() { return b.placement.privateSubnetIds(); }

    /** Kubernetes version. Default {@value #DEFAULT_VERSION}; one of {@link #SUPPORTED_VERSIONS}. */
    public String version() { return b.version; }

    /** CIDRs allowed on the public API endpoint; empty (default) turns the public endpoint off. Never 0.0.0.0/0 in production. */
    public List<String> publicAccessCidrs() { return b.publicAccessCidrs; }

    /**
     * Ranges inside the VPC allowed to the private endpoint on 443 (the cluster security group otherwise admits only
     * the cluster's own nodes): the subnet of a CI runner or bastion that runs {@code pulumi up} and {@code kubectl}
     * when the public endpoint is off or limited. Default none. Allowed: IPv4 CIDR blocks.
     */
    public List<String> privateAccessCidrs() { return b.privateAccessCidrs; }

    /** IAM roles or users given cluster-admin through access entries. Default none (the creator keeps admin). */
    public List<String> adminPrincipalArns() { return b.adminPrincipalArns; }

    /** Managed node groups. Required: at least one. */
    public List<NodeGroupSpec> nodeGroups() { return b.nodeGroups; }

    /** Namespaces to create. Default {@code spark}; the first one hosts Spark's service account and config. */
    public List<String> namespaces() { return b.namespaces; }

    /** Retention of {@code /aws/eks/<name>/cluster}. Default 30. */
    public int logRetentionDays() { return b.logRetentionDays; }

    /** Add-on versions by add-on name; an add-on not listed gets the newest version for the cluster version. */
    public Map<String, String> addonVersions() { return b.addonVersions; }

    /** Name and ARN of the data bucket Spark may use. Required. */
    public Output<String> dataBucketName() { return b.dataBucketName; }

    public Output<String> dataBucketArn() { return b.dataBucketArn; }

    /** Production: the public endpoint may not be open to the internet. Default false. */
    public boolean production() { return b.production; }

    /** Where the component's resources go: the VPC and its subnets ({@link NetworkComponent#placement()}). Required. */
    public Placement placement() { return b.placement; }

    /**
     * The daily backup of the cluster's persistent volumes.
     *
     * @param retentionDays days each recovery point is kept, 1 to 36500
     * @param copyToRegion  a second region the recovery points are copied to, if any
     */
    public record Backup(int retentionDays, java.util.Optional<String> copyToRegion) {
    }

    /** The daily backup of the volumes of the platform's StorageClass. Default none (no backup). */
    public java.util.Optional<Backup> backup() { return java.util.Optional.ofNullable(b.backup); }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link EksPlatformArgs}; {@link #build()} validates every field at once. */
    public static final class Builder extends SnapshotBuilder<Builder> {
        private Placement placement;
        private String version = DEFAULT_VERSION;
        private List<String> publicAccessCidrs = List.of();
        private List<String> privateAccessCidrs = List.of();
        private List<String> adminPrincipalArns = List.of();
        private List<NodeGroupSpec> nodeGroups = List.of();
        private List<String> namespaces = List.of("spark");
        private int logRetentionDays = 30;
        private Map<String, String> addonVersions = Map.of();
        private Output<String> dataBucketName;
        private Output<String> dataBucketArn;
        private boolean production;
        private Backup backup;

        public Builder version(String v) { this.version = v; return this; }
        public Builder publicAccessCidrs(List<String> v) { this.publicAccessCidrs = List.copyOf(v); return this; }
        public Builder privateAccessCidrs(List<String> v) { this.privateAccessCidrs = List.copyOf(v); return this; }
        public Builder adminPrincipalArns(List<String> v) { this.adminPrincipalArns = List.copyOf(v); return this; }
        public Builder nodeGroups(List<NodeGroupSpec> v) { this.nodeGroups = List.copyOf(v); return this; }
        public Builder namespaces(List<String> v) { this.namespaces = List.copyOf(v); return this; }
        public Builder logRetentionDays(int v) { this.logRetentionDays = v; return this; }
        public Builder addonVersions(Map<String, String> v) { this.addonVersions = Map.copyOf(new LinkedHashMap<>(v)); return this; }
        public Builder dataBucketName(Output<String> v) { this.dataBucketName = v; return this; }
        public Builder dataBucketArn(Output<String> v) { this.dataBucketArn = v; return this; }
        public Builder production(boolean v) { this.production = v; return this; }
        public Builder backup(Backup v) { this.backup = v; return this; }

        /** Where the component's resources go: {@link NetworkComponent#placement()}, or {@link Placement#of} for an existing VPC. */
        public Builder placement(Placement v) { this.placement = v; return this; }

        /** Validates and builds; the exception lists every invalid field. */
        public EksPlatformArgs build() {
            var errors = new ArrayList<String>();
            if (placement == null || dataBucketName == null || dataBucketArn == null) {
                errors.add("EksPlatformArgs.placement, dataBucketName and dataBucketArn are required");
            }
            if (!SUPPORTED_VERSIONS.contains(version)) {
                errors.add("EksPlatformArgs.version: \"" + version + "\" is not one of " + SUPPORTED_VERSIONS);
            }
            privateAccessCidrs.stream().filter(cidr -> Ipv4Cidr.parse(cidr).isEmpty())
                    .forEach(cidr -> errors.add("EksPlatformArgs.privateAccessCidrs: \"" + cidr + "\" is not an IPv4 CIDR block"));
            for (var cidr : publicAccessCidrs) {
                var parsed = Ipv4Cidr.parse(cidr);
                if (parsed.isEmpty()) {
                    errors.add("EksPlatformArgs.publicAccessCidrs: \"" + cidr + "\" is not an IPv4 CIDR block");
                } else if (production && parsed.get().prefix() == 0) {
                    errors.add("EksPlatformArgs.publicAccessCidrs: " + cidr + " opens the API endpoint to the internet in production");
                }
            }
            adminPrincipalArns.stream().filter(a -> !Formats.isIamRoleOrUserArn(a))
                    .forEach(a -> errors.add("EksPlatformArgs.adminPrincipalArns: \"" + a + "\" is not an IAM role or user ARN"));
            if (nodeGroups.isEmpty()) {
                errors.add("EksPlatformArgs.nodeGroups is empty: the cluster needs at least one node group");
            }
            for (int i = 0; i < nodeGroups.size(); i++) {
                errors.addAll(nodeGroups.get(i).problems("EksPlatformArgs.nodeGroups[" + i + "]"));
            }
            if (nodeGroups.stream().map(NodeGroupSpec::name).distinct().count() != nodeGroups.size()) {
                errors.add("EksPlatformArgs.nodeGroups: names are not unique");
            }
            if (namespaces.isEmpty()) {
                errors.add("EksPlatformArgs.namespaces is empty: Spark needs one");
            }
            namespaces.stream().filter(n -> !Formats.isKubernetesName(n))
                    .forEach(n -> errors.add("EksPlatformArgs.namespaces: \"" + n + "\" is not a Kubernetes name"));
            if (!LogRetention.isAllowed(logRetentionDays)) {
                errors.add("EksPlatformArgs.logRetentionDays: " + logRetentionDays + " is not a CloudWatch Logs retention");
            }
            if (backup != null && (backup.retentionDays() < 1 || backup.retentionDays() > 36500)) {
                errors.add("EksPlatformArgs.backup.retentionDays: " + backup.retentionDays() + " is outside 1 to 36500");
            }
            if (backup != null && backup.copyToRegion().filter(r -> !r.matches("[a-z]{2}(-gov)?-[a-z]+-\\d")).isPresent()) {
                errors.add("EksPlatformArgs.backup.copyToRegion: \"" + backup.copyToRegion().get() + "\" is not an AWS region");
            }
            addonVersions.keySet().stream().filter(a -> !ADDONS.contains(a))
                    .forEach(a -> errors.add("EksPlatformArgs.addonVersions: \"" + a + "\" is not one of " + ADDONS));
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new EksPlatformArgs(this);
        }
    }
}
