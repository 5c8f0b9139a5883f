// Encryption, exposure and hygiene rules for the AWS resources the platform creates.
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { isInternet } from "./security-groups";
import { isProduction, environmentSchema } from "./util";

const RDS_INSTANCE = "aws:rds/instance:Instance";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
const LISTENERS = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
const EKS_CLUSTER = "aws:eks/cluster:Cluster";
const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

export const rdsEncrypted: ResourceValidationPolicy = {
    name: "aws-rds-instance-require-storage-encryption",
    description: "RDS instances encrypt their storage.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type === RDS_INSTANCE && args.props.storageEncrypted !== true) {
            report("storageEncrypted is not true. Set storageEncrypted: true (it cannot be turned on later without a snapshot restore).");
        }
    },
};

export const rdsNotPublic: ResourceValidationPolicy = {
    name: "aws-rds-instance-disallow-public-access",
    description: "RDS instances are not publicly accessible.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type === RDS_INSTANCE && args.props.publiclyAccessible === true) {
            report("publiclyAccessible is true. Keep databases in private subnets, reachable from their clients' security groups only.");
        }
    },
};

export const rdsBackups: ResourceValidationPolicy = {
    name: "aws-rds-instance-require-backup-retention",
    description: "RDS instances keep automated backups for at least 7 days.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { minimumDays: { type: "number", default: 7, description: "Fewest days of automated backups." } } },
    validateResource: (args, report) => {
        if (args.type !== RDS_INSTANCE) {
            return;
        }
        const minimum = args.getConfig<{ minimumDays?: number }>().minimumDays ?? 7;
        const days = Number(args.props.backupRetentionPeriod ?? 0);
        if (days < minimum) {
            report(`backupRetentionPeriod is ${days} days; set it to at least ${minimum}.`);
        }
    },
};

export const rdsDeletionProtection: ResourceValidationPolicy = {
    name: "aws-rds-instance-require-deletion-protection-in-production",
    description: "Production RDS instances have deletion protection on.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { ...environmentSchema } },
    validateResource: (args, report) => {
        if (args.type === RDS_INSTANCE && isProduction(args, report) && args.props.deletionProtection !== true) {
            report("deletionProtection is not true on a production database. Set deletionProtection: true (and protect the resource).");
        }
    },
};

export const launchTemplateImdsv2: ResourceValidationPolicy = {
    name: "aws-ec2-launchtemplate-require-imdsv2",
    description: "Launch templates require IMDSv2 (httpTokens: required).",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type === LAUNCH_TEMPLATE && args.props.metadataOptions?.httpTokens !== "required") {
            report("metadataOptions.httpTokens is not \"required\". Require IMDSv2 (and keep httpPutResponseHopLimit at 1 unless containers need more).");
        }
    },
};

export const launchTemplateEncryptedVolumes: ResourceValidationPolicy = {
    name: "aws-ec2-launchtemplate-require-encrypted-volumes",
    description: "Every EBS volume of a launch template is encrypted.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== LAUNCH_TEMPLATE) {
            return;
        }
        const mappings: any[] = args.props.blockDeviceMappings ?? [];
        if (mappings.length === 0) {
            report("no blockDeviceMappings: the root volume would follow the AMI's settings. Declare it with ebs.encrypted: true.");
        }
        mappings.forEach((m, i) => {
            if (m.ebs && String(m.ebs.encrypted) !== "true") {
                report(`blockDeviceMappings[${i}] (${m.deviceName}) is not encrypted. Set ebs.encrypted: true.`);
            }
        });
    },
};

export const albDropInvalidHeaders: ResourceValidationPolicy = {
    name: "aws-lb-loadbalancer-drop-invalid-header-fields",
    description: "Application load balancers drop invalid HTTP header fields (request smuggling defence).",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (LOAD_BALANCERS.includes(args.type) && (args.props.loadBalancerType ?? "application") === "application"
            && args.props.dropInvalidHeaderFields !== true) {
            report("dropInvalidHeaderFields is not true. Set dropInvalidHeaderFields: true.");
        }
    },
};

export const listenerHttpsInProduction: ResourceValidationPolicy = {
    name: "aws-lb-listener-require-https-in-production",
    description: "In production, load balancer listeners serve HTTPS; plain HTTP listeners only redirect to HTTPS.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { ...environmentSchema } },
    validateResource: (args, report) => {
        if (!LISTENERS.includes(args.type) || !isProduction(args, report) || args.props.protocol !== "HTTP") {
            return;
        }
        const actions: any[] = args.props.defaultActions ?? [];
        const redirects = actions.length > 0 && actions.every(a => a.type === "redirect" && a.redirect?.protocol === "HTTPS");
        if (!redirects) {
            report("an HTTP listener forwards traffic in production. Configure a certificate so that port 80 redirects to an HTTPS listener.");
        }
    },
};

