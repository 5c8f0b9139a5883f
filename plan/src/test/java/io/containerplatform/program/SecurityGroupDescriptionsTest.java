package io.containerplatform.program;

import io.containerplatform.plan.Plan;
import io.containerplatform.plan.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EC2 refuses a security group or rule description outside its character set (InvalidParameterValue, in the middle of
 * {@code pulumi up}): at most 255 of a-z, A-Z, 0-9, spaces and {@code ._-:/()#,@[]+=;{}!$*} (the rules' set, which
 * leaves out the group's {@code &}; EC2 API reference, {@code UserIdGroupPair.Description},
 * {@code IpRange.Description}, {@code CreateSecurityGroup.GroupDescription}). No apostrophe, no quote.
 */
class SecurityGroupDescriptionsTest {

    private static final Pattern ALLOWED = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=;{}!$*]{0,255}");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDescriptionOfASecurityGroupOrRuleIsOneEc2Accepts(String stack) {
        var plan = StackPlans.of(stack);
        assertThat(descriptions(plan)).hasSizeGreaterThan(10);
        assertThat(descriptions(plan).stream().filter(d -> !ALLOWED.matcher(d).matches())).isEmpty();
    }

    @Test
    void anApostropheAnAmpersandOrTooLongADescriptionIsFound() {
        assertThat(List.of("Spark UIs from the clients' groups", "A & B", "x".repeat(256), "\"quoted\""))
                .noneMatch(d -> ALLOWED.matcher(d).matches());
        assertThat(ALLOWED.matcher("HTTPS (443) from the load balancer: [web], {api}; ok!").matches()).isTrue();
    }

    /** The descriptions of every security group, its inline rules and every separate rule of {@code plan}. */
    @SuppressWarnings("unchecked")
    private static List<String> descriptions(Plan plan) {
        var found = new ArrayList<String>();
        for (var r : plan.resources()) {
            if (!r.type().startsWith("aws:ec2/securityGroup") && !r.type().startsWith("aws:vpc/securityGroup")) {
                continue;
            }
            if (r.inputs().get("description") instanceof String d) {
                found.add(d);
            }
            for (var key : List.of("ingress", "egress")) {
                if (r.inputs().get(key) instanceof List<?> rules) {
                    rules.stream().map(rule -> ((Map<String, Object>) rule).get("description")).filter(String.class::isInstance)
                            .map(String.class::cast).forEach(found::add);
                }
            }
        }
        return found;
    }
}
