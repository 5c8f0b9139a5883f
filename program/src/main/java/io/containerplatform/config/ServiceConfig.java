package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.asg.AsgServiceArgs;
import io.containerplatform.components.common.Formats;
import io.containerplatform.components.common.ServiceArgs;
import io.containerplatform.components.fargate.BlueGreenRollout;
import io.containerplatform.components.fargate.FargateServiceArgs;
import io.containerplatform.components.loadbalancing.Route;
import io.containerplatform.components.monitoring.AlertDestination;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One service of {@code container-platform:services}, named by its key (README, "Services"). Most of its keys are the
 * declared inputs of its kind's component, read through their declarations ({@link ConfigObject#bind}): {@link #FARGATE_KEYS}
 * of {@link FargateServiceArgs}, {@link #EC2_KEYS} of {@link AsgServiceArgs}. The others are the service's own:
 * {@code kind}; its route on the shared load balancer ({@link #ROUTE_KEYS}, {@link Route}'s inputs);
 * {@code secrets} (ARNs, or secret keys of the stack's config), {@code rollout} (its {@code strategy}, and
 * {@link BlueGreenRollout}'s inputs) and, for ec2, {@code database} ({@link DatabaseConfig}), which the program turns
 * into the component's inputs. A stock placeholder image must serve its health check path ({@link PlaceholderImages}).
 *
 * @param name            the service's name: 1 to 20 characters of a-z, 0-9 and -
 * @param kind            {@code fargate} or {@code ec2}
 * @param route           its route on the shared load balancer: {@code healthCheckPath}, {@code paths} and {@code hosts}
 *                        are {@link Route}'s inputs of those names (with neither paths nor hosts, the default route)
 * @param secrets         environment variables from secrets, by variable (fargate)
 * @param fargate         the inputs of a fargate service read from config (placement, cluster, target and secrets are
 *                        the program's); empty for ec2
 * @param ec2             the inputs of an ec2 service read from config; empty for fargate
 * @param database        the database of an ec2 service, if any
 * @param alarmDestination who the service itself names for its alarms ({@code alarmEmails}, {@code alarmWebhooks}); when
 *                        empty its Args take the stack's {@code alerts} instead
 */
public record ServiceConfig(String name, ServiceKind kind, Route route, Map<String, SecretSource> secrets, Optional<FargateServiceArgs> fargate, Optional<AsgServiceArgs> ec2,
                            Optional<DatabaseConfig> database, AlertDestination alarmDestination) {

    /** The keys of a fargate service that are {@link FargateServiceArgs}' inputs of the same names. */
    public static final List<String> FARGATE_KEYS = List.of("image", "port", "environment", "alarmEmails", "alarmWebhooks", "logRetentionDays", "cpu",
            "memory", "desiredCount", "minCount", "maxCount", "cpuTargetPercent", "memoryTargetPercent", "spot", "architecture", "schedules", "permissions");
    /** The keys of an ec2 service that are {@link AsgServiceArgs}' inputs of the same names. */
    public static final List<String> EC2_KEYS = List.of("image", "port", "environment", "alarmEmails", "alarmWebhooks", "logRetentionDays", "instanceType",
            "minSize", "maxSize", "desiredCapacity", "cpuTargetPercent", "scaleUpCpuPercent", "scaleDownCpuPercent", "cooldownSeconds",
            "schedules", "permissions");
    /** The keys of a service that are its {@link Route}'s inputs of the same names. */
    public static final List<String> ROUTE_KEYS = List.of("healthCheckPath", "paths", "hosts");
    /** The keys of {@code rollout} (with {@code strategy} blueGreen) that are {@link BlueGreenRollout}'s inputs. */
    static final List<String> BLUE_GREEN_KEYS = List.of("trafficShift", "terminateBlueAfterMinutes");
    private static final String ROLLING = "rolling";
    private static final String BLUE_GREEN = "blueGreen";

    /** Where a secret comes from: an ARN as given, or a secret config key whose value the program stores in Secrets Manager. */
    public record SecretSource(Optional<String> arn, Optional<String> configKey) {
    }

    static ServiceConfig read(String name, ConfigObject c, ConfigObject root, Environment env, AlertDestination alerts) {
        var kind = c.has("kind") ? c.oneOf("kind", ServiceKind.FARGATE, ServiceKind.CHOICES) : missingKind(c);
        var route = Inputs.defaults(Route.class);
        Inputs.set(route, Map.of("name", name, "targetType", kind == ServiceKind.FARGATE ? "ip" : "instance"));
        c.bind(route, Map.of(), ROUTE_KEYS);
        var secrets = secrets(c, root, kind);
        Map<String, Object> overrides = Map.of("logRetentionDays", env.logRetentionDays());
        var blueGreen = rollout(c, kind, route.isDefault());
        Optional<FargateServiceArgs> fargate = Optional.empty();
        Optional<AsgServiceArgs> ec2 = Optional.empty();
        Optional<DatabaseConfig> database = Optional.empty();
        if (kind == ServiceKind.FARGATE) {
            var args = c.bind(Inputs.defaults(FargateServiceArgs.class), overrides, FARGATE_KEYS);
            blueGreen.ifPresent(b -> Inputs.set(args, Map.of("blueGreen", b)));
            fargate = Optional.of(args);
        } else {
            var args = c.bind(Inputs.defaults(AsgServiceArgs.class), overrides, EC2_KEYS);
            ec2 = Optional.of(args);
            database = c.object("database").map(d -> DatabaseConfig.read(d, env));
        }
        c.rejectUnknownKeys();
        ServiceArgs args = fargate.isPresent() ? fargate.get() : ec2.orElseThrow();
        var own = args.alarmDestination();
        if (own.isEmpty()) {
            Inputs.set(args, Map.of("alarmEmails", alerts.emails(), "alarmWebhooks", alerts.webhooks()));
        }
        var image = args.image();
        if (image != null) {
            PlaceholderImages.problem(image, route.healthCheckPath())
                    .ifPresent(p -> c.error("healthCheckPath", p, PlaceholderImages.allowed(image, route.healthCheckPath())));
        }
        Inputs.set(route, Map.of("port", fargate.isPresent() ? fargate.get().port() : ec2.orElseThrow().port(),
                "blueGreen", blueGreen.isPresent()));
        return new ServiceConfig(name, kind, route, secrets, fargate, ec2, database, own);
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
            result = Optional.of(rollout.bind(Inputs.defaults(BlueGreenRollout.class), Map.of(), BLUE_GREEN_KEYS));
        }
        rollout.rejectUnknownKeys();
        return result;
    }

    /** {@code rolling} or {@code blueGreen}, as in the config. */
    public String rolloutStrategy() {
        return fargate.flatMap(FargateServiceArgs::blueGreen).isPresent() ? BLUE_GREEN : ROLLING;
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

    /** True when the service gets the requests no other service's paths or hosts match. */
    public boolean isDefaultRoute() {
        return route.isDefault();
    }

    /** The container port of the service. */
    public int port() {
        return route.port();
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
        database.ifPresent(d -> args.database(d.toSettings(env)));
        return args;
    }
}
