package io.containerplatform.components.eks;

import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.Role;
import com.pulumi.kubernetes.rbac.v1.RoleArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.storage.DataBucket;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/**
 * What the platform installs inside an EKS cluster, all through the cluster's own Kubernetes provider: the
 * default encrypted gp3 StorageClass, the AWS Load Balancer Controller, the cluster autoscaler (Helm, each
 * with its own IRSA role) and metrics-server (which CPU and memory autoscaling read), at the chart versions
 * {@link ChartVersions} pins for the cluster version; the namespaces, and Spark's service account (IRSA, data
 * bucket only), RBAC and {@code spark-defaults.conf}.
 *
 * <p>Every release depends on the cluster's add-ons (as the provider does), so {@code pulumi destroy} uninstalls it
 * while CoreDNS, the VPC CNI, kube-proxy and the EBS CSI driver still run.
 *
 * <p>The controller's webhooks (failure policy {@code Fail}) reject Services while they have no endpoints,
 * and its finalizers hold Ingresses and load-balanced Services until it has removed their load balancers: so
 * every release here that creates a Service is created after it and destroyed before it.
 */
final class ClusterServices {

    /** Spark's service account name. */
    static final String SPARK_SERVICE_ACCOUNT = "spark";

    /**
     * What the in-cluster services need to know about the cluster.
     *
     * @param oidcProviderArn the cluster's OIDC provider
     * @param issuerUrl       its issuer
     * @param region          the AWS region
     * @param clusterName     the cluster name
     * @param vpcId           the VPC (the load balancer controller does not read it from IMDS)
     */
    record Identity(Output<String> oidcProviderArn, Output<String> issuerUrl, Output<String> region, Output<String> clusterName,
                    Output<String> vpcId) {
    }

    private final Resource parent;
    private final Provider provider;
    private final List<Resource> addons;
    private final ChartVersions charts;
    private final Release loadBalancerController;

    ClusterServices(Resource parent, String name, EksPlatformArgs args, Provider provider, List<Resource> addons, Identity identity) {
        this.parent = parent;
        this.provider = provider;
        this.addons = addons;
        this.charts = ChartVersions.forCluster(args.version()).orElseThrow();
        new StorageClass(name + "-gp3", StorageClassArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("gp3-encrypted")
                        .annotations(Map.of("storageclass.kubernetes.io/is-default-class", "true")).build())
                .provisioner("ebs.csi.aws.com")
                .parameters(args.backup().isPresent()
                        ? Map.of("type", "gp3", "encrypted", "true", "fsType", "ext4", "tagSpecification_1", VolumeBackups.TAG_KEY + "=" + name)
                        : Map.of("type", "gp3", "encrypted", "true", "fsType", "ext4"))
                .volumeBindingMode("WaitForFirstConsumer")
                .allowVolumeExpansion(true)
                .reclaimPolicy(args.production() ? "Retain" : "Delete")
                .build(), k8s());

        var lbRole = Irsa.role(parent, name + "-lb-controller-role", identity.oidcProviderArn(), identity.issuerUrl(),
                "kube-system", "aws-load-balancer-controller");
        var lbPolicy = policy(name + "-lb-controller-policy", lbRole,
                Output.of(ControllerPolicies.loadBalancerController(charts.loadBalancerControllerApp())));
        this.loadBalancerController = helm(name + "-aws-load-balancer-controller", "aws-load-balancer-controller",
                "https://aws.github.io/eks-charts", charts.loadBalancerController(),
                Output.tuple(identity.clusterName(), identity.region(), identity.vpcId(), lbRole.arn()).applyValue(t -> obj(
                        "clusterName", t.t1, "region", t.t2, "vpcId", t.t3,
                        "serviceAccount", obj("name", "aws-load-balancer-controller",
                                "annotations", obj(Irsa.ROLE_ANNOTATION, t.t4)))), List.of(lbPolicy));

        var autoscalerRole = Irsa.role(parent, name + "-autoscaler-role", identity.oidcProviderArn(), identity.issuerUrl(),
                "kube-system", "cluster-autoscaler");
        var autoscalerPolicy = policy(name + "-autoscaler-policy", autoscalerRole,
                identity.clusterName().applyValue(ControllerPolicies::clusterAutoscaler));
        helm(name + "-cluster-autoscaler", "cluster-autoscaler", "https://kubernetes.github.io/autoscaler", charts.clusterAutoscaler(),
                Output.tuple(identity.clusterName(), identity.region(), autoscalerRole.arn()).applyValue(t -> obj(
                        "autoDiscovery", obj("clusterName", t.t1),
                        "awsRegion", t.t2,
                        "rbac", obj("serviceAccount", obj("name", "cluster-autoscaler",
                                "annotations", obj(Irsa.ROLE_ANNOTATION, t.t3))),
                        "extraArgs", obj("balance-similar-node-groups", true, "skip-nodes-with-system-pods", false))),
                List.of(autoscalerPolicy, loadBalancerController));
        helm(name + "-metrics-server", "metrics-server", "https://kubernetes-sigs.github.io/metrics-server/", charts.metricsServer(),
                Output.of(obj("replicas", args.production() ? 2 : 1,
                        "podDisruptionBudget", obj("enabled", args.production(), "minAvailable", 1))),
                List.of(loadBalancerController));

