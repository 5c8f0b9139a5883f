package io.containerplatform.plan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving the services to {@code container-platform:services} replaces nothing an existing stack has but what is meant
 * to go. The plans of dev and prod as they were before the move ({@code before-services/<stack>.json}, recorded from
 * the previous program) are compared with today's: a resource is the same when it has the same URN or an alias to
 * the old one; the mock engine's ids and ARNs, which it derives from logical names, are compared with the new names
 * mapped back to the old (a real stack keeps the physical names of an aliased resource; its {@code Name} tags, mapped
 * the same way here, do follow the new names, an update in place). What is left must be exactly the intended change.
 */
class StableIdentityTest {

    /** What the comparison finds: deleted and created resources ({@code <name> <type>}) and changed inputs by resource. */
    record Difference(Set<String> deleted, Set<String> created, Map<String, Set<String>> changed) {
    }

    /**
     * New in both stacks' pipeline (issue 17): its dashboards, the ServiceMonitors of its MongoDB exporter and of KEDA,
     * and the guard that rolls back a failed rollout.
     */
    private static List<String> pipelineMonitoring(String stack) {
        return List.of(stack + "-pipeline-dashboard-data-pipeline ConfigMap", stack + "-pipeline-dashboard-eks-cluster ConfigMap",
                stack + "-pipeline-servicemonitor-mongodb ServiceMonitor", stack + "-pipeline-servicemonitor-keda-operator ServiceMonitor",
                stack + "-pipeline-rollout-guard CronJob", stack + "-pipeline-rollout-guard-sa ServiceAccount",
                stack + "-pipeline-rollout-guard-role Role", stack + "-pipeline-rollout-guard-binding RoleBinding",
                stack + "-pipeline-netpol-rollout-guard NetworkPolicy");
    }

    /**
     * New in both stacks' pipeline (issues 27 and 28): RabbitMQ's own Secret (the definitions it imports at every boot,
     * the Erlang cookie) and one per user (administrator, processor, publisher, KEDA).
     */
    private static List<String> rabbitMqUsers(String stack) {
        return List.of("server", "pipeline", "processor", "publisher", "keda").stream()
                .map(secret -> stack + "-pipeline-rabbitmq-" + secret + "-secret Secret").toList();
    }

    /**
     * What RabbitMQ's users, definitions and quorum queues change (issues 27 and 28): the broker's configuration
     * (definitions at boot, absolute memory watermark, message size) and pods (definitions volume, checksum
     * annotation, no first-boot user), and KEDA's credentials (the keda user's Secret).
     */
    private static Map<String, Set<String>> withRabbitMqChanges(String stack, Map<String, Set<String>> others) {
        var changed = new HashMap<>(others);
        changed.put(stack + "-pipeline-rabbitmq StatefulSet", Set.of("spec"));
        changed.put(stack + "-pipeline-rabbitmq-config ConfigMap", Set.of("data"));
        changed.put(stack + "-pipeline-rabbitmq-trigger-auth TriggerAuthentication", Set.of("spec"));
        return changed;
    }

    /**
     * What scraping MongoDB (an exporter sidecar, its port, user and network rule), RabbitMQ's queues and KEDA, and
     * alerting per queue change in the pipeline; Grafana's values too, where they are not secret (prod's carry the
     * alert webhook).
     */
    private static Map<String, Set<String>> withPipelineMonitoringChanges(String stack, Map<String, Set<String>> others) {
        var changed = new HashMap<>(others);
        for (var object : List.of("mongodb StatefulSet", "mongodb-headless Service", "mongodb-rs-initiate Job", "netpol-mongodb NetworkPolicy",
                "pipeline-alerts PrometheusRule", "servicemonitor-rabbitmq ServiceMonitor",
                // a progress deadline, which the rollout guard watches
                "spark-processor Deployment", "swagger-api Deployment")) {
            changed.put(stack + "-pipeline-" + object, Set.of("spec"));
        }
        changed.put(stack + "-pipeline-keda Release", Set.of("values"));
        if (stack.equals("dev")) {
            changed.put("dev-pipeline-monitoring Release", Set.of("values"));
        }
        return changed;
    }

