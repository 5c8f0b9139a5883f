package io.containerplatform.config;

import io.containerplatform.components.asg.AsgServiceArgs;
import io.containerplatform.components.common.LogRetention;
import io.containerplatform.components.fargate.BlueGreenRollout;
import io.containerplatform.components.fargate.FargateServiceArgs;
import io.containerplatform.components.fargate.FargateSizes;
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
 * One service of {@code container-platform:services}, named by its key. Keys of every kind: {@code kind},
 * {@code image}, {@code port}, {@code healthCheckPath}, {@code paths}, {@code hosts}, {@code environment},
 * {@code secrets}, {@code permissions}, {@code alarmEmails}, {@code logRetentionDays}; keys of fargate services:
 * {@code cpu}, {@code memory}, {@code desiredCount}, {@code minCount}, {@code maxCount}, {@code cpuTargetPercent},
 * {@code memoryTargetPercent}, {@code spot}, {@code architecture}; keys of ec2 services: {@code instanceType},
 * {@code minSize}, {@code maxSize}, {@code desiredCapacity}, {@code cpuTargetPercent}, {@code scaleUpCpuPercent},
 * {@code scaleDownCpuPercent}, {@code cooldownSeconds}, {@code database}; and {@code schedules} and {@code rollout}.
 * README, "Services".
 *
 * @param name            the service's name: 1 to 20 characters of a-z, 0-9 and -
 * @param kind            {@code fargate} or {@code ec2}; required
 * @param image           a pinned image, or {@code :<tag>} of the service's ECR repository; required
 * @param port            the port the container listens on; default 80
 * @param healthCheckPath the load balancer's health check path; default {@code /}
 * @param paths           path patterns routed to the service on the shared load balancer; default none
 * @param hosts           host names routed to it; default none. With neither, the service is the default route
 * @param environment     plain environment variables; default none
 * @param secrets         environment variables from secrets: a Secrets Manager or SSM parameter ARN, or the name of a
 *                        secret key of this stack's config ({@code pulumi config set --secret}); fargate only
 * @param policyArns      managed policies of the task or instance role ({@code permissions.managedPolicyArns})
 * @param policyStatements inline IAM statements of that role ({@code permissions.statements})
 * @param alarmEmails     addresses subscribed to the service's alarms; default none
 * @param logRetentionDays retention of its log group; default 30 in prod, else 7
 * @param fargate         the sizing of a fargate service
 * @param ec2             the sizing of an ec2 service
 * @param schedules       capacities it takes on a schedule ({@code schedules}: name, cron, timeZone, minCapacity,
 *                        maxCapacity); default none; a fargate service needs autoscaling for them
 * @param blueGreen       {@code rollout.strategy: blueGreen} (fargate services with paths or hosts): CodeDeploy deploys it,
 *                        moving traffic by {@code rollout.trafficShift} (default allAtOnce) and stopping the original
 *                        tasks {@code rollout.terminateBlueAfterMinutes} later (default 5); empty for
 *                        {@code strategy: rolling}, the default. Both roll back by themselves on the service's alarms
 */
