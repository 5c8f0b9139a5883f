package io.containerplatform.components.eks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Helm charts the platform installs in an EKS cluster, and the kubectl its jobs run, pinned in one table keyed by
 * the cluster's Kubernetes minor version: a cluster version is supported exactly when it has a row. Each row was read from
 * the upstream documents, not guessed:
 * <ul>
 *   <li>cluster-autoscaler must match the control plane's minor version: the chart whose {@code appVersion}
 *       is that minor ({@code charts/cluster-autoscaler/Chart.yaml} at the chart's tag in kubernetes/autoscaler:
 *       9.46.6 is 1.32.0, 9.51.0 is 1.33.0, 9.53.0 is 1.34.2; {@code cluster-autoscaler/charts/cluster-autoscaler/Chart.yaml}
 *       at tag {@code cluster-autoscaler-chart-9.59.0} (2026-07-21), the newest chart of the 1.35 line, is 1.35.0);</li>
 *   <li>KEDA: a release whose tested window holds the cluster version (keda.sh, "Kubernetes Compatibility":
 *       v2.18 1.31-1.33, v2.19 1.32-1.34, v2.20 1.33-1.35); the chart version is the KEDA version;</li>
 *   <li>AWS Load Balancer Controller v2.5.0 and later require Kubernetes 1.22+ (its installation guide, no upper
 *       bound); its IAM policy is vendored for the controller version ({@link ControllerPolicies});</li>
 *   <li>metrics-server 0.8.x supports Kubernetes 1.31+ (its compatibility matrix); chart 3.13.1 is 0.8.1;</li>
 *   <li>kube-prometheus-stack 65.1.1 declares {@code kubeVersion: ">=1.19.0-0"};</li>
 *   <li>kubectl is supported within one minor version of the API server ("Version Skew Policy", kubernetes.io): the
 *       pipeline's jobs run the {@code alpine/k8s} image (kubectl, bash, jq; Docker Hub, tagged with the kubectl version
 *       it carries) of the cluster's own minor;</li>
 *   <li>cert-manager: a release whose supported window holds the cluster version (cert-manager.io/docs/releases,
 *       "Supported releases": 1.19 supports Kubernetes 1.31-1.35, 1.20 1.32-1.35); v1.19.3 (2026-02-02) is the newest
 *       1.19 patch; the chart version is the cert-manager version.</li>
 *   <li>the EKS add-ons ({@link AddonVersions}): the version of the Amazon EKS add-on type the EKS user guide lists for
 *       the cluster's Kubernetes version, pinned so that a deploy installs exactly it and a preview shows an add-on
 *       upgrade as an {@code addonVersion} change (docs/upgrades.md, "EKS add-on versions", names each source).</li>
 * </ul>
 *
 * @param clusterAutoscaler         chart {@code cluster-autoscaler} of https://kubernetes.github.io/autoscaler
 * @param loadBalancerController    chart {@code aws-load-balancer-controller} of https://aws.github.io/eks-charts
 * @param loadBalancerControllerApp the controller version that chart installs (names its vendored IAM policy)
 * @param keda                      chart {@code keda} of https://kedacore.github.io/charts
 * @param metricsServer             chart {@code metrics-server} of https://kubernetes-sigs.github.io/metrics-server
 * @param kubePrometheusStack       chart {@code kube-prometheus-stack} of https://prometheus-community.github.io/helm-charts
 * @param kubectlImage              the image with the cluster minor's kubectl (and bash, jq) the pipeline's jobs run
 * @param certManager               chart {@code cert-manager} of https://charts.jetstack.io
 * @param addons                    the versions of the EKS add-ons the cluster runs
 */