export const ecrScanOnPush: ResourceValidationPolicy = {
    name: "aws-ecr-repository-require-scan-on-push",
    description: "ECR repositories scan images on push.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type === "aws:ecr/repository:Repository" && args.props.imageScanningConfiguration?.scanOnPush !== true) {
            report("imageScanningConfiguration.scanOnPush is not true. Turn it on to see image CVEs before they run.");
        }
    },
};

export const logGroupRetention: ResourceValidationPolicy = {
    name: "aws-cloudwatch-loggroup-require-retention",
    description: "CloudWatch log groups have a retention period (they never expire otherwise).",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type === "aws:cloudwatch/logGroup:LogGroup" && !(Number(args.props.retentionInDays) > 0)) {
            report("retentionInDays is not set: logs would be kept (and billed) forever. Set a retention.");
        }
    },
};

export const eksPublicEndpoint: ResourceValidationPolicy = {
    name: "aws-eks-cluster-disallow-public-endpoint-from-internet-in-production",
    description: "In production, the EKS public API endpoint is off or restricted to known CIDRs (not 0.0.0.0/0).",
    enforcementLevel: "mandatory",
    configSchema: { properties: { ...environmentSchema } },
    validateResource: (args, report) => {
        if (args.type !== EKS_CLUSTER || !isProduction(args, report)) {
            return;
        }
        const vpc = args.props.vpcConfig ?? {};
        const publicAccess = vpc.endpointPublicAccess ?? true;
        const cidrs: string[] = vpc.publicAccessCidrs ?? ["0.0.0.0/0"];
        if (publicAccess && cidrs.some(isInternet)) {
            report("the public API endpoint is open to the internet in production. Set endpointPublicAccess: false or list publicAccessCidrs.");
        }
    },
};

export const eksSecretsEncryption: ResourceValidationPolicy = {
    name: "aws-eks-cluster-require-secrets-encryption",
    description: "EKS clusters encrypt Kubernetes secrets with a KMS key.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== EKS_CLUSTER) {
            return;
        }
        const config = args.props.encryptionConfig;
        if (!config || !(config.resources ?? []).includes("secrets") || !config.provider?.keyArn) {
            report("encryptionConfig does not encrypt \"secrets\" with a KMS key. Add encryptionConfig {resources: [secrets], provider.keyArn}.");
        }
    },
};

export const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export const eksControlPlaneLogs: ResourceValidationPolicy = {
    name: "aws-eks-cluster-require-control-plane-logs",
    description: "EKS clusters send api, audit, authenticator, controllerManager and scheduler logs to CloudWatch.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== EKS_CLUSTER) {
            return;
        }
        const enabled: string[] = args.props.enabledClusterLogTypes ?? [];
        const missing = EKS_LOG_TYPES.filter(t => !enabled.includes(t));
        if (missing.length > 0) {
            report(`enabledClusterLogTypes lacks ${missing.join(", ")}.`);
        }
    },
};

/** Buckets are encrypted (explicit SSE configuration) and have a full public access block, found across resources. */
export const s3EncryptionAndPublicAccess: StackValidationPolicy = {
    name: "aws-s3-bucket-require-encryption-and-public-access-block",
    description: "Every S3 bucket has a server-side encryption configuration and a public access block with all four settings on.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const buckets = args.resources.filter(r => BUCKETS.includes(r.type));
        for (const bucket of buckets) {
            const refersTo = (r: { dependencies: { urn: string }[] }) => r.dependencies.some(d => d.urn === bucket.urn);
            const blocks = args.resources.filter(r => r.type === "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock" && refersTo(r));
            const full = blocks.some(b => ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]
                .every(k => b.props[k] === true));
            if (!full) {
                report("no BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.", bucket.urn);
            }
            const encrypted = bucket.props.serverSideEncryptionConfiguration !== undefined || args.resources.some(r =>
                r.type.startsWith("aws:s3/bucketServerSideEncryptionConfiguration") && refersTo(r));
            if (!encrypted) {
                report("no server-side encryption configuration (BucketServerSideEncryptionConfigurationV2, KMS or AES256).", bucket.urn);
            }
        }
    },
};

