package io.containerplatform.components.asg;

import io.containerplatform.components.network.Placement;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.Mocks.ResourceArgs;
import io.containerplatform.components.loadbalancing.Route;
import io.containerplatform.components.loadbalancing.WebLoadBalancer;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;
import io.containerplatform.components.compute.Ec2Capacity;
import io.containerplatform.components.common.Permissions;
import io.containerplatform.components.common.PolicyStatement;
import io.containerplatform.components.database.MysqlSettings;
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
class AsgServiceComponentTest {

    static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    static final Placement PLACEMENT = Placement.of("vpc-1", "10.0.0.0/16", List.of("pub-a", "pub-b"), List.of("priv-a", "priv-b"));

    static AsgServiceArgs.Builder args() {
        return AsgServiceArgs.builder()
                .placement(PLACEMENT)
                .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/student-records-app:1.0.0");
    }

    /** The service "app" behind load balancer "lb", which checks {@code /students}. */
    static PlatformMocks build(AsgServiceArgs.Builder args) {
        return MockStack.run(ctx -> {
            var lb = new WebLoadBalancer("lb", WebLoadBalancerArgs.builder().placement(PLACEMENT)
                    .routes(List.of(Route.builder().name("app").targetType("instance").port(80).healthCheckPath("/students").paths(List.of()).hosts(List.of()).build()))
                    .build(), ComponentResourceOptions.Empty);
            new AsgServiceComponent("app", args.target(lb.target("app")).build(), ComponentResourceOptions.Empty);
        });
    }

    static PlatformMocks withDatabase() {
        return build(args().alarmEmails(List.of("ops@example.com", "dev@example.com")).database(MysqlSettings.builder().build()));
    }

    static String userData(PlatformMocks mocks) {
        var encoded = (String) mocks.named("aws:ec2/launchTemplate:LaunchTemplate", "app-lt").inputs.get("userData");
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    @Test
    void launchTemplateRequiresImdsv2EncryptsTheRootVolumeAndHasNoPublicIp() {
        var mocks = build(args().instanceType("t3.medium"));
        var lt = mocks.named("aws:ec2/launchTemplate:LaunchTemplate", "app-lt");
        assertThat(lt.inputs).containsEntry("instanceType", "t3.medium").containsEntry("updateDefaultVersion", true)
                .containsEntry("metadataOptions", Map.of("httpEndpoint", "enabled", "httpTokens", "required", "httpPutResponseHopLimit", 1.0))
                .containsEntry("blockDeviceMappings", List.of(Map.of("deviceName", "/dev/xvda", "ebs", Map.of("volumeType", "gp3",
                        "volumeSize", 20.0, "encrypted", "true", "deleteOnTermination", "true"))))
                .containsEntry("networkInterfaces", List.of(Map.of("deviceIndex", 0.0, "associatePublicIpAddress", "false",
                        "securityGroups", List.of("app-instances-sg-id"))))
                .containsEntry("monitoring", Map.of("enabled", true))
                .containsEntry("iamInstanceProfile", Map.of("arn", PlatformMocks.arn("aws:iam/instanceProfile:InstanceProfile", "app-profile")));
        assertThat(lt.inputs.get("imageId")).asString().startsWith("ami-0mock");
        assertThat(mocks.calls()).anySatisfy(call -> assertThat(call.args).containsEntry("name", Ec2Capacity.AL2023_AMI));
    }

    @Test
    void instanceRoleHasSsmEcrReadAndCloudWatchAgentOnly() {
        var mocks = build(args());
        assertThat(mocks.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).extracting(r -> r.inputs.get("policyArn"))
                .containsExactlyInAnyOrderElementsOf(Ec2Capacity.BASE_POLICIES);
        assertThat((String) mocks.named("aws:iam/role:Role", "app-instance-role").inputs.get("assumeRolePolicy")).contains("ec2.amazonaws.com");
        assertThat(mocks.ofType("aws:iam/rolePolicy:RolePolicy")).isEmpty();
    }

    @Test
    void userDataReadsTheDatabaseSecretAtBootAndHoldsNoPassword() {
        var mocks = withDatabase();
        var script = userData(mocks);
        var secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-app-db";
        assertThat(script).startsWith("#!/bin/bash\nset -euo pipefail\n")
                .contains("systemctl enable --now docker")
                .contains("aws secretsmanager get-secret-value --region 'us-east-1' --secret-id '" + secret + "'")
                .contains("echo \"DB_HOST=app-db.abcdefgh.us-east-1.rds.amazonaws.com\"")
                .contains("docker login --username AWS --password-stdin")
                .contains("docker run -d --name app --restart always -p 80:80 --env-file /run/app.env")
                .contains("awslogs-group='/asg/app'").contains("systemctl enable --now app-db-credentials.timer")
                .contains("IMAGE='123456789012.dkr.ecr.us-east-1.amazonaws.com/student-records-app:1.0.0'")
                .contains("registry=\"${IMAGE%%/*}\"");
        assertThat(script).doesNotContainPattern("DB_PASSWORD=[^$]").doesNotContain("[secret]");
        var policy = (String) mocks.named("aws:iam/rolePolicy:RolePolicy", "app-db-secret").inputs.get("policy");
        assertThat(policy).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"secretsmanager:GetSecretValue\"],\"Resource\":[\"" + secret + "\"]}]}");
    }

