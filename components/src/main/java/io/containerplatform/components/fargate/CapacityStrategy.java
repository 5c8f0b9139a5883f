package io.containerplatform.components.fargate;

import java.util.List;

/**
 * How a service spreads its tasks over {@code FARGATE} and {@code FARGATE_SPOT} for a spot share
 * (0-100 %): weights in that proportion, and one on-demand task as a base unless the service is
 * all spot, so that a spot reclaim never takes the whole service down.
 */
public final class CapacityStrategy {

    /**
     * One capacity provider of the strategy.
     *
     * @param provider {@code FARGATE} or {@code FARGATE_SPOT}
     * @param weight   relative share of tasks beyond the base
     * @param base     tasks always placed on this provider first
     */
    public record Share(String provider, int weight, int base) {
    }

    private CapacityStrategy() {
    }

    /** The strategy for {@code spotPercent} of tasks on spot. */
    public static List<Share> forSpotPercent(int spotPercent) {
        if (spotPercent <= 0) {
            return List.of(new Share("FARGATE", 1, 0));
        }
        if (spotPercent >= 100) {
            return List.of(new Share("FARGATE_SPOT", 1, 0));
        }
        return List.of(new Share("FARGATE", 100 - spotPercent, 1), new Share("FARGATE_SPOT", spotPercent, 0));
    }
}
