package io.containerplatform.components.monitoring;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/**
 * The alerting of a service, shared by its kinds (Fargate, EC2): an SNS topic subscribed to an {@link AlertDestination}
 * (email addresses, HTTPS endpoints, the latter as secrets),
 * encrypted with its own customer-managed KMS key whose policy lets CloudWatch use it (CloudWatch cannot
 * publish to a topic encrypted with the AWS-managed {@code alias/aws/sns}: its alarms would reach nobody);
 * alarms that notify the topic; and a CloudWatch dashboard of metric widgets. Children are named
 * {@code <name>-<role>} under {@code parent}.
 */
public final class ServiceAlarms {

    /** Target 5xx responses in 5 minutes above which the service alarms. */
    public static final int ALB_5XX_IN_5_MINUTES = 10;
    /** Average target response time, seconds, above which (for 5 minutes) the service alarms. */
    public static final double RESPONSE_TIME_SECONDS = 1.0;

    private final Resource parent;
    private final String name;
    private final Topic topic;
    private final Output<String> keyArn;

    public ServiceAlarms(Resource parent, String name, AlertDestination destination) {
        this.parent = parent;
        this.name = name;
        Output<String> account = AwsFunctions.getCallerIdentity(com.pulumi.aws.inputs.GetCallerIdentityArgs.builder().build(),
                new InvokeOptions(parent, null, null)).applyValue(id -> id.accountId());
        var key = new Key(name + "-alarms-key", KeyArgs.builder()
                .description("Encrypts the alarm topic of " + name + "; CloudWatch may use it to publish")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(account.applyValue(ServiceAlarms::keyPolicy))
                .build(), child());
        this.keyArn = key.arn();
        new Alias(name + "-alarms-key-alias", AliasArgs.builder().name("alias/" + name + "-alarms").targetKeyId(key.keyId()).build(), child());
        this.topic = new Topic(name + "-alarms", TopicArgs.builder()
                .displayName("Alarms of " + name)
                .kmsMasterKeyId(key.arn())
                .build(), child());
        var emails = destination.emails();
        for (int i = 0; i < emails.size(); i++) {
            new TopicSubscription(name + "-alarm-email-" + i, TopicSubscriptionArgs.builder()
                    .topic(topic.arn()).protocol("email").endpoint(emails.get(i)).build(), child());
        }
        var webhooks = destination.webhooks();
        for (int i = 0; i < webhooks.size(); i++) {
            new TopicSubscription(name + "-alarm-webhook-" + i, TopicSubscriptionArgs.builder()
                    .topic(topic.arn()).protocol("https").endpoint(Output.ofSecret(webhooks.get(i))).build(), child());
        }
    }

    /** The key's policy: the account administers it (through IAM), CloudWatch may encrypt and decrypt with it. */
    static String keyPolicy(String account) {
        return Json.write(obj("Version", "2012-10-17", "Statement", List.of(
                obj("Sid", "AccountAdministersThroughIam", "Effect", "Allow",
                        "Principal", obj("AWS", "arn:aws:iam::" + account + ":root"), "Action", "kms:*", "Resource", "*"),
                obj("Sid", "CloudWatchAlarmsPublishToTheTopic", "Effect", "Allow",
                        "Principal", obj("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"), "Resource", "*",
                        "Condition", obj("StringEquals", obj("aws:SourceAccount", account))))));
    }

    /** The key the topic is encrypted with: a publisher other than CloudWatch needs kms:GenerateDataKey* and kms:Decrypt on it. */
    public Output<String> keyArn() {
        return keyArn;
    }

    /** The topic every alarm notifies. */
    public Topic topic() {
        return topic;
    }

    /** An alarm on one metric, notifying the topic (and back when it clears), plus {@code extraActions} (e.g. a scaling policy). */
    public MetricAlarm alarm(String suffix, String description, String namespace, String metric, String statistic,
                             Output<Map<String, String>> dimensions, int period, int evaluationPeriods, String comparison,
                             double threshold, List<Output<String>> extraActions) {
        return register(suffix, MetricAlarmArgs.builder()
                .alarmDescription(description)
                .namespace(namespace)
                .metricName(metric)
                .statistic(statistic)
                .dimensions(dimensions)
                .period(period)
                .evaluationPeriods(evaluationPeriods)
                .comparisonOperator(comparison)
                .threshold(threshold), extraActions);
    }

    /**
     * The load balancer's alarms for the service's target group: unhealthy targets, 5xx responses, slow responses.
     * Returns the first two, the ones a bad deployment sets off (what rolls a deployment back).
     *
     * @param targetGroupArnSuffix the target group's ARN suffix
     * @param loadBalancerArnSuffix the load balancer's ARN suffix
     */
    public List<MetricAlarm> loadBalancerAlarms(Output<String> targetGroupArnSuffix, Output<String> loadBalancerArnSuffix) {
        return loadBalancerAlarms("", "", targetGroupArnSuffix, loadBalancerArnSuffix);
    }

