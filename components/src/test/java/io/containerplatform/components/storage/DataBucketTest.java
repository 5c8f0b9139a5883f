package io.containerplatform.components.storage;

import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.testing.MockStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataBucketTest {

    @Test
    void bucketIsEncryptedVersionedPrivateAndTiered() {
        var mocks = MockStack.run(ctx -> new DataBucket("data", false, ComponentResourceOptions.Empty));
        assertThat(mocks.named("aws:s3/bucketV2:BucketV2", "data").inputs).containsEntry("forceDestroy", true);
        assertThat(mocks.named("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-public-access").inputs)
                .containsEntry("bucket", "data-id").containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
        assertThat(mocks.named("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "data-encryption")
                .inputs.get("rules")).isEqualTo(List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms"),
                "bucketKeyEnabled", true)));
        assertThat(mocks.named("aws:s3/bucketVersioningV2:BucketVersioningV2", "data-versioning").inputs.get("versioningConfiguration"))
                .isEqualTo(Map.of("status", "Enabled"));
        assertThat(mocks.named("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "data-ownership").inputs.get("rule"))
                .isEqualTo(Map.of("objectOwnership", "BucketOwnerEnforced"));
        @SuppressWarnings("unchecked")
        var rule = ((List<Map<String, Object>>) mocks.named("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "data-lifecycle").inputs.get("rules")).get(0);
        assertThat(rule).containsEntry("status", "Enabled").containsEntry("transitions", List.of(
                Map.of("days", 30.0, "storageClass", "STANDARD_IA"), Map.of("days", 90.0, "storageClass", "GLACIER_IR")));
    }

    @Test
    void productionBucketsAreKeptOnDestroy() {
        var mocks = MockStack.run(ctx -> new DataBucket("data", true, ComponentResourceOptions.Empty));
        assertThat(mocks.named("aws:s3/bucketV2:BucketV2", "data").inputs).containsEntry("forceDestroy", false);
    }
}
