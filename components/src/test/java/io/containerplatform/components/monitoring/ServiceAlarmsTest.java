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

class ServiceAlarmsTest {

    private static PlatformMocks build() {
        return MockStack.run(ctx -> {
            var parent = new ComponentResource("test:index:Service", "svc");
            var alarms = new ServiceAlarms(parent, "svc", List.of("ops@example.com"));
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
    void anExpressionAlarmComputesFromItsMetricsAndNotifiesTheTopic() {
        var alarm = build().named("aws:cloudwatch/metricAlarm:MetricAlarm", "svc-below");
        assertThat(alarm.inputs).containsEntry("evaluationPeriods", 5.0).containsEntry("threshold", 0.0)
                .containsEntry("alarmActions", List.of(PlatformMocks.arn("aws:sns/topic:Topic", "svc-alarms")))
                .doesNotContainKey("metricName");
        assertThat(alarm.inputs.get("metricQueries").toString()).contains("expression=desired - running").contains("metricName=RunningTaskCount")
                .contains("namespace=ECS/ContainerInsights");
    }
}
