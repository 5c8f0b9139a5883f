// Rules for Kubernetes workloads declared as resources (Helm-installed charts are invisible to CrossGuard,
// which is why the platform declares its own workloads as Kubernetes resources).
import { ResourceValidationPolicy } from "@pulumi/policy";

const LONG_RUNNING = ["kubernetes:core/v1:Pod", "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet",
    "kubernetes:apps/v1:DaemonSet", "kubernetes:apps/v1:ReplicaSet"];
const BATCH = ["kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob"];

interface Container {
    name: string;
    image?: string;
    resources?: { requests?: Record<string, any>; limits?: Record<string, any> };
    readinessProbe?: unknown;
    livenessProbe?: unknown;
    securityContext?: { privileged?: boolean; runAsNonRoot?: boolean; runAsUser?: number };
}

/** The pod spec of a workload resource, or undefined for other types. */
export function podSpecOf(type: string, props: Record<string, any>): Record<string, any> | undefined {
    if (type === "kubernetes:core/v1:Pod") {
        return props.spec;
    }
    if (type === "kubernetes:batch/v1:CronJob") {
        return props.spec?.jobTemplate?.spec?.template?.spec;
    }
    if (LONG_RUNNING.includes(type) || BATCH.includes(type)) {
        return props.spec?.template?.spec;
    }
    return undefined;
}

function containersOf(spec: Record<string, any>, withInit: boolean): { container: Container; where: string }[] {
    const main = (spec.containers ?? []).map((c: Container) => ({ container: c, where: `container ${c.name}` }));
    const init = withInit ? (spec.initContainers ?? []).map((c: Container) => ({ container: c, where: `init container ${c.name}` })) : [];
    return [...main, ...init];
}

function forContainers(args: { type: string; props: Record<string, any> }, withInit: boolean,
                       test: (c: Container, spec: Record<string, any>) => string | undefined, report: (m: string) => void) {
    const spec = podSpecOf(args.type, args.props);
    if (!spec) {
        return;
    }
    for (const { container, where } of containersOf(spec, withInit)) {
        const problem = test(container, spec);
        if (problem) {
            report(`${where}: ${problem}`);
        }
    }
}

export const requireResources: ResourceValidationPolicy = {
    name: "kubernetes-containers-require-requests-and-limits",
    description: "Containers request cpu and memory and limit memory (the scheduler, quotas and autoscalers depend on it).",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => forContainers(args, true, c => {
        const missing = [
            c.resources?.requests?.cpu === undefined ? "requests.cpu" : "",
            c.resources?.requests?.memory === undefined ? "requests.memory" : "",
            c.resources?.limits?.memory === undefined ? "limits.memory" : "",
        ].filter(Boolean);
        return missing.length > 0 ? `missing ${missing.join(", ")}.` : undefined;
    }, report),
};

export const requireProbes: ResourceValidationPolicy = {
    name: "kubernetes-containers-require-probes",
    description: "Containers of long-running workloads have readiness and liveness probes (Jobs are exempt).",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (!LONG_RUNNING.includes(args.type)) {
            return;
        }
        forContainers(args, false, c => {
            const missing = [c.readinessProbe ? "" : "readinessProbe", c.livenessProbe ? "" : "livenessProbe"].filter(Boolean);
            return missing.length > 0 ? `missing ${missing.join(" and ")}.` : undefined;
        }, report);
    },
};

export const disallowPrivileged: ResourceValidationPolicy = {
    name: "kubernetes-containers-disallow-privileged",
    description: "No container runs in privileged mode.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => forContainers(args, true, c =>
        c.securityContext?.privileged === true ? "securityContext.privileged is true. Grant only the capabilities it needs." : undefined, report),
};

/** True when an image reference has no tag or digest, or uses `latest`. */
export function isUnpinned(image: string | undefined): boolean {
    if (!image) {
        return true;
    }
    if (image.includes("@sha256:")) {
        return false;
    }
    const lastSegment = image.substring(image.lastIndexOf("/") + 1);
    const colon = lastSegment.lastIndexOf(":");
    return colon < 0 || lastSegment.substring(colon + 1) === "latest";
}

export const disallowLatestTag: ResourceValidationPolicy = {
    name: "kubernetes-containers-disallow-latest-tag",
    description: "Container images are pinned to a tag other than `latest`, or to a digest.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => forContainers(args, true, c =>
        isUnpinned(c.image) ? `image "${c.image}" is not pinned. Use an immutable version tag or a digest, so rollbacks are possible.` : undefined,
        report),
};

export const requireNonRoot: ResourceValidationPolicy = {
    name: "kubernetes-pods-require-run-as-non-root",
    description: "Containers run as non-root (runAsNonRoot on the pod or on every container, never runAsUser 0).",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => forContainers(args, true, (c, spec) => {
        const nonRoot = c.securityContext?.runAsNonRoot ?? spec.securityContext?.runAsNonRoot;
        const user = c.securityContext?.runAsUser ?? spec.securityContext?.runAsUser;
        if (user === 0) {
            return "runAsUser is 0 (root).";
        }
        return nonRoot === true ? undefined : "runAsNonRoot is not true on the pod or the container.";
    }, report),
};

export const kubernetesPolicies = [requireResources, requireProbes, disallowPrivileged, disallowLatestTag, requireNonRoot];
