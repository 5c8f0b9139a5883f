package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.database.MysqlDatabaseArgs;

import java.util.List;
import java.util.Map;

/**
 * {@code services.<name>.database}: the RDS MySQL database of an ec2 service (its presence creates it). Its keys are
 * {@link MysqlDatabaseArgs}' inputs of the same names ({@link #KEYS}), read through their declarations; the
 * environment decides {@code multiAz}'s default and what the config does not set: production protection,
 * Performance Insights and enhanced monitoring.
 *
 * @param settings the database's inputs from config (placement, subnets and client group are the component's)
 */
public record DatabaseConfig(MysqlDatabaseArgs settings) {

    /** The keys of {@code services.<name>.database}. */
    public static final List<String> KEYS = List.of("instanceClass", "multiAz", "allocatedStorageGb", "maxAllocatedStorageGb",
            "backupRetentionDays", "engineVersion", "appSecretArn");

    static DatabaseConfig read(ConfigObject c, Environment env) {
        var settings = c.bind(Inputs.defaults(MysqlDatabaseArgs.class), Map.of("multiAz", env.redundantByDefault()), KEYS);
        c.rejectUnknownKeys();
        return new DatabaseConfig(settings);
    }

    /** The database settings; production adds deletion protection, a final snapshot, protect and Performance Insights. */
    public MysqlDatabaseArgs.Builder toArgs(Environment env) {
        return MysqlDatabaseArgs.builder(settings)
                .production(env.isProd())
                .performanceInsights(env.redundantByDefault())
                .monitoringIntervalSeconds(env.rdsMonitoringIntervalSeconds());
    }
}
