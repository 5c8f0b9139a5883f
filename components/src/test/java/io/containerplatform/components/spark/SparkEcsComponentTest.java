package io.containerplatform.components.spark;

import io.containerplatform.components.network.Placement;
import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.compute.Ec2Capacity;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.containerplatform.components.testing.MockStack.mapInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class SparkEcsComponentTest {

    static final String BUCKET = "arn:aws:s3:::data-lake";

    static SparkEcsArgs.Builder args() {
        return SparkEcsArgs.builder().placement(Placement.of("vpc-1", "10.0.0.0/16", List.of("pub-a", "pub-b"), List.of("priv-a", "priv-b"))).dataBucketArn(Output.of(BUCKET))
                .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/spark:3.5.3-1");
    }

    static PlatformMocks build(SparkEcsArgs args) {
        return MockStack.run(ctx -> new SparkEcsComponent("spark", args, ComponentResourceOptions.Empty));
    }

    static Map<String, Object> container(PlatformMocks mocks, String task) {
        var json = (String) mocks.named("aws:ecs/taskDefinition:TaskDefinition", task).inputs.get("containerDefinitions");
        return (Map<String, Object>) new Gson().fromJson(json, List.class).get(0);
    }

    @Test
    void capacityIsAnEcsOptimisedAutoScalingGroupWithManagedScalingAndTerminationProtection() {
        var mocks = build(args().minSize(1).maxSize(3).targetCapacityPercent(90).build());
        assertThat(mocks.calls()).anySatisfy(call -> assertThat(call.args).containsEntry("name", Ec2Capacity.ECS_AL2023_AMI));
        var lt = mocks.named("aws:ec2/launchTemplate:LaunchTemplate", "spark-lt");
        assertThat(mapInput(lt, "metadataOptions")).containsEntry("httpTokens", "required");
        assertThat(new String(Base64.getDecoder().decode((String) lt.inputs.get("userData")), StandardCharsets.UTF_8))
                .contains("ECS_CLUSTER=spark-cluster").contains("ECS_AWSVPC_BLOCK_IMDS=true");
        var asg = mocks.named("aws:autoscaling/group:Group", "spark-asg");
        assertThat(asg.inputs).containsEntry("protectFromScaleIn", true).containsEntry("forceDelete", true).containsEntry("healthCheckType", "EC2")
                .containsEntry("minSize", 1.0).containsEntry("maxSize", 3.0).doesNotContainKey("targetGroupArns");
        assertThat((List<Object>) asg.inputs.get("tags")).contains(Map.of("key", "AmazonECSManaged", "value", "true", "propagateAtLaunch", true));
        var provider = mapInput(mocks.named("aws:ecs/capacityProvider:CapacityProvider", "spark-capacity"), "autoScalingGroupProvider");
        assertThat(provider).containsEntry("managedTerminationProtection", "ENABLED")
                .containsEntry("managedScaling", Map.of("status", "ENABLED", "targetCapacity", 90.0, "minimumScalingStepSize", 1.0,
                        "maximumScalingStepSize", 2.0));
        assertThat(mocks.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).extracting(r -> r.inputs.get("policyArn"))
                .contains("arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
                        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
    }

    @Test
    void sparkPortsAreOpenOnlyBetweenTheSparkTasksAndToTheClientsGroupsNeverToTheVpc() {
        var mocks = build(args().build());
        var tasks = mocks.named("aws:ec2/securityGroup:SecurityGroup", "spark-tasks-sg");
        var self = Map.of("description", "Spark master, RPC, block manager (shuffle) and driver ports between the Spark tasks",
                "protocol", "tcp", "fromPort", 0.0, "toPort", 65535.0, "self", true);
        assertThat((List<Object>) tasks.inputs.get("ingress")).containsExactly(self);
        var withClients = build(args().clientSecurityGroupIds(List.of("sg-0123456789abcdef0", "sg-12345678")).build());
        assertThat((List<Object>) withClients.named("aws:ec2/securityGroup:SecurityGroup", "spark-tasks-sg").inputs.get("ingress")).containsExactly(
                self,
                Map.of("description", "Spark master (7077) from the client security groups", "protocol", "tcp", "fromPort", 7077.0,
                        "toPort", 7077.0, "securityGroups", List.of("sg-0123456789abcdef0", "sg-12345678")),
                Map.of("description", "Spark UIs (8080-8089) from the client security groups", "protocol", "tcp", "fromPort", 8080.0,
                        "toPort", 8089.0, "securityGroups", List.of("sg-0123456789abcdef0", "sg-12345678")),
                Map.of("description", "Executor block managers (7079-7094, spark.blockManager.port) from the client security groups:"
                                + " client-mode drivers fetch large results", "protocol", "tcp", "fromPort", 7079.0,
                        "toPort", 7094.0, "securityGroups", List.of("sg-0123456789abcdef0", "sg-12345678")));
        assertThat(mocks.named("aws:ec2/securityGroup:SecurityGroup", "spark-instances-sg").inputs).doesNotContainKey("ingress");
        // EC2 refuses a rule description outside its character set (no apostrophe: UserIdGroupPair.Description)
        assertThat((List<Map<String, Object>>) withClients.named("aws:ec2/securityGroup:SecurityGroup", "spark-tasks-sg").inputs.get("ingress"))
                .allSatisfy(rule -> assertThat((String) rule.get("description")).matches("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=;{}!$*]{1,255}"));
    }

    @Test
    void masterAndWorkersAuthenticateWithASecretSecretsManagerGeneratesAndOnlyTheirExecutionRoleReads() {
        var mocks = build(args().build());
        var secret = mocks.named("aws:secretsmanager/secret:Secret", "spark-auth-secret");
        var arn = PlatformMocks.arn("aws:secretsmanager/secret:Secret", "spark-auth-secret");
        assertThat(mocks.named("aws:secretsmanager/secretVersion:SecretVersion", "spark-auth-secret-value").inputs)
                .containsEntry("secretId", "spark-auth-secret-id")
                .containsEntry("secretString", "MockRandomPassword0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");
        assertThat(mocks.calls().stream().filter(c -> c.token.equals("aws:secretsmanager/getRandomPassword:getRandomPassword"))
                .map(c -> (Map<String, Object>) c.args)).containsExactly(Map.<String, Object>of("passwordLength", 64.0, "excludePunctuation", true));
        assertThat(secret.inputs).containsEntry("recoveryWindowInDays", 7.0);
        for (var task : List.of("spark-master-task", "spark-worker-task")) {
            var container = container(mocks, task);
            assertThat(container.get("secrets")).describedAs(task).isEqualTo(List.of(Map.of("name", "_SPARK_AUTH_SECRET", "valueFrom", arn)));
            assertThat((List<Object>) container.get("environment")).describedAs(task)
                    .contains(Map.of("name", "SPARK_DAEMON_JAVA_OPTS", "value", "-Dspark.authenticate=true"));
        }
        var policy = mocks.named("aws:iam/rolePolicy:RolePolicy", "spark-execution-secrets");
        assertThat(policy.inputs).containsEntry("role", "spark-execution-role-id").containsEntry("policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\"],"
                        + "\"Resource\":[\"" + arn + "\"]}]}");
    }

    @Test
    void workersFindTheMasterThroughCloudMapPrivateDns() {
        var mocks = build(args().workerCount(3).workerCpu(2048).workerMemory(8192).build());
        assertThat(mocks.named("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "spark-dns").inputs)
                .containsEntry("name", "spark.spark.local").containsEntry("vpc", "vpc-1");
        var discovery = mocks.named("aws:servicediscovery/service:Service", "spark-master-discovery");
        assertThat(discovery.inputs).containsEntry("name", "master");
        assertThat(mocks.named("aws:ecs/service:Service", "spark-master-service").inputs)
                .containsEntry("desiredCount", 1.0)
                .containsEntry("serviceRegistries", Map.of("registryArn", PlatformMocks.arn("aws:servicediscovery/service:Service", "spark-master-discovery")));
        var workers = mocks.named("aws:ecs/service:Service", "spark-worker-service");
        assertThat(workers.inputs).containsEntry("desiredCount", 3.0).doesNotContainKey("serviceRegistries")
                .containsEntry("capacityProviderStrategies", List.of(Map.of("capacityProvider", "spark-capacity", "weight", 1.0, "base", 0.0)));
        var worker = container(mocks, "spark-worker-task");
        assertThat((List<Object>) worker.get("environment")).contains(
                Map.of("name", "SPARK_ROLE", "value", "worker"),
                Map.of("name", "SPARK_MASTER_URL", "value", "spark://master.spark.spark.local:7077"),
                Map.of("name", "SPARK_WORKER_CORES", "value", "2"),
                Map.of("name", "SPARK_WORKER_MEMORY", "value", "6144m"));
        assertThat(mocks.named("aws:ecs/taskDefinition:TaskDefinition", "spark-worker-task").inputs)
                .containsEntry("networkMode", "awsvpc").containsEntry("requiresCompatibilities", List.of("EC2"))
                .containsEntry("cpu", "2048").containsEntry("memory", "8192");
        assertThat(container(mocks, "spark-master-task").get("portMappings")).isEqualTo(List.of(
                Map.of("containerPort", 7077.0, "protocol", "tcp"), Map.of("containerPort", 8080.0, "protocol", "tcp")));
    }

    @Test
    void logsGoToTheClusterTaskGroupAndOnlyTheWorkersMayUseTheDataBucketWithoutDeletingVersions() {
        var mocks = build(args().logRetentionDays(14).build());
        assertThat(mocks.named("aws:cloudwatch/logGroup:LogGroup", "spark-logs").inputs)
                .containsEntry("name", "/ecs/spark-cluster/tasks").containsEntry("retentionInDays", 14.0);
        assertThat(((Map<String, Object>) container(mocks, "spark-worker-task").get("logConfiguration")).get("options"))
                .isEqualTo(Map.of("awslogs-group", "/ecs/spark-cluster/tasks", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "worker"));
        assertThat((String) mocks.named("aws:iam/rolePolicy:RolePolicy", "spark-data-bucket").inputs.get("policy")).isEqualTo(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:GetBucketLocation\"],"
                        + "\"Resource\":[\"" + BUCKET + "\"]},{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\","
                        + "\"s3:DeleteObject\",\"s3:AbortMultipartUpload\"],\"Resource\":[\"" + BUCKET + "/*\"]}]}");
        assertThat(mocks.named("aws:iam/rolePolicy:RolePolicy", "spark-data-bucket").inputs).containsEntry("role", "spark-task-role-id");
        assertThat(mocks.ofType("aws:iam/rolePolicy:RolePolicy")).filteredOn(p -> "spark-task-role-id".equals(p.inputs.get("role")))
                .extracting(p -> p.name).containsExactly("spark-data-bucket");
        assertThat(mocks.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .noneMatch(a -> "spark-task-role".equals(a.inputs.get("role")) || "spark-task-role-id".equals(a.inputs.get("role")));
        assertThat(mocks.named("aws:ecs/taskDefinition:TaskDefinition", "spark-worker-task").inputs)
                .containsEntry("taskRoleArn", PlatformMocks.arn("aws:iam/role:Role", "spark-task-role"));
        assertThat(mocks.named("aws:ecs/taskDefinition:TaskDefinition", "spark-master-task").inputs).doesNotContainKey("taskRoleArn")
                .containsEntry("executionRoleArn", PlatformMocks.arn("aws:iam/role:Role", "spark-execution-role"));
    }

    @Test
    void invalidArgsListEveryProblem() {
        assertThatThrownBy(() -> SparkEcsArgs.builder().image("spark").minSize(3).maxSize(1).workerCount(0).workerMemory(100)
                .clientSecurityGroupIds(List.of("sg-12345678", "default")).build())
                .hasMessage("SparkEcsArgs.placement: missing | SparkEcsArgs.dataBucketArn: missing"
                        + " | SparkEcsArgs.image: \"spark\" has no tag; pin a version tag or a digest; allowed: an image pinned to a version tag"
                        + " or digest (not latest), or :<tag> of the stack's spark repository"
                        + " | SparkEcsArgs.workerCount: 0 is out of range; allowed: 1 to 100"
                        + " | SparkEcsArgs.workerMemory: 100 is out of range; allowed: 512 to 122880"
                        + " | SparkEcsArgs.clientSecurityGroupIds: \"default\" is not a security group id;"
                        + " allowed: security group ids (sg- and 8 or 17 hexadecimal digits)"
                        + " | SparkEcsArgs.maxSize: 1 is below minSize 3; allowed: 1 to 100, at least minSize");
    }
}
