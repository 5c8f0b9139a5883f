package io.containerplatform.components.monitoring;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceAlarmsTest {

    private static final AlertDestination OPS = AlertDestination.builder().emails(List.of("ops@example.com")).build();

    private static PlatformMocks build() {
        return build(OPS);
    }

    private static PlatformMocks build(AlertDestination destination) {
        return MockStack.run(ctx -> {
            var parent = new ComponentResource("test:index:Service", "svc");
            var alarms = new ServiceAlarms(parent, "svc", destination);
            alarms.expressionAlarm("below", "fewer running than desired", "desired - running", Map.of(
                    "desired", List.of("ECS/ContainerInsights", "DesiredTaskCount", "Average"),
                    "running", List.of("ECS/ContainerInsights", "RunningTaskCount", "Average")),
                    Output.of(Map.of("ClusterName", "c", "ServiceName", "s")), 60, 5, "GreaterThanThreshold", 0);
        });
    }

    @Test
    void theTopicIsEncryptedWithItsOwnKeyWhichCloudWatchMayUse() {
        var mocks = build();
        var key = mocks.named("aws:kms/key:Key", "svc-alarms-key");
        assertThat(key.inputs).containsEntry("enableKeyRotation", true);
        var statements = JsonParser.parseString((String) key.inputs.get("policy")).getAsJsonObject().getAsJsonArray("Statement");
        var cloudWatch = statements.asList().stream().map(e -> e.getAsJsonObject())
                .filter(s -> s.getAsJsonObject("Principal").has("Service")).findFirst().orElseThrow();
        assertThat(cloudWatch.getAsJsonObject("Principal").get("Service").getAsString()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(cloudWatch.get("Action").toString()).isEqualTo("[\"kms:Decrypt\",\"kms:GenerateDataKey*\"]");
        assertThat(mocks.named("aws:sns/topic:Topic", "svc-alarms").inputs)
                .containsEntry("kmsMasterKeyId", PlatformMocks.arn("aws:kms/key:Key", "svc-alarms-key"))
                .doesNotContainValue("alias/aws/sns");
        assertThat(mocks.named("aws:kms/alias:Alias", "svc-alarms-key-alias").inputs).containsEntry("name", "alias/svc-alarms");
    }

    @Test
    void theTopicSubscribesEachEmailAndEachHttpsEndpointOfItsDestination() {
        var mocks = build(AlertDestination.builder().emails(List.of("ops@example.com", "oncall@example.com"))
                .webhooks(List.of("https://events.pagerduty.com/integration/abc/enqueue")).build());
        var topic = PlatformMocks.arn("aws:sns/topic:Topic", "svc-alarms");
        assertThat(mocks.named("aws:sns/topicSubscription:TopicSubscription", "svc-alarm-email-0").inputs)
                .isEqualTo(Map.of("topic", topic, "protocol", "email", "endpoint", "ops@example.com"));
        assertThat(mocks.named("aws:sns/topicSubscription:TopicSubscription", "svc-alarm-email-1").inputs)
                .isEqualTo(Map.of("topic", topic, "protocol", "email", "endpoint", "oncall@example.com"));
        assertThat(mocks.named("aws:sns/topicSubscription:TopicSubscription", "svc-alarm-webhook-0").inputs)
                .isEqualTo(Map.of("topic", topic, "protocol", "https", "endpoint", "https://events.pagerduty.com/integration/abc/enqueue"));
        assertThat(mocks.ofType("aws:sns/topicSubscription:TopicSubscription")).hasSize(3);
    }

    @Test
    void anEmptyDestinationSubscribesNothing() {
        assertThat(build(AlertDestination.builder().build()).ofType("aws:sns/topicSubscription:TopicSubscription")).isEmpty();
    }

    @Test
    void aDestinationRefusesWhatSnsCannotDeliverTo() {
        assertThatThrownBy(() -> AlertDestination.builder().emails(List.of("oncall")).webhooks(List.of("http://hooks.example.com/x")).build())
                .hasMessage("AlertDestination.emails: \"oncall\" is not an email address; allowed: email addresses"
                        + " | AlertDestination.webhooks: \"http://hooks.example.com/x\" is not an HTTPS URL; allowed: HTTPS URLs");
    }

    @Test
    void anExpressionAlarmComputesFromItsMetricsAndNotifiesTheTopic() {
        var alarm = build().named("aws:cloudwatch/metricAlarm:MetricAlarm", "svc-below");
        assertThat(alarm.inputs).containsEntry("evaluationPeriods", 5.0).containsEntry("threshold", 0.0)
                .containsEntry("alarmActions", List.of(PlatformMocks.arn("aws:sns/topic:Topic", "svc-alarms")))
                .doesNotContainKey("metricName");
        assertThat(alarm.inputs.get("metricQueries").toString()).contains("expression=desired - running").contains("metricName=RunningTaskCount")
                .contains("namespace=ECS/ContainerInsights");
    }
}