    @Test
    void devChangesOnlyWhatTheSharedLoadBalancerClusterAndTheNewServiceMean() throws IOException {
        var diff = compare("dev");
        assertThat(diff.deleted()).describedAs("the app's own load balancer: the app is now routed by the shared one")
                .containsExactlyInAnyOrder("dev-app-lb WebLoadBalancer", "dev-app-lb LoadBalancer", "dev-app-lb-http Listener",
                        "dev-app-lb-sg SecurityGroup");
        assertThat(diff.created()).describedAs("the shared cluster's component, the app's rule and repository, and the third service")
                .contains("dev-cluster FargateCluster", "dev-lb-app-rule ListenerRule", "dev-lb-api-rule ListenerRule",
                        "dev-lb-api-tg TargetGroup", "dev-api FargateServiceComponent", "dev-api-service Service", "dev-app-repo Repository")
                .allMatch(r -> r.startsWith("dev-api") || r.equals("dev-cluster FargateCluster") || r.startsWith("dev-lb-api-")
                        || r.equals("dev-lb-app-rule ListenerRule") || r.startsWith("dev-app-repo") || r.startsWith("dev-eks-backup")
                        || pipelineMonitoring("dev").contains(r) || rabbitMqUsers("dev").contains(r));
        assertThat(diff.created()).containsAll(rabbitMqUsers("dev"));
        assertThat(diff.changed()).isEqualTo(withRabbitMqChanges("dev", withPipelineMonitoringChanges("dev", Map.of(
                // the web service's Spot share was the cluster's default; each service now sets its own (web keeps 50 %)
                "dev-cluster-capacity ClusterCapacityProviders", Set.of("defaultCapacityProviderStrategies"),
                // the app's instances admit the shared load balancer instead of their own
                "dev-app-instances-sg SecurityGroup", Set.of("ingress"),
                // the app's load balancer alarms and dashboard watch the shared load balancer
                "dev-app-alb-5xx MetricAlarm", Set.of("dimensions"),
                "dev-app-response-time MetricAlarm", Set.of("dimensions"),
                "dev-app-unhealthy-hosts MetricAlarm", Set.of("dimensions"),
                "dev-app-dashboard Dashboard", Set.of("dashboardBody"),
                // the egress rule now names the service port it is for (an update in place)
                "dev-lb-sg SecurityGroup", Set.of("egress"),
                // the StorageClass tags new volumes for the backup plan (its parameters replace it; volumes stay)
                "dev-eks-gp3 StorageClass", Set.of("parameters"),
                // deployments roll back on the service's alarms (an update in place)
                "dev-web-service Service", Set.of("alarms"),
                // revisions stay registered for rollbacks (a provider-side setting, no replacement)
                "dev-web-task TaskDefinition", Set.of("skipDestroy")))));
    }