    @Test
    void theAppsOwnUserReplacesTheMasterCredentialsWhenGiven() {
        var own = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-user-AbCdEf";
        var mocks = build(args().database(MysqlSettings.builder().appSecretArn(own).build()));
        assertThat(userData(mocks)).contains("--secret-id '" + own + "'").doesNotContain("rds!db-app-db");
        assertThat((String) mocks.named("aws:iam/rolePolicy:RolePolicy", "app-db-secret").inputs.get("policy"))
                .contains(own).doesNotContain("rds!db");
        assertThatThrownBy(() -> MysqlSettings.builder().appSecretArn("app-user").build())
                .hasMessageContaining("MysqlSettings.appSecretArn: \"app-user\" is not a Secrets Manager secret ARN");
    }

    @Test
    void groupSpansPrivateSubnetsWithElbHealthChecksAndRollingRefresh() {
        var mocks = build(args().minSize(2).maxSize(4).desiredCapacity(2));
        var asg = mocks.named("aws:autoscaling/group:Group", "app-asg");
        assertThat(asg.inputs).containsEntry("vpcZoneIdentifiers", List.of("priv-a", "priv-b"))
                .containsEntry("minSize", 2.0).containsEntry("maxSize", 4.0).containsEntry("desiredCapacity", 2.0)
                .containsEntry("healthCheckType", "ELB").containsEntry("healthCheckGracePeriod", 300.0)
                .containsEntry("targetGroupArns", List.of(PlatformMocks.arn("aws:lb/targetGroup:TargetGroup", "lb-app-tg")))
                .containsEntry("instanceRefresh", Map.of("strategy", "Rolling", "preferences", Map.of("minHealthyPercentage", 50.0)))
                .containsEntry("metricsGranularity", "1Minute")
                .containsEntry("launchTemplate", Map.of("id", "app-lt-id", "version", "1"));
        assertThat((List<String>) asg.inputs.get("enabledMetrics")).contains("GroupInServiceInstances", "GroupDesiredCapacity");
        assertThat((List<Object>) asg.inputs.get("tags")).contains(Map.of("key", "Name", "value", "app", "propagateAtLaunch", true));
        assertThat(mocks.named("aws:lb/targetGroup:TargetGroup", "lb-app-tg").inputs).containsEntry("targetType", "instance");
        assertThat(mapInput(mocks.named("aws:lb/targetGroup:TargetGroup", "lb-app-tg"), "healthCheck")).containsEntry("path", "/students");
    }

