package io.containerplatform.components.eks;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One managed node group of an {@link EksPlatformComponent}. A declared input type: each field is one input
 * ({@link InputSpec}); build with {@link #builder()}.
 */
public final class NodeGroupSpec extends DeclaredArgs {

    @Import(name = "name", required = true)
    @InputSpec(value = "The node group's short name, unique in the cluster", format = Format.SHORT_NAME,
            allowed = "1 to 20 characters of a-z, 0-9 and -")
    private String name;

    @Import(name = "instanceTypes")
    @InputSpec(value = "EC2 instance types (several spread spot capacity)", format = Format.INSTANCE_TYPE,
            allowed = "at least one EC2 instance type")
    private List<String> instanceTypes = List.of("t3.large");

    @Import(name = "capacityType")
    @InputSpec(value = "On-demand or spot nodes", oneOf = {"ON_DEMAND", "SPOT"})
    private String capacityType = "ON_DEMAND";

    @Import(name = "minSize")
    @InputSpec(value = "The fewest nodes", min = 0, max = 450, allowed = "0 to 450, at most desiredSize and maxSize")
    private Integer minSize = 1;

    @Import(name = "maxSize")
    @InputSpec(value = "The most nodes", min = 1, max = 450, allowed = "1 to 450, at least desiredSize")
    private Integer maxSize = 3;

    @Import(name = "desiredSize")
    @InputSpec(value = "The nodes at creation; later left to the cluster autoscaler", min = 0, max = 450,
            allowed = "minSize to maxSize", defaultText = "2, within minSize..maxSize")
    private Integer desiredSize;

    @Import(name = "diskSizeGb")
    @InputSpec(value = "The size of each node's encrypted gp3 root volume, in GiB", min = 20, max = 16384)
    private Integer diskSizeGb = 50;

    @Import(name = "labels")
    @InputSpec(value = "Kubernetes labels of the nodes", defaultText = "{}")
    private Map<String, String> labels = Map.of();

    @Import(name = "perZone")
    @InputSpec(value = "One node group per zone, each in that zone's private subnet (minSize, maxSize and desiredSize then count per"
            + " zone), instead of one group over every zone: the cluster autoscaler can then add a node in the zone of a pending pod's"
            + " EBS volume, and balances the zones' groups (balance-similar-node-groups). Required for groups labelled "
            + EksPlatformComponent.STATEFUL_LABEL + "=true; needs placement.zoneCount (NetworkComponent.placement() has it)")
    private Boolean perZone = false;

    @Import(name = "taints")
    @InputSpec("Kubernetes taints of the nodes")
    private List<Taint> taints = List.of();

    public String name() { return name; }
    public List<String> instanceTypes() { return instanceTypes; }
    public String capacityType() { return capacityType; }
    public int minSize() { return minSize; }
    public int maxSize() { return maxSize; }
    public int desiredSize() { return desiredSize != null ? desiredSize : Math.max(minSize, Math.min(2, maxSize)); }
    public int diskSizeGb() { return diskSizeGb; }
    public Map<String, String> labels() { return labels; }
    public List<Taint> taints() { return taints; }
    public boolean perZone() { return perZone; }
    /** Whether the group is labelled for stateful pods ({@link EksPlatformComponent#STATEFUL_LABEL}). */
    public boolean stateful() { return labels != null && "true".equals(labels.get(EksPlatformComponent.STATEFUL_LABEL)); }

    @Override
    protected List<InputProblem> rules() {
        var problems = new ArrayList<InputProblem>();
        if (instanceTypes != null && instanceTypes.isEmpty()) {
            problems.add(problem("instanceTypes", "is empty"));
        }
        if (stateful() && !Boolean.TRUE.equals(perZone)) {
            problems.add(new InputProblem("perZone", "is false but the group is labelled " + EksPlatformComponent.STATEFUL_LABEL + "=true: a group over"
                    + " several zones cannot be scaled into the zone of a pod's EBS volume", "true for a stateful group"));
        }
        if (stateful() && "SPOT".equals(capacityType)) {
            problems.add(new InputProblem("capacityType", "SPOT but the group is labelled " + EksPlatformComponent.STATEFUL_LABEL + "=true: stateful pods"
                    + " need nodes that are not reclaimed", "ON_DEMAND for a stateful group"));
        }
        if (minSize == null || maxSize == null) {
            return problems;
        }
        if (minSize > maxSize) {
            problems.add(problem("minSize", minSize + " is greater than maxSize " + maxSize));
        } else if (desiredSize != null && (desiredSize < minSize || desiredSize > maxSize)) {
            problems.add(problem("desiredSize", desiredSize + " is outside minSize..maxSize (" + minSize + ".." + maxSize + ")"));
        }
        return problems;
    }

    public static Builder builder() { return new Builder(new NodeGroupSpec()); }
    public static Builder builder(NodeGroupSpec from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link NodeGroupSpec}. */
    public static final class Builder {
        private final NodeGroupSpec $;

        private Builder(NodeGroupSpec start) { $ = start; }

        /**
         * The node group's short name, unique in the cluster. Allowed: 1 to 20 characters of a-z, 0-9 and -.
         */
        public Builder name(String v) { $.name = v; return this; }

        /**
         * EC2 instance types (several spread spot capacity). Allowed: at least one EC2 instance type. Default:
         * [t3.large].
         */
        public Builder instanceTypes(List<String> v) { $.instanceTypes = v; return this; }

        /**
         * On-demand or spot nodes. Allowed: one of ON_DEMAND, SPOT. Default: ON_DEMAND.
         */
        public Builder capacityType(String v) { $.capacityType = v; return this; }

        /**
         * The fewest nodes. Allowed: 0 to 450, at most desiredSize and maxSize. Default: 1.
         */
        public Builder minSize(Integer v) { $.minSize = v; return this; }

        /**
         * The most nodes. Allowed: 1 to 450, at least desiredSize. Default: 3.
         */
        public Builder maxSize(Integer v) { $.maxSize = v; return this; }

        /**
         * The nodes at creation; later left to the cluster autoscaler. Allowed: minSize to maxSize. Default: 2, within
         * minSize..maxSize.
         */
        public Builder desiredSize(Integer v) { $.desiredSize = v; return this; }

        /**
         * The size of each node's encrypted gp3 root volume, in GiB. Allowed: 20 to 16384. Default: 50.
         */
        public Builder diskSizeGb(Integer v) { $.diskSizeGb = v; return this; }

        /**
         * Kubernetes labels of the nodes. Default: {}.
         */
        public Builder labels(Map<String, String> v) { $.labels = v; return this; }

        /**
         * Kubernetes taints of the nodes. Default: [].
         */
        public Builder taints(List<Taint> v) { $.taints = v; return this; }

        /**
         * One node group per zone, each in that zone's private subnet (minSize, maxSize and desiredSize then count per
         * zone), instead of one group over every zone: the cluster autoscaler can then add a node in the zone of a
         * pending pod's EBS volume, and balances the zones' groups (balance-similar-node-groups). Required for groups
         * labelled platform.containerplatform.io/stateful=true; needs placement.zoneCount (NetworkComponent.placement()
         * has it). Default: false.
         */
        public Builder perZone(Boolean v) { $.perZone = v; return this; }

        /** The node group as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public NodeGroupSpec build() { return $.validated(); }
    }
}
