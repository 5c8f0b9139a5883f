package io.containerplatform.components.loadbalancing;

import io.containerplatform.components.common.Formats;
import com.pulumi.core.Output;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.components.network.Placement;

import io.containerplatform.components.common.ArgChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Arguments of {@link WebLoadBalancer}. Immutable; build with {@link #builder()}. */
public final class WebLoadBalancerArgs {

    /** Target types: {@code ip} for Fargate tasks, {@code instance} for EC2 instances. */
    public enum TargetType { IP, INSTANCE }

    /** TLS 1.3 with TLS 1.2 fallback, the policy AWS recommends for new HTTPS listeners. */
    public static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    private final List<Route> routes;
    private final int healthCheckIntervalSeconds;
    private final int healthyThreshold;
    private final int unhealthyThreshold;
    private final String healthCheckMatcher;
    private final int deregistrationDelaySeconds;
    private final String certificateArn;
    private final String sslPolicy;
    private final List<String> ingressCidrs;
    private final List<String> ingressIpv6Cidrs;
    private final boolean deletionProtection;
    private final Output<String> accessLogsBucket;
    private final int idleTimeoutSeconds;

    private final Placement placement;

    private WebLoadBalancerArgs(Builder b) {
        this.placement = b.placement;
        this.routes = List.copyOf(b.routes);
        this.healthCheckIntervalSeconds = b.healthCheckIntervalSeconds;
        this.healthyThreshold = b.healthyThreshold;
        this.unhealthyThreshold = b.unhealthyThreshold;
        this.healthCheckMatcher = b.healthCheckMatcher;
        this.deregistrationDelaySeconds = b.deregistrationDelaySeconds;
        this.certificateArn = b.certificateArn;
        this.sslPolicy = b.sslPolicy;
        this.ingressCidrs = List.copyOf(b.ingressCidrs);
        this.ingressIpv6Cidrs = List.copyOf(b.ingressIpv6Cidrs);
        this.deletionProtection = b.deletionProtection;
        this.accessLogsBucket = b.accessLogsBucket;
        this.idleTimeoutSeconds = b.idleTimeoutSeconds;
    }

    /** VPC of the target group and security group. Required. */
    public Output<String> vpcId() {
        return placement.vpcId();
    }

    /** CIDR of the VPC: the load balancer may send traffic only there, on the target port. Required. */
    public Output<String> vpcCidr() {
        return placement.vpcCidr();
    }

    /** Public subnets the load balancer lives in (at least two zones). Required. */
    public Output<List<String>> publicSubnetIds() {
        return placement.publicSubnetIds();
    }

    /**
     * The services it routes to, each with a target group and a listener rule. Required: at least one; names unique; at
     * most one with neither paths nor hosts (it gets the requests no other rule matches; without one, those get a 404).
     * The load balancer's group may reach only their ports.
     */
    public List<Route> routes() {
        return routes;
    }

    /** Seconds between health checks. Default 30; 5 to 300. */
    public int healthCheckIntervalSeconds() {
        return healthCheckIntervalSeconds;
    }

    /** Consecutive successes before a target is healthy. Default 2 (a new task serves after ~1 minute); 2 to 10. */
    public int healthyThreshold() {
        return healthyThreshold;
    }

    /** Consecutive failures before a target is unhealthy. Default 3; 2 to 10. */
    public int unhealthyThreshold() {
        return unhealthyThreshold;
    }

    /** HTTP codes counted as healthy. Default {@code 200-399}. */
    public String healthCheckMatcher() {
        return healthCheckMatcher;
    }

    /**
     * Seconds a deregistering target keeps serving in-flight requests. Default 30 (AWS's 300 makes every
     * deployment wait five minutes per batch); 0 to 3600.
     */
    public int deregistrationDelaySeconds() {
        return deregistrationDelaySeconds;
    }

    /**
     * ACM certificate for HTTPS. Default none: port 80 forwards to the targets. When set, an HTTPS listener on
     * 443 forwards and port 80 redirects to it (301).
     */
    public Optional<String> certificateArn() {
        return Optional.ofNullable(certificateArn);
    }

    /** TLS policy of the HTTPS listener. Default {@value #DEFAULT_SSL_POLICY} (TLS 1.3 and 1.2 only). */
    public String sslPolicy() {
        return sslPolicy;
    }

    /** IPv4 ranges allowed to reach 80/443. Default {@code 0.0.0.0/0} (the internet). */
    public List<String> ingressCidrs() {
        return ingressCidrs;
    }

    /** IPv6 ranges allowed to reach 80/443. Default {@code ::/0}. */
    public List<String> ingressIpv6Cidrs() {
        return ingressIpv6Cidrs;
    }

    /** Whether AWS refuses to delete the load balancer. Default false; turn on in production. */
    public boolean deletionProtection() {
        return deletionProtection;
    }

    /** S3 bucket for access logs ({@link AccessLogsBucket#bucketName()}). Default none (access logs off). */
    public Optional<Output<String>> accessLogsBucket() {
        return Optional.ofNullable(accessLogsBucket);
    }

    /** Idle connection timeout in seconds. Default 60; 1 to 4000. */
    public int idleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    /** Where the component's resources go: the VPC and its subnets ({@link NetworkComponent#placement()}). Required. */
    public Placement placement() { return placement; }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link WebLoadBalancerArgs}; {@link #build()} validates every field at once. */
    public static final class Builder {
        private Placement placement;
        private List<Route> routes = List.of();
        private int healthCheckIntervalSeconds = 30;
        private int healthyThreshold = 2;
        private int unhealthyThreshold = 3;
        private String healthCheckMatcher = "200-399";
        private int deregistrationDelaySeconds = 30;
        private String certificateArn;
        private String sslPolicy = DEFAULT_SSL_POLICY;
        private List<String> ingressCidrs = List.of("0.0.0.0/0");
        private List<String> ingressIpv6Cidrs = List.of("::/0");
        private boolean deletionProtection;
        private Output<String> accessLogsBucket;
        private int idleTimeoutSeconds = 60;




        public Builder routes(List<Route> routes) {
            this.routes = List.copyOf(routes);
            return this;
        }

        public Builder healthCheckIntervalSeconds(int seconds) {
            this.healthCheckIntervalSeconds = seconds;
            return this;
        }

        public Builder healthyThreshold(int healthyThreshold) {
            this.healthyThreshold = healthyThreshold;
            return this;
        }

        public Builder unhealthyThreshold(int unhealthyThreshold) {
            this.unhealthyThreshold = unhealthyThreshold;
            return this;
        }

        public Builder healthCheckMatcher(String healthCheckMatcher) {
            this.healthCheckMatcher = healthCheckMatcher;
            return this;
        }

        public Builder deregistrationDelaySeconds(int seconds) {
            this.deregistrationDelaySeconds = seconds;
            return this;
        }

        public Builder certificateArn(String certificateArn) {
            this.certificateArn = certificateArn;
            return this;
        }

        public Builder sslPolicy(String sslPolicy) {
            this.sslPolicy = sslPolicy;
            return this;
        }

        public Builder ingressCidrs(List<String> ingressCidrs) {
            this.ingressCidrs = ingressCidrs;
            return this;
        }

        public Builder ingressIpv6Cidrs(List<String> ingressIpv6Cidrs) {
            this.ingressIpv6Cidrs = ingressIpv6Cidrs;
            return this;
        }

        public Builder deletionProtection(boolean deletionProtection) {
            this.deletionProtection = deletionProtection;
            return this;
        }

        public Builder accessLogsBucket(Output<String> accessLogsBucket) {
            this.accessLogsBucket = accessLogsBucket;
            return this;
        }

        public Builder idleTimeoutSeconds(int idleTimeoutSeconds) {
            this.idleTimeoutSeconds = idleTimeoutSeconds;
            return this;
        }

        /** Where the component's resources go: {@link NetworkComponent#placement()}, or {@link Placement#of} for an existing VPC. */
        public Builder placement(Placement v) { this.placement = v; return this; }

        /** Validates and builds; the exception lists every invalid field. */
        public WebLoadBalancerArgs build() {
            var errors = new ArrayList<String>();
            if (placement == null) {
                errors.add("WebLoadBalancerArgs.placement is required");
            }
            if (routes.isEmpty()) {
                errors.add("WebLoadBalancerArgs.routes is empty: a load balancer needs a service to route to");
            }
            for (int i = 0; i < routes.size(); i++) {
                errors.addAll(routes.get(i).problems("WebLoadBalancerArgs.routes[" + i + "]"));
            }
            var names = routes.stream().map(Route::name).toList();
            names.stream().filter(n -> java.util.Collections.frequency(names, n) > 1).distinct()
                    .forEach(n -> errors.add("WebLoadBalancerArgs.routes: \"" + n + "\" is named twice"));
            var defaults = routes.stream().filter(Route::isDefault).map(Route::name).toList();
            if (defaults.size() > 1) {
                errors.add("WebLoadBalancerArgs.routes: " + defaults + " have neither paths nor hosts; at most one route may be the default");
            }
            ArgChecks.range(errors, "WebLoadBalancerArgs.healthCheckIntervalSeconds", healthCheckIntervalSeconds, 5, 300);
            ArgChecks.range(errors, "WebLoadBalancerArgs.healthyThreshold", healthyThreshold, 2, 10);
            ArgChecks.range(errors, "WebLoadBalancerArgs.unhealthyThreshold", unhealthyThreshold, 2, 10);
            ArgChecks.range(errors, "WebLoadBalancerArgs.deregistrationDelaySeconds", deregistrationDelaySeconds, 0, 3600);
            ArgChecks.range(errors, "WebLoadBalancerArgs.idleTimeoutSeconds", idleTimeoutSeconds, 1, 4000);
            if (certificateArn != null && !Formats.isAcmCertificateArn(certificateArn)) {
                errors.add("WebLoadBalancerArgs.certificateArn: \"" + certificateArn + "\" is not an ACM certificate ARN");
            }
            if (ingressCidrs.isEmpty() && ingressIpv6Cidrs.isEmpty()) {
                errors.add("WebLoadBalancerArgs.ingressCidrs and ingressIpv6Cidrs are both empty: nothing could reach the load balancer");
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new WebLoadBalancerArgs(this);
        }
    }
}
