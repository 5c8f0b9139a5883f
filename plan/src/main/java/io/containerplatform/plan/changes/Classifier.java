package io.containerplatform.plan.changes;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Decides, from a type's {@link ReplacementTables.Rule}, whether changed inputs update a resource in place or replace it. */
final class Classifier {

    private Classifier() {
    }

    static Change classify(String urn, String type, ReplacementTables.Rule rule, JsonObject base, JsonObject head, Set<String> changed,
                           boolean isProtected) {
        var keys = new TreeSet<String>();
        changed.forEach(p -> keys.add(p.split("[.\\[]", 2)[0]));
        var forcing = changed.stream().filter(p -> rule.forceNew().stream().anyMatch(f -> covers(f, p))).toList();
        if (forcing.isEmpty()) {
            return new Change(urn, type, Change.Op.update, List.copyOf(keys), false, false,
                    "updated in place: " + String.join(", ", changed) + " " + (changed.size() == 1 ? "is" : "are") + " not replace-only");
        }
        boolean deleteFirst = deleteBeforeReplace(rule, base, head);
        var loss = DataLoss.of(Change.Op.replace, type, deleteFirst, base, changed);
        var why = new StringBuilder("replaced: ").append(String.join(", ", forcing)).append(forcing.size() == 1 ? " forces" : " force")
                .append(" a new resource (").append(rule.kubernetes() ? "pulumi-kubernetes 4.0.0" : "terraform-provider-aws ForceNew").append(')');
        if (deleteFirst) {
            why.append("; the old one is deleted first: ").append(rule.kubernetes()
                    ? "metadata.name is set and unchanged, so both cannot exist at once"
                    : rule.autoName().orElseThrow() + " is set explicitly rather than auto-named");
        } else {
            why.append("; the new one is created before the old one is deleted");
        }
        loss.ifPresent(l -> why.append("; ").append(l));
        why.append(protectedNote(isProtected));
        return new Change(urn, type, Change.Op.replace, List.copyOf(keys), deleteFirst, loss.isPresent(), why.toString());
    }

    /** Whether a change at {@code path} falls under the replace-only field {@code field} (or contains it). */
    static boolean covers(String field, String path) {
        return path.equals(field) || path.startsWith(field + ".") || field.startsWith(path + ".");
    }

    /**
     * pulumi-terraform-bridge (pkg/tfbridge/provider.go Diff, schema.go nameRequiresDeleteBeforeReplace): a replacement
     * deletes first when an auto-named input holds a value the program set. pulumi-kubernetes (provider.go Diff): when the
     * object is not auto-named and keeps its name and namespace. Helm releases: never.
     */
    private static boolean deleteBeforeReplace(ReplacementTables.Rule rule, JsonObject base, JsonObject head) {
        if (rule.helmRelease()) {
            return false;
        }
        if (rule.kubernetes()) {
            var before = base.getAsJsonObject("metadata");
            var after = head.getAsJsonObject("metadata");
            return after != null && after.has("name") && before != null
                    && Objects.equals(before.get("name"), after.get("name")) && Objects.equals(before.get("namespace"), after.get("namespace"));
        }
        return rule.autoName().map(head::has).orElse(false);
    }

    static String protectedNote(boolean isProtected) {
        return isProtected ? " (protected: Pulumi refuses until the resource is unprotected)" : "";
    }
}
