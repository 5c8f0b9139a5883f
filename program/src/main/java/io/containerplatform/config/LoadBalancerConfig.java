package io.containerplatform.config;

import java.util.Optional;

/**
 * {@code container-platform:loadBalancer}: the stack's one internet-facing load balancer, shared by its services.
 *
 * @param certificateArn ACM certificate for HTTPS: 443 serves and 80 redirects to it; default none (HTTP on 80)
 */
public record LoadBalancerConfig(Optional<String> certificateArn) {

    static LoadBalancerConfig read(ConfigObject c) {
        var certificate = CommonKeys.certificateArn(c);
        c.rejectUnknownKeys();
        return new LoadBalancerConfig(certificate);
    }
}
