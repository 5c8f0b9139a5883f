package io.containerplatform.components.eks;

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

    /** Problems of this spec, each prefixed with {@code where}. */
    public List<String> problems(String where) {
        var errors = new ArrayList<String>();
        if (name == null || !name.matches("[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?")) {
            errors.add(where + ".name: \"" + name + "\" must be 1-20 characters of a-z, 0-9 and -");
        }
        if (instanceTypes.isEmpty()) {
            errors.add(where + ".instanceTypes is empty");
        }
        if (!List.of("ON_DEMAND", "SPOT").contains(capacityType)) {
            errors.add(where + ".capacityType: \"" + capacityType + "\" is not ON_DEMAND or SPOT");
        }
        if (minSize < 0 || maxSize < 1 || minSize > maxSize || maxSize > 450) {
            errors.add(where + ": minSize " + minSize + " / maxSize " + maxSize + " is not 0 <= minSize <= maxSize (1 to 450)");
        } else if (desiredSize < minSize || desiredSize > maxSize) {
            errors.add(where + ".desiredSize " + desiredSize + " is outside minSize..maxSize (" + minSize + ".." + maxSize + ")");
        }
        if (diskSizeGb < 20 || diskSizeGb > 16384) {
            errors.add(where + ".diskSizeGb: " + diskSizeGb + " is outside 20 to 16384");
        }
        taints.stream().filter(t -> !EFFECTS.contains(t.effect()))
                .forEach(t -> errors.add(where + ".taints: effect \"" + t.effect() + "\" is not one of " + EFFECTS));
        return errors;
    }
}