    @Test
    void scalingFollowsTheSeedTargetTrackingAndSimpleSteps() {
        var mocks = build(args());
        var target = mocks.named("aws:autoscaling/policy:Policy", "app-cpu-target");
        assertThat(target.inputs).containsEntry("policyType", "TargetTrackingScaling").containsEntry("autoscalingGroupName", "app-asg")
                .containsEntry("targetTrackingConfiguration", Map.of("predefinedMetricSpecification",
                        Map.of("predefinedMetricType", "ASGAverageCPUUtilization"), "targetValue", 50.0));
        assertThat(mocks.named("aws:autoscaling/policy:Policy", "app-scale-up").inputs).containsEntry("policyType", "SimpleScaling")
                .containsEntry("adjustmentType", "ChangeInCapacity").containsEntry("scalingAdjustment", 1.0).containsEntry("cooldown", 300.0);
        assertThat(mocks.named("aws:autoscaling/policy:Policy", "app-scale-down").inputs).containsEntry("scalingAdjustment", -1.0)
                .containsEntry("cooldown", 300.0);
        var high = mocks.named(ALARM, "app-cpu-high");
        assertThat(high.inputs).containsEntry("metricName", "CPUUtilization").containsEntry("namespace", "AWS/EC2")
                .containsEntry("comparisonOperator", "GreaterThanThreshold").containsEntry("threshold", 70.0)
                .containsEntry("period", 60.0).containsEntry("evaluationPeriods", 2.0)
                .containsEntry("dimensions", Map.of("AutoScalingGroupName", "app-asg"));
        assertThat((List<String>) high.inputs.get("alarmActions")).containsExactly(
                PlatformMocks.arn("aws:autoscaling/policy:Policy", "app-scale-up"), PlatformMocks.arn("aws:sns/topic:Topic", "app-alarms"));
        var low = mocks.named(ALARM, "app-cpu-low");
        assertThat(low.inputs).containsEntry("comparisonOperator", "LessThanThreshold").containsEntry("threshold", 30.0);
        assertThat((List<String>) low.inputs.get("alarmActions")).first().isEqualTo(PlatformMocks.arn("aws:autoscaling/policy:Policy", "app-scale-down"));
    }

    @Test
    void thresholdsComeFromArgs() {
        var mocks = build(args().cpuTargetPercent(40).scaleUpCpuPercent(80).scaleDownCpuPercent(20).cooldownSeconds(120));
        assertThat(mocks.named(ALARM, "app-cpu-high").inputs).containsEntry("threshold", 80.0);
        assertThat(mocks.named(ALARM, "app-cpu-low").inputs).containsEntry("threshold", 20.0);
        assertThat(mocks.named("aws:autoscaling/policy:Policy", "app-scale-up").inputs).containsEntry("cooldown", 120.0);
        assertThat(mapInput(mocks.named("aws:autoscaling/policy:Policy", "app-cpu-target"), "targetTrackingConfiguration"))
                .containsEntry("targetValue", 40.0);
    }

