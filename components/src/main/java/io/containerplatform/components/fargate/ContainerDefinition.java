package io.containerplatform.components.fargate;

import io.containerplatform.components.common.Json;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/** The one essential container of a {@link FargateServiceComponent} task, as ECS container-definitions JSON. */
final class ContainerDefinition {

    private ContainerDefinition() {
    }

    static String json(String name, FargateServiceArgs args, String image, String logGroup, String region, Map<String, String> secrets) {
        var container = obj(
                "name", name,
                "image", image,
                "essential", true,
                "portMappings", List.of(obj("containerPort", args.port(), "protocol", "tcp")),
                "environment", args.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> obj("name", e.getKey(), "value", e.getValue())).toList(),
                "secrets", secrets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> obj("name", e.getKey(), "valueFrom", e.getValue())).toList(),
                "logConfiguration", obj("logDriver", "awslogs", "options", obj(
                        "awslogs-group", logGroup, "awslogs-region", region, "awslogs-stream-prefix", "ecs")));
        if (!args.containerHealthCheck().isEmpty()) {
            container.put("healthCheck", obj("command", args.containerHealthCheck(), "interval", 30, "timeout", 5,
                    "retries", 3, "startPeriod", 30));
        }
        container.put("privileged", false);
        container.put("readonlyRootFilesystem", args.readonlyRootFilesystem());
        if (args.enableExecuteCommand()) {
            container.put("linuxParameters", obj("initProcessEnabled", true));
        }
        return Json.write(List.of(container));
    }
}
