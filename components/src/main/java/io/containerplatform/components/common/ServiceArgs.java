package io.containerplatform.components.common;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.loadbalancing.LoadBalancerTarget;
import io.containerplatform.components.monitoring.AlertDestination;
import io.containerplatform.components.network.Placement;

import java.util.List;
import java.util.Map;

/**
 * The inputs every web service has, Fargate and EC2 alike, declared once: where it runs, the route it serves, its
 * image and port, its environment, who its alarms notify and how long its logs are kept. {@code FargateServiceArgs}
 * and {@code AsgServiceArgs} extend it with their kind's own inputs; their builders extend {@link Builder}.
 */
public abstract class ServiceArgs extends DeclaredArgs {

    @Import(name = "placement", required = true)
    @InputSpec("Where the component's resources go: the VPC and its subnets (NetworkComponent.placement(), or Placement.of for an existing VPC)")
    private Placement placement;

    @Import(name = "target", required = true)
    @InputSpec("The load balancer's target group and routing for the service (WebLoadBalancer.target(name))")
    private LoadBalancerTarget target;

    @Import(name = "image", required = true)
    @InputSpec(value = "The container image", format = Format.IMAGE, allowed = "an image pinned to a version tag or digest (not latest), or :<tag> of the"
            + " service's ECR repository")
    private String image;

    @Import(name = "port")
    @InputSpec(value = "The port the container listens on", min = 1, max = 65535)
    private Integer port = 80;

    @Import(name = "environment")
    @InputSpec(value = "Plain environment variables of the container", format = Format.VARIABLE_NAME, allowed = "variable names ([A-Za-z_][A-Za-z0-9_]*) to values")
    private Map<String, String> environment = Map.of();

    @Import(name = "alarmEmails")
    @InputSpec(value = "Email addresses subscribed to the service's alarm topic (each must confirm)", format = Format.EMAIL, allowed = "email addresses")
    private List<String> alarmEmails = List.of();

    @Import(name = "alarmWebhooks")
    @InputSpec(value = "HTTPS endpoints subscribed to the service's alarm topic (each must confirm; kept secret in the state)",
            format = Format.HTTPS_URL, allowed = "HTTPS URLs")
    private List<String> alarmWebhooks = List.of();

    @Import(name = "logRetentionDays")
    @InputSpec(value = "Days the service's container log group (/ecs/<name> on Fargate, /asg/<name> on EC2) keeps its logs",
            format = Format.LOG_RETENTION, allowed = LogRetention.ALLOWED)
    private Integer logRetentionDays = 7;

    @Import(name = "production")
    @InputSpec("A production service: its image repository is protected and kept, with its images, on pulumi destroy (elsewhere"
            + " destroy deletes it, images included)")
    private Boolean production = false;

    public Placement placement() { return placement; }
    public LoadBalancerTarget target() { return target; }
    public String image() { return image; }
    public int port() { return port; }
    public Map<String, String> environment() { return environment; }
    public List<String> alarmEmails() { return alarmEmails; }
    public List<String> alarmWebhooks() { return alarmWebhooks; }

    /** Who the service's alarm topic notifies: {@code alarmEmails} and {@code alarmWebhooks}. */
    public AlertDestination alarmDestination() {
        return AlertDestination.builder().emails(alarmEmails).webhooks(alarmWebhooks).build();
    }
    public int logRetentionDays() { return logRetentionDays; }
    public boolean production() { return production; }

    /**
     * The setters of the inputs every service has, for the builders of {@code A}; {@code B} is the builder's own type,
     * which each setter returns.
     */
    public abstract static class Builder<A extends ServiceArgs, B extends Builder<A, B>> {
        protected final A $;

        protected Builder(A start) {
            $ = start;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        private ServiceArgs service() {
            return $;
        }

        /**
         * Where the component's resources go: the VPC and its subnets (NetworkComponent.placement(), or Placement.of
         * for an existing VPC).
         */
        public B placement(Placement v) { service().placement = v; return self(); }

        /**
         * The load balancer's target group and routing for the service (WebLoadBalancer.target(name)).
         */
        public B target(LoadBalancerTarget v) { service().target = v; return self(); }

        /**
         * The container image. Allowed: an image pinned to a version tag or digest (not latest), or :&lt;tag&gt; of the
         * service's ECR repository.
         */
        public B image(String v) { service().image = v; return self(); }

        /**
         * The port the container listens on. Allowed: 1 to 65535. Default: 80.
         */
        public B port(int v) { service().port = v; return self(); }

        /**
         * Plain environment variables of the container. Allowed: variable names ([A-Za-z_][A-Za-z0-9_]*) to values.
         * Default: {}.
         */
        public B environment(Map<String, String> v) { service().environment = v; return self(); }

        /**
         * Email addresses subscribed to the service's alarm topic (each must confirm). Allowed: email addresses.
         * Default: [].
         */
        public B alarmEmails(List<String> v) { service().alarmEmails = v; return self(); }

        /**
         * HTTPS endpoints subscribed to the service's alarm topic (each must confirm; kept secret in the state).
         * Allowed: HTTPS URLs. Default: [].
         */
        public B alarmWebhooks(List<String> v) { service().alarmWebhooks = v; return self(); }

        /**
         * Days the service's container log group (/ecs/&lt;name&gt; on Fargate, /asg/&lt;name&gt; on EC2) keeps its
         * logs. Allowed: a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
         * 1096, 1827, 2192, 2557, 2922, 3288, 3653. Default: 7.
         */
        public B logRetentionDays(int v) { service().logRetentionDays = v; return self(); }

        /**
         * A production service: its image repository is protected and kept, with its images, on pulumi destroy
         * (elsewhere destroy deletes it, images included). Default: false.
         */
        public B production(boolean v) { service().production = v; return self(); }
    }
}
