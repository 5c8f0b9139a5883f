package io.containerplatform.components.eks;

import io.containerplatform.components.args.InputProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One managed node group of an {@link EksPlatformComponent}.
 *
 * @param name          short name, unique in the cluster ({@code [a-z0-9-]}, at most 20 characters)
 * @param instanceTypes EC2 instance types (several spread spot capacity), at least one
 * @param capacityType  {@code ON_DEMAND} or {@code SPOT}
 * @param minSize       fewest nodes, 0 to 450
 * @param maxSize       most nodes, at least minSize and 1
 * @param desiredSize   nodes at creation, within min..max; later left to the cluster autoscaler
 * @param diskSizeGb    encrypted gp3 root volume, 20 to 16384 GiB
 * @param labels        Kubernetes node labels
 * @param taints        Kubernetes taints
 */
public record NodeGroupSpec(String name, List<String> instanceTypes, String capacityType, int minSize, int maxSize,
                            int desiredSize, int diskSizeGb, Map<String, String> labels, List<Taint> taints) {

    /** Taint effects Kubernetes accepts, as EKS spells them. */
    public static final List<String> EFFECTS = List.of("NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE");

    /**
     * A node taint.
     *
     * @param key    taint key
     * @param value  taint value
     * @param effect one of {@link #EFFECTS}
     */
    public record Taint(String key, String value, String effect) {
    }

    public NodeGroupSpec {
        instanceTypes = List.copyOf(instanceTypes);
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    /** Problems of this spec, each of an input named {@code where.<field>}. */
    public List<InputProblem> problems(String where) {
        var problems = new ArrayList<InputProblem>();
        if (name == null || !name.matches("[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?")) {
            problems.add(new InputProblem(where + ".name", "\"" + name + "\" is not a node group name", "1 to 20 characters of a-z, 0-9 and -"));
        }
        if (instanceTypes.isEmpty()) {
            problems.add(new InputProblem(where + ".instanceTypes", "is empty", "at least one EC2 instance type"));
        }
        if (!List.of("ON_DEMAND", "SPOT").contains(capacityType)) {
            problems.add(new InputProblem(where + ".capacityType", "\"" + capacityType + "\" is not allowed", "one of ON_DEMAND, SPOT"));
        }
        var order = "0 <= minSize <= desiredSize <= maxSize <= 450, maxSize at least 1";
        if (minSize < 0 || maxSize < 1 || minSize > maxSize || maxSize > 450) {
            problems.add(new InputProblem(where + ".maxSize", "minSize " + minSize + " and maxSize " + maxSize + " are out of order", order));
        } else if (desiredSize < minSize || desiredSize > maxSize) {
            problems.add(new InputProblem(where + ".desiredSize", desiredSize + " is outside minSize..maxSize (" + minSize + ".." + maxSize + ")", order));
        }
        if (diskSizeGb < 20 || diskSizeGb > 16384) {
            problems.add(new InputProblem(where + ".diskSizeGb", diskSizeGb + " is out of range", "20 to 16384"));
        }
        for (int i = 0; i < taints.size(); i++) {
            if (!EFFECTS.contains(taints.get(i).effect())) {
                problems.add(new InputProblem(where + ".taints[" + i + "].effect", "\"" + taints.get(i).effect() + "\" is not allowed",
                        "one of " + String.join(", ", EFFECTS)));
            }
        }
        return problems;
    }
}
