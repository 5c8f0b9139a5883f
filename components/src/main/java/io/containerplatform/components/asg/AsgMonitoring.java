package io.containerplatform.components.asg;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/**
 * Alerting and the dashboard of an {@link AsgServiceComponent} (seed 003): an encrypted SNS topic with email
 * subscriptions, alarms that notify it, and a CloudWatch dashboard whose JSON is built from the resources'
 * outputs.
 */
final class AsgMonitoring {

    /** Alarm thresholds that are not scaling thresholds. */
    static final int ALB_5XX_IN_5_MINUTES = 10;
    static final double RESPONSE_TIME_SECONDS = 1.0;
    static final int RDS_CPU_PERCENT = 80;
    static final double RDS_FREE_STORAGE_BYTES = 2.0 * 1024 * 1024 * 1024;
    static final int RDS_CONNECTIONS = 100;

    private final Resource parent;
    private final String name;
    private final Topic topic;

    AsgMonitoring(Resource parent, String name, List<String> emails) {
        this.parent = parent;
        this.name = name;
        this.topic = new Topic(name + "-alarms", TopicArgs.builder()
                .displayName("Alarms of " + name)
                .kmsMasterKeyId("alias/aws/sns")
                .build(), child());
        for (int i = 0; i < emails.size(); i++) {
            new TopicSubscription(name + "-alarm-email-" + i, TopicSubscriptionArgs.builder()
                    .topic(topic.arn()).protocol("email").endpoint(emails.get(i)).build(), child());
        }
    }

    Topic topic() {
        return topic;
    }

    /** An alarm notifying the topic, plus {@code extraActions} (e.g. a scaling policy). */
    MetricAlarm alarm(String suffix, String description, String namespace, String metric, String statistic,
                      Output<Map<String, String>> dimensions, int period, int evaluationPeriods, String comparison,
                      double threshold, List<Output<String>> extraActions) {
        var actions = new ArrayList<>(extraActions);
        actions.add(topic.arn());
        return new MetricAlarm(name + "-" + suffix, MetricAlarmArgs.builder()
                .alarmDescription(description)
                .namespace(namespace)
                .metricName(metric)
                .statistic(statistic)
                .dimensions(dimensions)
                .period(period)
                .evaluationPeriods(evaluationPeriods)
                .comparisonOperator(comparison)
                .threshold(threshold)
                .treatMissingData("notBreaching")
                .alarmActions(Output.all(actions))
                .okActions(topic.arn().applyValue(List::of))
                .build(), child());
    }

    /**
     * The dashboard: ALB requests, response time and 2xx/5xx; ASG CPU, in-service and desired; RDS CPU,
     * connections and freeable memory when {@code dbIdentifier} is given.
     */
    Dashboard dashboard(Output<String> region, Output<String> lbSuffix, Output<String> asgName, Output<String> dbIdentifier) {
        var body = Output.tuple(region, lbSuffix, asgName, dbIdentifier == null ? Output.of("") : dbIdentifier).applyValue(t -> {
            var widgets = new ArrayList<Map<String, Object>>();
            widgets.add(widget("Load balancer: requests and responses", t.t1, 0, List.of(
                    List.of("AWS/ApplicationELB", "RequestCount", "LoadBalancer", t.t2, obj("stat", "Sum")),
                    List.of("AWS/ApplicationELB", "HTTPCode_Target_2XX_Count", "LoadBalancer", t.t2, obj("stat", "Sum")),
                    List.of("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", t.t2, obj("stat", "Sum")))));
            widgets.add(widget("Load balancer: target response time", t.t1, 1, List.of(
                    List.of("AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", t.t2, obj("stat", "Average")))));
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
            return Json.write(obj("widgets", widgets));
        });
        return new Dashboard(name + "-dashboard", DashboardArgs.builder().dashboardName(name).dashboardBody(body).build(), child());
    }

    private static Map<String, Object> widget(String title, String region, int index, List<List<Object>> metrics) {
        return obj("type", "metric", "x", (index % 2) * 12, "y", (index / 2) * 6, "width", 12, "height", 6,
                "properties", obj("title", title, "region", region, "view", "timeSeries", "stacked", false,
                        "period", 60, "metrics", metrics));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(parent).build();
    }
}
