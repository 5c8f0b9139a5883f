package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.eks.EksPlatformComponent;
import io.containerplatform.components.eks.NodeGroupSpec;
import io.containerplatform.components.monitoring.AlertDestination;
import io.containerplatform.components.pipeline.DataPipelineComponent;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The whole stack config, read once and validated before any resource is registered.
 *
 * @param environment {@code container-platform:environment}: dev, staging or prod (required)
 * @param owner       {@code container-platform:owner}: owning team, the {@code Owner} tag (required)
 * @param costCenter  {@code container-platform:costCenter}: the {@code CostCenter} tag (required)
 * @param extraTags   {@code container-platform:tags}: more tags for every taggable resource (optional)
 * @param network     {@code container-platform:network}
 * @param services    {@code container-platform:services}
 * @param loadBalancer {@code container-platform:loadBalancer}
 * @param sparkEcs    {@code container-platform:sparkEcs}
 * @param eks         {@code container-platform:eks}
 * @param pipeline    {@code container-platform:pipeline}
 * @param cost        {@code container-platform:cost}: the offline plan's budget and cost assumptions
 * @param alerts      {@code container-platform:alerts}: the stack's one alert destination, which every service's alarm
 *                    topic subscribes to unless the service names its own ({@link ServicesConfig}); required in prod
 *                    unless every service names its own; in prod with the pipeline, required and not empty (Alertmanager
 *                    publishes to a topic subscribed to it)
 */
