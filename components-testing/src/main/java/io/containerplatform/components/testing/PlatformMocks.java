package io.containerplatform.components.testing;

import com.pulumi.test.Mocks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The recording mock engine shared by component tests, stack tests and the offline plan. Every resource
 * gets an id ({@code <name>-id}), an ARN of the real shape for its service and the outputs AWS would compute
 * for it (DNS names, URLs, endpoints); provider functions return realistic answers for the region the mocks
 * were made for (its zones, and one Local Zone that only an {@code opt-in-status} filter keeps out), account
 * {@code 123456789012}. Registered resources are recorded in order for assertions.
 */
public class PlatformMocks implements Mocks {

    /** Zones of the regions whose count differs from the usual three. */
    private static final Map<String, Integer> ZONE_COUNTS = Map.of("us-east-1", 6, "us-west-2", 4, "ap-northeast-1", 3,
            "us-west-1", 2, "ca-central-1", 3);

    /** Region of {@link #PlatformMocks()}. */
    public static final String REGION = "us-east-1";
    /** Elastic Load Balancing's own account in some regions (what writes a load balancer's access logs). */
    private static final Map<String, String> ELB_ACCOUNTS = Map.of("us-east-1", "127311923021", "eu-west-1", "156460612806",
            "eu-west-3", "009996457667");
    /** The hosted zone of application load balancers in some regions (Route 53 alias targets). */
    private static final Map<String, String> ALB_ZONES = Map.of("us-east-1", "Z35SXDOTRQ7X7K", "us-west-2", "Z1H1FL5HABSF5",
            "eu-west-1", "Z32O12XQLNTSW2", "eu-west-3", "Z3Q77PNBQS71R4");
    /** Account every function and ARN reports. */
    public static final String ACCOUNT = "123456789012";
    /** Availability zones of {@link #REGION}. */
    public static final List<String> ZONES = zonesOf(REGION);

    private final String region;
    private final List<ResourceArgs> resources = Collections.synchronizedList(new ArrayList<>());
    private final List<CallArgs> calls = Collections.synchronizedList(new ArrayList<>());

    /** Mocks of {@link #REGION}. */
    public PlatformMocks() {
        this(REGION);
    }

    /** Mocks of {@code region}: zones, endpoints and ARNs follow it. */
    public PlatformMocks(String region) {
        this.region = region;
    }

    /** The region these mocks answer for. */
    public String region() {
        return region;
    }

