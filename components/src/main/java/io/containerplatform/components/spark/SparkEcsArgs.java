package io.containerplatform.components.spark;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.common.LogRetention;
import io.containerplatform.components.network.Placement;

import java.util.List;

/**
 * Arguments of {@link SparkEcsComponent}: each field is one declared input ({@link InputSpec}). Build with
 * {@link #builder()}; {@code build()} returns an unmodifiable copy, checked, or fails naming every problem.
 */
public final class SparkEcsArgs extends DeclaredArgs {

    @Import(name = "placement", required = true)
    @InputSpec("Where the cluster goes: the VPC of its private DNS namespace and the private subnets of its instances and tasks"
            + " (NetworkComponent.placement())")
    private Placement placement;

    @Import(name = "dataBucketArn", required = true)
    @InputSpec("The ARN of the data bucket the Spark workers, and so their executors, may read and write (the master gets no AWS credentials)")
    private Output<String> dataBucketArn;

    @Import(name = "image", required = true)
    @InputSpec(value = "The Spark image (docker/spark)", format = Format.IMAGE,
            allowed = "an image pinned to a version tag or digest (not latest), or :<tag> of the stack's spark repository")
    private String image;

    @Import(name = "instanceType")
    @InputSpec(value = "The instance type of the EC2 capacity", format = Format.INSTANCE_TYPE, allowed = "an EC2 instance type")
    private String instanceType = "m6i.large";

    @Import(name = "minSize")
    @InputSpec(value = "Fewest instances", min = 0, max = 100)
    private Integer minSize = 1;

    @Import(name = "maxSize")
    @InputSpec(value = "Most instances", min = 1, max = 100, allowed = "1 to 100, at least minSize")
    private Integer maxSize = 4;

    @Import(name = "workerCount")
    @InputSpec(value = "Spark workers (ECS tasks)", min = 1, max = 100)
    private Integer workerCount = 2;

    @Import(name = "workerCpu")
    @InputSpec(value = "CPU units per worker; Spark gets one core per 1024 (at least one)", min = 256, max = 16384)
    private Integer workerCpu = 1024;

    @Import(name = "workerMemory")
    @InputSpec(value = "Memory per worker, MiB; Spark gets 75 %, the rest is JVM overhead", min = 512, max = 122880)
    private Integer workerMemory = 4096;

    @Import(name = "targetCapacityPercent")
    @InputSpec(value = "Target utilisation of the capacity provider's managed scaling, percent", min = 1, max = 100)
    private Integer targetCapacityPercent = 100;

    @Import(name = "logRetentionDays")
    @InputSpec(value = "Days /ecs/<cluster>/tasks keeps its logs", format = Format.LOG_RETENTION, allowed = LogRetention.ALLOWED)
    private Integer logRetentionDays = 7;

    @Import(name = "clientSecurityGroupIds")
    @InputSpec(value = "Security groups of the Spark clients (spark-submit, drivers, operators' hosts): the only sources admitted on the"
            + " master (7077) and the web UIs (8080-8089) besides the Spark tasks themselves", format = Format.SECURITY_GROUP_ID,
            allowed = "security group ids (sg- and 8 or 17 hexadecimal digits)", defaultText = "none: only the Spark tasks reach each other")
    private List<String> clientSecurityGroupIds = List.of();

    public Placement placement() { return placement; }
    public Output<String> vpcId() { return placement.vpcId(); }
    public Output<List<String>> privateSubnetIds() { return placement.privateSubnetIds(); }
    public Output<String> dataBucketArn() { return dataBucketArn; }
    public String image() { return image; }
    public String instanceType() { return instanceType; }
    public int minSize() { return minSize; }
    public int maxSize() { return maxSize; }
    public int workerCount() { return workerCount; }
    public int workerCpu() { return workerCpu; }
    public int workerMemory() { return workerMemory; }
    public int targetCapacityPercent() { return targetCapacityPercent; }
    public int logRetentionDays() { return logRetentionDays; }
    public List<String> clientSecurityGroupIds() { return clientSecurityGroupIds; }

