import { Case } from "./case";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const container = {
    name: "app", image: "registry.example.com/app:1.2.3",
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
    readinessProbe: { httpGet: { path: "/health", port: 8080 } }, livenessProbe: { httpGet: { path: "/health", port: 8080 } },
    securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
};
const deployment = (c: Record<string, any>, podSecurity: Record<string, any> = {}) =>
    ({ spec: { template: { spec: { securityContext: podSecurity, containers: [c] } } } });

export const kubernetesCases: Case[] = [
    { policy: "kubernetes-containers-require-requests-and-limits", name: "complete", type: DEPLOYMENT, props: deployment(container), expect: [] },
    { policy: "kubernetes-containers-require-requests-and-limits", name: "no resources in a StatefulSet", type: "kubernetes:apps/v1:StatefulSet",
        props: deployment({ ...container, resources: undefined }), expect: ["container app: missing requests.cpu, requests.memory, limits.memory."] },
    { policy: "kubernetes-containers-require-requests-and-limits", name: "init container in a CronJob", type: "kubernetes:batch/v1:CronJob",
        props: { spec: { jobTemplate: { spec: { template: { spec: { containers: [container],
            initContainers: [{ name: "init", image: "busybox:1.36", resources: { requests: { cpu: "10m", memory: "8Mi" } } }] } } } } } },
        expect: ["init container init: missing limits.memory."] },
    { policy: "kubernetes-containers-require-probes", name: "probed", type: DEPLOYMENT, props: deployment(container), expect: [] },
    { policy: "kubernetes-containers-require-probes", name: "Jobs are exempt", type: "kubernetes:batch/v1:Job",
        props: deployment({ ...container, readinessProbe: undefined, livenessProbe: undefined }), expect: [] },
    { policy: "kubernetes-containers-require-probes", name: "no liveness", type: DEPLOYMENT,
        props: deployment({ ...container, livenessProbe: undefined }), expect: ["container app: missing livenessProbe."] },
    { policy: "kubernetes-containers-disallow-privileged", name: "unprivileged", type: DEPLOYMENT, props: deployment(container), expect: [] },
    { policy: "kubernetes-containers-disallow-privileged", name: "privileged pod", type: "kubernetes:core/v1:Pod",
        props: { spec: { containers: [{ ...container, securityContext: { privileged: true } }] } }, expect: ["container app: securityContext.privileged is true"] },
    { policy: "kubernetes-containers-disallow-latest-tag", name: "pinned tag and digest", type: DEPLOYMENT,
        props: { spec: { template: { spec: { containers: [container, { ...container, name: "b", image: "nginx@sha256:abc" },
            { ...container, name: "c", image: "localhost:5000/app:2" }] } } } }, expect: [] },
    { policy: "kubernetes-containers-disallow-latest-tag", name: "latest and untagged with a registry port", type: DEPLOYMENT,
        props: { spec: { template: { spec: { containers: [{ ...container, image: "app:latest" }, { ...container, name: "b", image: "localhost:5000/app" }] } } } },
        expect: ["container app: image \"app:latest\" is not pinned", "container b: image \"localhost:5000/app\" is not pinned"] },
    { policy: "kubernetes-pods-require-run-as-non-root", name: "pod-level non-root", type: DEPLOYMENT,
        props: deployment({ ...container, securityContext: {} }, { runAsNonRoot: true, runAsUser: 999 }), expect: [] },
    { policy: "kubernetes-pods-require-run-as-non-root", name: "no setting", type: DEPLOYMENT,
        props: deployment({ ...container, securityContext: {} }), expect: ["container app: runAsNonRoot is not true"] },
    { policy: "kubernetes-pods-require-run-as-non-root", name: "root user", type: DEPLOYMENT,
        props: deployment({ ...container, securityContext: { runAsNonRoot: true, runAsUser: 0 } }), expect: ["container app: runAsUser is 0 (root)."] },
];
