package io.containerplatform.components.database;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.containerplatform.components.common.IamPolicy;

import java.util.List;
import java.util.Map;

/**
 * RDS MySQL in private subnets: encrypted gp3 storage with autoscaling, backups, CloudWatch log exports,
 * automatic minor upgrades, a master password managed by RDS in Secrets Manager (never in code, config or
 * state), port 3306 open to one client security group only, and in production Multi-AZ-ready deletion
 * protection, a final snapshot and Pulumi {@code protect}.
 */
public class MysqlDatabase extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:database:MysqlDatabase";
    /** Logs exported to CloudWatch. */
    public static final List<String> LOG_EXPORTS = List.of("error", "slowquery");

    private final Output<String> endpoint;
    private final Output<String> address;
    private final Output<Integer> port;
    private final Output<String> secretArn;
    private final Output<String> appCredentialsSecretArn;
    private final Output<String> identifier;
    private final Output<String> securityGroupId;
    private final String databaseName;

    public MysqlDatabase(String name, MysqlDatabaseArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var settings = args.settings();
        var subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                .description("Private subnets of " + name)
                .subnetIds(args.subnetIds())
                .build(), child());
        var group = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .description("Database " + name + ": MySQL from its clients only")
                .vpcId(args.vpcId())
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("MySQL from the application instances")
                        .protocol("tcp").fromPort(3306).toPort(3306)
                        .securityGroups(args.clientSecurityGroupId().applyValue(List::of))
                        .build())
                .tags(Map.of("Name", name + "-sg"))
                .build(), child());

        var db = InstanceArgs.builder()
                .engine("mysql")
                .engineVersion(settings.engineVersion())
                .instanceClass(settings.instanceClass())
                .dbName(settings.databaseName())
                .username("admin_user")
                .manageMasterUserPassword(true)
                .multiAz(settings.multiAz())
                .storageType("gp3")
                .allocatedStorage(settings.allocatedStorageGb())
                .maxAllocatedStorage(settings.maxAllocatedStorageGb())
                .storageEncrypted(true)
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(group.id().applyValue(List::of))
                .publiclyAccessible(false)
                .backupRetentionPeriod(settings.backupRetentionDays())
                .copyTagsToSnapshot(true)
                .enabledCloudwatchLogsExports(LOG_EXPORTS)
                .autoMinorVersionUpgrade(true)
                // Lets a change of engineVersion to a new major (8.0 to 8.4) be applied: RDS rejects it otherwise. Nothing upgrades a
                // major on its own (autoMinorVersionUpgrade is for minors).
                .allowMajorVersionUpgrade(true)
                .deletionProtection(settings.production())
                .skipFinalSnapshot(!settings.production())
                .performanceInsightsEnabled(settings.performanceInsights())
                .tags(Map.of("Name", name));
        if (settings.production()) {
            db.finalSnapshotIdentifier(name + "-final");
        }
        if (settings.performanceInsights()) {
            db.performanceInsightsRetentionPeriod(7);
        }
        if (settings.monitoringIntervalSeconds() > 0) {
            var monitoring = new Role(name + "-monitoring-role", RoleArgs.builder()
                    .description("Enhanced monitoring of " + name)
                    .assumeRolePolicy(IamPolicy.assumedByService("monitoring.rds.amazonaws.com"))
                    .build(), child());
            new RolePolicyAttachment(name + "-monitoring-policy", RolePolicyAttachmentArgs.builder()
                    .role(monitoring.name())
                    .policyArn("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole")
                    .build(), child());
            db.monitoringInterval(settings.monitoringIntervalSeconds()).monitoringRoleArn(monitoring.arn());
        }
        var instance = new Instance(name, db.build(), CustomResourceOptions.builder().parent(this).protect(settings.production()).build());

        this.endpoint = instance.endpoint();
        this.address = instance.address();
        this.port = instance.port();
        this.secretArn = instance.masterUserSecrets().applyValue(secrets -> secrets.isEmpty() ? "" : secrets.get(0).secretArn().orElse(""));
        this.appCredentialsSecretArn = settings.appSecretArn().map(Output::of).orElse(secretArn);
        this.identifier = instance.identifier();
        this.securityGroupId = group.id();
        this.databaseName = settings.databaseName();
        registerOutputs(Map.of("endpoint", endpoint, "port", port, "secretArn", secretArn));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** {@code host:port}. */
    public Output<String> endpoint() {
        return endpoint;
    }

    /** Host name. */
    public Output<String> address() {
        return address;
    }

    public Output<Integer> port() {
        return port;
    }

    /**
     * The secret the application connects with: {@link MysqlSettings#appSecretArn()}, the app's own user, when
     * given, else the master credentials' secret.
     */
    public Output<String> appCredentialsSecretArn() {
        return appCredentialsSecretArn;
    }

    /** The Secrets Manager secret RDS keeps the master credentials in (JSON with username and password). */
    public Output<String> secretArn() {
        return secretArn;
    }

    /** The DB instance identifier (the CloudWatch dimension {@code DBInstanceIdentifier}). */
    public Output<String> identifier() {
        return identifier;
    }

    /** The initial database's name. */
    public String databaseName() {
        return databaseName;
    }

    public Output<String> securityGroupId() {
        return securityGroupId;
    }
}
