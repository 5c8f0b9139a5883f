package io.containerplatform.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Looks resources of a {@link Plan} up by URN, by dependency and by the top-level component they belong to. */
public final class PlanGraph {

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private final Plan plan;
    private final Map<String, PlanResource> byUrn = new LinkedHashMap<>();

    public PlanGraph(Plan plan) {
        this.plan = plan;
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
    }

    public Plan plan() {
        return plan;
    }

    /** The resource with {@code urn}; empty when the plan has none. */
    public Optional<PlanResource> resource(String urn) {
        return Optional.ofNullable(urn).map(byUrn::get);
    }

    /** The resources {@code r} depends on, of {@code type}. */
    public List<PlanResource> dependencies(PlanResource r, String type) {
        return r.dependencies().stream().map(byUrn::get).filter(Objects::nonNull).filter(d -> d.type().equals(type)).toList();
    }

    /** The resources of {@code type} that depend on {@code r}. */
    public List<PlanResource> dependents(PlanResource r, String type) {
        return plan.ofType(type).stream().filter(d -> d.dependencies().contains(r.urn())).toList();
    }

    /** The top-level component {@code r} belongs to (a child of the stack); empty for the stack and its direct children. */
    public Optional<PlanResource> component(PlanResource r) {
        var current = r;
        while (current.parent() != null) {
            var parent = byUrn.get(current.parent());
            if (parent == null || parent.type().equals(STACK_TYPE)) {
                return current == r ? Optional.empty() : Optional.of(current);
            }
            current = parent;
        }
        return Optional.empty();
    }

    /** The name of {@link #component}, or the stack's name. */
    public String componentName(PlanResource r) {
        return component(r).map(PlanResource::name).orElse(plan.stack());
    }
}
