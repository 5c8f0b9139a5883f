package io.containerplatform.plan.changes;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ECS rejects most updates of a service whose deployment controller is {@code CODE_DEPLOY}. The ECS API reference,
 * UpdateService: "For services using the blue/green (CODE_DEPLOY) deployment controller, only the desired count,
 * deployment configuration, health check grace period, task placement constraints and strategies, enable ECS managed
 * tags option, and propagate tags can be updated using this API. If the network configuration, platform version, task
 * definition, or load balancer need to be updated, create a new CodeDeploy deployment." terraform-provider-aws sends
 * every changed input to UpdateService, so any other change fails at {@code pulumi up}.
 */
final class CodeDeployServiceCheck {

    static final String TYPE = "aws:ecs/service:Service";

    /** Inputs UpdateService accepts on a CODE_DEPLOY service, and those the provider keeps to itself. */
    private static final Set<String> UPDATABLE = Set.of("desiredCount", "deploymentMaximumPercent", "deploymentMinimumHealthyPercent",
            "alarms", "healthCheckGracePeriodSeconds", "placementConstraints", "orderedPlacementStrategies", "enableEcsManagedTags",
            "propagateTags", "tags", "waitForSteadyState", "triggers", "forceDelete");

    private CodeDeployServiceCheck() {
    }

    /** The error an update of {@code change} meets, when it is a CODE_DEPLOY service's update ECS refuses. */
    static Optional<String> error(Change change, JsonObject base, JsonObject head) {
        if (!change.type().equals(TYPE) || change.op() != Change.Op.update || !codeDeploy(base) || !codeDeploy(head)) {
            return Optional.empty();
        }
        List<String> refused = change.keys().stream().filter(k -> !UPDATABLE.contains(k)).toList();
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(change.urn() + ": ECS refuses to update " + String.join(", ", refused) + " of a service with the CODE_DEPLOY "
                + "deployment controller (UpdateService accepts only the desired count, deployment configuration, health check grace "
                + "period, placement constraints and strategies, managed tags and propagate tags; a new task definition, network "
                + "configuration, load balancer or platform version needs a CodeDeploy deployment)");
    }

    private static boolean codeDeploy(JsonObject inputs) {
        var controller = inputs.getAsJsonObject("deploymentController");
        return controller != null && controller.has("type") && controller.get("type").getAsString().equals("CODE_DEPLOY");
    }
}
