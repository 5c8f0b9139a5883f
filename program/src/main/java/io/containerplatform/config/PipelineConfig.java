package io.containerplatform.config;

import io.containerplatform.components.common.Formats;
import io.containerplatform.components.pipeline.PipelineArgs;

import java.util.List;
import java.util.Optional;

/**
 * {@code container-platform:pipeline} (seed 004) and its secret keys.
 *
 * @param enabled            build it (needs {@code eks.enabled}); default false
 * @param namespace          default {@code data-processing}
 * @param rabbitmqReplicas   default 3 in prod, else 1
 * @param mongodbReplicas    odd; default 3 (at least 3 in prod)
 * @param storageClass       default {@code gp3-encrypted}
 * @param storageGb          default 10
 * @param sparkImage         pinned Spark processor image; required when enabled
 * @param apiImage           pinned Swagger API image; required when enabled
 * @param apiHost            Ingress host; required when enabled
 * @param tlsSecretName      TLS secret of the Ingress; exclusive with certIssuer
 * @param certIssuer         cert-manager ClusterIssuer; exclusive with tlsSecretName
 * @param minReplicas        default 1
 * @param maxReplicas        default 10
 * @param queueName          default {@code data-stream}
 * @param messagesPerReplica default 10
 * @param cpuPercent         default 70
 * @param memoryPercent      default 80
 */
public record PipelineConfig(boolean enabled, String namespace, int rabbitmqReplicas, int mongodbReplicas, String storageClass,
                             int storageGb, String sparkImage, String apiImage, String apiHost, Optional<String> tlsSecretName,
                             Optional<String> certIssuer, int minReplicas, int maxReplicas, String queueName, int messagesPerReplica,
                             int cpuPercent, int memoryPercent) {

    /** Secret config keys the pipeline needs ({@code pulumi config set --secret container-platform:<key>}). */
    public static final List<String> SECRET_KEYS = List.of("rabbitmqPassword", "mongodbPassword", "mongodbReplicaSetKey", "grafanaAdminPassword");

    /**
     * Secret config key of the HTTPS webhook Alertmanager sends the pipeline's alerts to; required in prod,
     * optional elsewhere (without it alerts stay in Alertmanager).
     */
    public static final String ALERT_WEBHOOK_KEY = "alertWebhookUrl";

    static PipelineConfig read(ConfigObject c, ConfigObject root, Environment env, boolean eksEnabled) {
        var enabled = c.bool("enabled", false);
        if (enabled && !eksEnabled) {
            c.error("enabled", "true without eks.enabled", "the pipeline only on the EKS platform (eks.enabled: true)");
        }
        var nsAllowed = "a Kubernetes name (a-z, 0-9, -)";
        var namespace = c.string("namespace", "data-processing", nsAllowed);
        if (!Formats.isKubernetesName(namespace)) {
            c.error("namespace", "\"" + namespace + "\" is not a Kubernetes name", nsAllowed);
        }
        var rabbit = c.integer("rabbitmqReplicas", env.rabbitmqReplicas(), 1, 7);
        var mongo = c.integer("mongodbReplicas", 3, 1, 7);
        if (mongo % 2 == 0) {
            c.error("mongodbReplicas", mongo + " is even (a replica set needs a majority)", "an odd number: 1, 3, 5, 7 (at least 3 in prod)");
        } else if (env.isProd() && mongo < 3) {
            c.error("mongodbReplicas", mongo + " cannot survive losing a member in production", "an odd number of at least 3 in prod");
        }
        var storageClass = c.string("storageClass", "gp3-encrypted", "a StorageClass name");
        var storage = c.integer("storageGb", 10, 1, 16384);
        var imageAllowed = "an image pinned to a version tag or digest (not latest)";
        var sparkImage = CommonKeys.image(c, "sparkImage", enabled, imageAllowed);
        var apiImage = CommonKeys.image(c, "apiImage", enabled, imageAllowed);
        var hostAllowed = "a DNS host name such as api.example.com";
        var host = enabled ? c.requiredString("apiHost", hostAllowed) : c.string("apiHost", "", hostAllowed);
        if (!host.isEmpty() && !host.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            c.error("apiHost", "\"" + host + "\" is not a host name", hostAllowed);
        }
        var tls = c.optionalString("tlsSecretName", "a Secret of type kubernetes.io/tls");
        var issuer = c.optionalString("certIssuer", "a cert-manager ClusterIssuer name");
        if (tls.isPresent() && issuer.isPresent()) {
            c.error("certIssuer", "is set together with tlsSecretName", "one of tlsSecretName or certIssuer");
        }
        var min = c.integer("minReplicas", 1, 0, 100);
        var max = c.integer("maxReplicas", 10, 1, 100);
        if (min > max) {
            c.error("minReplicas", min + " is greater than maxReplicas " + max, "minReplicas <= maxReplicas");
        }
        var queue = c.string("queueName", "data-stream", "a RabbitMQ queue name");
        var messages = c.integer("messagesPerReplica", 10, 1, 100000);
        var cpu = c.integer("cpuPercent", 70, 1, 100);
        var memory = c.integer("memoryPercent", 80, 1, 100);
        c.rejectUnknownKeys();
        if (enabled) {
            for (var key : SECRET_KEYS) {
                root.requiredString(key, "a secret: pulumi config set --secret container-platform:" + key + " <value>");
            }
        } else {
            SECRET_KEYS.forEach(root::has);
        }
        var webhookAllowed = "a secret HTTPS URL: pulumi config set --secret container-platform:" + ALERT_WEBHOOK_KEY + " https://...";
        if (!root.has(ALERT_WEBHOOK_KEY) && enabled && env.isProd()) {
            root.error(ALERT_WEBHOOK_KEY, "missing (in prod the pipeline's alerts must reach someone)", webhookAllowed);
        }
        return new PipelineConfig(enabled, namespace, rabbit, mongo, storageClass, storage, sparkImage, apiImage, host, tls, issuer,
                min, max, queue, messages, cpu, memory);
    }

    /** The component arguments; secrets come from Pulumi config as secret outputs, provider and VPC from the program. */
    public PipelineArgs.Builder toArgs(Environment env, com.pulumi.Config config) {
        return PipelineArgs.builder()
                .namespace(namespace)
                .rabbitmqReplicas(rabbitmqReplicas)
                .mongodbReplicas(mongodbReplicas)
                .storageClass(storageClass)
                .storageGb(storageGb)
                .sparkImage(sparkImage)
                .apiImage(apiImage)
                .apiHost(apiHost)
                .tlsSecretName(tlsSecretName.orElse(null))
                .certIssuer(certIssuer.orElse(null))
                .minReplicas(minReplicas)
                .maxReplicas(maxReplicas)
                .queueName(queueName)
                .messagesPerReplica(messagesPerReplica)
                .cpuPercent(cpuPercent)
                .memoryPercent(memoryPercent)
                .rabbitmqPassword(config.requireSecret("rabbitmqPassword"))
                .mongodbPassword(config.requireSecret("mongodbPassword"))
                .mongodbReplicaSetKey(config.requireSecret("mongodbReplicaSetKey"))
                .grafanaAdminPassword(config.requireSecret("grafanaAdminPassword"))
                .alertWebhookUrl(config.get(ALERT_WEBHOOK_KEY).isPresent() ? config.requireSecret(ALERT_WEBHOOK_KEY) : null)
                .production(env.isProd());
    }
}
