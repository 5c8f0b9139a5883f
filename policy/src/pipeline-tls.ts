// The data pipeline's broker and database speak TLS only: nothing in the pipeline's namespace exposes plain AMQP or a
// MongoDB that accepts connections without TLS.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { podSpecOf } from "./kubernetes";
import { kubernetesType } from "./kubernetes-ordering";

const PART_OF = "app.kubernetes.io/part-of";
const PLAIN_AMQP = 5672;
const MONGODB = 27017;

/** The namespaces the data pipeline's objects are in. */
function pipelineNamespaces(resources: PolicyResource[]): Set<string> {
    return new Set(resources.filter(r => r.props?.metadata?.labels?.[PART_OF] === "data-pipeline")
        .map(r => r.props.metadata.namespace).filter((ns): ns is string => typeof ns === "string"));
}

/** The settings of a rabbitmq.conf (sysctl format), key -> value. */
function settings(conf: string): Map<string, string> {
    const entries = conf.split("\n").map(l => l.trim()).filter(l => !l.startsWith("#") && l.includes("="))
        .map(l => [l.slice(0, l.indexOf("=")).trim(), l.slice(l.indexOf("=") + 1).trim()] as [string, string]);
    return new Map(entries);
}

function problems(r: PolicyResource): string[] {
    const kind = kubernetesType(r.type)?.kind;
    const found: string[] = [];
    if (kind === "Service") {
        for (const p of r.props.spec?.ports ?? []) {
            if (p.port === PLAIN_AMQP || p.targetPort === PLAIN_AMQP) {
                found.push(`Service ${r.props.metadata?.name} exposes plain AMQP (${PLAIN_AMQP}): serve AMQP over TLS (5671) only`);
            }
        }
    }
    if (kind === "ConfigMap" && typeof r.props.data?.["rabbitmq.conf"] === "string") {
        const conf = settings(r.props.data["rabbitmq.conf"]);
        if (conf.get("listeners.tcp") !== "none") {
            found.push(`${r.props.metadata?.name}'s rabbitmq.conf keeps the plain AMQP listener (RabbitMQ listens on ${PLAIN_AMQP} `
                + "unless listeners.tcp = none)");
        }
        if (![...conf.keys()].some(k => k.startsWith("listeners.ssl.")) || !conf.has("ssl_options.certfile")) {
            found.push(`${r.props.metadata?.name}'s rabbitmq.conf has no TLS listener (listeners.ssl.default and ssl_options.certfile)`);
        }
    }
    for (const c of podSpecOf(r.type, r.props ?? {})?.containers ?? []) {
        const ports: number[] = (c.ports ?? []).map((p: any) => p.containerPort);
        if (ports.includes(PLAIN_AMQP)) {
            found.push(`container ${c.name} exposes plain AMQP (${PLAIN_AMQP})`);
        }
        const args: string[] = [...(c.command ?? []), ...(c.args ?? [])];
        const mode = args.indexOf("--tlsMode");
        if (ports.includes(MONGODB) && (mode < 0 || args[mode + 1] !== "requireTLS")) {
            found.push(`container ${c.name} serves MongoDB (${MONGODB}) without --tlsMode requireTLS`);
        }
    }
    return found;
}

export const pipelineTlsOnly: StackValidationPolicy = {
    name: "kubernetes-pipeline-tls-only",
    description: "In the data pipeline's namespace, RabbitMQ serves AMQP over TLS only (no plain 5672 listener, Service or port) "
        + "and MongoDB requires TLS (--tlsMode requireTLS).",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const kube = args.resources.filter(r => r.type.startsWith("kubernetes:"));
        const namespaces = pipelineNamespaces(kube);
        for (const r of kube.filter(r => namespaces.has(r.props?.metadata?.namespace))) {
            for (const problem of problems(r)) {
                report(`${r.name}: ${problem}.`, r.urn);
            }
        }
    },
};