public record StackConfig(Environment environment, String owner, String costCenter, Map<String, String> extraTags,
                          NetworkConfig network, ServicesConfig services, LoadBalancerConfig loadBalancer,
                          SparkEcsConfig sparkEcs, EksConfig eks, PipelineConfig pipeline, CostConfig cost,
                          AlertDestination alerts) {

    /** Tag keys the platform sets itself; {@code tags} may not redefine them. */
    public static final List<String> REQUIRED_TAGS = List.of("Project", "Environment", "Owner", "CostCenter", "ManagedBy");

    private static final List<String> OBJECT_KEYS = List.of("network", "tags", "alerts", "services", "loadBalancer", "fargate", "asg", "database", "sparkEcs", "eks", "pipeline", "cost");
    private static final List<String> SCALAR_KEYS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("environment", "owner", "costCenter", PipelineConfig.ALERT_WEBHOOK_KEY, PipelineConfig.PREVIOUS_KEY),
            PipelineConfig.SECRET_KEYS.stream()).toList();
    private static final String TAG_VALUE = "a string of at most 256 characters";

    /** Reads and validates {@code source}; throws {@link ConfigException} listing every problem. */
    public static StackConfig load(ConfigSource source) {
        var errors = new ArrayList<>(ForeignConfig.problems(source.foreign()));
        var config = parse(new ConfigObject("", toJson(source, errors), errors));
        var region = source.foreign().get("aws:region");
        if (region != null) {
            errors.addAll(certificateRegionProblems(config, region));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return config;
    }

    /**
     * One error per ACM certificate named in another region than {@code region} ({@code aws:region}): a load balancer
     * serves certificates of its own region only, so the listener's or the Ingress's creation would fail in the middle
     * of {@code pulumi up}.
     */
    static List<String> certificateRegionProblems(StackConfig config, String region) {
        var arns = new LinkedHashMap<String, Optional<String>>();
        arns.put("loadBalancer.certificateArn", config.loadBalancer().certificateArn());
        arns.put("pipeline.apiCertificateArn", config.pipeline().settings().apiCertificateArn());
        var errors = new ArrayList<String>();
        arns.forEach((key, arn) -> arn.ifPresent(value -> {
            var parts = value.split(":");
            if (parts.length > 3 && !parts[3].equals(region)) {
                errors.add(key + ": \"" + value + "\" is a certificate of " + parts[3] + ", and a load balancer serves only"
                        + " certificates of its own region (aws:region " + region + "); allowed: an ACM certificate ARN in " + region);
            }
        }));
        return errors;
    }

    /**
     * {@code source} as read, errors ignored: its {@link ConfigObject#keysRead()} are every key path the program
     * reads, set or not ({@code services.web.cpu}, {@code eks.nodeGroups[0].name}), and its
     * {@link ConfigObject#defaultsTaken()} the default of each absent one (what the README's reference says).
     */
    static ConfigObject read(ConfigSource source) {
        var errors = new ArrayList<String>();
        var root = new ConfigObject("", toJson(source, errors), errors);
        parse(root);
        return root;
    }

    private static StackConfig parse(ConfigObject root) {

        Environment environment = Environment.DEV;
        var environmentAllowed = String.join(", ", Environment.CHOICES.keySet());
        if (!root.has("environment")) {
            root.error("environment", "missing", environmentAllowed);
        } else {
            environment = root.oneOf("environment", Environment.DEV, Environment.CHOICES);
        }
        var owner = tagValue(root, root.requiredString("owner", "the owning team, " + TAG_VALUE), "owner");
        var costCenter = tagValue(root, root.requiredString("costCenter", "the cost center, " + TAG_VALUE), "costCenter");
        var tags = root.stringMap("tags", "a map of tag keys (1-128 characters, not aws:*, not "
                + String.join("/", REQUIRED_TAGS) + ") to values (at most 256 characters)", StackConfig::checkTag);
        var network = NetworkConfig.read(root.objectOrEmpty("network"), environment);
        var alerts = alerts(root);
        var services = ServicesConfig.read(root, environment, alerts);
        var destination = alerts.orElseGet(() -> AlertDestination.builder().build());
        var loadBalancer = LoadBalancerConfig.read(root.objectOrEmpty("loadBalancer"), environment);
        var sparkEcs = SparkEcsConfig.read(root.objectOrEmpty("sparkEcs"));
        var eks = EksConfig.read(root.objectOrEmpty("eks"), environment);
        var pipeline = PipelineConfig.read(root.objectOrEmpty("pipeline"), root, environment, eks.enabled());
        if (environment.isProd() && pipeline.enabled() && alerts.isPresent() && destination.isEmpty()) {
            root.error("alerts", "names no one, and the pipeline's Alertmanager publishes only to it: in prod the cluster's alerts"
                    + " would notify nobody", "in prod with the pipeline, at least one of alerts.emails or alerts.webhooks");
        }
        var cost = CostConfig.read(root.objectOrEmpty("cost"));
        var serviceNames = services.services().stream().map(ServiceConfig::name).toList();
        root.rejectUnknownKeys(key -> "; or a secret key a service's secrets name, and no service's secrets name " + key + " (services: "
                + (serviceNames.isEmpty() ? "none" : String.join(", ", serviceNames)) + "): a secret left by a removed service?"
                + " pulumi config rm " + ConfigSource.NAMESPACE + ":" + key);
        namespaceClaims(root, eks, pipeline);
        statefulCapacity(root, environment, network, eks, pipeline);
        return new StackConfig(environment, owner, costCenter, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags)), network, services, loadBalancer, sparkEcs, eks, pipeline, cost, destination);
    }

    /**
     * {@code alerts}: {@link AlertDestination}'s inputs of the same names, read through their declarations; empty when
     * one of them is in error (what was meant is unknown: no rule may then add a second error about it).
     */
    private static Optional<AlertDestination> alerts(ConfigObject root) {
        var before = root.errorCount();
        var c = root.objectOrEmpty("alerts");
        var alerts = c.bind(Inputs.defaults(AlertDestination.class), Map.of(), List.of("emails", "webhooks"));
        c.rejectUnknownKeys();
        return c.errorCount() == before ? Optional.of(Inputs.copyOf(alerts)) : Optional.empty();
    }

    /**
     * In production RabbitMQ's nodes and MongoDB's members run only on the nodes of the stateful groups (labelled
     * {@link EksPlatformComponent#STATEFUL_LABEL}, on-demand, one group per zone: a pod bound to a zonal EBS volume
     * always has a group that can bring a node back in its zone), one pod per node: such a group must exist, and keep
     * at least that many nodes over the zones ({@code minSize} per zone), or the StatefulSets never become ready. In
     * every environment they never run on Spot: a cluster of Spot groups only could not run them.
     */
    private static void statefulCapacity(ConfigObject root, Environment environment, NetworkConfig network, EksConfig eks,
                                         PipelineConfig pipeline) {
        if (!eks.enabled() || !pipeline.enabled()) {
            return;
        }
        if (eks.settings().nodeGroups().stream().allMatch(g -> "SPOT".equals(g.capacityType()))) {
            root.error("eks.nodeGroups", "every group is SPOT, and the pipeline's RabbitMQ and MongoDB never run on Spot capacity"
                    + " (a reclaimed node would take a member and its quorum with it)", "at least one ON_DEMAND group with the pipeline");
            return;
        }
        if (!environment.isProd()) {
            return;
        }
        var stateful = eks.settings().nodeGroups().stream().filter(NodeGroupSpec::stateful).toList();
        if (stateful.isEmpty()) {
            root.error("eks.nodeGroups", "no group is labelled " + EksPlatformComponent.STATEFUL_LABEL + "=\"true\", and in prod the"
                    + " pipeline's RabbitMQ and MongoDB run only on such nodes", "an ON_DEMAND group with perZone: true and labels "
                    + EksPlatformComponent.STATEFUL_LABEL + ": \"true\" (as Pulumi.prod.yaml's stateful group)");
            return;
        }
        var perZone = stateful.stream().mapToInt(NodeGroupSpec::minSize).sum();
        var nodes = perZone * network.azCount();
        var replicas = new LinkedHashMap<String, Integer>();
        replicas.put("rabbitmqReplicas", pipeline.settings().rabbitmqReplicas());
        replicas.put("mongodbReplicas", pipeline.settings().mongodbReplicas());
        replicas.forEach((key, count) -> {
            if (count > nodes) {
                root.error("pipeline." + key, count + " needs " + count + " stateful nodes (one each in prod), but the stateful node groups"
                        + " keep only " + nodes + " (minSize " + perZone + " per zone, " + network.azCount() + " zones)",
                        "at most the stateful groups' minSize times network.azCount; or raise a stateful group's minSize");
            }
        });
    }

    /**
     * Each Kubernetes namespace is created by one component: Kubernetes' own, the pipeline's (its namespace,
     * {@code monitoring} and {@code keda}) and {@code eks.namespaces} may not overlap, or two components would own
     * one namespace and the second to deploy would fail (or delete it with itself).
     */
    private static void namespaceClaims(ConfigObject root, EksConfig eks, PipelineConfig pipeline) {
        if (!eks.enabled()) {
            return;
        }
        var claims = new LinkedHashMap<String, String>();
        List.of("default", "kube-system", "kube-public", "kube-node-lease").forEach(ns -> claims.put(ns, "Kubernetes"));
        if (pipeline.enabled()) {
            claims.put(DataPipelineComponent.MONITORING, "the pipeline's monitoring stack");
            claims.put(DataPipelineComponent.KEDA, "the pipeline's KEDA");
            var owner = claims.putIfAbsent(pipeline.namespace(), "pipeline.namespace");
            if (owner != null) {
                root.error("pipeline.namespace", "\"" + pipeline.namespace() + "\" is created by " + owner,
                        "a namespace no other component creates (taken: " + String.join(", ", claims.keySet()) + ")");
            }
        }
        for (var ns : eks.namespaces()) {
            var owner = claims.putIfAbsent(ns, "eks.namespaces");
            if (owner != null) {
                root.error("eks.namespaces", "\"" + ns + "\" is created by " + owner,
                        "namespaces no other component creates (taken: " + String.join(", ", claims.keySet()) + ")");
            }
        }
    }

    /** The tags every taggable resource of the stack carries: the required five, then {@code tags}. */
    public Map<String, String> stackTags(String project) {
        var tags = new LinkedHashMap<String, String>();
        tags.put("Project", project);
        tags.put("Environment", environment.configValue());
        tags.put("Owner", owner);
        tags.put("CostCenter", costCenter);
        tags.put("ManagedBy", "pulumi");
        tags.putAll(extraTags);
        return tags;
    }

    private static String tagValue(ConfigObject root, String value, String key) {
        if (value.length() > 256) {
            root.error(key, "is " + value.length() + " characters long", TAG_VALUE);
        }
        return value;
    }

    private static Optional<String> checkTag(String key, String value) {
        if (key.isEmpty() || key.length() > 128) {
            return Optional.of("tag key \"" + key + "\" must be 1 to 128 characters");
        }
        if (key.toLowerCase().startsWith("aws:")) {
            return Optional.of("tag key \"" + key + "\" uses the reserved aws: prefix");
        }
        if (REQUIRED_TAGS.contains(key)) {
            return Optional.of("tag key \"" + key + "\" is set by the platform itself");
        }
        if (value.length() > 256) {
            return Optional.of("the value of \"" + key + "\" is " + value.length() + " characters long");
        }
        return Optional.empty();
    }

    /** The namespace's values as one JSON object: objects parsed from their JSON, scalars kept as strings. */
    private static JsonObject toJson(ConfigSource source, List<String> errors) {
        var keys = new TreeSet<>(source.keys());
        keys.addAll(OBJECT_KEYS);
        keys.addAll(SCALAR_KEYS);
        var json = new JsonObject();
        for (var key : keys) {
            var raw = source.get(key);
            if (raw.isEmpty()) {
                continue;
            }
            if (OBJECT_KEYS.contains(key)) {
                DuplicateKeys.in(key, raw.get()).forEach(path -> errors.add(path + ": given twice; allowed: each key once"));
                try {
                    json.add(key, JsonParser.parseString(raw.get()));
                } catch (RuntimeException notJson) {
                    errors.add(key + ": " + ConfigObject.show(new JsonPrimitive(raw.get()))
                            + " is not an object; allowed: an object of keys and values");
                }
            } else {
                json.add(key, new JsonPrimitive(raw.get()));
            }
        }
        return json;
    }
}
