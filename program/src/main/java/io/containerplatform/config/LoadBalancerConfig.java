package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code container-platform:loadBalancer}: the stack's one internet-facing load balancer, shared by its services.
 * {@code certificateArn} is {@link WebLoadBalancerArgs}' input of that name, read through its declaration.
 *
 * @param settings               the load balancer's inputs from config (its placement and routes are the program's)
 * @param accessLogs             write access logs to an S3 bucket of the stack; default true in prod, else false
 * @param accessLogsRetentionDays days the access logs are kept, 1 to 3650; default 90 in prod, else 30
 */
public record LoadBalancerConfig(WebLoadBalancerArgs settings, boolean accessLogs, int accessLogsRetentionDays) {

    /** The keys of {@code loadBalancer} that are {@link WebLoadBalancerArgs}' inputs. */
    public static final List<String> KEYS = List.of("certificateArn");

    static LoadBalancerConfig read(ConfigObject c, Environment env) {
        var settings = c.bind(Inputs.defaults(WebLoadBalancerArgs.class), Map.of(), KEYS);
        var accessLogs = c.bool("accessLogs", env.redundantByDefault());
        var retention = c.integer("accessLogsRetentionDays", env.accessLogsRetentionDays(), 1, 3650);
        c.rejectUnknownKeys();
        return new LoadBalancerConfig(settings, accessLogs, retention);
    }

    /** The ACM certificate for HTTPS, if any. */
    public Optional<String> certificateArn() {
        return settings.certificateArn();
    }
}
