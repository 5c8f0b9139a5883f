package io.containerplatform.plan.deploytime;

import io.containerplatform.plan.Plan;
import io.containerplatform.plan.PlanResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The estimated wall time of a first {@code pulumi up} of a plan, and the chain of resources that sets it. The engine
 * creates a resource as soon as everything it depends on is created, in parallel otherwise; so a resource finishes at
 * the latest finish of its dependencies plus its own creation time, and the deployment ends with the last one. A
 * dependency counts through the resource's inputs and {@code dependsOn}, and through its explicit provider (a
 * Kubernetes object waits for its cluster's provider); depending on a component means waiting for all of its
 * children, while a component's children do not wait for the component's own dependencies (the engine's rule).
 *
 * @param seconds the estimated wall time
 * @param chain   the resources that set it, first to last, each with when it finishes
 */
public record CriticalPath(double seconds, List<Step> chain) {

    /** A resource of the chain and the second, from the start, at which it is created. */
    public record Step(String name, String type, double seconds, double finishesAt) {
    }

    /** The critical path of {@code plan} with creation times from {@code times}. */
    public static CriticalPath of(Plan plan, ToDoubleFunction<PlanResource> times) {
        var byUrn = new HashMap<String, PlanResource>();
        var children = new HashMap<String, List<PlanResource>>();
        for (var r : plan.resources()) {
            byUrn.put(r.urn(), r);
            if (r.parent() != null) {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        var finish = new HashMap<String, Double>();
        var via = new HashMap<String, String>();
        var solver = new Object() {
            double finishOf(PlanResource r) {
                var known = finish.get(r.urn());
                if (known != null) {
                    return known;
                }
                finish.put(r.urn(), 0.0);
                double start = 0;
                String before = null;
                var waitsFor = new ArrayList<>(r.dependencies());
                if (r.provider() != null) {
                    waitsFor.add(r.provider().substring(0, r.provider().lastIndexOf("::")));
                }
                if (!r.custom()) {
                    waitsFor = new ArrayList<>(children.getOrDefault(r.urn(), List.of()).stream().map(PlanResource::urn).toList());
                }
                for (var urn : waitsFor) {
                    var d = byUrn.get(urn);
                    if (d != null && finishOf(d) > start) {
                        start = finishOf(d);
                        before = d.urn();
                    }
                }
                double end = start + (r.custom() ? times.applyAsDouble(r) : 0);
                finish.put(r.urn(), end);
                if (before != null) {
                    via.put(r.urn(), before);
                }
                return end;
            }
        };
        PlanResource last = null;
        double end = 0;
        for (var r : plan.resources()) {
            double finishesAt = solver.finishOf(r);
            if (last == null || finishesAt > end) {
                last = r;
                end = finishesAt;
            }
        }
        var chain = new LinkedList<Step>();
        for (var urn = last == null ? null : last.urn(); urn != null; urn = via.get(urn)) {
            var r = byUrn.get(urn);
            if (r.custom() && times.applyAsDouble(r) > 0) {
                chain.addFirst(new Step(r.name(), r.type(), times.applyAsDouble(r), finish.get(urn)));
            }
        }
        return new CriticalPath(end, List.copyOf(chain));
    }

    /** What the plan prints: the estimate, then the chain with each step's time. */
    public String report(String stack) {
        var out = new StringBuilder(String.format(Locale.ROOT, "%nA first `pulumi up` of stack '%s' takes about %s (critical path; typical creation times: README, \"How long a first deploy takes\"):%n",
                stack, minutes(seconds)));
        for (var step : chain) {
            out.append(String.format(Locale.ROOT, "  %8s  +%-7s %s (%s)%n", minutes(step.finishesAt()), minutes(step.seconds()), step.name(),
                    step.type()));
        }
        return out.toString();
    }

    /** {@code 27 min 30 s}, {@code 45 s}. */
    public static String minutes(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }
}
