package io.containerplatform.config;

import io.containerplatform.components.network.NatGatewayMode;

import java.util.LinkedHashMap;
import java.util.Map;

/** The kind of stack: decides defaults (sizes, redundancy, protection). */
public enum Environment {
    DEV, STAGING, PROD;

    /** Config spelling to value: {@code dev}, {@code staging}, {@code prod}. */
    public static final Map<String, Environment> CHOICES;

    static {
        var choices = new LinkedHashMap<String, Environment>();
        for (var e : values()) {
            choices.put(e.configValue(), e);
        }
        CHOICES = java.util.Collections.unmodifiableMap(choices);
    }

    /** The spelling used in config and in the {@code Environment} tag. */
    public String configValue() {
        return name().toLowerCase();
    }

    /** True for production: stateful resources protected, redundancy on. */
    public boolean isProd() {
        return this == PROD;
    }

    // Every default that differs between production and the other environments, in one place (README,
    // "Config reference", says the same: ConfigReferenceTest compares them).

    /** {@code network.azCount}: 3 in prod, else 2. */
    public int azCount() {
        return isProd() ? 3 : 2;
    }

    /** {@code network.natGateways}: one per zone in prod, else one. */
    public NatGatewayMode natGateways() {
        return isProd() ? NatGatewayMode.PER_AZ : NatGatewayMode.SINGLE;
    }

    /** Retention of every log group (flow logs, services, EKS, Spark): 30 days in prod, else 7. */
    public int logRetentionDays() {
        return isProd() ? 30 : 7;
    }

    /**
     * What production turns on by default: VPC endpoints, load balancer access logs, Multi-AZ databases with
     * Performance Insights and enhanced monitoring.
     */
    public boolean redundantByDefault() {
        return isProd();
    }

    /** {@code loadBalancer.accessLogsRetentionDays}: 90 in prod, else 30. */
    public int accessLogsRetentionDays() {
        return isProd() ? 90 : 30;
    }

    /** {@code eks.backup.retentionDays}: 35 in prod, else 7 (seed 004). */
    public int backupRetentionDays() {
        return isProd() ? 35 : 7;
    }

    /** {@code pipeline.rabbitmqReplicas}: a 3-node quorum in prod, else 1. */
    public int rabbitmqReplicas() {
        return isProd() ? 3 : 1;
    }

    /** RDS enhanced monitoring interval: 60 s in prod, else off (0). */
    public int rdsMonitoringIntervalSeconds() {
        return isProd() ? 60 : 0;
    }
}