export const alarmTopicsCustomerManagedKey: StackValidationPolicy = {
    name: "aws-sns-topic-alarm-topics-use-customer-managed-key",
    description: "An SNS topic that CloudWatch alarms notify is encrypted with a customer-managed KMS key (CloudWatch cannot use alias/aws/sns).",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        for (const topic of alarmTopics(args.resources)) {
            const key = topic.props.kmsMasterKeyId;
            if (typeof key !== "string" || key.startsWith("alias/aws/")) {
                report(`${topic.name} receives alarms but is ${key ? `encrypted with the AWS-managed ${key}, which CloudWatch cannot use: `
                    + "its notifications are dropped" : "not encrypted"}. Encrypt it with a customer-managed key whose policy lets `
                    + "cloudwatch.amazonaws.com use kms:Decrypt and kms:GenerateDataKey*.", topic.urn);
            }
        }
    },
};

/** The SNS topics CloudWatch alarms notify (found through the alarms' dependencies). */
function alarmTopics(resources: PolicyResource[]): PolicyResource[] {
    const topics = new Set<string>();
    for (const alarm of resources.filter(r => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm")) {
        alarm.dependencies.filter(d => d.type === "aws:sns/topic:Topic").forEach(t => topics.add(t.urn));
    }
    return resources.filter(r => topics.has(r.urn));
}

export const alarmTopicsSubscribed: StackValidationPolicy = {
    name: "aws-sns-topic-alarm-topics-require-subscription",
    description: "An SNS topic that CloudWatch alarms notify has at least one subscription: otherwise the alarms reach nobody. "
        + "Mandatory by default and in prod's pack config, advisory in dev's.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const subscriptions = args.resources.filter(r => r.type === "aws:sns/topicSubscription:TopicSubscription");
        for (const topic of alarmTopics(args.resources)) {
            if (!subscriptions.some(s => s.dependencies.some(d => d.urn === topic.urn))) {
                // a component's children are named <component>-<role>: the service's topic is <service>-alarms
                const service = /[:$]containerplatform:[^:$]+:[^:$]+\$aws:sns\/topic:Topic::/.test(topic.urn) && topic.name.endsWith("-alarms")
                    ? topic.name.slice(0, -"-alarms".length) : undefined;
                const owner = service ? ` (the alarm topic of ${service})` : "";
                report(`${topic.name}${owner} receives alarms but has no subscription: they reach nobody. Subscribe an email or an HTTPS `
                    + "endpoint: container-platform:alerts (emails, webhooks) for the stack, or the service's alarmEmails or alarmWebhooks.",
                    topic.urn);
            }
        }
    },
};

export const ecsAutomaticRollback: StackValidationPolicy = {
    name: "aws-ecs-service-require-automatic-rollback",
    description: "An ECS service rolls a failed deployment back by itself: a circuit breaker with rollback (ECS deployments), "
        + "or a CodeDeploy deployment group with automatic rollback on failure (CODE_DEPLOY deployments).",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        for (const service of args.resources.filter(r => r.type === "aws:ecs/service:Service")) {
            const controller = service.props.deploymentController?.type ?? "ECS";
            if (controller === "CODE_DEPLOY") {
                const rollsBack = args.resources.some(r => r.type === "aws:codedeploy/deploymentGroup:DeploymentGroup"
                    && r.dependencies.some(d => d.urn === service.urn)
                    && r.props.autoRollbackConfiguration?.enabled === true
                    && (r.props.autoRollbackConfiguration?.events ?? []).includes("DEPLOYMENT_FAILURE"));
                if (!rollsBack) {
                    report(`${service.name} is deployed by CodeDeploy but no deployment group of it rolls back automatically. Give its `
                        + "deployment group autoRollbackConfiguration { enabled: true, events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM] }.",
                        service.urn);
                }
            } else if (controller === "ECS") {
                const breaker = service.props.deploymentCircuitBreaker;
                if (breaker?.enable !== true || breaker?.rollback !== true) {
                    report(`${service.name} has no deployment circuit breaker with rollback: a deployment whose tasks never become `
                        + "healthy keeps retrying. Set deploymentCircuitBreaker { enable: true, rollback: true }.", service.urn);
                }
            }
        }
    },
};

export const awsResourcePolicies = [rdsEncrypted, rdsNotPublic, rdsBackups, rdsDeletionProtection, launchTemplateImdsv2,
    launchTemplateEncryptedVolumes, albDropInvalidHeaders, listenerHttpsInProduction, ecrScanOnPush, logGroupRetention,
    eksPublicEndpoint, eksSecretsEncryption, eksControlPlaneLogs, s3EncryptionAndPublicAccess, alarmTopicsCustomerManagedKey,
    alarmTopicsSubscribed, ecsAutomaticRollback];
