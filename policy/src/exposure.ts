// What the platform exposes, and to whom: internet-facing ALB Ingresses (who may connect, which paths they route) and
// Spark standalone on ECS (who reaches its ports, whether its processes authenticate each other).
import { ResourceValidationPolicy } from "@pulumi/policy";
import { rulesOf, SECURITY_GROUP } from "./security-groups";
import { isProduction, environmentSchema } from "./util";

const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
const ANNOTATION = "alb.ingress.kubernetes.io/";

/** The annotations of an Ingress the AWS Load Balancer Controller serves to the internet; undefined for any other. */
function internetFacingAlb(type: string, props: Record<string, any>): Record<string, string> | undefined {
    if (type !== INGRESS) {
        return undefined;
    }
    const annotations: Record<string, string> = props.metadata?.annotations ?? {};
    const alb = (props.spec?.ingressClassName ?? annotations["kubernetes.io/ingress.class"]) === "alb";
    // The controller's default scheme is internal: only an explicit internet-facing one reaches the internet.
    return alb && annotations[`${ANNOTATION}scheme`] === "internet-facing" ? annotations : undefined;
}

export const ingressRestrictedInProduction: ResourceValidationPolicy = {
    name: "kubernetes-ingress-alb-require-inbound-cidrs-or-auth-in-production",
    description: "In production, an internet-facing ALB Ingress admits only listed CIDRs (inbound-cidrs, not 0.0.0.0/0) or authenticates (auth-type cognito or oidc).",
    enforcementLevel: "mandatory",
    configSchema: { properties: { ...environmentSchema } },
    validateResource: (args, report) => {
        const annotations = internetFacingAlb(args.type, args.props);
        if (!annotations || !isProduction(args, report)) {
            return;
        }
        const authenticated = ["cognito", "oidc"].includes(annotations[`${ANNOTATION}auth-type`]);
        const cidrs = (annotations[`${ANNOTATION}inbound-cidrs`] ?? "").split(",").map(c => c.trim()).filter(c => c !== "");
        if (!authenticated && (cidrs.length === 0 || cidrs.some(c => /\/0$/.test(c)))) {
            report(`the Ingress is open to the whole internet in production (inbound-cidrs: ${cidrs.length === 0 ? "none" : cidrs.join(",")}).`
                + ` List its clients' ranges in ${ANNOTATION}inbound-cidrs (pipeline.apiAllowedCidrs) or authenticate with ${ANNOTATION}auth-type.`);
        }
    },
};

/** Whether an Ingress path sends `/metrics` to its backend. */
function routesMetrics(path: { path?: string; pathType?: string }): boolean {
    const p = path.path ?? "/";
    if (path.pathType === "Exact") {
        return p === "/metrics";
    }
    if (path.pathType === "Prefix") {
        const prefix = p.replace(/\/+$/, "");
        return prefix === "" || prefix === "/metrics";
    }
    // ImplementationSpecific: the ALB reads it as a path pattern (* any characters).
    return new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test("/metrics");
}

export const ingressHidesMetrics: ResourceValidationPolicy = {
    name: "kubernetes-ingress-alb-disallow-metrics-path",
    description: "An internet-facing ALB Ingress does not route /metrics: Prometheus scrapes it inside the cluster.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (!internetFacingAlb(args.type, args.props)) {
            return;
        }
        (args.props.spec?.rules ?? []).forEach((rule: any, r: number) => (rule.http?.paths ?? []).forEach((path: any, p: number) => {
            if (routesMetrics(path)) {
                report(`rules[${r}].paths[${p}] (${path.pathType ?? "ImplementationSpecific"} ${path.path ?? "/"}) routes /metrics to the`
                    + " internet. List the application's own paths instead of a catch-all.");
            }
        }));
    },
};

/** Spark's master (7077) and REST submission (6066) ports, and its web UIs (8080-8089). */
const SPARK_MASTER_PORTS = [7077, 6066];
const SPARK_UI_PORTS = { from: 8080, to: 8089 };

export const sparkPortsFromGroupsOnly: ResourceValidationPolicy = {
    name: "aws-ec2-securitygroup-disallow-cidr-ingress-to-spark-ports",
    description: "Spark's master (7077, 6066) and, in a group that opens the master, its UIs (8080-8089) admit security groups, never CIDR ranges.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        const ingress = rulesOf(args.type, args.props).filter(r => r.direction === "ingress");
        const covers = (r: { fromPort: number; toPort: number }, from: number, to: number) => r.fromPort <= to && r.toPort >= from;
        const sparkGroup = args.type === SECURITY_GROUP && ingress.some(r => SPARK_MASTER_PORTS.some(p => covers(r, p, p)));
        for (const rule of ingress.filter(r => r.cidrs.length > 0)) {
            const master = SPARK_MASTER_PORTS.filter(p => covers(rule, p, p));
            const ui = sparkGroup && covers(rule, SPARK_UI_PORTS.from, SPARK_UI_PORTS.to);
            if (master.length > 0 || ui) {
                report(`${rule.where}: ${master.length > 0 ? `Spark port(s) ${master.join(", ")}` : "Spark's UIs (8080-8089)"} open to`
                    + ` ${rule.cidrs.join(", ")}: every host of the range (every EKS pod of a VPC CIDR) can submit or read jobs.`
                    + " Admit the clients' security groups instead (sparkEcs.clientSecurityGroupIds).");
            }
        }
    },
};

/** Spark's SecurityManager reads the secret from this variable before spark.authenticate.secret. */
const AUTH_SECRET_VARIABLE = "_SPARK_AUTH_SECRET";
const JAVA_OPTS = ["SPARK_DAEMON_JAVA_OPTS", "SPARK_MASTER_OPTS", "SPARK_WORKER_OPTS"];

export const sparkRequiresAuthentication: ResourceValidationPolicy = {
    name: "aws-ecs-taskdefinition-spark-require-authentication",
    description: "Spark standalone masters and workers on ECS (SPARK_ROLE master or worker) run with spark.authenticate and a secret from Secrets Manager or SSM.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== "aws:ecs/taskDefinition:TaskDefinition" || typeof args.props.containerDefinitions !== "string") {
            return;
        }
        for (const c of JSON.parse(args.props.containerDefinitions) as any[]) {
            const env: { name: string; value: string }[] = c.environment ?? [];
            const role = env.find(e => e.name === "SPARK_ROLE")?.value;
            if (role !== "master" && role !== "worker") {
                continue;
            }
            const problems: string[] = [];
            if (!env.some(e => JAVA_OPTS.includes(e.name) && /-Dspark\.authenticate=true\b/.test(e.value))) {
                problems.push(`no -Dspark.authenticate=true in ${JAVA_OPTS.join(", ")}`);
            }
            if (env.some(e => e.name === AUTH_SECRET_VARIABLE || /spark\.authenticate\.secret=/.test(e.value))) {
                problems.push("the secret is in clear in the environment");
            } else if (!(c.secrets ?? []).some((s: { name: string }) => s.name === AUTH_SECRET_VARIABLE)) {
                problems.push(`no ${AUTH_SECRET_VARIABLE} container secret`);
            }
            if (problems.length > 0) {
                report(`container ${c.name} (Spark ${role}): ${problems.join("; ")}. Anyone reaching its ports could run code on the`
                    + ` cluster with the task role: set spark.authenticate and give ${AUTH_SECRET_VARIABLE} from Secrets Manager.`);
            }
        }
    },
};

export const exposurePolicies = [ingressRestrictedInProduction, ingressHidesMetrics, sparkPortsFromGroupsOnly, sparkRequiresAuthentication];
