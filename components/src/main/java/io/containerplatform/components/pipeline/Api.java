package io.containerplatform.components.pipeline;

import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * The Swagger API ({@code workloads/api}): Deployment with {@code /health} and {@code /ready} probes, connecting to
 * MongoDB as a read-only user; Service, PDB and an Ingress served by the AWS Load Balancer Controller.
 */
final class Api {

    static final String APP = "swagger-api";
    static final int PORT = 8000;

    private Api() {
    }

    static void declare(Kube kube, PipelineArgs args) {
        var ns = kube.namespace();
        var container = obj(
                "name", APP,
                "image", args.apiImage(),
                "ports", List.of(obj("name", "http", "containerPort", PORT)),
                "env", List.of(
                        Pods.secretEnv("MONGODB_URI", DataPipelineComponent.SECRET, MongoDb.uriKey(MongoDb.API_USER)),
                        Pods.env("PORT", String.valueOf(PORT))),
                "volumeMounts", List.of(obj("name", "tmp", "mountPath", "/tmp")),
                "resources", Pods.resources("100m", "256Mi", "512Mi"),
                "readinessProbe", Pods.httpProbe("/ready", PORT, 5),
                "livenessProbe", Pods.httpProbe("/health", PORT, 20),
                "securityContext", Pods.containerSecurity(true));
        kube.apply("swagger-api", Manifest.withSpec("apps/v1", "Deployment", metadata(APP, ns, APP), RolloutGuard.guarded(obj(
                "replicas", 2,
                "selector", Pods.selector(APP),
                "template", obj("metadata", obj("labels", Pods.labels(APP)), "spec", obj(
                        "securityContext", Pods.podSecurity(Pods.WORKLOAD_UID),
                        "containers", List.of(container),
                        "volumes", List.of(obj("name", "tmp", "emptyDir", obj()))))))));
        kube.apply("swagger-api-service", Manifest.withSpec("v1", "Service", metadata(APP, ns, APP), obj(
                "type", "ClusterIP", "selector", Pods.labels(APP),
                "ports", List.of(obj("name", "http", "port", PORT, "targetPort", PORT, "protocol", "TCP")))));
        kube.apply("swagger-api-pdb", Manifest.withSpec("policy/v1", "PodDisruptionBudget", metadata(APP, ns, APP),
                Pods.disruptionBudget(APP, "minAvailable", 1)));

        var https = args.tlsSecretName().isPresent() || args.certIssuer().isPresent();
        var annotations = obj(
                "alb.ingress.kubernetes.io/scheme", "internet-facing",
                "alb.ingress.kubernetes.io/target-type", "ip",
                "alb.ingress.kubernetes.io/healthcheck-path", "/health",
                "alb.ingress.kubernetes.io/listen-ports", https ? "[{\"HTTP\": 80}, {\"HTTPS\": 443}]" : "[{\"HTTP\": 80}]");
        if (https) {
            annotations.put("alb.ingress.kubernetes.io/ssl-redirect", "443");
            annotations.put("alb.ingress.kubernetes.io/ssl-policy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
        }
        args.certIssuer().ifPresent(issuer -> annotations.put("cert-manager.io/cluster-issuer", issuer));
        var metadata = metadata(APP, ns, APP);
        metadata.put("annotations", annotations);
        var spec = obj(
                "ingressClassName", args.ingressClass(),
                "rules", List.of(obj("host", args.apiHost(), "http", obj("paths", List.of(obj(
                        "path", "/", "pathType", "Prefix",
                        "backend", obj("service", obj("name", APP, "port", obj("number", PORT)))))))));
        if (https) {
            spec.put("tls", List.of(obj("hosts", List.of(args.apiHost()),
                    "secretName", args.tlsSecretName().orElse(APP + "-tls"))));
        }
        kube.apply("swagger-api-ingress", Manifest.withSpec("networking.k8s.io/v1", "Ingress", metadata, spec));
    }
}
