package io.containerplatform.components.fargate;

import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The ECS cluster a stack's Fargate services share (seed 002: one cluster per environment): Container Insights on
 * unless turned off, FARGATE and FARGATE_SPOT as capacity providers, FARGATE by default; each service sets its own
 * Spot share. The services depend on the capacity providers' association through {@link #ref()}'s ARN.
 */
public class FargateCluster extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:ecs:FargateCluster";

    private final ClusterRef ref;

    public FargateCluster(String name, ComponentResourceOptions options) {
        this(name, FargateClusterArgs.builder().build(), options);
    }

    public FargateCluster(String name, FargateClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var cluster = new Cluster(name, ClusterArgs.builder()
                .settings(ClusterSettingArgs.builder().name("containerInsights").value(args.containerInsights() ? "enabled" : "disabled").build())
                .build(), child);
        var capacity = new ClusterCapacityProviders(name + "-capacity", ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategies(ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                        .capacityProvider("FARGATE").weight(1).base(0).build())
                .build(), child);
        // The ARN the services name their cluster by carries the capacity providers' association: every service then
        // depends on it, so pulumi destroy deletes the services before the association (ECS refuses to remove a capacity
        // provider a service uses) and creates them after it (their strategies name FARGATE_SPOT).
        this.ref = ClusterRef.of(Output.tuple(cluster.arn(), capacity.clusterName()).applyValue(t -> t.t1), cluster.name());
        registerOutputs(Map.of("arn", ref.arn(), "name", ref.name()));
    }

    /** The cluster, for the services' Args. */
    public ClusterRef ref() {
        return ref;
    }
}
