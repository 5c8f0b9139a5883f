package io.containerplatform.config;

import io.containerplatform.components.spark.SparkEcsArgs;

/**
 * {@code container-platform:sparkEcs}: Spark standalone on ECS with EC2 capacity (seed 000).
 *
 * @param enabled      build it; default false
 * @param image        the Spark image (docker/spark), pinned; required when enabled
 * @param instanceType default {@code m6i.large}
 * @param minSize      default 1
 * @param maxSize      default 4
 * @param workerCount  Spark workers, default 2
 * @param workerCpu    CPU units per worker, 256 to 16384, default 1024
 * @param workerMemory MiB per worker, 512 to 122880, default 4096
 */
public record SparkEcsConfig(boolean enabled, String image, String instanceType, int minSize, int maxSize, int workerCount,
                             int workerCpu, int workerMemory) {

    static SparkEcsConfig read(ConfigObject c) {
        var enabled = c.bool("enabled", false);
        var image = CommonKeys.image(c, "image", enabled, "the Spark image of docker/spark, pinned to a version tag or digest (not latest)");
        var instanceType = CommonKeys.instanceType(c, "m6i.large");
        var min = c.integer("minSize", 1, 0, 100);
        var max = c.integer("maxSize", 4, 1, 100);
        if (min > max) {
            c.error("minSize", min + " is greater than maxSize " + max, "minSize <= maxSize");
        }
        var workers = c.integer("workerCount", 2, 1, 100);
        var cpu = c.integer("workerCpu", 1024, 256, 16384);
        var memory = c.integer("workerMemory", 4096, 512, 122880);
        c.rejectUnknownKeys();
        return new SparkEcsConfig(enabled, image, instanceType, min, max, workers, cpu, memory);
    }

    /** The component arguments (network and data bucket are added by the program). */
    public SparkEcsArgs.Builder toArgs(Environment env) {
        return SparkEcsArgs.builder()
                .image(image)
                .instanceType(instanceType)
                .minSize(minSize)
                .maxSize(maxSize)
                .workerCount(workerCount)
                .workerCpu(workerCpu)
                .workerMemory(workerMemory)
                .logRetentionDays(env.logRetentionDays());
    }
}
