package io.containerplatform.components.loadbalancing;

import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.common.Formats;

import java.util.ArrayList;
import java.util.List;

/**
 * A service behind a {@link WebLoadBalancer}: its target group and the listener rule that sends it its requests.
 *
 * @param name            the service's name: DNS-safe, 1 to 20 characters of a-z, 0-9 and -; unique on the load balancer
 * @param targetType      how its targets register: {@code IP} (Fargate tasks) or {@code INSTANCE} (EC2 instances)
 * @param port            the port its targets listen on, 1 to 65535
 * @param healthCheckPath the HTTP path of its health check, starting with {@code /}
 * @param paths           path patterns it serves ({@code /api/*}); with {@code hosts}, at most five values in all
 * @param hosts           host names it serves ({@code api.example.com}, {@code *.example.com})
 * @param blueGreen       whether CodeDeploy shifts the route between two target groups (blue/green deployments): the
 *                        route gets a second, green target group, and its rule's action is CodeDeploy's to change
 *                        (the program leaves it alone after creating it). Needs paths or hosts. Default false
 */
public record Route(String name, WebLoadBalancerArgs.TargetType targetType, int port, String healthCheckPath, List<String> paths,
                    List<String> hosts, boolean blueGreen) {

    /** The most conditions values an ALB rule evaluates. */
    public static final int MAX_CONDITION_VALUES = 5;
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?");

    public Route {
        paths = List.copyOf(paths);
        hosts = List.copyOf(hosts);
    }

    /** A route deployed in place (rolling): one target group. */
    public Route(String name, WebLoadBalancerArgs.TargetType targetType, int port, String healthCheckPath, List<String> paths, List<String> hosts) {
        this(name, targetType, port, healthCheckPath, paths, hosts, false);
    }

    /** A route with neither paths nor hosts: it gets every request no other route matches. */
    public boolean isDefault() {
        return paths.isEmpty() && hosts.isEmpty();
    }

    /** What is wrong with this route, each problem of an input named {@code where.<field>}. */
    List<InputProblem> problems(String where) {
        var problems = new ArrayList<InputProblem>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(new InputProblem(where + ".name", "\"" + name + "\" is not a service name",
                    "1 to 20 characters of a-z, 0-9 and -, starting and ending with a letter or digit"));
        }
        if (targetType == null) {
            problems.add(new InputProblem(where + ".targetType", "missing", "IP or INSTANCE"));
        }
        if (port < 1 || port > 65535) {
            problems.add(new InputProblem(where + ".port", port + " is out of range", "1 to 65535"));
        }
        if (healthCheckPath == null || !healthCheckPath.startsWith("/")) {
            problems.add(new InputProblem(where + ".healthCheckPath", "\"" + healthCheckPath + "\" does not start with /", "a path starting with /"));
        }
        paths.stream().filter(p -> !Formats.isPathPattern(p))
                .forEach(p -> problems.add(new InputProblem(where + ".paths", "\"" + p + "\" is not a path pattern", "path patterns starting with /")));
        hosts.stream().filter(h -> !Formats.isHostName(h))
                .forEach(h -> problems.add(new InputProblem(where + ".hosts", "\"" + h + "\" is not a host name", "lower-case host names, optionally *.")));
        if (paths.size() + hosts.size() > MAX_CONDITION_VALUES) {
            problems.add(new InputProblem(where + ".paths", (paths.size() + hosts.size()) + " paths and hosts",
                    "at most " + MAX_CONDITION_VALUES + " paths and hosts in all (what an ALB rule evaluates)"));
        }
        if (blueGreen && isDefault()) {
            problems.add(new InputProblem(where + ".blueGreen", "set on a route with neither paths nor hosts",
                    "paths or hosts (CodeDeploy shifts the route's listener rule; the default action is the listener's)"));
        }
        return problems;
    }
}
