import { PlanResource } from "../../src/evaluate";
import { Case, urn } from "./case";

const RDS = "aws:rds/instance:Instance";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const EKS = "aws:eks/cluster:Cluster";
const goodDb = { storageEncrypted: true, publiclyAccessible: false, backupRetentionPeriod: 7, deletionProtection: true };
const goodLt = { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeType: "gp3" } }] };
const goodEks = { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] },
    encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:k" } },
    enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] };
const redirect = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];
const forward = [{ type: "forward", targetGroupArn: "tg" }];

const bucket = (stack: string) => ({ urn: urn(stack, "aws:s3/bucketV2:BucketV2", "data"), type: "aws:s3/bucketV2:BucketV2", custom: true, inputs: {} });
const block = (stack: string, all: boolean) => ({ urn: urn(stack, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-pab"),
    type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", custom: true, dependencies: [bucket(stack).urn],
    inputs: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: all } });
const sse = (stack: string) => ({ urn: urn(stack, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "data-sse"),
    type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", custom: true,
    dependencies: [bucket(stack).urn], inputs: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] } });

const SERVICE = "aws:ecs/service:Service";
const GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const ecsService = (props: Record<string, any>) => ({ urn: urn("dev", SERVICE, "api-service"), type: SERVICE, custom: true, inputs: props });
const deploymentGroup = (rollback: Record<string, any>, of = urn("dev", SERVICE, "api-service")) => ({ urn: urn("dev", GROUP, "api-deploy-group"),
    type: GROUP, custom: true, dependencies: [of], inputs: { autoRollbackConfiguration: rollback } });
const codeDeploy = { deploymentController: { type: "CODE_DEPLOY" } };

