package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.pipeline.PipelineArgs;

import java.util.List;
import java.util.Map;

/**
 * {@code container-platform:pipeline} (seed 004) and its secret keys. Its keys but {@code enabled} are
 * {@link PipelineArgs}' inputs of the same names ({@link #KEYS}), read through their declarations; the environment
 * decides {@code rabbitmqReplicas}' default (3 in prod, else 1) and {@code production}; {@code sparkImage},
 * {@code apiImage} and {@code apiHost} are required only when enabled (which needs {@code eks.enabled}).
 *
 * @param enabled  build it; default false
 * @param settings the component's inputs from config (provider, placement and secrets are the program's)
 */
public record PipelineConfig(boolean enabled, PipelineArgs settings) {

    /** The keys of {@code pipeline} that are {@link PipelineArgs}' inputs. */
    public static final List<String> KEYS = List.of("namespace", "rabbitmqReplicas", "mongodbReplicas", "storageClass", "storageGb", "prometheusStorageGb",
            "sparkImage", "apiImage", "apiHost", "apiHostedZoneId", "apiCertificateArn", "apiAllowedCidrs", "minReplicas", "maxReplicas", "queueName",
            "messagesPerReplica", "cpuPercent", "memoryPercent");

    /** Secret config keys the pipeline needs ({@code pulumi config set --secret container-platform:<key>}). */
    public static final List<String> SECRET_KEYS = List.of("rabbitmqPassword", "rabbitmqErlangCookie", "mongodbPassword", "mongodbReplicaSetKey",
            "grafanaAdminPassword");

    /**
     * The retired secret config key of a webhook only Alertmanager posted to: Alertmanager now publishes to an SNS topic
     * subscribed to {@code alerts}, the destination of every alarm of the stack. Setting it is an error naming what
     * replaces it.
     */
    public static final String ALERT_WEBHOOK_KEY = "alertWebhookUrl";

    /** Secret config key of the MongoDB key being rotated out, set only during a rotation. */
    public static final String PREVIOUS_KEY = "mongodbPreviousReplicaSetKey";

    /**
     * Keys that configured a TLS the AWS Load Balancer Controller never serves: it reads no Kubernetes TLS Secret (only ACM
     * certificates), so neither a Secret nor the cert-manager the platform installs for the in-cluster TLS can serve the
     * API. Setting one is an error naming what replaces it.
     */
    static final List<String> REMOVED_TLS_KEYS = List.of("tlsSecretName", "certIssuer");

    static PipelineConfig read(ConfigObject c, ConfigObject root, Environment env, boolean eksEnabled) {
        var enabled = c.bool("enabled", false);
        if (enabled && !eksEnabled) {
            c.error("enabled", "true without eks.enabled", "the pipeline only on the EKS platform (eks.enabled: true)");
        }
        // Read only when enabled or set: the required images and host, and the keys production requires of a built pipeline.
        var keys = c.keysOf(enabled, KEYS, List.of("sparkImage", "apiImage", "apiHost", "apiHostedZoneId", "apiCertificateArn", "apiAllowedCidrs"));
        var defaults = Inputs.defaults(PipelineArgs.class);
        Inputs.set(defaults, Map.of("production", env.isProd()));
        var settings = c.bind(defaults, Map.of("rabbitmqReplicas", env.rabbitmqReplicas()), keys);
        for (var removed : REMOVED_TLS_KEYS) {
            if (c.has(removed)) {
                c.error(removed, "no longer read: the AWS Load Balancer Controller serves only ACM certificates (it reads no"
                        + " Kubernetes TLS Secret, so neither a Secret nor the in-cluster cert-manager can serve the API)", "apiHostedZoneId (the platform requests and validates"
                        + " an ACM certificate for apiHost and creates its DNS record) or apiCertificateArn (an issued ACM certificate)");
            }
        }
        c.rejectUnknownKeys();
        if (enabled) {
            var values = new java.util.HashMap<String, String>();
            for (var key : SECRET_KEYS) {
                values.put(key, root.requiredString(key, "a secret: pulumi config set --secret container-platform:" + key + " <value>"));
            }
            // a rotation's first step with the same key twice would restart the members with the new key alone
            if (root.has(PREVIOUS_KEY) && root.requiredString(PREVIOUS_KEY, "").equals(values.get("mongodbReplicaSetKey"))) {
                root.error(PREVIOUS_KEY, "is the same as mongodbReplicaSetKey", "the previous mongodbReplicaSetKey, only during a rotation");
            }
        } else {
            SECRET_KEYS.forEach(root::has);
        }
        root.has(PREVIOUS_KEY);
        if (root.has(ALERT_WEBHOOK_KEY)) {
            root.error(ALERT_WEBHOOK_KEY, "no longer read: Alertmanager publishes the cluster's alerts to an SNS topic subscribed to"
                    + " container-platform:alerts, like every alarm topic of the stack", "alerts.webhooks (pulumi config set --secret --path"
                    + " 'container-platform:alerts.webhooks[0]' https://...) or alerts.emails, then pulumi config rm container-platform:"
                    + ALERT_WEBHOOK_KEY);
        }
        return new PipelineConfig(enabled, settings);
    }

    /** The pipeline's namespace. */
    public String namespace() {
        return settings.namespace();
    }

    /** The Spark processor image, as configured ({@code :<tag>} of the stack's repository, or a full reference); null when not set. */
    public String sparkImage() {
        return settings.sparkImage();
    }

    /** The API image, as configured; null when not set. */
    public String apiImage() {
        return settings.apiImage();
    }

    /**
     * The component arguments; secrets come from Pulumi config as secret outputs, provider, VPC, the cluster's OIDC
     * identity and the stack's alert destination from the program.
     */
    public PipelineArgs.Builder toArgs(com.pulumi.Config config) {
        return PipelineArgs.builder(settings)
                .rabbitmqPassword(config.requireSecret("rabbitmqPassword"))
                .rabbitmqErlangCookie(config.requireSecret("rabbitmqErlangCookie"))
                .mongodbPassword(config.requireSecret("mongodbPassword"))
                .mongodbReplicaSetKey(config.requireSecret("mongodbReplicaSetKey"))
                .grafanaAdminPassword(config.requireSecret("grafanaAdminPassword"))
                .mongodbPreviousReplicaSetKey(config.get(PREVIOUS_KEY).isPresent() ? config.requireSecret(PREVIOUS_KEY) : null);
    }
}
