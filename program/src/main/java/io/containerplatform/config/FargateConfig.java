package io.containerplatform.config;

import io.containerplatform.components.common.LogRetention;
import io.containerplatform.components.fargate.FargateServiceArgs;
import io.containerplatform.components.fargate.FargateSizes;

import java.util.Map;
import java.util.Optional;

/**
 * {@code container-platform:fargate}: the seed-001 web service on ECS Fargate.
 *
 * @param enabled             build it; default false
 * @param image               pinned image reference, or {@code :<tag>} of the service's ECR repository; required when enabled
 * @param cpu                 task CPU units; default 256
 * @param memory              task MiB, valid for cpu; default 512
 * @param desiredCount        tasks at creation; default 2
 * @param minCount            fewest tasks; default desiredCount
 * @param maxCount            most tasks; default desiredCount (autoscaling on when above minCount)
 * @param containerPort       default 80
 * @param healthCheckPath     default {@code /}
 * @param cpuTargetPercent    default 70
 * @param memoryTargetPercent default 80
 * @param logRetentionDays    default 30 in prod, else 7
 * @param certificateArn      ACM certificate for HTTPS; default none
 * @param spot                percent of tasks on Fargate Spot, 0-100; default 0
 * @param architecture        {@code X86_64} or {@code ARM64}; default X86_64
 * @param alarmEmails         addresses subscribed to the service's alarms; default none
 */
public record FargateConfig(boolean enabled, String image, int cpu, int memory, int desiredCount, int minCount, int maxCount,
                            int containerPort, String healthCheckPath, int cpuTargetPercent, int memoryTargetPercent,
                            int logRetentionDays, Optional<String> certificateArn, int spot,
                            FargateServiceArgs.Architecture architecture, java.util.List<String> alarmEmails) {

    private static final Map<String, FargateServiceArgs.Architecture> ARCHITECTURES = Map.of(
            "X86_64", FargateServiceArgs.Architecture.X86_64, "ARM64", FargateServiceArgs.Architecture.ARM64);

    static FargateConfig read(ConfigObject c, Environment env) {
        var enabled = c.bool("enabled", false);
        var image = CommonKeys.image(c, "image", enabled,
                "an image pinned to a version tag or digest (not latest), or :<tag> of the service's ECR repository");
        var cpu = c.integer("cpu", 256, 256, 16384);
        var memory = c.integer("memory", 512, 512, 122880);
        if (!FargateSizes.MEMORY_BY_CPU.containsKey(cpu)) {
            c.error("cpu", cpu + " is not a Fargate cpu size", "one of " + FargateSizes.MEMORY_BY_CPU.keySet());
        } else if (!FargateSizes.MEMORY_BY_CPU.get(cpu).contains(memory)) {
            c.error("memory", memory + " is not valid with cpu " + cpu, "for cpu " + cpu + " one of " + FargateSizes.MEMORY_BY_CPU.get(cpu));
        }
        var desired = c.integer("desiredCount", 2, 0, 1000);
        var min = c.integer("minCount", desired, 0, 1000);
        var max = c.integer("maxCount", desired, 1, 1000);
        CommonKeys.orderedSizes(c, "minCount", min, "desiredCount", desired, "maxCount", max);
        var port = c.integer("containerPort", 80, 1, 65535);
        var path = CommonKeys.httpPath(c, "healthCheckPath", "/");
        var cpuTarget = c.integer("cpuTargetPercent", 70, 10, 95);
        var memoryTarget = c.integer("memoryTargetPercent", 80, 10, 95);
        var retention = c.integerIn("logRetentionDays", env.isProd() ? 30 : 7, LogRetention.ALLOWED_DAYS);
        var certificate = CommonKeys.certificateArn(c);
        var spot = c.integer("spot", 0, 0, 100);
        var architecture = c.oneOf("architecture", FargateServiceArgs.Architecture.X86_64, new java.util.TreeMap<>(ARCHITECTURES));
        var emails = CommonKeys.alarmEmails(c);
        c.rejectUnknownKeys();
        return new FargateConfig(enabled, image, cpu, memory, desired, min, max, port, path, cpuTarget, memoryTarget, retention,
                certificate, spot, architecture, emails);
    }

    /** The component arguments on {@code network}'s subnets; production turns on deletion protection. */
    public FargateServiceArgs.Builder toArgs(Environment env) {
        return FargateServiceArgs.builder()
                .image(image)
                .cpu(cpu)
                .memory(memory)
                .desiredCount(desiredCount)
                .minCount(minCount)
                .maxCount(maxCount)
                .containerPort(containerPort)
                .healthCheckPath(healthCheckPath)
                .cpuTargetPercent(cpuTargetPercent)
                .memoryTargetPercent(memoryTargetPercent)
                .logRetentionDays(logRetentionDays)
                .certificateArn(certificateArn.orElse(null))
                .spotPercent(spot)
                .architecture(architecture)
                .alarmEmails(alarmEmails)
                .deletionProtection(env.isProd());
    }
}
