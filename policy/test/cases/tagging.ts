import { Case, TAGS } from "./case";

const policy = "aws-resources-require-platform-tags";

export const taggingCases: Case[] = [
    { policy, name: "VPC with every tag", type: "aws:ec2/vpc:Vpc", props: { tags: { ...TAGS, Name: "vpc" } }, expect: [] },
    { policy, name: "VPC without tags", type: "aws:ec2/vpc:Vpc", props: { cidrBlock: "10.0.0.0/16" },
        expect: ["missing tag(s) Project, Environment, Owner, CostCenter, ManagedBy"] },
    { policy, name: "log group missing Owner and an empty CostCenter", type: "aws:cloudwatch/logGroup:LogGroup",
        props: { tags: { ...TAGS, Owner: undefined, CostCenter: " " } }, expect: ["missing tag(s) Owner, CostCenter"] },
    { policy, name: "Auto Scaling group with list-form tags", type: "aws:autoscaling/group:Group",
        props: { tags: Object.entries(TAGS).map(([key, value]) => ({ key, value, propagateAtLaunch: true })) }, expect: [] },
    { policy, name: "Auto Scaling group missing ManagedBy in its list", type: "aws:autoscaling/group:Group",
        props: { tags: Object.entries(TAGS).filter(([k]) => k !== "ManagedBy").map(([key, value]) => ({ key, value, propagateAtLaunch: true })) },
        expect: ["missing tag(s) ManagedBy"] },
    { policy, name: "types without tags are not taggable", type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
        props: { subnetId: "s", routeTableId: "r" }, expect: [] },
    { policy, name: "Kubernetes resources are out of scope", type: "kubernetes:core/v1:Namespace", props: {}, expect: [] },
    { policy, name: "an AWS type the derived list does not know is reported", type: "aws:future/thing:Thing", props: {},
        expect: ["type aws:future/thing:Thing is not in the derived list of AWS types"] },
    { policy, name: "required keys come from config", type: "aws:ec2/vpc:Vpc", config: { [policy]: { requiredTags: ["Team"] } },
        props: { tags: TAGS }, expect: ["missing tag(s) Team"] },
];
