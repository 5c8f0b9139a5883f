import { PlanResource } from "../../src/evaluate";
import { Case, urn } from "./case";

// The data pipeline's broker and database as the platform declares them, and ways of leaving a plain door open.
const NS = "data";
const part = (name: string) => ({ "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "data-pipeline" });
const k8s = (type: string, name: string, inputs: Record<string, any>): PlanResource =>
    ({ urn: urn("dev", type, name), type, custom: true, inputs });
const TLS_CONF = ["listeners.tcp = none", "listeners.ssl.default = 5671", "ssl_options.certfile = /etc/pipeline-tls/tls.crt", ""].join("\n");
const config = (conf: string) => k8s("kubernetes:core/v1:ConfigMap", "rabbitmq-config",
    { metadata: { name: "rabbitmq-config", namespace: NS, labels: part("rabbitmq") }, data: { "rabbitmq.conf": conf } });
const service = (port: number) => k8s("kubernetes:core/v1:Service", "rabbitmq-service",
    { metadata: { name: "rabbitmq", namespace: NS, labels: part("rabbitmq") }, spec: { ports: [{ name: "amqp", port, targetPort: port }] } });
const statefulSet = (name: string, container: Record<string, any>) => k8s("kubernetes:apps/v1:StatefulSet", name,
    { metadata: { name, namespace: NS, labels: part(name) }, spec: { template: { spec: { containers: [container] } } } });
const broker = (port: number) => statefulSet("rabbitmq", { name: "rabbitmq", ports: [{ name: "amqp", containerPort: port }] });
const mongod = (args: string[]) => statefulSet("mongodb", { name: "mongodb", args, ports: [{ name: "mongodb", containerPort: 27017 }] });
const requireTls = ["--replSet", "rs0", "--tlsMode", "requireTLS", "--tlsCertificateKeyFile", "/etc/pipeline-tls/tls-combined.pem"];

export const pipelineTlsCases: Case[] = [
    { policy: "kubernetes-pipeline-tls-only", name: "AMQP over TLS only, MongoDB requiring TLS",
        resources: [config(TLS_CONF), service(5671), broker(5671), mongod(requireTls)], expect: [] },
    { policy: "kubernetes-pipeline-tls-only", name: "a plain 5672 elsewhere than the pipeline's namespace is not this policy's business",
        resources: [config(TLS_CONF), k8s("kubernetes:apps/v1:StatefulSet", "rabbitmq-other", { metadata: { name: "rabbitmq", namespace: "other",
            labels: { app: "other" } }, spec: { template: { spec: { containers: [{ name: "rabbitmq", ports: [{ containerPort: 5672 }] }] } } } })],
        expect: [] },
    { policy: "kubernetes-pipeline-tls-only", name: "the broker's default plain listener left on, on its Service and its pod",
        resources: [config("listeners.ssl.default = 5671\nssl_options.certfile = /c\n"), service(5672), broker(5672), mongod(requireTls)],
        expect: ["rabbitmq-config: rabbitmq-config's rabbitmq.conf keeps the plain AMQP listener",
            "rabbitmq-service: Service rabbitmq exposes plain AMQP (5672)", "rabbitmq: container rabbitmq exposes plain AMQP (5672)"] },
    { policy: "kubernetes-pipeline-tls-only", name: "a broker with no TLS listener at all",
        resources: [config("listeners.tcp = none\n"), service(5671), broker(5671), mongod(requireTls)],
        expect: ["rabbitmq-config's rabbitmq.conf has no TLS listener"] },
    { policy: "kubernetes-pipeline-tls-only", name: "MongoDB without TLS, or only preferring it",
        resources: [config(TLS_CONF), mongod(["--replSet", "rs0"]), { ...mongod(["--tlsMode", "preferTLS"]), urn: urn("dev", "x", "mongodb-2") }],
        expect: ["mongodb: container mongodb serves MongoDB (27017) without --tlsMode requireTLS",
            "mongodb-2: container mongodb serves MongoDB (27017) without --tlsMode requireTLS"] },
];
