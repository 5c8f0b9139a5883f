package io.containerplatform.components.fargate;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.containerplatform.components.monitoring.ServiceAlarms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.monitoring.ServiceAlarms.widget;

/**
 * The alarms and dashboard of a {@link FargateServiceComponent}, as seed 002 lists them: CPU and memory above
 * 80 %, fewer running tasks than desired, tasks pending for a long time (the task counts come from Container
 * Insights, which the cluster enables), and the load balancer's unhealthy targets, 5xx and latency.
 */
final class FargateMonitoring {

    /** CPU and memory utilisation, percent, above which (for 5 minutes) the service alarms. */
    static final int UTILISATION_PERCENT = 80;
    /** Minutes with fewer running tasks than desired before the service alarms. */
    static final int BELOW_DESIRED_MINUTES = 5;
    /** Minutes with pending tasks before the service alarms ("longtemps"). */
    static final int PENDING_MINUTES = 10;

    private FargateMonitoring() {
    }

    /** Declares the service's alarms (the load balancer's are declared before the service, which they roll back); returns the dashboard. */
    static Dashboard declare(ServiceAlarms alarms, Output<String> region, Output<String> clusterName, Output<String> serviceName,
                             Output<String> loadBalancerArnSuffix) {
        Output<Map<String, String>> service = Output.tuple(clusterName, serviceName)
                .applyValue(t -> Map.of("ClusterName", t.t1, "ServiceName", t.t2));
        alarms.alarm("cpu-high", "Service CPU above " + UTILISATION_PERCENT + "% for 5 minutes", "AWS/ECS", "CPUUtilization", "Average",
                service, 60, 5, "GreaterThanThreshold", UTILISATION_PERCENT, List.of());
        alarms.alarm("memory-high", "Service memory above " + UTILISATION_PERCENT + "% for 5 minutes", "AWS/ECS", "MemoryUtilization",
                "Average", service, 60, 5, "GreaterThanThreshold", UTILISATION_PERCENT, List.of());
        alarms.expressionAlarm("tasks-below-desired", "Fewer running tasks than desired for " + BELOW_DESIRED_MINUTES + " minutes",
                "desired - running", Map.of(
                        "desired", List.of("ECS/ContainerInsights", "DesiredTaskCount", "Average"),
                        "running", List.of("ECS/ContainerInsights", "RunningTaskCount", "Average")),
                service, 60, BELOW_DESIRED_MINUTES, "GreaterThanThreshold", 0);
        alarms.alarm("tasks-pending", "Tasks pending for " + PENDING_MINUTES + " minutes (no capacity, image pull or start failures)",
                "ECS/ContainerInsights", "PendingTaskCount", "Minimum", service, 60, PENDING_MINUTES, "GreaterThanThreshold", 0, List.of());
        return alarms.dashboard(Output.tuple(region, loadBalancerArnSuffix, clusterName, serviceName).applyValue(t -> {
            var widgets = new ArrayList<>(ServiceAlarms.loadBalancerWidgets(t.t1, t.t2));
            var dimensions = List.<Object>of("ClusterName", t.t3, "ServiceName", t.t4);
            widgets.add(widget("Service: CPU and memory", t.t1, 2, List.of(
                    metric("AWS/ECS", "CPUUtilization", dimensions), metric("AWS/ECS", "MemoryUtilization", dimensions))));
            widgets.add(widget("Service: tasks", t.t1, 3, List.of(
                    metric("ECS/ContainerInsights", "DesiredTaskCount", dimensions),
                    metric("ECS/ContainerInsights", "RunningTaskCount", dimensions),
                    metric("ECS/ContainerInsights", "PendingTaskCount", dimensions))));
            return widgets;
        }));
    }

    private static List<Object> metric(String namespace, String name, List<Object> dimensions) {
        var metric = new ArrayList<Object>(List.of(namespace, name));
        metric.addAll(dimensions);
        metric.add(obj("stat", "Average"));
        return metric;
    }
}
