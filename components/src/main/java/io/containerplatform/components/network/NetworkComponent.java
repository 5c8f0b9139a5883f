package io.containerplatform.components.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilter;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesPlainArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.aws.outputs.GetAvailabilityZonesResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.containerplatform.components.common.IamPolicy;
import io.containerplatform.components.common.Ipv4Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A VPC over {@code azCount} availability zones: one public and one private subnet per zone, an internet
 * gateway, NAT gateways per {@link NatGatewayMode}, route tables, optional flow logs to CloudWatch and VPC
 * endpoints. Children are named {@code <name>-<role>}.
 */
public class NetworkComponent extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:network:NetworkComponent";
    /** The zone filter that keeps out the zones needing an opt-in (Local and Wavelength Zones). */
    private static final String OPT_IN_STATUS = "opt-in-status";
    private static final String NO_OPT_IN = "opt-in-not-required";

    /**
     * The zones a VPC may use: available, needing no opt-in, so that subnets never land in a Local or Wavelength Zone
     * (which most services, load balancers and RDS among them, do not support), and none of {@code excludedZoneIds}.
     */
    public static GetAvailabilityZonesArgs zoneQuery(List<String> excludedZoneIds) {
        var query = GetAvailabilityZonesArgs.builder()
                .state("available")
                .filters(GetAvailabilityZonesFilterArgs.builder().name(OPT_IN_STATUS).values(NO_OPT_IN).build());
        return (excludedZoneIds.isEmpty() ? query : query.excludeZoneIds(excludedZoneIds)).build();
    }

    /**
     * The region's zones of {@link #zoneQuery}, for a program that checks {@code azCount} against them before it
     * registers anything, then passes them as {@link NetworkArgs#availabilityZones()}.
     */
    public static CompletableFuture<List<String>> lookUpZones(List<String> excludedZoneIds) {
        var query = GetAvailabilityZonesPlainArgs.builder()
                .state("available")
                .filters(GetAvailabilityZonesFilter.builder().name(OPT_IN_STATUS).values(NO_OPT_IN).build());
        return AwsFunctions.getAvailabilityZonesPlain((excludedZoneIds.isEmpty() ? query : query.excludeZoneIds(excludedZoneIds)).build())
                .thenApply(GetAvailabilityZonesResult::names);
    }

    /** Interface endpoints created when {@link NetworkArgs#vpcEndpoints()} is on. */
    public static final List<String> INTERFACE_ENDPOINTS = List.of("ecr.api", "ecr.dkr", "logs", "sts");

    private final Output<String> vpcId;
    private final Output<String> vpcCidr;
    private final Output<List<String>> publicSubnetIds;
    private final Output<List<String>> privateSubnetIds;
    private final Output<List<String>> availabilityZones;
    private final int zoneCount;

    public NetworkComponent(String name, NetworkArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    public NetworkComponent(String name, NetworkArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var layout = new SubnetLayout(Ipv4Cidr.require("cidr", args.cidr()));
        var invoke = new InvokeOptions(this, null, null);
        Output<List<String>> zones = args.availabilityZones().map(Output::of)
                .orElseGet(() -> AwsFunctions.getAvailabilityZones(zoneQuery(args.excludedZoneIds()), invoke).applyValue(GetAvailabilityZonesResult::names));

        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.cidr())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(Map.of("Name", name + "-vpc"))
                .build(), child());
        var igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", name + "-igw"))
                .build(), child());

        var zoneNames = new ArrayList<Output<String>>();
        var publicSubnets = new ArrayList<Subnet>();
        var privateSubnets = new ArrayList<Subnet>();
        for (int az = 0; az < args.azCount(); az++) {
            final int index = az;
            Output<String> zone = zones.applyValue(z -> zoneAt(z, index, args.azCount()));
            zoneNames.add(zone);
            publicSubnets.add(subnet(name + "-public-" + az, vpc, zone, layout.publicSubnet(az), "kubernetes.io/role/elb"));
            privateSubnets.add(subnet(name + "-private-" + az, vpc, zone, layout.privateSubnet(az), "kubernetes.io/role/internal-elb"));
        }

        var publicRoutes = new RouteTable(name + "-public-rt", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", name + "-public-rt"))
                .build(), child());
        new Route(name + "-public-default", RouteArgs.builder()
                .routeTableId(publicRoutes.id())
                .destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igw.id())
                .build(), child());
        for (int az = 0; az < args.azCount(); az++) {
            associate(name + "-public-rta-" + az, publicRoutes, publicSubnets.get(az));
        }

        var natGateways = new ArrayList<NatGateway>();
        for (int i = 0; i < args.natGateways().gatewayCount(args.azCount()); i++) {
            var eip = new Eip(name + "-nat-eip-" + i, EipArgs.builder()
                    .domain("vpc")
                    .tags(Map.of("Name", name + "-nat-eip-" + i))
                    .build(), child());
            natGateways.add(new NatGateway(name + "-nat-" + i, NatGatewayArgs.builder()
                    .allocationId(eip.id())
                    .subnetId(publicSubnets.get(i).id())
                    .connectivityType("public")
                    .tags(Map.of("Name", name + "-nat-" + i))
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(igw).build()));
        }

        var routeTableIds = new ArrayList<Output<String>>();
        routeTableIds.add(publicRoutes.id());
        for (int az = 0; az < args.azCount(); az++) {
            var privateRoutes = new RouteTable(name + "-private-rt-" + az, RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .tags(Map.of("Name", name + "-private-rt-" + az))
                    .build(), child());
            routeTableIds.add(privateRoutes.id());
            int gateway = args.natGateways().gatewayFor(az);
            if (gateway >= 0) {
                new Route(name + "-private-default-" + az, RouteArgs.builder()
                        .routeTableId(privateRoutes.id())
                        .destinationCidrBlock("0.0.0.0/0")
                        .natGatewayId(natGateways.get(gateway).id())
                        .build(), child());
            }
            associate(name + "-private-rta-" + az, privateRoutes, privateSubnets.get(az));
        }

        if (args.flowLogs()) {
            flowLogs(name, vpc, args.flowLogRetentionDays());
        }
        endpoints(name, vpc, args, privateSubnets, routeTableIds, invoke);

        this.vpcId = vpc.id();
        this.vpcCidr = vpc.cidrBlock();
        this.publicSubnetIds = Output.all(publicSubnets.stream().map(Subnet::id).toList());
        this.privateSubnetIds = Output.all(privateSubnets.stream().map(Subnet::id).toList());
        this.availabilityZones = Output.all(zoneNames);
        this.zoneCount = args.azCount();
        registerOutputs(Map.of(
                "vpcId", vpcId,
                "vpcCidr", vpcCidr,
                "publicSubnetIds", publicSubnetIds,
                "privateSubnetIds", privateSubnetIds,
                "availabilityZones", availabilityZones));
    }

    private static String zoneAt(List<String> zones, int index, int wanted) {
        if (zones.size() < wanted) {
            throw new IllegalStateException("network.azCount is " + wanted + " but the region has only "
                    + zones.size() + " available zones: " + zones);
        }
        return zones.get(index);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private Subnet subnet(String subnetName, Vpc vpc, Output<String> zone, Ipv4Cidr cidr, String elbRoleTag) {
        return new Subnet(subnetName, SubnetArgs.builder()
                .vpcId(vpc.id())
                .availabilityZone(zone)
                .cidrBlock(cidr.toString())
                .mapPublicIpOnLaunch(false)
                .tags(Map.of("Name", subnetName, elbRoleTag, "1"))
                .build(), child());
    }

    private void associate(String associationName, RouteTable table, Subnet subnet) {
        new RouteTableAssociation(associationName, RouteTableAssociationArgs.builder()
                .routeTableId(table.id())
                .subnetId(subnet.id())
                .build(), child());
    }

    private void flowLogs(String name, Vpc vpc, int retentionDays) {
        var logGroup = new LogGroup(name + "-flow-logs", LogGroupArgs.builder()
                .name("/vpc/" + name + "/flow-logs")
                .retentionInDays(retentionDays)
                .build(), child());
        var role = new Role(name + "-flow-logs-role", RoleArgs.builder()
                .description("Lets VPC flow logs of " + name + " write to CloudWatch Logs")
                .assumeRolePolicy(IamPolicy.assumedByService("vpc-flow-logs.amazonaws.com"))
                .build(), child());
        new RolePolicy(name + "-flow-logs-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(logGroup.arn().applyValue(arn -> IamPolicy.document(List.of(IamPolicy.allow(
                        List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"),
                        List.of(arn, arn + ":*"))))))
                .build(), child());
        new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(60)
                .tags(Map.of("Name", name + "-flow-log"))
                .build(), child());
    }

    private void endpoints(String name, Vpc vpc, NetworkArgs args, List<Subnet> privateSubnets,
                           List<Output<String>> routeTableIds, InvokeOptions invoke) {
        Output<String> region = AwsFunctions.getRegion(GetRegionArgs.builder().build(), invoke).applyValue(r -> r.name());
        new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .vpcEndpointType("Gateway")
                .serviceName(region.applyValue(r -> "com.amazonaws." + r + ".s3"))
                .routeTableIds(Output.all(routeTableIds))
                .tags(Map.of("Name", name + "-s3"))
                .build(), child());
        if (!args.vpcEndpoints()) {
            return;
        }
        var endpointGroup = new SecurityGroup(name + "-endpoints-sg", SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("HTTPS from inside the VPC to the interface endpoints of " + name)
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("HTTPS from the VPC")
                        .protocol("tcp")
                        .fromPort(443)
                        .toPort(443)
                        .cidrBlocks(args.cidr())
                        .build())
                .tags(Map.of("Name", name + "-endpoints-sg"))
                .build(), child());
        for (var service : INTERFACE_ENDPOINTS) {
            var endpointName = name + "-" + service.replace('.', '-');
            new VpcEndpoint(endpointName, VpcEndpointArgs.builder()
                    .vpcId(vpc.id())
                    .vpcEndpointType("Interface")
                    .serviceName(region.applyValue(r -> "com.amazonaws." + r + "." + service))
                    .privateDnsEnabled(true)
                    .subnetIds(Output.all(privateSubnets.stream().map(Subnet::id).toList()))
                    .securityGroupIds(endpointGroup.id().applyValue(List::of))
                    .tags(Map.of("Name", endpointName))
                    .build(), child());
        }
    }

    /** The VPC id. */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** The VPC CIDR block. */
    public Output<String> vpcCidr() {
        return vpcCidr;
    }

    /** Public subnet ids, one per zone, in zone order. */
    public Output<List<String>> publicSubnetIds() {
        return publicSubnetIds;
    }

    /** Private subnet ids, one per zone, in zone order. */
    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    /** The VPC and its subnets, for the Args of the components placed in it. */
    public Placement placement() {
        return Placement.builder().vpcId(vpcId).vpcCidr(vpcCidr).publicSubnetIds(publicSubnetIds).privateSubnetIds(privateSubnetIds)
                .zoneCount(zoneCount).build();
    }

    /** Availability zone names, in zone order. */
    public Output<List<String>> availabilityZones() {
        return availabilityZones;
    }
}