    /** The availability zones (opt-in not required) of {@code region}: {@code <region>a}, {@code <region>b}, ... */
    public static List<String> zonesOf(String region) {
        int count = ZONE_COUNTS.getOrDefault(region, 3);
        return IntStream.range(0, count).mapToObj(i -> region + (char) ('a' + i)).toList();
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        resources.add(args);
        var state = new HashMap<String, Object>(args.inputs == null ? Map.of() : args.inputs);
        var id = args.name + "-id";
        state.putIfAbsent("arn", arn(region, args.type, args.name));
        state.putIfAbsent("name", args.name);
        computedOutputs(args.type, args.name, state);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** Outputs that AWS computes for some types, so that programs can build on them. */
    @SuppressWarnings("unchecked")
    protected void computedOutputs(String type, String name, Map<String, Object> state) {
        switch (type) {
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                state.put("dnsName", name + "-123456." + region + ".elb.amazonaws.com");
                state.put("arnSuffix", "app/" + name + "/50dc6c495c0c9188");
                state.put("zoneId", "Z35SXDOTRQ7X7K");
            }
            case "aws:lb/targetGroup:TargetGroup" -> state.put("arnSuffix", "targetgroup/" + name + "/6d0ecf831eec9f09");
            // The load balancer the AWS Load Balancer Controller creates for an Ingress, as the Ingress's status reports it.
            case "kubernetes:networking.k8s.io/v1:Ingress" -> state.put("status", Map.of("loadBalancer", Map.of("ingress", List.of(
                    Map.of("hostname", "k8s-" + name + "-0a1b2c3d4e-123456789." + region + ".elb.amazonaws.com")))));
            case "aws:acm/certificate:Certificate" -> state.put("domainValidationOptions", List.of(Map.of(
                    "domainName", state.get("domainName"), "resourceRecordName", "_0a1b2c3d4e5f." + state.get("domainName") + ".",
                    "resourceRecordType", "CNAME", "resourceRecordValue", "_6a7b8c9d0e1f.mock.acm-validations.aws.")));
            case "aws:route53/record:Record" -> state.put("fqdn", String.valueOf(state.get("name")).replaceAll("\\.$", ""));
            case "aws:ecr/repository:Repository" -> state.put("repositoryUrl", ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + state.get("name"));
            case "aws:ec2/launchTemplate:LaunchTemplate" -> state.put("latestVersion", 1);
            case "aws:s3/bucketV2:BucketV2" -> {
                state.putIfAbsent("bucket", name + "-0a1b2c3");
                state.put("arn", "arn:aws:s3:::" + state.get("bucket"));
            }
            case "aws:rds/instance:Instance" -> {
                state.putIfAbsent("identifier", name);
                state.put("endpoint", name + ".abcdefgh." + region + ".rds.amazonaws.com:3306");
                state.put("address", name + ".abcdefgh." + region + ".rds.amazonaws.com");
                state.putIfAbsent("port", 3306);
                state.put("masterUserSecrets", List.of(Map.of(
                        "secretArn", "arn:aws:secretsmanager:" + region + ":" + ACCOUNT + ":secret:rds!db-" + name,
                        "secretStatus", "active")));
            }
            case "aws:eks/cluster:Cluster" -> {
                state.put("endpoint", "https://" + name.toUpperCase() + ".gr7." + region + ".eks.amazonaws.com");
                state.put("certificateAuthority", Map.of("data", "TU9DSy1DQQ=="));
                var vpcConfig = new HashMap<String, Object>(state.get("vpcConfig") instanceof Map<?, ?> given
                        ? (Map<String, Object>) given : Map.of());
                vpcConfig.put("clusterSecurityGroupId", "sg-" + name + "-cluster");
                state.put("vpcConfig", vpcConfig);
                state.put("identities", List.of(Map.of("oidcs", List.of(Map.of(
                        "issuer", "https://oidc.eks." + region + ".amazonaws.com/id/MOCK" + name.toUpperCase())))));
            }
            default -> {
            }
        }
    }

    /** The ARN of a resource of {@code type} named {@code name} in {@link #REGION}. */
    public static String arn(String type, String name) {
        return arn(REGION, type, name);
    }

