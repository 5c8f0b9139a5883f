package io.containerplatform.components.pipeline;

import io.containerplatform.components.kubernetes.Manifest;

import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * RabbitMQ as a StatefulSet clustered by Kubernetes peer discovery (with the RBAC it needs), a headless and a
 * client Service (5671 AMQP over TLS only, no plain AMQP listener; 15672 management, 15692 Prometheus), its configuration,
 * volumes, probes and PDB. Its certificate is {@link Tls#RABBITMQ_SECRET}, reread after a renewal by the {@code tls-reload}
 * sidecar ({@code ssl:clear_pem_cache()}: Erlang's TLS keeps the PEM files it read in a cache).
 * Its users, permissions and quorum queues are definitions it imports at every boot ({@link RabbitMqUsers}); a
 * change of password changes the pods' checksum annotation, which rolls the nodes one at a time.
 */
final class RabbitMq {

    static final String APP = "rabbitmq";
    static final String IMAGE = "rabbitmq:3.13.7-management";
    static final int UID = 999;
    /** The headless Service that gives each node its DNS name. */
    static final String HEADLESS = "rabbitmq-headless";
    /** The container's memory limit, MiB. */
    static final int MEMORY_LIMIT_MIB = 1024;
    /**
     * The largest message the broker accepts, bytes (1 MiB; RabbitMQ's own default is 128 MiB): a publisher's larger
     * message is refused (channel error 406) before it reaches the queue, and the processor never has to hold one.
     */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    /** Where the definitions Secret is mounted. */
    static final String DEFINITIONS_DIR = "/etc/rabbitmq-definitions";
    /** The pod annotation that changes with the definitions. */
    static final String CHECKSUM_ANNOTATION = "checksum/definitions";

    private RabbitMq() {
    }

    /** Declares the broker after {@code certificate} (its server certificate); returns its StatefulSet. */
    static Resource declare(Kube kube, PipelineArgs args, Resource certificate) {
        var ns = kube.namespace();
        var secrets = RabbitMqUsers.secrets(args);
        // the StatefulSet waits for it: a rotation updates the definitions before the nodes restart to import them
        var serverSecret = kube.apply("rabbitmq-server-secret", Manifest.secret(metadata(RabbitMqUsers.SERVER_SECRET, ns, APP),
                secrets.applyValue(s -> s.get(RabbitMqUsers.SERVER_SECRET))));
        for (var user : RabbitMqUsers.users(args)) {
            kube.apply(user.secret() + "-secret", Manifest.secret(metadata(user.secret(), ns, APP), secrets.applyValue(s -> s.get(user.secret()))));
        }
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
                        // queues in the definitions are imported once every node is up: quorum queues then span them all
                        "cluster_formation.target_cluster_size_hint = " + args.rabbitmqReplicas(),
                        // a quorum queue declared while fewer nodes ran (by an app, or its definitions imported by a node
                        // that booted before the others were running) grows to every node, within 10 s of one coming up
                        "quorum_queue.continuous_membership_reconciliation.enabled = true",
                        "quorum_queue.continuous_membership_reconciliation.target_group_size = " + args.rabbitmqReplicas(),
                        "cluster_partition_handling = autoheal",
                        "queue_master_locator = min-masters",
                        "load_definitions = " + DEFINITIONS_DIR + "/" + RabbitMqUsers.DEFINITIONS,
                        "vm_memory_high_watermark.absolute = " + memoryWatermark(MEMORY_LIMIT_MIB),
                        "max_message_size = " + MAX_MESSAGE_BYTES,
                        "prometheus.tcp.port = 15692",
                        "listeners.tcp = none",
                        "listeners.ssl.default = " + Tls.AMQPS_PORT,
                        "ssl_options.cacertfile = " + Tls.CA_FILE,
                        "ssl_options.certfile = " + Tls.DIR + "/tls.crt",
                        "ssl_options.keyfile = " + Tls.DIR + "/tls.key",
                        // clients authenticate with their passwords, over TLS; they verify the broker's certificate
                        "ssl_options.verify = verify_none",
                        "ssl_options.fail_if_no_peer_cert = false",
                        "ssl_options.versions.1 = tlsv1.3",
                        "ssl_options.versions.2 = tlsv1.2",
                        ""))));
        var ports = List.of(port("amqps", Tls.AMQPS_PORT), port("management", 15672), port("prometheus", 15692));
        kube.apply("rabbitmq-headless", Manifest.withSpec("v1", "Service", metadata(HEADLESS, ns, APP), obj(
                "clusterIP", "None", "publishNotReadyAddresses", true, "selector", Pods.labels(APP),
                "ports", List.of(port("epmd", 4369), port("cluster", 25672), port("amqps", Tls.AMQPS_PORT)))));
        kube.apply("rabbitmq-service", Manifest.withSpec("v1", "Service", metadata(APP, ns, APP), obj(
                "type", "ClusterIP", "selector", Pods.labels(APP), "ports", ports)));

        var env = List.of(
                Pods.env("RABBITMQ_USE_LONGNAME", "true"),
                obj("name", "MY_POD_NAME", "valueFrom", obj("fieldRef", obj("fieldPath", "metadata.name"))),
                Pods.env("RABBITMQ_NODENAME", "rabbit@$(MY_POD_NAME)" + hostnameSuffix(ns)),
                Pods.env("K8S_SERVICE_NAME", HEADLESS),
                Pods.secretEnv("RABBITMQ_ERLANG_COOKIE", RabbitMqUsers.SERVER_SECRET, "erlang-cookie"));
        var container = obj(
                "name", APP,
                "image", IMAGE,
                "ports", List.of(obj("name", "amqps", "containerPort", Tls.AMQPS_PORT), obj("name", "management", "containerPort", 15672),
                        obj("name", "prometheus", "containerPort", 15692), obj("name", "epmd", "containerPort", 4369),
                        obj("name", "cluster", "containerPort", 25672)),
                "env", env,
                "volumeMounts", List.of(obj("name", "data", "mountPath", "/var/lib/rabbitmq"),
                        obj("name", "config", "mountPath", "/etc/rabbitmq"), Tls.mount(),
                        obj("name", "definitions", "mountPath", DEFINITIONS_DIR, "readOnly", true)),
                "resources", Pods.resources("250m", "512Mi", MEMORY_LIMIT_MIB + "Mi"),
                "readinessProbe", Pods.execProbe(List.of("rabbitmq-diagnostics", "-q", "check_port_connectivity"), 20, 15),
                "livenessProbe", Pods.execProbe(List.of("rabbitmq-diagnostics", "-q", "status"), 60, 30),
                "securityContext", Pods.containerSecurity(false));
        var statefulSet = RabbitMqUsers.checksum(secrets).applyValue(checksum -> obj(
                "serviceName", HEADLESS,
                "replicas", args.rabbitmqReplicas(),
                "podManagementPolicy", "Parallel",
                "selector", Pods.selector(APP),
                "template", obj("metadata", obj("labels", Pods.labels(APP), "annotations", obj(CHECKSUM_ANNOTATION, checksum)), "spec", obj(
                        "serviceAccountName", APP,
                        "terminationGracePeriodSeconds", 60,
                        "securityContext", Pods.podSecurity(UID),
                        "affinity", Pods.spread(APP, args.production()), "topologySpreadConstraints", Pods.zoneSpread(APP, args.production()),
                        "containers", List.of(container, Tls.reloader(IMAGE, "rabbitmqctl -q eval 'ssl:clear_pem_cache().'", env, List.of(), false)),
                        "volumes", List.of(obj("name", "config", "configMap", obj("name", "rabbitmq-config")),
                                Tls.volume(Tls.RABBITMQ_SECRET, "tls.crt", "tls.key", "ca.crt"),
                                obj("name", "definitions", "secret", obj("secretName", RabbitMqUsers.SERVER_SECRET, "defaultMode", 0440,
                                        "items", List.of(obj("key", RabbitMqUsers.DEFINITIONS, "path", RabbitMqUsers.DEFINITIONS))))))),
                "volumeClaimTemplates", List.of(Volumes.claimTemplate(args)),
                "persistentVolumeClaimRetentionPolicy", DataPipelineComponent.retention(args)));
        var set = Volumes.statefulSet(kube, APP, statefulSet, List.of(serverSecret, certificate), args.rabbitmqReplicas(), args);
        kube.apply("rabbitmq-pdb", Manifest.withSpec("policy/v1", "PodDisruptionBudget", metadata(APP, ns, APP),
                Pods.disruptionBudget(APP, "maxUnavailable", 1)));
        return set;
    }

    /**
     * The memory high watermark, bytes, for a container limited to {@code limitMib}: 60 % of the limit, so that flow
     * control blocks publishers well before the kernel kills the container. RabbitMQ 3.13's default share is 40 % and
     * 4.0's 60 % ({@code vm_memory_high_watermark} in {@code deps/rabbit/Makefile} at v3.13.7 and v4.0.0), but of the
     * memory the node sees (the host's), not of the container's limit: hence an absolute value.
     */
    static long memoryWatermark(int limitMib) {
        return limitMib * 1024L * 1024L * 3 / 5;
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
