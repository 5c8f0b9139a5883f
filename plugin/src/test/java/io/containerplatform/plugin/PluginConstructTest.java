package io.containerplatform.plugin;

import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.testing.MockStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What another language's program gets: Pulumi's component provider, in-process on the mock engine, builds a
 * component from the inputs it was sent (property values, as the engine sends them), and returns its outputs.
 */
class PluginConstructTest {

    private static final ComponentProvider PROVIDER = new ComponentProvider(new Metadata(App.PACKAGE), App.class.getPackage());

    private static Map<String, PropertyValue> networkInputs(String cidr) {
        return Map.of("cidr", PropertyValue.of(cidr), "azCount", PropertyValue.of(3), "natGateways", PropertyValue.of("perAz"),
                "availabilityZones", PropertyValue.of(List.of(PropertyValue.of("eu-west-3a"), PropertyValue.of("eu-west-3b"),
                        PropertyValue.of("eu-west-3c"))));
    }

    @Test
    void aNetworkIsBuiltFromTheInputsItWasSentWithItsDeclaredDefaults() throws Exception {
        var response = new AtomicReference<CompletableFuture<ConstructResponse>>();
        var mocks = MockStack.run(ctx -> response.set(PROVIDER.construct(new ConstructRequest("containerplatform:index:NetworkComponent",
                "shop", networkInputs("10.20.0.0/16"), ComponentResourceOptions.Empty))));
        var result = response.get().get(30, TimeUnit.SECONDS);
        assertThat(result.getUrn()).endsWith("containerplatform:index:NetworkComponent::shop");
        assertThat(result.getState()).containsKeys("vpcId", "vpcCidr", "publicSubnetIds", "privateSubnetIds");
        assertThat(mocks.named("aws:ec2/vpc:Vpc", "shop-vpc").inputs).containsEntry("cidrBlock", "10.20.0.0/16");
        assertThat(mocks.ofType("aws:ec2/natGateway:NatGateway")).hasSize(3);
        assertThat(mocks.ofType("aws:ec2/flowLog:FlowLog")).hasSize(1);
    }

    @Test
    void imageRepositoriesReturnEachImagesRepositoryUrl() throws Exception {
        var response = new AtomicReference<CompletableFuture<ConstructResponse>>();
        MockStack.run(ctx -> response.set(PROVIDER.construct(new ConstructRequest("containerplatform:index:ImageRepositories", "shop",
                Map.of("prefix", PropertyValue.of("shop"), "images", PropertyValue.of(List.of(PropertyValue.of("web"), PropertyValue.of("api")))),
                ComponentResourceOptions.Empty))));
        var urls = response.get().get(30, TimeUnit.SECONDS).getState().get("repositoryUrls").getOutputValue().getValue().getObjectValue();
        assertThat(urls).containsOnlyKeys("api", "web");
        assertThat(urls.get("web").toString()).contains("shop/web");
    }

    @Test
    void badInputsFailNamingEveryProblemBeforeAnythingIsRegistered() {
        var failure = new AtomicReference<Throwable>();
        var mocks = MockStack.run(ctx -> {
            try {
                PROVIDER.construct(new ConstructRequest("containerplatform:index:NetworkComponent", "shop", networkInputs("10.0.0.0/8"),
                        ComponentResourceOptions.Empty));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        assertThat(failure.get()).rootCause().hasMessage(
                "NetworkArgs.cidr: \"10.0.0.0/8\" has prefix /8; allowed: IPv4 CIDR, prefix /16 to /24, no host bits");
        assertThat(mocks.ofType("aws:ec2/vpc:Vpc")).isEmpty();
    }
}
