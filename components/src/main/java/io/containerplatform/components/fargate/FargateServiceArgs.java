package io.containerplatform.components.fargate;

import io.containerplatform.components.common.SnapshotBuilder;
import io.containerplatform.components.common.Formats;
import com.pulumi.core.Output;
import io.containerplatform.components.loadbalancing.LoadBalancerTarget;
import io.containerplatform.components.scaling.ScheduledCapacity;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.components.network.Placement;
import io.containerplatform.components.common.ArgChecks;
import io.containerplatform.components.common.LogRetention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Arguments of {@link FargateServiceComponent}. Immutable; build with {@link #builder()}, which validates
 * every field and reports all problems at once. Defaults follow seed 001: 256 cpu / 512 MiB, two tasks,
 * port 80, health check {@code /} every 30 s, logs kept 7 days.
 */
public final class FargateServiceArgs {

    /** CPU architecture of the task. */
    public enum Architecture { X86_64, ARM64 }

    private static final Pattern SECRET_ARN = Pattern.compile("arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+|ssm:[a-z0-9-]+:\\d{12}:parameter/.+)");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Builder b;

    private FargateServiceArgs(Builder builder) {
        this.b = builder.snapshot();
    }

    /** VPC of the service. Required. */
    public Output<String> vpcId() {
        return b.placement.vpcId();
    }

    /** VPC CIDR (the load balancer may send traffic only there). Required. */
    public Output<String> vpcCidr() {
        return b.placement.vpcCidr();
    }

    /** Public subnets for the load balancer. Required. */
    public Output<List<String>> publicSubnetIds() {
        return b.placement.publicSubnetIds();
    }

    /** Private subnets for the tasks (no public IPs). Required. */
    public Output<List<String>> privateSubnetIds() {
        return b.placement.privateSubnetIds();
    }

    /**
     * Container image. Required: a full reference pinned to a tag other than {@code latest} or to a digest
     * (e.g. {@code public.ecr.aws/nginx/nginx:1.27}), or {@code :<tag>} for a tag of the component's own ECR
     * repository (e.g. {@code :1.4.2}, as pushed by the images workflow).
     */
    public String image() {
        return b.image;
    }

    /** Task CPU units. Default 256; one of {@link FargateSizes#MEMORY_BY_CPU}'s keys. */
    public int cpu() {
        return b.cpu;
    }

    /** Task memory in MiB. Default 512; must be valid for {@link #cpu()} (see {@link FargateSizes}). */
    public int memory() {
        return b.memory;
    }

    /** CPU architecture. Default {@code X86_64}; {@code ARM64} runs on Graviton (cheaper, image must be arm64). */
    public Architecture architecture() {
        return b.architecture;
    }

    /** Port the container listens on. Default 80; 1 to 65535. */
    public int containerPort() {
        return b.containerPort;
    }


    /** Tasks at creation. Default 2; within {@code minCount..maxCount}. Ignored by later updates when autoscaling is on. */
    public int desiredCount() {
        return b.desiredCount;
    }

    /** Fewest tasks. Default {@link #desiredCount()}; 0 to 1000. */
    public int minCount() {
        return b.minCount == null ? b.desiredCount : b.minCount;
    }

    /** Most tasks. Default {@link #desiredCount()}; autoscaling is on when it exceeds {@link #minCount()}. */
    public int maxCount() {
        return b.maxCount == null ? b.desiredCount : b.maxCount;
    }

    /** True when Application Auto Scaling manages the task count. */
    public boolean autoscaling() {
        return maxCount() > minCount();
    }

    /** Target average CPU of the service, percent. Default 70; 10 to 95. */
    public int cpuTargetPercent() {
        return b.cpuTargetPercent;
    }

    /** Target average memory of the service, percent. Default 80; 10 to 95. */
    public int memoryTargetPercent() {
        return b.memoryTargetPercent;
    }

    /** Target ALB requests per task per minute; 0 (default) turns this policy off. */
    public int requestsPerTarget() {
        return b.requestsPerTarget;
    }

    /** Seconds after a scale-in before another. Default 300. */
    public int scaleInCooldownSeconds() {
        return b.scaleInCooldownSeconds;
    }

    /** Seconds after a scale-out before another. Default 60. */
    public int scaleOutCooldownSeconds() {
        return b.scaleOutCooldownSeconds;
    }

    /** Retention of {@code /ecs/<name>}. Default 7; a CloudWatch Logs retention. */
    public int logRetentionDays() {
        return b.logRetentionDays;
    }


    /** Share of tasks on FARGATE_SPOT, percent. Default 0 (on-demand only); see {@link CapacityStrategy}. */
    public int spotPercent() {
        return b.spotPercent;
    }

    /** Plain environment variables of the container. Default none. Names must be valid shell names. */
    public Map<String, String> environment() {
        return b.environment;
    }

    /**
     * Secrets injected as environment variables: name to a Secrets Manager secret ARN or an SSM parameter ARN.
     * Default none. The execution role may read exactly these, nothing else.
     */
    public Map<String, String> secrets() {
        return b.secrets;
    }

    /**
     * Secrets given by value (e.g. a secret of the stack's config), by variable name: the component stores each in a
     * Secrets Manager secret of its own and injects it like {@link #secrets()}. Default none.
     */
    public Map<String, Output<String>> secretValues() {
        return b.secretValues;
    }

    /** Container health check command ({@code CMD-SHELL ...} form). Default none (the load balancer checks). */
    public List<String> containerHealthCheck() {
        return b.containerHealthCheck;
    }

    /** Read-only root filesystem. Default false (many images write to /tmp or caches). */
    public boolean readonlyRootFilesystem() {
        return b.readonlyRootFilesystem;
    }

    /** ECS Exec ({@code aws ecs execute-command}). Default false; grants the task role the SSM channels when on. */
    public boolean enableExecuteCommand() {
        return b.enableExecuteCommand;
    }

    /** Email addresses subscribed to the service's alarm topic (each must confirm). Default none. */
    public List<String> alarmEmails() {
        return b.alarmEmails;
    }

    /** ECR tags cannot be overwritten. Default true (a tag always means the same image: safe rollbacks). */
    public boolean immutableTags() {
        return b.immutableTags;
    }

    /** Images the ECR lifecycle policy keeps. Default 30; 1 to 1000. */
    public int keepImages() {
        return b.keepImages;
    }

    /** Managed policy ARNs attached to the task role. Default none: the task role has no permissions. */
    public List<String> taskPolicyArns() {
        return b.taskPolicyArns;
    }

    /** Inline IAM statements of the task role (maps with Effect, Action, Resource). Default none. */
    public List<Map<String, Object>> taskPolicyStatements() {
        return b.taskPolicyStatements;
    }





    /** Seconds new tasks may fail load balancer health checks. Default 60; 0 to 7200. */
    public int healthCheckGracePeriodSeconds() {
        return b.healthCheckGracePeriodSeconds;
    }

    /**
     * Whether {@code pulumi up} waits until a deployment is steady. Default true: with tight health-check and
     * deregistration timings a deployment settles in 2-3 minutes, and a failed one (rolled back by the
     * circuit breaker) fails the update instead of passing silently.
     */
    public boolean waitForSteadyState() {
        return b.waitForSteadyState;
    }

    /** Healthy share kept during a deployment, percent. Default 100; 0 to 100. */
    public int deploymentMinimumHealthyPercent() {
        return b.deploymentMinimumHealthyPercent;
    }

    /** Most tasks during a deployment, percent of desired. Default 200; 100 to 200. */
    public int deploymentMaximumPercent() {
        return b.deploymentMaximumPercent;
    }

    /** Where the component's resources go: the VPC and its subnets ({@link NetworkComponent#placement()}). Required. */
    public Placement placement() { return b.placement; }

    /** The ECS cluster the service runs in, shared by the stack's Fargate services ({@link FargateCluster}). Required. */
    public ClusterRef cluster() { return b.cluster; }

    /** The load balancer's target group and routing for the service. Required. */
    public LoadBalancerTarget target() { return b.target; }

    /**
     * Capacities the service takes on a schedule (e.g. business hours): each sets minCount and maxCount from its time
     * on. Default none; needs autoscaling ({@code maxCount > minCount}); capacities up to 1000.
     */
    public List<ScheduledCapacity> schedules() { return b.schedules; }

    /**
     * Blue/green deployments by CodeDeploy instead of ECS's rolling ones; empty (the default) for rolling. Either way a
     * deployment rolls back by itself when it fails or when the service's target 5xx or unhealthy-targets alarm fires.
     * Blue/green needs a {@link #target()} whose route is blue/green ({@code Route.blueGreen}, with paths or hosts).
     */
    public java.util.Optional<BlueGreenRollout> blueGreen() { return java.util.Optional.ofNullable(b.blueGreen); }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link FargateServiceArgs}. */
    public static final class Builder extends SnapshotBuilder<Builder> {
        private Placement placement;
        private ClusterRef cluster;
        private LoadBalancerTarget target;
        private String image;
        private int cpu = 256;
        private int memory = 512;
        private Architecture architecture = Architecture.X86_64;
        private int containerPort = 80;
        private int desiredCount = 2;
        private Integer minCount;
        private Integer maxCount;
        private int cpuTargetPercent = 70;
        private int memoryTargetPercent = 80;
        private int requestsPerTarget = 0;
        private int scaleInCooldownSeconds = 300;
        private int scaleOutCooldownSeconds = 60;
        private int logRetentionDays = 7;
        private int spotPercent = 0;
        private Map<String, String> environment = Map.of();
        private Map<String, String> secrets = Map.of();
        private List<ScheduledCapacity> schedules = List.of();
        private Map<String, Output<String>> secretValues = Map.of();
        private List<String> containerHealthCheck = List.of();
        private boolean readonlyRootFilesystem;
        private boolean enableExecuteCommand;
        private List<String> alarmEmails = List.of();
        private boolean immutableTags = true;
        private int keepImages = io.containerplatform.components.images.EcrRepository.DEFAULT_KEEP_IMAGES;
        private List<String> taskPolicyArns = List.of();
        private List<Map<String, Object>> taskPolicyStatements = List.of();
        private int healthCheckGracePeriodSeconds = 60;
        private boolean waitForSteadyState = true;
        private int deploymentMinimumHealthyPercent = 100;
        private int deploymentMaximumPercent = 200;
        private BlueGreenRollout blueGreen;

        /** Blue/green deployments by CodeDeploy ({@link FargateServiceArgs#blueGreen()}); default rolling. */
        public Builder blueGreen(BlueGreenRollout v) { this.blueGreen = v; return this; }

        /** The ECS cluster the service runs in ({@link FargateCluster#ref()}). */
        public Builder cluster(ClusterRef v) { this.cluster = v; return this; }
        /** The load balancer's target group and routing for the service ({@link io.containerplatform.components.loadbalancing.WebLoadBalancer#target}). */
        public Builder target(LoadBalancerTarget v) { this.target = v; return this; }
        /** Where the component's resources go: {@link NetworkComponent#placement()}, or {@link Placement#of} for an existing VPC. */
        public Builder placement(Placement v) { this.placement = v; return this; }

        public Builder image(String v) { this.image = v; return this; }
        public Builder cpu(int v) { this.cpu = v; return this; }
        public Builder memory(int v) { this.memory = v; return this; }
        public Builder architecture(Architecture v) { this.architecture = v; return this; }
        public Builder containerPort(int v) { this.containerPort = v; return this; }
        public Builder desiredCount(int v) { this.desiredCount = v; return this; }
        public Builder minCount(int v) { this.minCount = v; return this; }
        public Builder maxCount(int v) { this.maxCount = v; return this; }
        public Builder cpuTargetPercent(int v) { this.cpuTargetPercent = v; return this; }
        public Builder memoryTargetPercent(int v) { this.memoryTargetPercent = v; return this; }
        public Builder requestsPerTarget(int v) { this.requestsPerTarget = v; return this; }
        public Builder scaleInCooldownSeconds(int v) { this.scaleInCooldownSeconds = v; return this; }
        public Builder scaleOutCooldownSeconds(int v) { this.scaleOutCooldownSeconds = v; return this; }
        public Builder logRetentionDays(int v) { this.logRetentionDays = v; return this; }
        public Builder spotPercent(int v) { this.spotPercent = v; return this; }
        public Builder environment(Map<String, String> v) { this.environment = Map.copyOf(v); return this; }
        public Builder secrets(Map<String, String> v) { this.secrets = Map.copyOf(v); return this; }
        public Builder schedules(List<ScheduledCapacity> v) { this.schedules = List.copyOf(v); return this; }
        public Builder secretValues(Map<String, Output<String>> v) { this.secretValues = Map.copyOf(v); return this; }
        public Builder containerHealthCheck(List<String> v) { this.containerHealthCheck = List.copyOf(v); return this; }
        public Builder readonlyRootFilesystem(boolean v) { this.readonlyRootFilesystem = v; return this; }
        public Builder enableExecuteCommand(boolean v) { this.enableExecuteCommand = v; return this; }
        public Builder alarmEmails(List<String> v) { this.alarmEmails = List.copyOf(v); return this; }
        public Builder immutableTags(boolean v) { this.immutableTags = v; return this; }
        public Builder keepImages(int v) { this.keepImages = v; return this; }
        public Builder taskPolicyArns(List<String> v) { this.taskPolicyArns = List.copyOf(v); return this; }
        public Builder taskPolicyStatements(List<Map<String, Object>> v) { this.taskPolicyStatements = List.copyOf(v); return this; }
        public Builder healthCheckGracePeriodSeconds(int v) { this.healthCheckGracePeriodSeconds = v; return this; }
        public Builder waitForSteadyState(boolean v) { this.waitForSteadyState = v; return this; }
        public Builder deploymentMinimumHealthyPercent(int v) { this.deploymentMinimumHealthyPercent = v; return this; }
        public Builder deploymentMaximumPercent(int v) { this.deploymentMaximumPercent = v; return this; }

        /** Validates and builds; the exception lists every invalid field. */
        public FargateServiceArgs build() {
            var errors = new ArrayList<String>();
            ArgChecks.required(errors, "FargateServiceArgs.placement", placement);
            ArgChecks.required(errors, "FargateServiceArgs.cluster", cluster);
            ArgChecks.required(errors, "FargateServiceArgs.target", target);
            Formats.imageProblem(image).ifPresent(p -> errors.add("FargateServiceArgs.image: " + p));
            alarmEmails.stream().filter(e -> !Formats.isEmail(e))
                    .forEach(e -> errors.add("FargateServiceArgs.alarmEmails: \"" + e + "\" is not an email address"));
            FargateSizes.check(cpu, memory).ifPresent(v -> errors.add("FargateServiceArgs." + v.key() + ": " + v.problem() + "; allowed: " + v.allowed()));
            ArgChecks.range(errors, "FargateServiceArgs.containerPort", containerPort, 1, 65535);
            var min = minCount == null ? desiredCount : minCount;
            var max = maxCount == null ? desiredCount : maxCount;
            ArgChecks.range(errors, "FargateServiceArgs.minCount", min, 0, 1000);
            ArgChecks.range(errors, "FargateServiceArgs.maxCount", max, 1, 1000);
            if (min > max) {
                errors.add("FargateServiceArgs.minCount " + min + " is greater than maxCount " + max);
            } else if (desiredCount < min || desiredCount > max) {
                errors.add("FargateServiceArgs.desiredCount " + desiredCount + " is outside minCount..maxCount (" + min + ".." + max + ")");
            }
            ArgChecks.range(errors, "FargateServiceArgs.cpuTargetPercent", cpuTargetPercent, 10, 95);
            ArgChecks.range(errors, "FargateServiceArgs.memoryTargetPercent", memoryTargetPercent, 10, 95);
            ArgChecks.range(errors, "FargateServiceArgs.requestsPerTarget", requestsPerTarget, 0, 1_000_000);
            ArgChecks.range(errors, "FargateServiceArgs.spotPercent", spotPercent, 0, 100);
            ArgChecks.range(errors, "FargateServiceArgs.keepImages", keepImages, 1, 1000);
            ArgChecks.range(errors, "FargateServiceArgs.healthCheckGracePeriodSeconds", healthCheckGracePeriodSeconds, 0, 7200);
            ArgChecks.range(errors, "FargateServiceArgs.deploymentMinimumHealthyPercent", deploymentMinimumHealthyPercent, 0, 100);
            ArgChecks.range(errors, "FargateServiceArgs.deploymentMaximumPercent", deploymentMaximumPercent, 100, 200);
            if (!LogRetention.isAllowed(logRetentionDays)) {
                errors.add("FargateServiceArgs.logRetentionDays: " + logRetentionDays + " is not a CloudWatch Logs retention; allowed: "
                        + LogRetention.ALLOWED_DAYS);
            }
            environment.keySet().stream().filter(k -> !ENV_NAME.matcher(k).matches())
                    .forEach(k -> errors.add("FargateServiceArgs.environment: \"" + k + "\" is not a valid variable name"));
            for (int i = 0; i < schedules.size(); i++) {
                errors.addAll(schedules.get(i).problems("FargateServiceArgs.schedules[" + i + "]", 1000));
            }
            if (!schedules.isEmpty() && min >= max) {
                errors.add("FargateServiceArgs.schedules need autoscaling: maxCount above minCount");
            }
            secretValues.keySet().stream().filter(k -> !ENV_NAME.matcher(k).matches() || secrets.containsKey(k))
                    .forEach(k -> errors.add("FargateServiceArgs.secretValues: \"" + k + "\" is not a valid variable name, or is also in secrets"));
            secrets.forEach((k, arn) -> {
                if (!ENV_NAME.matcher(k).matches()) {
                    errors.add("FargateServiceArgs.secrets: \"" + k + "\" is not a valid variable name");
                }
                if (!SECRET_ARN.matcher(arn).matches()) {
                    errors.add("FargateServiceArgs.secrets." + k + ": \"" + arn + "\" is not a Secrets Manager secret or SSM parameter ARN");
                }
            });
            for (int i = 0; i < taskPolicyStatements.size(); i++) {
                var statement = taskPolicyStatements.get(i);
                if (!statement.keySet().containsAll(List.of("Effect", "Action", "Resource"))) {
                    errors.add("FargateServiceArgs.taskPolicyStatements[" + i + "] needs Effect, Action and Resource");
                }
            }
            if (blueGreen != null) {
                errors.addAll(blueGreen.problems("FargateServiceArgs.blueGreen"));
                if (target != null && target.blueGreen().isEmpty()) {
                    errors.add("FargateServiceArgs.blueGreen needs a blue/green target: a route with blueGreen true");
                }
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new FargateServiceArgs(this);
        }
    }
}
