package io.containerplatform.components.storage;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.containerplatform.components.common.IamPolicy;

import java.util.List;
import java.util.Map;

/**
 * The Spark data lake bucket: SSE-KMS (AWS managed key, bucket keys on), versioning, all public access
 * blocked, owner-enforced objects (no ACLs), and a lifecycle that moves objects to Standard-IA after 30
 * days and Glacier Instant Retrieval after 90, and expires old versions after 30 days. In production it is
 * protected and never force-destroyed.
 */
public class DataBucket extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:storage:DataBucket";

    private final Output<String> bucketName;
    private final Output<String> bucketArn;

    /**
     * @param name       component name; the bucket is named {@code <name>-<random>} by Pulumi
     * @param production protect the bucket and keep it (with its objects) on {@code pulumi destroy}
     */
    public DataBucket(String name, boolean production, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var bucket = new BucketV2(name, BucketV2Args.builder().forceDestroy(!production).build(),
                CustomResourceOptions.builder().parent(this).protect(production).build());
        PrivateBucket.declare(this, name, bucket);
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                .builder().sseAlgorithm("aws:kms").build())
                        .bucketKeyEnabled(true)
                        .build())
                .build(), child());
        new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), child());
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("tiering")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .transitions(
                                BucketLifecycleConfigurationV2RuleTransitionArgs.builder().days(30).storageClass("STANDARD_IA").build(),
                                BucketLifecycleConfigurationV2RuleTransitionArgs.builder().days(90).storageClass("GLACIER_IR").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(30).build())
                        .build())
                .build(), child());
        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        registerOutputs(Map.of("bucketName", bucketName, "bucketArn", bucketArn));
    }

    /** Read and write access to the bucket's objects (and listing it), nothing else. */
    public static String readWritePolicy(String bucketArn) {
        return IamPolicy.document(List.of(
                IamPolicy.allow(List.of("s3:ListBucket", "s3:GetBucketLocation"), List.of(bucketArn)),
                IamPolicy.allow(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"),
                        List.of(bucketArn + "/*"))));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> bucketArn() {
        return bucketArn;
    }
}
