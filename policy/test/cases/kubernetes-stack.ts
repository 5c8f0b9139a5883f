import { PlanResource } from "../../src/evaluate";
import { Case, urn } from "./case";

const PROVIDER = "urn:pulumi:dev::container-platform::pulumi:providers:kubernetes::k8s::k8s-id";
const RELEASE = "kubernetes:helm.sh/v3:Release";
const SERVICE = "kubernetes:core/v1:Service";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const SCALED_OBJECT = "kubernetes:keda.sh/v1alpha1:ScaledObject";
const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

/** A resource of the cluster behind PROVIDER. */
function k8s(type: string, name: string, inputs: Record<string, any>, dependsOn: PlanResource[] = []): PlanResource {
    return { urn: urn("dev", type, name), type, custom: true, inputs, dependencies: dependsOn.map(d => d.urn), provider: PROVIDER };
}

const release = (chart: string, dependsOn: PlanResource[] = []) => k8s(RELEASE, chart, { chart, version: "1.0.0" }, dependsOn);
const controller = release("aws-load-balancer-controller");
const keda = release("keda", [controller]);
const metricsServer = release("metrics-server", [controller]);
const service = (dependsOn: PlanResource[]) => k8s(SERVICE, "api", { metadata: { name: "api", namespace: "app" }, spec: { ports: [] } }, dependsOn);
const ingress = (dependsOn: PlanResource[]) => k8s("kubernetes:networking.k8s.io/v1:Ingress", "api-ingress", { metadata: { name: "api" } }, dependsOn);
const worker = (replicas?: number) => k8s(DEPLOYMENT, "worker", { metadata: { name: "worker", namespace: "app" },
    spec: { ...(replicas === undefined ? {} : { replicas }), template: { metadata: { labels: { app: "worker" } }, spec: { containers: [] } } } });
const scaler = (triggers: string[], dependsOn: PlanResource[]) => k8s(SCALED_OBJECT, "worker-scaler", {
    metadata: { name: "worker", namespace: "app" },
    spec: { scaleTargetRef: { name: "worker" }, triggers: triggers.map(type => ({ type, metadata: { value: "50" } })) },
}, dependsOn);

// A small data pipeline, labelled as the platform labels it, with NetworkPolicies like the platform's.
const NS = "data";
const part = (name: string) => ({ "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "data-pipeline" });
const workload = (kind: "Deployment" | "StatefulSet", name: string, ports: [string, number][]) =>
    k8s(`kubernetes:apps/v1:${kind}`, name, { metadata: { name, namespace: NS, labels: part(name) }, spec: { template: {
        metadata: { labels: part(name) },
        spec: { containers: [{ name, ports: ports.map(([portName, containerPort]) => ({ name: portName, containerPort })) }] } } } });
const only = (name: string) => ({ podSelector: { matchLabels: { "app.kubernetes.io/name": name } } });
const tcp = (port: number) => ({ protocol: "TCP", port });
const netpol = (name: string, spec: Record<string, any>) => k8s(NETPOL, `netpol-${name}`, { metadata: { name, namespace: NS }, spec });
const monitoring = { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } };
const kedaPods = { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "keda" } },
    podSelector: { matchLabels: { "app.kubernetes.io/name": "keda-operator" } } };
const publishers = { namespaceSelector: {}, podSelector: { matchLabels: { "pipeline.containerplatform.io/publisher": "true" } } };
const subnet = (name: string, cidrBlock: string, role: string) =>
    ({ urn: urn("dev", "aws:ec2/subnet:Subnet", name), type: "aws:ec2/subnet:Subnet", custom: true, inputs: { cidrBlock, tags: { [role]: "1" } } });

// What lets a labelled publisher in the pipeline's namespace out of default-deny.
const publisherEgress = netpol("publishers", { podSelector: { matchLabels: { "pipeline.containerplatform.io/publisher": "true" } },
    policyTypes: ["Egress"], egress: [{ to: [only("rabbitmq")], ports: [tcp(5671)] }] });