public record ChartVersions(String clusterAutoscaler, String loadBalancerController, String loadBalancerControllerApp, String keda,
                            String metricsServer, String kubePrometheusStack, String kubectlImage, String certManager,
                            AddonVersions addons) {

    /**
     * The versions of the EKS add-ons ({@code aws:eks/addon:Addon} {@code addonVersion}) for one cluster version.
     *
     * @param vpcCni       {@code vpc-cni}: EKS user guide, "Assign IPs to Pods with the Amazon VPC CNI", Amazon VPC CNI versions
     * @param coredns      {@code coredns}: EKS user guide, "Manage CoreDNS for DNS in Amazon EKS clusters", CoreDNS versions
     * @param kubeProxy    {@code kube-proxy}: EKS user guide, "Manage kube-proxy in Amazon EKS clusters", kube-proxy versions
     * @param ebsCsiDriver {@code aws-ebs-csi-driver}: the user guide lists no version table for it (one driver release
     *                     serves every supported cluster version); see docs/upgrades.md for where it was read
     */
    public record AddonVersions(String vpcCni, String coredns, String kubeProxy, String ebsCsiDriver) {

        private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+-eksbuild\\.\\d+");

        /** Whether {@code version} is written as an EKS add-on version: {@code v<major>.<minor>.<patch>-eksbuild.<build>}. */
        public static boolean isVersion(String version) {
            return version != null && VERSION.matcher(version).matches();
        }

        /** The version of add-on {@code name} (one of {@link EksPlatformComponent#ADDONS}). */
        public String of(String name) {
            return switch (name) {
                case "vpc-cni" -> vpcCni;
                case "coredns" -> coredns;
                case "kube-proxy" -> kubeProxy;
                case "aws-ebs-csi-driver" -> ebsCsiDriver;
                default -> throw new IllegalArgumentException("\"" + name + "\" is not an add-on the component installs; allowed: "
                        + String.join(", ", EksPlatformComponent.ADDONS));
            };
        }
    }

    /** The Amazon VPC CNI add-on: the user guide lists the same version for every supported cluster version. */
    private static final String VPC_CNI = "v1.21.1-eksbuild.8";
    /** The Amazon EBS CSI driver add-on: one release serves every supported cluster version. */
    private static final String EBS_CSI_DRIVER = "v1.63.1-eksbuild.1";

    /** The table, oldest cluster version first. */
    public static final Map<String, ChartVersions> BY_CLUSTER_VERSION;

    static {
        var table = new LinkedHashMap<String, ChartVersions>();
        table.put("1.32", new ChartVersions("9.46.6", "1.17.1", "v2.17.1", "2.18.3", "3.13.1", "65.1.1", "alpine/k8s:1.32.3", "v1.19.3",
                new AddonVersions(VPC_CNI, "v1.11.4-eksbuild.40", "v1.32.13-eksbuild.16", EBS_CSI_DRIVER)));
        table.put("1.33", new ChartVersions("9.51.0", "1.17.1", "v2.17.1", "2.19.0", "3.13.1", "65.1.1", "alpine/k8s:1.33.4", "v1.19.3",
                new AddonVersions(VPC_CNI, "v1.12.4-eksbuild.18", "v1.33.10-eksbuild.13", EBS_CSI_DRIVER)));
        table.put("1.34", new ChartVersions("9.53.0", "1.17.1", "v2.17.1", "2.20.2", "3.13.1", "65.1.1", "alpine/k8s:1.34.1", "v1.19.3",
                new AddonVersions(VPC_CNI, "v1.13.2-eksbuild.11", "v1.34.6-eksbuild.13", EBS_CSI_DRIVER)));
        table.put("1.35", new ChartVersions("9.59.0", "1.17.1", "v2.17.1", "2.20.2", "3.13.1", "65.1.1", "alpine/k8s:1.35.0", "v1.19.3",
                new AddonVersions(VPC_CNI, "v1.14.3-eksbuild.3", "v1.35.3-eksbuild.13", EBS_CSI_DRIVER)));
        BY_CLUSTER_VERSION = java.util.Collections.unmodifiableMap(table);
    }

    /** The supported cluster versions, oldest first. */
    public static List<String> supportedVersions() {
        return List.copyOf(BY_CLUSTER_VERSION.keySet());
    }

    /** The charts for a cluster of Kubernetes {@code version} (a minor version such as {@code 1.33}), if supported. */
    public static Optional<ChartVersions> forCluster(String version) {
        return Optional.ofNullable(BY_CLUSTER_VERSION.get(version));
    }
}
