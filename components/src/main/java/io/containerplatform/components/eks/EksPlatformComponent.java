package io.containerplatform.components.eks;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.SecurityGroupRule;
import com.pulumi.aws.ec2.SecurityGroupRuleArgs;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.IamPolicy;
import io.containerplatform.components.common.Json;
import io.containerplatform.components.network.Placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.containerplatform.components.common.Json.obj;

/**
 * An EKS cluster from pulumi-aws primitives (seeds 000 and 004): control plane with KMS-encrypted secrets,
 * all five control-plane logs in a retained log group, a private endpoint and a public one limited to listed
 * CIDRs (or off), access entries for admins; managed node groups with hardened launch templates; the OIDC
 * provider and IRSA roles; the core add-ons; a Kubernetes provider; and inside the cluster the services of
 * {@link ClusterServices}.
 */
public class EksPlatformComponent extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:eks:EksPlatformComponent";
    /**
     * The Kubernetes version of a cluster whose Args do not say ({@link EksPlatformArgs#version()}): the newest in EKS
     * standard support with a row in {@link ChartVersions} (EKS release calendar: 1.35 until 2027-03-27; the plan's
     * lifecycle check says when that nears).
     */
    public static final String DEFAULT_VERSION = "1.35";
    /**
     * Zone ids (the same physical zone in every account, unlike zone names) where EKS places no control plane: the
     * cluster's subnets may not be there (EKS User Guide, "View Amazon EKS networking requirements for VPC and subnets",
     * Subnet requirements for clusters: us-east-1 use1-az3, us-west-1 usw1-az2, ca-central-1 cac1-az3). A network for a
     * cluster leaves them out ({@code NetworkArgs.excludedZoneIds}).
     */
    public static final List<String> UNSUPPORTED_ZONE_IDS = List.of("use1-az3", "usw1-az2", "cac1-az3");
    /**
     * The node label that marks nodes for stateful pods (those bound to a zonal EBS volume): their node affinity selects
     * it with the value "true". A group carrying it must be {@link NodeGroupSpec#perZone()} and ON_DEMAND.
     */
    public static final String STATEFUL_LABEL = "platform.containerplatform.io/stateful";
    /** The add-ons the component installs. */
    public static final List<String> ADDONS = List.of("vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver");
    /** Control-plane logs sent to CloudWatch. */
    public static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    /** Managed policies of the node role. */
    public static final List<String> NODE_POLICIES = List.of(
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");

    private final Output<String> clusterName;
    private final Output<String> endpoint;
    private final Output<String> oidcProviderArn;
    private final Output<String> oidcIssuerUrl;
    private final Output<String> kubeconfig;
    private final Output<String> nodeRoleArn;
    private final Output<String> dataBucketName;
    private final Provider provider;
    private final Release loadBalancerController;
    private final ChartVersions chartVersions;
    private final Optional<VolumeBackups.Names> backups;

    public EksPlatformComponent(String name, EksPlatformArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        requireShortGroupNames(name, args);
        Output<String> region = AwsFunctions.getRegion(GetRegionArgs.builder().build(), new InvokeOptions(this, null, null))
                .applyValue(r -> r.name());

        var clusterRole = role(name + "-cluster-role", "EKS control plane of " + name, "eks.amazonaws.com",
                List.of("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"));

        var key = new Key(name + "-secrets-key", KeyArgs.builder()
                .description("Encrypts the Kubernetes secrets of " + name)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), child());
        var logGroup = new LogGroup(name + "-control-plane-logs", LogGroupArgs.builder()
                .name("/aws/eks/" + name + "/cluster")
                .retentionInDays(args.logRetentionDays())
                .build(), child());
        var publicEndpoint = !args.publicAccessCidrs().isEmpty();
        var vpc = ClusterVpcConfigArgs.builder()
                .subnetIds(args.privateSubnetIds())
                .endpointPrivateAccess(true)
                .endpointPublicAccess(publicEndpoint);
        if (publicEndpoint) {
            vpc.publicAccessCidrs(args.publicAccessCidrs());
        }
        var cluster = new Cluster(name, ClusterArgs.builder()
                .name(name)
                .version(args.version())
                .roleArn(clusterRole.role().arn())
                .vpcConfig(vpc.build())
                .enabledClusterLogTypes(LOG_TYPES)
                .encryptionConfig(ClusterEncryptionConfigArgs.builder()
                        .resources("secrets")
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(key.arn()).build())
                        .build())
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API")
                        .bootstrapClusterCreatorAdminPermissions(true)
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(concat(clusterRole.attachments(), List.of(logGroup))).build());

        for (int i = 0; i < args.privateAccessCidrs().size(); i++) {
            new SecurityGroupRule(name + "-private-access-" + i, SecurityGroupRuleArgs.builder()
                    .type("ingress")
                    .description("Kubernetes API (private endpoint) from " + args.privateAccessCidrs().get(i))
                    .securityGroupId(cluster.vpcConfig().applyValue(v -> v.clusterSecurityGroupId().orElse("")))
                    .protocol("tcp").fromPort(443).toPort(443)
                    .cidrBlocks(args.privateAccessCidrs().get(i))
                    .build(), child());
        }

        for (int i = 0; i < args.adminPrincipalArns().size(); i++) {
            var principal = args.adminPrincipalArns().get(i);
            var entry = new AccessEntry(name + "-admin-" + i, AccessEntryArgs.builder()
                    .clusterName(cluster.name()).principalArn(principal).type("STANDARD").build(), child());
            new AccessPolicyAssociation(name + "-admin-" + i + "-policy", AccessPolicyAssociationArgs.builder()
                    .clusterName(cluster.name())
                    .principalArn(principal)
                    .policyArn("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy")
                    .accessScope(AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build())
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(entry).build());
        }

        Output<String> issuer = cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElseThrow());
        var oidc = new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
                .url(issuer)
                .clientIdLists("sts.amazonaws.com")
                .build(), child());

        var nodeRole = role(name + "-node-role", "Nodes of " + name, "ec2.amazonaws.com", NODE_POLICIES);
        var nodeGroups = new ArrayList<Resource>();
        for (var spec : args.nodeGroups()) {
            nodeGroups.addAll(nodeGroups(name, spec, cluster, args.placement(), nodeRole.role(), nodeRole.attachments()));
        }

        var ebsRole = Irsa.role(this, name + "-ebs-csi-role", oidc.arn(), issuer, "kube-system", "ebs-csi-controller-sa");
        attach(name + "-ebs-csi-policy", ebsRole, "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
        var addons = new ArrayList<Resource>();
        var pinned = ChartVersions.forCluster(args.version()).orElseThrow().addons();
        for (var addon : ADDONS) {
            // Pinned per cluster version (ChartVersions), so a deploy installs exactly this version and a preview shows an
            // add-on upgrade as a change of addonVersion. OVERWRITE: the add-ons' whole configuration is declared here
            // (configurationValues); a field someone changed on the cluster outside the EKS API returns to it on the next
            // create or update instead of failing it ("Update an Amazon EKS add-on", --resolve-conflicts).
            var addonArgs = AddonArgs.builder()
                    .clusterName(cluster.name())
                    .addonName(addon)
                    .addonVersion(args.addonVersions().getOrDefault(addon, pinned.of(addon)))
                    .resolveConflictsOnCreate("OVERWRITE")
                    .resolveConflictsOnUpdate("OVERWRITE");
            if (addon.equals("aws-ebs-csi-driver")) {
                addonArgs.serviceAccountRoleArn(ebsRole.arn());
            }
            if (addon.equals("vpc-cni")) {
                // Without it EKS accepts NetworkPolicies but does not enforce them.
                addonArgs.configurationValues(Json.write(obj("enableNetworkPolicy", "true")));
            }
            addons.add(new Addon(name + "-" + addon, addonArgs.build(), CustomResourceOptions.builder().parent(this)
                    .dependsOn(addon.equals("vpc-cni") || addon.equals("kube-proxy") ? List.of() : nodeGroups).build()));
        }

        // The provider depends on the node groups and the add-ons. Everything it manages (every Kubernetes object and Helm
        // release of the platform and the pipeline) is deleted before it, and it before the add-ons: pulumi destroy removes
        // the Ingresses and load-balanced Services while CoreDNS, the VPC CNI and kube-proxy still run the load balancer
        // controller that deletes their ALBs and security groups, and the volumes while the EBS CSI driver deletes them.
        this.kubeconfig = Output.tuple(cluster.endpoint(), cluster.certificateAuthority().applyValue(ca -> ca.data().orElse("")), region)
                .applyValue(t -> kubeconfig(name, t.t1, t.t2, t.t3)).asSecret();
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .enableServerSideApply(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(concat(nodeGroups, addons)).build());

        var services = new ClusterServices(this, name, args, provider, addons,
                new ClusterServices.Identity(oidc.arn(), issuer, region, cluster.name(), args.vpcId()));
        this.backups = args.backup().map(backup -> VolumeBackups.declare(this, name, backup, args.production()));
        this.loadBalancerController = services.loadBalancerController();
        this.chartVersions = services.charts();

        this.clusterName = cluster.name();
        this.endpoint = cluster.endpoint();
        this.oidcProviderArn = oidc.arn();
        this.oidcIssuerUrl = issuer;
        this.nodeRoleArn = nodeRole.role().arn();
        this.dataBucketName = args.dataBucketName();
        registerOutputs(Map.of("clusterName", clusterName, "endpoint", endpoint, "oidcProviderArn", oidcProviderArn,
                "kubeconfig", kubeconfig, "nodeRoleArn", nodeRoleArn, "dataBucketName", dataBucketName));
    }

    /**
     * EKS takes node group names of at most 63 characters, and pulumi-aws auto-names a group {@code <its Pulumi name>-<7
     * random characters>} without shortening it (its limit for nodeGroupName is 255): a longer name would fail only at
     * {@code pulumi up}, so it fails here, before anything is registered.
     */
    static void requireShortGroupNames(String name, EksPlatformArgs args) {
        for (var spec : args.nodeGroups()) {
            var longest = name + "-" + spec.name() + (spec.perZone() ? "-" + (args.placement().zoneCount().orElse(1) - 1) : "");
            if (longest.length() + AUTO_NAME_SUFFIX > MAX_NODE_GROUP_NAME) {
                throw new IllegalArgumentException("node group " + spec.name() + " of " + name + ": EKS would be given the name " + longest
                        + "-<7 characters>, longer than " + MAX_NODE_GROUP_NAME + " characters; shorten the component's or the group's name");
            }
        }
    }

    /** The longest node group name EKS takes. */
    private static final int MAX_NODE_GROUP_NAME = 63;
    /** What auto-naming adds: a dash and 7 random characters. */
    private static final int AUTO_NAME_SUFFIX = 8;

    /** A kubeconfig for the cluster that authenticates with {@code aws eks get-token} (no static credentials). */
    static String kubeconfig(String clusterName, String endpoint, String caData, String region) {
        return Json.write(obj(
                "apiVersion", "v1",
                "kind", "Config",
                "clusters", List.of(obj("name", clusterName, "cluster", obj("server", endpoint, "certificate-authority-data", caData))),
                "contexts", List.of(obj("name", clusterName, "context", obj("cluster", clusterName, "user", clusterName))),
                "current-context", clusterName,
                "users", List.of(obj("name", clusterName, "user", obj("exec", obj(
                        "apiVersion", "client.authentication.k8s.io/v1beta1",
                        "command", "aws",
                        "args", List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region),
                        "interactiveMode", "Never"))))));
    }

    /**
     * The node groups of {@code spec}: one over every private subnet, or with {@link NodeGroupSpec#perZone()} one per zone
     * ({@code <name>-<group>-<zone index>}), all from one hardened launch template (so that the zones' nodes carry the same
     * labels and the autoscaler's balance-similar-node-groups, which ignores eks.amazonaws.com/nodegroup, balances them). EKS
     * names them after their Pulumi
     * names with a random suffix (pulumi-aws auto-names {@code nodeGroupName}), so a change that replaces a group
     * ({@code instanceTypes}, {@code capacityType}, its subnets) creates the new group before deleting the old; they run
     * the cluster's Kubernetes version, and move to a new one after the control plane does.
     */
    private List<NodeGroup> nodeGroups(String name, NodeGroupSpec spec, Cluster cluster, Placement placement, Role nodeRole,
                                       List<Resource> nodeRolePolicies) {
        var groupName = name + "-" + spec.name();
        var template = new LaunchTemplate(groupName + "-lt", LaunchTemplateArgs.builder()
                .description("Nodes of " + groupName)
                .updateDefaultVersion(true)
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled").httpTokens("required").httpPutResponseHopLimit(1).build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName("/dev/xvda")
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder().volumeType("gp3").volumeSize(spec.diskSizeGb())
                                .encrypted("true").deleteOnTermination("true").build())
                        .build())
                .tags(Map.of("Name", groupName + "-lt"))
                .build(), child());
        if (!spec.perZone()) {
            return List.of(nodeGroup(groupName, name, spec, cluster, cluster.vpcConfig().applyValue(v -> v.subnetIds()), template,
                    nodeRole, nodeRolePolicies));
        }
        var groups = new ArrayList<NodeGroup>();
        for (int zone = 0; zone < placement.zoneCount().orElseThrow(); zone++) {
            final int index = zone;
            groups.add(nodeGroup(groupName + "-" + zone, name, spec, cluster,
                    placement.privateSubnetIds().applyValue(ids -> List.of(ids.get(index))), template, nodeRole, nodeRolePolicies));
        }
        return groups;
    }

    private NodeGroup nodeGroup(String groupName, String clusterName, NodeGroupSpec spec, Cluster cluster, Output<List<String>> subnetIds,
                                LaunchTemplate template, Role nodeRole, List<Resource> nodeRolePolicies) {
        return new NodeGroup(groupName, NodeGroupArgs.builder()
                .clusterName(cluster.name())
                .version(cluster.version())
                .nodeRoleArn(nodeRole.arn())
                .subnetIds(subnetIds)
                .capacityType(spec.capacityType())
                .instanceTypes(spec.instanceTypes())
                .scalingConfig(NodeGroupScalingConfigArgs.builder()
                        .minSize(spec.minSize()).maxSize(spec.maxSize()).desiredSize(spec.desiredSize()).build())
                .updateConfig(NodeGroupUpdateConfigArgs.builder().maxUnavailablePercentage(33).build())
                .launchTemplate(NodeGroupLaunchTemplateArgs.builder().id(template.id())
                        .version(template.latestVersion().applyValue(String::valueOf)).build())
                .labels(spec.labels())
                .taints(spec.taints().stream().map(t -> NodeGroupTaintArgs.builder().key(t.key()).value(t.value()).effect(t.effect()).build()).toList())
                .tags(Map.of("k8s.io/cluster-autoscaler/enabled", "true", "k8s.io/cluster-autoscaler/" + clusterName, "owned"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(nodeRolePolicies)
                .ignoreChanges("scalingConfig.desiredSize").build());
    }

    /**
     * A role and its policy attachments: what uses the role depends on the attachments, so that it is created
     * with its permissions in place (nodes join, the control plane manages ENIs) and destroyed before they go.
     */
    private record AttachedRole(Role role, List<Resource> attachments) {
    }

    private AttachedRole role(String roleName, String description, String service, List<String> policies) {
        var role = new Role(roleName, RoleArgs.builder()
                .description(description)
                .assumeRolePolicy(IamPolicy.assumedByService(service))
                .build(), child());
        var attachments = new ArrayList<Resource>();
        for (int i = 0; i < policies.size(); i++) {
            attachments.add(attach(roleName + "-policy-" + i, role, policies.get(i)));
        }
        return new AttachedRole(role, List.copyOf(attachments));
    }

    /** {@code first} then {@code second}, as one list of dependencies. */
    static List<Resource> concat(List<Resource> first, List<Resource> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private RolePolicyAttachment attach(String attachmentName, Role role, String policyArn) {
        return new RolePolicyAttachment(attachmentName, RolePolicyAttachmentArgs.builder().role(role.name()).policyArn(policyArn).build(), child());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> clusterName() { return clusterName; }

    public Output<String> endpoint() { return endpoint; }

    public Output<String> oidcProviderArn() { return oidcProviderArn; }
    /** The cluster's OIDC issuer URL, which IRSA roles trust ({@link Irsa#trustPolicy}). */
    public Output<String> oidcIssuerUrl() { return oidcIssuerUrl; }

    /** Kubeconfig using {@code aws eks get-token}; a secret. */
    public Output<String> kubeconfig() { return kubeconfig; }

    public Output<String> nodeRoleArn() { return nodeRoleArn; }

    public Output<String> dataBucketName() { return dataBucketName; }

    /** The Kubernetes provider of this cluster, for downstream components (the data pipeline). */
    public Provider provider() { return provider; }

    /**
     * The AWS Load Balancer Controller's Helm release: downstream components make everything that creates a
     * Service or an Ingress depend on it (its webhooks must be up; its finalizers must run before it goes).
     */
    public Release loadBalancerController() { return loadBalancerController; }

    /**
     * The load balancer controller release's name, known once the release is installed: what waits for it waits for
     * the release, from any language ({@code PipelineArgs.loadBalancerController}).
     */
    public Output<String> loadBalancerControllerName() { return loadBalancerController.name().applyValue(n -> n.orElse("")); }

    /** The chart versions pinned for this cluster's Kubernetes version, for downstream components' own charts. */
    public ChartVersions chartVersions() { return chartVersions; }

    /** The volume backups' vault name (auto-named), when {@code backup} is set. */
    public Optional<Output<String>> backupVaultName() { return backups.map(VolumeBackups.Names::vaultName); }

    /** The role AWS Backup backs up and restores the volumes with, when {@code backup} is set. */
    public Optional<Output<String>> backupRoleArn() { return backups.map(VolumeBackups.Names::roleArn); }
}
