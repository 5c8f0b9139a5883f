package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.spark.SparkEcsArgs;

import java.util.List;
import java.util.Map;

/**
 * {@code container-platform:sparkEcs}: Spark standalone on ECS with EC2 capacity (seed 000). Its keys but
 * {@code enabled} are {@link SparkEcsArgs}' inputs of the same names ({@link #KEYS}), read through their declarations;
 * {@code image} is required only when enabled.
 *
 * @param enabled  build it; default false
 * @param settings the component's inputs from config (placement and data bucket are the program's)
 */
public record SparkEcsConfig(boolean enabled, SparkEcsArgs settings) {

    /** The keys of {@code sparkEcs} that are {@link SparkEcsArgs}' inputs. */
    public static final List<String> KEYS = List.of("image", "instanceType", "minSize", "maxSize", "workerCount", "workerCpu", "workerMemory",
            "clientSecurityGroupIds");

    static SparkEcsConfig read(ConfigObject c) {
        var enabled = c.bool("enabled", false);
        var keys = c.keysOf(enabled, KEYS, List.of("image"));
        var settings = c.bind(Inputs.defaults(SparkEcsArgs.class), Map.of(), keys);
        c.rejectUnknownKeys();
        return new SparkEcsConfig(enabled, settings);
    }

    /** The image, as configured ({@code :<tag>} of the stack's repository, or a full reference); null when not set. */
    public String image() {
        return settings.image();
    }

    /** The component arguments (network and data bucket are added by the program); logs kept as the environment's. */
    public SparkEcsArgs.Builder toArgs(Environment env) {
        return SparkEcsArgs.builder(settings).logRetentionDays(env.logRetentionDays());
    }
}
