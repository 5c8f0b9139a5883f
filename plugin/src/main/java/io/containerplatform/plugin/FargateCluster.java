package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.fargate.FargateClusterArgs;

/**
 * {@link io.containerplatform.components.fargate.FargateCluster} for programs in any language: the same inputs
 * ({@link FargateClusterArgs}), and the cluster's ARN and name: a {@link FargateService}'s {@code cluster}.
 * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("The ECS cluster Fargate services share: Container Insights, FARGATE and FARGATE_SPOT capacity providers (FARGATE by default).")
public final class FargateCluster extends ComponentResource {

    @Doc("The cluster's ARN: a FargateService's cluster.arn.")
    @Export(name = "arn", refs = {String.class})
    private final Output<String> arn;

    @Doc("The cluster's name: a FargateService's cluster.name.")
    @Export(name = "name", refs = {String.class})
    private final Output<String> clusterName;

    public FargateCluster(String name, FargateClusterArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:FargateCluster", name, Checked.options(args, options));
        var cluster = new io.containerplatform.components.fargate.FargateCluster(name, args,
                ComponentResourceOptions.builder().parent(this).build());
        arn = cluster.ref().arn();
        clusterName = cluster.ref().name();
        registerOutputs(Exports.of(this));
    }
}
