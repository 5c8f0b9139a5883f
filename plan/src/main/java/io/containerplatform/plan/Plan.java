package io.containerplatform.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The resources one run of the program registers, in a stable order: parents and dependencies first,
 * ties broken by URN, so that two runs of the same config give the same plan file.
 *
 * @param stack     the stack name
 * @param project   the project name
 * @param resources every resource, the stack first
 * @param outputs   the stack outputs, resolved
 */
public record Plan(String stack, String project, List<PlanResource> resources, Map<String, Object> outputs) {

    /** Orders {@code resources} topologically (parent and dependencies before dependents). */
    static List<PlanResource> ordered(List<PlanResource> resources) {
        var byUrn = resources.stream().collect(Collectors.toMap(PlanResource::urn, r -> r, (a, b) -> a));
        var waitingOn = new HashMap<String, Set<String>>();
        var dependents = new HashMap<String, List<String>>();
        for (var r : resources) {
            var before = new HashSet<String>(r.dependencies());
            if (r.parent() != null) {
                before.add(r.parent());
            }
            before.retainAll(byUrn.keySet());
            waitingOn.put(r.urn(), before);
            before.forEach(b -> dependents.computeIfAbsent(b, k -> new ArrayList<>()).add(r.urn()));
        }
        var ready = new PriorityQueue<String>(Comparator.naturalOrder());
        waitingOn.forEach((urn, before) -> {
            if (before.isEmpty()) {
                ready.add(urn);
            }
        });
        var result = new ArrayList<PlanResource>();
        while (!ready.isEmpty()) {
            var urn = ready.poll();
            result.add(byUrn.get(urn));
            for (var dependent : dependents.getOrDefault(urn, List.of())) {
                var before = waitingOn.get(dependent);
                before.remove(urn);
                if (before.isEmpty()) {
                    ready.add(dependent);
                }
            }
        }
        if (result.size() != byUrn.size()) {
            throw new IllegalStateException("dependency cycle among " + (byUrn.size() - result.size()) + " resources");
        }
        return result;
    }

    /** Custom (cloud) resources only. */
    public List<PlanResource> customResources() {
        return resources.stream().filter(PlanResource::custom).toList();
    }

    /** Resources of {@code type}. */
    public List<PlanResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
