package io.containerplatform.plan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving the services to {@code container-platform:services} replaced nothing an existing stack has but what was meant
 * to go. The plans of dev and prod as they were before the move ({@code before-services/<stack>.json}, recorded from
 * the previous program) are compared with today's: a resource is the same when it has the same URN or an alias to the
 * old one. Every resource of the old plan must still be there, but the app's own load balancer, which the shared one
 * replaced. What changed in the inputs since is not this test's business: the change preview
 * ({@code -Dbase=<folder>}) classifies each change against the providers' own tables.
 */
class StableIdentityTest {

    @Test
    void devKeepsEveryResourceButTheAppsOwnLoadBalancer() throws IOException {
        assertThat(deleted("dev")).describedAs("the app's own load balancer: the app is now routed by the shared one; dev's node"
                        + " group, now one per zone (dev-eks-general-<n>, created before it goes: auto-named)")
                .containsExactlyInAnyOrder("dev-app-lb WebLoadBalancer", "dev-app-lb LoadBalancer", "dev-app-lb-http Listener",
                        "dev-app-lb-sg SecurityGroup", "dev-eks-general NodeGroup");
    }

    @Test
    void prodKeepsEveryResourceButTheAppsOwnLoadBalancer() throws IOException {
        assertThat(deleted("prod")).containsExactlyInAnyOrder("prod-app-lb WebLoadBalancer", "prod-app-lb LoadBalancer",
                "prod-app-lb-http Listener", "prod-app-lb-https Listener", "prod-app-lb-sg SecurityGroup");
    }

    /** The load balancer keeps what would replace it, so existing DNS records keep working. */
    @Test
    void theWebServicesLoadBalancerBecomesTheSharedOneWithItsSecurityGroupDescription() {
        var plan = StackPlans.of("prod");
        var lb = resource(plan, "aws:lb/loadBalancer:LoadBalancer", "prod-lb");
        assertThat(lb.aliases()).containsExactly("urn:pulumi:prod::container-platform::pulumi:pulumi:Stack$containerplatform:ecs:"
                + "FargateServiceComponent$containerplatform:loadbalancing:WebLoadBalancer$aws:lb/loadBalancer:LoadBalancer::prod-web-lb");
        assertThat(resource(plan, "aws:ec2/securityGroup:SecurityGroup", "prod-lb-sg").inputs())
                .containsEntry("description", "Load balancer prod-web-lb: web traffic in, target port out to the VPC");
    }

    private static PlanResource resource(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** The resources of the old plan that today's plan has neither under their URN nor under an alias ({@code <name> <type>}). */
    static Set<String> deleted(String stack) throws IOException {
        var known = new HashSet<String>();
        for (var r : StackPlans.of(stack).resources()) {
            known.add(r.urn());
            known.addAll(r.aliases());
        }
        var deleted = new TreeSet<String>();
        before(stack).stream().map(r -> (String) r.get("urn")).filter(urn -> !known.contains(urn))
                .forEach(urn -> deleted.add(label(name(urn), type(urn))));
        return deleted;
    }

    private static String label(String name, String type) {
        return name + " " + type.substring(type.lastIndexOf(':') + 1);
    }

    private static String type(String urn) {
        var qualified = urn.substring(0, urn.lastIndexOf("::"));
        qualified = qualified.substring(qualified.lastIndexOf("::") + 2);
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    private static String name(String urn) {
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> before(String stack) throws IOException {
        try (var in = StableIdentityTest.class.getResourceAsStream("before-services/" + stack + ".json")) {
            var doc = new com.google.gson.Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), Map.class);
            var resources = (List<Map<String, Object>>) ((Map<String, Object>) doc.get("deployment")).get("resources");
            return new ArrayList<>(resources);
        }
    }
}