export const awsResourceCases: Case[] = [
    { policy: "aws-ecs-service-require-automatic-rollback", name: "rolling with a circuit breaker that rolls back",
        resources: [ecsService({ deploymentCircuitBreaker: { enable: true, rollback: true } })], expect: [] },
    { policy: "aws-ecs-service-require-automatic-rollback", name: "rolling without rollback",
        resources: [ecsService({ deploymentCircuitBreaker: { enable: true, rollback: false } })],
        expect: ["api-service has no deployment circuit breaker with rollback"] },
    { policy: "aws-ecs-service-require-automatic-rollback", name: "CodeDeploy with automatic rollback on failure",
        resources: [ecsService(codeDeploy), deploymentGroup({ enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] })],
        expect: [] },
    { policy: "aws-ecs-service-require-automatic-rollback", name: "CodeDeploy rolling back on alarms only",
        resources: [ecsService(codeDeploy), deploymentGroup({ enabled: true, events: ["DEPLOYMENT_STOP_ON_ALARM"] })],
        expect: ["api-service is deployed by CodeDeploy but no deployment group of it rolls back automatically"] },
    { policy: "aws-ecs-service-require-automatic-rollback", name: "CodeDeploy whose group deploys another service",
        resources: [ecsService(codeDeploy), deploymentGroup({ enabled: true, events: ["DEPLOYMENT_FAILURE"] }, urn("dev", SERVICE, "web-service"))],
        expect: ["no deployment group of it rolls back automatically"] },

    { policy: "aws-rds-instance-require-storage-encryption", name: "encrypted", type: RDS, props: goodDb, expect: [] },
    { policy: "aws-rds-instance-require-storage-encryption", name: "not encrypted", type: RDS, props: { ...goodDb, storageEncrypted: false },
        expect: ["storageEncrypted is not true"] },
    { policy: "aws-rds-instance-disallow-public-access", name: "private", type: RDS, props: goodDb, expect: [] },
    { policy: "aws-rds-instance-disallow-public-access", name: "public", type: RDS, props: { ...goodDb, publiclyAccessible: true },
        expect: ["publiclyAccessible is true"] },
    { policy: "aws-rds-instance-require-backup-retention", name: "7 days", type: RDS, props: goodDb, expect: [] },
    { policy: "aws-rds-instance-require-backup-retention", name: "1 day", type: RDS, props: { ...goodDb, backupRetentionPeriod: 1 },
        expect: ["backupRetentionPeriod is 1 days; set it to at least 7."] },
    { policy: "aws-rds-instance-require-backup-retention", name: "unset", type: RDS, props: { storageEncrypted: true },
        expect: ["backupRetentionPeriod is 0 days"] },
    { policy: "aws-rds-instance-require-deletion-protection-in-production", name: "prod with protection", environment: "prod", type: RDS, props: goodDb, expect: [] },
    { policy: "aws-rds-instance-require-deletion-protection-in-production", name: "dev without protection is fine", environment: "dev", type: RDS,
        props: { ...goodDb, deletionProtection: false }, expect: [] },
    { policy: "aws-rds-instance-require-deletion-protection-in-production", name: "prod without protection", environment: "prod", type: RDS,
        props: { ...goodDb, deletionProtection: false }, expect: ["deletionProtection is not true on a production database"] },
    { policy: "aws-rds-instance-require-deletion-protection-in-production", name: "a stack named prod of environment dev", stack: "prod",
        environment: "dev", type: RDS, props: { ...goodDb, deletionProtection: false }, expect: [] },
    { policy: "aws-rds-instance-require-deletion-protection-in-production", name: "neither an Environment tag nor a config environment", stack: "prod",
        type: RDS, props: { ...goodDb, deletionProtection: false },
        expect: ["cannot tell whether this resource is production's: it has no Environment tag and the policy config sets no environment"] },
    { policy: "aws-rds-instance-require-deletion-protection-in-production", name: "a stack of any name tagged Environment prod", stack: "prod-eu",
        type: RDS, props: { ...goodDb, deletionProtection: false, tags: { Environment: "prod" } }, expect: ["deletionProtection is not true"] },
    { policy: "aws-rds-instance-require-deletion-protection-in-production", name: "config environment prod, tagged Environment staging: the tag decides", environment: "prod",
        type: RDS, props: { ...goodDb, deletionProtection: false, tags: { Environment: "staging" } }, expect: [] },

    { policy: "aws-ec2-launchtemplate-require-imdsv2", name: "IMDSv2 required", type: LT, props: goodLt, expect: [] },
    { policy: "aws-ec2-launchtemplate-require-imdsv2", name: "IMDSv1 allowed", type: LT,
        props: { ...goodLt, metadataOptions: { httpTokens: "optional" } }, expect: ["metadataOptions.httpTokens is not \"required\""] },
    { policy: "aws-ec2-launchtemplate-require-encrypted-volumes", name: "encrypted root", type: LT, props: goodLt, expect: [] },
    { policy: "aws-ec2-launchtemplate-require-encrypted-volumes", name: "unencrypted data volume", type: LT,
        props: { ...goodLt, blockDeviceMappings: [...goodLt.blockDeviceMappings, { deviceName: "/dev/sdb", ebs: { encrypted: "false" } }] },
        expect: ["blockDeviceMappings[1] (/dev/sdb) is not encrypted"] },
    { policy: "aws-ec2-launchtemplate-require-encrypted-volumes", name: "no mappings", type: LT, props: { metadataOptions: goodLt.metadataOptions },
        expect: ["no blockDeviceMappings"] },

    { policy: "aws-lb-loadbalancer-drop-invalid-header-fields", name: "drops", type: "aws:lb/loadBalancer:LoadBalancer",
        props: { loadBalancerType: "application", dropInvalidHeaderFields: true }, expect: [] },
    { policy: "aws-lb-loadbalancer-drop-invalid-header-fields", name: "network load balancers are exempt", type: "aws:lb/loadBalancer:LoadBalancer",
        props: { loadBalancerType: "network" }, expect: [] },
    { policy: "aws-lb-loadbalancer-drop-invalid-header-fields", name: "keeps invalid headers (alb alias type)", type: "aws:alb/loadBalancer:LoadBalancer",
        props: {}, expect: ["dropInvalidHeaderFields is not true"] },
    { policy: "aws-lb-listener-require-https-in-production", name: "prod HTTP redirects", environment: "prod", type: "aws:lb/listener:Listener",
        props: { protocol: "HTTP", port: 80, defaultActions: redirect }, expect: [] },
    { policy: "aws-lb-listener-require-https-in-production", name: "prod HTTPS forwards", environment: "prod", type: "aws:lb/listener:Listener",
        props: { protocol: "HTTPS", port: 443, defaultActions: forward }, expect: [] },
    { policy: "aws-lb-listener-require-https-in-production", name: "dev HTTP forwards", environment: "dev", type: "aws:lb/listener:Listener",
        props: { protocol: "HTTP", port: 80, defaultActions: forward }, expect: [] },
    { policy: "aws-lb-listener-require-https-in-production", name: "prod HTTP forwards", environment: "prod", type: "aws:lb/listener:Listener",
        props: { protocol: "HTTP", port: 80, defaultActions: forward }, expect: ["an HTTP listener forwards traffic in production"] },
    { policy: "aws-lb-listener-require-https-in-production", name: "HTTP forwards in a stack of any name tagged Environment prod", stack: "eu-live",
        type: "aws:lb/listener:Listener", props: { protocol: "HTTP", port: 80, defaultActions: forward, tags: { Environment: "prod" } },
        expect: ["an HTTP listener forwards traffic in production"] },

    { policy: "aws-ecr-repository-require-scan-on-push", name: "scans", type: "aws:ecr/repository:Repository",
        props: { imageScanningConfiguration: { scanOnPush: true } }, expect: [] },
    { policy: "aws-ecr-repository-require-scan-on-push", name: "does not scan", type: "aws:ecr/repository:Repository",
        props: {}, expect: ["scanOnPush is not true"] },
    { policy: "aws-cloudwatch-loggroup-require-retention", name: "7 days", type: "aws:cloudwatch/logGroup:LogGroup",
        props: { retentionInDays: 7 }, expect: [] },
    { policy: "aws-cloudwatch-loggroup-require-retention", name: "forever", type: "aws:cloudwatch/logGroup:LogGroup",
        props: { name: "/x" }, expect: ["retentionInDays is not set"] },

    { policy: "aws-eks-cluster-disallow-public-endpoint-from-internet-in-production", name: "prod restricted", environment: "prod", type: EKS, props: goodEks, expect: [] },
    { policy: "aws-eks-cluster-disallow-public-endpoint-from-internet-in-production", name: "prod private only", environment: "prod", type: EKS,
        props: { vpcConfig: { endpointPublicAccess: false } }, expect: [] },
    { policy: "aws-eks-cluster-disallow-public-endpoint-from-internet-in-production", name: "dev open is allowed", environment: "dev", type: EKS,
        props: { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } }, expect: [] },
    { policy: "aws-eks-cluster-disallow-public-endpoint-from-internet-in-production", name: "prod default is open", environment: "prod", type: EKS,
        props: { vpcConfig: {} }, expect: ["the public API endpoint is open to the internet in production"] },
    { policy: "aws-eks-cluster-require-secrets-encryption", name: "KMS", type: EKS, props: goodEks, expect: [] },
    { policy: "aws-eks-cluster-require-secrets-encryption", name: "none", type: EKS, props: {}, expect: ["encryptionConfig does not encrypt"] },
    { policy: "aws-eks-cluster-require-control-plane-logs", name: "all five", type: EKS, props: goodEks, expect: [] },
    { policy: "aws-eks-cluster-require-control-plane-logs", name: "only api", type: EKS, props: { enabledClusterLogTypes: ["api"] },
        expect: ["enabledClusterLogTypes lacks audit, authenticator, controllerManager, scheduler."] },

    { policy: "aws-s3-bucket-require-encryption-and-public-access-block", name: "blocked and encrypted",
        resources: [bucket("dev"), block("dev", true), sse("dev")], expect: [] },
    { policy: "aws-s3-bucket-require-encryption-and-public-access-block", name: "partial block, no encryption",
        resources: [bucket("dev"), block("dev", false)], expect: ["no BucketPublicAccessBlock with", "no server-side encryption configuration"] },
    { policy: "aws-sns-topic-alarm-topics-use-customer-managed-key", name: "alarm topic with its own key, other topics free",
        resources: alarmStack("arn:aws:kms:us-east-1:123456789012:key/abc", { urn: urn("dev", "aws:sns/topic:Topic", "events"),
            type: "aws:sns/topic:Topic", custom: true, inputs: {} }), expect: [] },
    { policy: "aws-sns-topic-alarm-topics-use-customer-managed-key", name: "alarm topic with the AWS-managed key",
        resources: alarmStack("alias/aws/sns"), expect: ["alarms receives alarms but is encrypted with the AWS-managed alias/aws/sns"] },
    { policy: "aws-sns-topic-alarm-topics-use-customer-managed-key", name: "unencrypted alarm topic",
        resources: alarmStack(undefined), expect: ["alarms receives alarms but is not encrypted"] },
    { policy: "aws-sns-topic-alarm-topics-require-subscription", name: "an alarm topic with an email subscription, another topic without",
        resources: [...alarmStack("k"), subscription(), { urn: urn("dev", "aws:sns/topic:Topic", "events"), type: "aws:sns/topic:Topic",
            custom: true, inputs: {} }], expect: [] },
    { policy: "aws-sns-topic-alarm-topics-require-subscription", name: "a service's alarm topic without subscription",
        resources: serviceAlarms("prod"), stack: "prod",
        expect: ["prod-web-alarms (the alarm topic of prod-web) receives alarms but has no subscription: they reach nobody"] },
    { policy: "aws-sns-topic-alarm-topics-require-subscription", name: "a subscription to another topic does not count",
        resources: [...alarmStack("k"), subscription(urn("dev", "aws:sns/topic:Topic", "events"))],
        expect: ["alarms receives alarms but has no subscription"] },
];

