package io.containerplatform.config;

import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.loadbalancing.Route;
import io.containerplatform.components.monitoring.AlertDestination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code container-platform:services}: the stack's services by name, each a {@link ServiceConfig}. All fargate
 * services share one ECS cluster, and all services one load balancer ({@link LoadBalancerConfig}), which routes by
 * each service's paths and hosts; at most one service has neither and gets the other requests. Each service's alarm topic
 * subscribes to the service's own {@code alarmEmails} and {@code alarmWebhooks}, or, when it names none, to the stack's
 * {@code alerts}; in prod a service whose alarms would reach nobody is an error naming it.
 *
 * @param services the services in name order
 */
public record ServicesConfig(List<ServiceConfig> services) {

    /** The keys services replaced, and how to move each. */
    static final Map<String, String> REPLACED_KEYS = Map.of(
            "fargate", "name the service under container-platform:services with kind: fargate and its keys there"
                    + " (containerPort is now port, certificateArn moved to container-platform:loadBalancer)",
            "asg", "name the service under container-platform:services with kind: ec2 and its keys there"
                    + " (appPort is now port, certificateArn moved to container-platform:loadBalancer)",
            "database", "move it under the ec2 service it belongs to, as services.<name>.database (without enabled)");

    static ServicesConfig read(ConfigObject root, Environment env, Optional<AlertDestination> alertsRead) {
        var alerts = alertsRead.orElseGet(() -> AlertDestination.builder().build());
        var services = new ArrayList<ServiceConfig>();
        var object = root.object("services");
        if (object.isPresent()) {
            var c = object.get();
            for (var name : c.keys()) {
                var problems = Format.SHORT_NAME.problems(name);
                if (!problems.isEmpty()) {
                    c.error(name, problems.get(0), Inputs.named(Route.class, "name").allowed());
                    continue;
                }
                // `web:` with nothing under it is YAML's null: a service named but not described, reported as such
                services.add(ServiceConfig.read(name, c.objectOrEmpty(name), root, env, alerts));
            }
        }
        REPLACED_KEYS.forEach((key, how) -> {
            if (root.has(key)) {
                root.error(key, "was replaced by container-platform:services", how + " (README, \"Moving to services\")");
            }
        });
        var defaults = services.stream().filter(ServiceConfig::isDefaultRoute).map(ServiceConfig::name).toList();
        if (defaults.size() > 1) {
            root.error("services", String.join(" and ", defaults) + " have neither paths nor hosts",
                    "at most one service without paths and hosts (the default route of the load balancer)");
        }
        noSharedRoutes(root, services);
        if (env.isProd() && alertsRead.isPresent() && alerts.isEmpty()) {
            services.stream().filter(s -> s.alarmDestination().isEmpty()).forEach(s -> root.error("services." + s.name(),
                    "its alarms would reach nobody (no alarmEmails or alarmWebhooks, and container-platform:alerts names no one)",
                    "in prod, alerts.emails or alerts.webhooks for every alarm topic of the stack, or the service's own alarmEmails or alarmWebhooks"));
        }
        return new ServicesConfig(List.copyOf(services));
    }

    /**
     * Two services with a path in common and the same hosts (or a host in common and the same paths) would have their
     * requests go to whichever rule AWS evaluates first.
     */
    private static void noSharedRoutes(ConfigObject root, List<ServiceConfig> services) {
        for (int i = 0; i < services.size(); i++) {
            for (int j = i + 1; j < services.size(); j++) {
                var a = services.get(i);
                var b = services.get(j);
                var paths = shared(a.route().paths(), b.route().paths());
                var hosts = shared(a.route().hosts(), b.route().hosts());
                boolean samePaths = Set.copyOf(a.route().paths()).equals(Set.copyOf(b.route().paths()));
                boolean sameHosts = Set.copyOf(a.route().hosts()).equals(Set.copyOf(b.route().hosts()));
                if (!paths.isEmpty() && sameHosts || !hosts.isEmpty() && samePaths) {
                    root.error("services", a.name() + " and " + b.name() + " both claim " + (paths.isEmpty() ? hosts : paths),
                            "each path and host routed to one service");
                }
            }
        }
    }

    private static List<String> shared(List<String> a, List<String> b) {
        return a.stream().filter(b::contains).sorted().toList();
    }

    /** True when there is no service. */
    public boolean isEmpty() {
        return services.isEmpty();
    }

    /** The fargate services. */
    public List<ServiceConfig> fargate() {
        return services.stream().filter(s -> s.kind() == ServiceKind.FARGATE).toList();
    }

    /** The service that gets the load balancer's other requests, if any. */
    public java.util.Optional<ServiceConfig> defaultRoute() {
        return services.stream().filter(ServiceConfig::isDefaultRoute).findFirst();
    }
}
