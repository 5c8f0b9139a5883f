package io.containerplatform.components.eks;

import io.containerplatform.components.network.Placement;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import io.containerplatform.components.args.Inputs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.testing.MockStack.mapInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class EksPlatformComponentTest {

    static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/MOCKK8S";
    static final NodeGroupSpec GENERAL = NodeGroupSpec.builder().name("general").instanceTypes(List.of("t3.large")).capacityType("ON_DEMAND").minSize(1).maxSize(3).desiredSize(2).diskSizeGb(50).labels(Map.of("role", "general")).taints(List.of()).build();
    static final NodeGroupSpec SPOT = NodeGroupSpec.builder().name("spot").instanceTypes(List.of("m6i.xlarge", "m5.xlarge")).capacityType("SPOT").minSize(0).maxSize(10).desiredSize(2).diskSizeGb(100).labels(Map.of()).taints(List.of(Taint.builder().key("workload").value("spark").effect("NO_SCHEDULE").build())).build();

    static EksPlatformArgs.Builder args() {
        return EksPlatformArgs.builder().placement(Placement.of("vpc-1", "10.0.0.0/16", List.of("pub-a", "pub-b"), List.of("priv-a", "priv-b")))
                .dataBucketName(Output.of("data-lake")).dataBucketArn(Output.of("arn:aws:s3:::data-lake"))
                .nodeGroups(List.of(GENERAL));
    }

    static PlatformMocks build(EksPlatformArgs args) {
        return MockStack.run(ctx -> new EksPlatformComponent("k8s", args, ComponentResourceOptions.Empty));
    }

    @Test
    void clusterHasItsVersionLogsEncryptionPrivateEndpointAndApiAuthentication() {
        var mocks = build(args().version("1.32").publicAccessCidrs(List.of("203.0.113.0/24")).build());
        var cluster = mocks.named("aws:eks/cluster:Cluster", "k8s");
        assertThat(cluster.inputs).containsEntry("name", "k8s").containsEntry("version", "1.32")
                .containsEntry("enabledClusterLogTypes", List.of("api", "audit", "authenticator", "controllerManager", "scheduler"))
                .containsEntry("vpcConfig", Map.of("subnetIds", List.of("priv-a", "priv-b"), "endpointPrivateAccess", true,
                        "endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24")))
                .containsEntry("encryptionConfig", Map.of("resources", List.of("secrets"),
                        "provider", Map.of("keyArn", PlatformMocks.arn("aws:kms/key:Key", "k8s-secrets-key"))))
                .containsEntry("accessConfig", Map.of("authenticationMode", "API", "bootstrapClusterCreatorAdminPermissions", true));
        assertThat(mocks.named("aws:kms/key:Key", "k8s-secrets-key").inputs).containsEntry("enableKeyRotation", true);
        assertThat(mocks.named("aws:cloudwatch/logGroup:LogGroup", "k8s-control-plane-logs").inputs)
                .containsEntry("name", "/aws/eks/k8s/cluster").containsEntry("retentionInDays", 30.0);
    }

    @Test
    void withoutCidrsThePublicEndpointIsOff() {
        var vpc = mapInput(build(args().build()).named("aws:eks/cluster:Cluster", "k8s"), "vpcConfig");
        assertThat(vpc).containsEntry("endpointPublicAccess", false).doesNotContainKey("publicAccessCidrs");
    }

    @Test
    void adminsGetAccessEntriesWithTheClusterAdminPolicy() {
        var admin = "arn:aws:iam::123456789012:role/platform-admins";
        var mocks = build(args().adminPrincipalArns(List.of(admin)).build());
        assertThat(mocks.named("aws:eks/accessEntry:AccessEntry", "k8s-admin-0").inputs).containsEntry("principalArn", admin)
                .containsEntry("type", "STANDARD");
        assertThat(mocks.named("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "k8s-admin-0-policy").inputs)
                .containsEntry("policyArn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy")
                .containsEntry("accessScope", Map.of("type", "cluster"));
    }

    @Test
    void nodeGroupsScaleFromArgsCarryAutoscalerTagsAndHardenedTemplates() {
        var mocks = build(args().nodeGroups(List.of(GENERAL, SPOT)).build());
        var spot = mocks.named("aws:eks/nodeGroup:NodeGroup", "k8s-spot");
        assertThat(spot.inputs).containsEntry("capacityType", "SPOT").containsEntry("instanceTypes", List.of("m6i.xlarge", "m5.xlarge"))
                .containsEntry("scalingConfig", Map.of("minSize", 0.0, "maxSize", 10.0, "desiredSize", 2.0))
                .containsEntry("updateConfig", Map.of("maxUnavailablePercentage", 33.0))
                .containsEntry("subnetIds", List.of("priv-a", "priv-b"))
                .containsEntry("taints", List.of(Map.of("key", "workload", "value", "spark", "effect", "NO_SCHEDULE")))
                .containsEntry("nodeRoleArn", PlatformMocks.arn("aws:iam/role:Role", "k8s-node-role"));
        assertThat(mapInput(spot, "tags")).containsEntry("k8s.io/cluster-autoscaler/enabled", "true")
                .containsEntry("k8s.io/cluster-autoscaler/k8s", "owned");
        assertThat(mocks.named("aws:eks/nodeGroup:NodeGroup", "k8s-general").inputs).containsEntry("labels", Map.of("role", "general"));
        var lt = mocks.named("aws:ec2/launchTemplate:LaunchTemplate", "k8s-spot-lt");
        assertThat(mapInput(lt, "metadataOptions")).containsEntry("httpTokens", "required").containsEntry("httpPutResponseHopLimit", 1.0);
        assertThat((List<Object>) lt.inputs.get("blockDeviceMappings")).containsExactly(Map.of("deviceName", "/dev/xvda",
                "ebs", Map.of("volumeType", "gp3", "volumeSize", 100.0, "encrypted", "true", "deleteOnTermination", "true")));
        assertThat(mocks.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).extracting(r -> r.inputs.get("policyArn"))
                .containsAll(EksPlatformComponent.NODE_POLICIES);
    }

    @Test
    void nodeGroupsAreAutoNamedAndRunTheClustersVersion() {
        var mocks = build(args().version("1.34").nodeGroups(List.of(GENERAL, SPOT)).build());
        // no nodeGroupName: pulumi-aws auto-names it, so a replacement (instanceTypes, capacityType) creates before it deletes
        assertThat(mocks.ofType("aws:eks/nodeGroup:NodeGroup")).hasSize(2).allSatisfy(g -> assertThat(g.inputs)
                .doesNotContainKeys("nodeGroupName", "nodeGroupNamePrefix").containsEntry("version", "1.34"));
    }

    @Test
    void aNodeGroupWhoseAutoNameEksWouldRefuseFailsBeforeAnythingIsRegistered() {
        var name = "a-stack-name-of-forty-one-characters-long";
        EksPlatformComponent.requireShortGroupNames(name + "-eks", args().nodeGroups(List.of(GENERAL)).build());
        assertThatThrownBy(() -> EksPlatformComponent.requireShortGroupNames(name + "-eks", args().nodeGroups(List.of(STATEFUL)).build()))
                .hasMessage("node group stateful of a-stack-name-of-forty-one-characters-long-eks: EKS would be given the name"
                        + " a-stack-name-of-forty-one-characters-long-eks-stateful-1-<7 characters>, longer than 63 characters;"
                        + " shorten the component's or the group's name");
    }

    static final NodeGroupSpec STATEFUL = NodeGroupSpec.builder().name("stateful").instanceTypes(List.of("m6i.large")).minSize(1).maxSize(2)
            .desiredSize(1).perZone(true).labels(Map.of(EksPlatformComponent.STATEFUL_LABEL, "true")).build();

    @Test
    void aPerZoneGroupIsOneGroupPerZoneInThatZonesSubnetFromOneTemplate() {
        var mocks = build(args().nodeGroups(List.of(GENERAL, STATEFUL)).build());
        assertThat(mocks.named("aws:eks/nodeGroup:NodeGroup", "k8s-stateful-0").inputs).containsEntry("subnetIds", List.of("priv-a"))
                .containsEntry("labels", Map.of("platform.containerplatform.io/stateful", "true"))
                .containsEntry("capacityType", "ON_DEMAND")
                .containsEntry("scalingConfig", Map.of("minSize", 1.0, "maxSize", 2.0, "desiredSize", 1.0))
                .containsEntry("launchTemplate", Map.of("id", "k8s-stateful-lt-id", "version", "1"));
        assertThat(mocks.named("aws:eks/nodeGroup:NodeGroup", "k8s-stateful-1").inputs).containsEntry("subnetIds", List.of("priv-b"));
        assertThat(mocks.named("aws:eks/nodeGroup:NodeGroup", "k8s-general").inputs).containsEntry("subnetIds", List.of("priv-a", "priv-b"));
        assertThat(mocks.ofType("aws:eks/nodeGroup:NodeGroup")).extracting(r -> r.name)
                .containsExactlyInAnyOrder("k8s-general", "k8s-stateful-0", "k8s-stateful-1");
        assertThat(mocks.ofType("aws:ec2/launchTemplate:LaunchTemplate")).extracting(r -> r.name)
                .containsExactlyInAnyOrder("k8s-general-lt", "k8s-stateful-lt");
    }

    @Test
    void aStatefulGroupMustBePerZoneAndOnDemandAndPerZoneNeedsTheZoneCount() {
        assertThatThrownBy(() -> NodeGroupSpec.builder(STATEFUL).perZone(false).capacityType("SPOT").build())
                .hasMessage("NodeGroupSpec.perZone: is false but the group is labelled platform.containerplatform.io/stateful=true: a group"
                        + " over several zones cannot be scaled into the zone of a pod's EBS volume; allowed: true for a stateful group"
                        + " | NodeGroupSpec.capacityType: SPOT but the group is labelled platform.containerplatform.io/stateful=true: stateful"
                        + " pods need nodes that are not reclaimed; allowed: ON_DEMAND for a stateful group");
        var withoutZoneCount = Placement.builder().vpcId(Output.of("vpc-1")).vpcCidr(Output.of("10.0.0.0/16"))
                .publicSubnetIds(Output.of(List.of("pub-a"))).privateSubnetIds(Output.of(List.of("priv-a"))).build();
        assertThatThrownBy(() -> args().placement(withoutZoneCount).nodeGroups(List.of(STATEFUL)).build())
                .hasMessage("EksPlatformArgs.nodeGroups: \"stateful\" is perZone but placement.zoneCount is not set (the number of zones"
                        + " to make groups in); allowed: at least one; names unique");
    }

    @Test
    void irsaTrustNamesExactlyOneServiceAccountAndTheStsAudience() {
        var trust = JsonParser.parseString(Irsa.trustPolicy("arn:aws:iam::1:oidc-provider/x", ISSUER, "spark", "spark")).getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertThat(trust.get("Action").getAsString()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(trust.getAsJsonObject("Principal").get("Federated").getAsString()).isEqualTo("arn:aws:iam::1:oidc-provider/x");
        var condition = trust.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertThat(condition.get("oidc.eks.us-east-1.amazonaws.com/id/MOCKK8S:sub").getAsString()).isEqualTo("system:serviceaccount:spark:spark");
        assertThat(condition.get("oidc.eks.us-east-1.amazonaws.com/id/MOCKK8S:aud").getAsString()).isEqualTo("sts.amazonaws.com");
        assertThat(condition.keySet()).hasSize(2);

        var mocks = build(args().build());
        assertThat(mocks.named("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "k8s-oidc").inputs)
                .containsEntry("url", ISSUER).containsEntry("clientIdLists", List.of("sts.amazonaws.com"));
        assertThat((String) mocks.named("aws:iam/role:Role", "k8s-ebs-csi-role").inputs.get("assumeRolePolicy"))
                .contains("\"system:serviceaccount:kube-system:ebs-csi-controller-sa\"");
        assertThat((String) mocks.named("aws:iam/role:Role", "k8s-autoscaler-role").inputs.get("assumeRolePolicy"))
                .contains("\"system:serviceaccount:kube-system:cluster-autoscaler\"");
    }

    @Test
    void addOnsRunTheVersionsChartVersionsPinsForTheClusterVersionUnlessOverridden() {
        for (var version : ChartVersions.supportedVersions()) {
            var pinned = ChartVersions.forCluster(version).orElseThrow().addons();
            var mocks = build(args().version(version).build());
            assertThat(mocks.ofType("aws:eks/addon:Addon")).describedAs("add-ons of a %s cluster", version)
                    .extracting(r -> r.inputs.get("addonName") + " " + r.inputs.get("addonVersion"))
                    .containsExactlyInAnyOrder("vpc-cni " + pinned.vpcCni(), "coredns " + pinned.coredns(), "kube-proxy " + pinned.kubeProxy(),
                            "aws-ebs-csi-driver " + pinned.ebsCsiDriver());
            assertThat(mocks.calls()).describedAs("nothing asks EKS for a version at deploy time")
                    .noneSatisfy(c -> assertThat(c.token).startsWith("aws:eks/"));
        }
        assertThat(ChartVersions.forCluster("1.35").orElseThrow().addons().of("kube-proxy")).isEqualTo("v1.35.3-eksbuild.13");

        var mocks = build(args().version("1.32").addonVersions(Map.of("coredns", "v1.11.3-eksbuild.2")).build());
        assertThat(mocks.named("aws:eks/addon:Addon", "k8s-coredns").inputs).containsEntry("addonVersion", "v1.11.3-eksbuild.2")
                .containsEntry("resolveConflictsOnUpdate", "OVERWRITE");
        assertThat(mocks.named("aws:eks/addon:Addon", "k8s-kube-proxy").inputs).containsEntry("addonVersion", "v1.32.13-eksbuild.16");
        assertThat(mocks.named("aws:eks/addon:Addon", "k8s-aws-ebs-csi-driver").inputs)
                .containsEntry("serviceAccountRoleArn", PlatformMocks.arn("aws:iam/role:Role", "k8s-ebs-csi-role"));
    }

    @Test
    void aClusterVersionWithoutARowOrABadAddOnVersionIsAConfigError() {
        // 1.36 is released on EKS, but ChartVersions has no row for it (docs/upgrades.md says why): no add-on versions to pin
        assertThat(ChartVersions.forCluster("1.36")).isEmpty();
        assertThatThrownBy(() -> args().version("1.36").build())
                .hasMessage("EksPlatformArgs.version: \"1.36\" is not allowed; allowed: one of 1.32, 1.33, 1.34, 1.35");
        assertThatThrownBy(() -> args().addonVersions(Map.of("coredns", "latest")).build())
                .hasMessage("EksPlatformArgs.addonVersions.coredns: \"latest\" is not an EKS add-on version; allowed: vpc-cni, coredns,"
                        + " kube-proxy or aws-ebs-csi-driver to an EKS add-on version such as v1.35.3-eksbuild.13");
        assertThatThrownBy(() -> ChartVersions.forCluster("1.35").orElseThrow().addons().of("metrics-server"))
                .hasMessage("\"metrics-server\" is not an add-on the component installs; allowed: vpc-cni, coredns, kube-proxy, aws-ebs-csi-driver");
    }

    @Test
    void sparkMayUseOnlyItsBucketAndGetsRbacAndItsDefaults() {
        var mocks = build(args().namespaces(List.of("analytics", "tools")).build());
        var policy = (String) mocks.named("aws:iam/rolePolicy:RolePolicy", "k8s-spark-data-bucket").inputs.get("policy");
        assertThat(policy).contains("\"Resource\":[\"arn:aws:s3:::data-lake\"]").contains("\"Resource\":[\"arn:aws:s3:::data-lake/*\"]")
                .doesNotContain("\"*\"");
        var sa = mocks.named("kubernetes:core/v1:ServiceAccount", "k8s-spark-sa");
        assertThat(mapInput(sa, "metadata")).containsEntry("name", "spark").containsEntry("namespace", "analytics")
                .containsEntry("annotations", Map.of("eks.amazonaws.com/role-arn", PlatformMocks.arn("aws:iam/role:Role", "k8s-spark-role")));
        var role = mocks.named("kubernetes:rbac.authorization.k8s.io/v1:Role", "k8s-spark-driver");
        assertThat(((List<Map<String, Object>>) role.inputs.get("rules")).get(0)).containsEntry("resources",
                List.of("pods", "services", "configmaps", "persistentvolumeclaims"));
        var binding = mocks.named("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "k8s-spark-driver");
        assertThat(binding.inputs.get("subjects")).isEqualTo(List.of(Map.of("kind", "ServiceAccount", "name", "spark", "namespace", "analytics")));
        var conf = (String) mapInput(mocks.named("kubernetes:core/v1:ConfigMap", "k8s-spark-defaults"), "data").get("spark-defaults.conf");
        assertThat(conf).contains("spark.kubernetes.namespace                                     analytics")
                .contains("spark.kubernetes.authenticate.driver.serviceAccountName        spark")
                .contains("com.amazonaws.auth.WebIdentityTokenCredentialsProvider")
                .contains("spark.eventLog.dir                                             s3a://data-lake/spark-events");
        assertThat(mocks.ofType("kubernetes:core/v1:Namespace")).extracting(r -> mapInput(r, "metadata").get("name"))
                .containsExactlyInAnyOrder("analytics", "tools");
    }

    @Test
    void everyKubernetesResourceUsesTheClusterProvider() {
        var mocks = build(args().build());
        var kubernetes = mocks.matching(r -> r.type.startsWith("kubernetes:"));
        assertThat(kubernetes).hasSizeGreaterThanOrEqualTo(8);
        for (var r : kubernetes) {
            assertThat(r.provider).describedAs(r.type + " " + r.name).contains("pulumi:providers:kubernetes::k8s-k8s");
        }
        var storage = mocks.named("kubernetes:storage.k8s.io/v1:StorageClass", "k8s-gp3");
        assertThat(storage.inputs).containsEntry("provisioner", "ebs.csi.aws.com").containsEntry("volumeBindingMode", "WaitForFirstConsumer")
                .containsEntry("parameters", Map.of("type", "gp3", "encrypted", "true", "fsType", "ext4"));
        assertThat(mapInput(storage, "metadata")).containsEntry("annotations", Map.of("storageclass.kubernetes.io/is-default-class", "true"));
        var autoscaler = mocks.named("kubernetes:helm.sh/v3:Release", "k8s-cluster-autoscaler");
        assertThat(autoscaler.inputs).containsEntry("chart", "cluster-autoscaler").containsEntry("version", "9.59.0");
        assertThat((Map<String, Object>) autoscaler.inputs.get("values")).containsEntry("autoDiscovery", Map.of("clusterName", "k8s"));
        var lb = mocks.named("kubernetes:helm.sh/v3:Release", "k8s-aws-load-balancer-controller");
        assertThat((Map<String, Object>) lb.inputs.get("values")).containsEntry("vpcId", "vpc-1").containsEntry("clusterName", "k8s");
    }

    @Test
    void clusterAutoscalerPolicyIsScopedToThisCluster() {
        assertThat(ControllerPolicies.clusterAutoscaler("k8s")).contains("\"aws:ResourceTag/k8s.io/cluster-autoscaler/k8s\":\"owned\"");
    }

    @Test
    void loadBalancerControllerRoleHasTheVendoredPolicyOfTheControllerVersionInUse() throws Exception {
        for (var version : ChartVersions.supportedVersions()) {
            var charts = ChartVersions.forCluster(version).orElseThrow();
            var mocks = build(args().version(version).build());
            assertThat(mocks.named("kubernetes:helm.sh/v3:Release", "k8s-aws-load-balancer-controller").inputs)
                    .containsEntry("version", charts.loadBalancerController());
            var file = "/io/containerplatform/components/eks/" + ControllerPolicies.loadBalancerControllerPolicyFile(charts.loadBalancerControllerApp());
            try (var in = getClass().getResourceAsStream(file)) {
                assertThat(in).describedAs("vendored policy " + file).isNotNull();
                var vendored = JsonParser.parseString(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                var policy = mocks.named("aws:iam/rolePolicy:RolePolicy", "k8s-lb-controller-policy").inputs.get("policy");
                assertThat(JsonParser.parseString((String) policy)).isEqualTo(vendored);
            }
        }
        assertThatThrownBy(() -> ControllerPolicies.loadBalancerController("v9.9.9"))
                .hasMessage("no vendored IAM policy for the AWS Load Balancer Controller v9.9.9: add docs/install/iam_policy.json of its "
                        + "release tag as aws-load-balancer-controller-v9.9.9-iam-policy.json (see VENDORED.md)");
    }

    @Test
    void chartVersionsComeFromTheTableOfTheClusterVersion() {
        assertThat(ChartVersions.supportedVersions()).containsExactly("1.32", "1.33", "1.34", "1.35")
                .containsExactly(io.containerplatform.components.args.Inputs.named(EksPlatformArgs.class, "version").spec().oneOf())
                .containsExactly(io.containerplatform.components.args.Inputs.named(
                        io.containerplatform.components.pipeline.PipelineArgs.class, "kubernetesVersion").spec().oneOf());
        for (var version : ChartVersions.supportedVersions()) {
            var charts = ChartVersions.forCluster(version).orElseThrow();
            var mocks = build(args().version(version).build());
            var releases = new java.util.HashMap<String, Object>();
            mocks.ofType("kubernetes:helm.sh/v3:Release").forEach(r -> releases.put((String) r.inputs.get("chart"), r.inputs.get("version")));
            assertThat(releases).describedAs("charts of a %s cluster", version).containsOnly(
                    Map.entry("cluster-autoscaler", charts.clusterAutoscaler()),
                    Map.entry("aws-load-balancer-controller", charts.loadBalancerController()),
                    Map.entry("metrics-server", charts.metricsServer()));
        }
        // cluster-autoscaler's minor version must be the control plane's: each row's chart was read for that minor
        assertThat(ChartVersions.BY_CLUSTER_VERSION).extractingFromEntries(e -> e.getKey() + " " + e.getValue().clusterAutoscaler())
                .containsExactly("1.32 9.46.6", "1.33 9.51.0", "1.34 9.53.0", "1.35 9.59.0");
    }

    @Test
    void kubeconfigAuthenticatesWithAwsEksGetToken() {
        var config = JsonParser.parseString(EksPlatformComponent.kubeconfig("k8s", "https://x", "Q0E=", "eu-west-3")).getAsJsonObject();
        var exec = config.getAsJsonArray("users").get(0).getAsJsonObject().getAsJsonObject("user").getAsJsonObject("exec");
        assertThat(exec.get("command").getAsString()).isEqualTo("aws");
        assertThat(exec.getAsJsonArray("args").toString()).isEqualTo("[\"eks\",\"get-token\",\"--cluster-name\",\"k8s\",\"--region\",\"eu-west-3\"]");
    }

    @Test
    void invalidArgsListEveryProblem() {
        var badGroup = Inputs.defaults(NodeGroupSpec.class);
        Inputs.set(badGroup, Map.of("name", "Bad_Name", "instanceTypes", List.of(), "capacityType", "CHEAP", "minSize", 3, "maxSize", 1,
                "diskSizeGb", 10, "taints", List.of(Inputs.defaults(Taint.class))));
        assertThatThrownBy(() -> EksPlatformArgs.builder().version("1.20").publicAccessCidrs(List.of("0.0.0.0/0", "x")).production(true)
                .adminPrincipalArns(List.of("admin")).nodeGroups(List.of(badGroup, badGroup)).build())
                .hasMessage("EksPlatformArgs.placement: missing"
                        + " | EksPlatformArgs.version: \"1.20\" is not allowed; allowed: one of 1.32, 1.33, 1.34, 1.35"
                        + " | EksPlatformArgs.publicAccessCidrs: \"x\" is not a valid IPv4 CIDR block; allowed: IPv4 CIDR blocks, not 0.0.0.0/0 in production"
                        + " | EksPlatformArgs.adminPrincipalArns: \"admin\" is not an IAM role or user ARN; allowed: IAM role or user ARNs"
                        + " | EksPlatformArgs.nodeGroups[0].name: \"Bad_Name\" is not a DNS-safe name of at most 20 characters;"
                        + " allowed: 1 to 20 characters of a-z, 0-9 and -"
                        + " | EksPlatformArgs.nodeGroups[0].capacityType: \"CHEAP\" is not allowed; allowed: one of ON_DEMAND, SPOT"
                        + " | EksPlatformArgs.nodeGroups[0].diskSizeGb: 10 is out of range; allowed: 20 to 16384"
                        + " | EksPlatformArgs.nodeGroups[0].taints[0].key: missing"
                        + " | EksPlatformArgs.nodeGroups[0].instanceTypes: is empty; allowed: at least one EC2 instance type"
                        + " | EksPlatformArgs.nodeGroups[0].minSize: 3 is greater than maxSize 1; allowed: 0 to 450, at most desiredSize and maxSize"
                        + " | EksPlatformArgs.nodeGroups[1].name: \"Bad_Name\" is not a DNS-safe name of at most 20 characters;"
                        + " allowed: 1 to 20 characters of a-z, 0-9 and -"
                        + " | EksPlatformArgs.nodeGroups[1].capacityType: \"CHEAP\" is not allowed; allowed: one of ON_DEMAND, SPOT"
                        + " | EksPlatformArgs.nodeGroups[1].diskSizeGb: 10 is out of range; allowed: 20 to 16384"
                        + " | EksPlatformArgs.nodeGroups[1].taints[0].key: missing"
                        + " | EksPlatformArgs.nodeGroups[1].instanceTypes: is empty; allowed: at least one EC2 instance type"
                        + " | EksPlatformArgs.nodeGroups[1].minSize: 3 is greater than maxSize 1; allowed: 0 to 450, at most desiredSize and maxSize"
                        + " | EksPlatformArgs.dataBucketName: missing | EksPlatformArgs.dataBucketArn: missing"
                        + " | EksPlatformArgs.publicAccessCidrs[0]: \"0.0.0.0/0\" opens the Kubernetes API to the internet in production;"
                        + " allowed: IPv4 CIDR blocks, not 0.0.0.0/0 in production"
                        + " | EksPlatformArgs.nodeGroups: \"Bad_Name\" is named twice; allowed: at least one; names unique");
    }

    @Test
    void settingTheBuilderAgainAfterBuildLeavesTheBuiltArgsAlone() {
        var builder = args();
        var built = builder.build();
        builder.version("0.1").logRetentionDays(-5).namespaces(List.of("other")).production(true);
        assertThat(built.version()).isEqualTo(EksPlatformComponent.DEFAULT_VERSION);
        assertThat(built.logRetentionDays()).isEqualTo(30);
        assertThat(built.namespaces()).containsExactly("spark");
        assertThat(built.production()).isFalse();
    }

    @Test
    void volumesOfThePlatformsStorageClassAreBackedUpDailyByTagAndCopiedToASecondRegion() {
        var mocks = build(args().backup(Backup.builder().retentionDays(35).copyToRegion("eu-west-1").build()).build());
        var storageClass = mocks.named("kubernetes:storage.k8s.io/v1:StorageClass", "k8s-gp3");
        assertThat(mapInput(storageClass, "parameters")).containsEntry("tagSpecification_1", "containerplatform:backup=k8s");
        var plan = mocks.named("aws:backup/plan:Plan", "k8s-backup-plan");
        var rule = ((List<Map<String, Object>>) plan.inputs.get("rules")).get(0);
        assertThat(rule).containsEntry("schedule", "cron(0 3 * * ? *)").containsEntry("targetVaultName", "k8s-backups")
                .containsEntry("lifecycle", Map.of("deleteAfter", 35.0));
        assertThat((List<Object>) rule.get("copyActions")).singleElement().isEqualTo(Map.of(
                "destinationVaultArn", PlatformMocks.arn("aws:backup/vault:Vault", "k8s-backups-eu-west-1"), "lifecycle", Map.of("deleteAfter", 35.0)));
        assertThat(mocks.named("pulumi:providers:aws", "k8s-backup-eu-west-1").inputs).containsEntry("region", "eu-west-1");
        assertThat(mocks.named("aws:backup/vault:Vault", "k8s-backups").inputs).containsEntry("kmsKeyArn",
                PlatformMocks.arn("aws:kms/key:Key", "k8s-backup-key")).containsEntry("forceDestroy", true);
        assertThat(mocks.named("aws:backup/vault:Vault", "k8s-backups-eu-west-1").inputs).containsEntry("forceDestroy", true);
        var selection = mocks.named("aws:backup/selection:Selection", "k8s-backup-volumes");
        assertThat((List<Object>) selection.inputs.get("selectionTags")).singleElement()
                .isEqualTo(Map.of("type", "STRINGEQUALS", "key", "containerplatform:backup", "value", "k8s"));
        assertThat(mocks.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).extracting(r -> r.inputs.get("policyArn"))
                .contains("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
                        "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores");
    }

    @Test
    void productionVaultsKeepTheirRecoveryPointsOnDestroy() {
        var mocks = build(args().production(true).backup(Backup.builder().copyToRegion("eu-west-1").build()).build());
        assertThat(mocks.ofType("aws:backup/vault:Vault")).hasSize(2).allSatisfy(v -> assertThat(v.inputs).containsEntry("forceDestroy", false));
    }

    @Test
    void withoutBackupTheVolumesAreNotTaggedForOne() {
        var mocks = build(args().build());
        assertThat(mapInput(mocks.named("kubernetes:storage.k8s.io/v1:StorageClass", "k8s-gp3"), "parameters")).doesNotContainKey("tagSpecification_1");
        assertThat(mocks.ofType("aws:backup/plan:Plan")).isEmpty();
        assertThatThrownBy(() -> Backup.builder().retentionDays(0).copyToRegion("Ireland").build())
                .hasMessageContaining("Backup.retentionDays: 0 is out of range; allowed: 1 to 36500"
                        + " | Backup.copyToRegion: \"Ireland\" is not an AWS region");
    }
}
