package io.containerplatform.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.containerplatform.plan.changes.Change;
import io.containerplatform.plan.cost.CostEstimate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code ./mvnw -q compile exec:java@plan-comment -Dbase=<base plan folder>}: the pull request's comment, in Markdown, on
 * standard output. For each stack planned in {@code target/plan}: the monthly cost of the base branch and of the pull
 * request per component with the difference, then what the change does to the stack's resources when the plans were
 * made with {@code -Dbase} (its {@code <stack>.changes.json}: data losses first, then refused changes, replacements,
 * updates, creates and deletes), then the pull request's diagram, first-deploy time and cost detail (its
 * {@code <stack>.md}). A stack or component the base does not have counts as $0 there. A stack whose plan failed, or whose
 * changes were not compared (no {@code <stack>.changes.json}), says so rather than showing nothing.
 */
public final class PullRequestComment {

    private PullRequestComment() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(markdown(Path.of(args[0]), Path.of(args.length > 1 ? args[1] : "target/plan")));
    }

    static String markdown(Path base, Path head) throws IOException {
        var out = new StringBuilder("## Offline plan: cost, first deploy and architecture\n");
        for (var stack : stacks(base, head)) {
            out.append("\n### Stack ").append(stack).append("\n\n");
            var estimate = read(head.resolve(stack + ".cost.json"));
            if (estimate.isEmpty()) {
                out.append("**The offline plan of this pull request failed for this stack** (its error is in the plan-report job's log).\n");
                continue;
            }
            out.append(comparison(read(base.resolve(stack + ".cost.json")), estimate.get()));
            var changes = read(head.resolve(stack + ".changes.json"));
            if (changes.isPresent()) {
                out.append(changes(changes.get()));
            } else {
                out.append("\n**The changes to the stack's resources were not compared:** ").append(Files.exists(base.resolve(stack + ".json"))
                        ? "the pull request's plan stopped before (see the plan-report job's log).\n"
                        : "the base branch has no plan of this stack (its offline plan failed: see the plan-report job's log).\n");
            }
            var details = head.resolve(stack + ".md");
            if (Files.exists(details)) {
                out.append("\n<details><summary>Diagram, first deploy and cost detail of ").append(stack).append("</summary>\n\n")
                        .append(Files.readString(details).replaceFirst("^# .*\n", "")).append("\n</details>\n");
            }
        }
        return out.toString();
    }

    /** The stacks with a cost estimate in the base or the head folder, sorted. */
    private static TreeSet<String> stacks(Path... folders) throws IOException {
        var stacks = new TreeSet<String>();
        for (var folder : folders) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".cost.json"))
                            .forEach(name -> stacks.add(name.substring(0, name.length() - ".cost.json".length())));
                }
            }
        }
        return stacks;
    }

    /** The changes of a stack's {@code <stack>.changes.json}: data losses first, then errors, then the rest by operation. */
    static String changes(JsonObject preview) {
        var changes = preview.getAsJsonArray("changes").asList().stream().map(JsonElement::getAsJsonObject)
                .sorted(Comparator.comparing((JsonObject c) -> !c.get("losesData").getAsBoolean())
                        .thenComparing(c -> Change.Op.valueOf(c.get("op").getAsString()) == Change.Op.replace ? 0 : 1))
                .toList();
        var out = new StringBuilder("\n#### What this pull request does to the stack's resources\n\n");
        long lost = changes.stream().filter(c -> c.get("losesData").getAsBoolean()).count();
        if (lost > 0) {
            out.append("**").append(lost).append(" change(s) lose data.**\n\n");
        }
        if (preview.has("errors")) {
            preview.getAsJsonArray("errors").forEach(e -> out.append("- **refused:** ").append(e.getAsString()).append('\n'));
            out.append('\n');
        }
        if (changes.isEmpty()) {
            return out.append("No resource changes.\n").toString();
        }
        out.append("| | operation | resource | inputs | why |\n|---|---|---|---|---|\n");
        for (var c : changes) {
            var urn = c.get("urn").getAsString();
            var keys = c.getAsJsonArray("keys").asList().stream().map(JsonElement::getAsString).toList();
            out.append("| ").append(c.get("losesData").getAsBoolean() ? "loses data" : "").append(" | ").append(c.get("op").getAsString())
                    .append(c.get("deleteBeforeReplace").getAsBoolean() ? " (delete first)" : "").append(" | `")
                    .append(urn.substring(urn.lastIndexOf("::") + 2)).append("` (`").append(c.get("type").getAsString()).append("`) | ")
                    .append(String.join(", ", keys)).append(" | ").append(c.get("why").getAsString().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    /** The table of monthly cost per component, base against head, with the total and the budget. */
    static String comparison(Optional<JsonObject> base, JsonObject head) {
        var components = new LinkedHashSet<String>();
        head.getAsJsonArray("components").forEach(c -> components.add(c.getAsJsonObject().get("component").getAsString()));
        base.ifPresent(b -> b.getAsJsonArray("components").forEach(c -> components.add(c.getAsJsonObject().get("component").getAsString())));
        var out = new StringBuilder("| component | base | this pull request | difference |\n|---|---:|---:|---:|\n");
        for (var component : components) {
            row(out, "`" + component + "`", base.map(b -> monthly(b, component)).orElse(0.0), monthly(head, component));
        }
        double baseTotal = base.map(b -> b.get("monthly").getAsDouble()).orElse(0.0);
        double headTotal = head.get("monthly").getAsDouble();
        row(out, "**total**", baseTotal, headTotal);
        if (base.isEmpty()) {
            out.append("\nThe base branch has no estimate of this stack.\n");
        }
        if (head.has("budget") && !head.get("budget").isJsonNull()) {
            double budget = head.get("budget").getAsDouble();
            out.append(String.format(Locale.ROOT, "%nBudget %s a month: %.0f %% used.%n", CostEstimate.dollars(budget), 100 * headTotal / budget));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, double base, double head) {
        double difference = CostEstimate.round(head - base);
        var sign = difference > 0 ? "+" : difference < 0 ? "-" : "";
        out.append("| ").append(name).append(" | ").append(CostEstimate.dollars(base)).append(" | ").append(CostEstimate.dollars(head))
                .append(" | ").append(sign).append(CostEstimate.dollars(Math.abs(difference))).append(" |\n");
    }

    private static double monthly(JsonObject estimate, String component) {
        for (var c : estimate.getAsJsonArray("components")) {
            if (c.getAsJsonObject().get("component").getAsString().equals(component)) {
                return c.getAsJsonObject().get("monthly").getAsDouble();
            }
        }
        return 0;
    }

    private static Optional<JsonObject> read(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(JsonParser.parseString(Files.readString(file)).getAsJsonObject()) : Optional.empty();
    }
}
