package io.containerplatform.components.spark;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ecs.CapacityProvider;
import com.pulumi.aws.ecs.CapacityProviderArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.CapacityProviderAutoScalingGroupProviderArgs;
import com.pulumi.aws.ecs.inputs.CapacityProviderAutoScalingGroupProviderManagedScalingArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceRegistriesArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetRandomPasswordArgs;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespace;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespaceArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigDnsRecordArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceHealthCheckCustomConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.containerplatform.components.common.IamPolicy;
import io.containerplatform.components.common.Json;
import io.containerplatform.components.compute.Ec2Capacity;
import io.containerplatform.components.compute.EcsTaskRoles;
import io.containerplatform.components.storage.DataBucket;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/**
 * Spark standalone on ECS with EC2 capacity (seed 000): an ECS cluster whose capacity provider is an Auto
 * Scaling group built from the shared {@link Ec2Capacity} blocks (ECS-optimised Amazon Linux 2023, IMDSv2,
 * encrypted volumes) with managed scaling and managed termination protection; a Spark master service
 * registered in Cloud Map private DNS and worker services that find it at {@code spark://master.<ns>:7077};
 * RPC authenticated ({@code spark.authenticate}) with a secret Secrets Manager generates, given to master and workers
 * as {@code _SPARK_AUTH_SECRET}, the variable Spark's SecurityManager reads before {@code spark.authenticate.secret};
 * ports open only between the Spark tasks and, for the master (7077) and the UIs (8080-8089), to the clients'
 * security groups; logs in {@code /ecs/<cluster>/tasks}.
 *
 * <p>Credentials, least privilege by process (docs/spark-ecs.md):
 * <ul>
 * <li>the master only schedules: its task has no task role, so no AWS credentials at all (the instance role is out
 * of reach too: {@code ECS_AWSVPC_BLOCK_IMDS});</li>
 * <li>the workers' task role ({@code <name>-task-role}) may list the data bucket and get, put and delete its objects
 * (and abort multipart uploads), nothing else: no version deletion, no bucket settings, no other bucket. Executors are
 * child processes of the worker (Spark's {@code CommandUtils.buildProcessBuilder} starts them with a copy of the
 * worker's environment, {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} included, and any process of the task reaches
 * the task's credential endpoint), so they necessarily carry the worker's role: that role is the executors' role.
 * Delete stays because S3A's writes need it (committing output renames by copy and delete, and removes
 * {@code _temporary} and parent directory markers); the bucket is versioned, so a delete only adds a delete marker and
 * the object stays recoverable for 30 days;</li>
 * <li>drivers: in client mode (the default) a driver runs in its client and uses the client's own credentials; in
 * standalone cluster mode it runs inside a worker, with the worker's role.</li>
 * </ul>
 * The config names no data prefixes, so the object permissions cover the bucket's objects.
 */
