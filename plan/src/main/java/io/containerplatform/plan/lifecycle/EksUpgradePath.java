package io.containerplatform.plan.lifecycle;

import com.google.gson.JsonObject;
import io.containerplatform.plan.Plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EKS updates a control plane one Kubernetes minor version at a time and never down ("you can update only one minor
 * version at a time", EKS user guide, "Update existing cluster to new Kubernetes version"): compared with a base plan
 * of the same stack (the plan of what is deployed, {@code -Dbase=<folder>} holding {@code <stack>.json}), a cluster whose
 * version skips a minor or goes back is an error, naming the version to deploy first (docs/upgrades.md).
 */
public final class EksUpgradePath {

    private static final String CLUSTER = "aws:eks/cluster:Cluster";

    private EksUpgradePath() {
    }

    /** The clusters' versions in a plan file's content {@code plan} (a {@code target/plan/<stack>.json}), by URN. */
    public static Map<String, String> versionsIn(JsonObject plan) {
        var versions = new HashMap<String, String>();
        var resources = plan.getAsJsonObject("deployment").getAsJsonArray("resources");
        for (var element : resources) {
            var r = element.getAsJsonObject();
            var inputs = r.getAsJsonObject("inputs");
            if (CLUSTER.equals(r.get("type").getAsString()) && inputs != null && inputs.has("version")) {
                versions.put(r.get("urn").getAsString(), inputs.get("version").getAsString());
            }
        }
        return versions;
    }

    /** The problems of going from the clusters' versions {@code before} (by URN) to those of {@code plan}. */
    public static List<String> errors(Map<String, String> before, Plan plan) {
        var errors = new ArrayList<String>();
        for (var cluster : plan.ofType(CLUSTER)) {
            var from = before.get(cluster.urn());
            if (from == null || !(cluster.inputs().get("version") instanceof String to) || from.equals(to)) {
                continue;
            }
            int step = minor(to) - minor(from);
            if (major(to) != major(from) || step < 0) {
                errors.add(cluster.name() + ": EKS cannot take a cluster from Kubernetes " + from + " back to " + to);
            } else if (step > 1) {
                var next = major(from) + "." + (minor(from) + 1);
                errors.add(cluster.name() + ": EKS updates a cluster one minor version at a time, and " + from + " to " + to + " skips "
                        + (step == 2 ? next : next + " to " + major(to) + "." + (minor(to) - 1)) + ": deploy eks.version \"" + next
                        + "\" first, then each next version (docs/upgrades.md)");
            }
        }
        return errors;
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    private static int minor(String version) {
        return Integer.parseInt(version.split("\\.")[1]);
    }
}
