package io.containerplatform.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds small plans by hand for tests: a stack, one component, and custom resources under it. */
public final class PlanFixture {

    private final String stack;
    private final List<PlanResource> resources = new ArrayList<>();
    private final String stackUrn;
    private final String componentUrn;

    public PlanFixture(String stack) {
        this.stack = stack;
        this.stackUrn = "urn:pulumi:" + stack + "::p::pulumi:pulumi:Stack::p-" + stack;
        this.componentUrn = "urn:pulumi:" + stack + "::p::test:index:Component::" + stack + "-app";
        resources.add(new PlanResource(stackUrn, "pulumi:pulumi:Stack", "p-" + stack, false, null, Map.of(), List.of(), false, null, List.of(), List.of()));
        resources.add(new PlanResource(componentUrn, "test:index:Component", stack + "-app", false, stackUrn, Map.of(), List.of(), false, null, List.of(), List.of()));
    }

    /** Adds a custom resource under the component; returns it (its URN is what others depend on). */
    public PlanResource add(String type, String name, Map<String, Object> inputs, PlanResource... dependencies) {
        var r = new PlanResource(urn(type, name), type, name, true, componentUrn, inputs,
                Arrays.stream(dependencies).map(PlanResource::urn).toList(), false, null, List.of(), List.of());
        resources.add(r);
        return r;
    }

    /** Adds any resource as given. */
    public PlanResource add(PlanResource r) {
        resources.add(r);
        return r;
    }

    public String urn(String type, String name) {
        return "urn:pulumi:" + stack + "::p::" + type + "::" + name;
    }

    public String componentUrn() {
        return componentUrn;
    }

    public Plan plan() {
        return new Plan(stack, "p", List.copyOf(resources), Map.of());
    }
}
