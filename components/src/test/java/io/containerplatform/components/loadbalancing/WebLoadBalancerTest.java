package io.containerplatform.components.loadbalancing;

import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.network.Placement;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import io.containerplatform.components.args.Inputs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.testing.MockStack.mapInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class WebLoadBalancerTest {

    static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc-123";
    static final Route SITE = Route.builder().name("site").targetType("ip").port(8080).healthCheckPath("/").paths(List.of()).hosts(List.of()).build();
    static final Route API = Route.builder().name("api").targetType("ip").port(9000).healthCheckPath("/health").paths(List.of("/api/*")).hosts(List.of()).build();
    static final Route SHOP = Route.builder().name("shop").targetType("instance").port(80).healthCheckPath("/students").paths(List.of("/students/*")).hosts(List.of("shop.example.com")).build();

    static WebLoadBalancerArgs.Builder args(Route... routes) {
        return WebLoadBalancerArgs.builder()
                .placement(Placement.of("vpc-1", "10.0.0.0/16", List.of("pub-a", "pub-b"), List.of("priv-a", "priv-b")))
                .routes(List.of(routes));
    }

    static PlatformMocks build(WebLoadBalancerArgs args) {
        return MockStack.run(ctx -> new WebLoadBalancer("web", args, ComponentResourceOptions.Empty));
    }

    @Test
    void withoutCertificatePort80ServesTheDefaultRouteAndOnly80IsOpen() {
        var mocks = build(args(SITE).build());
        var listeners = mocks.ofType("aws:lb/listener:Listener");
        assertThat(listeners).singleElement().satisfies(l -> {
            assertThat(l.inputs).containsEntry("port", 80.0).containsEntry("protocol", "HTTP");
            assertThat((List<Object>) l.inputs.get("defaultActions")).singleElement().isEqualTo(
                    Map.of("type", "forward", "targetGroupArn", PlatformMocks.arn("aws:lb/targetGroup:TargetGroup", "web-site-tg")));
        });
        assertThat(mocks.ofType("aws:lb/listenerRule:ListenerRule")).isEmpty();
        var sg = mocks.named("aws:ec2/securityGroup:SecurityGroup", "web-sg");
        assertThat((List<Object>) sg.inputs.get("ingress")).singleElement().isEqualTo(Map.of("description", "HTTP from the allowed ranges",
                "protocol", "tcp", "fromPort", 80.0, "toPort", 80.0, "cidrBlocks", List.of("0.0.0.0/0"), "ipv6CidrBlocks", List.of("::/0")));
    }

    @Test
    void withCertificatePort80RedirectsToATls13HttpsListenerThatCarriesTheRules() {
        var mocks = build(args(SITE, API).certificateArn(CERT).build());
        var http = mocks.named("aws:lb/listener:Listener", "web-http");
        assertThat((List<Object>) http.inputs.get("defaultActions")).singleElement().isEqualTo(Map.of("type", "redirect",
                "redirect", Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301")));
        var https = mocks.named("aws:lb/listener:Listener", "web-https");
        assertThat(https.inputs).containsEntry("port", 443.0).containsEntry("protocol", "HTTPS")
                .containsEntry("certificateArn", CERT).containsEntry("sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
        assertThat(mocks.named("aws:lb/listenerRule:ListenerRule", "web-api-rule").inputs)
                .containsEntry("listenerArn", PlatformMocks.arn("aws:lb/listener:Listener", "web-https"));
        var sg = mocks.named("aws:ec2/securityGroup:SecurityGroup", "web-sg");
        assertThat((List<Object>) sg.inputs.get("ingress")).extracting(r -> (Object) ((Map<?, ?>) r).get("fromPort")).containsExactly(80.0, 443.0);
    }

    @Test
    void eachRouteGetsItsTargetGroupAndARuleOnItsHostsAndPaths() {
        var mocks = build(args(SITE, API, SHOP).build());
        assertThat(mocks.named("aws:lb/targetGroup:TargetGroup", "web-api-tg").inputs).containsEntry("targetType", "ip").containsEntry("port", 9000.0);
        assertThat(mapInput(mocks.named("aws:lb/targetGroup:TargetGroup", "web-api-tg"), "healthCheck")).containsEntry("path", "/health");
        assertThat(mocks.named("aws:lb/targetGroup:TargetGroup", "web-shop-tg").inputs).containsEntry("targetType", "instance");
        var shop = mocks.named("aws:lb/listenerRule:ListenerRule", "web-shop-rule");
        assertThat((List<Object>) shop.inputs.get("conditions")).containsExactly(
                Map.of("hostHeader", Map.of("values", List.of("shop.example.com"))),
                Map.of("pathPattern", Map.of("values", List.of("/students/*"))));
        assertThat((List<Object>) shop.inputs.get("actions")).singleElement().isEqualTo(
                Map.of("type", "forward", "targetGroupArn", PlatformMocks.arn("aws:lb/targetGroup:TargetGroup", "web-shop-tg")));
        assertThat(((Number) shop.inputs.get("priority")).intValue()).isEqualTo(RulePriorities.of(List.of(SITE, API, SHOP)).get("shop"));
        assertThat(mocks.ofType("aws:lb/listenerRule:ListenerRule")).hasSize(2);
    }

    @Test
    void withoutADefaultRouteOtherRequestsGetA404() {
        var listener = build(args(API).build()).named("aws:lb/listener:Listener", "web-http");
        assertThat((List<Object>) listener.inputs.get("defaultActions")).singleElement().isEqualTo(Map.of("type", "fixed-response",
                "fixedResponse", Map.of("contentType", "text/plain", "messageBody", "Not found", "statusCode", "404")));
    }

    @Test
    void prioritiesPutTheMostSpecificRulesFirstAndDoNotMoveWhenAServiceIsAdded() {
        var two = RulePriorities.of(List.of(API, SHOP));
        assertThat(two.get("shop")).isLessThan(two.get("api")).isLessThanOrEqualTo(RulePriorities.BAND);
        var hostOnly = Route.builder().name("blog").targetType("ip").port(80).healthCheckPath("/").paths(List.of()).hosts(List.of("blog.example.com")).build();
        var three = RulePriorities.of(List.of(API, SHOP, hostOnly));
        assertThat(three).containsAllEntriesOf(two);
        assertThat(three.get("blog")).isGreaterThan(2 * RulePriorities.BAND);
        assertThat(RulePriorities.of(List.of(SITE))).isEmpty();
    }

    @Test
    void securityGroupIsTaggedAsALoadBalancerAndSendsOnlyToTheVpcOnTheServicesPorts() {
        var sg = build(args(SITE, API, SHOP).ingressCidrs(List.of("203.0.113.0/24")).ingressIpv6Cidrs(List.of()).build())
                .named("aws:ec2/securityGroup:SecurityGroup", "web-sg");
        assertThat(mapInput(sg, "tags")).containsEntry("containerplatform:role", "load-balancer");
        assertThat((List<Object>) sg.inputs.get("egress")).extracting(r -> (Object) ((Map<?, ?>) r).get("fromPort")).containsExactly(80.0, 8080.0, 9000.0);
        assertThat((List<Object>) sg.inputs.get("egress")).allSatisfy(r -> assertThat(((Map<?, ?>) r).get("cidrBlocks")).isEqualTo(List.of("10.0.0.0/16")));
        assertThat(((Map<?, ?>) ((List<Object>) sg.inputs.get("ingress")).get(0)).get("cidrBlocks")).isEqualTo(List.of("203.0.113.0/24"));
    }

    @Test
    void loadBalancerDropsInvalidHeadersAndTargetGroupsHaveTightTimings() {
        var mocks = build(args(SITE).deletionProtection(true).accessLogsBucket(com.pulumi.core.Output.of("logs-bucket")).build());
        assertThat(mocks.named("aws:lb/loadBalancer:LoadBalancer", "web").inputs)
                .containsEntry("loadBalancerType", "application").containsEntry("internal", false)
                .containsEntry("dropInvalidHeaderFields", true).containsEntry("enableDeletionProtection", true)
                .containsEntry("subnets", List.of("pub-a", "pub-b"))
                .containsEntry("accessLogs", Map.of("bucket", "logs-bucket", "prefix", "web", "enabled", true));
        var tg = mocks.named("aws:lb/targetGroup:TargetGroup", "web-site-tg");
        assertThat(tg.inputs).containsEntry("targetType", "ip").containsEntry("port", 8080.0).containsEntry("deregistrationDelay", 30.0);
        assertThat(mapInput(tg, "healthCheck")).containsEntry("path", "/").containsEntry("interval", 30.0)
                .containsEntry("healthyThreshold", 2.0).containsEntry("unhealthyThreshold", 3.0).containsEntry("timeout", 5.0)
                .containsEntry("matcher", "200-399");
    }

    @Test
    void aRouteThatIsNotThereIsAnError() {
        MockStack.run(ctx -> {
            var lb = new WebLoadBalancer("web", args(SITE).build(), ComponentResourceOptions.Empty);
            assertThat(lb.target("site").targetGroupArn()).isNotNull();
            assertThatThrownBy(() -> lb.target("shop")).hasMessage("WebLoadBalancer web has no route named shop; routes: [site]");
        });
    }

    private static final String ROUTES_ALLOWED = "at least one; names unique; at most one with neither paths nor hosts (it gets the"
            + " requests no other rule matches; without one, those get a 404)";

    private static final String PATHS = "path patterns starting with /; at most 5 paths and hosts in all";

    @Test
    void invalidArgsListEveryProblem() {
        var bad = Inputs.defaults(Route.class);
        Inputs.set(bad, Map.of("name", "Bad_Name", "port", 0, "healthCheckPath", "health", "paths", List.of("api", "/a", "/b", "/c"),
                "hosts", List.of("Not A Host", "x.example.com")));
        assertThatThrownBy(() -> WebLoadBalancerArgs.builder().routes(List.of(bad, SITE, SITE)).certificateArn("cert")
                .ingressCidrs(List.of()).ingressIpv6Cidrs(List.of()).build())
                .hasMessage("WebLoadBalancerArgs.placement: missing"
                        + " | WebLoadBalancerArgs.routes[0].name: \"Bad_Name\" is not a DNS-safe name of at most 20 characters;"
                        + " allowed: 1 to 20 characters of a-z, 0-9 and -, starting and ending with a letter or digit"
                        + " | WebLoadBalancerArgs.routes[0].targetType: missing; allowed: one of ip, instance"
                        + " | WebLoadBalancerArgs.routes[0].port: 0 is out of range; allowed: 1 to 65535"
                        + " | WebLoadBalancerArgs.routes[0].healthCheckPath: \"health\" does not start with /; allowed: a path starting with /"
                        + " | WebLoadBalancerArgs.routes[0].paths: \"api\" is not a path pattern; allowed: " + PATHS
                        + " | WebLoadBalancerArgs.routes[0].hosts: \"Not A Host\" is not a host name;"
                        + " allowed: lower-case host names, optionally *.; at most 5 paths and hosts in all"
                        + " | WebLoadBalancerArgs.routes[0].paths: 6 paths and hosts; allowed: " + PATHS
                        + " | WebLoadBalancerArgs.certificateArn: \"cert\" is not an ACM certificate ARN; allowed: an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>"
                        + " | WebLoadBalancerArgs.routes: \"site\" is named twice; allowed: " + ROUTES_ALLOWED
                        + " | WebLoadBalancerArgs.routes: [site, site] have neither paths nor hosts; allowed: " + ROUTES_ALLOWED
                        + " | WebLoadBalancerArgs.ingressIpv6Cidrs: is empty, and so is ingressCidrs: nothing could reach the load balancer;"
                        + " allowed: IPv6 CIDR blocks; with ingressCidrs, at least one range");
    }

    @Test
    void aBlueGreenRouteHasAGreenTargetGroupAndARuleCodeDeployMayRewrite() {
        var blueGreen = Route.builder().name("api").targetType("ip").port(9000).healthCheckPath("/health").paths(List.of("/api/*")).hosts(List.of()).blueGreen(true).build();
        var mocks = MockStack.run(ctx -> {
            var lb = new WebLoadBalancer("web", args(SITE, blueGreen).build(), ComponentResourceOptions.Empty);
            assertThat(lb.target("api").blueGreen()).isPresent();
            assertThat(lb.target("site").blueGreen()).isEmpty();
        });
        assertThat(mocks.ofType("aws:lb/targetGroup:TargetGroup")).extracting(r -> r.name)
                .containsExactlyInAnyOrder("web-site-tg", "web-api-tg", "web-api-tg-green");
        assertThat(mocks.named("aws:lb/targetGroup:TargetGroup", "web-api-tg-green").inputs.get("healthCheck").toString()).contains("path=/health");
        assertThatThrownBy(() -> Route.builder().name("site").targetType("ip").port(80).blueGreen(true).build())
                .hasMessageContaining("Route.blueGreen: set on a route with neither paths nor hosts");
    }
}
