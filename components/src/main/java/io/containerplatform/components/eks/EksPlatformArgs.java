package io.containerplatform.components.eks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.common.Ipv4Cidr;
import io.containerplatform.components.common.LogRetention;
import io.containerplatform.components.network.Placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Arguments of {@link EksPlatformComponent}: each field is one declared input ({@link InputSpec}). Build with
 * {@link #builder()}; {@code build()} returns an unmodifiable copy, checked, or fails naming every problem.
 */
public final class EksPlatformArgs extends DeclaredArgs {

    @Import(name = "placement", required = true)
    @InputSpec("Where the cluster goes: its VPC and the private subnets of the control-plane ENIs and the nodes"
            + " (NetworkComponent.placement())")
    private Placement placement;

    @Import(name = "version")
    @InputSpec(value = "The Kubernetes version (the versions ChartVersions has charts for)", oneOf = {"1.32", "1.33", "1.34", "1.35"})
    private String version = EksPlatformComponent.DEFAULT_VERSION;

    @Import(name = "publicAccessCidrs")
    @InputSpec(value = "CIDRs allowed on the public API endpoint; none turns the public endpoint off", format = Format.IPV4_CIDR,
            allowed = "IPv4 CIDR blocks, not 0.0.0.0/0 in production", defaultText = "none (public endpoint off)")
    private List<String> publicAccessCidrs = List.of();

    @Import(name = "privateAccessCidrs")
    @InputSpec(value = "Ranges inside the VPC allowed to the private endpoint on 443 (the cluster security group otherwise admits"
            + " only the cluster's own nodes): the subnet of a CI runner or bastion that runs pulumi up and kubectl when the public"
            + " endpoint is off or limited", format = Format.IPV4_CIDR, allowed = "IPv4 CIDR blocks")
    private List<String> privateAccessCidrs = List.of();

    @Import(name = "adminPrincipalArns")
    @InputSpec(value = "IAM roles or users given cluster-admin through access entries (the creator keeps admin)",
            format = Format.IAM_PRINCIPAL_ARN, allowed = "IAM role or user ARNs")
    private List<String> adminPrincipalArns = List.of();

    @Import(name = "nodeGroups", required = true)
    @InputSpec(value = "The managed node groups", allowed = "at least one; names unique")
    private List<NodeGroupSpec> nodeGroups = List.of();

    @Import(name = "namespaces")
    @InputSpec(value = "Namespaces to create; the first hosts Spark's service account and config", format = Format.KUBERNETES_NAME,
            allowed = "at least one Kubernetes name (a-z, 0-9, -)")
    private List<String> namespaces = List.of("spark");

    @Import(name = "logRetentionDays")
    @InputSpec(value = "Days /aws/eks/<name>/cluster keeps the control-plane logs", format = Format.LOG_RETENTION, allowed = LogRetention.ALLOWED)
    private Integer logRetentionDays = 30;

    @Import(name = "addonVersions")
    @InputSpec(value = "Add-on versions by add-on, overriding the version ChartVersions pins for the cluster version (an add-on"
            + " not listed gets that one)", allowed = "vpc-cni, coredns, kube-proxy or aws-ebs-csi-driver to an EKS add-on version"
            + " such as v1.35.3-eksbuild.13", defaultText = "{}")
    private Map<String, String> addonVersions = Map.of();

    @Import(name = "dataBucketName", required = true)
    @InputSpec("The name of the data bucket Spark may use")
    private Output<String> dataBucketName;

    @Import(name = "dataBucketArn", required = true)
    @InputSpec("The ARN of the data bucket Spark may use")
    private Output<String> dataBucketArn;

    @Import(name = "production")
    @InputSpec("A production cluster: its public endpoint may not be open to the internet")
    private Boolean production = false;

    @Import(name = "backup")
    @InputSpec(value = "The daily backup of the volumes of the platform's StorageClass", defaultText = "none (no backup)")
    private Backup backup;

    public Placement placement() { return placement; }
    public Output<String> vpcId() { return placement.vpcId(); }
    public Output<List<String>> privateSubnetIds() { return placement.privateSubnetIds(); }
    public String version() { return version; }
    public List<String> publicAccessCidrs() { return publicAccessCidrs; }
    public List<String> privateAccessCidrs() { return privateAccessCidrs; }
    public List<String> adminPrincipalArns() { return adminPrincipalArns; }
    public List<NodeGroupSpec> nodeGroups() { return nodeGroups; }
    public List<String> namespaces() { return namespaces; }
    public int logRetentionDays() { return logRetentionDays; }
    public Map<String, String> addonVersions() { return addonVersions; }
    public Output<String> dataBucketName() { return dataBucketName; }
    public Output<String> dataBucketArn() { return dataBucketArn; }
    public boolean production() { return production; }
    public Optional<Backup> backup() { return Optional.ofNullable(backup); }

    @Override
    protected List<InputProblem> rules() {
        var problems = new ArrayList<InputProblem>();
        if (Boolean.TRUE.equals(production)) {
            for (int i = 0; i < publicAccessCidrs.size(); i++) {
                var cidr = publicAccessCidrs.get(i);
                if (Ipv4Cidr.parse(cidr).filter(c -> c.prefix() == 0).isPresent()) {
                    problems.add(new InputProblem("publicAccessCidrs[" + i + "]", "\"" + cidr + "\" opens the Kubernetes API to the internet"
                            + " in production", Inputs.named(getClass(), "publicAccessCidrs").allowed()));
                }
            }
        }
        if (nodeGroups.isEmpty()) {
            problems.add(problem("nodeGroups", "is empty"));
        }
        namedTwice(nodeGroups.stream().map(NodeGroupSpec::name).toList())
                .forEach(n -> problems.add(problem("nodeGroups", "\"" + n + "\" is named twice")));
        if (placement != null && placement.zoneCount().isEmpty()) {
            nodeGroups.stream().filter(NodeGroupSpec::perZone).forEach(g -> problems.add(problem("nodeGroups",
                    "\"" + g.name() + "\" is perZone but placement.zoneCount is not set (the number of zones to make groups in)")));
        }
        if (namespaces.isEmpty()) {
            problems.add(problem("namespaces", "is empty"));
        }
        addonVersions.forEach((addon, v) -> {
            if (!EksPlatformComponent.ADDONS.contains(addon)) {
                problems.add(problem("addonVersions", "\"" + addon + "\" is not an add-on the component installs"));
            } else if (!ChartVersions.AddonVersions.isVersion(v)) {
                problems.add(new InputProblem("addonVersions." + addon, "\"" + v + "\" is not an EKS add-on version",
                        Inputs.named(getClass(), "addonVersions").allowed()));
            }
        });
        return problems;
    }

    public static Builder builder() {
        return new Builder(new EksPlatformArgs());
    }

    /** A builder starting from {@code defaults}' inputs. */
    public static Builder builder(EksPlatformArgs defaults) {
        return new Builder(Inputs.copyOf(defaults));
    }

    /** Builder of {@link EksPlatformArgs}: one setter per input, named like it. */
    public static final class Builder {
        private final EksPlatformArgs $;

        private Builder(EksPlatformArgs start) {
            $ = start;
        }

        /**
         * Where the cluster goes: its VPC and the private subnets of the control-plane ENIs and the nodes
         * (NetworkComponent.placement()).
         */
        public Builder placement(Placement v) { $.placement = v; return this; }

        /**
         * The Kubernetes version (the versions ChartVersions has charts for). Allowed: one of 1.32, 1.33, 1.34, 1.35.
         * Default: 1.35.
         */
        public Builder version(String v) { $.version = v; return this; }

        /**
         * CIDRs allowed on the public API endpoint; none turns the public endpoint off. Allowed: IPv4 CIDR blocks, not
         * 0.0.0.0/0 in production. Default: none (public endpoint off).
         */
        public Builder publicAccessCidrs(List<String> v) { $.publicAccessCidrs = v; return this; }

        /**
         * Ranges inside the VPC allowed to the private endpoint on 443 (the cluster security group otherwise admits
         * only the cluster's own nodes): the subnet of a CI runner or bastion that runs pulumi up and kubectl when the
         * public endpoint is off or limited. Allowed: IPv4 CIDR blocks. Default: [].
         */
        public Builder privateAccessCidrs(List<String> v) { $.privateAccessCidrs = v; return this; }

        /**
         * IAM roles or users given cluster-admin through access entries (the creator keeps admin). Allowed: IAM role or
         * user ARNs. Default: [].
         */
        public Builder adminPrincipalArns(List<String> v) { $.adminPrincipalArns = v; return this; }

        /**
         * The managed node groups. Allowed: at least one; names unique.
         */
        public Builder nodeGroups(List<NodeGroupSpec> v) { $.nodeGroups = v; return this; }

        /**
         * Namespaces to create; the first hosts Spark's service account and config. Allowed: at least one Kubernetes
         * name (a-z, 0-9, -). Default: [spark].
         */
        public Builder namespaces(List<String> v) { $.namespaces = v; return this; }

        /**
         * Days /aws/eks/&lt;name&gt;/cluster keeps the control-plane logs. Allowed: a CloudWatch Logs retention: 1, 3,
         * 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653. Default:
         * 30.
         */
        public Builder logRetentionDays(int v) { $.logRetentionDays = v; return this; }

        /**
         * Add-on versions by add-on, overriding the version ChartVersions pins for the cluster version (an add-on not
         * listed gets that one). Allowed: vpc-cni, coredns, kube-proxy or aws-ebs-csi-driver to an EKS add-on version
         * such as v1.35.3-eksbuild.13. Default: {}.
         */
        public Builder addonVersions(Map<String, String> v) { $.addonVersions = v; return this; }

        /**
         * The name of the data bucket Spark may use.
         */
        public Builder dataBucketName(Output<String> v) { $.dataBucketName = v; return this; }

        /**
         * The ARN of the data bucket Spark may use.
         */
        public Builder dataBucketArn(Output<String> v) { $.dataBucketArn = v; return this; }

        /**
         * A production cluster: its public endpoint may not be open to the internet. Default: false.
         */
        public Builder production(boolean v) { $.production = v; return this; }

        /**
         * The daily backup of the volumes of the platform's StorageClass. Default: none (no backup).
         */
        public Builder backup(Backup v) { $.backup = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public EksPlatformArgs build() {
            return $.validated();
        }
    }
}