    @Test
    void alarmsNotifyTheEncryptedTopicAndItsEmailSubscribers() {
        var mocks = withDatabase();
        assertThat(mocks.named("aws:sns/topic:Topic", "app-alarms").inputs)
                .containsEntry("kmsMasterKeyId", PlatformMocks.arn("aws:kms/key:Key", "app-alarms-key"));
        assertThat(mocks.ofType("aws:sns/topicSubscription:TopicSubscription")).extracting(r -> r.inputs.get("endpoint"))
                .containsExactlyInAnyOrder("ops@example.com", "dev@example.com");
        var topic = PlatformMocks.arn("aws:sns/topic:Topic", "app-alarms");
        for (var alarm : mocks.ofType(ALARM)) {
            assertThat((List<String>) alarm.inputs.get("alarmActions")).describedAs(alarm.name).contains(topic);
        }
        assertThat(alarm(mocks, "app-unhealthy-hosts")).containsEntry("metricName", "UnHealthyHostCount").containsEntry("threshold", 0.0)
                .containsEntry("comparisonOperator", "GreaterThanThreshold")
                .containsEntry("dimensions", Map.of("TargetGroup", "targetgroup/lb-app-tg/6d0ecf831eec9f09", "LoadBalancer", "app/lb/50dc6c495c0c9188"));
        assertThat(alarm(mocks, "app-alb-5xx")).containsEntry("metricName", "HTTPCode_Target_5XX_Count").containsEntry("statistic", "Sum")
                .containsEntry("period", 300.0).containsEntry("evaluationPeriods", 1.0).containsEntry("threshold", 10.0);
        assertThat(alarm(mocks, "app-response-time")).containsEntry("metricName", "TargetResponseTime").containsEntry("threshold", 1.0);
        assertThat(alarm(mocks, "app-rds-cpu")).containsEntry("namespace", "AWS/RDS").containsEntry("threshold", 80.0)
                .containsEntry("dimensions", Map.of("DBInstanceIdentifier", "app-db"));
        assertThat(alarm(mocks, "app-rds-free-storage")).containsEntry("metricName", "FreeStorageSpace")
                .containsEntry("comparisonOperator", "LessThanThreshold").containsEntry("threshold", 2147483648.0);
        assertThat(alarm(mocks, "app-rds-connections")).containsEntry("metricName", "DatabaseConnections").containsEntry("threshold", 100.0);
        assertThat(mocks.ofType(ALARM)).hasSize(8);
    }

    @Test
    void withoutDatabaseThereAreNoDatabaseAlarmsOrSecretsInUserData() {
        var mocks = build(args());
        assertThat(mocks.ofType("aws:rds/instance:Instance")).isEmpty();
        assertThat(mocks.ofType(ALARM)).extracting(r -> r.name).doesNotContain("app-rds-cpu").hasSize(5);
        assertThat(userData(mocks)).doesNotContain("secretsmanager");
    }

    private static Map<String, Object> alarm(PlatformMocks mocks, String name) {
        return mocks.named(ALARM, name).inputs;
    }

    @Test
    void dashboardShowsLoadBalancerGroupAndDatabaseFromTheirOutputs() {
        var body = JsonParser.parseString((String) mocks(withDatabase()).named("aws:cloudwatch/dashboard:Dashboard", "app-dashboard")
                .inputs.get("dashboardBody")).getAsJsonObject();
        var widgets = body.getAsJsonArray("widgets");
        assertThat(widgets).hasSize(6);
        var text = body.toString();
        assertThat(text).contains("[\"AWS/ApplicationELB\",\"RequestCount\",\"LoadBalancer\",\"app/lb/50dc6c495c0c9188\"")
                .contains("HTTPCode_Target_2XX_Count").contains("HTTPCode_Target_5XX_Count").contains("TargetResponseTime")
                .contains("[\"AWS/EC2\",\"CPUUtilization\",\"AutoScalingGroupName\",\"app-asg\"")
                .contains("GroupInServiceInstances").contains("GroupDesiredCapacity")
                .contains("[\"AWS/RDS\",\"CPUUtilization\",\"DBInstanceIdentifier\",\"app-db\"")
                .contains("DatabaseConnections").contains("FreeableMemory").contains("\"region\":\"us-east-1\"");
    }

    private static PlatformMocks mocks(PlatformMocks m) {
        return m;
    }

    @Test
    void onlyTheLoadBalancerReachesTheInstancesAndOnlyTheInstancesReachTheDatabase() {
        var mocks = withDatabase();
        var instances = mocks.named("aws:ec2/securityGroup:SecurityGroup", "app-instances-sg");
        assertThat((List<Object>) instances.inputs.get("ingress")).singleElement().isEqualTo(Map.of("description", "App port from the load balancer",
                "protocol", "tcp", "fromPort", 80.0, "toPort", 80.0, "securityGroups", List.of("lb-sg-id")));
        var db = mocks.named("aws:ec2/securityGroup:SecurityGroup", "app-db-sg");
        assertThat((List<Object>) db.inputs.get("ingress")).singleElement().isEqualTo(Map.of("description", "MySQL from the application instances",
                "protocol", "tcp", "fromPort", 3306.0, "toPort", 3306.0, "securityGroups", List.of("app-instances-sg-id")));
        for (ResourceArgs sg : mocks.ofType("aws:ec2/securityGroup:SecurityGroup")) {
            if (!sg.name.equals("lb-sg")) {
                assertThat(String.valueOf(sg.inputs.get("ingress"))).describedAs(sg.name).doesNotContain("0.0.0.0/0");
            }
        }
    }

