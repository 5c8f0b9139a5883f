package io.containerplatform.plan.changes;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code pulumi preview} would do to go from a base plan to this one, resource by resource, decided by the
 * providers' replacement tables ({@link ReplacementTables}): create, update (which inputs), replace (which inputs force
 * it, and whether the old one is deleted first) or delete, and whether the change loses data ({@link DataLoss}).
 *
 * @param stack   the stack
 * @param base    where the base plan came from
 * @param changes one per cloud resource that differs, sorted by URN
 * @param errors  changes the cloud would refuse ({@link CodeDeployServiceCheck}, an EKS version skip) and types no table covers
 */
public record ChangePreview(String stack, String base, List<Change> changes, List<String> errors) {

    /**
     * Compares two plan files ({@code pulumi stack export} shape). {@code ignoreChanges} holds, per URN of this plan,
     * the inputs the program tells Pulumi to leave alone (they are not in the plan file).
     */
    public static ChangePreview of(String stack, String base, JsonObject basePlan, JsonObject headPlan,
                                   Map<String, List<String>> ignoreChanges, ReplacementTables tables) {
        var before = cloudResources(basePlan);
        var after = cloudResources(headPlan);
        var changes = new ArrayList<Change>();
        var errors = new ArrayList<String>();
        var matched = new TreeSet<String>();
        for (var head : after.values()) {
            var urn = head.get("urn").getAsString();
            var type = head.get("type").getAsString();
            var old = Optional.ofNullable(before.get(urn)).or(() -> aliased(head, before));
            if (old.isEmpty()) {
                changes.add(new Change(urn, type, Change.Op.create, List.of(), false, false, "new in this plan"));
                continue;
            }
            matched.add(old.get().get("urn").getAsString());
            var rule = tables.of(type);
            if (rule.isEmpty()) {
                errors.add(urn + ": no replacement table has a row for " + type + " (tools/replacements/aws-types.tsv)");
                continue;
            }
            var baseInputs = old.get().getAsJsonObject("inputs");
            var headInputs = withoutIgnored(head.getAsJsonObject("inputs"), baseInputs, ignoreChanges.getOrDefault(urn, List.of()));
            var changed = InputDiff.changedPaths(baseInputs, headInputs);
            if (changed.isEmpty()) {
                continue;
            }
            var change = Classifier.classify(urn, type, rule.get(), baseInputs, headInputs, changed, old.get().get("protect").getAsBoolean());
            changes.add(change);
            CodeDeployServiceCheck.error(change, baseInputs, headInputs).ifPresent(errors::add);
        }
        for (var old : before.values()) {
            var urn = old.get("urn").getAsString();
            if (!matched.contains(urn)) {
                var type = old.get("type").getAsString();
                var loss = DataLoss.of(Change.Op.delete, type, false, old.getAsJsonObject("inputs"), Set.of());
                changes.add(new Change(urn, type, Change.Op.delete, List.of(), false, loss.isPresent(),
                        "not in this plan" + loss.map(l -> ": " + l).orElse("") + Classifier.protectedNote(old.get("protect").getAsBoolean())));
            }
        }
        changes.sort(Comparator.comparing(Change::urn));
        return new ChangePreview(stack, base, List.copyOf(changes), List.copyOf(errors));
    }

    /** This preview with {@code refused} (changes the cloud would refuse, found by another check) after its own errors. */
    public ChangePreview withErrors(List<String> refused) {
        var all = new ArrayList<>(errors);
        all.addAll(refused);
        return new ChangePreview(stack, base, changes, List.copyOf(all));
    }

    /** Whether any change loses data. */
    public boolean losesData() {
        return changes.stream().anyMatch(Change::losesData);
    }

    /** The {@code <stack>.changes.json} document. */
    public String toJson() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("stack", stack);
        doc.put("base", base);
        doc.put("changes", changes);
        if (!errors.isEmpty()) {
            doc.put("errors", errors);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc) + "\n";
    }

    /** The preview as the plan prints it: one line per change, data losses first, then the errors. */
    public String report() {
        var out = new StringBuilder("\nChanges against the base plan " + base + ": ");
        if (changes.isEmpty()) {
            return out.append("none\n").toString();
        }
        out.append(changes.size()).append(" resource(s)\n");
        changes.stream().sorted(Comparator.comparing((Change c) -> !c.losesData())).forEach(c -> out.append(line(c)).append('\n'));
        return out.toString();
    }

    /** One change as a line of text: {@code LOSES DATA  replace (delete first)  <urn>  [keys]: why}. */
    public static String line(Change c) {
        return (c.losesData() ? "  LOSES DATA " : "  ") + c.op() + (c.deleteBeforeReplace() ? " (delete first)" : "") + "  " + c.urn()
                + (c.keys().isEmpty() ? "" : "  [" + String.join(", ", c.keys()) + "]") + ": " + c.why();
    }

    private static Map<String, JsonObject> cloudResources(JsonObject plan) {
        var out = new LinkedHashMap<String, JsonObject>();
        for (JsonElement r : plan.getAsJsonObject("deployment").getAsJsonArray("resources")) {
            var resource = r.getAsJsonObject();
            if (resource.get("custom").getAsBoolean() && !resource.get("type").getAsString().startsWith("pulumi:providers:")) {
                out.put(resource.get("urn").getAsString(), resource);
            }
        }
        return out;
    }

    private static Optional<JsonObject> aliased(JsonObject head, Map<String, JsonObject> before) {
        if (!head.has("aliases")) {
            return Optional.empty();
        }
        return head.getAsJsonArray("aliases").asList().stream().map(a -> before.get(a.getAsString())).filter(o -> o != null).findFirst();
    }

    /** The head inputs with each ignored top-level input or path set back to its base value, as Pulumi does before diffing. */
    private static JsonObject withoutIgnored(JsonObject head, JsonObject base, List<String> ignored) {
        if (ignored.isEmpty()) {
            return head;
        }
        var copy = head.deepCopy();
        for (var path : ignored) {
            var parts = path.split("\\.");
            JsonObject to = copy;
            JsonObject from = base;
            for (int i = 0; i < parts.length - 1 && to != null && from != null; i++) {
                to = to.has(parts[i]) && to.get(parts[i]).isJsonObject() ? to.getAsJsonObject(parts[i]) : null;
                from = from.has(parts[i]) && from.get(parts[i]).isJsonObject() ? from.getAsJsonObject(parts[i]) : null;
            }
            if (to != null && from != null) {
                var last = parts[parts.length - 1];
                if (from.has(last)) {
                    to.add(last, from.get(last).deepCopy());
                } else {
                    to.remove(last);
                }
            }
        }
        return copy;
    }
}