function pipeline(rabbitmqFrom: any[], mongodbIngress: any[], publishers: PlanResource[] = [publisherEgress],
                  apiFrom = "10.0.0.0/20"): PlanResource[] {
    return [
        subnet("public-0", "10.0.0.0/20", "kubernetes.io/role/elb"),
        subnet("private-0", "10.0.128.0/20", "kubernetes.io/role/internal-elb"),
        workload("StatefulSet", "rabbitmq", [["amqps", 5671], ["prometheus", 15692]]),
        workload("StatefulSet", "mongodb", [["mongodb", 27017]]),
        workload("Deployment", "spark-processor", [["metrics", 4040]]),
        workload("Deployment", "swagger-api", [["http", 8000]]),
        k8s(SERVICE, "rabbitmq-service", { metadata: { name: "rabbitmq", namespace: NS, labels: part("rabbitmq") },
            spec: { selector: part("rabbitmq"), ports: [{ name: "prometheus", port: 15692, targetPort: 15692 }] } }),
        k8s("kubernetes:monitoring.coreos.com/v1:ServiceMonitor", "rabbitmq-monitor", { metadata: { name: "rabbitmq", namespace: NS },
            spec: { selector: { matchLabels: { "app.kubernetes.io/name": "rabbitmq" } }, namespaceSelector: { matchNames: [NS] },
                endpoints: [{ port: "prometheus" }] } }),
        netpol("default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }),
        netpol("allow-dns", { podSelector: {}, policyTypes: ["Egress"], egress: [{
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [{ protocol: "UDP", port: 53 }, tcp(53)] }] }),
        netpol("rabbitmq", { ...only("rabbitmq"), policyTypes: ["Ingress"], ingress: [
            { from: rabbitmqFrom, ports: [tcp(5671)] },
            { from: [monitoring], ports: [tcp(15692)] }] }),
        netpol("mongodb", { ...only("mongodb"), policyTypes: ["Ingress"], ingress: mongodbIngress }),
        netpol("spark-processor", { ...only("spark-processor"), policyTypes: ["Egress"], egress: [
            { to: [only("rabbitmq")], ports: [tcp(5671)] }, { to: [only("mongodb")], ports: [tcp(27017)] }] }),
        k8s(SERVICE, "swagger-api-service", { metadata: { name: "swagger-api", namespace: NS, labels: part("swagger-api") },
            spec: { selector: part("swagger-api"), ports: [{ name: "http", port: 8000, targetPort: 8000 }] } }),
        k8s("kubernetes:monitoring.coreos.com/v1:ServiceMonitor", "swagger-api-monitor", { metadata: { name: "swagger-api", namespace: NS },
            spec: { selector: { matchLabels: { "app.kubernetes.io/name": "swagger-api" } }, namespaceSelector: { matchNames: [NS] },
                endpoints: [{ port: "http", path: "/metrics" }] } }),
        netpol("swagger-api", { ...only("swagger-api"), policyTypes: ["Ingress", "Egress"],
            ingress: [{ from: [{ ipBlock: { cidr: apiFrom } }], ports: [tcp(8000)] }, { from: [monitoring], ports: [tcp(8000)] }],
            egress: [{ to: [only("mongodb")], ports: [tcp(27017)] }] }),
        ...publishers,
    ];
}
const rabbitmqFrom = [only("spark-processor"), kedaPods, publishers];
const mongodbIngress = [{ from: [only("spark-processor"), only("swagger-api")], ports: [tcp(27017)] }];

export const kubernetesStackCases: Case[] = [
    { policy: "kubernetes-services-after-load-balancer-controller", name: "Service, Ingress and release after the controller",
        resources: [controller, keda, service([controller]), ingress([controller])], expect: [] },
    { policy: "kubernetes-services-after-load-balancer-controller", name: "a cluster without the controller", resources: [service([])], expect: [] },
    { policy: "kubernetes-services-after-load-balancer-controller", name: "a Service and a release that do not wait",
        resources: [controller, release("keda"), service([]), ingress([controller])],
        expect: ["keda (Release) does not depend on aws-load-balancer-controller", "api (Service) does not depend on aws-load-balancer-controller"] },

    { policy: "kubernetes-custom-resources-after-their-crds", name: "ScaledObject after KEDA, custom kind after its CRD",
        resources: (() => {
            const crd = k8s("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", "widgets",
                { spec: { group: "example.com", names: { kind: "Widget" } } });
            return [keda, scaler(["cpu"], [keda]), crd, k8s("kubernetes:example.com/v1:Widget", "w", {}, [crd])];
        })(), expect: [] },
    { policy: "kubernetes-custom-resources-after-their-crds", name: "ScaledObject racing KEDA, a kind nothing installs",
        resources: [keda, scaler(["cpu"], []), k8s("kubernetes:example.com/v1:Widget", "w", {})],
        expect: ["worker-scaler (keda.sh ScaledObject) does not depend on keda", "w is a example.com Widget, and nothing in this cluster installs its CRD"] },

    { policy: "kubernetes-metrics-server-for-resource-metrics", name: "cpu trigger with metrics-server",
        resources: [metricsServer, scaler(["cpu", "rabbitmq"], [keda])], expect: [] },
    { policy: "kubernetes-metrics-server-for-resource-metrics", name: "queue trigger only, no metrics-server needed",
        resources: [scaler(["rabbitmq"], [keda])], expect: [] },
    { policy: "kubernetes-metrics-server-for-resource-metrics", name: "memory trigger without metrics-server",
        resources: [keda, scaler(["rabbitmq", "memory"], [keda])], expect: ["worker-scaler scales on cpu or memory"] },

    { policy: "kubernetes-autoscaled-workloads-leave-replicas-unset", name: "replicas left to KEDA",
        resources: [worker(), scaler(["rabbitmq"], [])], expect: [] },
    { policy: "kubernetes-autoscaled-workloads-leave-replicas-unset", name: "replicas set under KEDA",
        resources: [worker(2), scaler(["rabbitmq"], [])], expect: ["worker sets replicas (2) while worker-scaler scales it"] },

    { policy: "kubernetes-networkpolicy-pipeline-flows", name: "the pipeline's flows and nothing else",
        resources: pipeline(rabbitmqFrom, mongodbIngress), expect: [] },
    { policy: "kubernetes-networkpolicy-pipeline-flows", name: "KEDA and publishers shut out of RabbitMQ",
        resources: pipeline([only("spark-processor")], mongodbIngress),
        expect: ["KEDA operator cannot reach data/rabbitmq on 5671/TCP", "a publisher (another namespace, labelled) cannot reach data/rabbitmq on 5671/TCP",
            "a publisher (the pipeline's namespace, labelled) cannot reach data/rabbitmq on 5671/TCP"] },
    { policy: "kubernetes-networkpolicy-pipeline-flows", name: "the API (and its /metrics) open to the whole VPC, so to every pod",
        resources: pipeline(rabbitmqFrom, mongodbIngress, [publisherEgress], "10.0.0.0/16"),
        expect: ["KEDA operator can reach data/swagger-api on 8000/TCP, a metrics port (swagger-api-monitor) only Prometheus may scrape",
            "a publisher (another namespace, labelled) can reach data/swagger-api on 8000/TCP",
            "an unrelated pod can reach data/swagger-api on 8000/TCP"] },
    { policy: "kubernetes-networkpolicy-pipeline-flows", name: "a publisher in the pipeline's namespace held by default-deny (no egress rule)",
        resources: pipeline(rabbitmqFrom, mongodbIngress, []),
        expect: ["a publisher (the pipeline's namespace, labelled) cannot reach data/rabbitmq on 5671/TCP"] },
    { policy: "kubernetes-networkpolicy-pipeline-flows", name: "publishers let out to every port of the namespace",
        resources: pipeline(rabbitmqFrom, [...mongodbIngress, { from: [publishers] }], [netpol("publishers", {
            podSelector: { matchLabels: { "pipeline.containerplatform.io/publisher": "true" } }, policyTypes: ["Egress"], egress: [{ to: [{ podSelector: {} }] }] })]),
        expect: ["a publisher (another namespace, labelled) can reach data/mongodb on 27017/TCP",
            "a publisher (the pipeline's namespace, labelled) can reach data/mongodb on 27017/TCP"] },
    { policy: "kubernetes-networkpolicy-pipeline-flows", name: "MongoDB open to every pod",
        resources: pipeline(rabbitmqFrom, [...mongodbIngress, { from: [{ namespaceSelector: {} }] }]),
        expect: ["KEDA operator can reach data/mongodb on 27017/TCP", "Prometheus can reach data/mongodb on 27017/TCP",
            "a publisher (another namespace, labelled) can reach data/mongodb on 27017/TCP", "an unrelated pod can reach data/mongodb on 27017/TCP"] },
];
