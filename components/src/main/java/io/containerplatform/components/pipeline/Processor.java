package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * The Spark processor (RabbitMQ to MongoDB, {@code workloads/processor}) and its KEDA autoscaling: the queue
 * length (10 messages per replica), CPU (70 %) and memory (80 %), fast scale-up (15 s), scale-down after 60 s,
 * 1 to 10 replicas. It connects to RabbitMQ and MongoDB as its own users ({@link RabbitMqUsers#PROCESSOR}; readWrite
 * on the pipeline database), KEDA to RabbitMQ as {@link RabbitMqUsers#KEDA}, and it serves
 * {@code /health}, {@code /ready} and {@code /metrics} on {@value #HTTP_PORT}. All three connect over TLS, trusting the
 * pipeline's CA ({@link Tls}): the processor with {@code TLS_CA_FILE}, KEDA with the TriggerAuthentication's {@code tls}
 * and {@code ca} (the scaler's AMQPS host from the {@code uri}, {@code amqps://...:5671/%2F}).
 */
final class Processor {

    static final String APP = "spark-processor";
    /** The processor's HTTP port: health, readiness and Prometheus metrics. */
    static final int HTTP_PORT = 8080;

    private Processor() {
    }

    /**
     * Declares the processor; its Deployment waits for {@code stores} (the broker and MongoDB ready, its users set), so
     * that Pulumi's readiness wait (10 minutes) starts when the processor can become ready.
     */
    static void declare(Kube kube, PipelineArgs args, com.pulumi.resources.Resource keda, List<com.pulumi.resources.Resource> stores) {
        var ns = kube.namespace();
        kube.apply("spark-processor-sa", Manifest.metadataOnly("v1", "ServiceAccount", metadata(APP, ns, APP)));
        var container = obj(
                "name", APP,
                "image", args.sparkImage(),
                "env", List.of(
                        Pods.env("RABBITMQ_HOST", "rabbitmq." + ns + ".svc.cluster.local"),
                        Pods.env("RABBITMQ_PORT", String.valueOf(Tls.AMQPS_PORT)),
                        Tls.caEnv(),
                        Pods.env("RABBITMQ_QUEUE", args.queueName()),
                        Pods.secretEnv("RABBITMQ_USERNAME", RabbitMqUsers.PROCESSOR_SECRET, "username"),
                        Pods.secretEnv("RABBITMQ_PASSWORD", RabbitMqUsers.PROCESSOR_SECRET, "password"),
                        Pods.secretEnv("MONGODB_URI", DataPipelineComponent.SECRET, MongoDb.uriKey(MongoDb.PROCESSOR_USER)),
                        Pods.env("HTTP_PORT", String.valueOf(HTTP_PORT))),
                "ports", List.of(obj("name", "metrics", "containerPort", HTTP_PORT)),
                "volumeMounts", List.of(obj("name", "tmp", "mountPath", "/tmp"), Tls.mount()),
                // the heap: the image's -XX:MaxRAMPercentage=75 of this memory limit (docker/processor/Dockerfile, the one source)
                "resources", Pods.resources("500m", "1Gi", "2Gi"),
                "readinessProbe", Pods.httpProbe("/ready", HTTP_PORT, 20),
                "livenessProbe", Pods.httpProbe("/health", HTTP_PORT, 60),
                "securityContext", Pods.containerSecurity(true));
        // No replicas: KEDA owns them (an update that set them would scale the Deployment in before KEDA scales it out again).
        // A rotated MongoDB password rolls the processors: the new pods wait until the reconcile Job has set it. So does a
        // rotated RabbitMQ password (the pods read it from their environment, at start): the Deployment is updated once
        // the broker's nodes have rolled and imported the new definitions, as it waits for the StatefulSet.
        kube.apply("spark-processor", Manifest.withSpec("apps/v1", "Deployment", metadata(APP, ns, APP),
                Output.tuple(MongoDb.credentialsHash(args), RabbitMqUsers.checksum(RabbitMqUsers.secrets(args)))
                .applyValue(hashes -> RolloutGuard.guarded(obj(
                "selector", Pods.selector(APP),
                "template", obj("metadata", obj("labels", Pods.labels(APP), "annotations", obj(MongoDb.CREDENTIALS_HASH, hashes.t1,
                                RabbitMq.CHECKSUM_ANNOTATION, hashes.t2)),
                        "spec", obj(
                        "serviceAccountName", APP,
                        "terminationGracePeriodSeconds", 30,
                        "securityContext", Pods.podSecurity(Pods.WORKLOAD_UID),
                        "initContainers", List.of(MongoDb.waitFor(MongoDb.PROCESSOR_USER)),
                        "containers", List.of(container),
                        "volumes", List.of(obj("name", "tmp", "emptyDir", obj()), Tls.caVolume()))))))), stores);
        kube.apply("spark-processor-metrics", Manifest.withSpec("v1", "Service", metadata(APP, ns, APP), obj(
                "selector", Pods.labels(APP), "ports", List.of(obj("name", "metrics", "port", HTTP_PORT, "targetPort", HTTP_PORT)))));

        kube.apply("rabbitmq-trigger-auth", Manifest.withSpec("keda.sh/v1alpha1", "TriggerAuthentication",
                metadata("rabbitmq-trigger-auth", ns, APP), obj("secretTargetRef", List.of(
                        obj("parameter", "host", "name", RabbitMqUsers.KEDA_SECRET, "key", "uri"),
                        obj("parameter", "tls", "name", RabbitMqUsers.KEDA_SECRET, "key", "tls"),
                        obj("parameter", "ca", "name", Tls.CA_SECRET, "key", "ca.crt")))), List.of(keda));
        kube.apply("spark-processor-scaler", Manifest.withSpec("keda.sh/v1alpha1", "ScaledObject", metadata(APP, ns, APP), obj(
                "scaleTargetRef", obj("apiVersion", "apps/v1", "kind", "Deployment", "name", APP),
                "minReplicaCount", args.minReplicas(),
                "maxReplicaCount", args.maxReplicas(),
                "pollingInterval", 15,
                "cooldownPeriod", 60,
                "advanced", obj("horizontalPodAutoscalerConfig", obj("behavior", obj(
                        "scaleUp", obj("stabilizationWindowSeconds", 0, "policies", List.of(
                                obj("type", "Percent", "value", 100, "periodSeconds", 15),
                                obj("type", "Pods", "value", 4, "periodSeconds", 15)), "selectPolicy", "Max"),
                        "scaleDown", obj("stabilizationWindowSeconds", 60, "policies", List.of(
                                obj("type", "Percent", "value", 50, "periodSeconds", 60)))))),
                "triggers", List.of(
                        obj("type", "rabbitmq", "metadata", obj("protocol", "amqp", "queueName", args.queueName(), "mode", "QueueLength",
                                "value", String.valueOf(args.messagesPerReplica())), "authenticationRef", obj("name", "rabbitmq-trigger-auth")),
                        obj("type", "cpu", "metricType", "Utilization", "metadata", obj("value", String.valueOf(args.cpuPercent()))),
                        obj("type", "memory", "metricType", "Utilization", "metadata", obj("value", String.valueOf(args.memoryPercent())))))),
                List.of(keda));
    }
}
