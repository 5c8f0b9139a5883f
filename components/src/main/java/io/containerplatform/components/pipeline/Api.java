package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * The Swagger API ({@code workloads/api}): Deployment with {@code /health} and {@code /ready} probes, connecting to
 * MongoDB as its own user (it reads, and creates its indexes: {@link MongoDb#API_ROLE}); Service, PDB and an Ingress
 * served by the AWS Load Balancer Controller: HTTPS with an ACM certificate ({@link ApiDomain}), only from
 * {@code apiAllowedCidrs} when set, routing only the API's paths.
 */
final class Api {

    static final String APP = "swagger-api";
    static final int PORT = 8000;
    /** The paths the Ingress routes, with their path types: the API's routes, its OpenAPI document and Swagger UI. */
    static final List<Map.Entry<String, String>> PUBLIC_PATHS = List.of(Map.entry("/data", "Prefix"), Map.entry("/aggregates", "Exact"),
            Map.entry("/openapi.json", "Exact"), Map.entry("/docs", "Prefix"));

    private Api() {
    }

    /** Declares the API; its Deployment waits for {@code store} (MongoDB ready, the API's user set), as the processor's does. */
    static void declare(Kube kube, PipelineArgs args, com.pulumi.resources.Resource store) {
        var ns = kube.namespace();
        var container = obj(
                "name", APP,
                "image", args.apiImage(),
                "ports", List.of(obj("name", "http", "containerPort", PORT)),
                "env", List.of(
                        Pods.secretEnv("MONGODB_URI", DataPipelineComponent.SECRET, MongoDb.uriKey(MongoDb.API_USER)),
                        Pods.env("PORT", String.valueOf(PORT)),
                        Tls.caEnv()),
                "volumeMounts", List.of(obj("name", "tmp", "mountPath", "/tmp"), Tls.mount()),
                // the heap: the image's -XX:MaxRAMPercentage=75 of this memory limit (docker/api/Dockerfile, the one source)
                "resources", Pods.resources("100m", "256Mi", "512Mi"),
                "readinessProbe", Pods.httpProbe("/ready", PORT, 5),
                "livenessProbe", Pods.httpProbe("/health", PORT, 20),
                "securityContext", Pods.containerSecurity(true));
        // A rotated MongoDB password rolls the API too: the new pods wait until the reconcile Job has set it.
        kube.apply("swagger-api", Manifest.withSpec("apps/v1", "Deployment", metadata(APP, ns, APP), MongoDb.credentialsHash(args)
                .applyValue(credentials -> RolloutGuard.guarded(obj(
                "replicas", 2,
                "selector", Pods.selector(APP),
                "template", obj("metadata", obj("labels", Pods.labels(APP), "annotations", obj(MongoDb.CREDENTIALS_HASH, credentials)),
                        "spec", obj(
                        "securityContext", Pods.podSecurity(Pods.WORKLOAD_UID),
                        "initContainers", List.of(MongoDb.waitFor(MongoDb.API_USER)),
                        "containers", List.of(container),
                        "volumes", List.of(obj("name", "tmp", "emptyDir", obj()), Tls.caVolume()))))))), List.of(store));
        kube.apply("swagger-api-service", Manifest.withSpec("v1", "Service", metadata(APP, ns, APP), obj(
                "type", "ClusterIP", "selector", Pods.labels(APP),
                "ports", List.of(obj("name", "http", "port", PORT, "targetPort", PORT, "protocol", "TCP")))));
        kube.apply("swagger-api-pdb", Manifest.withSpec("policy/v1", "PodDisruptionBudget", metadata(APP, ns, APP),
                Pods.disruptionBudget(APP, "minAvailable", 1)));

        var certificate = ApiDomain.certificateArn(kube, args);
        var annotations = obj(
                "alb.ingress.kubernetes.io/scheme", "internet-facing",
                "alb.ingress.kubernetes.io/target-type", "ip",
                "alb.ingress.kubernetes.io/healthcheck-path", "/health",
                "alb.ingress.kubernetes.io/listen-ports", certificate.isPresent() ? "[{\"HTTP\": 80}, {\"HTTPS\": 443}]" : "[{\"HTTP\": 80}]");
        if (!args.apiAllowedCidrs().isEmpty()) {
            annotations.put("alb.ingress.kubernetes.io/inbound-cidrs", String.join(",", args.apiAllowedCidrs()));
        }
        if (certificate.isPresent()) {
            annotations.put("alb.ingress.kubernetes.io/ssl-redirect", "443");
            annotations.put("alb.ingress.kubernetes.io/ssl-policy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
        }
        var metadata = certificate.orElse(Output.of("")).applyValue(arn -> {
            var withCertificate = new java.util.LinkedHashMap<>(annotations);
            if (!arn.isEmpty()) {
                withCertificate.put("alb.ingress.kubernetes.io/certificate-arn", arn);
            }
            var m = metadata(APP, ns, APP);
            m.put("annotations", withCertificate);
            return m;
        });
        // Only the API's own paths: /metrics, /health and /ready are not routed (the load balancer answers 404); Prometheus
        // scrapes /metrics from the monitoring namespace and the load balancer checks /health on the pods directly.
        var spec = obj(
                "ingressClassName", args.ingressClass(),
                "rules", List.of(obj("host", args.apiHost(), "http", obj("paths", PUBLIC_PATHS.stream().map(path -> obj(
                        "path", path.getKey(), "pathType", path.getValue(),
                        "backend", obj("service", obj("name", APP, "port", obj("number", PORT))))).toList()))));
        var ingress = kube.ingress("swagger-api-ingress", new Manifest("networking.k8s.io/v1", "Ingress", metadata, Output.of(spec),
                null, null, null, null, null, null), List.of());
        ApiDomain.alias(kube, args, ingress);
    }
}
