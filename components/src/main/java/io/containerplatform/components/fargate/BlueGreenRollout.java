package io.containerplatform.components.fargate;

import io.containerplatform.components.args.InputProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How CodeDeploy deploys a blue/green Fargate service: the replacement tasks start on the route's green target
 * group, traffic moves to them in the given way, and the original tasks stop after a wait. A deployment rolls back
 * by itself when it fails or when one of the service's rollback alarms fires (target 5xx, unhealthy targets).
 *
 * @param trafficShift              how traffic moves: one of {@link #TRAFFIC_SHIFTS}' keys; default {@code allAtOnce}
 * @param terminateBlueAfterMinutes minutes the original tasks keep running once traffic has moved (a rollback in
 *                                  that window is instant), 0 to 2880; default 5
 */
public record BlueGreenRollout(String trafficShift, int terminateBlueAfterMinutes) {

    /** The traffic shifts, by name, and CodeDeploy's predefined ECS deployment configuration of each. */
    public static final Map<String, String> TRAFFIC_SHIFTS = new TreeMap<>(Map.of(
            "allAtOnce", "CodeDeployDefault.ECSAllAtOnce",
            "canary10Percent5Minutes", "CodeDeployDefault.ECSCanary10Percent5Minutes",
            "canary10Percent15Minutes", "CodeDeployDefault.ECSCanary10Percent15Minutes",
            "linear10PercentEvery1Minutes", "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
            "linear10PercentEvery3Minutes", "CodeDeployDefault.ECSLinear10PercentEvery3Minutes"));
    /** CodeDeploy's longest wait before terminating the original tasks. */
    public static final int MAX_TERMINATE_MINUTES = 2880;

    /** All at once, the original tasks stopped 5 minutes later. */
    public static BlueGreenRollout defaults() {
        return new BlueGreenRollout("allAtOnce", 5);
    }

    /** CodeDeploy's deployment configuration name. */
    public String deploymentConfigName() {
        return TRAFFIC_SHIFTS.get(trafficShift);
    }

    List<InputProblem> problems(String where) {
        var errors = new ArrayList<InputProblem>();
        if (!TRAFFIC_SHIFTS.containsKey(trafficShift)) {
            errors.add(new InputProblem(where + ".trafficShift", "\"" + trafficShift + "\" is not a traffic shift",
                    "one of " + String.join(", ", TRAFFIC_SHIFTS.keySet())));
        }
        if (terminateBlueAfterMinutes < 0 || terminateBlueAfterMinutes > MAX_TERMINATE_MINUTES) {
            errors.add(new InputProblem(where + ".terminateBlueAfterMinutes", terminateBlueAfterMinutes + " is out of range",
                    "0 to " + MAX_TERMINATE_MINUTES));
        }
        return errors;
    }
}
