package io.containerplatform.components.pipeline;

import io.containerplatform.components.eks.ChartVersions;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * Rolls back a pipeline Deployment whose rollout failed: every minute a CronJob looks for Deployments of the
 * pipeline whose rollout made no progress for {@link #PROGRESS_DEADLINE_SECONDS} (condition Progressing, reason
 * ProgressDeadlineExceeded) and runs {@code kubectl rollout undo} on them, back to the previous revision. It marks the
 * revision it rolled back to and never undoes that one (a previous revision that fails too is left for a person,
 * rather than flipping between the two). Its role may read and patch the namespace's Deployments and nothing else.
 */
final class RolloutGuard {

    static final String APP = "rollout-guard";
    /** Seconds without progress after which Kubernetes marks a rollout failed (the Deployments' progressDeadlineSeconds). */
    static final int PROGRESS_DEADLINE_SECONDS = 300;
    /** The annotation on a Deployment naming the revision the guard rolled it back to. */
    static final String ROLLED_BACK_TO = "pipeline.containerplatform.io/rolled-back-to-revision";

    private RolloutGuard() {
    }

    /** The guard's script: for each pipeline Deployment whose rollout failed, an undo (unless it is the guard's own). */
    static String script(String namespace) {
        return """
                set -euo pipefail
                kubectl -n %1$s get deployments -l app.kubernetes.io/part-of=data-pipeline -o json \\
                  | jq -r '.items[] | select(any(.status.conditions[]?; .type == "Progressing" and .reason == "ProgressDeadlineExceeded"))
                      | [.metadata.name, .metadata.annotations["deployment.kubernetes.io/revision"], (.metadata.annotations["%2$s"] // "")] | @tsv' \\
                  | while IFS=$'\\t' read -r name revision guarded; do
                      if [ "$revision" = "$guarded" ]; then
                        echo "$name: revision $revision, the guard's own rollback, failed too: left as it is"
                        continue
                      fi
                      echo "$name: rollout of revision $revision made no progress for %3$d s: rolling back to the previous revision"
                      kubectl -n %1$s rollout undo deployment/"$name"
                      kubectl -n %1$s annotate --overwrite deployment/"$name" %2$s="$((revision + 1))"
                    done
                """.formatted(namespace, ROLLED_BACK_TO, PROGRESS_DEADLINE_SECONDS);
    }

    /** The CronJob; its image is the kubectl of the cluster's minor version ({@link ChartVersions#kubectlImage()}). */
    static void declare(Kube kube, ChartVersions charts) {
        var ns = kube.namespace();
        kube.apply("rollout-guard-sa", Manifest.metadataOnly("v1", "ServiceAccount", metadata(APP, ns, APP)));
        kube.apply("rollout-guard-role", Manifest.role(metadata(APP, ns, APP), List.of(
                obj("apiGroups", List.of("apps"), "resources", List.of("deployments"), "verbs", List.of("get", "list", "patch")),
                obj("apiGroups", List.of("apps"), "resources", List.of("replicasets"), "verbs", List.of("get", "list")))));
        kube.apply("rollout-guard-binding", Manifest.roleBinding(metadata(APP, ns, APP), APP, APP, ns));
        var container = obj(
                "name", APP,
                "image", charts.kubectlImage(),
                "command", List.of("bash", "-c", script(ns)),
                "env", List.of(Pods.env("HOME", "/tmp")),
                "volumeMounts", List.of(obj("name", "tmp", "mountPath", "/tmp")),
                "resources", Pods.resources("10m", "32Mi", "128Mi"),
                "securityContext", Pods.containerSecurity(true));
        kube.apply("rollout-guard", Manifest.withSpec("batch/v1", "CronJob", metadata(APP, ns, APP), obj(
                "schedule", "* * * * *",
                "concurrencyPolicy", "Forbid",
                "successfulJobsHistoryLimit", 1,
                "failedJobsHistoryLimit", 3,
                "jobTemplate", obj("spec", obj(
                        "backoffLimit", 0,
                        "activeDeadlineSeconds", 50,
                        "template", obj("metadata", obj("labels", Pods.labels(APP)), "spec", obj(
                                "serviceAccountName", APP,
                                "restartPolicy", "Never",
                                "securityContext", Pods.podSecurity(Pods.WORKLOAD_UID),
                                "containers", List.of(container),
                                "volumes", List.of(obj("name", "tmp", "emptyDir", obj())))))))));
    }

    /**
     * A pipeline Deployment's {@code spec} with what makes a failed rollout detected and harmless: a progress deadline,
     * and rolling updates that add a pod before removing one (the old pods serve until the new ones are ready).
     */
    static Map<String, Object> guarded(Map<String, Object> spec) {
        var all = new java.util.LinkedHashMap<>(spec);
        all.put("progressDeadlineSeconds", PROGRESS_DEADLINE_SECONDS);
        all.put("strategy", obj("type", "RollingUpdate", "rollingUpdate", obj("maxUnavailable", 0, "maxSurge", 1)));
        return all;
    }
}
