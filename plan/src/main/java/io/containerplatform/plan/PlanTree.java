package io.containerplatform.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints a {@link Plan} for people: the resource tree with key settings, then counts by type. */
public final class PlanTree {

    /** Inputs worth showing beside a resource, when present and scalar. */
    static final List<String> KEY_SETTINGS = List.of(
            "cidrBlock", "availabilityZone", "destinationCidrBlock", "serviceName", "vpcEndpointType", "trafficType",
            "retentionInDays", "port", "protocol", "targetType", "instanceType", "instanceClass", "engine",
            "engineVersion", "multiAz", "cpu", "memory", "desiredCount", "minSize", "maxSize", "version",
            "fromPort", "toPort", "deletionProtection");

    private PlanTree() {
    }

    /** The whole report. */
    public static String render(Plan plan) {
        var children = new LinkedHashMap<String, List<PlanResource>>();
        var roots = new ArrayList<PlanResource>();
        for (var r : plan.resources()) {
            if (r.parent() == null) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        var out = new StringBuilder();
        out.append("Offline plan of stack '").append(plan.stack()).append("' (project ").append(plan.project())
                .append("): ").append(plan.resources().size()).append(" resources, ")
                .append(plan.customResources().size()).append(" cloud resources\n\n");
        for (var root : roots) {
            line(out, root, "", "");
            tree(out, root, children, "");
        }
        out.append("\nCounts by type:\n");
        var counts = new TreeMap<String, Integer>();
        plan.resources().forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        counts.forEach((type, n) -> out.append(String.format("  %4d  %s%n", n, type)));
        if (!plan.outputs().isEmpty()) {
            out.append("\nStack outputs:\n");
            plan.outputs().forEach((k, v) -> out.append("  ").append(k).append(" = ").append(v).append('\n'));
        }
        return out.toString();
    }

    private static void tree(StringBuilder out, PlanResource node, Map<String, List<PlanResource>> children, String indent) {
        var kids = children.getOrDefault(node.urn(), List.of());
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            line(out, kids.get(i), indent, last ? "└─ " : "├─ ");
            tree(out, kids.get(i), children, indent + (last ? "   " : "│  "));
        }
    }

    private static void line(StringBuilder out, PlanResource r, String indent, String branch) {
        out.append(indent).append(branch).append(r.type()).append("  ").append(r.name());
        for (var key : KEY_SETTINGS) {
            var value = r.inputs().get(key);
            if (value != null && !(value instanceof Map) && !(value instanceof List)) {
                out.append("  ").append(key).append('=').append(value);
            }
        }
        if (r.protect()) {
            out.append("  [protected]");
        }
        if (!r.ignoreChanges().isEmpty()) {
            out.append("  [ignores changes to ").append(String.join(", ", r.ignoreChanges())).append(']');
        }
        out.append('\n');
    }
}
