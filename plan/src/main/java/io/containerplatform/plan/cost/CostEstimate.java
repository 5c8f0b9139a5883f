package io.containerplatform.plan.cost;

import com.google.gson.GsonBuilder;
import io.containerplatform.config.UsageAssumption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The monthly cost of a stack's plan, line by line.
 *
 * @param stack       the stack
 * @param prices      the prices used
 * @param assumptions the usage assumed
 * @param lines       one line per priced resource (and per charge of it), in plan order
 * @param unpriced    resources that cost money but that the table has no price for, with why
 * @param budget      the stack's monthly budget, if it has one
 */
public record CostEstimate(String stack, Prices prices, Map<UsageAssumption, Double> assumptions, List<CostLine> lines,
                           List<String> unpriced, Optional<Double> budget) {

    /** The budget share from which the plan warns. */
    public static final double WARN_SHARE = 0.8;

    /** US dollars a month, all lines. */
    public double total() {
        return round(lines.stream().mapToDouble(CostLine::monthly).sum());
    }

    /** The monthly total of each component, in the order the components first appear. */
    public Map<String, Double> byComponent() {
        return sum(CostLine::component, new LinkedHashMap<>());
    }

    /** The monthly total of each kind of charge, by name. */
    public Map<String, Double> byKind() {
        return sum(CostLine::kind, new TreeMap<>());
    }

    private Map<String, Double> sum(java.util.function.Function<CostLine, String> key, Map<String, Double> into) {
        for (var line : lines) {
            into.merge(key.apply(line), line.monthly(), Double::sum);
        }
        into.replaceAll((k, v) -> round(v));
        return into;
    }

    /** The component's costliest kinds of charge, most expensive first, e.g. {@code NAT gateways $98.55}. */
    List<String> drivers(String component, int count) {
        var kinds = lines.stream().filter(l -> l.component().equals(component))
                .collect(Collectors.groupingBy(CostLine::kind, LinkedHashMap::new, Collectors.summingDouble(CostLine::monthly)));
        return kinds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(count)
                .map(e -> e.getKey() + " " + dollars(e.getValue())).toList();
    }

    /** The table printed after the plan's tree. */
    public String table() {
        var out = new StringBuilder();
        out.append("\nMonthly cost estimate of stack '").append(stack).append("' (").append(prices.region())
                .append(", USD, list prices of ").append(prices.readOn()).append(", ")
                .append((int) prices.hoursPerMonth()).append(" h a month; assumptions: README, \"What a stack costs\")\n");
        var components = byComponent();
        int width = Math.max(9, components.keySet().stream().mapToInt(String::length).max().orElse(0));
        out.append(String.format("  %-" + width + "s %11s  %s%n", "component", "monthly", "main drivers"));
        components.forEach((component, monthly) -> out.append(String.format("  %-" + width + "s %11s  %s%n", component,
                dollars(monthly), String.join(", ", drivers(component, 3)))));
        out.append(String.format("  %-" + width + "s %11s%n", "total", dollars(total())));
        budget.ifPresent(b -> out.append(String.format("  budget %s: %.0f %% used%n", dollars(b), 100 * total() / b)));
        unpriced.forEach(u -> out.append("  not priced: ").append(u).append('\n'));
        return out.toString();
    }

    /** The estimate as {@code target/plan/<stack>.cost.json}. */
    public String toJson() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("stack", stack);
        doc.put("region", prices.region());
        doc.put("currency", "USD");
        doc.put("pricesReadOn", prices.readOn());
        doc.put("hoursPerMonth", prices.hoursPerMonth());
        var assumed = new LinkedHashMap<String, Double>();
        assumptions.forEach((a, v) -> assumed.put(a.key(), v));
        doc.put("assumptions", assumed);
        doc.put("monthly", total());
        doc.put("budget", budget.orElse(null));
        var components = new ArrayList<Map<String, Object>>();
        byComponent().forEach((component, monthly) -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("component", component);
            entry.put("monthly", monthly);
            entry.put("resources", lines.stream().filter(l -> l.component().equals(component))
                    .sorted(Comparator.comparingDouble(CostLine::monthly).reversed())
                    .map(l -> Map.of("resource", l.resource(), "kind", l.kind(), "monthly", round(l.monthly()), "driver", l.driver()))
                    .map(TreeMap::new).toList());
            components.add(entry);
        });
        doc.put("components", components);
        doc.put("byKind", byKind());
        doc.put("unpriced", unpriced);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(doc) + "\n";
    }

    /** {@code $1,234.56}. */
    public static String dollars(double amount) {
        return String.format(java.util.Locale.ROOT, "$%,.2f", amount);
    }

    /** {@code amount} to the cent. */
    public static double round(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
