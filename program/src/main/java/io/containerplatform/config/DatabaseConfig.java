package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.database.MysqlSettings;

import java.util.List;
import java.util.Map;

/**
 * {@code services.<name>.database}: the RDS MySQL database of an ec2 service (its presence creates it). Its keys are
 * {@link MysqlSettings}' inputs of the same names ({@link #KEYS}), read through their declarations; the
 * environment decides {@code multiAz}'s default and what the config does not set: production protection,
 * Performance Insights and enhanced monitoring.
 *
 * @param settings the database's inputs from config (where it goes is the component's)
 */
public record DatabaseConfig(MysqlSettings settings) {

    /** The keys of {@code services.<name>.database}. */
    public static final List<String> KEYS = List.of("instanceClass", "multiAz", "allocatedStorageGb", "maxAllocatedStorageGb",
            "backupRetentionDays", "engineVersion", "appSecretArn");

    static DatabaseConfig read(ConfigObject c, Environment env) {
        var settings = c.bind(Inputs.defaults(MysqlSettings.class), Map.of("multiAz", env.redundantByDefault()), KEYS);
        c.rejectUnknownKeys();
        return new DatabaseConfig(settings);
    }

    /** The database settings; production adds deletion protection, a final snapshot, protect and Performance Insights. */
    public MysqlSettings toSettings(Environment env) {
        return MysqlSettings.builder(settings)
                .production(env.isProd())
                .performanceInsights(env.redundantByDefault())
                .monitoringIntervalSeconds(env.rdsMonitoringIntervalSeconds())
                .build();
    }
}