    @Test
    void prodChangesOnlyWhatTheSharedLoadBalancerAndClusterMean() throws IOException {
        var diff = compare("prod");
        assertThat(diff.deleted()).containsExactlyInAnyOrder("prod-app-lb WebLoadBalancer", "prod-app-lb LoadBalancer",
                "prod-app-lb-http Listener", "prod-app-lb-https Listener", "prod-app-lb-sg SecurityGroup");
        var created = new ArrayList<>(pipelineMonitoring("prod"));
        created.addAll(rabbitMqUsers("prod"));
        created.addAll(List.of("prod-cluster FargateCluster", "prod-lb-app-rule ListenerRule",
                "prod-app-repo Repository", "prod-app-repo-lifecycle LifecyclePolicy",
                "prod-app-schedule-business-hours Schedule", "prod-app-schedule-after-hours Schedule",
                "prod-lb-logs AccessLogsBucket", "prod-lb-logs BucketV2", "prod-lb-logs-ownership BucketOwnershipControls",
                "prod-lb-logs-public-access BucketPublicAccessBlock", "prod-lb-logs-policy BucketPolicy",
                "prod-lb-logs-encryption BucketServerSideEncryptionConfigurationV2",
                "prod-lb-logs-lifecycle BucketLifecycleConfigurationV2",
                "prod-eks-backup-key Key", "prod-eks-backups Vault", "prod-eks-backup-plan Plan", "prod-eks-backup-role Role",
                "prod-eks-backup-role-policy-0 RolePolicyAttachment", "prod-eks-backup-role-policy-1 RolePolicyAttachment",
                "prod-eks-backup-volumes Selection"));
        assertThat(diff.created()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(diff.changed()).isEqualTo(withRabbitMqChanges("prod", withPipelineMonitoringChanges("prod", Map.of(
                "prod-app-instances-sg SecurityGroup", Set.of("ingress"),
                "prod-app-alb-5xx MetricAlarm", Set.of("dimensions"),
                "prod-app-response-time MetricAlarm", Set.of("dimensions"),
                "prod-app-unhealthy-hosts MetricAlarm", Set.of("dimensions"),
                "prod-app-dashboard Dashboard", Set.of("dashboardBody"),
                "prod-lb-sg SecurityGroup", Set.of("egress"),
                // access logs, on by default in prod
                "prod-lb LoadBalancer", Set.of("accessLogs"),
                "prod-eks-gp3 StorageClass", Set.of("parameters"),
                "prod-web-service Service", Set.of("alarms"),
                "prod-web-task TaskDefinition", Set.of("skipDestroy")))));
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

    static Difference compare(String stack) throws IOException {
        var before = before(stack);
        var after = StackPlans.of(stack).resources();
        var byUrn = new HashMap<String, Map<String, Object>>();
        before.forEach(r -> byUrn.put((String) r.get("urn"), r));
        var matched = new LinkedHashMap<PlanResource, Map<String, Object>>();
        var renames = new TreeMap<String, String>(Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        var created = new TreeSet<String>();
        for (var r : after) {
            var old = byUrn.get(r.urn());
            for (var alias : r.aliases()) {
                old = old == null ? byUrn.get(alias) : old;
            }
            if (old == null) {
                created.add(label(r.name(), r.type()));
                continue;
            }
            matched.put(r, old);
            var oldName = name((String) old.get("urn"));
            if (!oldName.equals(r.name())) {
                renames.put(r.name(), oldName);
            }
        }
        var deleted = new TreeSet<String>();
        var kept = new java.util.HashSet<>(matched.values());
        before.stream().filter(r -> !kept.contains(r)).forEach(r -> deleted.add(label(name((String) r.get("urn")), (String) r.get("type"))));
        var changed = new TreeMap<String, Set<String>>();
        matched.forEach((r, old) -> {
            @SuppressWarnings("unchecked")
            var oldInputs = (Map<String, Object>) old.get("inputs");
            var keys = new TreeSet<String>();
            var newInputs = r.inputs();
            var all = new TreeSet<>(oldInputs.keySet());
            all.addAll(newInputs.keySet());
            for (var key : all) {
                if (!String.valueOf(normalize(oldInputs.get(key))).equals(String.valueOf(normalize(renamed(newInputs.get(key), renames))))) {
                    keys.add(key);
                }
            }
            if (!keys.isEmpty()) {
                changed.put(label(r.name(), r.type()), keys);
            }
        });
        return new Difference(deleted, created, changed);
    }

    /** {@code value} with every new logical name the mocks may have put in an id or ARN replaced by the old one. */
    private static Object renamed(Object value, Map<String, String> renames) {
        if (value instanceof String text) {
            for (var rename : renames.entrySet()) {
                text = Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(rename.getKey()) + "(?=$|[^a-z0-9]|-id\\b)").matcher(text)
                        .replaceAll(Matcher.quoteReplacement(rename.getValue()));
            }
            return text;
        }
        if (value instanceof Map<?, ?> map) {
            var result = new TreeMap<String, Object>();
            map.forEach((k, v) -> result.put(String.valueOf(k), renamed(v, renames)));
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> renamed(v, renames)).toList();
        }
        return value;
    }

    /** Numbers as the plan file writes them (whole numbers without a fraction), maps sorted. */
    private static Object normalize(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : String.valueOf(n.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            var result = new TreeMap<String, Object>();
            map.forEach((k, v) -> result.put(String.valueOf(k), normalize(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StableIdentityTest::normalize).toList();
        }
        return value;
    }

    private static String label(String name, String type) {
        return name + " " + type.substring(type.lastIndexOf(':') + 1);
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
