package io.containerplatform.config;

import java.util.Optional;

/**
 * {@code container-platform:loadBalancer}: the stack's one internet-facing load balancer, shared by its services.
 *
 * @param certificateArn         ACM certificate for HTTPS: 443 serves and 80 redirects to it; default none (HTTP on 80)
 * @param accessLogs             write access logs to an S3 bucket of the stack; default true in prod, else false
 * @param accessLogsRetentionDays days the access logs are kept, 1 to 3650; default 90 in prod, else 30
 */
public record LoadBalancerConfig(Optional<String> certificateArn, boolean accessLogs, int accessLogsRetentionDays) {

    static LoadBalancerConfig read(ConfigObject c, Environment env) {
        var certificate = CommonKeys.certificateArn(c);
        var accessLogs = c.bool("accessLogs", env.redundantByDefault());
        var retention = c.integer("accessLogsRetentionDays", env.accessLogsRetentionDays(), 1, 3650);
        c.rejectUnknownKeys();
        return new LoadBalancerConfig(certificate, accessLogs, retention);
    }
}
