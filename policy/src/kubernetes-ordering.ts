// Deploy-time ordering and prerequisites inside a Kubernetes cluster, which the API server enforces and the mock
// engine does not: objects that a controller's webhook admits, custom resources and their CRDs, the metrics API
// that resource-based autoscaling reads, and replica counts that an autoscaler owns. A cluster is the set of
// resources registered with the same Kubernetes provider.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";

const RELEASE = "kubernetes:helm.sh/v3:Release";

/** Groups of the Kubernetes API itself, and Pulumi's own pseudo-groups (Helm, YAML): not custom resources. */
const BUILT_IN_GROUPS = new Set(["core", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io",
    "storage.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "node.k8s.io",
    "discovery.k8s.io", "certificates.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io", "resource.k8s.io", "helm.sh", "yaml",
    "kustomize"]);

/** `kubernetes:<group>/<version>:<Kind>` split, or undefined for other types. */
export function kubernetesType(type: string): { group: string; version: string; kind: string } | undefined {
    const match = /^kubernetes:([^/:]+)\/([^:]+):(.+)$/.exec(type);
    return match ? { group: match[1], version: match[2], kind: match[3] } : undefined;
}

/** Resources by the Kubernetes provider they were registered with (those without one are left out). */
export function byCluster(resources: PolicyResource[]): Map<string, PolicyResource[]> {
    const clusters = new Map<string, PolicyResource[]>();
    for (const r of resources) {
        if (r.type.startsWith("kubernetes:") && r.provider?.urn) {
            clusters.set(r.provider.urn, [...(clusters.get(r.provider.urn) ?? []), r]);
        }
    }
    return clusters;
}

function dependsOn(resource: PolicyResource, on: PolicyResource): boolean {
    return resource.dependencies.some(d => d.urn === on.urn);
}

function releasesOf(cluster: PolicyResource[], chart: string): PolicyResource[] {
    return cluster.filter(r => r.type === RELEASE && r.props.chart === chart);
}

export const servicesAfterLoadBalancerController: StackValidationPolicy = {
    name: "kubernetes-services-after-load-balancer-controller",
    description: "In a cluster with the AWS Load Balancer Controller, every Service, Ingress and Helm release depends on the controller's release.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        for (const cluster of byCluster(args.resources).values()) {
            for (const controller of releasesOf(cluster, "aws-load-balancer-controller")) {
                for (const r of cluster) {
                    const kind = kubernetesType(r.type)?.kind;
                    if (r !== controller && (kind === "Service" || kind === "Ingress" || r.type === RELEASE) && !dependsOn(r, controller)) {
                        report(`${r.name} (${kind}) does not depend on ${controller.name}: its webhook (failurePolicy Fail) rejects Services `
                            + "until it has endpoints, and on destroy its finalizers must run before it goes (else the load balancer "
                            + "is orphaned and the VPC cannot be deleted). Add dependsOn the controller's release.", r.urn);
                    }
                }
            }
        }
    },
};

/** Which Helm charts install the CRDs of which API group. */
const CRD_CHARTS_DEFAULT: Record<string, string[]> = {
    "keda.sh": ["keda"],
    "monitoring.coreos.com": ["kube-prometheus-stack", "prometheus-operator-crds"],
    "cert-manager.io": ["cert-manager"],
    "elbv2.k8s.aws": ["aws-load-balancer-controller"],
};

