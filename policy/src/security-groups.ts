// Security-group policies. One shared function normalises the rules of every type that expresses them
// (inline rules of SecurityGroup, SecurityGroupRule, VpcSecurityGroupIngressRule/EgressRule), so each
// policy checks a concern once, across all of them.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { tagsOf } from "./util";

export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

/** Tag that marks a load balancer's security group (and its standalone ingress rules). */
export const ROLE_TAG = "containerplatform:role";
export const LOAD_BALANCER_ROLE = "load-balancer";

/** Ports never reachable from the internet: SSH, RDP, MySQL, PostgreSQL, MongoDB, AMQP, Redis. */
export const DEFAULT_RESTRICTED_PORTS = [22, 3389, 3306, 5432, 27017, 5672, 6379];

export interface Rule {
    direction: "ingress" | "egress";
    protocol: string;
    fromPort: number;
    toPort: number;
    cidrs: string[];
    description?: string;
    /** The group (or standalone rule) is tagged as a load balancer's. */
    loadBalancer: boolean;
    /** Where the rule is, for messages: "ingress[0]" or "rule". */
    where: string;
}

/** Every rule a resource of one of the four types expresses; empty for other types. */
export function rulesOf(type: string, props: Record<string, any>): Rule[] {
    const loadBalancer = tagsOf(props)?.[ROLE_TAG] === LOAD_BALANCER_ROLE;
    const cidrs = (v4?: string[] | string, v6?: string[] | string) =>
        [...asList(v4), ...asList(v6)];
    const ports = (protocol: string, from: any, to: any) =>
        isAllProtocols(protocol) ? { fromPort: 0, toPort: 65535 } : { fromPort: Number(from ?? 0), toPort: Number(to ?? from ?? 0) };
    switch (type) {
        case SECURITY_GROUP: {
            const inline = (direction: "ingress" | "egress") => (props[direction] ?? []).map((r: any, i: number) => ({
                direction, protocol: String(r.protocol), ...ports(String(r.protocol), r.fromPort, r.toPort),
                cidrs: cidrs(r.cidrBlocks, r.ipv6CidrBlocks), description: r.description, loadBalancer,
                where: `${direction}[${i}]`,
            }));
            return [...inline("ingress"), ...inline("egress")];
        }
        case SECURITY_GROUP_RULE:
            return [{
                direction: props.type === "egress" ? "egress" : "ingress", protocol: String(props.protocol),
                ...ports(String(props.protocol), props.fromPort, props.toPort),
                cidrs: cidrs(props.cidrBlocks, props.ipv6CidrBlocks), description: props.description,
                loadBalancer: false, where: "rule",
            }];
        case INGRESS_RULE:
        case EGRESS_RULE:
            return [{
                direction: type === INGRESS_RULE ? "ingress" : "egress", protocol: String(props.ipProtocol),
                ...ports(String(props.ipProtocol), props.fromPort, props.toPort),
                cidrs: cidrs(props.cidrIpv4, props.cidrIpv6), description: props.description, loadBalancer,
                where: "rule",
            }];
        default:
            return [];
    }
}

function asList(value?: string[] | string): string[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

export function isAllProtocols(protocol: string): boolean {
    return protocol === "-1" || protocol.toLowerCase() === "all";
}

/** The whole internet: 0.0.0.0/0 or ::/0 (any address with prefix 0). */
export function isInternet(cidr: string): boolean {
    return /\/0$/.test(cidr.trim());
}

/** A range that is not private (RFC 1918, CGNAT, loopback, link-local, IPv6 ULA/link-local). */
export function isPublicRange(cidr: string): boolean {
    const c = cidr.trim().toLowerCase();
    if (isInternet(c)) {
        return true;
    }
    if (c.includes(":")) {
        return !(/^f[cd][0-9a-f]{2}:/.test(c) || /^fe[89ab][0-9a-f]:/.test(c) || c.startsWith("::1/"));
    }
    const [a, b] = c.split(".").map(Number);
    const privateRange = a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
        || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254);
    return !privateRange;
}

