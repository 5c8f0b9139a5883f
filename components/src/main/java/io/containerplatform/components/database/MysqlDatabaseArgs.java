package io.containerplatform.components.database;

import io.containerplatform.components.common.Formats;

import com.pulumi.core.Output;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.components.network.Placement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Arguments of {@link MysqlDatabase}. Immutable; build with {@link #builder()}. */
public final class MysqlDatabaseArgs {

    private static final Pattern INSTANCE_CLASS = Pattern.compile("db\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern ENGINE_VERSION = Pattern.compile("8\\.0(\\.\\d+)?|8\\.4(\\.\\d+)?");

    private final Output<List<String>> subnetIds;
    private final Output<String> clientSecurityGroupId;
    private final String instanceClass;
    private final String engineVersion;
    private final boolean multiAz;
    private final int allocatedStorageGb;
    private final int maxAllocatedStorageGb;
    private final int backupRetentionDays;
    private final boolean production;
    private final boolean performanceInsights;
    private final int monitoringIntervalSeconds;
    private final String databaseName;
    private final String appSecretArn;

    private final Placement placement;

    private MysqlDatabaseArgs(Builder b) {
        this.placement = b.placement;
        this.appSecretArn = b.appSecretArn;
        this.subnetIds = b.subnetIds;
        this.clientSecurityGroupId = b.clientSecurityGroupId;
        this.instanceClass = b.instanceClass;
        this.engineVersion = b.engineVersion;
        this.multiAz = b.multiAz;
        this.allocatedStorageGb = b.allocatedStorageGb;
        this.maxAllocatedStorageGb = b.maxAllocatedStorageGb;
        this.backupRetentionDays = b.backupRetentionDays;
        this.production = b.production;
        this.performanceInsights = b.performanceInsights;
        this.monitoringIntervalSeconds = b.monitoringIntervalSeconds;
        this.databaseName = b.databaseName;
    }

    /** VPC of the database's security group. Required. */
    public Output<String> vpcId() {
        return placement.vpcId();
    }

    /** Private subnets of the DB subnet group (at least two zones). Required. */
    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    /** The only security group allowed to reach port 3306. Required. */
    public Output<String> clientSecurityGroupId() {
        return clientSecurityGroupId;
    }

    /** Instance class. Default {@code db.t4g.micro}; {@code db.<family>.<size>}. */
    public String instanceClass() {
        return instanceClass;
    }

    /** MySQL version. Default {@code 8.0}; 8.0 or 8.4, optionally with a minor (minor upgrades are automatic). */
    public String engineVersion() {
        return engineVersion;
    }

    /** A synchronous standby in another zone with automatic failover. Default false; on in production. */
    public boolean multiAz() {
        return multiAz;
    }

    /** Initial gp3 storage in GiB. Default 20; 20 to 65536. */
    public int allocatedStorageGb() {
        return allocatedStorageGb;
    }

    /** Storage autoscaling ceiling in GiB. Default 100; at least {@link #allocatedStorageGb()}. */
    public int maxAllocatedStorageGb() {
        return maxAllocatedStorageGb;
    }

    /** Days of automated backups. Default 7; 1 to 35. */
    public int backupRetentionDays() {
        return backupRetentionDays;
    }

    /**
     * Production database: deletion protection, a final snapshot on deletion, and Pulumi {@code protect}.
     * Default false (dev databases can be destroyed without a snapshot).
     */
    public boolean production() {
        return production;
    }

    /** Performance Insights (7 days, free tier). Default false. */
    public boolean performanceInsights() {
        return performanceInsights;
    }

    /** Enhanced monitoring interval in seconds; 0 (default) turns it off; 0, 1, 5, 10, 15, 30 or 60. */
    public int monitoringIntervalSeconds() {
        return monitoringIntervalSeconds;
    }

    /** Initial database name. Default {@code app}. */
    public String databaseName() {
        return databaseName;
    }

    /**
     * The Secrets Manager secret ({@code {"username", "password"}} JSON) of the application's own database user,
     * which a DBA creates with only the grants the app needs (README, "The application's database user") and
     * rotates with the alternating-users strategy. Default: none, and the app connects with the master
     * credentials RDS keeps and rotates. Allowed: a Secrets Manager secret ARN.
     */
    public java.util.Optional<String> appSecretArn() {
        return java.util.Optional.ofNullable(appSecretArn);
    }

    /** Where the component's resources go: the VPC and its subnets ({@link NetworkComponent#placement()}). Required. */
    public Placement placement() { return placement; }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link MysqlDatabaseArgs}; {@link #build()} validates every field at once. */
    public static final class Builder {
        private Placement placement;
        private Output<List<String>> subnetIds;
        private Output<String> clientSecurityGroupId;
        private String instanceClass = "db.t4g.micro";
        private String engineVersion = "8.0";
        private boolean multiAz;
        private int allocatedStorageGb = 20;
        private int maxAllocatedStorageGb = 100;
        private int backupRetentionDays = 7;
        private boolean production;
        private boolean performanceInsights;
        private int monitoringIntervalSeconds;
        private String databaseName = "app";
        private String appSecretArn;

        public Builder subnetIds(Output<List<String>> v) { this.subnetIds = v; return this; }
        public Builder clientSecurityGroupId(Output<String> v) { this.clientSecurityGroupId = v; return this; }
        public Builder instanceClass(String v) { this.instanceClass = v; return this; }
        public Builder engineVersion(String v) { this.engineVersion = v; return this; }
        public Builder multiAz(boolean v) { this.multiAz = v; return this; }
        public Builder allocatedStorageGb(int v) { this.allocatedStorageGb = v; return this; }
        public Builder maxAllocatedStorageGb(int v) { this.maxAllocatedStorageGb = v; return this; }
        public Builder backupRetentionDays(int v) { this.backupRetentionDays = v; return this; }
        public Builder production(boolean v) { this.production = v; return this; }
        public Builder performanceInsights(boolean v) { this.performanceInsights = v; return this; }
        public Builder monitoringIntervalSeconds(int v) { this.monitoringIntervalSeconds = v; return this; }
        public Builder databaseName(String v) { this.databaseName = v; return this; }
        public Builder appSecretArn(String v) { this.appSecretArn = v; return this; }

        /** Where the component's resources go: {@link NetworkComponent#placement()}, or {@link Placement#of} for an existing VPC. */
        public Builder placement(Placement v) { this.placement = v; return this; }

        /** Validates and builds; the exception lists every invalid field. */
        public MysqlDatabaseArgs build() {
            var errors = new ArrayList<String>();
            if (placement == null) {
                errors.add("MysqlDatabaseArgs.placement is required");
            }
            if (appSecretArn != null && !Formats.isSecretArn(appSecretArn)) {
                errors.add("MysqlDatabaseArgs.appSecretArn: \"" + appSecretArn + "\" is not a Secrets Manager secret ARN");
            }
            if (subnetIds == null) {
                errors.add("MysqlDatabaseArgs.subnetIds is required");
            }
            if (clientSecurityGroupId == null) {
                errors.add("MysqlDatabaseArgs.clientSecurityGroupId is required");
            }
            if (instanceClass == null || !INSTANCE_CLASS.matcher(instanceClass).matches()) {
                errors.add("MysqlDatabaseArgs.instanceClass: \"" + instanceClass + "\" is not an RDS instance class (db.<family>.<size>)");
            }
            if (engineVersion == null || !ENGINE_VERSION.matcher(engineVersion).matches()) {
                errors.add("MysqlDatabaseArgs.engineVersion: \"" + engineVersion + "\" is not MySQL 8.0 or 8.4");
            }
            if (allocatedStorageGb < 20 || allocatedStorageGb > 65536) {
                errors.add("MysqlDatabaseArgs.allocatedStorageGb: " + allocatedStorageGb + " is outside 20 to 65536");
            }
            if (maxAllocatedStorageGb < allocatedStorageGb || maxAllocatedStorageGb > 65536) {
                errors.add("MysqlDatabaseArgs.maxAllocatedStorageGb: " + maxAllocatedStorageGb + " is outside allocatedStorageGb ("
                        + allocatedStorageGb + ") to 65536");
            }
            if (backupRetentionDays < 1 || backupRetentionDays > 35) {
                errors.add("MysqlDatabaseArgs.backupRetentionDays: " + backupRetentionDays + " is outside 1 to 35");
            }
            if (!List.of(0, 1, 5, 10, 15, 30, 60).contains(monitoringIntervalSeconds)) {
                errors.add("MysqlDatabaseArgs.monitoringIntervalSeconds: " + monitoringIntervalSeconds + " is not one of 0, 1, 5, 10, 15, 30, 60");
            }
            if (databaseName == null || !databaseName.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                errors.add("MysqlDatabaseArgs.databaseName: \"" + databaseName + "\" is not a MySQL database name");
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new MysqlDatabaseArgs(this);
        }
    }
}
