package io.containerplatform.components.asg;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.common.Permissions;
import io.containerplatform.components.common.ServiceArgs;
import io.containerplatform.components.database.MysqlSettings;
import io.containerplatform.components.scaling.ScheduledCapacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arguments of {@link AsgServiceComponent}: each field is one declared input ({@link InputSpec}). Build with
 * {@link #builder()}; {@code build()} returns an unmodifiable copy, checked, or fails naming every problem. Defaults are
 * seed 003's: 2 to 4 instances (2 at creation), target tracking at 50 % CPU, +1 instance above 70 % and -1 below 30 %
 * for two minutes, 5 minutes of cooldown.
 */
public final class AsgServiceArgs extends ServiceArgs {

    @Import(name = "instanceType")
    @InputSpec(value = "The EC2 instance type", format = Format.INSTANCE_TYPE, allowed = "an EC2 instance type")
    private String instanceType = "t3.small";

    @Import(name = "minSize")
    @InputSpec(value = "The fewest instances", min = 0, max = 100)
    private Integer minSize = 2;

    @Import(name = "maxSize")
    @InputSpec(value = "The most instances", min = 1, max = 100)
    private Integer maxSize = 4;

    @Import(name = "desiredCapacity")
    @InputSpec(value = "Instances at creation, then left to the autoscaler", min = 0, max = 100,
            defaultText = "2, or the nearest within minSize..maxSize")
    private Integer desiredCapacity;

    @Import(name = "cpuTargetPercent")
    @InputSpec(value = "The target average CPU of the target-tracking policy, percent", min = 10, max = 90)
    private Integer cpuTargetPercent = 50;

    @Import(name = "scaleUpCpuPercent")
    @InputSpec(value = "CPU above which (2 periods of 60 s) one instance is added", min = 1, max = 100)
    private Integer scaleUpCpuPercent = 70;

    @Import(name = "scaleDownCpuPercent")
    @InputSpec(value = "CPU below which (2 periods of 60 s) one instance is removed", min = 0, max = 99,
            allowed = "0 to 99, below scaleUpCpuPercent")
    private Integer scaleDownCpuPercent = 30;

    @Import(name = "cooldownSeconds")
    @InputSpec(value = "Seconds between two simple-scaling actions", min = 0, max = 3600)
    private Integer cooldownSeconds = 300;

    @Import(name = "permissions")
    @InputSpec(value = "What the instance role may do besides SSM's and CloudWatch's managed policies: more managed policies and inline statements",
            defaultText = "none")
    private Permissions permissions = Permissions.builder().build();

    @Import(name = "schedules")
    @InputSpec(value = "Capacities the group takes on a schedule (e.g. business hours): each sets minSize and maxSize from its time on",
            allowed = "capacities up to 100")
    private List<ScheduledCapacity> schedules = List.of();

    @Import(name = "database")
    @InputSpec(value = "The service's RDS MySQL database, created when set: how it is sized, kept and watched (the component places"
            + " it in the private subnets, reachable from the instances only)", defaultText = "none")
    private MysqlSettings database;

    public String instanceType() { return instanceType; }
    public int minSize() { return minSize; }
    public int maxSize() { return maxSize; }
    public int desiredCapacity() { return desiredCapacity != null ? desiredCapacity : Math.max(minSize, Math.min(2, maxSize)); }
    public int cpuTargetPercent() { return cpuTargetPercent; }
    public int scaleUpCpuPercent() { return scaleUpCpuPercent; }
    public int scaleDownCpuPercent() { return scaleDownCpuPercent; }
    public int cooldownSeconds() { return cooldownSeconds; }
    public Permissions permissions() { return permissions; }
    public List<ScheduledCapacity> schedules() { return schedules; }
    public Optional<MysqlSettings> database() { return Optional.ofNullable(database); }

    @Override
    protected List<InputProblem> rules() {
        var order = "minSize <= desiredCapacity <= maxSize";
        var problems = new ArrayList<InputProblem>();
        if (minSize != null && maxSize != null) {
            if (minSize > maxSize) {
                problems.add(new InputProblem("minSize", minSize + " is greater than maxSize " + maxSize, order));
            } else if (desiredCapacity() < minSize || desiredCapacity() > maxSize) {
                problems.add(new InputProblem("desiredCapacity", desiredCapacity() + " is outside minSize..maxSize (" + minSize + ".." + maxSize + ")", order));
            }
        }
        if (scaleUpCpuPercent != null && scaleDownCpuPercent != null && scaleDownCpuPercent >= scaleUpCpuPercent) {
            problems.add(problem("scaleDownCpuPercent", scaleDownCpuPercent + " is not below scaleUpCpuPercent " + scaleUpCpuPercent));
        }
        environment().forEach((k, v) -> {
            if (v.contains("\n") || v.contains("\r")) {
                problems.add(problem("environment", "the value of " + k + " spans lines (an env file's value cannot)"));
            }
        });
        problems.addAll(ScheduledCapacity.listProblems(schedules, 100));
        return problems;
    }

    public static Builder builder() {
        return new Builder(new AsgServiceArgs());
    }

    /** A builder starting from {@code defaults}' inputs. */
    public static Builder builder(AsgServiceArgs defaults) {
        return new Builder(Inputs.copyOf(defaults));
    }

    /** Builder of {@link AsgServiceArgs}: one setter per input, named like it (those of every service's inputs from
     * {@link ServiceArgs.Builder}). */
    public static final class Builder extends ServiceArgs.Builder<AsgServiceArgs, Builder> {

        private Builder(AsgServiceArgs start) {
            super(start);
        }

        /**
         * The EC2 instance type. Allowed: an EC2 instance type. Default: t3.small.
         */
        public Builder instanceType(String v) { $.instanceType = v; return this; }

        /**
         * The fewest instances. Allowed: 0 to 100. Default: 2.
         */
        public Builder minSize(int v) { $.minSize = v; return this; }

        /**
         * The most instances. Allowed: 1 to 100. Default: 4.
         */
        public Builder maxSize(int v) { $.maxSize = v; return this; }

        /**
         * Instances at creation, then left to the autoscaler. Allowed: 0 to 100. Default: 2, or the nearest within
         * minSize..maxSize.
         */
        public Builder desiredCapacity(int v) { $.desiredCapacity = v; return this; }

        /**
         * The target average CPU of the target-tracking policy, percent. Allowed: 10 to 90. Default: 50.
         */
        public Builder cpuTargetPercent(int v) { $.cpuTargetPercent = v; return this; }

        /**
         * CPU above which (2 periods of 60 s) one instance is added. Allowed: 1 to 100. Default: 70.
         */
        public Builder scaleUpCpuPercent(int v) { $.scaleUpCpuPercent = v; return this; }

        /**
         * CPU below which (2 periods of 60 s) one instance is removed. Allowed: 0 to 99, below scaleUpCpuPercent.
         * Default: 30.
         */
        public Builder scaleDownCpuPercent(int v) { $.scaleDownCpuPercent = v; return this; }

        /**
         * Seconds between two simple-scaling actions. Allowed: 0 to 3600. Default: 300.
         */
        public Builder cooldownSeconds(int v) { $.cooldownSeconds = v; return this; }

        /**
         * What the instance role may do besides SSM's and CloudWatch's managed policies: more managed policies and
         * inline statements. Default: none.
         */
        public Builder permissions(Permissions v) { $.permissions = v; return this; }

        /**
         * Capacities the group takes on a schedule (e.g. business hours): each sets minSize and maxSize from its time
         * on. Allowed: capacities up to 100. Default: [].
         */
        public Builder schedules(List<ScheduledCapacity> v) { $.schedules = v; return this; }

        /**
         * The service's RDS MySQL database, created when set: how it is sized, kept and watched (the component places
         * it in the private subnets, reachable from the instances only). Default: none.
         */
        public Builder database(MysqlSettings v) { $.database = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public AsgServiceArgs build() {
            return $.validated();
        }
    }
}