public class SparkEcsComponent extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:spark:SparkEcsComponent";
    /** The master's task size: the master only schedules. */
    static final int MASTER_CPU = 512;
    static final int MASTER_MEMORY = 1024;
    /** The variable Spark's SecurityManager reads the authentication secret from ({@code SecurityManager.ENV_AUTH_SECRET}). */
    static final String AUTH_SECRET_VARIABLE = "_SPARK_AUTH_SECRET";

    private final Output<String> clusterName;
    private final Output<String> masterUrl;
    private final Output<String> logGroupName;
    private final Output<String> masterServiceName;
    private final Output<String> workerServiceName;
    private final Output<String> autoScalingGroupName;
    private final Output<String> authSecretArn;

    public SparkEcsComponent(String name, SparkEcsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Output<String> region = AwsFunctions.getRegion(GetRegionArgs.builder().build(), new InvokeOptions(this, null, null))
                .applyValue(r -> r.name());
        var clusterName = name + "-cluster";
        var cluster = new Cluster(clusterName, ClusterArgs.builder()
                .name(clusterName)
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .build(), child());

        var instances = new SecurityGroup(name + "-instances-sg", SecurityGroupArgs.builder()
                .description("ECS container instances of " + name + ": no inbound traffic, tasks have their own group")
                .vpcId(args.vpcId())
                .egress(egressAll())
                .tags(Map.of("Name", name + "-instances-sg"))
                .build(), child());
        var role = Ec2Capacity.instanceRole(this, name, List.of("arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"));
        var profile = Ec2Capacity.instanceProfile(this, name, role);
        var template = Ec2Capacity.launchTemplate(this, name, new Ec2Capacity.TemplateSpec(Ec2Capacity.ECS_AL2023_AMI,
                args.instanceType(), instances.id(), profile.arn(),
                // The cluster's name from the cluster itself: the template, and the group through it, depend on the cluster, so
                // pulumi destroy deletes the instances before the cluster (ECS refuses to delete a cluster with registered instances).
                cluster.name().applyValue(n -> "#!/bin/bash\nset -euo pipefail\ncat >> /etc/ecs/ecs.config <<'EOF'\nECS_CLUSTER=" + n
                        + "\nECS_ENABLE_TASK_IAM_ROLE=true\nECS_AWSVPC_BLOCK_IMDS=true\nEOF\n"), 50));
        var group = Ec2Capacity.autoScalingGroup(this, name, template, new Ec2Capacity.GroupSpec(args.privateSubnetIds(),
                args.minSize(), args.maxSize(), args.minSize(), List.of(), true, Map.of("AmazonECSManaged", "true")));
        var capacity = new CapacityProvider(name + "-capacity", CapacityProviderArgs.builder()
                .autoScalingGroupProvider(CapacityProviderAutoScalingGroupProviderArgs.builder()
                        .autoScalingGroupArn(group.arn())
                        .managedTerminationProtection("ENABLED")
                        .managedScaling(CapacityProviderAutoScalingGroupProviderManagedScalingArgs.builder()
                                .status("ENABLED").targetCapacity(args.targetCapacityPercent())
                                .minimumScalingStepSize(1).maximumScalingStepSize(2).build())
                        .build())
                .build(), child());
        var providers = new ClusterCapacityProviders(name + "-capacity-providers", ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders(capacity.name().applyValue(List::of))
                .defaultCapacityProviderStrategies(ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                        .capacityProvider(capacity.name()).weight(1).base(0).build())
                .build(), child());

        var tasks = new SecurityGroup(name + "-tasks-sg", SecurityGroupArgs.builder()
                // Unchanged wording (a security group's description replaces it): the clients' groups are in the VPC too.
                .description("Spark tasks of " + name + ": master and UIs from the VPC only")
                .vpcId(args.vpcId())
                .ingress(ingress(args))
                .egress(egressAll())
                .tags(Map.of("Name", name + "-tasks-sg"))
                .build(), child());

        var logGroup = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .name("/ecs/" + clusterName + "/tasks")
                .retentionInDays(args.logRetentionDays())
                .build(), child());
        var trust = EcsTaskRoles.trust(this);
        var executionRole = EcsTaskRoles.executionRole(this, name, trust);
        this.authSecretArn = authSecret(name, executionRole);
        var taskRole = EcsTaskRoles.taskRole(this, name, trust);
        new RolePolicy(name + "-data-bucket", RolePolicyArgs.builder()
                .role(taskRole.id())
                .policy(args.dataBucketArn().applyValue(DataBucket::readWritePolicy))
                .build(), child());

        var namespace = new PrivateDnsNamespace(name + "-dns", PrivateDnsNamespaceArgs.builder()
                .name(name + ".spark.local")
                .vpc(args.vpcId())
                .description("Service discovery of " + name)
                .build(), child());
        var discovery = new com.pulumi.aws.servicediscovery.Service(name + "-master-discovery", com.pulumi.aws.servicediscovery.ServiceArgs.builder()
                .name("master")
                .dnsConfig(ServiceDnsConfigArgs.builder()
                        .namespaceId(namespace.id())
                        .routingPolicy("MULTIVALUE")
                        .dnsRecords(ServiceDnsConfigDnsRecordArgs.builder().type("A").ttl(10).build())
                        .build())
                .healthCheckCustomConfig(ServiceHealthCheckCustomConfigArgs.builder().failureThreshold(1).build())
                .build(), child());
        this.masterUrl = namespace.name().applyValue(ns -> "spark://master." + ns + ":7077");

        var roles = new Roles(executionRole.arn(), authSecretArn);
        var master = task(name + "-master", args, roles, null, region, logGroup, "master", MASTER_CPU, MASTER_MEMORY,
                masterUrl, List.of(7077, 8080));
        var worker = task(name + "-worker", args, roles, taskRole.arn(), region, logGroup, "worker", args.workerCpu(),
                args.workerMemory(), masterUrl, List.of(8081));
        var masterService = service(name + "-master", cluster, master, capacity, 1, args, tasks,
                ServiceServiceRegistriesArgs.builder().registryArn(discovery.arn()).build(), providers);
        var workerService = service(name + "-worker", cluster, worker, capacity, args.workerCount(), args, tasks, null, masterService);

        this.clusterName = cluster.name();
        this.logGroupName = logGroup.name();
        this.masterServiceName = masterService.name();
        this.workerServiceName = workerService.name();
        this.autoScalingGroupName = group.name();
        registerOutputs(Map.of("clusterName", this.clusterName, "masterUrl", masterUrl, "logGroupName", logGroupName,
                "authSecretArn", authSecretArn));
    }

    private record Roles(Output<String> execution, Output<String> authSecret) {
    }

    /**
     * The secret the Spark processes authenticate each other with: Secrets Manager generates it once (the version ignores
     * later values of the generator; {@code pulumi up --replace} on the version rotates it), the execution role may read
     * it and nothing else.
     */
    private Output<String> authSecret(String name, com.pulumi.aws.iam.Role executionRole) {
        var secret = new Secret(name + "-auth-secret", SecretArgs.builder()
                .description("spark.authenticate secret of " + name + ": master, workers and their clients")
                .recoveryWindowInDays(7)
                .build(), child());
        var generated = SecretsmanagerFunctions.getRandomPassword(GetRandomPasswordArgs.builder()
                .passwordLength(64).excludePunctuation(true).build(), new InvokeOptions(this, null, null));
        new SecretVersion(name + "-auth-secret-value", SecretVersionArgs.builder()
                .secretId(secret.id())
                .secretString(generated.applyValue(r -> r.randomPassword()).asSecret())
                .build(), CustomResourceOptions.builder().parent(this).ignoreChanges("secretString").build());
        new RolePolicy(name + "-execution-secrets", RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(secret.arn().applyValue(arn -> IamPolicy.document(List.of(
                        IamPolicy.allow(List.of("secretsmanager:GetSecretValue"), List.of(arn))))))
                .build(), child());
        return secret.arn();
    }

    /** A task definition; {@code taskRole} null for a task without AWS credentials. */
    private TaskDefinition task(String family, SparkEcsArgs args, Roles roles, Output<String> taskRole, Output<String> region,
                                LogGroup logGroup, String role, int cpu, int memory, Output<String> masterUrl, List<Integer> ports) {
        var definitions = Output.tuple(region, logGroup.name(), masterUrl, roles.authSecret()).applyValue(t -> Json.write(List.of(obj(
                "name", "spark-" + role,
                "image", args.image(),
                "essential", true,
                "portMappings", ports.stream().map(p -> obj("containerPort", p, "protocol", "tcp")).toList(),
                "environment", List.of(
                        obj("name", "SPARK_ROLE", "value", role),
                        obj("name", "SPARK_MASTER_URL", "value", t.t3),
                        obj("name", "SPARK_WORKER_CORES", "value", String.valueOf(args.sparkWorkerCores())),
                        obj("name", "SPARK_WORKER_MEMORY", "value", args.sparkWorkerMemory()),
                        // Master and Worker add SPARK_DAEMON_JAVA_OPTS to their JVM options (Spark's SparkClassCommandBuilder).
                        obj("name", "SPARK_DAEMON_JAVA_OPTS", "value", "-Dspark.authenticate=true")),
                "secrets", List.of(obj("name", AUTH_SECRET_VARIABLE, "valueFrom", t.t4)),
                "logConfiguration", obj("logDriver", "awslogs", "options", obj(
                        "awslogs-group", t.t2, "awslogs-region", t.t1, "awslogs-stream-prefix", role)),
                "privileged", false))));
        var definition = TaskDefinitionArgs.builder()
                .family(family)
                .networkMode("awsvpc")
                .requiresCompatibilities("EC2")
                .cpu(String.valueOf(cpu))
                .memory(String.valueOf(memory))
                .executionRoleArn(roles.execution())
                .containerDefinitions(definitions);
        if (taskRole != null) {
            definition.taskRoleArn(taskRole);
        }
        return new TaskDefinition(family + "-task", definition.build(), child());
    }

    private Service service(String serviceName, Cluster cluster, TaskDefinition task, CapacityProvider capacity, int count,
                            SparkEcsArgs args, SecurityGroup tasks, ServiceServiceRegistriesArgs registry,
                            com.pulumi.resources.Resource after) {
        var service = ServiceArgs.builder()
                .cluster(cluster.arn())
                .taskDefinition(task.arn())
                .desiredCount(count)
                .capacityProviderStrategies(ServiceCapacityProviderStrategyArgs.builder()
                        .capacityProvider(capacity.name()).weight(1).base(0).build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .deploymentMinimumHealthyPercent(0)
                .deploymentMaximumPercent(100)
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.privateSubnetIds())
                        .securityGroups(tasks.id().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true);
        if (registry != null) {
            service.serviceRegistries(registry);
        }
        return new Service(serviceName + "-service", service.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(after).build());
    }

    /**
     * The first port of the executors' block managers that the clients' groups reach: a client-mode driver fetches a
     * task result over {@code spark.task.maxDirectResultSize} (1 MiB) from the executor's block manager, on the port
     * the application gives ({@code spark.blockManager.port}, random otherwise). A client sets it to this port; an
     * executor finding it taken tries the next, {@code spark.port.maxRetries} (16) times: hence 16 ports (Spark,
     * "Configuring Ports for Network Security").
     */
    public static final int CLIENT_BLOCK_MANAGER_PORT = 7079;
    /** How many ports from {@link #CLIENT_BLOCK_MANAGER_PORT} are open: Spark's default {@code spark.port.maxRetries}. */
    public static final int CLIENT_BLOCK_MANAGER_PORTS = 16;

    /**
     * The Spark tasks reach each other on every TCP port (workers, executors and drivers open RPC, block-manager and
     * driver ports Spark picks at random); the clients' groups reach the master, the UIs and the executors' block
     * managers ({@link #CLIENT_BLOCK_MANAGER_PORT}); nothing else.
     */
    private static List<SecurityGroupIngressArgs> ingress(SparkEcsArgs args) {
        var rules = new java.util.ArrayList<SecurityGroupIngressArgs>();
        rules.add(SecurityGroupIngressArgs.builder()
                .description("Spark master, RPC, block manager (shuffle) and driver ports between the Spark tasks")
                .protocol("tcp").fromPort(0).toPort(65535).self(true).build());
        if (!args.clientSecurityGroupIds().isEmpty()) {
            rules.add(SecurityGroupIngressArgs.builder().description("Spark master (7077) from the client security groups")
                    .protocol("tcp").fromPort(7077).toPort(7077).securityGroups(args.clientSecurityGroupIds()).build());
            rules.add(SecurityGroupIngressArgs.builder().description("Spark UIs (8080-8089) from the client security groups")
                    .protocol("tcp").fromPort(8080).toPort(8089).securityGroups(args.clientSecurityGroupIds()).build());
            var last = CLIENT_BLOCK_MANAGER_PORT + CLIENT_BLOCK_MANAGER_PORTS - 1;
            rules.add(SecurityGroupIngressArgs.builder()
                    .description("Executor block managers (" + CLIENT_BLOCK_MANAGER_PORT + "-" + last + ", spark.blockManager.port)"
                            + " from the client security groups: client-mode drivers fetch large results")
                    .protocol("tcp").fromPort(CLIENT_BLOCK_MANAGER_PORT).toPort(last).securityGroups(args.clientSecurityGroupIds()).build());
        }
        return List.copyOf(rules);
    }

    private static SecurityGroupEgressArgs egressAll() {
        return SecurityGroupEgressArgs.builder().description("Image pulls, S3, logs and AWS APIs")
                .protocol("-1").fromPort(0).toPort(0).cidrBlocks("0.0.0.0/0").build();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    /** {@code spark://master.<namespace>:7077}, resolvable inside the VPC. */
    public Output<String> masterUrl() {
        return masterUrl;
    }

    public Output<String> logGroupName() {
        return logGroupName;
    }

    /** The master's ECS service (auto-named: {@code <name>-master-service-<random suffix>}). */
    public Output<String> masterServiceName() {
        return masterServiceName;
    }

    /** The workers' ECS service (auto-named). */
    public Output<String> workerServiceName() {
        return workerServiceName;
    }

    /** The Auto Scaling group of the container instances (auto-named). */
    public Output<String> autoScalingGroupName() {
        return autoScalingGroupName;
    }

    /**
     * The Secrets Manager secret clients authenticate with: {@code spark.authenticate=true} and its value as
     * {@code spark.authenticate.secret} (or {@code _SPARK_AUTH_SECRET}).
     */
    public Output<String> authSecretArn() {
        return authSecretArn;
    }
}
