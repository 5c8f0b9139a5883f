package io.containerplatform.components.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NatGatewayModeTest {

    @ParameterizedTest(name = "{0} over {1} zones: {2} gateways, zone {3} uses gateway {4}")
    @CsvSource({
            "NONE,   2, 0, 1, -1",
            "NONE,   3, 0, 2, -1",
            "SINGLE, 2, 1, 1, 0",
            "SINGLE, 3, 1, 2, 0",
            "PER_AZ, 2, 2, 1, 1",
            "PER_AZ, 3, 3, 2, 2",
            "PER_AZ, 6, 6, 5, 5",
    })
    void decidesGatewaysPerZone(NatGatewayMode mode, int zones, int gateways, int zone, int gatewayOfZone) {
        assertThat(mode.gatewayCount(zones)).isEqualTo(gateways);
        assertThat(mode.gatewayFor(zone)).isEqualTo(gatewayOfZone);
    }
}
