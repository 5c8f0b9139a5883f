// The data pipeline's network flows, decided the way Kubernetes decides them: the plan's NetworkPolicies are
// evaluated for every flow the pipeline needs (each must be allowed) and for every other source that could try
// to reach its data stores (none may). Pods come from the plan's workloads; the pods that Helm charts run
// (KEDA's operator, Prometheus, cluster DNS), labelled publishers (in another namespace and in the pipeline's own,
// where default-deny also covers their egress), an unrelated pod and the load balancer are modelled from the labels
// those charts set and the subnets of the plan.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { podSpecOf } from "./kubernetes";
import { byCluster, kubernetesType } from "./kubernetes-ordering";

type Labels = Record<string, string>;

interface Port {
    name?: string;
    port: number;
    protocol: string;
}

/** A source or destination of traffic: a pod (namespace and labels) or an address outside the pod network. */
export interface Endpoint {
    id: string;
    namespace?: string;
    labels?: Labels;
    ip: string;
    ports: Port[];
}

interface Selector {
    matchLabels?: Labels;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function matches(selector: Selector | undefined, labels: Labels): boolean {
    if (!selector) {
        return true;
    }
    for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
        if (labels[key] !== value) {
            return false;
        }
    }
    for (const e of selector.matchExpressions ?? []) {
        const has = e.key in labels;
        const ok = e.operator === "In" ? has && (e.values ?? []).includes(labels[e.key])
            : e.operator === "NotIn" ? !has || !(e.values ?? []).includes(labels[e.key])
                : e.operator === "Exists" ? has : e.operator === "DoesNotExist" ? !has : false;
        if (!ok) {
            return false;
        }
    }
    return true;
}

