package io.containerplatform.components.loadbalancing;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.elb.ElbFunctions;
import com.pulumi.aws.elb.inputs.GetServiceAccountArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.containerplatform.components.common.Json;
import io.containerplatform.components.storage.PrivateBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/**
 * Where a {@link WebLoadBalancer} writes its access logs: an S3 bucket encrypted with S3-managed keys (the only
 * encryption Elastic Load Balancing writes to), all public access blocked, objects owned by the bucket owner, a
 * lifecycle that moves logs to Standard-IA after 30 days (when kept longer than 60) and deletes them after
 * {@code retentionDays}, and a policy that lets only the region's Elastic Load Balancing account write, only
 * under {@code <prefix>/AWSLogs/<this account>/}. Give {@link #bucketName()} to the load balancer: it carries
 * the policy as a dependency, so the load balancer is created after ELB may write.
 */
public class AccessLogsBucket extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:loadbalancing:AccessLogsBucket";

    private final Output<String> bucketName;

    /**
     * @param name          component name; the bucket is named {@code <name>-<random>} by Pulumi
     * @param prefix        the load balancer's log prefix (its name)
     * @param retentionDays days logs are kept, 1 to 3650
     * @param production    keep the bucket and its logs on {@code pulumi destroy}
     */
    public AccessLogsBucket(String name, String prefix, int retentionDays, boolean production, ComponentResourceOptions options) {
        super(TYPE, name, options);
        if (retentionDays < 1 || retentionDays > 3650) {
            throw new IllegalArgumentException("AccessLogsBucket.retentionDays: " + retentionDays + " is outside 1 to 3650");
        }
        var invoke = new InvokeOptions(this, null, null);
        var bucket = new BucketV2(name, BucketV2Args.builder().forceDestroy(!production).build(),
                CustomResourceOptions.builder().parent(this).protect(production).build());
        var publicAccess = PrivateBucket.declare(this, name, bucket);
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                .builder().sseAlgorithm("AES256").build())
                        .build())
                .build(), child());
        var rule = BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("retention")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(retentionDays).build());
        if (retentionDays > 60) {
            rule.transitions(BucketLifecycleConfigurationV2RuleTransitionArgs.builder().days(30).storageClass("STANDARD_IA").build());
        }
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(rule.build())
                .build(), child());
        var elbAccount = ElbFunctions.getServiceAccount(GetServiceAccountArgs.builder().build(), invoke).applyValue(a -> a.arn());
        var account = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke).applyValue(c -> c.accountId());
        var policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.bucket())
                .policy(Output.tuple(bucket.arn(), elbAccount, account).applyValue(t -> policy(t.t1, t.t2, prefix, t.t3)))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());
        this.bucketName = policy.bucket();
        registerOutputs(Map.of("bucketName", bucketName));
    }

    /** ELB's account may put objects under the load balancer's prefix for this account; nothing over plain HTTP. */
    static String policy(String bucketArn, String elbAccountArn, String prefix, String account) {
        var statements = new ArrayList<Object>();
        statements.add(obj("Sid", "ElbWritesAccessLogs", "Effect", "Allow", "Principal", obj("AWS", elbAccountArn),
                "Action", "s3:PutObject", "Resource", bucketArn + "/" + prefix + "/AWSLogs/" + account + "/*"));
        statements.add(obj("Sid", "TlsOnly", "Effect", "Deny", "Principal", "*", "Action", "s3:*",
                "Resource", List.of(bucketArn, bucketArn + "/*"), "Condition", obj("Bool", obj("aws:SecureTransport", "false"))));
        return Json.write(obj("Version", "2012-10-17", "Statement", statements));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** The bucket's name, known once its policy is in place. */
    public Output<String> bucketName() {
        return bucketName;
    }
}
