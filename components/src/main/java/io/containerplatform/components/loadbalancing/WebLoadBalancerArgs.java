package io.containerplatform.components.loadbalancing;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.network.Placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arguments of {@link WebLoadBalancer}: each field is one declared input ({@link InputSpec}). Build with
 * {@link #builder()}; {@code build()} returns an unmodifiable copy, checked, or fails naming every problem.
 */
public final class WebLoadBalancerArgs extends DeclaredArgs {

    @Import(name = "placement", required = true)
    @InputSpec("Where the load balancer goes: the VPC of its target groups and security group, its CIDR (the only place the load"
            + " balancer may send traffic) and the public subnets it lives in (NetworkComponent.placement())")
    private Placement placement;

    @Import(name = "routes", required = true)
    @InputSpec(value = "The services it routes to, each with a target group and a listener rule; the load balancer's group may reach"
            + " only their ports", allowed = "at least one; names unique; at most one with neither paths nor hosts (it gets the requests"
            + " no other rule matches; without one, those get a 404)")
    private List<Route> routes = List.of();

    @Import(name = "healthCheckIntervalSeconds")
    @InputSpec(value = "Seconds between health checks", min = 5, max = 300)
    private Integer healthCheckIntervalSeconds = 30;

    @Import(name = "healthyThreshold")
    @InputSpec(value = "Consecutive successes before a target is healthy (with the defaults a new task serves after about a minute)",
            min = 2, max = 10)
    private Integer healthyThreshold = 2;

    @Import(name = "unhealthyThreshold")
    @InputSpec(value = "Consecutive failures before a target is unhealthy", min = 2, max = 10)
    private Integer unhealthyThreshold = 3;

    @Import(name = "healthCheckMatcher")
    @InputSpec(value = "HTTP codes counted as healthy", allowed = "codes and ranges, such as 200 or 200-399")
    private String healthCheckMatcher = "200-399";

    @Import(name = "deregistrationDelaySeconds")
    @InputSpec(value = "Seconds a deregistering target keeps serving in-flight requests (AWS's 300 makes every deployment wait five"
            + " minutes per batch)", min = 0, max = 3600)
    private Integer deregistrationDelaySeconds = 30;

    @Import(name = "certificateArn")
    @InputSpec(value = "The ACM certificate for HTTPS: an HTTPS listener on 443 forwards and port 80 redirects to it (301)",
            format = Format.CERTIFICATE_ARN, allowed = "an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>",
            defaultText = "none (port 80 forwards to the targets)")
    private String certificateArn;

    @Import(name = "sslPolicy")
    @InputSpec(value = "The TLS policy of the HTTPS listener (the default, which AWS recommends, allows TLS 1.3 and 1.2 only)",
            allowed = "an ELB security policy name")
    private String sslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    @Import(name = "ingressCidrs")
    @InputSpec(value = "IPv4 ranges allowed to reach 80 and 443", format = Format.IPV4_CIDR, allowed = "IPv4 CIDR blocks")
    private List<String> ingressCidrs = List.of("0.0.0.0/0");

    @Import(name = "ingressIpv6Cidrs")
    @InputSpec(value = "IPv6 ranges allowed to reach 80 and 443", allowed = "IPv6 CIDR blocks; with ingressCidrs, at least one range")
    private List<String> ingressIpv6Cidrs = List.of("::/0");

    @Import(name = "deletionProtection")
    @InputSpec("Whether AWS refuses to delete the load balancer; turn on in production")
    private Boolean deletionProtection = false;

    @Import(name = "accessLogsBucket")
    @InputSpec(value = "The S3 bucket of its access logs (AccessLogsBucket.bucketName())", defaultText = "none (access logs off)")
    private Output<String> accessLogsBucket;

    @Import(name = "idleTimeoutSeconds")
    @InputSpec(value = "Idle connection timeout, seconds", min = 1, max = 4000)
    private Integer idleTimeoutSeconds = 60;

    public Placement placement() { return placement; }
    public Output<String> vpcId() { return placement.vpcId(); }
    public Output<String> vpcCidr() { return placement.vpcCidr(); }
    public Output<List<String>> publicSubnetIds() { return placement.publicSubnetIds(); }
    public List<Route> routes() { return routes; }
    public int healthCheckIntervalSeconds() { return healthCheckIntervalSeconds; }
    public int healthyThreshold() { return healthyThreshold; }
    public int unhealthyThreshold() { return unhealthyThreshold; }
    public String healthCheckMatcher() { return healthCheckMatcher; }
    public int deregistrationDelaySeconds() { return deregistrationDelaySeconds; }
    public Optional<String> certificateArn() { return Optional.ofNullable(certificateArn); }
    public String sslPolicy() { return sslPolicy; }
    public List<String> ingressCidrs() { return ingressCidrs; }
    public List<String> ingressIpv6Cidrs() { return ingressIpv6Cidrs; }
    public boolean deletionProtection() { return deletionProtection; }
    public Optional<Output<String>> accessLogsBucket() { return Optional.ofNullable(accessLogsBucket); }
    public int idleTimeoutSeconds() { return idleTimeoutSeconds; }

    @Override
    protected List<InputProblem> rules() {
        var problems = new ArrayList<InputProblem>();
        if (routes.isEmpty()) {
            problems.add(problem("routes", "is empty: a load balancer needs a service to route to"));
        }
        namedTwice(routes.stream().map(Route::name).toList())
                .forEach(n -> problems.add(problem("routes", "\"" + n + "\" is named twice")));
        var defaults = routes.stream().filter(Route::isDefault).map(Route::name).toList();
        if (defaults.size() > 1) {
            problems.add(problem("routes", defaults + " have neither paths nor hosts"));
        }
        if (ingressCidrs != null && ingressIpv6Cidrs != null && ingressCidrs.isEmpty() && ingressIpv6Cidrs.isEmpty()) {
            problems.add(problem("ingressIpv6Cidrs", "is empty, and so is ingressCidrs: nothing could reach the load balancer"));
        }
        return problems;
    }

    public static Builder builder() {
        return new Builder(new WebLoadBalancerArgs());
    }

    /** A builder starting from {@code defaults}' inputs. */
    public static Builder builder(WebLoadBalancerArgs defaults) {
        return new Builder(Inputs.copyOf(defaults));
    }

    /** Builder of {@link WebLoadBalancerArgs}: one setter per input, named like it. */
    public static final class Builder {
        private final WebLoadBalancerArgs $;

        private Builder(WebLoadBalancerArgs start) {
            $ = start;
        }

        /**
         * Where the load balancer goes: the VPC of its target groups and security group, its CIDR (the only place the
         * load balancer may send traffic) and the public subnets it lives in (NetworkComponent.placement()).
         */
        public Builder placement(Placement v) { $.placement = v; return this; }

        /**
         * The services it routes to, each with a target group and a listener rule; the load balancer's group may reach
         * only their ports. Allowed: at least one; names unique; at most one with neither paths nor hosts (it gets the
         * requests no other rule matches; without one, those get a 404).
         */
        public Builder routes(List<Route> v) { $.routes = v; return this; }

        /**
         * Seconds between health checks. Allowed: 5 to 300. Default: 30.
         */
        public Builder healthCheckIntervalSeconds(int v) { $.healthCheckIntervalSeconds = v; return this; }

        /**
         * Consecutive successes before a target is healthy (with the defaults a new task serves after about a minute).
         * Allowed: 2 to 10. Default: 2.
         */
        public Builder healthyThreshold(int v) { $.healthyThreshold = v; return this; }

        /**
         * Consecutive failures before a target is unhealthy. Allowed: 2 to 10. Default: 3.
         */
        public Builder unhealthyThreshold(int v) { $.unhealthyThreshold = v; return this; }

        /**
         * HTTP codes counted as healthy. Allowed: codes and ranges, such as 200 or 200-399. Default: 200-399.
         */
        public Builder healthCheckMatcher(String v) { $.healthCheckMatcher = v; return this; }

        /**
         * Seconds a deregistering target keeps serving in-flight requests (AWS's 300 makes every deployment wait five
         * minutes per batch). Allowed: 0 to 3600. Default: 30.
         */
        public Builder deregistrationDelaySeconds(int v) { $.deregistrationDelaySeconds = v; return this; }

        /**
         * The ACM certificate for HTTPS: an HTTPS listener on 443 forwards and port 80 redirects to it (301). Allowed:
         * an ACM certificate ARN, arn:aws:acm:&lt;region&gt;:&lt;account&gt;:certificate/&lt;id&gt;. Default: none
         * (port 80 forwards to the targets).
         */
        public Builder certificateArn(String v) { $.certificateArn = v; return this; }

        /**
         * The TLS policy of the HTTPS listener (the default, which AWS recommends, allows TLS 1.3 and 1.2 only).
         * Allowed: an ELB security policy name. Default: ELBSecurityPolicy-TLS13-1-2-2021-06.
         */
        public Builder sslPolicy(String v) { $.sslPolicy = v; return this; }

        /**
         * IPv4 ranges allowed to reach 80 and 443. Allowed: IPv4 CIDR blocks. Default: [0.0.0.0/0].
         */
        public Builder ingressCidrs(List<String> v) { $.ingressCidrs = v; return this; }

        /**
         * IPv6 ranges allowed to reach 80 and 443. Allowed: IPv6 CIDR blocks; with ingressCidrs, at least one range.
         * Default: [::/0].
         */
        public Builder ingressIpv6Cidrs(List<String> v) { $.ingressIpv6Cidrs = v; return this; }

        /**
         * Whether AWS refuses to delete the load balancer; turn on in production. Default: false.
         */
        public Builder deletionProtection(boolean v) { $.deletionProtection = v; return this; }

        /**
         * The S3 bucket of its access logs (AccessLogsBucket.bucketName()). Default: none (access logs off).
         */
        public Builder accessLogsBucket(Output<String> v) { $.accessLogsBucket = v; return this; }

        /**
         * Idle connection timeout, seconds. Allowed: 1 to 4000. Default: 60.
         */
        public Builder idleTimeoutSeconds(int v) { $.idleTimeoutSeconds = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public WebLoadBalancerArgs build() {
            return $.validated();
        }
    }
}