function ipToNumber(ip: string): number {
    return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

export function inCidr(ip: string, cidr: string): boolean {
    const [base, bits] = cidr.split("/");
    if (ip.includes(":") || base.includes(":")) {
        return bits === "0";
    }
    const size = 2 ** (32 - Number(bits));
    const start = Math.floor(ipToNumber(base) / size) * size;
    return ipToNumber(ip) >= start && ipToNumber(ip) < start + size;
}

/** A host address inside `cidr` (its tenth). */
function hostIn(cidr: string): string {
    const n = ipToNumber(cidr.split("/")[0]) + 10;
    return [24, 16, 8, 0].map(shift => Math.floor(n / 2 ** shift) % 256).join(".");
}

interface NetworkPolicy {
    namespace: string;
    spec: {
        podSelector?: Selector;
        policyTypes?: string[];
        ingress?: Rule[];
        egress?: Rule[];
    };
}

interface Peer {
    podSelector?: Selector;
    namespaceSelector?: Selector;
    ipBlock?: { cidr: string; except?: string[] };
}

interface Rule {
    from?: Peer[];
    to?: Peer[];
    ports?: { protocol?: string; port?: number | string; endPort?: number }[];
}

/** What the evaluator needs to know of a cluster. */
export interface Network {
    policies: NetworkPolicy[];
    namespaceLabels: (namespace: string) => Labels;
}

function types(p: NetworkPolicy): string[] {
    return p.spec.policyTypes ?? (p.spec.egress ? ["Ingress", "Egress"] : ["Ingress"]);
}

function peerMatches(peer: Peer, other: Endpoint, policyNamespace: string, network: Network): boolean {
    if (peer.ipBlock) {
        return inCidr(other.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some(c => inCidr(other.ip, c));
    }
    if (other.namespace === undefined) {
        return false;
    }
    const namespaceOk = peer.namespaceSelector ? matches(peer.namespaceSelector, network.namespaceLabels(other.namespace))
        : other.namespace === policyNamespace;
    return namespaceOk && (peer.podSelector ? matches(peer.podSelector, other.labels ?? {}) : true);
}

function portMatches(rule: Rule, destination: Endpoint, port: Port): boolean {
    if (!rule.ports || rule.ports.length === 0) {
        return true;
    }
    return rule.ports.some(p => {
        if ((p.protocol ?? "TCP") !== port.protocol) {
            return false;
        }
        if (p.port === undefined) {
            return true;
        }
        if (typeof p.port === "string") {
            return destination.ports.some(d => d.name === p.port && d.port === port.port);
        }
        return port.port >= p.port && port.port <= (p.endPort ?? p.port);
    });
}

/** One direction: allowed when no policy of `subject`'s namespace isolates it, or one of those rules admits `other`. */
function allowedBy(network: Network, direction: "Ingress" | "Egress", subject: Endpoint, other: Endpoint, destination: Endpoint,
                   port: Port): boolean {
    if (subject.namespace === undefined) {
        return true;
    }
    const isolating = network.policies.filter(p => p.namespace === subject.namespace && types(p).includes(direction)
        && matches(p.spec.podSelector ?? {}, subject.labels ?? {}));
    if (isolating.length === 0) {
        return true;
    }
    return isolating.some(p => ((direction === "Ingress" ? p.spec.ingress : p.spec.egress) ?? []).some(rule => {
        const peers = direction === "Ingress" ? rule.from : rule.to;
        return (!peers || peers.length === 0 || peers.some(peer => peerMatches(peer, other, p.namespace, network)))
            && portMatches(rule, destination, port);
    }));
}

/** Whether `source` may open a connection to `destination` on `port`: its egress and the destination's ingress. */
export function allowed(network: Network, source: Endpoint, destination: Endpoint, port: Port): boolean {
    return allowedBy(network, "Egress", source, destination, destination, port)
        && allowedBy(network, "Ingress", destination, source, destination, port);
}

const PART_OF = "app.kubernetes.io/part-of";
const NAME = "app.kubernetes.io/name";
const PUBLISHER = "pipeline.containerplatform.io/publisher";
/** The data stores that nothing but the flows below may reach. */
const STORES = ["rabbitmq", "mongodb"];

function workloadPods(cluster: PolicyResource[], podIp: string): Endpoint[] {
    const pods: Endpoint[] = [];
    for (const r of cluster) {
        const spec = podSpecOf(r.type, r.props);
        const template = r.type === "kubernetes:batch/v1:CronJob" ? r.props.spec?.jobTemplate?.spec?.template : r.props.spec?.template;
        if (!spec || !template) {
            continue;
        }
        const ports: Port[] = (spec.containers ?? []).flatMap((c: { ports?: { name?: string; containerPort: number; protocol?: string }[] }) =>
            (c.ports ?? []).map(p => ({ name: p.name, port: p.containerPort, protocol: p.protocol ?? "TCP" })));
        pods.push({ id: `${r.props.metadata?.namespace}/${r.props.metadata?.name}`, namespace: r.props.metadata?.namespace,
            labels: template.metadata?.labels ?? {}, ip: podIp, ports });
    }
    return pods;
}

/** The endpoints a ServiceMonitor makes Prometheus scrape: the ports of the pods behind its Services. */
function scrapeTargets(cluster: PolicyResource[], pods: Endpoint[]): { pod: Endpoint; port: Port; monitor: string }[] {
    const targets: { pod: Endpoint; port: Port; monitor: string }[] = [];
    for (const monitor of cluster.filter(r => kubernetesType(r.type)?.kind === "ServiceMonitor")) {
        const namespaces: string[] = monitor.props.spec?.namespaceSelector?.matchNames ?? [monitor.props.metadata?.namespace];
        const services = cluster.filter(s => kubernetesType(s.type)?.kind === "Service" && namespaces.includes(s.props.metadata?.namespace)
            && matches(monitor.props.spec?.selector, s.props.metadata?.labels ?? {}));
        for (const endpoint of monitor.props.spec?.endpoints ?? []) {
            for (const service of services) {
                const servicePort = (service.props.spec?.ports ?? []).find((p: { name?: string }) => p.name === endpoint.port);
                for (const pod of pods.filter(p => p.namespace === service.props.metadata?.namespace
                    && service.props.spec?.selector && matches({ matchLabels: service.props.spec.selector }, p.labels ?? {}))) {
                    const target = servicePort?.targetPort ?? servicePort?.port;
                    const port = pod.ports.find(p => p.port === target || p.name === target);
                    if (port) {
                        targets.push({ pod, port, monitor: monitor.name });
                    }
                }
            }
        }
    }
    return targets;
}

export const pipelineFlows: StackValidationPolicy = {
    name: "kubernetes-networkpolicy-pipeline-flows",
    description: "The data pipeline's NetworkPolicies allow every flow it needs, and nothing else reaches RabbitMQ or MongoDB.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            kedaOperator: { type: "object", default: { namespace: "keda", labels: { app: "keda-operator", [NAME]: "keda-operator" } },
                description: "The pods of KEDA's operator, which reads the queue length over AMQP (labels of the KEDA chart)." },
            prometheus: { type: "object", default: { namespace: "monitoring", labels: { [NAME]: "prometheus" } },
                description: "The Prometheus pods (labels the Prometheus operator sets)." },
            clusterDns: { type: "object", default: { namespace: "kube-system", labels: { "k8s-app": "kube-dns" } },
                description: "The cluster DNS pods (CoreDNS on EKS)." },
        },
    },
    validateStack: (args, report) => {
        const config = args.getConfig<Record<"kedaOperator" | "prometheus" | "clusterDns", { namespace: string; labels: Labels }>>();
        const subnets = args.resources.filter(r => r.type === "aws:ec2/subnet:Subnet");
        const publicSubnet = subnets.find(s => s.props.tags?.["kubernetes.io/role/elb"] === "1")?.props.cidrBlock ?? "10.0.0.0/24";
        const privateSubnet = subnets.find(s => s.props.tags?.["kubernetes.io/role/internal-elb"] === "1")?.props.cidrBlock ?? "10.0.128.0/24";
        const podIp = hostIn(privateSubnet); // the VPC CNI gives pods addresses of the private subnets
        for (const cluster of byCluster(args.resources).values()) {
            const pods = workloadPods(cluster, podIp);
            const app = (name: string) => pods.filter(p => p.labels?.[PART_OF] === "data-pipeline" && p.labels?.[NAME] === name);
            if (app("rabbitmq").length === 0 && app("mongodb").length === 0) {
                continue;
            }
            const namespaces = new Map<string, Labels>();
            for (const ns of cluster.filter(r => r.type === "kubernetes:core/v1:Namespace")) {
                namespaces.set(ns.props.metadata?.name, ns.props.metadata?.labels ?? {});
            }
            const network: Network = {
                policies: cluster.filter(r => kubernetesType(r.type)?.kind === "NetworkPolicy")
                    .map(r => ({ namespace: r.props.metadata?.namespace, spec: r.props.spec ?? {} })),
                namespaceLabels: ns => ({ ...(namespaces.get(ns) ?? {}), "kubernetes.io/metadata.name": ns }),
            };
            const external = (id: string, e: { namespace: string; labels: Labels }, ports: Port[] = []): Endpoint =>
                ({ id, namespace: e.namespace, labels: e.labels, ip: podIp, ports });
            const keda = external("KEDA operator", config.kedaOperator);
            const prometheus = external("Prometheus", config.prometheus);
            const dns = external("cluster DNS", config.clusterDns, [{ port: 53, protocol: "UDP" }, { port: 53, protocol: "TCP" }]);
            const publisher = external("a publisher (another namespace, labelled)", { namespace: "ingest", labels: { [PUBLISHER]: "true" } });
            const ownNamespace = app("rabbitmq")[0]?.namespace ?? app("mongodb")[0].namespace!;
            const publisherInside = external("a publisher (the pipeline's namespace, labelled)",
                { namespace: ownNamespace, labels: { [PUBLISHER]: "true" } });
            const outsider = external("an unrelated pod", { namespace: "default", labels: { app: "other" } });
            const loadBalancer: Endpoint = { id: "the load balancer", ip: hostIn(publicSubnet), ports: [] };
            const amqp = { port: 5671, protocol: "TCP" }; // AMQP over TLS: the broker has no plain listener (kubernetes-pipeline-tls-only)
            const mongo = { port: 27017, protocol: "TCP" };

            const required: { from: Endpoint; to: Endpoint; port: Port }[] = [];
            const need = (from: Endpoint[], to: Endpoint[], port: Port) => from.forEach(f => to.forEach(t => required.push({ from: f, to: t, port })));
            need([keda, publisher, publisherInside, ...app("spark-processor")], app("rabbitmq"), amqp);
            need([...app("spark-processor"), ...app("swagger-api")], app("mongodb"), mongo);
            need([loadBalancer], app("swagger-api"), { port: 8000, protocol: "TCP" });
            need([...pods, publisherInside], [dns], dns.ports[0]);
            for (const target of scrapeTargets(cluster, pods)) {
                need([prometheus], [target.pod], target.port);
            }
            for (const flow of required) {
                if (!allowed(network, flow.from, flow.to, flow.port)) {
                    report(`${flow.from.id} cannot reach ${flow.to.id} on ${flow.port.port}/${flow.port.protocol}: `
                        + "the pipeline needs this flow; allow it in the NetworkPolicies.");
                }
            }

            // A metrics port (what a ServiceMonitor scrapes) answers Prometheus and the flows above only: other pods would read
            // it, and through an ipBlock of the whole VPC every pod of the cluster would (the VPC CNI gives pods VPC addresses).
            for (const target of scrapeTargets(cluster, pods)) {
                for (const source of [keda, publisher, publisherInside, outsider]) {
                    const expected = required.some(f => f.from === source && f.to === target.pod && f.port.port === target.port.port);
                    if (!expected && allowed(network, source, target.pod, target.port)) {
                        report(`${source.id} can reach ${target.pod.id} on ${target.port.port}/${target.port.protocol}, a metrics port`
                            + ` (${target.monitor}) only Prometheus may scrape: admit monitoring, and the load balancer's subnets rather than the VPC.`);
                    }
                }
            }

            const members = (store: string) => [...app(store), ...(store === "mongodb" ? app("mongodb-init") : [])];
            const sources = [...pods, keda, prometheus, publisher, publisherInside, outsider, loadBalancer];
            for (const store of STORES) {
                for (const destination of app(store)) {
                    for (const port of destination.ports) {
                        for (const source of sources) {
                            const expected = required.some(f => f.from === source && f.to === destination && f.port.port === port.port)
                                || members(store).some(m => m.id === source.id);
                            if (!expected && allowed(network, source, destination, port)) {
                                report(`${source.id} can reach ${destination.id} on ${port.port}/${port.protocol}, which only the pipeline's `
                                    + "own flows may: narrow the NetworkPolicies.");
                            }
                        }
                    }
                }
            }
        }
    },
};
