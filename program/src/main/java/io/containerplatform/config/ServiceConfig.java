package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.asg.AsgServiceArgs;
import io.containerplatform.components.common.Formats;
import io.containerplatform.components.fargate.BlueGreenRollout;
import io.containerplatform.components.fargate.FargateServiceArgs;
import io.containerplatform.components.loadbalancing.Route;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;
import io.containerplatform.components.scaling.ScheduledCapacity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One service of {@code container-platform:services}, named by its key (README, "Services"). Most of its keys are the
 * declared inputs of its kind's component, read through their declarations ({@link ConfigObject#bind}): {@link #FARGATE_KEYS}
 * of {@link FargateServiceArgs}, {@link #EC2_KEYS} of {@link AsgServiceArgs}. The others are the service's own:
 * {@code kind}; its route on the shared load balancer ({@code healthCheckPath}, {@code paths}, {@code hosts});
 * {@code secrets} (ARNs, or secret keys of the stack's config), {@code permissions}, {@code schedules},
 * {@code rollout} and, for ec2, {@code database}, which the program turns into the component's inputs.
 *
 * @param name            the service's name: 1 to 20 characters of a-z, 0-9 and -
 * @param kind            {@code fargate} or {@code ec2}
 * @param healthCheckPath the load balancer's health check path; default {@code /}
 * @param paths           path patterns routed to the service on the shared load balancer; default none
 * @param hosts           host names routed to it; default none. With neither, the service is the default route
 * @param secrets         environment variables from secrets, by variable (fargate)
 * @param fargate         the inputs of a fargate service read from config (placement, cluster, target and secrets are
 *                        the program's); empty for ec2
 * @param ec2             the inputs of an ec2 service read from config; empty for fargate
 * @param database        the database of an ec2 service, if any
 */
public record ServiceConfig(String name, ServiceKind kind, String healthCheckPath, List<String> paths, List<String> hosts,
                            Map<String, SecretSource> secrets, Optional<FargateServiceArgs> fargate, Optional<AsgServiceArgs> ec2,
                            Optional<DatabaseConfig> database) {

    /** Service names: DNS-safe and short enough for the names derived from them (target groups: 32 characters). */
    static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?");
    static final String NAME_ALLOWED = "1 to 20 characters of a-z, 0-9 and - (starting and ending with a letter or digit)";
    /** The keys of a fargate service that are {@link FargateServiceArgs}' inputs of the same names. */
    public static final List<String> FARGATE_KEYS = List.of("image", "port", "environment", "alarmEmails", "logRetentionDays", "cpu",
            "memory", "desiredCount", "minCount", "maxCount", "cpuTargetPercent", "memoryTargetPercent", "spot", "architecture");
    /** The keys of an ec2 service that are {@link AsgServiceArgs}' inputs of the same names. */
    public static final List<String> EC2_KEYS = List.of("image", "port", "environment", "alarmEmails", "logRetentionDays", "instanceType",
            "minSize", "maxSize", "desiredCapacity", "cpuTargetPercent", "scaleUpCpuPercent", "scaleDownCpuPercent", "cooldownSeconds");
    private static final String ROLLING = "rolling";
    private static final String BLUE_GREEN = "blueGreen";
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/.+");

    /** Where a secret comes from: an ARN as given, or a secret config key whose value the program stores in Secrets Manager. */
    public record SecretSource(Optional<String> arn, Optional<String> configKey) {
    }

    static ServiceConfig read(String name, ConfigObject c, ConfigObject root, Environment env) {
        var kind = c.has("kind") ? c.oneOf("kind", ServiceKind.FARGATE, ServiceKind.CHOICES) : missingKind(c);
        var healthCheckPath = httpPath(c, "healthCheckPath", "/");
        var paths = c.stringList("paths", List.of(), "load balancer path patterns such as /api/*",
                p -> Formats.isPathPattern(p) ? Optional.empty()
                        : Optional.of("\"" + p + "\" is not a path pattern (it starts with /, at most 128 characters)"));
        var hosts = c.stringList("hosts", List.of(), "host names such as api.example.com or *.example.com",
                h -> Formats.isHostName(h) ? Optional.empty() : Optional.of("\"" + h + "\" is not a host name"));
        if (paths.size() + hosts.size() > Route.MAX_CONDITION_VALUES) {
            c.error("paths", (paths.size() + hosts.size()) + " paths and hosts", "at most " + Route.MAX_CONDITION_VALUES
                    + " paths and hosts together (what one ALB rule evaluates)");
        }
        var secrets = secrets(c, root, kind);
        var permissions = c.objectOrEmpty("permissions");
        var policyArns = permissions.stringList("managedPolicyArns", List.of(), "IAM managed policy ARNs",
                a -> POLICY_ARN.matcher(a).matches() ? Optional.empty() : Optional.of("\"" + a + "\" is not an IAM policy ARN"));
        var statements = statements(permissions);
        permissions.rejectUnknownKeys();
        Map<String, Object> overrides = Map.of("logRetentionDays", env.logRetentionDays());
        var schedules = schedules(c, kind == ServiceKind.FARGATE ? 1000 : 100);
        var blueGreen = rollout(c, kind, paths.isEmpty() && hosts.isEmpty());
        Optional<FargateServiceArgs> fargate = Optional.empty();
        Optional<AsgServiceArgs> ec2 = Optional.empty();
        Optional<DatabaseConfig> database = Optional.empty();
        if (kind == ServiceKind.FARGATE) {
            var args = c.bind(Inputs.defaults(FargateServiceArgs.class), overrides, FARGATE_KEYS);
            if (!schedules.isEmpty() && !args.autoscaling()) {
                c.error("schedules", "set without autoscaling", "schedules on a fargate service whose maxCount is above its minCount");
            }
            Inputs.set(args, Map.of("taskPolicyArns", policyArns, "taskPolicyStatements", statements, "schedules", schedules));
            blueGreen.ifPresent(b -> Inputs.set(args, Map.of("blueGreen", b)));
            fargate = Optional.of(args);
        } else {
            var args = c.bind(Inputs.defaults(AsgServiceArgs.class), overrides, EC2_KEYS);
            Inputs.set(args, Map.of("instancePolicyArns", policyArns, "instancePolicyStatements", statements, "schedules", schedules));
            ec2 = Optional.of(args);
            database = c.object("database").map(d -> DatabaseConfig.read(d, env));
        }
        c.rejectUnknownKeys();
        return new ServiceConfig(name, kind, healthCheckPath, paths, hosts, secrets, fargate, ec2, database);
    }

    private static Optional<BlueGreenRollout> rollout(ConfigObject c, ServiceKind kind, boolean defaultRoute) {
        var rollout = c.objectOrEmpty("rollout");
        var strategy = rollout.oneOf("strategy", ROLLING, new TreeMap<>(Map.of(ROLLING, ROLLING, BLUE_GREEN, BLUE_GREEN)));
        Optional<BlueGreenRollout> result = Optional.empty();
        if (strategy.equals(BLUE_GREEN)) {
            if (kind == ServiceKind.EC2) {
                rollout.error("strategy", "blueGreen on an ec2 service", "rolling for ec2 services (an instance refresh); blueGreen for fargate services");
            } else if (defaultRoute) {
                rollout.error("strategy", "blueGreen on a service without paths or hosts",
                        "blueGreen on a service routed by paths or hosts (CodeDeploy shifts its listener rule)");
            }
            var shifts = new TreeMap<String, String>();
            BlueGreenRollout.TRAFFIC_SHIFTS.keySet().forEach(k -> shifts.put(k, k));
            var defaults = BlueGreenRollout.defaults();
            var shift = rollout.oneOf("trafficShift", defaults.trafficShift(), shifts);
            var wait = rollout.integer("terminateBlueAfterMinutes", defaults.terminateBlueAfterMinutes(), 0, BlueGreenRollout.MAX_TERMINATE_MINUTES);
            result = Optional.of(new BlueGreenRollout(shift, wait));
        }
        rollout.rejectUnknownKeys();
        return result;
    }

    /** {@code rolling} or {@code blueGreen}, as in the config. */
    public String rolloutStrategy() {
        return fargate.flatMap(FargateServiceArgs::blueGreen).isPresent() ? BLUE_GREEN : ROLLING;
    }

    private static List<ScheduledCapacity> schedules(ConfigObject c, int most) {
        var list = c.objectList("schedules");
        if (list == null) {
            return List.of();
        }
        var result = new java.util.ArrayList<ScheduledCapacity>();
        for (var s : list) {
            var name = s.requiredString("name", "1 to 40 characters of a-z, 0-9 and -");
            var cronAllowed = ScheduledCapacity.CRON_ALLOWED;
            var cron = s.requiredString("cron", cronAllowed);
            ScheduledCapacity.cronProblem(cron).ifPresent(p -> s.error("cron", p, cronAllowed));
            var zone = s.string("timeZone", "UTC", "an IANA time zone such as Europe/Paris");
            ScheduledCapacity.timeZoneProblem(zone).ifPresent(p -> s.error("timeZone", p, "an IANA time zone such as Europe/Paris"));
            var min = s.integer("minCapacity", 0, 0, most);
            var max = s.integer("maxCapacity", min, 0, most);
            if (min > max) {
                s.error("minCapacity", min + " is greater than maxCapacity " + max, "minCapacity <= maxCapacity");
            }
            s.rejectUnknownKeys();
            result.add(new ScheduledCapacity(name, cron, zone, min, max));
        }
        var names = result.stream().map(ScheduledCapacity::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            c.error("schedules", "names " + names + " are not unique", "a unique name per schedule");
        }
        return List.copyOf(result);
    }

    private static ServiceKind missingKind(ConfigObject c) {
        c.error("kind", "missing", String.join(", ", ServiceKind.CHOICES.keySet()));
        return ServiceKind.FARGATE;
    }

    private static Map<String, SecretSource> secrets(ConfigObject c, ConfigObject root, ServiceKind kind) {
        var allowed = "a Secrets Manager secret or SSM parameter ARN, or the name of a secret key of this stack's config"
                + " (pulumi config set --secret <key>)";
        var raw = c.stringMap("secrets", "a map of variable names to " + allowed,
                (k, v) -> Formats.isVariableName(k) ? Optional.empty() : Optional.of("\"" + k + "\" is not a variable name"));
        if (!raw.isEmpty() && kind == ServiceKind.EC2) {
            c.error("secrets", "set on an ec2 service", "secrets on fargate services (ec2 instances read only their database's secret)");
        }
        var result = new TreeMap<String, SecretSource>();
        raw.forEach((variable, value) -> {
            if (Formats.isSecretReference(value)) {
                result.put(variable, new SecretSource(Optional.of(value), Optional.empty()));
            } else if (root.has(value)) {
                result.put(variable, new SecretSource(Optional.empty(), Optional.of(value)));
            } else {
                c.error("secrets." + variable, "\"" + value + "\" is neither an ARN nor a key of this stack's config", allowed);
            }
        });
        return Map.copyOf(result);
    }

    private static List<Map<String, Object>> statements(ConfigObject permissions) {
        var result = new java.util.ArrayList<Map<String, Object>>();
        var list = permissions.objectList("statements");
        if (list == null) {
            return List.of();
        }
        for (var statement : list) {
            var effect = statement.oneOf("Effect", "Allow", new TreeMap<>(Map.of("Allow", "Allow", "Deny", "Deny")));
            var actions = statement.stringList("Action", List.of(), "IAM actions such as s3:GetObject", a -> Optional.empty());
            var resources = statement.stringList("Resource", List.of(), "resource ARNs, or *", r -> Optional.empty());
            if (actions.isEmpty()) {
                statement.error("Action", "missing", "IAM actions such as s3:GetObject");
            }
            if (resources.isEmpty()) {
                statement.error("Resource", "missing", "resource ARNs, or *");
            }
            statement.rejectUnknownKeys();
            var map = new LinkedHashMap<String, Object>();
            map.put("Effect", effect);
            map.put("Action", actions);
            map.put("Resource", resources);
            result.add(map);
        }
        return List.copyOf(result);
    }

    /** The service's route on the shared load balancer. */
    public Route route() {
        return new Route(name, kind == ServiceKind.FARGATE ? WebLoadBalancerArgs.TargetType.IP : WebLoadBalancerArgs.TargetType.INSTANCE,
                port(), healthCheckPath, paths, hosts, fargate.flatMap(FargateServiceArgs::blueGreen).isPresent());
    }

    /** True when the service gets the requests no other service's paths or hosts match. */
    public boolean isDefaultRoute() {
        return paths.isEmpty() && hosts.isEmpty();
    }

    /** The container port of the service. */
    public int port() {
        return fargate.map(FargateServiceArgs::port).orElseGet(() -> ec2.orElseThrow().port());
    }

    /** The image of the service, as the config gives it. */
    public String image() {
        return fargate.map(FargateServiceArgs::image).orElseGet(() -> ec2.orElseThrow().image());
    }

    /** The arguments of a fargate service (placement, cluster, target and secrets are added by the program). */
    public FargateServiceArgs.Builder toFargateArgs() {
        return FargateServiceArgs.builder(fargate.orElseThrow());
    }

    /** The arguments of an ec2 service (placement and target are added by the program). */
    public AsgServiceArgs.Builder toEc2Args(Environment env) {
        var args = AsgServiceArgs.builder(ec2.orElseThrow());
        database.ifPresent(d -> args.database(d.toArgs(env)));
        return args;
    }

    /** An HTTP path, {@code fallback} when absent. */
    private static String httpPath(ConfigObject c, String key, String fallback) {
        var allowed = "an HTTP path starting with /";
        var path = c.string(key, fallback, allowed);
        if (!path.startsWith("/")) {
            c.error(key, "\"" + path + "\" does not start with /", allowed);
        }
        return path;
    }
}
