package io.containerplatform.components.pipeline;

import io.containerplatform.components.common.Json;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/**
 * Grafana dashboards as code: one for the pipeline, one for the cluster, each a ConfigMap in {@code monitoring}
 * labelled {@code grafana_dashboard: "1"}, which kube-prometheus-stack's Grafana sidecar loads (its chart values
 * {@code grafana.sidecar.dashboards}, set explicitly by {@link Monitoring#install}). Panels query the chart's
 * Prometheus data source (uid {@value #DATASOURCE_UID}).
 */
final class Dashboards {

    /** The ConfigMap label the Grafana sidecar watches, and its value. */
    static final String LABEL = "grafana_dashboard";
    static final String LABEL_VALUE = "1";
    /** kube-prometheus-stack's Prometheus data source ({@code grafana.sidecar.datasources.uid}). */
    static final String DATASOURCE_UID = "prometheus";
    private static final int WIDTH = 12;
    private static final int HEIGHT = 8;

    private Dashboards() {
    }

    static void declare(Kube kube, PipelineArgs args, com.pulumi.resources.Resource prometheus) {
        for (var dashboard : List.of(pipeline(kube.namespace(), args.queueName()), cluster())) {
            var uid = (String) dashboard.get("uid");
            kube.apply("dashboard-" + uid, Manifest.configMap(obj("name", "grafana-dashboard-" + uid, "namespace", DataPipelineComponent.MONITORING,
                    "labels", obj(LABEL, LABEL_VALUE, "app.kubernetes.io/part-of", "data-pipeline")), Map.of(uid + ".json", Json.write(dashboard))),
                    List.of(prometheus));
        }
    }

    /** Queue and dead-letter depth, processor replicas and KEDA's view, events/s, batches, API, MongoDB. */
    static Map<String, Object> pipeline(String namespace, String queue) {
        var ns = "namespace=\"" + namespace + "\"";
        var deadLetters = queue + ".dlq";
        return dashboard("data-pipeline", "Data pipeline", List.of(
                panel("Queue depth (ready messages)", "short",
                        target("sum by (queue) (rabbitmq_detailed_queue_messages_ready{queue=\"" + queue + "\"})", "{{queue}}")),
                panel("Dead-letter depth", "short",
                        target("sum by (queue) (rabbitmq_detailed_queue_messages{queue=\"" + deadLetters + "\"})", "{{queue}}")),
                panel("Processor replicas", "short",
                        target("kube_deployment_status_replicas{" + ns + ", deployment=\"" + Processor.APP + "\"}", "replicas"),
                        target("keda_scaler_metrics_value{" + ns + ", scaledObject=\"" + Processor.APP + "\"}", "KEDA {{scaler}} {{metric}}")),
                panel("Events per second", "ops",
                        target("sum(rate(pipeline_events_processed_total{" + ns + "}[1m]))", "stored"),
                        target("sum(rate(pipeline_events_invalid_total{" + ns + "}[1m]))", "dead-lettered"),
                        target("sum(rate(pipeline_events_duplicate_total{" + ns + "}[1m]))", "duplicates")),
                panel("Batch duration (mean)", "s",
                        target("sum(rate(pipeline_batch_duration_seconds_sum{" + ns + "}[5m])) / sum(rate(pipeline_batch_duration_seconds_count{" + ns + "}[5m]))", "seconds"),
                        target("sum(rate(pipeline_batch_size_sum{" + ns + "}[5m])) / sum(rate(pipeline_batch_size_count{" + ns + "}[5m]))", "events per batch")),
                panel("API latency (mean, by route)", "s",
                        target("sum by (route) (rate(api_request_duration_seconds_sum{" + ns + "}[5m])) / sum by (route) (rate(api_request_duration_seconds_count{" + ns + "}[5m]))", "{{route}}")),
                panel("API errors per second", "reqps",
                        target("sum by (route, status) (rate(api_requests_total{" + ns + ", status=~\"4..|5..\"}[5m]))", "{{route}} {{status}}")),
                panel("MongoDB connections", "short",
                        target("sum by (pod) (mongodb_ss_connections{" + ns + ", conn_type=\"current\"})", "{{pod}}")),
                panel("MongoDB disk used", "percentunit",
                        target("kubelet_volume_stats_used_bytes{" + ns + ", persistentvolumeclaim=~\"data-" + MongoDb.APP + "-.*\"} / kubelet_volume_stats_capacity_bytes{"
                                + ns + ", persistentvolumeclaim=~\"data-" + MongoDb.APP + "-.*\"}", "{{persistentvolumeclaim}}"))));
    }

    /** Nodes, their CPU and memory, pods by phase (pending ones are what the cluster autoscaler acts on), restarts, volumes. */
    static Map<String, Object> cluster() {
        return dashboard("eks-cluster", "EKS cluster", List.of(
                panel("Ready nodes", "short", target("sum(kube_node_status_condition{condition=\"Ready\", status=\"true\"})", "ready")),
                panel("Pods by phase", "short", target("sum by (phase) (kube_pod_status_phase)", "{{phase}}")),
                panel("CPU used by node", "percentunit",
                        target("1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m]))", "{{instance}}")),
                panel("Memory used by node", "percentunit",
                        target("1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes", "{{instance}}")),
                panel("Container restarts (1 h, by namespace)", "short",
                        target("sum by (namespace) (increase(kube_pod_container_status_restarts_total[1h]))", "{{namespace}}")),
                panel("Persistent volumes used", "percentunit",
                        target("kubelet_volume_stats_used_bytes / kubelet_volume_stats_capacity_bytes", "{{namespace}}/{{persistentvolumeclaim}}"))));
    }

    private static Map<String, Object> dashboard(String uid, String title, List<Map<String, Object>> panels) {
        var placed = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < panels.size(); i++) {
            var panel = new java.util.LinkedHashMap<>(panels.get(i));
            panel.put("id", i + 1);
            panel.put("gridPos", obj("h", HEIGHT, "w", WIDTH, "x", (i % 2) * WIDTH, "y", (i / 2) * HEIGHT));
            placed.add(panel);
        }
        return obj("uid", uid, "title", title, "tags", List.of("container-platform"), "timezone", "browser", "editable", false,
                "schemaVersion", 39, "refresh", "30s", "time", obj("from", "now-6h", "to", "now"), "panels", placed);
    }

    @SafeVarargs
    private static Map<String, Object> panel(String title, String unit, Map<String, Object>... targets) {
        var refIds = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < targets.length; i++) {
            var target = new java.util.LinkedHashMap<>(targets[i]);
            target.put("refId", String.valueOf((char) ('A' + i)));
            refIds.add(target);
        }
        return obj("type", "timeseries", "title", title, "datasource", datasource(),
                "fieldConfig", obj("defaults", obj("unit", unit), "overrides", List.of()), "targets", refIds);
    }

    private static Map<String, Object> target(String expr, String legend) {
        return obj("datasource", datasource(), "expr", expr, "legendFormat", legend);
    }

    private static Map<String, Object> datasource() {
        return obj("type", "prometheus", "uid", DATASOURCE_UID);
    }
}
