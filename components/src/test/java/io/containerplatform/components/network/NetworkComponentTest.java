package io.containerplatform.components.network;

import io.containerplatform.components.common.LogRetention;
import com.pulumi.test.Mocks.ResourceArgs;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.testing.MockStack.intInput;
import static io.containerplatform.components.testing.MockStack.mapInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkComponentTest {

    private static final String SUBNET = "aws:ec2/subnet:Subnet";
    private static final String NAT = "aws:ec2/natGateway:NatGateway";
    private static final String ROUTE = "aws:ec2/route:Route";
    private static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

    private static PlatformMocks build(NetworkArgs args) {
        return MockStack.run(ctx -> new NetworkComponent("net", args));
    }

    private static NetworkArgs.Builder args() {
        return NetworkArgs.builder().cidr("10.0.0.0/16");
    }

    @Test
    void vpcHasDnsSupportAndHostnames() {
        var vpc = build(args().build()).named("aws:ec2/vpc:Vpc", "net-vpc");
        assertThat(vpc.inputs).containsEntry("cidrBlock", "10.0.0.0/16")
                .containsEntry("enableDnsSupport", true)
                .containsEntry("enableDnsHostnames", true);
    }

    @Test
    void twoZonesGetAPublicAndAPrivateSubnetEachWithLoadBalancerRoleTags() {
        var mocks = build(args().azCount(2).build());
        assertThat(mocks.ofType(SUBNET)).extracting(r -> r.name)
                .containsExactlyInAnyOrder("net-public-0", "net-public-1", "net-private-0", "net-private-1");
        var public1 = mocks.named(SUBNET, "net-public-1");
        assertThat(public1.inputs).containsEntry("cidrBlock", "10.0.16.0/20")
                .containsEntry("availabilityZone", "us-east-1b")
                .containsEntry("mapPublicIpOnLaunch", false);
        assertThat(mapInput(public1, "tags")).containsEntry("kubernetes.io/role/elb", "1");
        var private0 = mocks.named(SUBNET, "net-private-0");
        assertThat(private0.inputs).containsEntry("cidrBlock", "10.0.128.0/20").containsEntry("availabilityZone", "us-east-1a");
        assertThat(mapInput(private0, "tags")).containsEntry("kubernetes.io/role/internal-elb", "1")
                .doesNotContainKey("kubernetes.io/role/elb");
    }

    @Test
    void singleNatGatewayServesEveryPrivateRouteTable() {
        var mocks = build(args().azCount(3).natGateways(NatGatewayMode.SINGLE).build());
        assertThat(mocks.ofType(NAT)).singleElement().satisfies(nat ->
                assertThat(nat.inputs).containsEntry("subnetId", "net-public-0-id").containsEntry("allocationId", "net-nat-eip-0-id"));
        assertThat(privateDefaultRoutes(mocks)).extracting(r -> r.inputs.get("natGatewayId"))
                .containsExactly("net-nat-0-id", "net-nat-0-id", "net-nat-0-id");
        assertThat(mocks.ofType("aws:ec2/eip:Eip")).singleElement().satisfies(eip -> assertThat(eip.inputs).containsEntry("domain", "vpc"));
    }

    @Test
    void perAzNatGatewaysKeepEgressInTheZone() {
        var mocks = build(args().azCount(3).natGateways(NatGatewayMode.PER_AZ).build());
        assertThat(mocks.ofType(NAT)).extracting(r -> r.inputs.get("subnetId"))
                .containsExactlyInAnyOrder("net-public-0-id", "net-public-1-id", "net-public-2-id");
        for (int az = 0; az < 3; az++) {
            assertThat(mocks.named(ROUTE, "net-private-default-" + az).inputs)
                    .containsEntry("natGatewayId", "net-nat-" + az + "-id")
                    .containsEntry("routeTableId", "net-private-rt-" + az + "-id");
        }
    }

    @Test
    void withoutNatPrivateSubnetsHaveNoDefaultRoute() {
        var mocks = build(args().natGateways(NatGatewayMode.NONE).build());
        assertThat(mocks.ofType(NAT)).isEmpty();
        assertThat(mocks.ofType("aws:ec2/eip:Eip")).isEmpty();
        assertThat(privateDefaultRoutes(mocks)).isEmpty();
        assertThat(mocks.named(ROUTE, "net-public-default").inputs)
                .containsEntry("gatewayId", "net-igw-id").containsEntry("destinationCidrBlock", "0.0.0.0/0");
    }

    @Test
    void everySubnetIsAssociatedWithItsRouteTable() {
        var mocks = build(args().build());
        assertThat(mocks.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation"))
                .extracting(r -> r.inputs.get("subnetId") + "->" + r.inputs.get("routeTableId"))
                .containsExactlyInAnyOrder(
                        "net-public-0-id->net-public-rt-id", "net-public-1-id->net-public-rt-id",
                        "net-private-0-id->net-private-rt-0-id", "net-private-1-id->net-private-rt-1-id");
    }

    @Test
    void flowLogsGoToARetainedLogGroupThroughAScopedRole() {
        var mocks = build(args().flowLogs(true).flowLogRetentionDays(14).build());
        var group = mocks.named("aws:cloudwatch/logGroup:LogGroup", "net-flow-logs");
        assertThat(group.inputs).containsEntry("name", "/vpc/net/flow-logs");
        assertThat(intInput(group, "retentionInDays")).isEqualTo(14);
        var flowLog = mocks.named("aws:ec2/flowLog:FlowLog", "net-flow-log");
        assertThat(flowLog.inputs).containsEntry("trafficType", "ALL")
                .containsEntry("logDestinationType", "cloud-watch-logs")
                .containsEntry("vpcId", "net-vpc-id")
                .containsEntry("iamRoleArn", PlatformMocks.arn("aws:iam/role:Role", "net-flow-logs-role"));
        assertThat((String) mocks.named("aws:iam/role:Role", "net-flow-logs-role").inputs.get("assumeRolePolicy"))
                .contains("\"Service\":\"vpc-flow-logs.amazonaws.com\"").contains("sts:AssumeRole");
        var arn = PlatformMocks.arn("aws:cloudwatch/logGroup:LogGroup", "net-flow-logs");
        assertThat((String) mocks.named("aws:iam/rolePolicy:RolePolicy", "net-flow-logs-policy").inputs.get("policy"))
                .contains("\"Resource\":[\"" + arn + "\",\"" + arn + ":*\"]")
                .doesNotContain("\"*\"");
    }

    @Test
    void flowLogsOffCreatesNoneOfTheirResources() {
        var mocks = build(args().flowLogs(false).build());
        assertThat(mocks.ofType("aws:ec2/flowLog:FlowLog")).isEmpty();
        assertThat(mocks.ofType("aws:cloudwatch/logGroup:LogGroup")).isEmpty();
        assertThat(mocks.ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void s3GatewayEndpointAlwaysInterfaceEndpointsOnlyWhenAsked() {
        var without = build(args().vpcEndpoints(false).build());
        assertThat(without.ofType(ENDPOINT)).singleElement().satisfies(s3 -> {
            assertThat(s3.inputs).containsEntry("serviceName", "com.amazonaws.us-east-1.s3").containsEntry("vpcEndpointType", "Gateway");
            assertThat((List<?>) s3.inputs.get("routeTableIds")).hasSize(3);
        });
        assertThat(without.ofType("aws:ec2/securityGroup:SecurityGroup")).isEmpty();

        var with = build(args().vpcEndpoints(true).build());
        assertThat(with.ofType(ENDPOINT)).extracting(r -> r.inputs.get("serviceName")).containsExactlyInAnyOrder(
                "com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.ecr.api", "com.amazonaws.us-east-1.ecr.dkr",
                "com.amazonaws.us-east-1.logs", "com.amazonaws.us-east-1.sts");
        var ecr = with.named(ENDPOINT, "net-ecr-api");
        assertThat(ecr.inputs).containsEntry("privateDnsEnabled", true).containsEntry("vpcEndpointType", "Interface")
                .containsEntry("subnetIds", List.of("net-private-0-id", "net-private-1-id"));
        var sg = with.named("aws:ec2/securityGroup:SecurityGroup", "net-endpoints-sg");
        assertThat((List<?>) sg.inputs.get("ingress")).singleElement().isEqualTo(Map.of(
                "description", "HTTPS from the VPC", "protocol", "tcp", "fromPort", 443.0, "toPort", 443.0,
                "cidrBlocks", List.of("10.0.0.0/16")));
    }

    @Test
    void moreZonesThanTheRegionHasFailsNamingTheKey() {
        var mocks = new PlatformMocks() {
            @Override
            public java.util.concurrent.CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                if (args.token.endsWith("getAvailabilityZones")) {
                    return java.util.concurrent.CompletableFuture.completedFuture(Map.of("id", "r", "names", List.of("a", "b"),
                            "zoneIds", List.of("1", "2"), "groupNames", List.of("r")));
                }
                return super.callAsync(args);
            }
        };
        assertThat(MockStack.failure(mocks, ctx -> new NetworkComponent("net", args().azCount(3).build())))
                .hasMessageContaining("network.azCount is 3 but the region has only 2 available zones: [a, b]");
    }

    @Test
    void zonesAreLookedUpWithoutOptInZones() {
        var mocks = build(args().azCount(3).build());
        var lookup = mocks.calls().stream().filter(c -> c.token.endsWith("getAvailabilityZones")).findFirst().orElseThrow();
        assertThat(lookup.args).containsEntry("state", "available")
                .containsEntry("filters", List.of(Map.of("name", "opt-in-status", "values", List.of("opt-in-not-required"))));
        assertThat(mocks.ofType("aws:ec2/subnet:Subnet")).extracting(r -> r.inputs.get("availabilityZone"))
                .doesNotContain("us-east-1-mock-1a");
    }

    @Test
    void excludedZoneIdsGetNoSubnetsWhateverTheAccountNamesThem() {
        // in the mocks' us-east-1, us-east-1e is use1-az3 (EKS refuses control planes there): with 5 zones it would be the 5th
        var without = build(args().azCount(5).build());
        assertThat(without.ofType(SUBNET)).extracting(r -> r.inputs.get("availabilityZone")).contains("us-east-1e");
        var mocks = build(args().azCount(5).excludedZoneIds(List.of("use1-az3")).build());
        var lookup = mocks.calls().stream().filter(c -> c.token.endsWith("getAvailabilityZones")).findFirst().orElseThrow();
        assertThat(lookup.args).containsEntry("excludeZoneIds", List.of("use1-az3"));
        assertThat(mocks.ofType(SUBNET)).extracting(r -> r.inputs.get("availabilityZone")).doesNotContain("us-east-1e")
                .contains("us-east-1f");
        assertThat(NetworkComponent.zoneQuery(List.of()).excludeZoneIds()).isEmpty();
        assertThatThrownBy(() -> args().excludedZoneIds(List.of("us-east-1e", "use1-az3", "")).build())
                .hasMessage("NetworkArgs.excludedZoneIds: \"us-east-1e\" is not a zone id; allowed: zone ids: a region code, -az and a number (use1-az3)"
                        + " | NetworkArgs.excludedZoneIds: \"\" is not a zone id; allowed: zone ids: a region code, -az and a number (use1-az3)");
    }

    @Test
    void givenZonesAreUsedInOrderWithoutALookup() {
        var mocks = build(args().azCount(2).availabilityZones(List.of("eu-west-3c", "eu-west-3a", "eu-west-3b")).build());
        assertThat(mocks.calls()).noneMatch(c -> c.token.endsWith("getAvailabilityZones"));
        assertThat(mocks.named("aws:ec2/subnet:Subnet", "net-public-0").inputs).containsEntry("availabilityZone", "eu-west-3c");
        assertThat(mocks.named("aws:ec2/subnet:Subnet", "net-public-1").inputs).containsEntry("availabilityZone", "eu-west-3a");
        assertThatThrownBy(() -> args().azCount(3).availabilityZones(List.of("a", "b", "a")).build())
                .hasMessage("NetworkArgs.availabilityZones: [a, b, a] are not 3 distinct zone names; allowed: at least azCount distinct zone names");
    }

    @Test
    void invalidArgsListEveryProblem() {
        assertThatThrownBy(() -> NetworkArgs.builder().cidr("10.0.0.0/8").azCount(7).flowLogRetentionDays(10).build())
                .hasMessage("NetworkArgs.cidr: \"10.0.0.0/8\" has prefix /8; allowed: IPv4 CIDR, prefix /16 to /24, no host bits"
                        + " | NetworkArgs.azCount: 7 is out of range; allowed: 2 to 6"
                        + " | NetworkArgs.flowLogRetentionDays: 10 is not a CloudWatch Logs retention; allowed: " + LogRetention.ALLOWED);
        assertThatThrownBy(() -> NetworkArgs.builder().build())
                .hasMessage("NetworkArgs.cidr: missing; allowed: IPv4 CIDR, prefix /16 to /24, no host bits");
        assertThatThrownBy(() -> NetworkArgs.builder().cidr("10.0.0.1/16").build())
                .hasMessage("NetworkArgs.cidr: \"10.0.0.1/16\" is not a valid IPv4 CIDR block; allowed: IPv4 CIDR, prefix /16 to /24, no host bits");
    }

    private static List<ResourceArgs> privateDefaultRoutes(PlatformMocks mocks) {
        return mocks.ofType(ROUTE).stream().filter(r -> r.name.startsWith("net-private-default-"))
                .sorted(java.util.Comparator.comparing(r -> r.name)).toList();
    }
}
