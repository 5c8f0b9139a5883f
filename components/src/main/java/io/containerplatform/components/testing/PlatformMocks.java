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

/**
 * The recording mock engine shared by component tests, stack tests and the offline plan. Every resource
 * gets an id ({@code <name>-id}), an ARN and the outputs AWS would compute for it (DNS names, URLs,
 * endpoints); provider functions return fixed, realistic answers (region {@code us-east-1}, its zones,
 * account {@code 123456789012}). Registered resources are recorded in order for assertions.
 */
public class PlatformMocks implements Mocks {

    /** Region every function and ARN reports. */
    public static final String REGION = "us-east-1";
    /** Account every function and ARN reports. */
    public static final String ACCOUNT = "123456789012";
    /** Availability zones of {@link #REGION}. */
    public static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f");

    private final List<ResourceArgs> resources = Collections.synchronizedList(new ArrayList<>());
    private final List<CallArgs> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        resources.add(args);
        var state = new HashMap<String, Object>(args.inputs == null ? Map.of() : args.inputs);
        var id = args.name + "-id";
        state.putIfAbsent("arn", arn(args.type, args.name));
        state.putIfAbsent("name", args.name);
        computedOutputs(args.type, args.name, state);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** Outputs that AWS computes for some types, so that programs can build on them. */
    protected void computedOutputs(String type, String name, Map<String, Object> state) {
        switch (type) {
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                state.put("dnsName", name + "-123456.us-east-1.elb.amazonaws.com");
                state.put("arnSuffix", "app/" + name + "/50dc6c495c0c9188");
                state.put("zoneId", "Z35SXDOTRQ7X7K");
            }
            case "aws:lb/targetGroup:TargetGroup" -> state.put("arnSuffix", "targetgroup/" + name + "/6d0ecf831eec9f09");
            case "aws:ecr/repository:Repository" -> state.put("repositoryUrl", ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/" + state.get("name"));
            case "aws:ec2/launchTemplate:LaunchTemplate" -> state.put("latestVersion", 1);
            case "aws:s3/bucketV2:BucketV2" -> {
                state.putIfAbsent("bucket", name + "-0a1b2c3");
                state.put("arn", "arn:aws:s3:::" + state.get("bucket"));
            }
            case "aws:rds/instance:Instance" -> {
                state.putIfAbsent("identifier", name);
                state.put("endpoint", name + ".abcdefgh.us-east-1.rds.amazonaws.com:3306");
                state.put("address", name + ".abcdefgh.us-east-1.rds.amazonaws.com");
                state.putIfAbsent("port", 3306);
                state.put("masterUserSecrets", List.of(Map.of(
                        "secretArn", "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:rds!db-" + name,
                        "secretStatus", "active")));
            }
            case "aws:eks/cluster:Cluster" -> {
                state.put("endpoint", "https://" + name.toUpperCase() + ".gr7.us-east-1.eks.amazonaws.com");
                state.put("certificateAuthority", Map.of("data", "TU9DSy1DQQ=="));
                state.put("identities", List.of(Map.of("oidcs", List.of(Map.of(
                        "issuer", "https://oidc.eks.us-east-1.amazonaws.com/id/MOCK" + name.toUpperCase())))));
            }
            default -> {
            }
        }
    }

    /** A plausible ARN for a resource of {@code type} named {@code name}. */
    public static String arn(String type, String name) {
        var module = type.contains(":") ? type.split(":")[1].split("/")[0] : "unknown";
        return "arn:aws:" + module + ":" + REGION + ":" + ACCOUNT + ":" + name;
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        calls.add(args);
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> Map.of(
                    "id", REGION, "names", ZONES, "zoneIds", ZONES.stream().map(z -> "use1-az" + (ZONES.indexOf(z) + 1)).toList(),
                    "groupNames", List.of(REGION));
            case "aws:index/getRegion:getRegion" -> Map.of("id", REGION, "name", REGION, "region", REGION,
                    "description", "US East (N. Virginia)", "endpoint", "ec2.us-east-1.amazonaws.com");
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("id", ACCOUNT, "accountId", ACCOUNT,
                    "arn", "arn:aws:iam::" + ACCOUNT + ":user/mock", "userId", "AIDAMOCK");
            case "aws:index/getPartition:getPartition" -> Map.of("id", "aws", "partition", "aws", "dnsSuffix", "amazonaws.com",
                    "reverseDnsPrefix", "com.amazonaws");
            case "aws:ssm/getParameter:getParameter" -> Map.of("id", String.valueOf(args.args.get("name")),
                    "name", String.valueOf(args.args.get("name")), "value", "ami-0mock" + Math.abs(String.valueOf(args.args.get("name")).hashCode()),
                    "type", "String", "arn", "arn:aws:ssm:" + REGION + "::parameter" + args.args.get("name"), "version", 1,
                    "insecureValue", "ami-0mock", "withDecryption", true);
            case "aws:eks/getAddonVersion:getAddonVersion" -> Map.of("id", String.valueOf(args.args.get("addonName")),
                    "addonName", String.valueOf(args.args.get("addonName")),
                    "kubernetesVersion", String.valueOf(args.args.get("kubernetesVersion")),
                    "version", "v1.0.0-eksbuild.1");
            default -> Map.of();
        };
        return CompletableFuture.completedFuture(result);
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