        Namespace sparkNamespace = null;
        for (var namespace : args.namespaces()) {
            var created = new Namespace(name + "-ns-" + namespace, NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(namespace).labels(Map.of(
                            "pod-security.kubernetes.io/enforce", "baseline", "pod-security.kubernetes.io/warn", "restricted")).build())
                    .build(), k8s());
            sparkNamespace = sparkNamespace == null ? created : sparkNamespace;
        }
        spark(name, args, identity, args.namespaces().get(0), sparkNamespace);
    }

    private void spark(String name, EksPlatformArgs args, Identity identity, String namespace, Namespace created) {
        var role = Irsa.role(parent, name + "-spark-role", identity.oidcProviderArn(), identity.issuerUrl(), namespace, SPARK_SERVICE_ACCOUNT);
        policy(name + "-spark-data-bucket", role, args.dataBucketArn().applyValue(DataBucket::readWritePolicy));
        var inNamespace = CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(created).build();
        new ServiceAccount(name + "-spark-sa", ServiceAccountArgs.builder()
                .metadata(role.arn().applyValue(arn -> ObjectMetaArgs.builder().name(SPARK_SERVICE_ACCOUNT).namespace(namespace)
                        .annotations(Map.of(Irsa.ROLE_ANNOTATION, arn)).build()))
                .build(), inNamespace);
        new Role(name + "-spark-driver", RoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("spark-driver").namespace(namespace).build())
                .rules(
                        PolicyRuleArgs.builder().apiGroups("").resources("pods", "services", "configmaps", "persistentvolumeclaims")
                                .verbs("create", "get", "list", "watch", "update", "patch", "delete", "deletecollection").build(),
                        PolicyRuleArgs.builder().apiGroups("").resources("pods/log").verbs("get", "list").build())
                .build(), inNamespace);
        new RoleBinding(name + "-spark-driver", RoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("spark-driver").namespace(namespace).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("Role").name("spark-driver").build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(SPARK_SERVICE_ACCOUNT).namespace(namespace).build())
                .build(), inNamespace);
        new ConfigMap(name + "-spark-defaults", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("spark-defaults").namespace(namespace).build())
                .data(args.dataBucketName().applyValue(bucket -> Map.of("spark-defaults.conf", sparkDefaults(namespace, bucket))))
                .build(), inNamespace);
    }

    /** {@code spark-defaults.conf} for Spark on this cluster: S3A through IRSA web identity, event logs in the bucket. */
    static String sparkDefaults(String namespace, String bucket) {
        return String.join("\n",
                "spark.master                                                   k8s://https://kubernetes.default.svc",
                "spark.kubernetes.namespace                                     " + namespace,
                "spark.kubernetes.authenticate.driver.serviceAccountName        " + SPARK_SERVICE_ACCOUNT,
                "spark.kubernetes.authenticate.executor.serviceAccountName      " + SPARK_SERVICE_ACCOUNT,
                "spark.hadoop.fs.s3a.impl                                       org.apache.hadoop.fs.s3a.S3AFileSystem",
                "spark.hadoop.fs.s3a.aws.credentials.provider                   com.amazonaws.auth.WebIdentityTokenCredentialsProvider",
                "spark.eventLog.enabled                                         true",
                "spark.eventLog.dir                                             s3a://" + bucket + "/spark-events",
                "spark.history.fs.logDirectory                                  s3a://" + bucket + "/spark-events",
                "");
    }

    /** The AWS Load Balancer Controller's release: what creates Services or Ingresses in the cluster waits for it. */
    Release loadBalancerController() {
        return loadBalancerController;
    }

    /** The chart versions installed. */
    ChartVersions charts() {
        return charts;
    }

    private Release helm(String releaseName, String chart, String repository, String version, Output<Map<String, Object>> values,
                         List<Resource> after) {
        return new Release(releaseName, ReleaseArgs.builder()
                .name(chart)
                .chart(chart)
                .version(version)
                .namespace("kube-system")
                .repositoryOpts(RepositoryOptsArgs.builder().repo(repository).build())
                .values(values)
                .atomic(true)
                .cleanupOnFail(true)
                .build(), CustomResourceOptions.builder().parent(parent).provider(provider)
                .dependsOn(EksPlatformComponent.concat(after, addons)).build());
    }

    private RolePolicy policy(String policyName, com.pulumi.aws.iam.Role role, Output<String> document) {
        return new RolePolicy(policyName, RolePolicyArgs.builder().role(role.id()).policy(document).build(),
                CustomResourceOptions.builder().parent(parent).build());
    }

    private CustomResourceOptions k8s() {
        return CustomResourceOptions.builder().parent(parent).provider(provider).build();
    }
}
