package io.containerplatform.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code container-platform:cost}: what the offline plan's monthly cost estimate checks and assumes. The
 * program itself ignores it.
 *
 * @param monthlyBudget {@code monthlyBudget}: US dollars a month; the plan fails above it and warns from 80 % of
 *                      it. Optional (no budget check), from 1 to 10,000,000
 * @param assumptions   {@code assumptions}: overrides of the {@link UsageAssumption}s, each from 0 to its maximum;
 *                      the others keep their defaults
 */
public record CostConfig(Optional<Double> monthlyBudget, Map<UsageAssumption, Double> assumptions) {

    static CostConfig read(ConfigObject c) {
        var budget = c.number("monthlyBudget", 1, 10_000_000);
        var values = new EnumMap<UsageAssumption, Double>(UsageAssumption.class);
        for (var a : UsageAssumption.values()) {
            values.put(a, a.defaultValue());
        }
        c.object("assumptions").ifPresent(overrides -> {
            for (var a : UsageAssumption.values()) {
                overrides.number(a.key(), 0, a.max()).ifPresent(v -> values.put(a, v));
            }
            overrides.rejectUnknownKeys();
        });
        c.rejectUnknownKeys();
        return new CostConfig(budget, Collections.unmodifiableMap(values));
    }

    /** The value of {@code assumption} for this stack. */
    public double assumed(UsageAssumption assumption) {
        return assumptions.get(assumption);
    }
}
