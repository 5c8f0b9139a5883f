package io.containerplatform.components.asg;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.Policy;
import com.pulumi.aws.autoscaling.Schedule;
import com.pulumi.aws.autoscaling.ScheduleArgs;
import com.pulumi.aws.autoscaling.PolicyArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.containerplatform.components.common.IamPolicy;
import io.containerplatform.components.compute.Ec2Capacity;
import io.containerplatform.components.images.EcrRepository;
import io.containerplatform.components.monitoring.ServiceAlarms;
import io.containerplatform.components.database.MysqlDatabase;
import io.containerplatform.components.database.MysqlDatabaseArgs;

import java.util.List;
import java.util.Map;

/**
 * A containerised service on an EC2 Auto Scaling group behind the shared {@link WebLoadBalancer} (seed 003):
 * hardened launch template, instances in private subnets reachable only from the load balancer, target
 * tracking at 50 % CPU plus simple scaling on 70 %/30 % alarms, an optional RDS MySQL database whose
 * credentials the instances read from Secrets Manager at boot, and CloudWatch alarms, SNS and a dashboard.
 */
public class AsgServiceComponent extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:asg:AsgServiceComponent";

    private final Output<String> url;
    private final Output<String> repositoryUrl;
    private final Output<String> asgName;
    private final Output<String> dbEndpoint;
    private final Output<String> dbSecretArn;
    private final Output<String> dbIdentifier;
    private final Output<String> dashboardName;
    private final Output<String> dashboardUrl;
    private final Output<String> alarmTopicArn;

    public AsgServiceComponent(String name, AsgServiceArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Output<String> region = AwsFunctions.getRegion(GetRegionArgs.builder().build(), new InvokeOptions(this, null, null))
                .applyValue(r -> r.name());

        var target = args.target();

        var instances = new SecurityGroup(name + "-instances-sg", SecurityGroupArgs.builder()
                .description("Instances of " + name + ": the app port from the load balancer only")
                .vpcId(args.placement().vpcId())
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("App port from the load balancer")
                        .protocol("tcp").fromPort(args.port()).toPort(args.port())
                        .securityGroups(target.securityGroupId().applyValue(List::of))
                        .build())
                .egress(SecurityGroupEgressArgs.builder()
                        .description("Packages, image pulls, AWS APIs and the database")
                        .protocol("-1").fromPort(0).toPort(0).cidrBlocks("0.0.0.0/0")
                        .build())
                .tags(Map.of("Name", name + "-instances-sg"))
                .build(), child());

        MysqlDatabase database = args.database().map(settings -> new MysqlDatabase(name + "-db", MysqlDatabaseArgs.builder()
                .settings(settings)
                .placement(args.placement())
                .subnetIds(args.placement().privateSubnetIds())
                .clientSecurityGroupId(instances.id())
                .build(), ComponentResourceOptions.builder().parent(this).build())).orElse(null);

        var logGroup = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .name("/asg/" + name)
                .retentionInDays(args.logRetentionDays())
                .build(), child());
        var role = Ec2Capacity.instanceRole(this, name, args.permissions().managedPolicyArns());
        if (!args.permissions().statements().isEmpty()) {
            new RolePolicy(name + "-instance-inline", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(IamPolicy.document(args.permissions().statementsJson()))
                    .build(), child());
        }
        if (database != null) {
            new RolePolicy(name + "-db-secret", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(database.appCredentialsSecretArn().applyValue(arn -> IamPolicy.document(List.of(
                            IamPolicy.allow(List.of("secretsmanager:GetSecretValue"), List.of(arn))))))
                    .build(), child());
        }
        var profile = Ec2Capacity.instanceProfile(this, name, role);
        var repository = EcrRepository.create(this, name + "-repo", null, true, EcrRepository.DEFAULT_KEEP_IMAGES,
                args.production());
        Output<String> image = args.image().startsWith(":")
                ? repository.repositoryUrl().applyValue(url -> url + args.image())
                : Output.of(args.image());
        Output<String> userData = database == null
                ? Output.tuple(image, region, logGroup.name()).applyValue(t -> UserData.script(t.t1, t.t2, args.port(), t.t3, args.environment(), "", "", ""))
                : Output.tuple(image, region, logGroup.name(), database.appCredentialsSecretArn(), database.address()).applyValue(t ->
                UserData.script(t.t1, t.t2, args.port(), t.t3, args.environment(), t.t4, t.t5, database.databaseName()));
        var template = Ec2Capacity.launchTemplate(this, name, new Ec2Capacity.TemplateSpec(
                Ec2Capacity.AL2023_AMI, args.instanceType(), instances.id(), profile.arn(), userData, 20));
        var group = Ec2Capacity.autoScalingGroup(this, name, template, new Ec2Capacity.GroupSpec(
                args.placement().privateSubnetIds(), args.minSize(), args.maxSize(), args.desiredCapacity(),
                List.of(target.targetGroupArn()), false, Map.of()));

        new Policy(name + "-cpu-target", PolicyArgs.builder()
                .autoscalingGroupName(group.name())
                .policyType("TargetTrackingScaling")
                .targetTrackingConfiguration(PolicyTargetTrackingConfigurationArgs.builder()
                        .predefinedMetricSpecification(PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs.builder()
                                .predefinedMetricType("ASGAverageCPUUtilization").build())
                        .targetValue((double) args.cpuTargetPercent())
                        .build())
                .build(), child());
        for (var schedule : args.schedules()) {
            new Schedule(name + "-schedule-" + schedule.name(), ScheduleArgs.builder()
                    .autoscalingGroupName(group.name())
                    .scheduledActionName(schedule.name())
                    .recurrence(schedule.recurrence())
                    .timeZone(schedule.timeZone())
                    .minSize(schedule.minCapacity())
                    .maxSize(schedule.maxCapacity())
                    .build(), child());
        }
        var scaleUp = simpleScaling(name + "-scale-up", group, 1, args.cooldownSeconds());
        var scaleDown = simpleScaling(name + "-scale-down", group, -1, args.cooldownSeconds());

        var monitoring = new AsgMonitoring(this, name, args.alarmDestination());
        var alarms = monitoring.alarms();
        Output<Map<String, String>> asgDimension = group.name().applyValue(n -> Map.of("AutoScalingGroupName", n));
        alarms.alarm("cpu-high", "CPU above " + args.scaleUpCpuPercent() + "% for 2 minutes: add an instance", "AWS/EC2",
                "CPUUtilization", "Average", asgDimension, 60, 2, "GreaterThanThreshold", args.scaleUpCpuPercent(), List.of(scaleUp.arn()));
        alarms.alarm("cpu-low", "CPU below " + args.scaleDownCpuPercent() + "% for 2 minutes: remove an instance", "AWS/EC2",
                "CPUUtilization", "Average", asgDimension, 60, 2, "LessThanThreshold", args.scaleDownCpuPercent(), List.of(scaleDown.arn()));
        alarms.loadBalancerAlarms(target.targetGroupArnSuffix(), target.loadBalancerArnSuffix());
        if (database != null) {
            Output<Map<String, String>> dbDimension = database.identifier().applyValue(id -> Map.of("DBInstanceIdentifier", id));
            alarms.alarm("rds-cpu", "Database CPU above " + AsgMonitoring.RDS_CPU_PERCENT + "%", "AWS/RDS", "CPUUtilization",
                    "Average", dbDimension, 300, 2, "GreaterThanThreshold", AsgMonitoring.RDS_CPU_PERCENT, List.of());
            alarms.alarm("rds-free-storage", "Database free storage below 2 GiB", "AWS/RDS", "FreeStorageSpace", "Minimum",
                    dbDimension, 300, 1, "LessThanThreshold", AsgMonitoring.RDS_FREE_STORAGE_BYTES, List.of());
            alarms.alarm("rds-connections", "More than " + AsgMonitoring.RDS_CONNECTIONS + " database connections", "AWS/RDS",
                    "DatabaseConnections", "Average", dbDimension, 300, 2, "GreaterThanThreshold", AsgMonitoring.RDS_CONNECTIONS, List.of());
        }
        var dashboard = monitoring.dashboard(region, target.loadBalancerArnSuffix(), group.name(),
                database == null ? null : database.identifier());

        this.url = target.url();
        this.repositoryUrl = repository.repositoryUrl();
        this.asgName = group.name();
        this.dbEndpoint = database == null ? Output.of("") : database.endpoint();
        this.dbSecretArn = database == null ? Output.of("") : database.secretArn();
        this.dbIdentifier = database == null ? Output.of("") : database.identifier();
        this.dashboardName = dashboard.dashboardName();
        this.dashboardUrl = Output.tuple(region, dashboard.dashboardName()).applyValue(t -> ServiceAlarms.dashboardUrl(t.t1, t.t2));
        this.alarmTopicArn = alarms.topic().arn();
        registerOutputs(Map.of("url", url, "repositoryUrl", repositoryUrl, "asgName", asgName, "dbEndpoint", dbEndpoint, "dbSecretArn", dbSecretArn,
                "dashboardName", dashboardName, "dashboardUrl", dashboardUrl, "alarmTopicArn", alarmTopicArn));
    }

    private Policy simpleScaling(String policyName, Group group, int adjustment, int cooldown) {
        return new Policy(policyName, PolicyArgs.builder()
                .autoscalingGroupName(group.name())
                .policyType("SimpleScaling")
                .adjustmentType("ChangeInCapacity")
                .scalingAdjustment(adjustment)
                .cooldown(cooldown)
                .build(), child());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> url() { return url; }

    /** The service's ECR repository (an {@code image} of {@code :<tag>} runs a tag of it). */
    public Output<String> repositoryUrl() { return repositoryUrl; }

    public Output<String> asgName() { return asgName; }

    /** {@code host:port} of the database; empty without one. */
    public Output<String> dbEndpoint() { return dbEndpoint; }

    /** Secrets Manager ARN of the database credentials; empty without a database. */
    public Output<String> dbSecretArn() { return dbSecretArn; }

    /** The database's RDS instance identifier (auto-named), or empty without a database. */
    public Output<String> dbIdentifier() { return dbIdentifier; }

    public Output<String> dashboardName() { return dashboardName; }

    /** The console URL of the service's dashboard. */
    public Output<String> dashboardUrl() { return dashboardUrl; }

    public Output<String> alarmTopicArn() { return alarmTopicArn; }
}