    /** Memory given to the Spark worker process (75 % of the task's), e.g. {@code 3072m}. */
    public String sparkWorkerMemory() {
        return (workerMemory * 3 / 4) + "m";
    }

    /** Cores given to the Spark worker process (at least 1). */
    public int sparkWorkerCores() {
        return Math.max(1, workerCpu / 1024);
    }

    @Override
    protected List<InputProblem> rules() {
        return minSize != null && maxSize != null && minSize > maxSize
                ? List.of(problem("maxSize", maxSize + " is below minSize " + minSize)) : List.of();
    }

    public static Builder builder() {
        return new Builder(new SparkEcsArgs());
    }

    /** A builder starting from {@code defaults}' inputs. */
    public static Builder builder(SparkEcsArgs defaults) {
        return new Builder(Inputs.copyOf(defaults));
    }

    /** Builder of {@link SparkEcsArgs}: one setter per input, named like it. */
    public static final class Builder {
        private final SparkEcsArgs $;

        private Builder(SparkEcsArgs start) {
            $ = start;
        }

        /**
         * Where the cluster goes: the VPC of its private DNS namespace and the private subnets of its instances and
         * tasks (NetworkComponent.placement()).
         */
        public Builder placement(Placement v) { $.placement = v; return this; }

        /**
         * The ARN of the data bucket the Spark workers, and so their executors, may read and write (the master gets no
         * AWS credentials).
         */
        public Builder dataBucketArn(Output<String> v) { $.dataBucketArn = v; return this; }

        /**
         * The Spark image (docker/spark). Allowed: an image pinned to a version tag or digest (not latest), or
         * :&lt;tag&gt; of the stack's spark repository.
         */
        public Builder image(String v) { $.image = v; return this; }

        /**
         * The instance type of the EC2 capacity. Allowed: an EC2 instance type. Default: m6i.large.
         */
        public Builder instanceType(String v) { $.instanceType = v; return this; }

        /**
         * Fewest instances. Allowed: 0 to 100. Default: 1.
         */
        public Builder minSize(int v) { $.minSize = v; return this; }

        /**
         * Most instances. Allowed: 1 to 100, at least minSize. Default: 4.
         */
        public Builder maxSize(int v) { $.maxSize = v; return this; }

        /**
         * Spark workers (ECS tasks). Allowed: 1 to 100. Default: 2.
         */
        public Builder workerCount(int v) { $.workerCount = v; return this; }

        /**
         * CPU units per worker; Spark gets one core per 1024 (at least one). Allowed: 256 to 16384. Default: 1024.
         */
        public Builder workerCpu(int v) { $.workerCpu = v; return this; }

        /**
         * Memory per worker, MiB; Spark gets 75 %, the rest is JVM overhead. Allowed: 512 to 122880. Default: 4096.
         */
        public Builder workerMemory(int v) { $.workerMemory = v; return this; }

        /**
         * Target utilisation of the capacity provider's managed scaling, percent. Allowed: 1 to 100. Default: 100.
         */
        public Builder targetCapacityPercent(int v) { $.targetCapacityPercent = v; return this; }

        /**
         * Days /ecs/&lt;cluster&gt;/tasks keeps its logs. Allowed: a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60,
         * 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653. Default: 7.
         */
        public Builder logRetentionDays(int v) { $.logRetentionDays = v; return this; }

        /**
         * Security groups of the Spark clients (spark-submit, drivers, operators' hosts): the only sources admitted on
         * the master (7077) and the web UIs (8080-8089) besides the Spark tasks themselves. Allowed: security group ids
         * (sg- and 8 or 17 hexadecimal digits). Default: none: only the Spark tasks reach each other.
         */
        public Builder clientSecurityGroupIds(List<String> v) { $.clientSecurityGroupIds = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public SparkEcsArgs build() {
            return $.validated();
        }
    }
}
