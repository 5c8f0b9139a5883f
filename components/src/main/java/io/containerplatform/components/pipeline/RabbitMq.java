package io.containerplatform.components.pipeline;

import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * RabbitMQ as a StatefulSet clustered by Kubernetes peer discovery (with the RBAC it needs), a headless and a
 * client Service (5672 AMQP, 15672 management, 15692 Prometheus), its configuration, volumes, probes and PDB.
 */
final class RabbitMq {

    static final String APP = "rabbitmq";
    static final String IMAGE = "rabbitmq:3.13.7-management";
    static final int UID = 999;
    /** The headless Service that gives each node its DNS name. */
    static final String HEADLESS = "rabbitmq-headless";

    private RabbitMq() {
    }

    static void declare(Kube kube, PipelineArgs args) {
        var ns = kube.namespace();
        kube.apply("rabbitmq-sa", Manifest.metadataOnly("v1", "ServiceAccount", metadata(APP, ns, APP)));
        kube.apply("rabbitmq-peer-discovery", Manifest.role(metadata("rabbitmq-peer-discovery", ns, APP),
                List.of(obj("apiGroups", List.of(""), "resources", List.of("endpoints"), "verbs", List.of("get")),
                        obj("apiGroups", List.of(""), "resources", List.of("events"), "verbs", List.of("create")))));
        kube.apply("rabbitmq-peer-discovery-binding", Manifest.roleBinding(metadata("rabbitmq-peer-discovery", ns, APP),
                "rabbitmq-peer-discovery", APP, ns));
        kube.apply("rabbitmq-config", Manifest.configMap(metadata("rabbitmq-config", ns, APP), Map.of(
                "enabled_plugins", "[rabbitmq_management,rabbitmq_peer_discovery_k8s,rabbitmq_prometheus].\n",
                "rabbitmq.conf", String.join("\n",
                        "cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s",
                        "cluster_formation.k8s.host = kubernetes.default.svc.cluster.local",
                        "cluster_formation.k8s.address_type = hostname",
                        "cluster_formation.k8s.service_name = " + HEADLESS,
                        "cluster_formation.k8s.hostname_suffix = " + hostnameSuffix(ns),
                        "cluster_formation.node_cleanup.only_log_warning = true",
                        "cluster_partition_handling = autoheal",
                        "queue_master_locator = min-masters",
                        "loopback_users.guest = false",
                        "vm_memory_high_watermark.relative = 0.6",
                        "prometheus.tcp.port = 15692",
                        ""))));
        var ports = List.of(port("amqp", 5672), port("management", 15672), port("prometheus", 15692));
        kube.apply("rabbitmq-headless", Manifest.withSpec("v1", "Service", metadata(HEADLESS, ns, APP), obj(
                "clusterIP", "None", "publishNotReadyAddresses", true, "selector", Pods.labels(APP),
                "ports", List.of(port("epmd", 4369), port("cluster", 25672), port("amqp", 5672)))));
        kube.apply("rabbitmq-service", Manifest.withSpec("v1", "Service", metadata(APP, ns, APP), obj(
                "type", "ClusterIP", "selector", Pods.labels(APP), "ports", ports)));

        var container = obj(
                "name", APP,
                "image", IMAGE,
                "ports", List.of(obj("name", "amqp", "containerPort", 5672), obj("name", "management", "containerPort", 15672),
                        obj("name", "prometheus", "containerPort", 15692), obj("name", "epmd", "containerPort", 4369),
                        obj("name", "cluster", "containerPort", 25672)),
                "env", List.of(
                        Pods.env("RABBITMQ_USE_LONGNAME", "true"),
                        obj("name", "MY_POD_NAME", "valueFrom", obj("fieldRef", obj("fieldPath", "metadata.name"))),
                        Pods.env("RABBITMQ_NODENAME", "rabbit@$(MY_POD_NAME)" + hostnameSuffix(ns)),
                        Pods.env("K8S_SERVICE_NAME", HEADLESS),
                        Pods.secretEnv("RABBITMQ_DEFAULT_USER", DataPipelineComponent.SECRET, "rabbitmq-user"),
                        Pods.secretEnv("RABBITMQ_DEFAULT_PASS", DataPipelineComponent.SECRET, "rabbitmq-password"),
                        Pods.secretEnv("RABBITMQ_ERLANG_COOKIE", DataPipelineComponent.SECRET, "rabbitmq-erlang-cookie")),
                "volumeMounts", List.of(obj("name", "data", "mountPath", "/var/lib/rabbitmq"),
                        obj("name", "config", "mountPath", "/etc/rabbitmq")),
                "resources", Pods.resources("250m", "512Mi", "1Gi"),
                "readinessProbe", Pods.execProbe(List.of("rabbitmq-diagnostics", "-q", "check_port_connectivity"), 20, 15),
                "livenessProbe", Pods.execProbe(List.of("rabbitmq-diagnostics", "-q", "status"), 60, 30),
                "securityContext", Pods.containerSecurity(false));
        var statefulSet = obj(
                "serviceName", HEADLESS,
                "replicas", args.rabbitmqReplicas(),
                "podManagementPolicy", "Parallel",
                "selector", Pods.selector(APP),
                "template", obj("metadata", obj("labels", Pods.labels(APP)), "spec", obj(
                        "serviceAccountName", APP,
                        "terminationGracePeriodSeconds", 60,
                        "securityContext", Pods.podSecurity(UID),
                        "affinity", Pods.spread(APP, args.production()), "topologySpreadConstraints", Pods.zoneSpread(APP, args.production()),
                        "containers", List.of(container),
                        "volumes", List.of(obj("name", "config", "configMap", obj("name", "rabbitmq-config"))))),
                "volumeClaimTemplates", List.of(Volumes.claimTemplate(args)),
                "persistentVolumeClaimRetentionPolicy", DataPipelineComponent.retention(args));
        Volumes.statefulSet(kube, APP, statefulSet, args.rabbitmqReplicas(), args);
        kube.apply("rabbitmq-pdb", Manifest.withSpec("policy/v1", "PodDisruptionBudget", metadata(APP, ns, APP),
                Pods.disruptionBudget(APP, "maxUnavailable", 1)));
    }

    /**
     * What peer discovery appends to the host names it reads from the headless Service's endpoints (the pod
     * names): {@code .rabbitmq-headless.<ns>.svc.cluster.local}, so that peers are
     * {@code rabbit@rabbitmq-<i>.rabbitmq-headless.<ns>.svc.cluster.local}, each node's own {@code RABBITMQ_NODENAME}.
     * Without it the nodes look for {@code rabbit@rabbitmq-<i>}, never find each other and each forms its own cluster.
     */
    static String hostnameSuffix(String namespace) {
        return "." + HEADLESS + "." + namespace + ".svc.cluster.local";
    }

    private static Map<String, Object> port(String name, int port) {
        return obj("name", name, "port", port, "targetPort", port, "protocol", "TCP");
    }
}
