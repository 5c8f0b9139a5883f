package io.containerplatform.plan.cost;

/**
 * What one resource of the plan costs a month.
 *
 * @param component the top-level component it belongs to (its name), or the stack's name
 * @param resource  the resource's logical name
 * @param kind      what AWS bills it as, e.g. {@code Fargate}, {@code NAT gateways}
 * @param monthly   US dollars a month
 * @param driver    what the figure is made of, e.g. {@code 2 tasks of 0.25 vCPU / 0.5 GB}
 */
public record CostLine(String component, String resource, String kind, double monthly, String driver) {
}