public record ServiceConfig(String name, ServiceKind kind, String image, int port, String healthCheckPath, List<String> paths,
                            List<String> hosts, Map<String, String> environment, Map<String, SecretSource> secrets,
                            List<String> policyArns, List<Map<String, Object>> policyStatements, List<String> alarmEmails,
                            int logRetentionDays, Optional<Fargate> fargate, Optional<Ec2> ec2, List<ScheduledCapacity> schedules,
                            Optional<BlueGreenRollout> blueGreen) {

    /** Service names: DNS-safe and short enough for the names derived from them (target groups: 32 characters). */
    static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?");
    static final String NAME_ALLOWED = "1 to 20 characters of a-z, 0-9 and - (starting and ending with a letter or digit)";
    private static final String ROLLING = "rolling";
    private static final String BLUE_GREEN = "blueGreen";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_ARN = Pattern.compile("arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+|ssm:[a-z0-9-]+:\\d{12}:parameter/.+)");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/.+");

    /** Where a secret comes from: an ARN as given, or a secret config key whose value the program stores in Secrets Manager. */
    public record SecretSource(Optional<String> arn, Optional<String> configKey) {
    }

    /** The sizing and scaling of a fargate service. */
    public record Fargate(int cpu, int memory, int desiredCount, int minCount, int maxCount, int cpuTargetPercent,
                          int memoryTargetPercent, int spot, FargateServiceArgs.Architecture architecture) {
    }

    /** The sizing and scaling of an ec2 service, and its database. */
    public record Ec2(String instanceType, int minSize, int maxSize, int desiredCapacity, int cpuTargetPercent,
                      int scaleUpCpuPercent, int scaleDownCpuPercent, int cooldownSeconds, Optional<DatabaseConfig> database) {
    }

    static ServiceConfig read(String name, ConfigObject c, ConfigObject root, Environment env) {
        var kind = c.has("kind") ? c.oneOf("kind", ServiceKind.FARGATE, ServiceKind.CHOICES) : missingKind(c);
        var image = CommonKeys.image(c, "image", true,
                "an image pinned to a version tag or digest (not latest), or :<tag> of the service's ECR repository");
        var port = c.integer("port", 80, 1, 65535);
        var healthCheckPath = CommonKeys.httpPath(c, "healthCheckPath", "/");
        var paths = c.stringList("paths", List.of(), "load balancer path patterns such as /api/*",
                p -> io.containerplatform.components.common.Formats.isPathPattern(p) ? Optional.empty()
                        : Optional.of("\"" + p + "\" is not a path pattern (it starts with /, at most 128 characters)"));
        var hosts = c.stringList("hosts", List.of(), "host names such as api.example.com or *.example.com",
                h -> io.containerplatform.components.common.Formats.isHostName(h) ? Optional.empty()
                        : Optional.of("\"" + h + "\" is not a host name"));
        if (paths.size() + hosts.size() > Route.MAX_CONDITION_VALUES) {
            c.error("paths", (paths.size() + hosts.size()) + " paths and hosts", "at most " + Route.MAX_CONDITION_VALUES
                    + " paths and hosts together (what one ALB rule evaluates)");
        }
        var environment = c.stringMap("environment", "a map of variable names to values",
                (k, v) -> ENV_NAME.matcher(k).matches() ? Optional.empty() : Optional.of("\"" + k + "\" is not a variable name"));
        var secrets = secrets(c, root, kind);
        var permissions = c.objectOrEmpty("permissions");
        var policyArns = permissions.stringList("managedPolicyArns", List.of(), "IAM managed policy ARNs",
                a -> POLICY_ARN.matcher(a).matches() ? Optional.empty() : Optional.of("\"" + a + "\" is not an IAM policy ARN"));
        var statements = statements(permissions);
        permissions.rejectUnknownKeys();
        var emails = CommonKeys.alarmEmails(c);
        var retention = c.integerIn("logRetentionDays", env.logRetentionDays(), LogRetention.ALLOWED_DAYS);
        Optional<Fargate> fargate = kind == ServiceKind.FARGATE ? Optional.of(fargate(c)) : Optional.empty();
        Optional<Ec2> ec2 = kind == ServiceKind.EC2 ? Optional.of(ec2(c, env)) : Optional.empty();
        var schedules = schedules(c, kind == ServiceKind.FARGATE ? 1000 : 100);
        if (!schedules.isEmpty() && fargate.filter(f -> f.minCount() >= f.maxCount()).isPresent()) {
            c.error("schedules", "set without autoscaling", "schedules on a fargate service whose maxCount is above its minCount");
        }
        var blueGreen = rollout(c, kind, paths.isEmpty() && hosts.isEmpty());
        c.rejectUnknownKeys();
        return new ServiceConfig(name, kind, image, port, healthCheckPath, paths, hosts, Map.copyOf(new TreeMap<>(environment)),
                secrets, policyArns, statements, emails, retention, fargate, ec2, schedules, blueGreen);
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
        return blueGreen.isPresent() ? BLUE_GREEN : ROLLING;
    }

    private static List<ScheduledCapacity> schedules(ConfigObject c, int most) {
        var list = c.objectList("schedules");
        if (list == null) {
            return List.of();
        }
        var result = new java.util.ArrayList<ScheduledCapacity>();
        for (var s : list) {
            var name = s.requiredString("name", "1 to 40 characters of a-z, 0-9 and -");
            var cronAllowed = "five crontab fields: minute hour day-of-month month day-of-week, e.g. 0 9 * * MON-FRI";
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
                (k, v) -> ENV_NAME.matcher(k).matches() ? Optional.empty() : Optional.of("\"" + k + "\" is not a variable name"));
        if (!raw.isEmpty() && kind == ServiceKind.EC2) {
            c.error("secrets", "set on an ec2 service", "secrets on fargate services (ec2 instances read only their database's secret)");
        }
        var result = new TreeMap<String, SecretSource>();
        raw.forEach((variable, value) -> {
            if (SECRET_ARN.matcher(value).matches()) {
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

    private static Fargate fargate(ConfigObject c) {
        var cpu = c.integer("cpu", 256, 256, 16384);
        var memory = c.integer("memory", 512, 512, 122880);
        FargateSizes.check(cpu, memory).ifPresent(v -> c.error(v.key(), v.problem(), v.allowed()));
        var desired = c.integer("desiredCount", 2, 0, 1000);
        var min = c.integer("minCount", desired, 0, 1000);
        var max = c.integer("maxCount", desired, 1, 1000);
        CommonKeys.orderedSizes(c, "minCount", min, "desiredCount", desired, "maxCount", max);
        var cpuTarget = c.integer("cpuTargetPercent", 70, 10, 95);
        var memoryTarget = c.integer("memoryTargetPercent", 80, 10, 95);
        var spot = c.integer("spot", 0, 0, 100);
        var architecture = c.oneOf("architecture", FargateServiceArgs.Architecture.X86_64, new TreeMap<>(Map.of(
                "X86_64", FargateServiceArgs.Architecture.X86_64, "ARM64", FargateServiceArgs.Architecture.ARM64)));
        return new Fargate(cpu, memory, desired, min, max, cpuTarget, memoryTarget, spot, architecture);
    }

    private static Ec2 ec2(ConfigObject c, Environment env) {
        var instanceType = CommonKeys.instanceType(c, "t3.small");
        var min = c.integer("minSize", 2, 0, 100);
        var max = c.integer("maxSize", 4, 1, 100);
        var desired = c.integer("desiredCapacity", Math.max(min, Math.min(2, max)), 0, 100);
        CommonKeys.orderedSizes(c, "minSize", min, "desiredCapacity", desired, "maxSize", max);
        var target = c.integer("cpuTargetPercent", 50, 10, 90);
        var up = c.integer("scaleUpCpuPercent", 70, 1, 100);
        var down = c.integer("scaleDownCpuPercent", 30, 0, 99);
        if (down >= up) {
            c.error("scaleDownCpuPercent", down + " is not below scaleUpCpuPercent " + up, "scaleDownCpuPercent < scaleUpCpuPercent");
        }
        var cooldown = c.integer("cooldownSeconds", 300, 0, 3600);
        var database = c.object("database").map(d -> DatabaseConfig.read(d, env));
        return new Ec2(instanceType, min, max, desired, target, up, down, cooldown, database);
    }

    /** The service's route on the shared load balancer. */
    public Route route() {
        return new Route(name, kind == ServiceKind.FARGATE ? WebLoadBalancerArgs.TargetType.IP : WebLoadBalancerArgs.TargetType.INSTANCE,
                port, healthCheckPath, paths, hosts, blueGreen.isPresent());
    }

    /** True when the service gets the requests no other service's paths or hosts match. */
    public boolean isDefaultRoute() {
        return paths.isEmpty() && hosts.isEmpty();
    }

    /** The arguments of a fargate service (placement, cluster, target and secrets are added by the program). */
    public FargateServiceArgs.Builder toFargateArgs() {
        var f = fargate.orElseThrow();
        return FargateServiceArgs.builder()
                .image(image)
                .cpu(f.cpu())
                .memory(f.memory())
                .desiredCount(f.desiredCount())
                .minCount(f.minCount())
                .maxCount(f.maxCount())
                .containerPort(port)
                .cpuTargetPercent(f.cpuTargetPercent())
                .memoryTargetPercent(f.memoryTargetPercent())
                .logRetentionDays(logRetentionDays)
                .spotPercent(f.spot())
                .architecture(f.architecture())
                .environment(environment)
                .taskPolicyArns(policyArns)
                .taskPolicyStatements(policyStatements)
                .alarmEmails(alarmEmails)
                .schedules(schedules)
                .blueGreen(blueGreen.orElse(null));
    }

    /** The arguments of an ec2 service (placement and target are added by the program). */
    public AsgServiceArgs.Builder toEc2Args(Environment env) {
        var e = ec2.orElseThrow();
        var args = AsgServiceArgs.builder()
                .image(image)
                .instanceType(e.instanceType())
                .minSize(e.minSize())
                .maxSize(e.maxSize())
                .desiredCapacity(e.desiredCapacity())
                .appPort(port)
                .cpuTargetPercent(e.cpuTargetPercent())
                .scaleUpCpuPercent(e.scaleUpCpuPercent())
                .scaleDownCpuPercent(e.scaleDownCpuPercent())
                .cooldownSeconds(e.cooldownSeconds())
                .environment(environment)
                .instancePolicyArns(policyArns)
                .instancePolicyStatements(policyStatements)
                .alarmEmails(alarmEmails)
                .schedules(schedules)
                .logRetentionDays(logRetentionDays);
        e.database().ifPresent(d -> args.database(d.toArgs(env)));
        return args;
    }
}
