package io.containerplatform.program;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.eks.EksPlatformComponent;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.network.NetworkArgs;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.components.pipeline.DataPipelineComponent;
import io.containerplatform.components.spark.SparkEcsComponent;
import io.containerplatform.components.storage.DataBucket;
import io.containerplatform.config.ConfigException;
import io.containerplatform.config.ConfigSource;
import io.containerplatform.config.StackConfig;
import io.containerplatform.tags.Tagging;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The program: reads the stack config once, validates all of it, then wires the components. Invalid
 * config registers nothing: each problem is logged as an error (no stack trace) and the run fails.
 */
public final class PlatformProgram {

    private PlatformProgram() {
    }

    /**
     * The stack callback; {@code pulumiConfig} is every config value the CLI passes (keyed {@code namespace:key}), used
     * to reject unknown keys and namespaces.
     */
    public static Consumer<Context> stack(Map<String, String> pulumiConfig) {
        return ctx -> {
            StackConfig config;
            try {
                config = StackConfig.load(ConfigSource.of(ctx.config(), ConfigSource.ownKeys(pulumiConfig), ConfigSource.foreign(pulumiConfig)));
            } catch (ConfigException invalid) {
                invalid.errors().forEach(error -> ctx.log().error("config " + error));
                return;
            }
            stack(config).accept(ctx);
        };
    }

    /**
     * The stack callback for {@code config} already read and validated (the offline plan reads it once). The
     * region's zones are looked up before anything is registered: too few for {@code network.azCount} is
     * reported like every other config error.
     */
    public static Consumer<Context> stack(StackConfig config) {
        return ctx -> {
            var excluded = excludedZoneIds(config);
            var zones = NetworkComponent.lookUpZones(excluded).join();
            if (zones.size() < config.network().azCount()) {
                ctx.log().error("config network.azCount: " + config.network().azCount() + " is more than the " + zones.size()
                        + " availability zones of the region (" + String.join(", ", zones) + ")"
                        + (excluded.isEmpty() ? "" : " outside the zone ids EKS refuses (" + String.join(", ", excluded) + ")") + "; allowed: "
                        + Inputs.named(NetworkArgs.class, "azCount").spec().min() + " to " + zones.size());
                return;
            }
            define(ctx, config, zones);
        };
    }

    /** The zone ids the stack's subnets stay out of: those where EKS refuses a cluster, when the stack has one. */
    static List<String> excludedZoneIds(StackConfig config) {
        return config.eks().enabled() ? EksPlatformComponent.UNSUPPORTED_ZONE_IDS : List.of();
    }

    /**
     * Registers every resource of the stack described by a valid {@code config}, its subnets in the first
     * {@code azCount} of {@code zones}.
     */
    public static void define(Context ctx, StackConfig config, List<String> zones) {
        var tagging = new Tagging(config.stackTags(ctx.projectName()));
        var tagged = tagging.componentOptions();
        var name = ctx.stackName();

        var network = new NetworkComponent(name, config.network().toArgs().availabilityZones(zones)
                .excludedZoneIds(excludedZoneIds(config)).build(), tagged);
        var images = PlatformImages.create(name, config, tagged);
        ctx.export("vpcId", network.vpcId());
        ctx.export("vpcCidr", network.vpcCidr());
        ctx.export("publicSubnetIds", network.publicSubnetIds());
        ctx.export("privateSubnetIds", network.privateSubnetIds());
        ctx.export("availabilityZones", network.availabilityZones());

        PlatformServices.define(ctx, config, network, tagging);

        DataBucket data = null;
        if (config.sparkEcs().enabled() || config.eks().enabled()) {
            data = new DataBucket(name + "-data", config.environment().isProd(), tagged);
            ctx.export("dataBucketName", data.bucketName());
        }
        if (config.sparkEcs().enabled()) {
            var spark = new SparkEcsComponent(name + "-spark", config.sparkEcs().toArgs(config.environment())
                    .image(images.resolve(config.sparkEcs().image(), PlatformImages.SPARK))
                    .placement(network.placement())
                    .dataBucketArn(data.bucketArn())
                    .build(), tagged);
            ctx.export("sparkClusterName", spark.clusterName());
            ctx.export("sparkMasterUrl", spark.masterUrl());
            ctx.export("sparkAuthSecretArn", spark.authSecretArn());
            ctx.export("sparkMasterService", spark.masterServiceName());
            ctx.export("sparkWorkerService", spark.workerServiceName());
            ctx.export("sparkAutoScalingGroup", spark.autoScalingGroupName());
        }

        if (config.eks().enabled()) {
            var eks = new EksPlatformComponent(name + "-eks", config.eks().toArgs()
                    .placement(network.placement())
                    .dataBucketName(data.bucketName())
                    .dataBucketArn(data.bucketArn())
                    .build(), tagged);
            ctx.export("eksClusterName", eks.clusterName());
            ctx.export("eksEndpoint", eks.endpoint());
            ctx.export("eksOidcProviderArn", eks.oidcProviderArn());
            ctx.export("eksNodeRoleArn", eks.nodeRoleArn());
            ctx.export("kubeconfig", eks.kubeconfig());
            eks.backupVaultName().ifPresent(vault -> ctx.export("eksBackupVaultName", vault));
            eks.backupRoleArn().ifPresent(role -> ctx.export("eksBackupRoleArn", role));

            if (config.pipeline().enabled()) {
                var pipeline = new DataPipelineComponent(name + "-pipeline", config.pipeline().toArgs(ctx.config())
                        .sparkImage(images.resolve(config.pipeline().sparkImage(), PlatformImages.PROCESSOR))
                        .apiImage(images.resolve(config.pipeline().apiImage(), PlatformImages.API))
                        .loadBalancerController(eks.loadBalancerControllerName())
                        .kubernetesVersion(config.eks().settings().version())
                        .placement(network.placement())
                        .alerts(config.alerts())
                        .oidcProviderArn(eks.oidcProviderArn())
                        .oidcIssuerUrl(eks.oidcIssuerUrl())
                        .build(), ComponentResourceOptions.merge(tagged, ComponentResourceOptions.builder().providers(eks.provider()).build()));
                ctx.export("pipelineApiUrl", pipeline.apiUrl());
                ctx.export("pipelineRabbitmqService", pipeline.rabbitmqService());
                ctx.export("pipelineMongodbService", pipeline.mongodbService());
                ctx.export("pipelineGrafanaService", pipeline.grafanaService());
            }
        }
    }
}
