package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.spark.SparkEcsArgs;
import io.containerplatform.components.spark.SparkEcsComponent;

/**
 * {@link SparkEcsComponent} for programs in any language: the same inputs ({@link SparkEcsArgs}), and the standalone
 * cluster's master URL, ECS cluster and log group.
  * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("A standalone Spark cluster on ECS (EC2 capacity): one master behind a private DNS name and a service of workers.")
public final class SparkEcs extends ComponentResource {

    @Doc("The ECS cluster's name.")
    @Export(name = "clusterName", refs = {String.class})
    private final Output<String> clusterName;

    @Doc("spark://<master>:7077, resolvable inside the VPC.")
    @Export(name = "masterUrl", refs = {String.class})
    private final Output<String> masterUrl;

    @Doc("The log group of the master and the workers.")
    @Export(name = "logGroupName", refs = {String.class})
    private final Output<String> logGroupName;

    @Doc("The Secrets Manager secret of spark.authenticate: clients set spark.authenticate=true and its value as spark.authenticate.secret.")
    @Export(name = "authSecretArn", refs = {String.class})
    private final Output<String> authSecretArn;

    public SparkEcs(String name, SparkEcsArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:SparkEcs", name, Checked.options(args, options));
        var spark = new SparkEcsComponent(name, args, ComponentResourceOptions.builder().parent(this).build());
        clusterName = spark.clusterName();
        masterUrl = spark.masterUrl();
        logGroupName = spark.logGroupName();
        authSecretArn = spark.authSecretArn();
        registerOutputs(Exports.of(this));
    }
}
