package io.containerplatform.components.storage;

import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/** What every bucket of the platform has: objects owned by the bucket owner (no ACLs) and all public access blocked. */
public final class PrivateBucket {

    private PrivateBucket() {
    }

    /** Declares {@code <name>-ownership} and {@code <name>-public-access} for {@code bucket}; returns the latter. */
    public static BucketPublicAccessBlock declare(Resource parent, String name, BucketV2 bucket) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
        return new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), child);
    }
}
