import { Case } from "./case";

const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const TASK = "aws:ecs/taskDefinition:TaskDefinition";

const paths = (...p: [string, string][]) => p.map(([path, pathType]) => ({ path, pathType, backend: { service: { name: "api", port: { number: 8000 } } } }));
const API_PATHS = paths(["/data", "Prefix"], ["/aggregates", "Exact"], ["/openapi.json", "Exact"], ["/docs", "Prefix"]);
const ingress = (annotations: Record<string, string>, routes = API_PATHS) => ({
    metadata: { name: "api", annotations: { "alb.ingress.kubernetes.io/scheme": "internet-facing", ...annotations } },
    spec: { ingressClassName: "alb", rules: [{ host: "api.example.com", http: { paths: routes } }] },
});
const CIDRS = { "alb.ingress.kubernetes.io/inbound-cidrs": "203.0.113.0/24,198.51.100.0/24" };

const restricted = "kubernetes-ingress-alb-require-inbound-cidrs-or-auth-in-production";
const metrics = "kubernetes-ingress-alb-disallow-metrics-path";
const sparkPorts = "aws-ec2-securitygroup-disallow-cidr-ingress-to-spark-ports";
const sparkAuth = "aws-ecs-taskdefinition-spark-require-authentication";

const tcp = (from: number, to: number, source: Record<string, any>) => ({ description: "d", protocol: "tcp", fromPort: from, toPort: to, ...source });
const SELF = tcp(0, 65535, { self: true });
const CLIENTS = { securityGroups: ["sg-0123456789abcdef0"] };

const container = (role: string, env: Record<string, string>, secrets: string[]) => JSON.stringify([{
    name: `spark-${role}`, image: "spark:3.5.3",
    environment: [{ name: "SPARK_ROLE", value: role }, ...Object.entries(env).map(([name, value]) => ({ name, value }))],
    secrets: secrets.map(name => ({ name, valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:spark-auth" })),
}]);
const AUTH = { SPARK_DAEMON_JAVA_OPTS: "-Dspark.authenticate=true" };

export const exposureCases: Case[] = [
    { policy: restricted, name: "prod API limited to listed ranges", environment: "prod", type: INGRESS, props: ingress(CIDRS), expect: [] },
    { policy: restricted, name: "prod API behind OIDC authentication", environment: "prod", type: INGRESS,
        props: ingress({ "alb.ingress.kubernetes.io/auth-type": "oidc" }), expect: [] },
    { policy: restricted, name: "dev API open to the internet is dev's choice", environment: "dev", type: INGRESS, props: ingress({}), expect: [] },
    { policy: restricted, name: "prod internal ALB (the controller's default scheme)", environment: "prod", type: INGRESS,
        props: { metadata: { annotations: {} }, spec: { ingressClassName: "alb" } }, expect: [] },
    { policy: restricted, name: "prod API with neither ranges nor authentication", environment: "prod", type: INGRESS, props: ingress({}),
        expect: ["the Ingress is open to the whole internet in production (inbound-cidrs: none)"] },
    { policy: restricted, name: "prod API whose ranges include the internet", environment: "prod", type: INGRESS,
        props: ingress({ "alb.ingress.kubernetes.io/inbound-cidrs": "10.0.0.0/8, 0.0.0.0/0" }),
        expect: ["(inbound-cidrs: 10.0.0.0/8,0.0.0.0/0)"] },

    { policy: restricted, name: "a stack of any name whose config environment is prod", stack: "prod-eu", environment: "prod", type: INGRESS,
        props: ingress({}), expect: ["the Ingress is open to the whole internet in production"] },
    { policy: restricted, name: "an untagged Ingress without a config environment (the pack's defaults)", stack: "prod", type: INGRESS,
        props: ingress({}), expect: ["cannot tell whether this resource is production's"] },

    { policy: metrics, name: "only the API's paths", type: INGRESS, props: ingress(CIDRS), expect: [] },
    { policy: metrics, name: "a catch-all and /metrics itself", type: INGRESS,
        props: ingress(CIDRS, paths(["/", "Prefix"], ["/metrics", "Exact"], ["/*", "ImplementationSpecific"], ["/data", "Prefix"])),
        expect: ["rules[0].paths[0] (Prefix /) routes /metrics", "rules[0].paths[1] (Exact /metrics)", "rules[0].paths[2] (ImplementationSpecific /*)"] },

    { policy: sparkPorts, name: "Spark tasks: each other and the clients' groups", type: SG,
        props: { ingress: [SELF, tcp(7077, 7077, CLIENTS), tcp(8080, 8089, CLIENTS)] }, expect: [] },
    { policy: sparkPorts, name: "a web service on 8080 from the VPC is not Spark", type: SG,
        props: { ingress: [tcp(8080, 8080, { cidrBlocks: ["10.0.0.0/16"] })] }, expect: [] },
    { policy: sparkPorts, name: "the old Spark group: master and UIs from the VPC CIDR", type: SG,
        props: { ingress: [tcp(7077, 7077, { cidrBlocks: ["10.0.0.0/16"] }), tcp(8080, 8089, { cidrBlocks: ["10.0.0.0/16"] }), SELF] },
        expect: ["ingress[0]: Spark port(s) 7077 open to 10.0.0.0/16", "ingress[1]: Spark's UIs (8080-8089) open to 10.0.0.0/16"] },
    { policy: sparkPorts, name: "a standalone rule opening the REST submission port", type: RULE,
        props: { description: "d", ipProtocol: "tcp", fromPort: 6066, toPort: 6066, cidrIpv4: "10.0.0.0/8" },
        expect: ["rule: Spark port(s) 6066 open to 10.0.0.0/8"] },

    { policy: sparkAuth, name: "master and worker authenticate with a secret from Secrets Manager", type: TASK,
        props: { containerDefinitions: container("master", AUTH, ["_SPARK_AUTH_SECRET"]) }, expect: [] },
    { policy: sparkAuth, name: "not a Spark daemon", type: TASK,
        props: { containerDefinitions: JSON.stringify([{ name: "web", environment: [{ name: "PORT", value: "80" }] }]) }, expect: [] },
    { policy: sparkAuth, name: "the old worker: no authentication", type: TASK, props: { containerDefinitions: container("worker", {}, []) },
        expect: ["container spark-worker (Spark worker): no -Dspark.authenticate=true in SPARK_DAEMON_JAVA_OPTS, SPARK_MASTER_OPTS, SPARK_WORKER_OPTS; no _SPARK_AUTH_SECRET container secret"] },
    { policy: sparkAuth, name: "the secret in clear", type: TASK,
        props: { containerDefinitions: container("master", { ...AUTH, _SPARK_AUTH_SECRET: "s3cret" }, []) },
        expect: ["container spark-master (Spark master): the secret is in clear in the environment"] },
];
