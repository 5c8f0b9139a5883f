package io.containerplatform.config;

import io.containerplatform.components.common.LogRetention;
import io.containerplatform.components.network.NatGatewayMode;
import io.containerplatform.components.network.NetworkArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StackConfigTest {

    private static final String CIDR_ALLOWED = "allowed: IPv4 CIDR, prefix /16 to /24, no host bits";
    private static final String NETWORK_KEYS = "allowed keys: azCount, cidr, flowLogRetentionDays, flowLogs, natGateways, vpcEndpoints";

    /** A valid dev config; each bad case changes one key. */
    static Map<String, String> valid() {
        var values = new HashMap<String, String>();
        values.put("environment", "dev");
        values.put("owner", "platform-team");
        values.put("costCenter", "cc-1");
        values.put("network", "{\"cidr\":\"10.0.0.0/16\",\"azCount\":2,\"natGateways\":\"single\"}");
        return values;
    }

    static Map<String, String> with(String key, String value) {
        var values = valid();
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return values;
    }

    /** A valid config with one fargate service "web" and {@code extra} keys of it (each starting with a comma). */
    static Map<String, String> fargate(String extra) {
        return with("services", "{\"web\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\"" + extra + "}}");
    }

    /** A valid config with one fargate service "web" and the top-level {@code key} set to {@code value}. */
    static Map<String, String> fargateWith(String key, String value) {
        var values = fargate("");
        values.put(key, value);
        return values;
    }

    /** A valid config with one ec2 service "app" and {@code extra} keys of it. */
    static Map<String, String> ec2(String extra) {
        return with("services", "{\"app\":{\"kind\":\"ec2\",\"image\":\"nginx:1.27\"" + extra + "}}");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                arguments("missing environment", with("environment", null), "environment: missing; allowed: dev, staging, prod"),
                arguments("unknown environment", with("environment", "production"), "environment: \"production\" is not a known value; allowed: dev, staging, prod"),
                arguments("missing owner", with("owner", null), "owner: missing; allowed: the owning team, a string of at most 256 characters"),
                arguments("blank owner", with("owner", "  "), "owner: is empty; allowed: the owning team, a string of at most 256 characters"),
                arguments("missing costCenter", with("costCenter", null), "costCenter: missing; allowed: the cost center, a string of at most 256 characters"),
                arguments("network not an object", with("network", "[1,2]"), "network: [1,2] is not an object; allowed: an object of keys and values"),
                arguments("network not JSON", with("network", "{cidr: "), "network: \"{cidr: \" is not an object; allowed: an object of keys and values"),
                arguments("malformed CIDR", with("network", "{\"cidr\":\"10.0.0/16\"}"), "network.cidr: \"10.0.0/16\" is not a valid IPv4 CIDR block; " + CIDR_ALLOWED),
                arguments("CIDR octet over 255", with("network", "{\"cidr\":\"10.300.0.0/16\"}"), "network.cidr: \"10.300.0.0/16\" is not a valid IPv4 CIDR block; " + CIDR_ALLOWED),
                arguments("CIDR with host bits", with("network", "{\"cidr\":\"10.0.0.1/16\"}"), "network.cidr: \"10.0.0.1/16\" is not a valid IPv4 CIDR block; " + CIDR_ALLOWED),
                arguments("CIDR too large", with("network", "{\"cidr\":\"10.0.0.0/8\"}"), "network.cidr: \"10.0.0.0/8\" has prefix /8; " + CIDR_ALLOWED),
                arguments("CIDR too small", with("network", "{\"cidr\":\"10.0.0.0/28\"}"), "network.cidr: \"10.0.0.0/28\" has prefix /28; " + CIDR_ALLOWED),
                arguments("CIDR not a string", with("network", "{\"cidr\":10}"), "network.cidr: 10 is a number, not text: write it quoted, \"10\"; " + CIDR_ALLOWED),
                arguments("azCount too low", with("network", "{\"azCount\":1}"), "network.azCount: 1 is out of range; allowed: 2 to 6"),
                arguments("azCount too high", with("network", "{\"azCount\":7}"), "network.azCount: 7 is out of range; allowed: 2 to 6"),
                arguments("azCount a string", with("network", "{\"azCount\":\"two\"}"), "network.azCount: \"two\" is not an integer; allowed: 2 to 6"),
                arguments("azCount fractional", with("network", "{\"azCount\":2.5}"), "network.azCount: 2.5 is not a whole number; allowed: 2 to 6"),
                arguments("unknown NAT mode", with("network", "{\"natGateways\":\"multi\"}"), "network.natGateways: \"multi\" is not allowed; allowed: one of none, single, perAz"),
                arguments("NAT mode wrong case", with("network", "{\"natGateways\":\"PerAz\"}"), "network.natGateways: \"PerAz\" is not allowed; allowed: one of none, single, perAz"),
                arguments("flowLogs a string", with("network", "{\"flowLogs\":\"yes\"}"), "network.flowLogs: \"yes\" is not a boolean; allowed: true or false"),
                arguments("retention not accepted", with("network", "{\"flowLogRetentionDays\":10}"), "network.flowLogRetentionDays: 10 is not a CloudWatch Logs retention; allowed: " + LogRetention.ALLOWED),
                arguments("retention negative", with("network", "{\"flowLogRetentionDays\":-1}"), "network.flowLogRetentionDays: -1 is not a CloudWatch Logs retention; allowed: " + LogRetention.ALLOWED),
                arguments("vpcEndpoints a number", with("network", "{\"vpcEndpoints\":1}"), "network.vpcEndpoints: 1 is not a boolean; allowed: true or false"),
                arguments("unknown network key", with("network", "{\"cidrBlock\":\"10.0.0.0/16\"}"), "network.cidrBlock: unknown key; " + NETWORK_KEYS),
                arguments("unknown top-level key", with("netwrok", "{}"), "netwrok: unknown key; allowed keys: alertWebhookUrl, alerts, asg, cost, costCenter, database, eks, environment, fargate, grafanaAdminPassword, loadBalancer, mongodbPassword, mongodbPreviousReplicaSetKey, mongodbReplicaSetKey, network, owner, pipeline, rabbitmqErlangCookie, rabbitmqPassword, services, sparkEcs, tags"),
                arguments("tags not a map", with("tags", "[\"a\"]"), "tags: [\"a\"] is not a map; allowed: a map of tag keys (1-128 characters, not aws:*, not Project/Environment/Owner/CostCenter/ManagedBy) to values (at most 256 characters)"),
                arguments("tag value a list", with("tags", "{\"Lists\":[1]}"), "tags.Lists: [1] is not a string; allowed: a map of tag keys (1-128 characters, not aws:*, not Project/Environment/Owner/CostCenter/ManagedBy) to values (at most 256 characters)"),
                arguments("tag value not a string", with("tags", "{\"Team\":5}"), "tags.Team: 5 is a number, not text: write it quoted, \"5\"; allowed: a map of tag keys (1-128 characters, not aws:*, not Project/Environment/Owner/CostCenter/ManagedBy) to values (at most 256 characters)"),
                arguments("tag redefines a required one", with("tags", "{\"Owner\":\"x\"}"), "tags.Owner: tag key \"Owner\" is set by the platform itself; allowed: a map of tag keys (1-128 characters, not aws:*, not Project/Environment/Owner/CostCenter/ManagedBy) to values (at most 256 characters)"),
                arguments("reserved aws: tag", with("tags", "{\"aws:team\":\"x\"}"), "tags.aws:team: tag key \"aws:team\" uses the reserved aws: prefix; allowed: a map of tag keys (1-128 characters, not aws:*, not Project/Environment/Owner/CostCenter/ManagedBy) to values (at most 256 characters)"),
                arguments("Fargate invalid cpu/memory pair", fargate(",\"cpu\":256,\"memory\":4096"), "services.web.memory: 4096 is not valid with cpu 256; allowed: for cpu 256 one of 512, 1024, 2048"),
                arguments("Fargate unknown cpu", fargate(",\"cpu\":300"), "services.web.cpu: 300 is not a Fargate cpu size; allowed: one of 256, 512, 1024, 2048, 4096, 8192, 16384"),
                arguments("Fargate min above max", fargate(",\"minCount\":5,\"maxCount\":2,\"desiredCount\":2"), "services.web.minCount: 5 is greater than maxCount 2; allowed: minCount <= maxCount"),
                arguments("Fargate desired above max, min not set", fargate(",\"maxCount\":3,\"desiredCount\":5"), "services.web.desiredCount: 5 is greater than maxCount 3 (minCount, not set, is desiredCount); allowed: desiredCount <= maxCount"),
                arguments("Fargate min above desired, max not set", fargate(",\"minCount\":4,\"desiredCount\":2"), "services.web.minCount: 4 is greater than desiredCount 2 (maxCount, not set, is desiredCount); allowed: minCount <= desiredCount"),
                arguments("Fargate desired outside range", fargate(",\"minCount\":2,\"maxCount\":4,\"desiredCount\":6"), "services.web.desiredCount: 6 is outside minCount..maxCount (2..4); allowed: minCount <= desiredCount <= maxCount"),
                arguments("service bad port", fargate(",\"port\":70000"), "services.web.port: 70000 is out of range; allowed: 1 to 65535"),
                arguments("Fargate spot share over 100", fargate(",\"spot\":150"), "services.web.spot: 150 is out of range; allowed: 0 to 100"),
                arguments("Fargate unknown architecture", fargate(",\"architecture\":\"arm64\""), "services.web.architecture: \"arm64\" is not allowed; allowed: one of X86_64, ARM64"),
                arguments("service without image", with("services", "{\"web\":{\"kind\":\"fargate\"}}"), "services.web.image: missing; allowed: an image pinned to a version tag or digest (not latest), or :<tag> of the service's ECR repository"),
                arguments("service with the latest image", with("services", "{\"web\":{\"kind\":\"fargate\",\"image\":\"nginx:latest\"}}"), "services.web.image: \"nginx:latest\" uses the latest tag; pin a version tag or a digest so rollbacks are possible; allowed: an image pinned to a version tag or digest (not latest), or :<tag> of the service's ECR repository"),
                arguments("service without kind", with("services", "{\"web\":{\"image\":\"nginx:1.27\"}}"), "services.web.kind: missing; allowed: ec2, fargate"),
                arguments("service of an unknown kind", with("services", "{\"web\":{\"kind\":\"lambda\",\"image\":\"nginx:1.27\"}}"), "services.web.kind: \"lambda\" is not a known value; allowed: ec2, fargate"),
                arguments("service health path", fargate(",\"healthCheckPath\":\"health\""), "services.web.healthCheckPath: \"health\" does not start with /; allowed: a path starting with /"),
                arguments("Fargate unknown key", fargate(",\"memroy\":512"), "services.web.memroy: unknown key; allowed keys: alarmEmails, alarmWebhooks, architecture, cpu, cpuTargetPercent, desiredCount, environment, healthCheckPath, hosts, image, kind, logRetentionDays, maxCount, memory, memoryTargetPercent, minCount, paths, permissions, port, rollout, schedules, secrets, spot"),
                arguments("an ec2 key on a fargate service", fargate(",\"instanceType\":\"t3.small\""), "services.web.instanceType: unknown key; allowed keys: alarmEmails, alarmWebhooks, architecture, cpu, cpuTargetPercent, desiredCount, environment, healthCheckPath, hosts, image, kind, logRetentionDays, maxCount, memory, memoryTargetPercent, minCount, paths, permissions, port, rollout, schedules, secrets, spot"),
                arguments("service name not DNS-safe", with("services", "{\"Web_1\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\"}}"), "services.Web_1: \"Web_1\" is not a DNS-safe name of at most 20 characters; allowed: 1 to 20 characters of a-z, 0-9 and -, starting and ending with a letter or digit"),
                arguments("services not an object", with("services", "[\"web\"]"), "services: [\"web\"] is not an object; allowed: an object of keys and values"),
                arguments("two default routes", with("services", "{\"a\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\"},\"b\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\"}}"), "services: a and b have neither paths nor hosts; allowed: at most one service without paths and hosts (the default route of the load balancer)"),
                arguments("a path claimed twice", with("services", "{\"a\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\",\"paths\":[\"/x\"]},\"b\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\",\"paths\":[\"/x\",\"/y\"]}}"), "services: a and b both claim [/x]; allowed: each path and host routed to one service"),
                arguments("too many paths and hosts", fargate(",\"paths\":[\"/a\",\"/b\",\"/c\",\"/d\"],\"hosts\":[\"a.example.com\",\"b.example.com\"]"), "services.web.paths: 6 paths and hosts; allowed: path patterns starting with /; at most 5 paths and hosts in all"),
                arguments("a secret no service names", with("webDbPassword", "\"s3cret\""), "webDbPassword: unknown key; allowed keys: alertWebhookUrl, alerts, asg, cost, costCenter, database, eks, environment, fargate, grafanaAdminPassword, loadBalancer, mongodbPassword, mongodbPreviousReplicaSetKey, mongodbReplicaSetKey, network, owner, pipeline, rabbitmqErlangCookie, rabbitmqPassword, services, sparkEcs, tags; or a secret key a service's secrets name, and no service's secrets name webDbPassword (services: none): a secret left by a removed service? pulumi config rm container-platform:webDbPassword"),
                arguments("a secret left by a removed service", fargateWith("apiToken", "s3cret"), "apiToken: unknown key; allowed keys: alertWebhookUrl, alerts, asg, cost, costCenter, database, eks, environment, fargate, grafanaAdminPassword, loadBalancer, mongodbPassword, mongodbPreviousReplicaSetKey, mongodbReplicaSetKey, network, owner, pipeline, rabbitmqErlangCookie, rabbitmqPassword, services, sparkEcs, tags; or a secret key a service's secrets name, and no service's secrets name apiToken (services: web): a secret left by a removed service? pulumi config rm container-platform:apiToken"),
                arguments("paths given as one string", fargate(",\"paths\":\"/api\""), "services.web.paths: \"/api\" is not a list; allowed: a list of path patterns starting with /; at most 5 paths and hosts in all"),
                arguments("a path that is not a pattern", fargate(",\"paths\":[\"api\"]"), "services.web.paths[0]: \"api\" is not a path pattern; allowed: path patterns starting with /; at most 5 paths and hosts in all"),
                arguments("a host that is not a host name", fargate(",\"hosts\":[\"API!\"]"), "services.web.hosts[0]: \"API!\" is not a host name; allowed: lower-case host names, optionally *.; at most 5 paths and hosts in all"),
                arguments("an environment variable name", fargate(",\"environment\":{\"1X\":\"a\"}"), "services.web.environment.1X: \"1X\" is not a variable name; allowed: variable names ([A-Za-z_][A-Za-z0-9_]*) to values"),
                arguments("a secret from nowhere", fargate(",\"secrets\":{\"TOKEN\":\"nope\"}"), "services.web.secrets.TOKEN: \"nope\" is neither an ARN nor a key of this stack's config; allowed: a Secrets Manager secret or SSM parameter ARN, or the name of a secret key of this stack's config (pulumi config set --secret <key>)"),
                arguments("secrets on an ec2 service", ec2(",\"secrets\":{\"TOKEN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:t\"}"), "services.app.secrets: set on an ec2 service; allowed: secrets on fargate services (ec2 instances read only their database's secret)"),
                arguments("a policy that is not an ARN", fargate(",\"permissions\":{\"managedPolicyArns\":[\"S3ReadOnly\"]}"), "services.web.permissions.managedPolicyArns[0]: \"S3ReadOnly\" is not an IAM policy ARN; allowed: IAM managed policy ARNs"),
                arguments("a statement without actions", fargate(",\"permissions\":{\"statements\":[{\"Resource\":[\"*\"]}]}"), "services.web.permissions.statements[0].Action: missing; allowed: IAM actions such as s3:GetObject or sqs:*, at least one"),
                arguments("a schedule with a bad cron", ec2(",\"schedules\":[{\"name\":\"am\",\"cron\":\"0 9 * *\",\"minCapacity\":1,\"maxCapacity\":2}]"), "services.app.schedules[0].cron: \"0 9 * *\" is not five fields (minute hour day-of-month month day-of-week); allowed: five crontab fields: minute hour day-of-month month day-of-week, e.g. 0 9 * * MON-FRI"),
                arguments("a schedule in no time zone", ec2(",\"schedules\":[{\"name\":\"am\",\"cron\":\"0 9 * * 1-5\",\"timeZone\":\"Paris\"}]"), "services.app.schedules[0].timeZone: \"Paris\" is not an IANA time zone such as Europe/Paris or UTC; allowed: an IANA time zone such as Europe/Paris"),
                arguments("a schedule with min above max", ec2(",\"schedules\":[{\"name\":\"am\",\"cron\":\"0 9 * * 1-5\",\"minCapacity\":5,\"maxCapacity\":2}]"), "services.app.schedules[0].maxCapacity: 2 is less than minCapacity 5; allowed: minCapacity or more"),
                arguments("schedules without autoscaling", fargate(",\"schedules\":[{\"name\":\"am\",\"cron\":\"0 9 * * 1-5\",\"minCapacity\":1,\"maxCapacity\":2}]"), "services.web.schedules: set without autoscaling (minCount 2, maxCount 2); allowed: needs autoscaling (maxCount above minCount); capacities up to 1000"),
                arguments("an unknown rollout strategy", fargate(",\"paths\":[\"/api/*\"],\"rollout\":{\"strategy\":\"canary\"}"), "services.web.rollout.strategy: \"canary\" is not a known value; allowed: blueGreen, rolling"),
                arguments("blue/green on an ec2 service", ec2(",\"rollout\":{\"strategy\":\"blueGreen\"}"), "services.app.rollout.strategy: blueGreen on an ec2 service; allowed: rolling for ec2 services (an instance refresh); blueGreen for fargate services"),
                arguments("blue/green on the default route", fargate(",\"rollout\":{\"strategy\":\"blueGreen\"}"), "services.web.rollout.strategy: blueGreen on a service without paths or hosts; allowed: blueGreen on a service routed by paths or hosts (CodeDeploy shifts its listener rule)"),
                arguments("an unknown traffic shift", fargate(",\"paths\":[\"/api/*\"],\"rollout\":{\"strategy\":\"blueGreen\",\"trafficShift\":\"halfAndHalf\"}"), "services.web.rollout.trafficShift: \"halfAndHalf\" is not allowed; allowed: one of allAtOnce, canary10Percent5Minutes, canary10Percent15Minutes, linear10PercentEvery1Minutes, linear10PercentEvery3Minutes"),
                arguments("a wait longer than CodeDeploy's", fargate(",\"paths\":[\"/api/*\"],\"rollout\":{\"strategy\":\"blueGreen\",\"terminateBlueAfterMinutes\":3000}"), "services.web.rollout.terminateBlueAfterMinutes: 3000 is out of range; allowed: 0 to 2880"),
                arguments("a traffic shift on a rolling service", fargate(",\"rollout\":{\"trafficShift\":\"allAtOnce\"}"), "services.web.rollout.trafficShift: unknown key; allowed keys: strategy"),
                arguments("two schedules of one name", ec2(",\"schedules\":[{\"name\":\"am\",\"cron\":\"0 9 * * 1-5\"},{\"name\":\"am\",\"cron\":\"0 17 * * 1-5\"}]"), "services.app.schedules: \"am\" is named twice; allowed: a unique name per schedule"),
                arguments("EC2 min above max", ec2(",\"minSize\":4,\"maxSize\":2"), "services.app.minSize: 4 is greater than maxSize 2; allowed: minSize <= desiredCapacity <= maxSize"),
                arguments("EC2 desired outside range", ec2(",\"minSize\":2,\"maxSize\":4,\"desiredCapacity\":5"), "services.app.desiredCapacity: 5 is outside minSize..maxSize (2..4); allowed: minSize <= desiredCapacity <= maxSize"),
                arguments("EC2 scale-down not below scale-up", ec2(",\"scaleUpCpuPercent\":60,\"scaleDownCpuPercent\":60"), "services.app.scaleDownCpuPercent: 60 is not below scaleUpCpuPercent 60; allowed: 0 to 99, below scaleUpCpuPercent"),
                arguments("a stock image that cannot pass its health check", ec2(",\"healthCheckPath\":\"/students\",\"paths\":[\"/students\"]"), "services.app.healthCheckPath: \"/students\" is not served by the stock image nginx:1.27: it answers 404 there, so every target stays unhealthy; allowed: a path the image serves (/, /index.html, /50x.html), or an image that serves /students"),
                arguments("alerts not an object", with("alerts", "[\"ops@example.com\"]"), "alerts: [\"ops@example.com\"] is not an object; allowed: an object of keys and values"),
                arguments("an alert email that is none", with("alerts", "{\"emails\":[\"oncall\"]}"), "alerts.emails[0]: \"oncall\" is not an email address; allowed: email addresses"),
                arguments("alert emails not a list", with("alerts", "{\"emails\":\"ops@example.com\"}"), "alerts.emails: \"ops@example.com\" is not a list; allowed: a list of email addresses"),
                arguments("an alert webhook in plain HTTP", with("alerts", "{\"webhooks\":[\"http://hooks.example.com/sns\"]}"), "alerts.webhooks[0]: \"http://hooks.example.com/sns\" is not an HTTPS URL; allowed: HTTPS URLs"),
                arguments("an alert webhook listed twice", with("alerts", "{\"webhooks\":[\"https://h.example.com/a\",\"https://h.example.com/a\"]}"), "alerts.webhooks[1]: \"https://h.example.com/a\" is listed twice; allowed: each value once"),
                arguments("an unknown alert destination", with("alerts", "{\"slack\":\"#ops\"}"), "alerts.slack: unknown key; allowed keys: emails, webhooks"),
                arguments("a service webhook that is no URL", fargate(",\"alarmWebhooks\":[\"hooks.example.com\"]"), "services.web.alarmWebhooks[0]: \"hooks.example.com\" is not an HTTPS URL; allowed: HTTPS URLs"),
                arguments("a Prometheus volume too small", with("pipeline", "{\"prometheusStorageGb\":5}"), "pipeline.prometheusStorageGb: 5 is out of range; allowed: 10 to 16384"),
                arguments("service invalid email", ec2(",\"alarmEmails\":[\"ops@example.com\",\"oncall\"]"), "services.app.alarmEmails[1]: \"oncall\" is not an email address; allowed: email addresses"),
                arguments("service emails not a list", ec2(",\"alarmEmails\":\"ops@example.com\""), "services.app.alarmEmails: \"ops@example.com\" is not a list; allowed: a list of email addresses"),
                arguments("EC2 bad instance type", ec2(",\"instanceType\":\"large\""), "services.app.instanceType: \"large\" is not an EC2 instance type; allowed: an EC2 instance type"),
                arguments("EC2 cooldown too long", ec2(",\"cooldownSeconds\":7200"), "services.app.cooldownSeconds: 7200 is out of range; allowed: 0 to 3600"),
                arguments("database backups out of range", ec2(",\"database\":{\"backupRetentionDays\":40}"), "services.app.database.backupRetentionDays: 40 is out of range; allowed: 1 to 35"),
                arguments("database bad class", ec2(",\"database\":{\"instanceClass\":\"t3.micro\"}"), "services.app.database.instanceClass: \"t3.micro\" is not an RDS instance class; allowed: db.<family>.<size>, such as db.t4g.micro"),
                arguments("database old engine", ec2(",\"database\":{\"engineVersion\":\"5.7\"}"), "services.app.database.engineVersion: \"5.7\" is not a supported MySQL version; allowed: 8.0 or 8.4, optionally with a minor (8.0.39)"),
                arguments("database storage ceiling below size", ec2(",\"database\":{\"allocatedStorageGb\":100,\"maxAllocatedStorageGb\":50}"), "services.app.database.maxAllocatedStorageGb: 50 is below allocatedStorageGb 100; allowed: 20 to 65536, at least allocatedStorageGb"),
                arguments("a database on a fargate service", fargate(",\"database\":{}"), "services.web.database: unknown key; allowed keys: alarmEmails, alarmWebhooks, architecture, cpu, cpuTargetPercent, desiredCount, environment, healthCheckPath, hosts, image, kind, logRetentionDays, maxCount, memory, memoryTargetPercent, minCount, paths, permissions, port, rollout, schedules, secrets, spot"),
                arguments("access logs kept too long", with("loadBalancer", "{\"accessLogsRetentionDays\":5000}"), "loadBalancer.accessLogsRetentionDays: 5000 is out of range; allowed: an integer from 1 to 3650"),
                arguments("load balancer bad certificate", with("loadBalancer", "{\"certificateArn\":\"arn:aws:iam::1:cert\"}"), "loadBalancer.certificateArn: \"arn:aws:iam::1:cert\" is not an ACM certificate ARN; allowed: an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>"),
                arguments("the old fargate key", with("fargate", "{\"enabled\":true}"), "fargate: was replaced by container-platform:services; allowed: name the service under container-platform:services with kind: fargate and its keys there (containerPort is now port, certificateArn moved to container-platform:loadBalancer) (README, \"Moving to services\")"),
                arguments("the old asg key", with("asg", "{\"enabled\":true}"), "asg: was replaced by container-platform:services; allowed: name the service under container-platform:services with kind: ec2 and its keys there (appPort is now port, certificateArn moved to container-platform:loadBalancer) (README, \"Moving to services\")"),
                arguments("the old database key", with("database", "{\"enabled\":true}"), "database: was replaced by container-platform:services; allowed: move it under the ec2 service it belongs to, as services.<name>.database (without enabled) (README, \"Moving to services\")"),
                arguments("Spark ECS min above max", with("sparkEcs", "{\"minSize\":3,\"maxSize\":1}"), "sparkEcs.maxSize: 1 is below minSize 3; allowed: 1 to 100, at least minSize"),
                arguments("Spark ECS no workers", with("sparkEcs", "{\"workerCount\":0}"), "sparkEcs.workerCount: 0 is out of range; allowed: 1 to 100"),
                arguments("Spark ECS client not a group", with("sparkEcs", "{\"clientSecurityGroupIds\":[\"sg-12345678\",\"10.0.0.0/16\"]}"), "sparkEcs.clientSecurityGroupIds[1]: \"10.0.0.0/16\" is not a security group id; allowed: security group ids (sg- and 8 or 17 hexadecimal digits)"),
                arguments("Spark ECS worker memory", with("sparkEcs", "{\"workerMemory\":256}"), "sparkEcs.workerMemory: 256 is out of range; allowed: 512 to 122880"),
                arguments("Spark ECS enabled without image", with("sparkEcs", "{\"enabled\":true}"), "sparkEcs.image: missing; allowed: an image pinned to a version tag or digest (not latest), or :<tag> of the stack's spark repository"),
                arguments("budget not a number", with("cost", "{\"monthlyBudget\":\"lots\"}"), "cost.monthlyBudget: \"lots\" is not a number; allowed: a number from 1 to 10000000"),
                arguments("budget below one dollar", with("cost", "{\"monthlyBudget\":0.5}"), "cost.monthlyBudget: 0.5 is out of range; allowed: a number from 1 to 10000000"),
                arguments("assumption out of range", with("cost", "{\"assumptions\":{\"fargateSpotDiscount\":2}}"), "cost.assumptions.fargateSpotDiscount: 2 is out of range; allowed: a number from 0 to 0.95"),
                arguments("unknown assumption", with("cost", "{\"assumptions\":{\"natGb\":5}}"), "cost.assumptions.natGb: unknown key; allowed keys: "
                        + String.join(", ", new java.util.TreeSet<>(UsageAssumption.byKey().keySet()))),
                arguments("unknown cost key", with("cost", "{\"budget\":5}"), "cost.budget: unknown key; allowed keys: assumptions, monthlyBudget"),
                arguments("Spark ECS unknown key", with("sparkEcs", "{\"workers\":2}"), "sparkEcs.workers: unknown key; allowed keys: clientSecurityGroupIds, enabled, image, instanceType, maxSize, minSize, workerCount, workerCpu, workerMemory"),
                arguments("EKS unsupported version", with("eks", "{\"version\":\"1.21\"}"), "eks.version: \"1.21\" is not allowed; allowed: one of 1.32, 1.33, 1.34, 1.35"),
                arguments("EKS version released but without a ChartVersions row", with("eks", "{\"version\":\"1.36\"}"), "eks.version: \"1.36\" is not allowed; allowed: one of 1.32, 1.33, 1.34, 1.35"),
                arguments("EKS bad public CIDR", with("eks", "{\"publicAccessCidrs\":[\"10.0.0.0/33\"]}"), "eks.publicAccessCidrs[0]: \"10.0.0.0/33\" is not a valid IPv4 CIDR block; allowed: IPv4 CIDR blocks, not 0.0.0.0/0 in production"),
                arguments("EKS backups kept too long", with("eks", "{\"backup\":{\"retentionDays\":40000}}"), "eks.backup.retentionDays: 40000 is out of range; allowed: 1 to 36500"),
                arguments("EKS backups copied nowhere", with("eks", "{\"backup\":{\"copyToRegion\":\"Ireland\"}}"), "eks.backup.copyToRegion: \"Ireland\" is not an AWS region; allowed: an AWS region such as eu-west-1, other than the stack's"),
                arguments("a key given twice", fargate(",\"port\":80,\"port\":8080"), "services.web.port: given twice; allowed: each key once"),
                arguments("a path listed twice", fargate(",\"paths\":[\"/a/*\",\"/b\",\"/a/*\"]"), "services.web.paths[2]: \"/a/*\" is listed twice; allowed: each value once"),
                arguments("EKS creating Kubernetes' own namespace", with("eks", "{\"enabled\":true,\"namespaces\":[\"spark\",\"kube-system\"]}"), "eks.namespaces: \"kube-system\" is created by Kubernetes; allowed: namespaces no other component creates (taken: default, kube-system, kube-public, kube-node-lease, spark)"),
                arguments("EKS namespace listed twice", with("eks", "{\"namespaces\":[\"spark\",\"spark\"]}"), "eks.namespaces[1]: \"spark\" is listed twice; allowed: each value once"),
                arguments("EKS bad admin ARN", with("eks", "{\"adminPrincipalArns\":[\"alice\"]}"), "eks.adminPrincipalArns[0]: \"alice\" is not an IAM role or user ARN; allowed: IAM role or user ARNs"),
                arguments("EKS node group min above max", with("eks", "{\"nodeGroups\":[{\"name\":\"a\",\"minSize\":4,\"maxSize\":2}]}"), "eks.nodeGroups[0].minSize: 4 is greater than maxSize 2; allowed: 0 to 450, at most desiredSize and maxSize"),
                arguments("EKS node group desired outside", with("eks", "{\"nodeGroups\":[{\"name\":\"a\",\"minSize\":1,\"maxSize\":3,\"desiredSize\":5}]}"), "eks.nodeGroups[0].desiredSize: 5 is outside minSize..maxSize (1..3); allowed: minSize to maxSize"),
                arguments("EKS node group without instance types", with("eks", "{\"nodeGroups\":[{\"name\":\"a\",\"instanceTypes\":[]}]}"), "eks.nodeGroups[0].instanceTypes: is empty; allowed: at least one EC2 instance type"),
                arguments("EKS node group capacity type", with("eks", "{\"nodeGroups\":[{\"name\":\"a\",\"capacityType\":\"spot\"}]}"), "eks.nodeGroups[0].capacityType: \"spot\" is not allowed; allowed: one of ON_DEMAND, SPOT"),
                arguments("EKS node group unknown key", with("eks", "{\"nodeGroups\":[{\"name\":\"a\",\"size\":3}]}"), "eks.nodeGroups[0].size: unknown key; allowed keys: capacityType, desiredSize, diskSizeGb, instanceTypes, labels, maxSize, minSize, name, perZone, taints"),
                arguments("EKS stateful node group over every zone", with("eks", "{\"nodeGroups\":[{\"name\":\"a\",\"labels\":{\"platform.containerplatform.io/stateful\":\"true\"}}]}"),
                        "eks.nodeGroups[0].perZone: is false but the group is labelled platform.containerplatform.io/stateful=true: a group over several"
                                + " zones cannot be scaled into the zone of a pod's EBS volume; allowed: true for a stateful group"),
                arguments("EKS perZone not a boolean", with("eks", "{\"nodeGroups\":[{\"name\":\"a\",\"perZone\":\"yes\"}]}"),
                        "eks.nodeGroups[0].perZone: \"yes\" is not a boolean; allowed: true or false"),
                arguments("EKS node group not an object", with("eks", "{\"nodeGroups\":[\"general\"]}"), "eks.nodeGroups[0]: \"general\" is not an object; allowed: an object of keys and values"),
                arguments("EKS duplicate node groups", with("eks", "{\"nodeGroups\":[{\"name\":\"a\"},{\"name\":\"a\"}]}"), "eks.nodeGroups: \"a\" is named twice; allowed: at least one; names unique"),
                arguments("EKS bad namespace", with("eks", "{\"namespaces\":[\"Data_Processing\"]}"), "eks.namespaces[0]: \"Data_Processing\" is not a Kubernetes name; allowed: at least one Kubernetes name (a-z, 0-9, -)"),
                arguments("pipeline even MongoDB replicas", with("pipeline", "{\"mongodbReplicas\":2}"), "pipeline.mongodbReplicas: 2 is even (a replica set needs a majority); allowed: an odd number: 1, 3, 5, 7 (at least 3 in prod)"),
                arguments("pipeline min above max", with("pipeline", "{\"minReplicas\":5,\"maxReplicas\":2}"), "pipeline.maxReplicas: 2 is below minReplicas 5; allowed: 1 to 100, at least minReplicas"),
                arguments("pipeline latest image", with("pipeline", "{\"sparkImage\":\"spark:latest\"}"), "pipeline.sparkImage: \"spark:latest\" uses the latest tag; pin a version tag or a digest so rollbacks are possible; allowed: an image pinned to a version tag or digest (not latest), or :<tag> of the stack's processor repository"),
                arguments("pipeline TLS from a Kubernetes Secret", with("pipeline", "{\"tlsSecretName\":\"t\"}"), "pipeline.tlsSecretName: no longer read: the AWS Load Balancer Controller serves only ACM certificates (it reads no Kubernetes TLS Secret, so neither a Secret nor the in-cluster cert-manager can serve the API); allowed: apiHostedZoneId (the platform requests and validates an ACM certificate for apiHost and creates its DNS record) or apiCertificateArn (an issued ACM certificate)"),
                arguments("pipeline TLS from cert-manager", with("pipeline", "{\"certIssuer\":\"i\"}"), "pipeline.certIssuer: no longer read: the AWS Load Balancer Controller serves only ACM certificates (it reads no Kubernetes TLS Secret, so neither a Secret nor the in-cluster cert-manager can serve the API); allowed: apiHostedZoneId (the platform requests and validates an ACM certificate for apiHost and creates its DNS record) or apiCertificateArn (an issued ACM certificate)"),
                arguments("pipeline bad hosted zone", with("pipeline", "{\"apiHostedZoneId\":\"example.com\"}"), "pipeline.apiHostedZoneId: \"example.com\" is not a Route 53 hosted zone id; allowed: a hosted zone id (Z and up to 31 upper-case letters and digits) whose domain holds apiHost"),
                arguments("pipeline host too long for ACM", with("pipeline", "{\"apiHost\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com\",\"apiHostedZoneId\":\"Z123\"}"), "pipeline.apiHost: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com\" has 72 characters, and ACM certifies a first domain name of at most 64 (give apiCertificateArn for a certificate naming a shorter one too); allowed: a DNS host name such as api.example.com (at most 64 characters when the platform requests its certificate)"),
                arguments("pipeline bad certificate", with("pipeline", "{\"apiCertificateArn\":\"arn:aws:acm:us-east-1:1:cert\"}"), "pipeline.apiCertificateArn: \"arn:aws:acm:us-east-1:1:cert\" is not an ACM certificate ARN; allowed: an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)"),
                arguments("pipeline bad allowed CIDR", with("pipeline", "{\"apiAllowedCidrs\":[\"10.0.0.0/40\"]}"), "pipeline.apiAllowedCidrs[0]: \"10.0.0.0/40\" is not a valid IPv4 CIDR block; allowed: IPv4 CIDR blocks; in production at least one, and not 0.0.0.0/0"),
                arguments("pipeline bad namespace", with("pipeline", "{\"namespace\":\"Data\"}"), "pipeline.namespace: \"Data\" is not a Kubernetes name; allowed: a Kubernetes name (a-z, 0-9, -)"),
                arguments("tag value too long", with("tags", "{\"Team\":\"" + "x".repeat(257) + "\"}"), "tags.Team: the value of \"Team\" is 257 characters long; allowed: a map of tag keys (1-128 characters, not aws:*, not Project/Environment/Owner/CostCenter/ManagedBy) to values (at most 256 characters)")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingTheKeyTheValueAndWhatIsAllowed(String description, Map<String, String> values, String message) {
        var error = catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class);
        assertThat(error).describedAs("no error for: " + description).isNotNull();
        assertThat(error.errors()).containsExactly(message);
    }

    @Test
    void aCertificateOfAnotherRegionThanAwsRegionIsAnErrorNamingBoth() {
        var elsewhere = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b";
        var values = with("loadBalancer", "{\"certificateArn\":\"" + elsewhere + "\"}");
        values.put("pipeline", "{\"apiCertificateArn\":\"" + elsewhere.replace("us-east-1", "eu-west-3") + "\"}");
        var error = catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values, Map.of("aws:region", "eu-west-3"))), ConfigException.class);
        assertThat(error.errors()).containsExactly("loadBalancer.certificateArn: \"" + elsewhere + "\" is a certificate of us-east-1, and a load"
                + " balancer serves only certificates of its own region (aws:region eu-west-3); allowed: an ACM certificate ARN in eu-west-3");
        values.put("pipeline", "{\"apiCertificateArn\":\"" + elsewhere + "\"}");
        assertThat(StackConfig.load(ConfigSource.of(values, Map.of("aws:region", "us-east-1"))).loadBalancer().certificateArn()).contains(elsewhere);
    }

    @Test
    void aServiceNamedWithNothingUnderItIsReportedLikeAnEmptyOne() {
        var error = catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(with("services", "{\"web\":null}"))), ConfigException.class);
        assertThat(error.errors()).containsExactly("services.web.kind: missing; allowed: ec2, fargate",
                "services.web.image: missing; allowed: an image pinned to a version tag or digest (not latest), or :<tag> of the service's ECR repository");
    }

    @Test
    void anEnabledPipelineNeedsEksAndItsFiveSecretsNamingEachKey() {
        var error = catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(with("pipeline",
                "{\"enabled\":true,\"sparkImage\":\"s:1\",\"apiImage\":\"a:1\",\"apiHost\":\"api.example.com\"}"))), ConfigException.class);
        assertThat(error.errors()).containsExactly(
                "pipeline.enabled: true without eks.enabled; allowed: the pipeline only on the EKS platform (eks.enabled: true)",
                "rabbitmqPassword: missing; allowed: a secret: pulumi config set --secret container-platform:rabbitmqPassword <value>",
                "rabbitmqErlangCookie: missing; allowed: a secret: pulumi config set --secret container-platform:rabbitmqErlangCookie <value>",
                "mongodbPassword: missing; allowed: a secret: pulumi config set --secret container-platform:mongodbPassword <value>",
                "mongodbReplicaSetKey: missing; allowed: a secret: pulumi config set --secret container-platform:mongodbReplicaSetKey <value>",
                "grafanaAdminPassword: missing; allowed: a secret: pulumi config set --secret container-platform:grafanaAdminPassword <value>");
    }

    @Test
    void thePipelineCannotTakeANamespaceAnotherComponentCreates() {
        var values = with("eks", "{\"enabled\":true,\"namespaces\":[\"spark\",\"data\"]}");
        values.put("pipeline", "{\"enabled\":true,\"namespace\":\"monitoring\",\"sparkImage\":\"s:1\",\"apiImage\":\"a:1\",\"apiHost\":\"api.example.com\"}");
        PipelineConfig.SECRET_KEYS.forEach(key -> values.put(key, "secret"));
        var taken = "default, kube-system, kube-public, kube-node-lease, monitoring, keda";
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "pipeline.namespace: \"monitoring\" is created by the pipeline's monitoring stack; allowed: a namespace no other component creates (taken: " + taken + ")");
        values.put("pipeline", values.get("pipeline").replace("\"monitoring\"", "\"data\""));
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "eks.namespaces: \"data\" is created by pipeline.namespace; allowed: namespaces no other component creates (taken: " + taken + ", data, spark)");
        values.put("pipeline", values.get("pipeline").replace("\"data\"", "\"pipeline\""));
        assertThat(StackConfig.load(ConfigSource.of(values)).pipeline().namespace()).isEqualTo("pipeline");
    }

    @Test
    void prodNeedsAtLeastThreeMongoDbMembers() {
        var values = with("environment", "prod");
        values.put("pipeline", "{\"mongodbReplicas\":1}");
        var error = catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class);
        assertThat(error.errors()).containsExactly("pipeline.mongodbReplicas: 1 cannot survive losing a member in production; "
                + "allowed: an odd number: 1, 3, 5, 7 (at least 3 in prod)");
    }

    @Test
    void prodRefusesServicesWhoseAlarmsWouldReachNobodyNamingEach() {
        var values = with("environment", "prod");
        values.put("services", "{\"web\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\"},"
                + "\"app\":{\"kind\":\"ec2\",\"image\":\"nginx:1.27\",\"paths\":[\"/app\"],\"alarmEmails\":[\"app@example.com\"]},"
                + "\"api\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\",\"paths\":[\"/api\"]}}");
        var allowed = "; allowed: in prod, alerts.emails or alerts.webhooks for every alarm topic of the stack, or the service's own"
                + " alarmEmails or alarmWebhooks";
        var nobody = ": its alarms would reach nobody (no alarmEmails or alarmWebhooks, and container-platform:alerts names no one)";
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors())
                .containsExactly("services.api" + nobody + allowed, "services.web" + nobody + allowed);
        values.put("alerts", "{\"emails\":[]}");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).hasSize(2);
        values.put("alerts", "{\"emails\":[\"oncall\"]}");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors())
                .describedAs("a destination in error is not also reported as missing")
                .containsExactly("alerts.emails[0]: \"oncall\" is not an email address; allowed: email addresses");
        values.put("alerts", "[]");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors())
                .containsExactly("alerts: [] is not an object; allowed: an object of keys and values");
        values.put("environment", "dev");
        values.remove("alerts");
        assertThat(StackConfig.load(ConfigSource.of(values)).services().services()).hasSize(3);
    }

    @Test
    void aServiceThatNamesNoOneTakesTheStacksAlertDestination() {
        var values = with("environment", "prod");
        values.put("alerts", "{\"emails\":[\"oncall@example.com\"],\"webhooks\":[\"https://events.example.com/sns\"]}");
        values.put("services", "{\"web\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\"},"
                + "\"app\":{\"kind\":\"ec2\",\"image\":\"nginx:1.27\",\"paths\":[\"/app\"],\"alarmWebhooks\":[\"https://app.example.com/sns\"]}}");
        var config = StackConfig.load(ConfigSource.of(values));
        assertThat(config.alerts().emails()).containsExactly("oncall@example.com");
        var app = config.services().services().get(0).ec2().orElseThrow();
        assertThat(app.alarmEmails()).isEmpty();
        assertThat(app.alarmWebhooks()).containsExactly("https://app.example.com/sns");
        var web = config.services().services().get(1).fargate().orElseThrow();
        assertThat(web.alarmEmails()).containsExactly("oncall@example.com");
        assertThat(web.alarmWebhooks()).containsExactly("https://events.example.com/sns");
    }

    @Test
    void alertmanagerNotifiesTheStacksAlertDestinationTheRetiredWebhookKeyIsAnErrorAndProdRefusesNobody() {
        var values = with("environment", "prod");
        values.put("eks", "{\"enabled\":true,\"nodeGroups\":[{\"name\":\"system\",\"minSize\":1,\"maxSize\":4},"
                + STATEFUL_GROUP + "]}");
        values.put("pipeline", "{\"enabled\":true,\"sparkImage\":\"s:1\",\"apiImage\":\"a:1\",\"apiHost\":\"api.example.com\","
                + "\"apiHostedZoneId\":\"Z123\",\"apiAllowedCidrs\":[\"203.0.113.0/24\"]}");
        PipelineConfig.SECRET_KEYS.forEach(key -> values.put(key, "secret"));
        values.put("alerts", "{\"emails\":[\"oncall@example.com\"]}");
        assertThat(StackConfig.load(ConfigSource.of(values)).alerts().emails()).containsExactly("oncall@example.com");
        values.put(PipelineConfig.ALERT_WEBHOOK_KEY, "https://alerts.example.com/hook");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "alertWebhookUrl: no longer read: Alertmanager publishes the cluster's alerts to an SNS topic subscribed to"
                        + " container-platform:alerts, like every alarm topic of the stack; allowed: alerts.webhooks (pulumi config set"
                        + " --secret --path 'container-platform:alerts.webhooks[0]' https://...) or alerts.emails, then pulumi config rm"
                        + " container-platform:alertWebhookUrl");
        values.remove(PipelineConfig.ALERT_WEBHOOK_KEY);
        values.put("alerts", "{\"emails\":[]}");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "alerts: names no one, and the pipeline's Alertmanager publishes only to it: in prod the cluster's alerts would notify"
                        + " nobody; allowed: in prod with the pipeline, at least one of alerts.emails or alerts.webhooks");
        values.put("environment", "dev");
        assertThat(StackConfig.load(ConfigSource.of(values)).alerts().isEmpty()).describedAs("dev keeps its alerts in Alertmanager").isTrue();
    }

    /** An on-demand group per zone for RabbitMQ and MongoDB, two nodes in each of the config's two zones. */
    static final String STATEFUL_GROUP = "{\"name\":\"stateful\",\"minSize\":2,\"maxSize\":3,\"perZone\":true,"
            + "\"labels\":{\"" + io.containerplatform.components.eks.EksPlatformComponent.STATEFUL_LABEL + "\":\"true\"}}";

    @Test
    void prodRunsEachStatefulPodOnANodeOfItsOwnInTheStatefulGroups() {
        var values = with("environment", "prod");
        values.put("eks", "{\"enabled\":true,\"nodeGroups\":[{\"name\":\"system\",\"minSize\":3,\"maxSize\":4},"
                + "{\"name\":\"spot\",\"capacityType\":\"SPOT\",\"minSize\":5,\"maxSize\":10}]}");
        values.put("pipeline", "{\"enabled\":true,\"sparkImage\":\"s:1\",\"apiImage\":\"a:1\",\"apiHost\":\"api.example.com\",\"mongodbReplicas\":3,"
                + "\"apiHostedZoneId\":\"Z123\",\"apiAllowedCidrs\":[\"203.0.113.0/24\"]}");
        PipelineConfig.SECRET_KEYS.forEach(key -> values.put(key, "secret"));
        values.put("alerts", "{\"emails\":[\"oncall@example.com\"]}");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "eks.nodeGroups: no group is labelled platform.containerplatform.io/stateful=\"true\", and in prod the pipeline's RabbitMQ"
                        + " and MongoDB run only on such nodes; allowed: an ON_DEMAND group with perZone: true and labels"
                        + " platform.containerplatform.io/stateful: \"true\" (as Pulumi.prod.yaml's stateful group)");
        values.put("eks", values.get("eks").replace("]}", "," + STATEFUL_GROUP.replace("\"minSize\":2", "\"minSize\":1") + "]}"));
        var allowed = "; allowed: at most the stateful groups' minSize times network.azCount; or raise a stateful group's minSize";
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "pipeline.rabbitmqReplicas: 3 needs 3 stateful nodes (one each in prod), but the stateful node groups keep only 2"
                        + " (minSize 1 per zone, 2 zones)" + allowed,
                "pipeline.mongodbReplicas: 3 needs 3 stateful nodes (one each in prod), but the stateful node groups keep only 2"
                        + " (minSize 1 per zone, 2 zones)" + allowed);
        values.put("eks", values.get("eks").replace("\"minSize\":1,\"maxSize\":3", "\"minSize\":2,\"maxSize\":3"));
        assertThat(StackConfig.load(ConfigSource.of(values)).pipeline().settings().mongodbReplicas()).isEqualTo(3);
        // elsewhere the pods only prefer the stateful nodes and a node of their own: dev's two nodes run three members
        values.put("environment", "dev");
        values.put("eks", "{\"enabled\":true,\"nodeGroups\":[{\"name\":\"system\",\"minSize\":1,\"maxSize\":4}]}");
        assertThat(StackConfig.load(ConfigSource.of(values)).pipeline().settings().mongodbReplicas()).isEqualTo(3);
        // but never on Spot, in any environment
        values.put("eks", values.get("eks").replace("\"name\":\"system\"", "\"name\":\"system\",\"capacityType\":\"SPOT\""));
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "eks.nodeGroups: every group is SPOT, and the pipeline's RabbitMQ and MongoDB never run on Spot capacity (a reclaimed node"
                        + " would take a member and its quorum with it); allowed: at least one ON_DEMAND group with the pipeline");
    }

    @Test
    void prodRefusesAPipelineApiInPlainHttpOrOpenToTheInternet() {
        var values = with("environment", "prod");
        values.put("eks", "{\"enabled\":true,\"nodeGroups\":[{\"name\":\"system\",\"minSize\":1,\"maxSize\":4},"
                + STATEFUL_GROUP + "]}");
        PipelineConfig.SECRET_KEYS.forEach(key -> values.put(key, "secret"));
        values.put("alerts", "{\"emails\":[\"oncall@example.com\"]}");
        var pipeline = "{\"enabled\":true,\"sparkImage\":\"s:1\",\"apiImage\":\"a:1\",\"apiHost\":\"api.example.com\"%s}";
        values.put("pipeline", pipeline.formatted(""));
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "pipeline.apiHostedZoneId: missing in production, and so is apiCertificateArn: the API would serve plain HTTP; allowed: a hosted"
                        + " zone id (Z and up to 31 upper-case letters and digits) whose domain holds apiHost",
                "pipeline.apiAllowedCidrs: empty in production: the API would be open to the whole internet; allowed: IPv4 CIDR blocks; in"
                        + " production at least one, and not 0.0.0.0/0");
        values.put("pipeline", pipeline.formatted(",\"apiCertificateArn\":\"arn:aws:acm:us-east-1:123456789012:certificate/0a1b\","
                + "\"apiAllowedCidrs\":[\"0.0.0.0/0\"]"));
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "pipeline.apiAllowedCidrs: 0.0.0.0/0 opens the API to the whole internet in production; allowed: IPv4 CIDR blocks; in"
                        + " production at least one, and not 0.0.0.0/0");
        values.put("pipeline", pipeline.formatted(",\"apiHostedZoneId\":\"Z123\",\"apiAllowedCidrs\":[\"203.0.113.0/24\"]"));
        assertThat(StackConfig.load(ConfigSource.of(values)).pipeline().settings().apiAllowedCidrs()).containsExactly("203.0.113.0/24");
    }

    @Test
    void aMongoDbKeyRotationNeedsTwoDifferentKeys() {
        var values = with("eks", "{\"enabled\":true}");
        values.put("pipeline", "{\"enabled\":true,\"sparkImage\":\"s:1\",\"apiImage\":\"a:1\",\"apiHost\":\"api.example.com\"}");
        PipelineConfig.SECRET_KEYS.forEach(key -> values.put(key, "secret-" + key));
        values.put(PipelineConfig.PREVIOUS_KEY, "secret-mongodbReplicaSetKey");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class).errors()).containsExactly(
                "mongodbPreviousReplicaSetKey: is the same as mongodbReplicaSetKey; allowed: the previous mongodbReplicaSetKey, only during a rotation");
        values.put(PipelineConfig.PREVIOUS_KEY, "the-old-key");
        assertThat(StackConfig.load(ConfigSource.of(values)).pipeline().enabled()).isTrue();
    }

    @Test
    void prodMustNotOpenTheEksEndpointToTheInternet() {
        var values = with("environment", "prod");
        values.put("eks", "{\"publicAccessCidrs\":[\"0.0.0.0/0\"]}");
        var error = catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class);
        assertThat(error.errors()).containsExactly("eks.publicAccessCidrs[0]: \"0.0.0.0/0\" opens the Kubernetes API to the internet "
                + "in production; allowed: IPv4 CIDR blocks, not 0.0.0.0/0 in production");
        assertThat(StackConfig.load(ConfigSource.of(with("eks", "{\"publicAccessCidrs\":[\"0.0.0.0/0\"]}"))).eks().publicAccessCidrs())
                .containsExactly("0.0.0.0/0");
    }

    @Test
    void everyFaultOfASchedulesIsReportedAtOnceAndNoRuleAboutAKeyInError() {
        var allowedCron = "; allowed: five crontab fields: minute hour day-of-month month day-of-week, e.g. 0 9 * * MON-FRI";
        var faults = ec2(",\"schedules\":[{\"name\":\"Bad_Name\",\"cron\":\"99 25 * * MON-FRY\",\"timeZone\":\"Paris\","
                + "\"minCapacity\":5,\"maxCapacity\":2}]");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(faults)), ConfigException.class).errors()).containsExactly(
                "services.app.schedules[0].name: \"Bad_Name\" is not a DNS-safe name of at most 40 characters; allowed: 1 to 40 characters"
                        + " of a-z, 0-9 and -",
                "services.app.schedules[0].cron: \"99 25 * * MON-FRY\" has the minute \"99\", allowed: 0-59; has the hour \"25\", allowed:"
                        + " 0-23; has the day of week \"FRY\", allowed: 0-7 or SUN-SAT" + allowedCron,
                "services.app.schedules[0].timeZone: \"Paris\" is not an IANA time zone such as Europe/Paris or UTC; allowed: an IANA time"
                        + " zone such as Europe/Paris",
                "services.app.schedules[0].maxCapacity: 2 is less than minCapacity 5; allowed: minCapacity or more");
        // the service's own rules still run beside its schedules' faults
        var beside = ec2(",\"minSize\":4,\"maxSize\":2,\"schedules\":[{\"name\":\"am\",\"cron\":\"0 9 * *\",\"maxCapacity\":500}]");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(beside)), ConfigException.class).errors()).containsExactly(
                "services.app.schedules[0].cron: \"0 9 * *\" is not five fields (minute hour day-of-month month day-of-week)" + allowedCron,
                "services.app.minSize: 4 is greater than maxSize 2; allowed: minSize <= desiredCapacity <= maxSize",
                "services.app.schedules[0].maxCapacity: 500 is out of range; allowed: at most 100");
        // a rule comparing a key in error is not reported: its default stands in for the bad value
        var minInError = ec2(",\"schedules\":[{\"name\":\"am\",\"cron\":\"0 9 * * *\",\"minCapacity\":\"five\",\"maxCapacity\":2}]");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(minInError)), ConfigException.class).errors()).containsExactly(
                "services.app.schedules[0].minCapacity: \"five\" is not an integer; allowed: at least 0");
        var maxInError = fargate(",\"desiredCount\":5,\"maxCount\":\"three\"");
        assertThat(catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(maxInError)), ConfigException.class).errors())
                .singleElement().asString().startsWith("services.web.maxCount: \"three\" is not an integer");
    }

    @Test
    void reportsAllErrorsTogether() {
        var values = with("environment", null);
        values.put("owner", "");
        values.put("network", "{\"cidr\":\"x\",\"azCount\":9,\"natGateways\":\"two\",\"typo\":true}");
        var error = catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class);
        assertThat(error.errors()).hasSize(6);
        assertThat(error.report("dev")).startsWith("Invalid config for stack 'dev' (6 errors):\n  - environment: missing")
                .contains("  - network.typo: unknown key")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void readsAValidConfigWithEnvironmentDefaults() {
        var dev = StackConfig.load(ConfigSource.of(Map.of("environment", "dev", "owner", "o", "costCenter", "c")));
        assertThat(dev.network().settings()).extracting(NetworkArgs::cidr, NetworkArgs::azCount, NetworkArgs::natGateways, NetworkArgs::flowLogs,
                NetworkArgs::flowLogRetentionDays, NetworkArgs::vpcEndpoints).containsExactly("10.0.0.0/16", 2, NatGatewayMode.SINGLE, true, 7, false);
        var prod = StackConfig.load(ConfigSource.of(Map.of("environment", "prod", "owner", "o", "costCenter", "c")));
        assertThat(prod.network().settings()).extracting(NetworkArgs::cidr, NetworkArgs::azCount, NetworkArgs::natGateways, NetworkArgs::flowLogs,
                NetworkArgs::flowLogRetentionDays, NetworkArgs::vpcEndpoints).containsExactly("10.0.0.0/16", 3, NatGatewayMode.PER_AZ, true, 30, true);
    }

    @Test
    void costAssumptionsKeepTheirDefaultsUnlessTheStackOverridesThem() {
        var plain = StackConfig.load(ConfigSource.of(Map.of("environment", "dev", "owner", "o", "costCenter", "c")));
        assertThat(plain.cost().monthlyBudget()).isEmpty();
        assertThat(plain.cost().assumed(UsageAssumption.NAT_GB_PER_MONTH)).isEqualTo(50);
        var set = StackConfig.load(ConfigSource.of(with("cost", "{\"monthlyBudget\":400,\"assumptions\":{\"natGbPerMonth\":500}}")));
        assertThat(set.cost().monthlyBudget()).contains(400.0);
        assertThat(set.cost().assumed(UsageAssumption.NAT_GB_PER_MONTH)).isEqualTo(500);
        assertThat(set.cost().assumed(UsageAssumption.LCUS_PER_LOAD_BALANCER)).isEqualTo(1);
    }

    @Test
    void servicesAreReadInNameOrderWithTheirRoutesAndWhereTheirSecretsComeFrom() {
        var values = with("services", "{\"web\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\"},"
                + "\"api\":{\"kind\":\"fargate\",\"image\":\"nginx:1.27\",\"port\":8080,\"paths\":[\"/api/*\"],"
                + "\"secrets\":{\"TOKEN\":\"apiToken\",\"DB\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:db\"}},"
                + "\"app\":{\"kind\":\"ec2\",\"image\":\"nginx:1.27\",\"hosts\":[\"app.example.com\"],\"database\":{}}}");
        values.put("apiToken", "s3cret");
        var services = StackConfig.load(ConfigSource.of(values)).services();
        assertThat(services.services()).extracting(ServiceConfig::name).containsExactly("api", "app", "web");
        assertThat(services.defaultRoute()).map(ServiceConfig::name).contains("web");
        assertThat(services.fargate()).extracting(ServiceConfig::name).containsExactly("api", "web");
        var api = services.services().get(0);
        assertThat(api.route()).isEqualTo(io.containerplatform.components.loadbalancing.Route.builder().name("api").targetType("ip")
                .port(8080).paths(List.of("/api/*")).build());
        assertThat(api.secrets().get("TOKEN").configKey()).contains("apiToken");
        assertThat(api.secrets().get("DB").arn()).contains("arn:aws:secretsmanager:us-east-1:123456789012:secret:db");
        var app = services.services().get(1);
        assertThat(app.route().targetType()).isEqualTo("instance");
        assertThat(app.database()).isPresent();
        assertThat(app.ec2().orElseThrow().desiredCapacity()).isEqualTo(2);
    }

    @Test
    void stackTagsAreTheRequiredFiveThenTheExtraOnes() {
        var config = StackConfig.load(ConfigSource.of(with("tags", "{\"Application\":\"shop\"}")));
        assertThat(config.stackTags("container-platform")).containsExactly(
                Map.entry("Project", "container-platform"), Map.entry("Environment", "dev"), Map.entry("Owner", "platform-team"),
                Map.entry("CostCenter", "cc-1"), Map.entry("ManagedBy", "pulumi"), Map.entry("Application", "shop"));
    }

    @Test
    void readsKeysFromPulumiConfigEnvironment() {
        var values = ConfigSource.fromEnvironment("{\"container-platform:network\":\"{}\",\"aws:region\":\"us-east-1\"}");
        assertThat(ConfigSource.ownKeys(values)).containsExactly("network");
        assertThat(ConfigSource.foreign(values)).containsExactly(Map.entry("aws:region", "us-east-1"));
        assertThat(ConfigSource.fromEnvironment(null)).isEmpty();
        assertThat(ConfigSource.fromEnvironment("not json")).isEmpty();
    }
}