function portsText(rule: Rule): string {
    if (isAllProtocols(rule.protocol)) {
        return "all protocols";
    }
    return rule.fromPort === rule.toPort ? `port ${rule.fromPort}` : `ports ${rule.fromPort}-${rule.toPort}`;
}

function check(args: { type: string; props: Record<string, any> }, report: (message: string) => void,
               test: (rule: Rule) => string | undefined) {
    for (const rule of rulesOf(args.type, args.props)) {
        const problem = test(rule);
        if (problem) {
            report(`${rule.where}: ${problem}`);
        }
    }
}

export const disallowPublicIngress: ResourceValidationPolicy = {
    name: "aws-ec2-securitygroup-disallow-public-internet-ingress",
    description: "No ingress from 0.0.0.0/0 or ::/0, except ports 80 and 443 on load-balancer security groups.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => check(args, report, rule => {
        const internet = rule.cidrs.filter(isInternet);
        if (rule.direction !== "ingress" || internet.length === 0) {
            return undefined;
        }
        const webOnly = !isAllProtocols(rule.protocol) && rule.fromPort === rule.toPort && [80, 443].includes(rule.fromPort);
        if (rule.loadBalancer && webOnly) {
            return undefined;
        }
        return `${portsText(rule)} is open to ${internet.join(", ")}. Only load balancers (tag ${ROLE_TAG}=${LOAD_BALANCER_ROLE}, `
            + "inline rules or SecurityGroupIngressRule) may accept 80/443 from the internet; reach everything else "
            + "through the load balancer's security group or a private CIDR.";
    }),
};

export const disallowRestrictedPortsFromInternet: ResourceValidationPolicy = {
    name: "aws-ec2-securitygroup-disallow-admin-and-database-ports-from-internet",
    description: "SSH, RDP and database/broker ports are never reachable from a public range.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            ports: { type: "array", items: { type: "number" }, default: DEFAULT_RESTRICTED_PORTS, description: "Ports never open to public ranges." },
        },
    },
    validateResource: (args, report) => {
        const ports = args.getConfig<{ ports?: number[] }>().ports ?? DEFAULT_RESTRICTED_PORTS;
        check(args, report, rule => {
            const publicRanges = rule.cidrs.filter(isPublicRange);
            if (rule.direction !== "ingress" || publicRanges.length === 0) {
                return undefined;
            }
            const hit = ports.filter(p => p >= rule.fromPort && p <= rule.toPort);
            return hit.length === 0 ? undefined
                : `${portsText(rule)} from ${publicRanges.join(", ")} includes restricted port(s) ${hit.join(", ")}. `
                + "Use SSM Session Manager instead of SSH/RDP, and reach databases only from their clients' security groups.";
        });
    },
};

export const disallowAllProtocolsFromPublic: ResourceValidationPolicy = {
    name: "aws-ec2-securitygroup-disallow-all-protocols-from-public",
    description: "No all-protocol (-1) ingress from a public range.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => check(args, report, rule => {
        const publicRanges = rule.cidrs.filter(isPublicRange);
        return rule.direction === "ingress" && isAllProtocols(rule.protocol) && publicRanges.length > 0
            ? `all protocols are open to ${publicRanges.join(", ")}. Allow only the protocol and ports the service needs.`
            : undefined;
    }),
};

export const requireRuleDescriptions: ResourceValidationPolicy = {
    name: "aws-ec2-securitygroup-require-rule-descriptions",
    description: "Every security-group rule, ingress or egress, inline or standalone, has a description.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => check(args, report, rule =>
        rule.description && String(rule.description).trim() !== "" ? undefined
            : `${rule.direction} rule (${portsText(rule)}) has no description. Say who needs it and why.`),
};

export const securityGroupPolicies = [disallowPublicIngress, disallowRestrictedPortsFromInternet, disallowAllProtocolsFromPublic, requireRuleDescriptions];
