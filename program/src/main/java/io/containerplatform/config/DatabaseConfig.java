package io.containerplatform.config;

import io.containerplatform.components.database.MysqlDatabaseArgs;

import java.util.regex.Pattern;

/**
 * {@code services.<name>.database}: the RDS MySQL database of an ec2 service (its presence creates it).
 *
 * @param instanceClass         default {@code db.t4g.micro}
 * @param multiAz               default true in prod, else false
 * @param allocatedStorageGb    default 20
 * @param maxAllocatedStorageGb storage autoscaling ceiling, default 100
 * @param backupRetentionDays   1 to 35, default 7
 * @param engineVersion         8.0 or 8.4, default 8.0
 * @param appSecretArn          the secret of the app's own database user; default none (the master credentials)
 */
public record DatabaseConfig(String instanceClass, boolean multiAz, int allocatedStorageGb,
                             int maxAllocatedStorageGb, int backupRetentionDays, String engineVersion,
                             java.util.Optional<String> appSecretArn) {

    private static final Pattern INSTANCE_CLASS = Pattern.compile("db\\.[a-z0-9]+\\.[a-z0-9]+");

    static DatabaseConfig read(ConfigObject c, Environment env) {
        var classAllowed = "an RDS instance class such as db.t4g.micro";
        var instanceClass = c.string("instanceClass", "db.t4g.micro", classAllowed);
        if (!INSTANCE_CLASS.matcher(instanceClass).matches()) {
            c.error("instanceClass", "\"" + instanceClass + "\" is not an RDS instance class", classAllowed);
        }
        var multiAz = c.bool("multiAz", env.redundantByDefault());
        var storage = c.integer("allocatedStorageGb", 20, 20, 65536);
        var maxStorage = c.integer("maxAllocatedStorageGb", Math.max(100, storage), 20, 65536);
        if (maxStorage < storage) {
            c.error("maxAllocatedStorageGb", maxStorage + " is below allocatedStorageGb " + storage, "at least allocatedStorageGb");
        }
        var backups = c.integer("backupRetentionDays", 7, 1, 35);
        var versionAllowed = "MySQL 8.0 or 8.4, optionally with a minor version (8.0.39)";
        var version = c.string("engineVersion", "8.0", versionAllowed);
        if (!version.matches("8\\.0(\\.\\d+)?|8\\.4(\\.\\d+)?")) {
            c.error("engineVersion", "\"" + version + "\" is not supported", versionAllowed);
        }
        var secretAllowed = "a Secrets Manager secret ARN, arn:aws:secretsmanager:<region>:<account>:secret:<name>";
        var appSecret = c.optionalString("appSecretArn", secretAllowed);
        appSecret.filter(arn -> !io.containerplatform.components.common.Formats.isSecretArn(arn))
                .ifPresent(arn -> c.error("appSecretArn", "\"" + arn + "\" is not a Secrets Manager secret ARN", secretAllowed));
        c.rejectUnknownKeys();
        return new DatabaseConfig(instanceClass, multiAz, storage, maxStorage, backups, version, appSecret);
    }

    /** The database settings; production adds deletion protection, a final snapshot, protect and Performance Insights. */
    public MysqlDatabaseArgs.Builder toArgs(Environment env) {
        return MysqlDatabaseArgs.builder()
                .instanceClass(instanceClass)
                .multiAz(multiAz)
                .allocatedStorageGb(allocatedStorageGb)
                .maxAllocatedStorageGb(maxAllocatedStorageGb)
                .backupRetentionDays(backupRetentionDays)
                .engineVersion(engineVersion)
                .production(env.isProd())
                .performanceInsights(env.redundantByDefault())
                .monitoringIntervalSeconds(env.rdsMonitoringIntervalSeconds())
                .appSecretArn(appSecretArn.orElse(null));
    }
}
