package io.containerplatform.components.network;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.common.Ipv4Cidr;
import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

class SubnetLayoutTest {

    @Test
    void publicAndPrivateSubnetsNeverOverlapUpToSixZones() {
        for (var vpc : new String[]{"10.0.0.0/16", "10.1.0.0/20", "192.168.7.0/24"}) {
            var layout = new SubnetLayout(Ipv4Cidr.parse(vpc).orElseThrow());
            var seen = new HashSet<String>();
            for (int az = 0; az < Inputs.named(NetworkArgs.class, "azCount").spec().max(); az++) {
                assertThat(seen.add(layout.publicSubnet(az).toString())).describedAs("public %d of %s", az, vpc).isTrue();
                assertThat(seen.add(layout.privateSubnet(az).toString())).describedAs("private %d of %s", az, vpc).isTrue();
            }
        }
    }

    @Test
    void smallestVpcStillGivesAwsMinimumSubnets() {
        var layout = new SubnetLayout(Ipv4Cidr.parse("192.168.7.0/24").orElseThrow());
        assertThat(layout.publicSubnet(0)).hasToString("192.168.7.0/28");
        assertThat(layout.privateSubnet(5)).hasToString("192.168.7.208/28");
    }
}
