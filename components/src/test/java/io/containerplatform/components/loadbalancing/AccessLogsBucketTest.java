package io.containerplatform.components.loadbalancing;

import com.google.gson.JsonParser;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.testing.MockStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.testing.MockStack.mapInput;
import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class AccessLogsBucketTest {

    @Test
    void onlyTheRegionsLoadBalancingAccountWritesUnderThePrefixOfThisAccountAndLogsExpire() {
        var mocks = MockStack.run(ctx -> new AccessLogsBucket("logs", "web", 90, true, ComponentResourceOptions.Empty));
        var policy = JsonParser.parseString((String) mocks.named("aws:s3/bucketPolicy:BucketPolicy", "logs-policy").inputs.get("policy"))
                .getAsJsonObject();
        var write = policy.getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertThat(write.getAsJsonObject("Principal").get("AWS").getAsString()).isEqualTo("arn:aws:iam::127311923021:root");
        assertThat(write.get("Action").getAsString()).isEqualTo("s3:PutObject");
        assertThat(write.get("Resource").getAsString()).isEqualTo("arn:aws:s3:::logs-0a1b2c3/web/AWSLogs/123456789012/*");
        assertThat(policy.getAsJsonArray("Statement").get(1).getAsJsonObject().get("Effect").getAsString()).isEqualTo("Deny");
        var encryption = (List<Map<String, Object>>) mocks.named("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "logs-encryption").inputs.get("rules");
        assertThat(encryption.get(0)).containsEntry("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256"));
        var rule = ((List<Map<String, Object>>) mocks.named("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "logs-lifecycle").inputs.get("rules")).get(0);
        assertThat(rule).containsEntry("expiration", Map.of("days", 90.0))
                .containsEntry("transitions", List.of(Map.of("days", 30.0, "storageClass", "STANDARD_IA")));
        assertThat(mocks.named("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "logs-public-access").inputs)
                .containsEntry("blockPublicPolicy", true).containsEntry("restrictPublicBuckets", true);
        assertThat(mapInput(mocks.named("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "logs-ownership"), "rule"))
                .containsEntry("objectOwnership", "BucketOwnerEnforced");
    }

    @Test
    void shortRetentionSkipsTheInfrequentAccessTierAndRetentionIsBounded() {
        var mocks = MockStack.run(ctx -> new AccessLogsBucket("logs", "web", 30, false, ComponentResourceOptions.Empty));
        var rule = ((List<Map<String, Object>>) mocks.named("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "logs-lifecycle").inputs.get("rules")).get(0);
        assertThat(rule).containsEntry("expiration", Map.of("days", 30.0)).doesNotContainKey("transitions");
        assertThat(mocks.named("aws:s3/bucketV2:BucketV2", "logs").inputs).containsEntry("forceDestroy", true);
        assertThat(MockStack.failure(ctx -> new AccessLogsBucket("logs", "web", 0, false, ComponentResourceOptions.Empty)))
                .hasMessageContaining("AccessLogsBucket.retentionDays: 0 is outside 1 to 3650");
    }
}
