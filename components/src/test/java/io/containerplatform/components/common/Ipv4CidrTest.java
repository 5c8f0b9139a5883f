package io.containerplatform.components.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv4CidrTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "192.168.0.0/24", "0.0.0.0/0", "172.16.0.0/12", "10.1.2.3/32"})
    void parsesValidBlocksAndPrintsThemBack(String text) {
        assertThat(Ipv4Cidr.parse(text)).map(Ipv4Cidr::toString).contains(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0/16", "256.0.0.0/16", "10.0.0.0/33", "10.0.0.1/16", "a.b.c.d/16", "", "10.0.0.0/-1", " /16"})
    void rejectsMalformedBlocksAndHostBits(String text) {
        assertThat(Ipv4Cidr.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/16, 4, 0, 10.0.0.0/20",
            "10.0.0.0/16, 4, 1, 10.0.16.0/20",
            "10.0.0.0/16, 4, 8, 10.0.128.0/20",
            "10.0.0.0/16, 4, 15, 10.0.240.0/20",
            "192.168.1.0/24, 4, 9, 192.168.1.144/28",
    })
    void carvesSubnetsLikeTerraformCidrsubnet(String vpc, int bits, int index, String expected) {
        assertThat(Ipv4Cidr.parse(vpc).orElseThrow().subnet(bits, index)).hasToString(expected);
    }

    @Test
    void refusesIndexesOutsideTheBlock() {
        assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.0/16").orElseThrow().subnet(4, 16))
                .hasMessage("index 16 does not fit 4 extra bits of 10.0.0.0/16");
        assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.0/30").orElseThrow().subnet(4, 0))
                .hasMessage("cannot carve /34 out of 10.0.0.0/30");
    }

    @Test
    void requireNamesTheField() {
        assertThatThrownBy(() -> Ipv4Cidr.require("cidr", "10.0.0.1/16"))
                .hasMessage("cidr: \"10.0.0.1/16\" is not an IPv4 CIDR block (a.b.c.d/n, no host bits set)");
    }
}
