package io.containerplatform.components.database;

import io.containerplatform.components.network.Placement;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MysqlDatabaseTest {

    static MysqlDatabaseArgs.Builder args() {
        return MysqlDatabaseArgs.builder().placement(Placement.of("vpc-1", "10.0.0.0/16", List.of("pub-a", "pub-b"), List.of("priv-a", "priv-b"))).subnetIds(Output.of(List.of("priv-a", "priv-b")))
                .clientSecurityGroupId(Output.of("sg-clients"));
    }

    static PlatformMocks build(MysqlDatabaseArgs args) {
        return MockStack.run(ctx -> new MysqlDatabase("db", args, ComponentResourceOptions.Empty));
    }

    @Test
    void devDatabaseIsEncryptedPrivateBackedUpWithAManagedPassword() {
        var db = build(args().build()).named("aws:rds/instance:Instance", "db");
        assertThat(db.inputs).containsEntry("engine", "mysql").containsEntry("engineVersion", "8.4").containsEntry("instanceClass", "db.t4g.micro")
                .containsEntry("manageMasterUserPassword", true).doesNotContainKey("password")
                .containsEntry("storageEncrypted", true).containsEntry("storageType", "gp3")
                .containsEntry("allocatedStorage", 20.0).containsEntry("maxAllocatedStorage", 100.0)
                .containsEntry("publiclyAccessible", false).containsEntry("backupRetentionPeriod", 7.0)
                .containsEntry("enabledCloudwatchLogsExports", List.of("error", "slowquery"))
                .containsEntry("autoMinorVersionUpgrade", true).containsEntry("allowMajorVersionUpgrade", true).containsEntry("multiAz", false)
                .containsEntry("deletionProtection", false).containsEntry("skipFinalSnapshot", true)
                .containsEntry("dbSubnetGroupName", "db-subnets").containsEntry("vpcSecurityGroupIds", List.of("db-sg-id"))
                .doesNotContainKey("finalSnapshotIdentifier").doesNotContainKey("monitoringInterval");
    }

    @Test
    void productionDatabaseIsMultiAzProtectedAndMonitored() {
        var mocks = build(args().settings(MysqlSettings.builder().multiAz(true).production(true).performanceInsights(true).monitoringIntervalSeconds(60).build()).build());
        var db = mocks.named("aws:rds/instance:Instance", "db");
        assertThat(db.inputs).containsEntry("multiAz", true).containsEntry("deletionProtection", true)
                .containsEntry("skipFinalSnapshot", false).containsEntry("finalSnapshotIdentifier", "db-final")
                .containsEntry("performanceInsightsEnabled", true).containsEntry("performanceInsightsRetentionPeriod", 7.0)
                .containsEntry("monitoringInterval", 60.0)
                .containsEntry("monitoringRoleArn", PlatformMocks.arn("aws:iam/role:Role", "db-monitoring-role"));
        assertThat((String) mocks.named("aws:iam/role:Role", "db-monitoring-role").inputs.get("assumeRolePolicy"))
                .contains("monitoring.rds.amazonaws.com");
    }

    @Test
    void onlyTheClientGroupReachesPort3306() {
        var mocks = build(args().build());
        assertThat(mocks.named("aws:rds/subnetGroup:SubnetGroup", "db-subnets").inputs).containsEntry("subnetIds", List.of("priv-a", "priv-b"));
        assertThat(mocks.named("aws:ec2/securityGroup:SecurityGroup", "db-sg").inputs.get("ingress")).isEqualTo(List.of(java.util.Map.of(
                "description", "MySQL from the application instances", "protocol", "tcp", "fromPort", 3306.0, "toPort", 3306.0,
                "securityGroups", List.of("sg-clients"))));
    }

    @Test
    void invalidArgsListEveryProblem() {
        assertThatThrownBy(() -> MysqlDatabaseArgs.builder().build())
                .hasMessage("MysqlDatabaseArgs.placement: missing | MysqlDatabaseArgs.subnetIds: missing | "
                        + "MysqlDatabaseArgs.clientSecurityGroupId: missing");
        assertThatThrownBy(() -> MysqlSettings.builder().instanceClass("t3.micro").engineVersion("5.7").allocatedStorageGb(10)
                .maxAllocatedStorageGb(5).backupRetentionDays(0).monitoringIntervalSeconds(2).databaseName("1db").build())
                .hasMessage("MysqlSettings.allocatedStorageGb: 10 is out of range; allowed: 20 to 65536 | "
                        + "MysqlSettings.maxAllocatedStorageGb: 5 is out of range; allowed: 20 to 65536, at least allocatedStorageGb | "
                        + "MysqlSettings.backupRetentionDays: 0 is out of range; allowed: 1 to 35 | "
                        + "MysqlSettings.instanceClass: \"t3.micro\" is not an RDS instance class; allowed: db.<family>.<size>, such as db.t4g.micro | "
                        + "MysqlSettings.engineVersion: \"5.7\" is not a supported MySQL version; allowed: 8.0 or 8.4, optionally with a minor (8.0.39) | "
                        + "MysqlSettings.maxAllocatedStorageGb: 5 is below allocatedStorageGb 10; allowed: 20 to 65536, at least allocatedStorageGb | "
                        + "MysqlSettings.monitoringIntervalSeconds: 2 is not an enhanced monitoring interval; allowed: 0, 1, 5, 10, 15, 30 or 60 | "
                        + "MysqlSettings.databaseName: \"1db\" is not a MySQL database name; allowed: a MySQL database name: a letter, then up to 63"
                        + " letters, digits or _");
    }
}
