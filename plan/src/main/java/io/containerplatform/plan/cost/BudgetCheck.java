package io.containerplatform.plan.cost;

import java.util.Optional;

/** The plan's verdict on a stack's estimate against its {@code cost.monthlyBudget}. */
public final class BudgetCheck {

    private BudgetCheck() {
    }

    /** An error when the estimate is over budget; empty otherwise. */
    public static Optional<String> error(CostEstimate estimate) {
        return estimate.budget().filter(b -> estimate.total() > b).map(b -> "the monthly cost estimate of stack '"
                + estimate.stack() + "', " + CostEstimate.dollars(estimate.total()) + ", is over its budget of "
                + CostEstimate.dollars(b) + " (container-platform:cost.monthlyBudget)");
    }

    /** A warning when the estimate uses 80 % of the budget or more without being over it; empty otherwise. */
    public static Optional<String> warning(CostEstimate estimate) {
        return estimate.budget().filter(b -> estimate.total() <= b && estimate.total() >= CostEstimate.WARN_SHARE * b)
                .map(b -> String.format(java.util.Locale.ROOT, "the monthly cost estimate of stack '%s', %s, uses %.0f %% of its budget of %s",
                        estimate.stack(), CostEstimate.dollars(estimate.total()), 100 * estimate.total() / b, CostEstimate.dollars(b)));
    }
}