    @Test
    void invalidArgsListEveryProblem() {
        assertThatThrownBy(() -> args().image("app:latest").instanceType("big").minSize(3).maxSize(2).scaleUpCpuPercent(30)
                .scaleDownCpuPercent(40).alarmEmails(List.of("ops")).build())
                .hasMessageStartingWith("AsgServiceArgs.target: missing | "
                        + "AsgServiceArgs.image: \"app:latest\" uses the latest tag; pin a version tag or a digest so rollbacks are possible;")
                .hasMessageContaining(" | AsgServiceArgs.alarmEmails: \"ops\" is not an email address; allowed: email addresses | "
                        + "AsgServiceArgs.instanceType: \"big\" is not an EC2 instance type; allowed: an EC2 instance type | "
                        + "AsgServiceArgs.minSize: 3 is greater than maxSize 2; allowed: minSize <= desiredCapacity <= maxSize | ")
                .hasMessageEndingWith("AsgServiceArgs.scaleDownCpuPercent: 40 is not below scaleUpCpuPercent 30; allowed: 0 to 99, below scaleUpCpuPercent");
    }

    @Test
    void theContainerGetsItsPlainVariablesAndTheInstancesTheirExtraPermissions() {
        var mocks = build(args().environment(Map.of("LOG_LEVEL", "debug"))
                .permissions(Permissions.builder().managedPolicyArns(List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"))
                        .statements(List.of(PolicyStatement.builder().action(List.of("sqs:SendMessage")).resource(List.of("*")).build()))
                        .build()));
        assertThat(userData(mocks)).contains("cat >> /run/app.base.env <<'ENV'\nLOG_LEVEL=debug\nENV\ninstall -m 600 /run/app.base.env /run/app.env\n");
        assertThat(mocks.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).extracting(r -> r.inputs.get("policyArn"))
                .contains("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        assertThat((String) mocks.named("aws:iam/rolePolicy:RolePolicy", "app-instance-inline").inputs.get("policy")).contains("sqs:SendMessage");
        assertThatThrownBy(() -> args().environment(Map.of("A", "two\nlines")).target(null).build())
                .hasMessageContaining("AsgServiceArgs.environment: the value of A spans lines (an env file's value cannot)");
    }

    @Test
    void anImageTagRunsFromTheServicesOwnRepository() {
        var mocks = build(args().image(":2.0.1"));
        assertThat(mocks.named("aws:ecr/repository:Repository", "app-repo").inputs).containsEntry("imageTagMutability", "IMMUTABLE")
                .containsEntry("forceDelete", true);
        assertThat(userData(mocks)).contains("IMAGE='123456789012.dkr.ecr.us-east-1.amazonaws.com/app-repo:2.0.1'");
    }

    @Test
    void schedulesSetTheGroupsBoundsAtTheirTimes() {
        var mocks = build(args().schedules(List.of(
                io.containerplatform.components.scaling.ScheduledCapacity.builder().name("business-hours").cron("0 9 * * MON-FRI")
                .timeZone("Europe/Paris").minCapacity(3).maxCapacity(6).build())));
        assertThat(mocks.named("aws:autoscaling/schedule:Schedule", "app-schedule-business-hours").inputs)
                .containsEntry("autoscalingGroupName", "app-asg").containsEntry("recurrence", "0 9 * * MON-FRI")
                .containsEntry("timeZone", "Europe/Paris").containsEntry("minSize", 3.0).containsEntry("maxSize", 6.0);
    }
}
