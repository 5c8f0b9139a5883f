package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.eks.Irsa;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * Prometheus and Grafana (kube-prometheus-stack, Grafana's admin from a Secret), ServiceMonitors for RabbitMQ,
 * the API and Spark, and alerts on queue backlog, pod restarts and unavailable replicas; Alertmanager publishes them to
 * the stack's alert destination through an SNS topic ({@link AlertTopic}).
 */
final class Monitoring {

    static final String RELEASE = "kube-prometheus-stack";
    /** How long Prometheus keeps metrics. */
    static final String RETENTION = "15d";
    /** The share of Prometheus' volume its blocks may fill before the oldest go (room left for the WAL and compaction). */
    static final int RETENTION_SIZE_PERCENT = 80;
    /** Alertmanager's volume in production, GiB: its silences and notification log (a few MB) survive a restart. */
    static final int ALERTMANAGER_STORAGE_GB = 1;
    /**
     * The chart's scrapes (and with them its rules) of what EKS runs out of reach, in the control plane AWS manages
     * (kube-controller-manager, kube-scheduler, etcd) or bound to the node's loopback (kube-proxy's metrics on
     * 127.0.0.1:10249): scraped, their targets would be down forever and KubeControllerManagerDown, KubeSchedulerDown,
     * KubeProxyDown and the etcd alerts would fire for good.
     */
    static final List<String> UNREACHABLE_ON_EKS = List.of("kubeControllerManager", "kubeScheduler", "kubeEtcd", "kubeProxy");
    /** The chart's default rule groups about those components ({@code defaultRules.rules.*} of kube-prometheus-stack 65.1.1). */
    static final List<String> RULES_UNREACHABLE_ON_EKS = List.of("etcd", "kubeControllerManager", "kubeProxy", "kubeSchedulerAlerting",
            "kubeSchedulerRecording");
    /** The subject of Alertmanager's SNS messages (a Go template Alertmanager renders; the chart leaves it alone). */
    static final String ALERT_SUBJECT = "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} in {{ .CommonLabels.namespace }}";
    /** Ready messages that count as a backlog. */
    static final int BACKLOG_MESSAGES = 1000;

    private Monitoring() {
    }

    /**
     * The stack in {@code monitoring}; returns the Helm release (the ServiceMonitor and PrometheusRule CRDs come
     * with it). Alertmanager routes every alert but its Watchdog to {@code alerts}' topic when there is one.
     */
    static Release install(Kube kube, PipelineArgs args, Optional<AlertTopic> alerts) {
        var grafanaPassword = args.grafanaAdminPassword();
        var monitoring = DataPipelineComponent.MONITORING;
        var namespace = kube.apply("monitoring-namespace", Manifest.metadataOnly("v1", "Namespace", obj("name", monitoring,
                "labels", obj("pod-security.kubernetes.io/enforce", "privileged"))), List.of());
        var admin = kube.apply("grafana-admin", Manifest.secret(obj("name", "grafana-admin", "namespace", monitoring),
                grafanaPassword.applyValue(p -> Map.of("admin-user", "admin", "admin-password", p))), List.of(namespace));
        var values = alerts.map(topic -> Output.tuple(topic.topicArn(), topic.roleArn())
                        .applyValue(t -> chartValues(args, Optional.of(new Publisher(t.t1, t.t2)))))
                .orElse(Output.of(chartValues(args, Optional.empty())));
        return new Release(kube.prefix() + "-monitoring", ReleaseArgs.builder()
                .name(RELEASE)
                .chart(RELEASE)
                .version(args.charts().kubePrometheusStack())
                .namespace(monitoring)
                .repositoryOpts(RepositoryOptsArgs.builder().repo("https://prometheus-community.github.io/helm-charts").build())
                .values(values)
                .atomic(true)
                .cleanupOnFail(true)
                .build(), CustomResourceOptions.builder().parent(kube.parent()).dependsOn(kube.gated(List.of(admin))).build());
    }

    /**
     * The chart's values: Grafana's admin from its Secret and dashboards from ConfigMaps of {@code monitoring}; every
     * ServiceMonitor and PrometheusRule selected; no scrape or default rule of what EKS keeps out of reach
     * ({@link #UNREACHABLE_ON_EKS}); in production, Prometheus and Alertmanager on volumes of the pipeline's StorageClass
     * (metrics kept {@link #RETENTION} or until {@link #RETENTION_SIZE_PERCENT} % of the volume) and on the stateful
     * nodes ({@link Pods#statefulNodes}), elsewhere in the pod;
     * Alertmanager's routes and the role of its service account when it has a {@code publisher}.
     */
    static Map<String, Object> chartValues(PipelineArgs args, Optional<Publisher> publisher) {
        var prometheus = obj(
                "serviceMonitorSelectorNilUsesHelmValues", false,
                "ruleSelectorNilUsesHelmValues", false,
                "retention", RETENTION);
        var alertmanager = obj();
        if (args.production()) {
            prometheus.put("retentionSize", args.prometheusStorageGb() * RETENTION_SIZE_PERCENT / 100 + "GB");
            prometheus.put("storageSpec", volume(args.storageClass(), args.prometheusStorageGb()));
            // on their volumes' zone's group, as the brokers are: a node brought back elsewhere could not attach them
            prometheus.put("affinity", obj("nodeAffinity", Pods.statefulNodes(true)));
            alertmanager.put("alertmanagerSpec", obj("storage", volume(args.storageClass(), ALERTMANAGER_STORAGE_GB),
                    "affinity", obj("nodeAffinity", Pods.statefulNodes(true))));
        }
        publisher.ifPresent(p -> {
            alertmanager.put("serviceAccount", obj("name", AlertTopic.SERVICE_ACCOUNT, "annotations", obj(Irsa.ROLE_ANNOTATION, p.roleArn())));
            alertmanager.put("config", alertmanagerConfig(p.topicArn()));
        });
        var rules = obj();
        RULES_UNREACHABLE_ON_EKS.forEach(group -> rules.put(group, false));
        var values = obj(
                "grafana", obj("admin", obj("existingSecret", "grafana-admin", "userKey", "admin-user", "passwordKey", "admin-password"),
                        "sidecar", obj("dashboards", obj("enabled", true, "label", Dashboards.LABEL, "labelValue", Dashboards.LABEL_VALUE,
                                "searchNamespace", DataPipelineComponent.MONITORING))),
                "defaultRules", obj("rules", rules),
                "prometheus", obj("prometheusSpec", prometheus));
        UNREACHABLE_ON_EKS.forEach(component -> values.put(component, obj("enabled", false)));
        if (!alertmanager.isEmpty()) {
            values.put("alertmanager", alertmanager);
        }
        return values;
    }

    /** A volume claim template for the operator's StatefulSets ({@code storageSpec} of Prometheus and Alertmanager). */
    private static Map<String, Object> volume(String storageClass, int gib) {
        return obj("volumeClaimTemplate", obj("spec", obj("storageClassName", storageClass, "accessModes", List.of("ReadWriteOnce"),
                "resources", obj("requests", obj("storage", gib + "Gi")))));
    }

    /** The alert topic's ARN and the IRSA role Alertmanager's service account publishes to it with. */
    record Publisher(String topicArn, String roleArn) {
    }

    /**
     * Alertmanager's configuration: every alert to the stack's alert topic (resolved ones too; signed with SigV4 in the
     * topic's region, with the credentials IRSA gives the pod), grouped by alert and namespace, under a short subject (an
     * email's subject line; Alertmanager truncates subjects to SNS's 100 characters); the chart's always-firing Watchdog
     * to a receiver that drops it.
     */
    static Map<String, Object> alertmanagerConfig(String topicArn) {
        var region = topicArn.split(":")[3];
        return obj(
                "route", obj("receiver", "stack-alerts", "group_by", List.of("alertname", "namespace"),
                        "group_wait", "30s", "group_interval", "5m", "repeat_interval", "4h",
                        "routes", List.of(obj("receiver", "null", "matchers", List.of("alertname = \"Watchdog\"")))),
                "receivers", List.of(obj("name", "null"),
                        obj("name", "stack-alerts", "sns_configs", List.of(obj("topic_arn", topicArn, "sigv4", obj("region", region),
                                "subject", ALERT_SUBJECT, "send_resolved", true)))));
    }

    /**
     * ServiceMonitors for RabbitMQ (its aggregated metrics, and per queue from {@code /metrics/detailed}), the API,
     * the processors, MongoDB's exporter and KEDA's operator; the pipeline's alerts; its Grafana dashboards.
     */
    static void declare(Kube kube, PipelineArgs args, Resource stack, Resource keda) {
        var ns = kube.namespace();
        monitor(kube, stack, RabbitMq.APP, endpoint("prometheus", "/metrics"),
                obj("port", "prometheus", "path", "/metrics/detailed", "params", obj("family", List.of("queue_coarse_metrics")), "interval", "30s"));
        monitor(kube, stack, Api.APP, endpoint("http", "/metrics"));
        monitor(kube, stack, Processor.APP, endpoint("metrics", "/metrics"));
        monitor(kube, stack, MongoDb.APP, endpoint("metrics", "/metrics"));
        // KEDA's operator (its chart's prometheus.operator.enabled adds the port "metrics" to its Service).
        kube.apply("servicemonitor-keda-operator", Manifest.withSpec("monitoring.coreos.com/v1", "ServiceMonitor",
                obj("name", "keda-operator", "namespace", DataPipelineComponent.KEDA, "labels", Pods.labels("keda-operator")), obj(
                        "selector", obj("matchLabels", obj("app.kubernetes.io/name", "keda-operator")),
                        "namespaceSelector", obj("matchNames", List.of(DataPipelineComponent.KEDA)),
                        "endpoints", List.of(endpoint("metrics", "/metrics")))), List.of(stack, keda));
        var rules = List.of(
                rule("RabbitMQQueueBacklog", "sum by (queue) (rabbitmq_detailed_queue_messages_ready) > " + BACKLOG_MESSAGES, "10m", "warning",
                        "Queue {{ $labels.queue }} has more than " + BACKLOG_MESSAGES + " ready messages: the processors do not keep up."),
                rule("PipelinePodRestarting", "increase(kube_pod_container_status_restarts_total{namespace=\"" + ns + "\"}[15m]) > 3", "0m",
                        "warning", "{{ $labels.pod }} restarted more than 3 times in 15 minutes."),
                rule("PipelineDeploymentReplicasUnavailable", "kube_deployment_status_replicas_unavailable{namespace=\"" + ns + "\"} > 0",
                        "10m", "critical", "Deployment {{ $labels.deployment }} has unavailable replicas."),
                rule("PipelineStatefulSetReplicasUnavailable", "kube_statefulset_status_replicas{namespace=\"" + ns + "\"} - "
                        + "kube_statefulset_status_replicas_ready{namespace=\"" + ns + "\"} > 0", "10m", "critical",
                        "StatefulSet {{ $labels.statefulset }} has replicas that are not ready."));
        kube.apply("pipeline-alerts", Manifest.withSpec("monitoring.coreos.com/v1", "PrometheusRule",
                metadata("data-pipeline-alerts", ns, "data-pipeline"), obj("groups", List.of(obj("name", "data-pipeline", "rules", rules)))),
                List.of(stack));
        Dashboards.declare(kube, args, stack);
    }

    private static Map<String, Object> endpoint(String port, String path) {
        return obj("port", port, "path", path, "interval", "30s");
    }

    @SafeVarargs
    private static void monitor(Kube kube, Resource stack, String app, Map<String, Object>... endpoints) {
        kube.apply("servicemonitor-" + app, Manifest.withSpec("monitoring.coreos.com/v1", "ServiceMonitor",
                metadata(app, kube.namespace(), app), obj(
                        "selector", Pods.selector(app),
                        "namespaceSelector", obj("matchNames", List.of(kube.namespace())),
                        "endpoints", List.of(endpoints))), List.of(stack));
    }

    private static Map<String, Object> rule(String alert, String expr, String forDuration, String severity, String summary) {
        return obj("alert", alert, "expr", expr, "for", forDuration, "labels", obj("severity", severity),
                "annotations", obj("summary", summary));
    }
}
