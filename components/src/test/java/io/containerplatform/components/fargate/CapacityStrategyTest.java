package io.containerplatform.components.fargate;

import io.containerplatform.components.fargate.CapacityStrategy.Share;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityStrategyTest {

    @Test
    void onDemandOnlyWithoutSpot() {
        assertThat(CapacityStrategy.forSpotPercent(0)).containsExactly(new Share("FARGATE", 1, 0));
    }

    @Test
    void aSpotShareKeepsOneOnDemandTaskAsBase() {
        assertThat(CapacityStrategy.forSpotPercent(50)).containsExactly(new Share("FARGATE", 50, 1), new Share("FARGATE_SPOT", 50, 0));
        assertThat(CapacityStrategy.forSpotPercent(80)).containsExactly(new Share("FARGATE", 20, 1), new Share("FARGATE_SPOT", 80, 0));
    }

    @Test
    void allSpot() {
        assertThat(CapacityStrategy.forSpotPercent(100)).containsExactly(new Share("FARGATE_SPOT", 1, 0));
    }
}
