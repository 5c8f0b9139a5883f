package io.containerplatform.components.pipeline;

import io.containerplatform.components.eks.EksPlatformComponent;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/** Building blocks of the pipeline's pod specs: metadata, hardened security contexts, resources, probes. */
final class Pods {

    /** The user the pipeline's own images (processor, API) run as. */
    static final int WORKLOAD_UID = 10001;

    private Pods() {
    }

    static Map<String, Object> metadata(String name, String namespace, String app) {
        return obj("name", name, "namespace", namespace, "labels", labels(app));
    }

    static Map<String, Object> labels(String app) {
        return obj("app.kubernetes.io/name", app, "app.kubernetes.io/part-of", "data-pipeline");
    }

    static Map<String, Object> selector(String app) {
        return obj("matchLabels", obj("app.kubernetes.io/name", app));
    }

    /** Pod security: non-root user, its group owning volumes, the runtime's default seccomp profile. */
    static Map<String, Object> podSecurity(int uid) {
        return obj("runAsNonRoot", true, "runAsUser", uid, "runAsGroup", uid, "fsGroup", uid,
                "seccompProfile", obj("type", "RuntimeDefault"));
    }

    /** Container security: no privilege escalation, every capability dropped, read-only root where the image allows. */
    static Map<String, Object> containerSecurity(boolean readOnlyRoot) {
        return obj("allowPrivilegeEscalation", false, "privileged", false, "readOnlyRootFilesystem", readOnlyRoot,
                "runAsNonRoot", true, "capabilities", obj("drop", List.of("ALL")));
    }

    static Map<String, Object> resources(String cpu, String memory, String memoryLimit) {
        return obj("requests", obj("cpu", cpu, "memory", memory), "limits", obj("memory", memoryLimit));
    }

    static Map<String, Object> execProbe(List<String> command, int initialDelay, int period) {
        return obj("exec", obj("command", command), "initialDelaySeconds", initialDelay, "periodSeconds", period,
                "timeoutSeconds", 10, "failureThreshold", 6);
    }

    static Map<String, Object> httpProbe(String path, int port, int initialDelay) {
        return obj("httpGet", obj("path", path, "port", port), "initialDelaySeconds", initialDelay, "periodSeconds", 10,
                "timeoutSeconds", 5, "failureThreshold", 3);
    }

    static Map<String, Object> secretEnv(String name, String secret, String key) {
        return obj("name", name, "valueFrom", obj("secretKeyRef", obj("name", secret, "key", key)));
    }

    static Map<String, Object> env(String name, String value) {
        return obj("name", name, "value", value);
    }

    /** The node label EKS managed node groups set to {@code ON_DEMAND} or {@code SPOT}. */
    static final String CAPACITY_TYPE = "eks.amazonaws.com/capacityType";

    /**
     * A stateful pod's affinity: never on Spot capacity (a reclaimed node would take a member and its quorum with it),
     * on the nodes labelled {@link EksPlatformComponent#STATEFUL_LABEL} (groups that carry it are one per zone, so a
     * zone's pod always has a group that can add a node there), and one pod per node. Both required in production,
     * preferred elsewhere (a cluster without such a group still runs the pipeline; dev's two nodes run three MongoDB
     * members). Zones: {@link #zoneSpread}.
     */
    static Map<String, Object> spread(String app, boolean production) {
        var node = withTopology(obj("labelSelector", selector(app)), "kubernetes.io/hostname");
        var antiAffinity = production
                ? obj("requiredDuringSchedulingIgnoredDuringExecution", List.of(node))
                : obj("preferredDuringSchedulingIgnoredDuringExecution", List.of(obj("weight", 100, "podAffinityTerm", node)));
        return obj("podAntiAffinity", antiAffinity, "nodeAffinity", statefulNodes(production));
    }

    /**
     * The node affinity of a pod bound to a zonal EBS volume: never on Spot; on the nodes labelled
     * {@link EksPlatformComponent#STATEFUL_LABEL}, required in production, preferred elsewhere.
     */
    static Map<String, Object> statefulNodes(boolean production) {
        var notSpot = obj("key", CAPACITY_TYPE, "operator", "NotIn", "values", List.of("SPOT"));
        var stateful = obj("key", EksPlatformComponent.STATEFUL_LABEL, "operator", "In", "values", List.of("true"));
        if (production) {
            return obj("requiredDuringSchedulingIgnoredDuringExecution",
                    obj("nodeSelectorTerms", List.of(obj("matchExpressions", List.of(notSpot, stateful)))));
        }
        return obj("requiredDuringSchedulingIgnoredDuringExecution", obj("nodeSelectorTerms", List.of(obj("matchExpressions", List.of(notSpot)))),
                "preferredDuringSchedulingIgnoredDuringExecution", List.of(obj("weight", 100, "preference", obj("matchExpressions",
                        List.of(stateful)))));
    }

    /** Spread evenly over zones (at most one pod more in any zone): enforced in production, best effort elsewhere. */
    static List<Map<String, Object>> zoneSpread(String app, boolean production) {
        return List.of(obj("maxSkew", 1, "topologyKey", "topology.kubernetes.io/zone",
                "whenUnsatisfiable", production ? "DoNotSchedule" : "ScheduleAnyway", "labelSelector", selector(app)));
    }

    private static Map<String, Object> withTopology(Map<String, Object> term, String key) {
        term.put("topologyKey", key);
        return term;
    }

    static Map<String, Object> volumeClaim(String name, String storageClass, int gb) {
        return obj("metadata", obj("name", name), "spec", obj("accessModes", List.of("ReadWriteOnce"),
                "storageClassName", storageClass, "resources", obj("requests", obj("storage", gb + "Gi"))));
    }

    static Map<String, Object> disruptionBudget(String app, String key, int value) {
        return obj(key, value, "selector", selector(app));
    }
}
