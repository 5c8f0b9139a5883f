import { Case } from "./case";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const LB = { "containerplatform:role": "load-balancer" };
const web = (port: number, cidrs: string[], v6: string[] = []) =>
    ({ description: "web", protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: cidrs, ipv6CidrBlocks: v6 });

const publicIngress = "aws-ec2-securitygroup-disallow-public-internet-ingress";
const restricted = "aws-ec2-securitygroup-disallow-admin-and-database-ports-from-internet";
const allProtocols = "aws-ec2-securitygroup-disallow-all-protocols-from-public";
const descriptions = "aws-ec2-securitygroup-require-rule-descriptions";

export const securityGroupCases: Case[] = [
    { policy: publicIngress, name: "load balancer group open on 80 and 443 (IPv4 and IPv6)", type: SG,
        props: { tags: LB, ingress: [web(80, ["0.0.0.0/0"], ["::/0"]), web(443, ["0.0.0.0/0"], ["::/0"])] }, expect: [] },
    { policy: publicIngress, name: "private CIDR on any port", type: SG, props: { ingress: [web(8080, ["10.0.0.0/16"])] }, expect: [] },
    { policy: publicIngress, name: "source security group only", type: SG,
        props: { ingress: [{ description: "from alb", protocol: "tcp", fromPort: 80, toPort: 80, securityGroups: ["sg-1"] }] }, expect: [] },
    { policy: publicIngress, name: "non load balancer group open on 80", type: SG, props: { ingress: [web(80, ["0.0.0.0/0"])] },
        expect: ["ingress[0]: port 80 is open to 0.0.0.0/0"] },
    { policy: publicIngress, name: "load balancer group open on 8080", type: SG, props: { tags: LB, ingress: [web(8080, ["0.0.0.0/0"])] },
        expect: ["ingress[0]: port 8080 is open to 0.0.0.0/0"] },
    { policy: publicIngress, name: "IPv6 internet only", type: SG, props: { ingress: [web(443, [], ["::/0"])] },
        expect: ["ingress[0]: port 443 is open to ::/0"] },
    { policy: publicIngress, name: "load balancer range 80-443 is not the 80/443 exception", type: SG,
        props: { tags: LB, ingress: [{ ...web(80, ["0.0.0.0/0"]), toPort: 443 }] }, expect: ["ports 80-443 is open to 0.0.0.0/0"] },
    { policy: publicIngress, name: "standalone SecurityGroupRule never gets the exception", type: RULE,
        props: { type: "ingress", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "https" },
        expect: ["rule: port 443 is open to 0.0.0.0/0"] },
    { policy: publicIngress, name: "egress to the internet is not ingress", type: RULE,
        props: { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "all out" }, expect: [] },
    { policy: publicIngress, name: "tagged standalone ingress rule on 443 for a load balancer", type: INGRESS,
        props: { tags: LB, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0", description: "https" }, expect: [] },
    { policy: publicIngress, name: "untagged standalone ingress rule from ::/0", type: INGRESS,
        props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0", description: "https" }, expect: ["rule: port 443 is open to ::/0"] },

    { policy: restricted, name: "SSH from a private range", type: SG,
        props: { ingress: [{ ...web(22, ["10.0.0.0/8"]), description: "bastion" }] }, expect: [] },
    { policy: restricted, name: "SSH from the internet", type: SG, props: { ingress: [web(22, ["0.0.0.0/0"])] },
        expect: ["ingress[0]: port 22 from 0.0.0.0/0 includes restricted port(s) 22"] },
    { policy: restricted, name: "port range that includes 22 from a public /32", type: SG,
        props: { ingress: [{ ...web(0, ["203.0.113.7/32"]), fromPort: 20, toPort: 25 }] },
        expect: ["ports 20-25 from 203.0.113.7/32 includes restricted port(s) 22"] },
    { policy: restricted, name: "MySQL from IPv6 internet on a standalone rule", type: INGRESS,
        props: { ipProtocol: "tcp", fromPort: 3306, toPort: 3306, cidrIpv6: "::/0", description: "db" },
        expect: ["rule: port 3306 from ::/0 includes restricted port(s) 3306"] },
    { policy: restricted, name: "all ports from the internet include every restricted port", type: RULE,
        props: { type: "ingress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "x" },
        expect: ["all protocols from 0.0.0.0/0 includes restricted port(s) 22, 3389, 3306, 5432, 27017, 5672, 6379"] },
    { policy: restricted, name: "configured port list", type: SG, config: { [restricted]: { ports: [8080] } },
        props: { ingress: [web(22, ["0.0.0.0/0"]), web(8080, ["0.0.0.0/0"])] }, expect: ["ingress[1]: port 8080"] },
    { policy: restricted, name: "RDP from a ULA IPv6 range is private", type: SG,
        props: { ingress: [web(3389, [], ["fd00::/8"])] }, expect: [] },

    { policy: allProtocols, name: "all protocols inside the VPC", type: SG,
        props: { ingress: [{ description: "vpc", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] }] }, expect: [] },
    { policy: allProtocols, name: "all protocols from the internet (IPv6)", type: SG,
        props: { ingress: [{ description: "any", protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }] },
        expect: ["ingress[0]: all protocols are open to ::/0"] },
    { policy: allProtocols, name: "protocol spelled all on a standalone rule from a public range", type: INGRESS,
        props: { ipProtocol: "all", cidrIpv4: "198.51.100.0/24", description: "partner" },
        expect: ["rule: all protocols are open to 198.51.100.0/24"] },

    { policy: descriptions, name: "every rule described", type: SG,
        props: { ingress: [web(80, ["10.0.0.0/8"])], egress: [{ ...web(443, ["0.0.0.0/0"]), description: "https out" }] }, expect: [] },
    { policy: descriptions, name: "inline egress without description", type: SG,
        props: { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] },
        expect: ["egress[0]: egress rule (all protocols) has no description"] },
    { policy: descriptions, name: "blank description on a standalone rule", type: RULE,
        props: { type: "ingress", protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"], description: " " },
        expect: ["rule: ingress rule (port 5432) has no description"] },
    { policy: descriptions, name: "undescribed standalone egress rule", type: EGRESS,
        props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" },
        expect: ["rule: egress rule (port 443) has no description"] },
];