export const customResourcesAfterTheirCrds: StackValidationPolicy = {
    name: "kubernetes-custom-resources-after-their-crds",
    description: "Every custom resource depends on the CustomResourceDefinition, or the Helm release, that installs its kind in the cluster.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            crdCharts: {
                type: "object",
                default: CRD_CHARTS_DEFAULT,
                description: "API group -> the Helm charts that install its CRDs.",
            },
        },
    },
    validateStack: (args, report) => {
        const crdCharts = args.getConfig<{ crdCharts: Record<string, string[]> }>().crdCharts;
        for (const cluster of byCluster(args.resources).values()) {
            for (const r of cluster) {
                const type = kubernetesType(r.type);
                if (!type || BUILT_IN_GROUPS.has(type.group)) {
                    continue;
                }
                const installers = [
                    ...cluster.filter(c => c.type === "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition"
                        && c.props.spec?.group === type.group && c.props.spec?.names?.kind === type.kind),
                    ...(crdCharts[type.group] ?? []).flatMap(chart => releasesOf(cluster, chart)),
                ];
                if (installers.length === 0) {
                    report(`${r.name} is a ${type.group} ${type.kind}, and nothing in this cluster installs its CRD: `
                        + `declare the CustomResourceDefinition or the chart that installs it (config crdCharts).`, r.urn);
                } else if (!installers.some(i => dependsOn(r, i))) {
                    report(`${r.name} (${type.group} ${type.kind}) does not depend on ${installers.map(i => i.name).join(" or ")}, `
                        + "which installs its CRD: the API server rejects it until the CRD exists. Add dependsOn.", r.urn);
                }
            }
        }
    },
};

/** The workloads' autoscalers: KEDA ScaledObjects and HorizontalPodAutoscalers. */
function autoscalers(cluster: PolicyResource[]): PolicyResource[] {
    return cluster.filter(r => r.type.startsWith("kubernetes:keda.sh/") && kubernetesType(r.type)?.kind === "ScaledObject"
        || r.type.startsWith("kubernetes:autoscaling/") && kubernetesType(r.type)?.kind === "HorizontalPodAutoscaler");
}

/** True when an autoscaler reads the resource metrics API (cpu or memory). */
function readsResourceMetrics(autoscaler: PolicyResource): boolean {
    if (kubernetesType(autoscaler.type)?.kind === "ScaledObject") {
        return (autoscaler.props.spec?.triggers ?? []).some((t: { type?: string }) => t.type === "cpu" || t.type === "memory");
    }
    return (autoscaler.props.spec?.metrics ?? []).some((m: { type?: string }) => m.type === "Resource" || m.type === "ContainerResource");
}

export const metricsServerForResourceMetrics: StackValidationPolicy = {
    name: "kubernetes-metrics-server-for-resource-metrics",
    description: "A cluster where an autoscaler scales on cpu or memory runs metrics-server (a Helm release or the EKS add-on).",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const addon = args.resources.some(r => r.type === "aws:eks/addon:Addon" && r.props.addonName === "metrics-server");
        for (const cluster of byCluster(args.resources).values()) {
            if (addon || releasesOf(cluster, "metrics-server").length > 0) {
                continue;
            }
            for (const scaler of autoscalers(cluster).filter(readsResourceMetrics)) {
                report(`${scaler.name} scales on cpu or memory, which the metrics API serves, and this cluster has no metrics-server: `
                    + "the autoscaler reports FailedGetResourceMetric and never scales. Install metrics-server.", scaler.urn);
            }
        }
    },
};

export const autoscaledReplicasUnset: StackValidationPolicy = {
    name: "kubernetes-autoscaled-workloads-leave-replicas-unset",
    description: "A Deployment or StatefulSet that an autoscaler scales does not set spec.replicas (each update would reset it).",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        for (const cluster of byCluster(args.resources).values()) {
            for (const scaler of autoscalers(cluster)) {
                const target = scaler.props.spec?.scaleTargetRef ?? {};
                const namespace = scaler.props.metadata?.namespace;
                for (const workload of cluster) {
                    const kind = kubernetesType(workload.type)?.kind;
                    if (kind === (target.kind ?? "Deployment") && workload.props.metadata?.name === target.name
                        && workload.props.metadata?.namespace === namespace && workload.props.spec?.replicas !== undefined) {
                        report(`${workload.name} sets replicas (${workload.props.spec.replicas}) while ${scaler.name} scales it: every update `
                            + "resets the count before the autoscaler raises it again. Leave spec.replicas unset.", workload.urn);
                    }
                }
            }
        }
    },
};

export const kubernetesOrderingPolicies = [servicesAfterLoadBalancerController, customResourcesAfterTheirCrds,
    metricsServerForResourceMetrics, autoscaledReplicasUnset];
