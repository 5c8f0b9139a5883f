package io.containerplatform.components.asg;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.containerplatform.components.monitoring.AlertDestination;
import io.containerplatform.components.monitoring.ServiceAlarms;

import java.util.ArrayList;
import java.util.List;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.monitoring.ServiceAlarms.widget;

/**
 * Alerting and the dashboard of an {@link AsgServiceComponent} (seed 003): the service's {@link ServiceAlarms}
 * (encrypted topic, its subscriptions, load balancer alarms) and the dashboard of the load balancer, the
 * group and the database.
 */
final class AsgMonitoring {

    /** Alarm thresholds of the database. */
    static final int RDS_CPU_PERCENT = 80;
    static final double RDS_FREE_STORAGE_BYTES = 2.0 * 1024 * 1024 * 1024;
    static final int RDS_CONNECTIONS = 100;

    private final ServiceAlarms alarms;

    AsgMonitoring(Resource parent, String name, AlertDestination destination) {
        this.alarms = new ServiceAlarms(parent, name, destination);
    }

    ServiceAlarms alarms() {
        return alarms;
    }

    /**
     * The dashboard: ALB requests, response time and 2xx/5xx; ASG CPU, in-service and desired; RDS CPU,
     * connections and freeable memory when {@code dbIdentifier} is given.
     */
    Dashboard dashboard(Output<String> region, Output<String> lbSuffix, Output<String> asgName, Output<String> dbIdentifier) {
        return alarms.dashboard(Output.tuple(region, lbSuffix, asgName, dbIdentifier == null ? Output.of("") : dbIdentifier).applyValue(t -> {
            var widgets = new ArrayList<>(ServiceAlarms.loadBalancerWidgets(t.t1, t.t2));
            widgets.add(widget("Auto Scaling group: CPU", t.t1, 2, List.of(
                    List.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", t.t3, obj("stat", "Average")))));
            widgets.add(widget("Auto Scaling group: instances", t.t1, 3, List.of(
                    List.of("AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", t.t3, obj("stat", "Average")),
                    List.of("AWS/AutoScaling", "GroupDesiredCapacity", "AutoScalingGroupName", t.t3, obj("stat", "Average")))));
            if (!t.t4.isEmpty()) {
                widgets.add(widget("Database: CPU and connections", t.t1, 4, List.of(
                        List.of("AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", t.t4, obj("stat", "Average")),
                        List.of("AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", t.t4, obj("stat", "Average")))));
                widgets.add(widget("Database: freeable memory", t.t1, 5, List.of(
                        List.of("AWS/RDS", "FreeableMemory", "DBInstanceIdentifier", t.t4, obj("stat", "Average")))));
            }
            return widgets;
        }));
    }
}
