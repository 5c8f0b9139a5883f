package io.containerplatform.components.fargate;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

/**
 * How CodeDeploy deploys a blue/green Fargate service: the replacement tasks start on the route's green target
 * group, traffic moves to them in the given way, and the original tasks stop after a wait. A deployment rolls back
 * by itself when it fails or when one of the service's rollback alarms fires (target 5xx, unhealthy targets).
 * A declared input type: each field is one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class BlueGreenRollout extends DeclaredArgs {

    @Import(name = "trafficShift")
    @InputSpec(value = "How traffic moves to the replacement tasks: CodeDeploy's predefined ECS deployment configuration of that name"
            + " (CodeDeployDefault.ECSAllAtOnce, ...)", oneOf = {"allAtOnce", "canary10Percent5Minutes", "canary10Percent15Minutes",
            "linear10PercentEvery1Minutes", "linear10PercentEvery3Minutes"})
    private String trafficShift = "allAtOnce";

    @Import(name = "terminateBlueAfterMinutes")
    @InputSpec(value = "Minutes the original tasks keep running once traffic has moved (a rollback in that window is instant)",
            min = 0, max = 2880)
    private Integer terminateBlueAfterMinutes = 5;

    public String trafficShift() { return trafficShift; }
    public int terminateBlueAfterMinutes() { return terminateBlueAfterMinutes; }

    /** CodeDeploy's deployment configuration name: {@code CodeDeployDefault.ECS} and the shift, capitalized. */
    public String deploymentConfigName() {
        return "CodeDeployDefault.ECS" + Character.toUpperCase(trafficShift.charAt(0)) + trafficShift.substring(1);
    }

    /** All at once, the original tasks stopped 5 minutes later. */
    public static BlueGreenRollout defaults() {
        return builder().build();
    }

    public static Builder builder() { return new Builder(new BlueGreenRollout()); }
    public static Builder builder(BlueGreenRollout from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link BlueGreenRollout}. */
    public static final class Builder {
        private final BlueGreenRollout $;

        private Builder(BlueGreenRollout start) { $ = start; }

        /**
         * How traffic moves to the replacement tasks: CodeDeploy's predefined ECS deployment configuration of that name
         * (CodeDeployDefault.ECSAllAtOnce, ...). Allowed: one of allAtOnce, canary10Percent5Minutes,
         * canary10Percent15Minutes, linear10PercentEvery1Minutes, linear10PercentEvery3Minutes. Default: allAtOnce.
         */
        public Builder trafficShift(String v) { $.trafficShift = v; return this; }

        /**
         * Minutes the original tasks keep running once traffic has moved (a rollback in that window is instant).
         * Allowed: 0 to 2880. Default: 5.
         */
        public Builder terminateBlueAfterMinutes(Integer v) { $.terminateBlueAfterMinutes = v; return this; }

        /** The rollout as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public BlueGreenRollout build() { return $.validated(); }
    }
}