    /**
     * The ARN AWS gives a resource of {@code type} named {@code name} in {@code region}, in the shape of its
     * service: IAM's are global ({@code arn:aws:iam::<account>:role/<name>}), S3's have neither region nor
     * account, the others {@code arn:aws:<service>:<region>:<account>:<resource>}.
     */
    public static String arn(String region, String type, String name) {
        var parts = type.split(":");
        var module = parts.length == 3 ? parts[1].split("/")[0] : "unknown";
        var kind = parts.length == 3 ? parts[2] : "Unknown";
        var regional = region + ":" + ACCOUNT + ":";
        return switch (module) {
            case "iam" -> "arn:aws:iam::" + ACCOUNT + ":" + switch (kind) {
                case "Role" -> "role/" + name;
                case "Policy" -> "policy/" + name;
                case "InstanceProfile" -> "instance-profile/" + name;
                case "User" -> "user/" + name;
                case "OpenIdConnectProvider" -> "oidc-provider/oidc.eks." + region + ".amazonaws.com/id/MOCK" + name.toUpperCase();
                default -> kind.toLowerCase() + "/" + name;
            };
            case "s3" -> "arn:aws:s3:::" + name;
            case "lb" -> "arn:aws:elasticloadbalancing:" + regional + switch (kind) {
                case "LoadBalancer" -> "loadbalancer/app/" + name + "/50dc6c495c0c9188";
                case "TargetGroup" -> "targetgroup/" + name + "/6d0ecf831eec9f09";
                case "Listener" -> "listener/app/" + name + "/50dc6c495c0c9188/f2f7dc8efc522ab2";
                default -> kind.toLowerCase() + "/" + name;
            };
            case "cloudwatch" -> switch (kind) {
                case "LogGroup" -> "arn:aws:logs:" + regional + "log-group:" + name;
                case "MetricAlarm" -> "arn:aws:cloudwatch:" + regional + "alarm:" + name;
                default -> "arn:aws:cloudwatch:" + regional + kind.toLowerCase() + "/" + name;
            };
            case "sns" -> "arn:aws:sns:" + regional + name;
            case "rds" -> "arn:aws:rds:" + regional + "db:" + name;
            case "secretsmanager" -> "arn:aws:secretsmanager:" + regional + "secret:" + name;
            case "autoscaling" -> "arn:aws:autoscaling:" + regional + (kind.equals("Group")
                    ? "autoScalingGroup:6d0ecf83-1eec-9f09-50dc-6c495c0c9188:autoScalingGroupName/" + name
                    : "scalingPolicy:6d0ecf83-1eec-9f09-50dc-6c495c0c9188:autoScalingGroupName/mock:policyName/" + name);
            case "ecs" -> "arn:aws:ecs:" + regional + switch (kind) {
                case "TaskDefinition" -> "task-definition/" + name + ":1";
                case "ClusterCapacityProviders" -> "cluster/" + name;
                default -> kebab(kind) + "/" + name;
            };
            default -> "arn:aws:" + module + ":" + regional + kebab(kind) + "/" + name;
        };
    }

