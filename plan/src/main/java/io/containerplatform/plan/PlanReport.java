package io.containerplatform.plan;

import io.containerplatform.config.StackConfig;
import io.containerplatform.plan.cost.BudgetCheck;
import io.containerplatform.plan.cost.CostEstimate;
import io.containerplatform.plan.cost.CostEstimator;
import io.containerplatform.plan.cost.Prices;
import io.containerplatform.plan.deploytime.CreationTimes;
import io.containerplatform.plan.deploytime.CriticalPath;
import io.containerplatform.plan.diagram.ArchitectureDiagram;
import io.containerplatform.plan.diagram.Dot;
import io.containerplatform.plan.diagram.Mermaid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the offline plan tells about a stack besides its resources: the monthly cost (checked against the budget),
 * how long a first deploy takes, and the architecture diagram. Prints them after the tree and writes, next to the
 * plan file, {@code <stack>.cost.json}, {@code <stack>.md} (the diagram in Mermaid, the deploy time and the cost: what
 * the pull-request comment shows) and {@code <stack>.dot}, which {@link DiagramRenderer} renders to
 * {@code <stack>.svg}.
 *
 * @param cost     the estimate; empty when the region has no prices
 * @param deploy   the critical path of a first deploy
 * @param markdown the {@code <stack>.md} document
 * @param exitCode 1 when the stack is over budget, or has a budget but no estimate; 0 otherwise
 */
record PlanReport(Optional<CostEstimate> cost, CriticalPath deploy, String markdown, int exitCode) {

    /** Prints the report of {@code plan}, priced on {@code date}, and writes its files in {@code dir}. */
    static PlanReport write(Plan plan, StackFile file, StackConfig config, Path dir, LocalDate date) throws IOException {
        var stack = plan.stack();
        int code = 0;
        var region = file.region();
        var prices = Prices.of(region);
        Optional<CostEstimate> cost = prices.map(p -> CostEstimator.estimate(plan, p, config.cost(), date));
        if (cost.isPresent()) {
            System.out.print(cost.get().table());
            Files.writeString(dir.resolve(stack + ".cost.json"), cost.get().toJson());
            BudgetCheck.warning(cost.get()).ifPresent(w -> System.err.println("warning: " + w));
            var overBudget = BudgetCheck.error(cost.get());
            overBudget.ifPresent(e -> System.err.println("error: " + e));
            code = overBudget.isPresent() ? 1 : 0;
        } else {
            boolean budgeted = config.cost().monthlyBudget().isPresent();
            System.err.println((budgeted ? "error: " : "warning: ") + "no cost estimate: prices.json has no prices for region " + region
                    + " (it prices " + String.join(", ", Prices.regions()) + ")");
            code = budgeted ? 1 : 0;
        }
        var deploy = CriticalPath.of(plan, CreationTimes.typical()::of);
        System.out.print(deploy.report(stack));
        var diagram = ArchitectureDiagram.of(plan);
        Files.writeString(dir.resolve(stack + ".dot"), Dot.graph(diagram));
        var markdown = Mermaid.markdown(diagram) + "\n## How long a first deploy takes\n\n```\n" + deploy.report(stack).strip() + "\n```\n"
                + cost.map(c -> "\n## What it costs\n\n```\n" + c.table().strip() + "\n```\n").orElse("");
        Files.writeString(dir.resolve(stack + ".md"), markdown);
        System.out.println("\nWrote " + dir.resolve(stack + ".md") + " (diagram, deploy time and cost)");
        return new PlanReport(cost, deploy, markdown, code);
    }
}
