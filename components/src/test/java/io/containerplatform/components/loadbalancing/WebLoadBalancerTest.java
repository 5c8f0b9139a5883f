package io.containerplatform.components.loadbalancing;

import io.containerplatform.components.network.Placement;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.testing.MockStack.mapInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class WebLoadBalancerTest {

    static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc-123";

    static WebLoadBalancerArgs.Builder args() {
        return WebLoadBalancerArgs.builder()
                .placement(Placement.of("vpc-1", "10.0.0.0/16", List.of("pub-a", "pub-b"), List.of("priv-a", "priv-b")))
                .targetType(WebLoadBalancerArgs.TargetType.IP).targetPort(8080);
    }

    static PlatformMocks build(WebLoadBalancerArgs args) {
        return MockStack.run(ctx -> new WebLoadBalancer("web", args, ComponentResourceOptions.Empty));
    }

    @Test
    void withoutCertificatePort80ForwardsAndOnly80IsOpen() {
        var mocks = build(args().build());
        var listeners = mocks.ofType("aws:lb/listener:Listener");
        assertThat(listeners).singleElement().satisfies(l -> {
            assertThat(l.inputs).containsEntry("port", 80.0).containsEntry("protocol", "HTTP");
            assertThat((List<Object>) l.inputs.get("defaultActions")).singleElement().isEqualTo(
                    Map.of("type", "forward", "targetGroupArn", PlatformMocks.arn("aws:lb/targetGroup:TargetGroup", "web-tg")));
        });
        var sg = mocks.named("aws:ec2/securityGroup:SecurityGroup", "web-sg");
        assertThat((List<Object>) sg.inputs.get("ingress")).singleElement().isEqualTo(Map.of("description", "HTTP from the allowed ranges",
                "protocol", "tcp", "fromPort", 80.0, "toPort", 80.0, "cidrBlocks", List.of("0.0.0.0/0"), "ipv6CidrBlocks", List.of("::/0")));
    }

    @Test
    void withCertificatePort80RedirectsToATls13HttpsListener() {
        var mocks = build(args().certificateArn(CERT).build());
        var http = mocks.named("aws:lb/listener:Listener", "web-http");
        assertThat((List<Object>) http.inputs.get("defaultActions")).singleElement().isEqualTo(Map.of("type", "redirect",
                "redirect", Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301")));
        var https = mocks.named("aws:lb/listener:Listener", "web-https");
        assertThat(https.inputs).containsEntry("port", 443.0).containsEntry("protocol", "HTTPS")
                .containsEntry("certificateArn", CERT).containsEntry("sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
        var sg = mocks.named("aws:ec2/securityGroup:SecurityGroup", "web-sg");
        assertThat((List<Object>) sg.inputs.get("ingress")).extracting(r -> (Object) ((Map<?, ?>) r).get("fromPort")).containsExactly(80.0, 443.0);
    }

    @Test
    void securityGroupIsTaggedAsALoadBalancerAndSendsOnlyToTheVpcOnTheTargetPort() {
        var sg = build(args().ingressCidrs(List.of("203.0.113.0/24")).ingressIpv6Cidrs(List.of()).build())
                .named("aws:ec2/securityGroup:SecurityGroup", "web-sg");
        assertThat(mapInput(sg, "tags")).containsEntry("containerplatform:role", "load-balancer");
        assertThat((List<Object>) sg.inputs.get("egress")).singleElement().isEqualTo(Map.of("description", "To the targets on their port, inside the VPC",
                "protocol", "tcp", "fromPort", 8080.0, "toPort", 8080.0, "cidrBlocks", List.of("10.0.0.0/16")));
        assertThat(((Map<?, ?>) ((List<Object>) sg.inputs.get("ingress")).get(0)).get("cidrBlocks")).isEqualTo(List.of("203.0.113.0/24"));
    }

    @Test
    void loadBalancerDropsInvalidHeadersAndTargetGroupHasTightTimings() {
        var mocks = build(args().deletionProtection(true).accessLogsBucket("logs-bucket").healthCheckPath("/health").build());
        assertThat(mocks.named("aws:lb/loadBalancer:LoadBalancer", "web").inputs)
                .containsEntry("loadBalancerType", "application").containsEntry("internal", false)
                .containsEntry("dropInvalidHeaderFields", true).containsEntry("enableDeletionProtection", true)
                .containsEntry("subnets", List.of("pub-a", "pub-b"))
                .containsEntry("accessLogs", Map.of("bucket", "logs-bucket", "prefix", "web", "enabled", true));
        var tg = mocks.named("aws:lb/targetGroup:TargetGroup", "web-tg");
        assertThat(tg.inputs).containsEntry("targetType", "ip").containsEntry("port", 8080.0).containsEntry("deregistrationDelay", 30.0);
        assertThat(mapInput(tg, "healthCheck")).containsEntry("path", "/health").containsEntry("interval", 30.0)
                .containsEntry("healthyThreshold", 2.0).containsEntry("unhealthyThreshold", 3.0).containsEntry("timeout", 5.0)
                .containsEntry("matcher", "200-399");
    }

    @Test
    void instanceTargetsForAutoScalingGroups() {
        var tg = build(args().targetType(WebLoadBalancerArgs.TargetType.INSTANCE).build()).named("aws:lb/targetGroup:TargetGroup", "web-tg");
        assertThat(tg.inputs).containsEntry("targetType", "instance");
    }

    @Test
    void invalidArgsListEveryProblem() {
        assertThatThrownBy(() -> WebLoadBalancerArgs.builder().targetPort(0).healthCheckPath("health").certificateArn("cert")
                .ingressCidrs(List.of()).ingressIpv6Cidrs(List.of()).build())
                .hasMessage("WebLoadBalancerArgs.placement is required; WebLoadBalancerArgs.targetType is required (IP or INSTANCE); "
                        + "WebLoadBalancerArgs.targetPort: 0 is outside 1 to 65535; WebLoadBalancerArgs.healthCheckPath: \"health\" must start with /; "
                        + "WebLoadBalancerArgs.certificateArn: \"cert\" is not an ACM certificate ARN; "
                        + "WebLoadBalancerArgs.ingressCidrs and ingressIpv6Cidrs are both empty: nothing could reach the load balancer");
    }
}