    /**
     * The same alarms for another target group of the service (a blue/green service's green one), named
     * {@code <name>-<role>-<alarm>} and described as the {@code role} target group's.
     */
    public List<MetricAlarm> loadBalancerAlarms(String role, Output<String> targetGroupArnSuffix, Output<String> loadBalancerArnSuffix) {
        return loadBalancerAlarms(role + "-", " (" + role + " target group)", targetGroupArnSuffix, loadBalancerArnSuffix);
    }

    private List<MetricAlarm> loadBalancerAlarms(String prefix, String of, Output<String> targetGroupArnSuffix,
                                                 Output<String> loadBalancerArnSuffix) {
        Output<Map<String, String>> target = Output.tuple(targetGroupArnSuffix, loadBalancerArnSuffix)
                .applyValue(t -> Map.of("TargetGroup", t.t1, "LoadBalancer", t.t2));
        var unhealthy = alarm(prefix + "unhealthy-hosts", "At least one target is unhealthy" + of, "AWS/ApplicationELB",
                "UnHealthyHostCount", "Maximum", target, 60, 2, "GreaterThanThreshold", 0, List.of());
        var errors = alarm(prefix + "alb-5xx", "More than " + ALB_5XX_IN_5_MINUTES + " target 5xx responses in 5 minutes" + of,
                "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", target, 300, 1, "GreaterThanThreshold",
                ALB_5XX_IN_5_MINUTES, List.of());
        alarm(prefix + "response-time", "Average target response time above " + RESPONSE_TIME_SECONDS + " s for 5 minutes" + of,
                "AWS/ApplicationELB", "TargetResponseTime", "Average", target, 60, 5, "GreaterThanThreshold",
                RESPONSE_TIME_SECONDS, List.of());
        return List.of(unhealthy, errors);
    }

    /** The dashboard's load balancer widgets at positions 0 and 1: requests with 2xx/5xx, and response time. */
    public static List<Map<String, Object>> loadBalancerWidgets(String region, String loadBalancerArnSuffix) {
        return List.of(
                widget("Load balancer: requests and responses", region, 0, List.of(
                        List.of("AWS/ApplicationELB", "RequestCount", "LoadBalancer", loadBalancerArnSuffix, obj("stat", "Sum")),
                        List.of("AWS/ApplicationELB", "HTTPCode_Target_2XX_Count", "LoadBalancer", loadBalancerArnSuffix, obj("stat", "Sum")),
                        List.of("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", loadBalancerArnSuffix, obj("stat", "Sum")))),
                widget("Load balancer: target response time", region, 1, List.of(
                        List.of("AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", loadBalancerArnSuffix, obj("stat", "Average")))));
    }

    /**
     * An alarm on {@code expression} (CloudWatch metric math) over named metrics, e.g. {@code desired - running}:
     * {@code metrics} maps each id to {namespace, metric name, statistic}; the queries are declared in id order,
     * whatever the map's own order (a {@code Map.of} changes order between JVMs, which would show as a diff).
     */
    public MetricAlarm expressionAlarm(String suffix, String description, String expression, Map<String, List<String>> metrics,
                                       Output<Map<String, String>> dimensions, int period, int evaluationPeriods, String comparison,
                                       double threshold) {
        var queries = new ArrayList<MetricAlarmMetricQueryArgs>();
        new java.util.TreeMap<>(metrics).forEach((id, metric) -> queries.add(MetricAlarmMetricQueryArgs.builder()
                .id(id)
                .metric(MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace(metric.get(0)).metricName(metric.get(1)).stat(metric.get(2)).period(period).dimensions(dimensions).build())
                .build()));
        queries.add(MetricAlarmMetricQueryArgs.builder().id("result").expression(expression).label(description).returnData(true).build());
        return register(suffix, MetricAlarmArgs.builder()
                .alarmDescription(description)
                .metricQueries(queries)
                .evaluationPeriods(evaluationPeriods)
                .comparisonOperator(comparison)
                .threshold(threshold), List.of());
    }

    private MetricAlarm register(String suffix, MetricAlarmArgs.Builder alarm, List<Output<String>> extraActions) {
        var actions = new ArrayList<>(extraActions);
        actions.add(topic.arn());
        return new MetricAlarm(name + "-" + suffix, alarm
                .treatMissingData("notBreaching")
                .alarmActions(Output.all(actions))
                .okActions(topic.arn().applyValue(List::of))
                .build(), child());
    }

    /** A dashboard named {@code name} from {@code widgets} (see {@link #widget}), built once its outputs are known. */
    public Dashboard dashboard(Output<List<Map<String, Object>>> widgets) {
        return new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(name)
                .dashboardBody(widgets.applyValue(w -> Json.write(obj("widgets", w))))
                .build(), child());
    }

    /** The console page of dashboard {@code name} in {@code region}: what a person opens, unlike the name. */
    public static String dashboardUrl(String region, String name) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region + "#dashboards/dashboard/" + name;
    }

    /** A time-series widget at position {@code index} of a two-column grid. */
    public static Map<String, Object> widget(String title, String region, int index, List<List<Object>> metrics) {
        return obj("type", "metric", "x", (index % 2) * 12, "y", (index / 2) * 6, "width", 12, "height", 6,
                "properties", obj("title", title, "region", region, "view", "timeSeries", "stacked", false,
                        "period", 60, "metrics", metrics));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(parent).build();
    }
}