/** An email subscription to the topic {@code of} (by default alarmStack's). */
function subscription(of = urn("dev", "aws:sns/topic:Topic", "alarms")): PlanResource {
    return { urn: urn("dev", "aws:sns/topicSubscription:TopicSubscription", "alarm-email-0"), type: "aws:sns/topicSubscription:TopicSubscription",
        custom: true, dependencies: [of], inputs: { protocol: "email", endpoint: "ops@example.com" } };
}

/** A service component with its alarm topic and one alarm, as the program registers them (no subscription). */
function serviceAlarms(stack: string): PlanResource[] {
    const service = { urn: urn(stack, "containerplatform:ecs:FargateServiceComponent", "prod-web"), type: "containerplatform:ecs:FargateServiceComponent",
        custom: false, inputs: {} };
    const topic = { urn: `urn:pulumi:${stack}::container-platform::pulumi:pulumi:Stack$containerplatform:ecs:FargateServiceComponent$aws:sns/topic:Topic::prod-web-alarms`,
        type: "aws:sns/topic:Topic", custom: true, parent: service.urn, inputs: { kmsMasterKeyId: "k" } };
    const alarm = { urn: `urn:pulumi:${stack}::container-platform::pulumi:pulumi:Stack$containerplatform:ecs:FargateServiceComponent$aws:cloudwatch/metricAlarm:MetricAlarm::prod-web-alb-5xx`,
        type: "aws:cloudwatch/metricAlarm:MetricAlarm", custom: true, parent: service.urn, dependencies: [topic.urn], inputs: {} };
    return [service, topic, alarm];
}

function alarmStack(key: string | undefined, ...more: PlanResource[]): PlanResource[] {
    const topic = { urn: urn("dev", "aws:sns/topic:Topic", "alarms"), type: "aws:sns/topic:Topic", custom: true,
        inputs: key === undefined ? {} : { kmsMasterKeyId: key } };
    const alarm = { urn: urn("dev", "aws:cloudwatch/metricAlarm:MetricAlarm", "cpu"), type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        custom: true, inputs: { alarmActions: ["arn:aws:sns:us-east-1:123456789012:alarms"] }, dependencies: [topic.urn] };
    return [topic, alarm, ...more];
}
