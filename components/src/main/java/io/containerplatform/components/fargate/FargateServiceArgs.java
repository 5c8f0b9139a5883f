package io.containerplatform.components.fargate;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.common.Formats;
import io.containerplatform.components.common.Permissions;
import io.containerplatform.components.common.ServiceArgs;
import io.containerplatform.components.images.EcrRepository;

import io.containerplatform.components.scaling.ScheduledCapacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Arguments of {@link FargateServiceComponent}: each field is one declared input ({@link InputSpec}: what it is, its
 * default, what is allowed). Build with {@link #builder()}; {@code build()} returns an unmodifiable copy, checked, or
 * fails naming every problem. Defaults follow seed 001: 256 cpu / 512 MiB, two tasks, port 80, logs kept 7 days.
 */
public final class FargateServiceArgs extends ServiceArgs {

    /** CPU architecture of the task. */
    public enum Architecture { X86_64, ARM64 }

    @Import(name = "cluster", required = true)
    @InputSpec("The ECS cluster the service runs in, shared by the stack's Fargate services (FargateCluster.ref())")
    private ClusterRef cluster;

    @Import(name = "cpu")
    @InputSpec(value = "Task CPU units", allowed = "256, 512, 1024, 2048, 4096, 8192, 16384")
    private Integer cpu = 256;

    @Import(name = "memory")
    @InputSpec(value = "Task memory, MiB", allowed = "for cpu 256: 512, 1024, 2048; 512: 1024-4096; 1024: 2048-8192; 2048:"
            + " 4096-16384; 4096: 8192-30720 (1024 steps); 8192: 16384-61440 (4096 steps); 16384: 32768-122880 (8192 steps)")
    private Integer memory = 512;

    @Import(name = "architecture")
    @InputSpec(value = "The task's CPU architecture (ARM64 is Graviton: cheaper; the image must be built for it)", oneOf = {"X86_64", "ARM64"})
    private String architecture = "X86_64";

    @Import(name = "desiredCount")
    @InputSpec(value = "Tasks at creation (later updates leave the count to autoscaling)", min = 0, max = 1000,
            allowed = "0 to 1000, minCount <= desiredCount <= maxCount")
    private Integer desiredCount = 2;

    @Import(name = "minCount")
    @InputSpec(value = "The fewest tasks", min = 0, max = 1000, defaultText = "desiredCount")
    private Integer minCount;

    @Import(name = "maxCount")
    @InputSpec(value = "The most tasks; autoscaling is on when it is above minCount", min = 1, max = 1000, defaultText = "desiredCount")
    private Integer maxCount;

    @Import(name = "cpuTargetPercent")
    @InputSpec(value = "The service's target average CPU, percent (autoscaling)", min = 10, max = 95)
    private Integer cpuTargetPercent = 70;

    @Import(name = "memoryTargetPercent")
    @InputSpec(value = "The service's target average memory, percent (autoscaling)", min = 10, max = 95)
    private Integer memoryTargetPercent = 80;

    @Import(name = "requestsPerTarget")
    @InputSpec(value = "Target load balancer requests per task per minute (autoscaling); 0 turns this policy off", min = 0, max = 1_000_000)
    private Integer requestsPerTarget = 0;

    @Import(name = "scaleInCooldownSeconds")
    @InputSpec(value = "Seconds after a scale-in before another", min = 0, max = 3600)
    private Integer scaleInCooldownSeconds = 300;

    @Import(name = "scaleOutCooldownSeconds")
    @InputSpec(value = "Seconds after a scale-out before another", min = 0, max = 3600)
    private Integer scaleOutCooldownSeconds = 60;

    @Import(name = "spot")
    @InputSpec(value = "Percent of tasks on FARGATE_SPOT (the rest on FARGATE)", min = 0, max = 100)
    private Integer spot = 0;

    @Import(name = "secrets")
    @InputSpec(value = "Environment variables from secrets: the execution role may read exactly these", format = Format.VARIABLE_NAME,
            allowed = "variable names to a Secrets Manager secret or SSM parameter ARN")
    private Map<String, String> secrets = Map.of();

    @Import(name = "secretValues")
    @InputSpec(value = "Environment variables from secret values (such as a stack's secret config): each is stored in a Secrets"
            + " Manager secret of the service", allowed = "variable names, none also in secrets")
    private Map<String, Output<String>> secretValues = Map.of();

    @Import(name = "containerHealthCheck")
    @InputSpec(value = "The container's health check command (CMD-SHELL form); without one the load balancer's check decides",
            defaultText = "none")
    private List<String> containerHealthCheck = List.of();

    @Import(name = "readonlyRootFilesystem")
    @InputSpec("Whether the root filesystem is read-only (many images write to /tmp or caches)")
    private Boolean readonlyRootFilesystem = false;

    @Import(name = "enableExecuteCommand")
    @InputSpec("Whether ECS Exec (aws ecs execute-command) is on; it grants the task role the SSM channels")
    private Boolean enableExecuteCommand = false;

    @Import(name = "immutableTags")
    @InputSpec("Whether the ECR repository's tags cannot be overwritten (a tag always means the same image: safe rollbacks)")
    private Boolean immutableTags = true;

    @Import(name = "keepImages")
    @InputSpec(value = "Images the ECR lifecycle policy keeps", min = 1, max = 1000)
    private Integer keepImages = EcrRepository.DEFAULT_KEEP_IMAGES;

    @Import(name = "permissions")
    @InputSpec(value = "What the task role may do: its managed policies and inline statements (without any, the task role has no permissions)",
            defaultText = "none")
    private Permissions permissions = Permissions.builder().build();

    @Import(name = "healthCheckGracePeriodSeconds")
    @InputSpec(value = "Seconds new tasks may fail load balancer health checks", min = 0, max = 7200)
    private Integer healthCheckGracePeriodSeconds = 60;

    @Import(name = "waitForSteadyState")
    @InputSpec("Whether pulumi up waits until a deployment is steady (a failed one, rolled back, then fails the update)")
    private Boolean waitForSteadyState = true;

    @Import(name = "deploymentMinimumHealthyPercent")
    @InputSpec(value = "Healthy share kept during a deployment, percent", min = 0, max = 100)
    private Integer deploymentMinimumHealthyPercent = 100;

    @Import(name = "deploymentMaximumPercent")
    @InputSpec(value = "Most tasks during a deployment, percent of desired", min = 100, max = 200)
    private Integer deploymentMaximumPercent = 200;

    @Import(name = "schedules")
    @InputSpec(value = "Capacities the service takes on a schedule (e.g. business hours): each sets minCount and maxCount from its"
            + " time on", allowed = "needs autoscaling (maxCount above minCount); capacities up to 1000")
    private List<ScheduledCapacity> schedules = List.of();

    @Import(name = "blueGreen")
    @InputSpec(value = "Blue/green deployments by CodeDeploy instead of ECS's rolling ones; either way a deployment rolls back by"
            + " itself when it fails or when the service's target 5xx or unhealthy-targets alarm fires",
            allowed = "a target whose route is blue/green (with paths or hosts)", defaultText = "none (rolling)")
    private BlueGreenRollout blueGreen;

    // Getters, in the types the component uses.

    public ClusterRef cluster() { return cluster; }
    public int cpu() { return cpu; }
    public int memory() { return memory; }
    public Architecture architecture() { return Architecture.valueOf(architecture); }
    public int desiredCount() { return desiredCount; }
    public int minCount() { return minCount == null ? desiredCount : minCount; }
    public int maxCount() { return maxCount == null ? desiredCount : maxCount; }
    /** True when Application Auto Scaling manages the task count. */
    public boolean autoscaling() { return maxCount() > minCount(); }
    public int cpuTargetPercent() { return cpuTargetPercent; }
    public int memoryTargetPercent() { return memoryTargetPercent; }
    public int requestsPerTarget() { return requestsPerTarget; }
    public int scaleInCooldownSeconds() { return scaleInCooldownSeconds; }
    public int scaleOutCooldownSeconds() { return scaleOutCooldownSeconds; }
    public int spot() { return spot; }
    public Map<String, String> secrets() { return secrets; }
    public Map<String, Output<String>> secretValues() { return secretValues; }
    public List<String> containerHealthCheck() { return containerHealthCheck; }
    public boolean readonlyRootFilesystem() { return readonlyRootFilesystem; }
    public boolean enableExecuteCommand() { return enableExecuteCommand; }
    public boolean immutableTags() { return immutableTags; }
    public int keepImages() { return keepImages; }
    public Permissions permissions() { return permissions; }
    public int healthCheckGracePeriodSeconds() { return healthCheckGracePeriodSeconds; }
    public boolean waitForSteadyState() { return waitForSteadyState; }
    public int deploymentMinimumHealthyPercent() { return deploymentMinimumHealthyPercent; }
    public int deploymentMaximumPercent() { return deploymentMaximumPercent; }
    public List<ScheduledCapacity> schedules() { return schedules; }
    public Optional<BlueGreenRollout> blueGreen() { return Optional.ofNullable(blueGreen); }

    @Override
    protected List<InputProblem> rules() {
        var problems = new ArrayList<InputProblem>();
        if (cpu != null && memory != null) {
            FargateSizes.check(cpu, memory).ifPresent(problems::add);
        }
        if (desiredCount != null) {
            var min = minCount();
            var max = maxCount();
            if (min > max && minCount == null) {
                problems.add(new InputProblem("desiredCount", desiredCount + " is greater than maxCount " + max
                        + " (minCount, not set, is desiredCount)", "desiredCount <= maxCount"));
            } else if (min > max && maxCount == null) {
                problems.add(new InputProblem("minCount", min + " is greater than desiredCount " + desiredCount
                        + " (maxCount, not set, is desiredCount)", "minCount <= desiredCount"));
            } else if (min > max) {
                problems.add(new InputProblem("minCount", min + " is greater than maxCount " + max, "minCount <= maxCount"));
            } else if (desiredCount < min || desiredCount > max) {
                problems.add(new InputProblem("desiredCount", desiredCount + " is outside minCount..maxCount (" + min + ".." + max + ")",
                        "minCount <= desiredCount <= maxCount"));
            }
            if (!schedules.isEmpty() && min >= max) {
                problems.add(problem("schedules", "set without autoscaling (minCount " + min + ", maxCount " + max + ")"));
            }
        }
        secrets.forEach((k, arn) -> {
            if (!Formats.isSecretReference(arn)) {
                problems.add(new InputProblem("secrets." + k, "\"" + arn + "\" is not a Secrets Manager secret or SSM parameter ARN",
                        "a Secrets Manager secret or SSM parameter ARN"));
            }
        });
        secretValues.keySet().stream().filter(k -> !Formats.isVariableName(k) || secrets.containsKey(k))
                .forEach(k -> problems.add(problem("secretValues", "\"" + k + "\" is not a variable name, or is also in secrets")));
        problems.addAll(ScheduledCapacity.listProblems(schedules, 1000));
        if (blueGreen != null) {
            if (target() != null && target().blueGreen().isEmpty()) {
                problems.add(problem("blueGreen", "set with a target that is not blue/green"));
            }
        }
        return problems;
    }

    public static Builder builder() {
        return new Builder(new FargateServiceArgs());
    }

    /** A builder starting from {@code defaults}' inputs. */
    public static Builder builder(FargateServiceArgs defaults) {
        return new Builder(Inputs.copyOf(defaults));
    }

    /** Builder of {@link FargateServiceArgs}: one setter per input, named like it (those of every service's inputs from
     * {@link ServiceArgs.Builder}). */
    public static final class Builder extends ServiceArgs.Builder<FargateServiceArgs, Builder> {

        private Builder(FargateServiceArgs start) {
            super(start);
        }

        /**
         * The ECS cluster the service runs in, shared by the stack's Fargate services (FargateCluster.ref()).
         */
        public Builder cluster(ClusterRef v) { $.cluster = v; return this; }

        /**
         * Task CPU units. Allowed: 256, 512, 1024, 2048, 4096, 8192, 16384. Default: 256.
         */
        public Builder cpu(int v) { $.cpu = v; return this; }

        /**
         * Task memory, MiB. Allowed: for cpu 256: 512, 1024, 2048; 512: 1024-4096; 1024: 2048-8192; 2048: 4096-16384;
         * 4096: 8192-30720 (1024 steps); 8192: 16384-61440 (4096 steps); 16384: 32768-122880 (8192 steps). Default:
         * 512.
         */
        public Builder memory(int v) { $.memory = v; return this; }

        /**
         * The task's CPU architecture (ARM64 is Graviton: cheaper; the image must be built for it). Allowed: one of
         * X86_64, ARM64. Default: X86_64.
         */
        public Builder architecture(Architecture v) { $.architecture = v.name(); return this; }

        /**
         * Tasks at creation (later updates leave the count to autoscaling). Allowed: 0 to 1000, minCount &lt;=
         * desiredCount &lt;= maxCount. Default: 2.
         */
        public Builder desiredCount(int v) { $.desiredCount = v; return this; }

        /**
         * The fewest tasks. Allowed: 0 to 1000. Default: desiredCount.
         */
        public Builder minCount(int v) { $.minCount = v; return this; }

        /**
         * The most tasks; autoscaling is on when it is above minCount. Allowed: 1 to 1000. Default: desiredCount.
         */
        public Builder maxCount(int v) { $.maxCount = v; return this; }

        /**
         * The service's target average CPU, percent (autoscaling). Allowed: 10 to 95. Default: 70.
         */
        public Builder cpuTargetPercent(int v) { $.cpuTargetPercent = v; return this; }

        /**
         * The service's target average memory, percent (autoscaling). Allowed: 10 to 95. Default: 80.
         */
        public Builder memoryTargetPercent(int v) { $.memoryTargetPercent = v; return this; }

        /**
         * Target load balancer requests per task per minute (autoscaling); 0 turns this policy off. Allowed: 0 to
         * 1000000. Default: 0.
         */
        public Builder requestsPerTarget(int v) { $.requestsPerTarget = v; return this; }

        /**
         * Seconds after a scale-in before another. Allowed: 0 to 3600. Default: 300.
         */
        public Builder scaleInCooldownSeconds(int v) { $.scaleInCooldownSeconds = v; return this; }

        /**
         * Seconds after a scale-out before another. Allowed: 0 to 3600. Default: 60.
         */
        public Builder scaleOutCooldownSeconds(int v) { $.scaleOutCooldownSeconds = v; return this; }

        /**
         * Percent of tasks on FARGATE_SPOT (the rest on FARGATE). Allowed: 0 to 100. Default: 0.
         */
        public Builder spot(int v) { $.spot = v; return this; }

        /**
         * Environment variables from secrets: the execution role may read exactly these. Allowed: variable names to a
         * Secrets Manager secret or SSM parameter ARN. Default: {}.
         */
        public Builder secrets(Map<String, String> v) { $.secrets = v; return this; }

        /**
         * Environment variables from secret values (such as a stack's secret config): each is stored in a Secrets
         * Manager secret of the service. Allowed: variable names, none also in secrets. Default: {}.
         */
        public Builder secretValues(Map<String, Output<String>> v) { $.secretValues = v; return this; }

        /**
         * The container's health check command (CMD-SHELL form); without one the load balancer's check decides.
         * Default: none.
         */
        public Builder containerHealthCheck(List<String> v) { $.containerHealthCheck = v; return this; }

        /**
         * Whether the root filesystem is read-only (many images write to /tmp or caches). Default: false.
         */
        public Builder readonlyRootFilesystem(boolean v) { $.readonlyRootFilesystem = v; return this; }

        /**
         * Whether ECS Exec (aws ecs execute-command) is on; it grants the task role the SSM channels. Default: false.
         */
        public Builder enableExecuteCommand(boolean v) { $.enableExecuteCommand = v; return this; }

        /**
         * Whether the ECR repository's tags cannot be overwritten (a tag always means the same image: safe rollbacks).
         * Default: true.
         */
        public Builder immutableTags(boolean v) { $.immutableTags = v; return this; }

        /**
         * Images the ECR lifecycle policy keeps. Allowed: 1 to 1000. Default: 30.
         */
        public Builder keepImages(int v) { $.keepImages = v; return this; }

        /**
         * What the task role may do: its managed policies and inline statements (without any, the task role has no
         * permissions). Default: none.
         */
        public Builder permissions(Permissions v) { $.permissions = v; return this; }

        /**
         * Seconds new tasks may fail load balancer health checks. Allowed: 0 to 7200. Default: 60.
         */
        public Builder healthCheckGracePeriodSeconds(int v) { $.healthCheckGracePeriodSeconds = v; return this; }

        /**
         * Whether pulumi up waits until a deployment is steady (a failed one, rolled back, then fails the update).
         * Default: true.
         */
        public Builder waitForSteadyState(boolean v) { $.waitForSteadyState = v; return this; }

        /**
         * Healthy share kept during a deployment, percent. Allowed: 0 to 100. Default: 100.
         */
        public Builder deploymentMinimumHealthyPercent(int v) { $.deploymentMinimumHealthyPercent = v; return this; }

        /**
         * Most tasks during a deployment, percent of desired. Allowed: 100 to 200. Default: 200.
         */
        public Builder deploymentMaximumPercent(int v) { $.deploymentMaximumPercent = v; return this; }

        /**
         * Capacities the service takes on a schedule (e.g. business hours): each sets minCount and maxCount from its
         * time on. Allowed: needs autoscaling (maxCount above minCount); capacities up to 1000. Default: [].
         */
        public Builder schedules(List<ScheduledCapacity> v) { $.schedules = v; return this; }

        /**
         * Blue/green deployments by CodeDeploy instead of ECS's rolling ones; either way a deployment rolls back by
         * itself when it fails or when the service's target 5xx or unhealthy-targets alarm fires. Allowed: a target
         * whose route is blue/green (with paths or hosts). Default: none (rolling).
         */
        public Builder blueGreen(BlueGreenRollout v) { $.blueGreen = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public FargateServiceArgs build() {
            return $.validated();
        }
    }
}
