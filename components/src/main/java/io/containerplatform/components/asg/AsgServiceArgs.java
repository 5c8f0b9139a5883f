package io.containerplatform.components.asg;

import io.containerplatform.components.common.Formats;
import com.pulumi.core.Output;
import io.containerplatform.components.loadbalancing.LoadBalancerTarget;
import io.containerplatform.components.scaling.ScheduledCapacity;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.components.network.Placement;
import io.containerplatform.components.database.MysqlDatabaseArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Arguments of {@link AsgServiceComponent}. Immutable; build with {@link #builder()}. Defaults are seed 003's:
 * 2 to 4 instances (2 at creation), target tracking at 50 % CPU, +1 instance above 70 % and -1 below 30 %
 * for two minutes, 5 minutes of cooldown.
 */
public final class AsgServiceArgs {

    private final String image;
    private final String instanceType;
    private final int minSize;
    private final int maxSize;
    private final int desiredCapacity;
    private final int appPort;
    private final LoadBalancerTarget target;
    private final int cpuTargetPercent;
    private final int scaleUpCpuPercent;
    private final int scaleDownCpuPercent;
    private final int cooldownSeconds;
    private final List<String> alarmEmails;
    private final Map<String, String> environment;
    private final List<String> instancePolicyArns;
    private final List<Map<String, Object>> instancePolicyStatements;
    private final List<ScheduledCapacity> schedules;
    private final int logRetentionDays;
    private final MysqlDatabaseArgs.Builder database;

    private final Placement placement;

    private AsgServiceArgs(Builder b) {
        this.placement = b.placement;
        this.image = b.image;
        this.instanceType = b.instanceType;
        this.minSize = b.minSize;
        this.maxSize = b.maxSize;
        this.desiredCapacity = b.desiredCapacity;
        this.appPort = b.appPort;
        this.target = b.target;
        this.cpuTargetPercent = b.cpuTargetPercent;
        this.scaleUpCpuPercent = b.scaleUpCpuPercent;
        this.scaleDownCpuPercent = b.scaleDownCpuPercent;
        this.cooldownSeconds = b.cooldownSeconds;
        this.alarmEmails = List.copyOf(b.alarmEmails);
        this.environment = b.environment;
        this.instancePolicyArns = b.instancePolicyArns;
        this.instancePolicyStatements = b.instancePolicyStatements;
        this.schedules = b.schedules;
        this.logRetentionDays = b.logRetentionDays;
        this.database = b.database;
    }

    /** VPC of the service. Required. */
    public Output<String> vpcId() { return placement.vpcId(); }

    /** VPC CIDR. Required. */
    public Output<String> vpcCidr() { return placement.vpcCidr(); }

    /** Public subnets of the load balancer. Required. */
    public Output<List<String>> publicSubnetIds() { return placement.publicSubnetIds(); }

    /** Private subnets of the instances and the database. Required. */
    public Output<List<String>> privateSubnetIds() { return placement.privateSubnetIds(); }

    /**
     * Container image, pinned to a version tag or digest (ECR images are pulled with the instance role), or
     * {@code :<tag>} of the service's own ECR repository. Required.
     */
    public String image() { return image; }

    /** EC2 instance type. Default {@code t3.small}. */
    public String instanceType() { return instanceType; }

    /** Fewest instances. Default 2; 0 to 100. */
    public int minSize() { return minSize; }

    /** Most instances. Default 4; at least {@link #minSize()}. */
    public int maxSize() { return maxSize; }

    /** Instances at creation, then left to the autoscaler. Default 2; within min..max. */
    public int desiredCapacity() { return desiredCapacity; }

    /** Port the container serves on each instance. Default 80. */
    public int appPort() { return appPort; }

    /** The load balancer's target group and routing for the service ({@link io.containerplatform.components.loadbalancing.WebLoadBalancer#target}). Required. */
    public LoadBalancerTarget target() { return target; }

    /** Target average CPU of the target-tracking policy. Default 50; 10 to 90. */
    public int cpuTargetPercent() { return cpuTargetPercent; }

    /** CPU above which (2 periods of 60 s) one instance is added. Default 70; above {@link #scaleDownCpuPercent()}. */
    public int scaleUpCpuPercent() { return scaleUpCpuPercent; }

    /** CPU below which (2 periods of 60 s) one instance is removed. Default 30. */
    public int scaleDownCpuPercent() { return scaleDownCpuPercent; }

    /** Seconds between two simple-scaling actions. Default 300; 0 to 3600. */
    public int cooldownSeconds() { return cooldownSeconds; }

    /** Email addresses subscribed to the alarm topic (each must confirm). Default none. */
    public List<String> alarmEmails() { return alarmEmails; }

    /** Plain environment variables of the container. Default none. Names must be valid shell names. */
    public Map<String, String> environment() { return environment; }

    /** Managed policy ARNs attached to the instance role (besides SSM's and CloudWatch's). Default none. */
    public List<String> instancePolicyArns() { return instancePolicyArns; }

    /** Inline IAM statements of the instance role (maps with Effect, Action, Resource). Default none. */
    public List<Map<String, Object>> instancePolicyStatements() { return instancePolicyStatements; }

    /** Capacities the group takes on a schedule (e.g. business hours): each sets minSize and maxSize from its time on. Default none. */
    public List<ScheduledCapacity> schedules() { return schedules; }

    /** Retention of the container log group {@code /asg/<name>}. Default 7. */
    public int logRetentionDays() { return logRetentionDays; }

    /**
     * The database, or empty for none. Its {@code vpcId}, {@code subnetIds} and {@code clientSecurityGroupId}
     * are set by the component (the private subnets and the instances' group).
     */
    public Optional<MysqlDatabaseArgs.Builder> database() { return Optional.ofNullable(database); }

    /** Where the component's resources go: the VPC and its subnets ({@link NetworkComponent#placement()}). Required. */
    public Placement placement() { return placement; }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link AsgServiceArgs}; {@link #build()} validates every field at once. */
    public static final class Builder {
        private Placement placement;
        private String image;
        private String instanceType = "t3.small";
        private int minSize = 2;
        private int maxSize = 4;
        private int desiredCapacity = 2;
        private int appPort = 80;
        private LoadBalancerTarget target;
        private int cpuTargetPercent = 50;
        private int scaleUpCpuPercent = 70;
        private int scaleDownCpuPercent = 30;
        private int cooldownSeconds = 300;
        private List<String> alarmEmails = List.of();
        private Map<String, String> environment = Map.of();
        private List<String> instancePolicyArns = List.of();
        private List<Map<String, Object>> instancePolicyStatements = List.of();
        private List<ScheduledCapacity> schedules = List.of();
        private int logRetentionDays = 7;
        private MysqlDatabaseArgs.Builder database;

        public Builder image(String v) { this.image = v; return this; }
        public Builder instanceType(String v) { this.instanceType = v; return this; }
        public Builder minSize(int v) { this.minSize = v; return this; }
        public Builder maxSize(int v) { this.maxSize = v; return this; }
        public Builder desiredCapacity(int v) { this.desiredCapacity = v; return this; }
        public Builder appPort(int v) { this.appPort = v; return this; }
        public Builder target(LoadBalancerTarget v) { this.target = v; return this; }
        public Builder cpuTargetPercent(int v) { this.cpuTargetPercent = v; return this; }
        public Builder scaleUpCpuPercent(int v) { this.scaleUpCpuPercent = v; return this; }
        public Builder scaleDownCpuPercent(int v) { this.scaleDownCpuPercent = v; return this; }
        public Builder cooldownSeconds(int v) { this.cooldownSeconds = v; return this; }
        public Builder alarmEmails(List<String> v) { this.alarmEmails = v; return this; }
        public Builder environment(Map<String, String> v) { this.environment = Map.copyOf(v); return this; }
        public Builder instancePolicyArns(List<String> v) { this.instancePolicyArns = List.copyOf(v); return this; }
        public Builder instancePolicyStatements(List<Map<String, Object>> v) { this.instancePolicyStatements = List.copyOf(v); return this; }
        public Builder schedules(List<ScheduledCapacity> v) { this.schedules = List.copyOf(v); return this; }
        public Builder logRetentionDays(int v) { this.logRetentionDays = v; return this; }
        public Builder database(MysqlDatabaseArgs.Builder v) { this.database = v; return this; }

        /** Where the component's resources go: {@link NetworkComponent#placement()}, or {@link Placement#of} for an existing VPC. */
        public Builder placement(Placement v) { this.placement = v; return this; }

        /** Validates and builds; the exception lists every invalid field. */
        public AsgServiceArgs build() {
            var errors = new ArrayList<String>();
            if (placement == null) {
                errors.add("AsgServiceArgs.placement is required");
            }
            if (target == null) {
                errors.add("AsgServiceArgs.target is required");
            }
            Formats.imageProblem(image).ifPresent(p -> errors.add("AsgServiceArgs.image: " + p));
            if (!Formats.isInstanceType(instanceType)) {
                errors.add("AsgServiceArgs.instanceType: \"" + instanceType + "\" is not an EC2 instance type");
            }
            if (minSize < 0 || maxSize > 100 || minSize > maxSize) {
                errors.add("AsgServiceArgs.minSize/maxSize: " + minSize + ".." + maxSize + " is not 0 <= minSize <= maxSize <= 100");
            } else if (desiredCapacity < minSize || desiredCapacity > maxSize) {
                errors.add("AsgServiceArgs.desiredCapacity " + desiredCapacity + " is outside minSize..maxSize (" + minSize + ".." + maxSize + ")");
            }
            if (appPort < 1 || appPort > 65535) {
                errors.add("AsgServiceArgs.appPort: " + appPort + " is outside 1 to 65535");
            }
            if (scaleDownCpuPercent >= scaleUpCpuPercent) {
                errors.add("AsgServiceArgs.scaleDownCpuPercent " + scaleDownCpuPercent + " must be below scaleUpCpuPercent " + scaleUpCpuPercent);
            }
            if (cooldownSeconds < 0 || cooldownSeconds > 3600) {
                errors.add("AsgServiceArgs.cooldownSeconds: " + cooldownSeconds + " is outside 0 to 3600");
            }
            environment.keySet().stream().filter(k -> !k.matches("[A-Za-z_][A-Za-z0-9_]*"))
                    .forEach(k -> errors.add("AsgServiceArgs.environment: \"" + k + "\" is not a valid variable name"));
            environment.forEach((k, v) -> {
                if (v.contains("\n") || v.contains("\r")) {
                    errors.add("AsgServiceArgs.environment." + k + ": a value of an env file cannot span lines");
                }
            });
            for (int i = 0; i < instancePolicyStatements.size(); i++) {
                if (!instancePolicyStatements.get(i).keySet().containsAll(List.of("Effect", "Action", "Resource"))) {
                    errors.add("AsgServiceArgs.instancePolicyStatements[" + i + "] needs Effect, Action and Resource");
                }
            }
            for (int i = 0; i < schedules.size(); i++) {
                errors.addAll(schedules.get(i).problems("AsgServiceArgs.schedules[" + i + "]", 100));
            }
            alarmEmails.stream().filter(e -> !Formats.isEmail(e))
                    .forEach(e -> errors.add("AsgServiceArgs.alarmEmails: \"" + e + "\" is not an email address"));
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new AsgServiceArgs(this);
        }
    }
}
