package io.containerplatform.components.loadbalancing;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.ArrayList;
import java.util.List;

/**
 * A service behind a {@link WebLoadBalancer}: its target group and the listener rule that sends it its requests.
 * A declared input type: each field is one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class Route extends DeclaredArgs {

    @Import(name = "name", required = true)
    @InputSpec(value = "The service's name, unique on the load balancer (it names the target group)", format = Format.SHORT_NAME,
            allowed = "1 to 20 characters of a-z, 0-9 and -, starting and ending with a letter or digit")
    private String name;

    @Import(name = "targetType", required = true)
    @InputSpec(value = "How its targets register: ip (Fargate tasks) or instance (EC2 instances)", oneOf = {"ip", "instance"})
    private String targetType;

    @Import(name = "port", required = true)
    @InputSpec(value = "The port its targets listen on", min = 1, max = 65535)
    private Integer port;

    @Import(name = "healthCheckPath")
    @InputSpec(value = "The HTTP path of its health check", format = Format.HTTP_PATH, allowed = "a path starting with /")
    private String healthCheckPath = "/";

    @Import(name = "paths")
    @InputSpec(value = "Path patterns it serves (/api/*); with neither paths nor hosts the route is the default one",
            format = Format.PATH_PATTERN, allowed = "path patterns starting with /; at most 5 paths and hosts in all")
    private List<String> paths = List.of();

    @Import(name = "hosts")
    @InputSpec(value = "Host names it serves (api.example.com, *.example.com)", format = Format.HOST_NAME,
            allowed = "lower-case host names, optionally *.; at most 5 paths and hosts in all")
    private List<String> hosts = List.of();

    @Import(name = "blueGreen")
    @InputSpec(value = "Whether CodeDeploy shifts the route between two target groups (blue/green deployments): the route gets a"
            + " second, green target group, and its rule's action is CodeDeploy's to change (the program leaves it alone after"
            + " creating it)", allowed = "true only on a route with paths or hosts")
    private Boolean blueGreen = false;

    public String name() { return name; }
    public String targetType() { return targetType; }
    public int port() { return port; }
    public String healthCheckPath() { return healthCheckPath; }
    public List<String> paths() { return paths; }
    public List<String> hosts() { return hosts; }
    public boolean blueGreen() { return blueGreen; }

    /** A route with neither paths nor hosts: it gets every request no other route matches. */
    public boolean isDefault() {
        return paths.isEmpty() && hosts.isEmpty();
    }

    @Override
    protected List<InputProblem> rules() {
        var problems = new ArrayList<InputProblem>();
        if (paths != null && hosts != null && paths.size() + hosts.size() > WebLoadBalancer.MAX_CONDITION_VALUES) {
            problems.add(problem("paths", (paths.size() + hosts.size()) + " paths and hosts"));
        }
        if (Boolean.TRUE.equals(blueGreen) && paths != null && hosts != null && isDefault()) {
            problems.add(problem("blueGreen", "set on a route with neither paths nor hosts"));
        }
        return problems;
    }

    public static Builder builder() { return new Builder(new Route()); }
    public static Builder builder(Route from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link Route}. */
    public static final class Builder {
        private final Route $;

        private Builder(Route start) { $ = start; }

        /**
         * The service's name, unique on the load balancer (it names the target group). Allowed: 1 to 20 characters of
         * a-z, 0-9 and -, starting and ending with a letter or digit.
         */
        public Builder name(String v) { $.name = v; return this; }

        /**
         * How its targets register: ip (Fargate tasks) or instance (EC2 instances). Allowed: one of ip, instance.
         */
        public Builder targetType(String v) { $.targetType = v; return this; }

        /**
         * The port its targets listen on. Allowed: 1 to 65535.
         */
        public Builder port(Integer v) { $.port = v; return this; }

        /**
         * The HTTP path of its health check. Allowed: a path starting with /. Default: /.
         */
        public Builder healthCheckPath(String v) { $.healthCheckPath = v; return this; }

        /**
         * Path patterns it serves (/api/*); with neither paths nor hosts the route is the default one. Allowed: path
         * patterns starting with /; at most 5 paths and hosts in all. Default: [].
         */
        public Builder paths(List<String> v) { $.paths = v; return this; }

        /**
         * Host names it serves (api.example.com, *.example.com). Allowed: lower-case host names, optionally *.; at most
         * 5 paths and hosts in all. Default: [].
         */
        public Builder hosts(List<String> v) { $.hosts = v; return this; }

        /**
         * Whether CodeDeploy shifts the route between two target groups (blue/green deployments): the route gets a
         * second, green target group, and its rule's action is CodeDeploy's to change (the program leaves it alone
         * after creating it). Allowed: true only on a route with paths or hosts. Default: false.
         */
        public Builder blueGreen(Boolean v) { $.blueGreen = v; return this; }

        /** The route as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public Route build() { return $.validated(); }
    }
}
