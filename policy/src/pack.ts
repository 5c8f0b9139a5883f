// Every policy of the pack, in one list. index.ts builds the PolicyPack from it; the tests and the offline
// checker (src/check.ts) evaluate these same objects.
import { Policies } from "@pulumi/policy";
import { awsResourcePolicies } from "./aws-resources";
import { exposurePolicies } from "./exposure";
import { kubernetesPolicies } from "./kubernetes";
import { kubernetesOrderingPolicies } from "./kubernetes-ordering";
import { pipelineFlows } from "./network-flows";
import { pipelineTlsOnly } from "./pipeline-tls";
import { securityGroupPolicies } from "./security-groups";
import { taggingPolicies } from "./tagging";

export const packName = "container-platform";

export const policies: Policies = [...securityGroupPolicies, ...taggingPolicies, ...awsResourcePolicies, ...kubernetesPolicies,
    ...kubernetesOrderingPolicies, pipelineFlows, pipelineTlsOnly, ...exposurePolicies];