    /** {@code TaskSet} as ARNs spell resource types: {@code task-set}. */
    private static String kebab(String kind) {
        return Character.toLowerCase(kind.charAt(0)) + kind.substring(1).replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        calls.add(args);
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> availabilityZones(args.args);
            case "aws:index/getRegion:getRegion" -> Map.of("id", region, "name", region, "region", region,
                    "description", region, "endpoint", "ec2." + region + ".amazonaws.com");
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("id", ACCOUNT, "accountId", ACCOUNT,
                    "arn", "arn:aws:iam::" + ACCOUNT + ":user/mock", "userId", "AIDAMOCK");
            case "aws:index/getPartition:getPartition" -> Map.of("id", "aws", "partition", "aws", "dnsSuffix", "amazonaws.com",
                    "reverseDnsPrefix", "com.amazonaws");
            case "aws:ssm/getParameter:getParameter" -> Map.of("id", String.valueOf(args.args.get("name")),
                    "name", String.valueOf(args.args.get("name")), "value", "ami-0mock" + Math.abs(String.valueOf(args.args.get("name")).hashCode()),
                    "type", "String", "arn", "arn:aws:ssm:" + region + "::parameter" + args.args.get("name"), "version", 1,
                    "insecureValue", "ami-0mock", "withDecryption", true);
            case "aws:elb/getServiceAccount:getServiceAccount" -> Map.of("id", ELB_ACCOUNTS.getOrDefault(region, ELB_ACCOUNTS.get(REGION)),
                    "arn", "arn:aws:iam::" + ELB_ACCOUNTS.getOrDefault(region, ELB_ACCOUNTS.get(REGION)) + ":root");
            case "aws:ec2/getSubnet:getSubnet" -> subnet(String.valueOf(args.args.get("id")));
            case "aws:secretsmanager/getRandomPassword:getRandomPassword" -> Map.of("id", "mock",
                    "randomPassword", "MockRandomPassword0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");
            case "aws:lb/getHostedZoneId:getHostedZoneId" -> Map.of("id", ALB_ZONES.getOrDefault(region, ALB_ZONES.get(REGION)));
            default -> Map.of();
        };
        return CompletableFuture.completedFuture(result);
    }

    /** A subnet the program registered, found by the id these mocks gave it; an existing subnet (10.0.0.0/24) otherwise. */
    private Map<String, Object> subnet(String id) {
        var registered = ofType("aws:ec2/subnet:Subnet").stream().filter(r -> (r.name + "-id").equals(id)).findFirst();
        var cidr = registered.map(r -> String.valueOf(r.inputs.get("cidrBlock"))).orElse("10.0.0.0/24");
        return Map.of("id", id, "cidrBlock", cidr, "vpcId", registered.map(r -> String.valueOf(r.inputs.get("vpcId"))).orElse("vpc-mock"));
    }

    /**
     * The zones of the region, as EC2 lists them: with no {@code opt-in-status} filter the answer also holds a
     * Local Zone ({@code <region>-mock-1a}), as a real account that opted in to one does; programs must filter
     * on {@code opt-in-not-required} to keep subnets off it. Zone ids follow {@link #zoneIdsOf}; zones whose id is
     * in {@code excludeZoneIds} are left out, as EC2 does.
     */
    private Map<String, Object> availabilityZones(Map<String, Object> args) {
        var names = new ArrayList<>(zonesOf(region));
        var ids = new ArrayList<>(zoneIdsOf(region));
        if (!optInFiltered(args.get("filters"))) {
            names.add(region + "-mock-1a");
            ids.add(zoneIdPrefix(region) + "-mock1-az1");
        }
        if (args.get("excludeZoneIds") instanceof List<?> excluded) {
            for (int i = names.size() - 1; i >= 0; i--) {
                if (excluded.contains(ids.get(i))) {
                    names.remove(i);
                    ids.remove(i);
                }
            }
        }
        return Map.of("id", region, "names", names, "zoneIds", ids, "groupNames", List.of(region));
    }

    /**
     * The zone ids of {@link #zonesOf}'s zones, in the same order. Accounts map names to ids each their own way; in
     * {@code us-east-1} the mocks map them as one real account does (us-east-1e is use1-az3, where EKS refuses a
     * cluster), elsewhere {@code <code>-az1}, {@code -az2}, ... in name order.
     */
    public static List<String> zoneIdsOf(String region) {
        var numbers = region.equals("us-east-1") ? List.of(1, 2, 4, 6, 3, 5)
                : IntStream.rangeClosed(1, zonesOf(region).size()).boxed().toList();
        return numbers.stream().map(n -> zoneIdPrefix(region) + "-az" + n).toList();
    }

    /** A region's code in zone ids: {@code us-east-1} is {@code use1}, {@code ap-northeast-1} is {@code apne1}. */
    private static String zoneIdPrefix(String region) {
        var parts = region.split("-");
        return parts[0] + parts[1].replace("north", "n").replace("south", "s").replace("east", "e").replace("west", "w")
                .replace("central", "c") + parts[2];
    }

    private static boolean optInFiltered(Object filters) {
        if (!(filters instanceof List<?> list)) {
            return false;
        }
        return list.stream().anyMatch(f -> f instanceof Map<?, ?> m && "opt-in-status".equals(m.get("name"))
                && m.get("values") instanceof List<?> values && values.equals(List.of("opt-in-not-required")));
    }

    /** Every resource registered so far, in order. */
    public List<ResourceArgs> resources() {
        synchronized (resources) {
            return List.copyOf(resources);
        }
    }

    /** Every provider function called so far, in order. */
    public List<CallArgs> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Registered resources of {@code type} (a Pulumi type token), in order. */
    public List<ResourceArgs> ofType(String type) {
        return matching(r -> type.equals(r.type));
    }

    /** Registered resources matching {@code filter}, in order. */
    public List<ResourceArgs> matching(Predicate<ResourceArgs> filter) {
        return resources().stream().filter(filter).toList();
    }

    /** The one resource of {@code type} named {@code name}; fails naming what exists otherwise. */
    public ResourceArgs named(String type, String name) {
        return ofType(type).stream().filter(r -> name.equals(r.name)).findFirst().orElseThrow(() ->
                new AssertionError("no " + type + " named " + name + "; registered: "
                        + ofType(type).stream().map(r -> r.name).toList()));
    }
}
