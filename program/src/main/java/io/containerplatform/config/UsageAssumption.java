package io.containerplatform.config;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The usage the plan's monthly cost estimate assumes where the plan cannot know it: the one documented place
 * for them (README, "What a stack costs"). Each can be overridden per stack under
 * {@code container-platform:cost.assumptions.<key>}.
 */
public enum UsageAssumption {
    /** GB processed by each NAT gateway in a month. */
    NAT_GB_PER_MONTH("natGbPerMonth", 50, 1_000_000, "GB processed by each NAT gateway per month"),
    /** Average load balancer capacity units an ALB consumes each hour. */
    LCUS_PER_LOAD_BALANCER("lcusPerLoadBalancer", 1, 10_000, "average LCUs each load balancer uses per hour"),
    /** GB written to each CloudWatch log group in a month. */
    LOG_GB_PER_LOG_GROUP("logGbPerLogGroup", 1, 100_000, "GB ingested by each CloudWatch log group per month"),
    /** GB through each interface VPC endpoint in a month. */
    ENDPOINT_GB_PER_MONTH("endpointGbPerMonth", 10, 1_000_000, "GB processed by each interface VPC endpoint per month"),
    /** GB of images kept in each ECR repository. */
    ECR_GB_PER_REPOSITORY("ecrGbPerRepository", 1, 100_000, "GB of images stored in each ECR repository"),
    /** GB stored in each S3 bucket. */
    S3_GB_PER_BUCKET("s3GbPerBucket", 10, 10_000_000, "GB stored in each S3 bucket (Standard)"),
    /** Share of the On-Demand price Fargate Spot saves. */
    FARGATE_SPOT_DISCOUNT("fargateSpotDiscount", 0.7, 0.95, "share of the Fargate On-Demand price that Fargate Spot saves"),
    /** Share of the On-Demand price EC2 Spot saves. */
    EC2_SPOT_DISCOUNT("ec2SpotDiscount", 0.6, 0.95, "share of the EC2 On-Demand price that Spot saves"),
    /** Share of a database's storage its backups add each day of retention. */
    RDS_BACKUP_DAILY_CHANGE("rdsBackupDailyChange", 0.02, 1, "share of a database's storage that each retained day of backups adds");

    private static final Map<String, UsageAssumption> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toMap(UsageAssumption::key, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));

    private final String key;
    private final double defaultValue;
    private final double max;
    private final String description;

    UsageAssumption(String key, double defaultValue, double max, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.max = max;
        this.description = description;
    }

    /** Its config key under {@code cost.assumptions}. */
    public String key() {
        return key;
    }

    /** The value assumed when the stack does not set it. */
    public double defaultValue() {
        return defaultValue;
    }

    /** The largest value the config accepts (the smallest is 0). */
    public double max() {
        return max;
    }

    /** What it measures, with its unit. */
    public String description() {
        return description;
    }

    /** Every assumption by its config key, in declaration order. */
    public static Map<String, UsageAssumption> byKey() {
        return BY_KEY;
    }
}
