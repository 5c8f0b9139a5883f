package io.containerplatform.components.spark;

import io.containerplatform.components.common.Formats;
import com.pulumi.core.Output;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.components.network.Placement;
import io.containerplatform.components.common.ArgChecks;
import io.containerplatform.components.common.LogRetention;

import java.util.ArrayList;
import java.util.List;

/** Arguments of {@link SparkEcsComponent}. Immutable; build with {@link #builder()}. */
public final class SparkEcsArgs {

    private final Output<String> dataBucketArn;
    private final String image;
    private final String instanceType;
    private final int minSize;
    private final int maxSize;
    private final int workerCount;
    private final int workerCpu;
    private final int workerMemory;
    private final int targetCapacityPercent;
    private final int logRetentionDays;

    private final Placement placement;

    private SparkEcsArgs(Builder b) {
        this.placement = b.placement;
        this.dataBucketArn = b.dataBucketArn;
        this.image = b.image;
        this.instanceType = b.instanceType;
        this.minSize = b.minSize;
        this.maxSize = b.maxSize;
        this.workerCount = b.workerCount;
        this.workerCpu = b.workerCpu;
        this.workerMemory = b.workerMemory;
        this.targetCapacityPercent = b.targetCapacityPercent;
        this.logRetentionDays = b.logRetentionDays;
    }

    /** VPC of the cluster and of the private DNS namespace. Required. */
    public Output<String> vpcId() { return placement.vpcId(); }

    /** VPC CIDR: the only source allowed on 7077 and 8080-8089. Required. */
    public Output<String> vpcCidr() { return placement.vpcCidr(); }

    /** Private subnets of the instances and tasks. Required. */
    public Output<List<String>> privateSubnetIds() { return placement.privateSubnetIds(); }

    /** ARN of the data bucket the Spark tasks may read and write. Required. */
    public Output<String> dataBucketArn() { return dataBucketArn; }

    /** The Spark image (docker/spark), pinned to a tag (e.g. the commit SHA images.yml pushed). Required. */
    public String image() { return image; }

    /** Instance type of the EC2 capacity. Default {@code m6i.large}. */
    public String instanceType() { return instanceType; }

    /** Fewest instances. Default 1. */
    public int minSize() { return minSize; }

    /** Most instances. Default 4; at least {@link #minSize()}. */
    public int maxSize() { return maxSize; }

    /** Spark workers (ECS tasks). Default 2; 1 to 100. */
    public int workerCount() { return workerCount; }

    /** CPU units per worker. Default 1024; 256 to 16384. Spark gets all but a share for the JVM. */
    public int workerCpu() { return workerCpu; }

    /** Memory (MiB) per worker. Default 4096; 512 to 122880. Spark gets 75 %, the rest is JVM overhead. */
    public int workerMemory() { return workerMemory; }

    /** Target utilisation of the capacity provider's managed scaling, percent. Default 100; 1 to 100. */
    public int targetCapacityPercent() { return targetCapacityPercent; }

    /** Retention of {@code /ecs/<cluster>/tasks}. Default 7. */
    public int logRetentionDays() { return logRetentionDays; }

    /** Memory given to the Spark worker process (75 % of the task's), e.g. {@code 3072m}. */
    public String sparkWorkerMemory() {
        return (workerMemory * 3 / 4) + "m";
    }

    /** Cores given to the Spark worker process (at least 1). */
    public int sparkWorkerCores() {
        return Math.max(1, workerCpu / 1024);
    }

    /** Where the component's resources go: the VPC and its subnets ({@link NetworkComponent#placement()}). Required. */
    public Placement placement() { return placement; }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SparkEcsArgs}; {@link #build()} validates every field at once. */
    public static final class Builder {
        private Placement placement;
        private Output<String> dataBucketArn;
        private String image;
        private String instanceType = "m6i.large";
        private int minSize = 1;
        private int maxSize = 4;
        private int workerCount = 2;
        private int workerCpu = 1024;
        private int workerMemory = 4096;
        private int targetCapacityPercent = 100;
        private int logRetentionDays = 7;

        public Builder dataBucketArn(Output<String> v) { this.dataBucketArn = v; return this; }
        public Builder image(String v) { this.image = v; return this; }
        public Builder instanceType(String v) { this.instanceType = v; return this; }
        public Builder minSize(int v) { this.minSize = v; return this; }
        public Builder maxSize(int v) { this.maxSize = v; return this; }
        public Builder workerCount(int v) { this.workerCount = v; return this; }
        public Builder workerCpu(int v) { this.workerCpu = v; return this; }
        public Builder workerMemory(int v) { this.workerMemory = v; return this; }
        public Builder targetCapacityPercent(int v) { this.targetCapacityPercent = v; return this; }
        public Builder logRetentionDays(int v) { this.logRetentionDays = v; return this; }

        /** Where the component's resources go: {@link NetworkComponent#placement()}, or {@link Placement#of} for an existing VPC. */
        public Builder placement(Placement v) { this.placement = v; return this; }

        /** Validates and builds; the exception lists every invalid field. */
        public SparkEcsArgs build() {
            var errors = new ArrayList<String>();
            if (placement == null || dataBucketArn == null) {
                errors.add("SparkEcsArgs.placement and dataBucketArn are required");
            }
            Formats.imageProblem(image).ifPresent(p -> errors.add("SparkEcsArgs.image: " + p));
            if (!Formats.isInstanceType(instanceType)) {
                errors.add("SparkEcsArgs.instanceType: \"" + instanceType + "\" is not an EC2 instance type");
            }
            if (minSize < 0 || maxSize < 1 || minSize > maxSize || maxSize > 100) {
                errors.add("SparkEcsArgs.minSize/maxSize: " + minSize + ".." + maxSize + " is not 0 <= minSize <= maxSize <= 100");
            }
            ArgChecks.range(errors, "SparkEcsArgs.workerCount", workerCount, 1, 100);
            ArgChecks.range(errors, "SparkEcsArgs.workerCpu", workerCpu, 256, 16384);
            ArgChecks.range(errors, "SparkEcsArgs.workerMemory", workerMemory, 512, 122880);
            ArgChecks.range(errors, "SparkEcsArgs.targetCapacityPercent", targetCapacityPercent, 1, 100);
            if (!LogRetention.isAllowed(logRetentionDays)) {
                errors.add("SparkEcsArgs.logRetentionDays: " + logRetentionDays + " is not a CloudWatch Logs retention");
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new SparkEcsArgs(this);
        }
    }
}
