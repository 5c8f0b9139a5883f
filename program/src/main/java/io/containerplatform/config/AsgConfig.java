package io.containerplatform.config;

import io.containerplatform.components.common.Formats;
import io.containerplatform.components.asg.AsgServiceArgs;

import java.util.List;
import java.util.Optional;

/**
 * {@code container-platform:asg}: the seed-003 service on an EC2 Auto Scaling group.
 *
 * @param enabled             build it; default false
 * @param image               pinned image reference; required when enabled
 * @param instanceType        default {@code t3.small}
 * @param minSize             default 2
 * @param maxSize             default 4
 * @param desiredCapacity     default 2
 * @param appPort             default 80
 * @param healthCheckPath     default {@code /students}
 * @param cpuTargetPercent    target tracking, default 50
 * @param scaleUpCpuPercent   +1 instance above, default 70
 * @param scaleDownCpuPercent -1 instance below, default 30
 * @param cooldownSeconds     default 300
 * @param alarmEmails         alarm subscribers, default none
 * @param certificateArn      ACM certificate for HTTPS; default none
 */
public record AsgConfig(boolean enabled, String image, String instanceType, int minSize, int maxSize, int desiredCapacity,
                        int appPort, String healthCheckPath, int cpuTargetPercent, int scaleUpCpuPercent,
                        int scaleDownCpuPercent, int cooldownSeconds, List<String> alarmEmails, Optional<String> certificateArn) {

    static AsgConfig read(ConfigObject c) {
        var enabled = c.bool("enabled", false);
        var image = CommonKeys.image(c, "image", enabled, "an image pinned to a version tag or digest (not latest)");
        var instanceType = CommonKeys.instanceType(c, "t3.small");
        var min = c.integer("minSize", 2, 0, 100);
        var max = c.integer("maxSize", 4, 1, 100);
        var desired = c.integer("desiredCapacity", Math.max(min, Math.min(2, max)), 0, 100);
        CommonKeys.orderedSizes(c, "minSize", min, "desiredCapacity", desired, "maxSize", max);
        var port = c.integer("appPort", 80, 1, 65535);
        var path = CommonKeys.httpPath(c, "healthCheckPath", "/students");
        var target = c.integer("cpuTargetPercent", 50, 10, 90);
        var up = c.integer("scaleUpCpuPercent", 70, 1, 100);
        var down = c.integer("scaleDownCpuPercent", 30, 0, 99);
        if (down >= up) {
            c.error("scaleDownCpuPercent", down + " is not below scaleUpCpuPercent " + up, "scaleDownCpuPercent < scaleUpCpuPercent");
        }
        var cooldown = c.integer("cooldownSeconds", 300, 0, 3600);
        var emails = CommonKeys.alarmEmails(c);
        var certificate = CommonKeys.certificateArn(c);
        c.rejectUnknownKeys();
        return new AsgConfig(enabled, image, instanceType, min, max, desired, port, path, target, up, down, cooldown, emails, certificate);
    }

    /** The component arguments (network and database are added by the program). */
    public AsgServiceArgs.Builder toArgs(Environment env) {
        return AsgServiceArgs.builder()
                .image(image)
                .instanceType(instanceType)
                .minSize(minSize)
                .maxSize(maxSize)
                .desiredCapacity(desiredCapacity)
                .appPort(appPort)
                .healthCheckPath(healthCheckPath)
                .cpuTargetPercent(cpuTargetPercent)
                .scaleUpCpuPercent(scaleUpCpuPercent)
                .scaleDownCpuPercent(scaleDownCpuPercent)
                .cooldownSeconds(cooldownSeconds)
                .alarmEmails(alarmEmails)
                .certificateArn(certificateArn.orElse(null))
                .production(env.isProd())
                .logRetentionDays(env.isProd() ? 30 : 7);
    }
}
