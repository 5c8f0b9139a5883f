package io.containerplatform.program;

import io.containerplatform.plan.StackPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack outputs the runbooks read, and the names they must not guess: Pulumi auto-names the cluster, services,
 * load balancer, target groups, groups, repositories, vault, roles, alarms and database ({@code <logical name>-<7
 * random characters>}), so a command that names one by its logical name finds nothing.
 */
class StackOutputsTest {

    private static final List<String> STACKS = List.of("dev", "prod");
    /** The resource types an operator names in the runbooks, and the input that names each when the program sets it. */
    private static final Map<String, String> NAMING_INPUT = Map.ofEntries(
            Map.entry("aws:ecs/cluster:Cluster", "name"), Map.entry("aws:ecs/service:Service", "name"),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", "name"), Map.entry("aws:lb/targetGroup:TargetGroup", "name"),
            Map.entry("aws:autoscaling/group:Group", "name"), Map.entry("aws:ecr/repository:Repository", "name"),
            Map.entry("aws:backup/vault:Vault", "name"), Map.entry("aws:rds/instance:Instance", "identifier"),
            Map.entry("aws:iam/role:Role", "name"), Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", "name"),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", "name"), Map.entry("aws:eks/cluster:Cluster", "name"));
    private static final Pattern STACK_OUTPUT = Pattern.compile("pulumi\\s+stack\\s+output\\s+(?:--[a-z-]+\\s+)*([A-Za-z]+)");
    /** A value of the services output; a table cell escapes its pipe. */
    private static final Pattern SERVICE_VALUE = Pattern.compile(
            "pulumi\\s+stack\\s+output\\s+services\\s+--json\\s+\\\\?\\|\\s+jq\\s+-r\\s+'?\\.(?:[a-z]+|<name>)\\.([A-Za-z]+)");

    /** README.md and docs/*.md. */
    private static String docs() throws IOException {
        var text = new StringBuilder(Files.readString(Path.of("README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                text.append('\n').append(Files.readString(file));
            }
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> services(String stack) {
        return (Map<String, Map<String, String>>) StackPlans.of(stack).outputs().get("services");
    }

    @Test
    void everyOutputTheDocsReadIsOneTheProgramExports() throws IOException {
        var text = docs();
        var exported = new TreeSet<String>();
        var serviceKeys = new TreeSet<String>();
        for (var stack : STACKS) {
            exported.addAll(StackPlans.of(stack).outputs().keySet());
            services(stack).values().forEach(values -> serviceKeys.addAll(values.keySet()));
        }
        var read = STACK_OUTPUT.matcher(text).results().map(m -> m.group(1)).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        var readOfServices = SERVICE_VALUE.matcher(text).results().map(m -> m.group(1))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        assertThat(read).contains("services", "clusterName", "loadBalancerArn");
        assertThat(exported).describedAs("outputs of the dev and prod plans").containsAll(read);
        assertThat(readOfServices).contains("ecsService", "autoScalingGroup", "targetGroupArn");
        assertThat(serviceKeys).describedAs("keys of the services output").containsAll(readOfServices);
    }

    /**
     * No {@code aws} command of the docs names an auto-named resource by its logical name (its stack written
     * {@code <stack>}, its service {@code <name>}); an alarm name prefix may: the suffix comes after it.
     */
    @Test
    void noAwsCommandNamesAnAutoNamedResourceByItsLogicalName() throws IOException {
        var plan = StackPlans.of("dev");
        var serviceNames = services("dev").keySet();
        var logicalNames = new TreeSet<String>();
        NAMING_INPUT.forEach((type, input) -> plan.ofType(type).stream().filter(r -> !r.inputs().containsKey(input))
                .forEach(r -> logicalNames.add(template(r.name(), serviceNames))));
        assertThat(logicalNames).contains("<stack>-cluster", "<stack>-<name>-service", "<stack>-<name>-asg", "<stack>-eks-backups");
        var named = new ArrayList<String>();
        var commands = Pattern.compile("`(aws [^`]+)`|^(aws .+)$", Pattern.MULTILINE).matcher(docs());
        while (commands.find()) {
            var command = commands.group(1) != null ? commands.group(1) : commands.group(2);
            var tokens = command.split("[\\s/'\"=,]+");
            for (int i = 0; i < tokens.length; i++) {
                if (logicalNames.contains(tokens[i]) && !(i > 0 && tokens[i - 1].equals("--alarm-name-prefix"))) {
                    named.add(tokens[i] + " in: " + command);
                }
            }
        }
        assertThat(named).isEmpty();
    }

    private static String template(String logicalName, java.util.Set<String> serviceNames) {
        var name = "<stack>" + logicalName.substring("dev".length());
        for (var service : serviceNames) {
            name = name.replace("<stack>-" + service + "-", "<stack>-<name>-");
        }
        return name;
    }

    /** The services output is the same text on every run: sorted by service, each service's values by key. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesOutputIsSortedByServiceAndKey(String stack) {
        var services = services(stack);
        assertThat(services).isNotEmpty();
        assertThat(new ArrayList<>(services.keySet())).isSorted();
        services.forEach((service, values) -> assertThat(new ArrayList<>(values.keySet())).describedAs(service).hasSizeGreaterThan(5).isSorted());
    }
}
