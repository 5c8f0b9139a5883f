package io.containerplatform.plan.diagram;

import io.containerplatform.plan.Plan;
import io.containerplatform.plan.PlanGraph;
import io.containerplatform.plan.PlanResource;
import io.containerplatform.plan.diagram.Diagram.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draws a plan as a person reads it: the VPC with its zones and subnets, one frame per component with its load
 * balancers, services, instances and databases, the EKS cluster with its namespaces, workloads and add-ons, and the
 * traffic between them. Flows come from what the plan itself allows: listeners and target groups, security group
 * rules that admit another group, NetworkPolicies that admit other pods, Ingresses, KEDA's ScaledObjects and IAM
 * policies on a bucket. IAM roles, attachments, alarms and other plumbing are summarised, not drawn one by one.
 */
public final class ArchitectureDiagram {

    private static final String INTERNET = "internet";
    private static final String VPC = "vpc";

    private final PlanGraph graph;
    private final Diagram diagram;
    /** The box each drawn resource became, by URN. */
    private final Map<String, String> boxOf = new LinkedHashMap<>();
    /** Kubernetes workloads by namespace, with their pod labels. */
    private final List<Workload> workloads = new ArrayList<>();

    private record Workload(String box, String namespace, Map<?, ?> podLabels) {
    }

    private ArchitectureDiagram(Plan plan) {
        this.graph = new PlanGraph(plan);
        this.diagram = new Diagram("Architecture of stack " + plan.stack());
    }

    public static Diagram of(Plan plan) {
        var builder = new ArchitectureDiagram(plan);
        builder.draw();
        return builder.diagram;
    }

    private void draw() {
        diagram.node(INTERNET, "Internet", Kind.EXTERNAL, null);
        network();
        for (var r : graph.plan().customResources()) {
            switch (r.type()) {
                case "aws:lb/loadBalancer:LoadBalancer" -> box(r, (r.inputs().get("loadBalancerType") == null || "application".equals(r.inputs().get("loadBalancerType")) ? "ALB " : "NLB ")
                        + r.name() + "\n" + (truthy(r.inputs().get("internal")) ? "internal" : "internet-facing"), Kind.LOAD_BALANCER, componentGroup(r));
                case "aws:ecs/service:Service" -> box(r, r.name() + "\n" + ecsTasks(r), Kind.COMPUTE, componentGroup(r));
                case "aws:autoscaling/group:Group" -> box(r, r.name() + "\nEC2 Auto Scaling, " + number(r.inputs().get("desiredCapacity"))
                        + " x " + instanceType(r), Kind.COMPUTE, componentGroup(r));
                case "aws:rds/instance:Instance" -> box(r, r.name() + "\n" + r.inputs().get("engine") + " " + r.inputs().get("engineVersion") + ", "
                        + r.inputs().get("instanceClass") + (truthy(r.inputs().get("multiAz")) ? ", Multi-AZ" : ""), Kind.DATA_STORE, componentGroup(r));
                case "aws:eks/nodeGroup:NodeGroup" -> box(r, r.name() + "\nnode group, " + number(map(r.inputs().get("scalingConfig")).get("desiredSize"))
                        + " x " + String.join("/", strings(r.inputs().get("instanceTypes"))) + ("SPOT".equals(r.inputs().get("capacityType")) ? " Spot" : ""),
                        Kind.COMPUTE, componentGroup(r));
                case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> box(r, "S3 bucket\n" + r.name(), Kind.DATA_STORE, null);
                default -> kubernetes(r);
            }
        }
        summaries();
        loadBalancerFlows();
        securityGroupFlows();
        networkPolicyFlows();
        ingressAndScalerFlows();
        bucketFlows();
    }

    private void network() {
        var vpcs = graph.plan().ofType("aws:ec2/vpc:Vpc");
        if (vpcs.isEmpty()) {
            return;
        }
        var vpc = vpcs.get(0);
        diagram.group(VPC, "VPC " + vpc.name() + " " + vpc.inputs().get("cidrBlock"), null);
        var publicTables = graph.plan().ofType("aws:ec2/route:Route").stream()
                .filter(route -> !graph.dependencies(route, "aws:ec2/internetGateway:InternetGateway").isEmpty())
                .flatMap(route -> graph.dependencies(route, "aws:ec2/routeTable:RouteTable").stream()).map(PlanResource::urn).collect(Collectors.toSet());
        for (var subnet : graph.plan().ofType("aws:ec2/subnet:Subnet")) {
            var zone = String.valueOf(subnet.inputs().get("availabilityZone"));
            diagram.group("zone-" + zone, zone, VPC);
            boolean isPublic = graph.dependents(subnet, "aws:ec2/routeTableAssociation:RouteTableAssociation").stream()
                    .anyMatch(a -> a.dependencies().stream().anyMatch(publicTables::contains));
            box(subnet, (isPublic ? "public " : "private ") + subnet.inputs().get("cidrBlock"), Kind.NETWORK, "zone-" + zone);
        }
        for (var nat : graph.plan().ofType("aws:ec2/natGateway:NatGateway")) {
            var zone = graph.dependencies(nat, "aws:ec2/subnet:Subnet").stream().map(s -> "zone-" + s.inputs().get("availabilityZone")).findFirst().orElse(VPC);
            box(nat, "NAT gateway", Kind.NETWORK, zone);
            diagram.flow(boxOf.get(nat.urn()), INTERNET, "egress", false);
        }
        var endpoints = graph.plan().ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .map(e -> String.valueOf(e.inputs().get("serviceName")).replaceFirst("^com\\.amazonaws\\.[a-z0-9-]+\\.", "")).toList();
        if (!endpoints.isEmpty()) {
            diagram.node("endpoints", "VPC endpoints\n" + String.join(", ", endpoints), Kind.NETWORK, VPC);
        }
    }

    /** One box each for the plan's plumbing: image repositories, and alarms with their topics. */
    private void summaries() {
        int repositories = graph.plan().ofType("aws:ecr/repository:Repository").size();
        if (repositories > 0) {
            diagram.node("ecr", "ECR\n" + repositories + " image repositories", Kind.DATA_STORE, null);
        }
        int alarms = graph.plan().ofType("aws:cloudwatch/metricAlarm:MetricAlarm").size();
        if (alarms > 0) {
            diagram.node("alarms", "CloudWatch\n" + alarms + " alarms, " + graph.plan().ofType("aws:cloudwatch/dashboard:Dashboard").size()
                    + " dashboards -> " + graph.plan().ofType("aws:sns/topic:Topic").size() + " SNS topics", Kind.EXTERNAL, null);
        }
    }

    private void kubernetes(PlanResource r) {
        if (!r.type().startsWith("kubernetes:")) {
            return;
        }
        var metadata = map(r.inputs().get("metadata"));
        var namespace = String.valueOf(r.type().equals("kubernetes:helm.sh/v3:Release") ? r.inputs().get("namespace") : metadata.get("namespace"));
        var cluster = graph.resource(r.provider() == null ? null : r.provider().split("::[^:]*$")[0])
                .flatMap(graph::component).map(c -> "c-" + c.name()).orElseGet(() -> componentGroup(r));
        var group = "ns-" + cluster + "-" + namespace;
        switch (r.type()) {
            case "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:batch/v1:Job" -> {
                diagram.group(group, "namespace " + namespace, cluster);
                var spec = map(r.inputs().get("spec"));
                var template = map(spec.get("template"));
                var kind = r.type().substring(r.type().lastIndexOf(':') + 1);
                var images = list(map(template.get("spec")).get("containers")).stream().map(c -> String.valueOf(map(c).get("image"))).toList();
                var shape = images.stream().anyMatch(i -> i.contains("rabbitmq")) ? Kind.QUEUE : kind.equals("StatefulSet") ? Kind.DATA_STORE : Kind.COMPUTE;
                box(r, metadata.get("name") + "\n" + kind + (spec.get("replicas") == null ? "" : " x" + number(spec.get("replicas"))), shape, group);
                workloads.add(new Workload(boxOf.get(r.urn()), namespace, map(map(template.get("metadata")).get("labels"))));
            }
            case "kubernetes:helm.sh/v3:Release" -> {
                diagram.group(group, "namespace " + namespace, cluster);
                box(r, r.inputs().get("chart") + " " + r.inputs().get("version"), Kind.ADD_ON, group);
            }
            case "kubernetes:networking.k8s.io/v1:Ingress" -> {
                diagram.group(group, "namespace " + namespace, cluster);
                box(r, "ALB of Ingress " + metadata.get("name"), Kind.LOAD_BALANCER, group);
            }
            default -> {
            }
        }
    }

    /**
     * Internet to internet-facing load balancers (listener ports), load balancers to the owners of the target groups
     * their listeners (default action) and listener rules (host and path conditions) forward to.
     */
    private void loadBalancerFlows() {
        for (var listener : graph.plan().ofType("aws:lb/listener:Listener")) {
            for (var lb : graph.dependencies(listener, "aws:lb/loadBalancer:LoadBalancer")) {
                if (!truthy(lb.inputs().get("internal"))) {
                    diagram.flow(INTERNET, boxOf.get(lb.urn()), number(listener.inputs().get("port")), false);
                }
                targetFlows(lb, listener, "");
                for (var rule : graph.dependents(listener, "aws:lb/listenerRule:ListenerRule")) {
                    var conditions = list(rule.inputs().get("conditions")).stream().flatMap(c -> map(c).values().stream())
                            .flatMap(v -> strings(map(v).get("values")).stream()).toList();
                    targetFlows(lb, rule, " " + String.join(" ", conditions));
                }
            }
        }
    }

    private void targetFlows(PlanResource lb, PlanResource routing, String conditions) {
        for (var targetGroup : graph.dependencies(routing, "aws:lb/targetGroup:TargetGroup")) {
            for (var target : graph.plan().customResources()) {
                if (boxOf.containsKey(target.urn()) && target.dependencies().contains(targetGroup.urn())) {
                    diagram.flow(boxOf.get(lb.urn()), boxOf.get(target.urn()), number(targetGroup.inputs().get("port")) + conditions, false);
                }
            }
        }
    }

    /** A security group admitting another group: the owners of the one to the owners of the other, with the ports. */
    private void securityGroupFlows() {
        for (var group : graph.plan().ofType("aws:ec2/securityGroup:SecurityGroup")) {
            var ports = new LinkedHashSet<String>();
            for (var rule : list(group.inputs().get("ingress"))) {
                var ruleMap = map(rule);
                if (!list(ruleMap.get("securityGroups")).isEmpty()) {
                    ports.add(portRange(ruleMap));
                }
                if (truthy(ruleMap.get("self"))) {
                    var members = owners(group);
                    members.forEach(from -> members.forEach(to -> diagram.flow(from, to, portRange(ruleMap), false)));
                }
            }
            if (ports.isEmpty()) {
                continue;
            }
            for (var source : graph.dependencies(group, "aws:ec2/securityGroup:SecurityGroup")) {
                for (var from : owners(source)) {
                    for (var to : owners(group)) {
                        diagram.flow(from, to, String.join(", ", ports), false);
                    }
                }
            }
        }
    }

    /** The boxes of the resources that use {@code securityGroup}, directly or through their launch template. */
    private Set<String> owners(PlanResource securityGroup) {
        var owners = new LinkedHashSet<String>();
        for (var r : graph.plan().customResources()) {
            if (!boxOf.containsKey(r.urn()) || r.urn().equals(securityGroup.urn())) {
                continue;
            }
            boolean uses = r.dependencies().contains(securityGroup.urn()) || graph.dependencies(r, "aws:ec2/launchTemplate:LaunchTemplate").stream()
                    .anyMatch(t -> t.dependencies().contains(securityGroup.urn()));
            if (uses) {
                owners.add(boxOf.get(r.urn()));
            }
        }
        return owners;
    }

    /** What each NetworkPolicy admits: pods of its namespace, or add-ons of the namespaces it names. */
    private void networkPolicyFlows() {
        for (var policy : graph.plan().ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy")) {
            var namespace = String.valueOf(map(policy.inputs().get("metadata")).get("namespace"));
            var spec = map(policy.inputs().get("spec"));
            var targets = selected(namespace, map(map(spec.get("podSelector")).get("matchLabels")));
            for (var rule : list(spec.get("ingress"))) {
                var ruleMap = map(rule);
                var ports = list(ruleMap.get("ports")).stream().map(p -> number(map(p).get("port"))).collect(Collectors.joining(", "));
                for (var peer : list(ruleMap.get("from"))) {
                    for (var source : peers(namespace, map(peer))) {
                        targets.forEach(target -> diagram.flow(source, target, ports, false));
                    }
                }
            }
        }
    }

    private List<String> peers(String namespace, Map<?, ?> peer) {
        if (peer.containsKey("ipBlock")) {
            return List.of();
        }
        if (!peer.containsKey("namespaceSelector")) {
            return selected(namespace, map(map(peer.get("podSelector")).get("matchLabels")));
        }
        var named = map(map(peer.get("namespaceSelector")).get("matchLabels")).get("kubernetes.io/metadata.name");
        if (named == null) {
            return List.of();
        }
        return diagram.nodes().stream().filter(n -> n.kind() == Kind.ADD_ON && n.group() != null && n.group().endsWith("-" + named))
                .map(Diagram.Node::id).toList();
    }

    /** The workloads of {@code namespace} whose pod labels include {@code labels} (all of them when empty). */
    private List<String> selected(String namespace, Map<?, ?> labels) {
        return workloads.stream().filter(w -> w.namespace().equals(namespace))
                .filter(w -> labels.entrySet().stream().allMatch(e -> Objects.equals(w.podLabels().get(e.getKey()), e.getValue())))
                .map(Workload::box).toList();
    }

    /** Internet to each Ingress's load balancer and on to its backends; KEDA to what its ScaledObjects scale. */
    private void ingressAndScalerFlows() {
        for (var ingress : graph.plan().ofType("kubernetes:networking.k8s.io/v1:Ingress")) {
            var box = boxOf.get(ingress.urn());
            var namespace = String.valueOf(map(ingress.inputs().get("metadata")).get("namespace"));
            diagram.flow(INTERNET, box, listenPorts(map(map(ingress.inputs().get("metadata")).get("annotations"))), false);
            var backends = backends(map(ingress.inputs().get("spec")));
            for (var service : graph.plan().ofType("kubernetes:core/v1:Service")) {
                var metadata = map(service.inputs().get("metadata"));
                if (namespace.equals(metadata.get("namespace")) && backends.contains(String.valueOf(metadata.get("name")))) {
                    selected(namespace, map(map(service.inputs().get("spec")).get("selector"))).forEach(target -> diagram.flow(box, target, "", false));
                }
            }
        }
        var keda = diagram.nodes().stream().filter(n -> n.kind() == Kind.ADD_ON && n.label().startsWith("keda ")).map(Diagram.Node::id).findFirst();
        for (var scaler : graph.plan().ofType("kubernetes:keda.sh/v1alpha1:ScaledObject")) {
            var namespace = String.valueOf(map(scaler.inputs().get("metadata")).get("namespace"));
            var target = map(map(scaler.inputs().get("spec")).get("scaleTargetRef")).get("name");
            keda.ifPresent(k -> workloads.stream().filter(w -> w.namespace().equals(namespace))
                    .filter(w -> diagram.node(w.box()).map(n -> n.label().startsWith(target + "\n")).orElse(false))
                    .forEach(w -> diagram.flow(k, w.box(), "scales", true)));
        }
    }

    /** The names of the Services an Ingress spec sends traffic to (its default backend and every path's). */
    private static Set<String> backends(Map<?, ?> spec) {
        var names = new LinkedHashSet<String>();
        var backends = new ArrayList<Object>();
        backends.add(spec.get("defaultBackend"));
        for (var rule : list(spec.get("rules"))) {
            list(map(map(rule).get("http")).get("paths")).forEach(path -> backends.add(map(path).get("backend")));
        }
        backends.stream().map(b -> map(map(b).get("service")).get("name")).filter(Objects::nonNull).forEach(n -> names.add(String.valueOf(n)));
        return names;
    }

    /** Compute that an IAM policy of its component lets use a bucket: compute to bucket. */
    private void bucketFlows() {
        for (var policy : graph.plan().ofType("aws:iam/rolePolicy:RolePolicy")) {
            for (var bucket : graph.dependencies(policy, "aws:s3/bucketV2:BucketV2")) {
                var component = graph.componentName(policy);
                graph.plan().customResources().stream()
                        .filter(r -> graph.componentName(r).equals(component))
                        .filter(r -> r.type().equals("aws:ecs/service:Service") || r.type().equals("aws:eks/nodeGroup:NodeGroup"))
                        .forEach(r -> diagram.flow(boxOf.get(r.urn()), boxOf.get(bucket.urn()), "S3 API", false));
            }
        }
    }

    private void box(PlanResource r, String label, Kind kind, String group) {
        var id = r.name();
        boxOf.put(r.urn(), id);
        diagram.node(id, label, kind, group);
    }

    /** The frame of the component {@code r} belongs to, inside the VPC when there is one. */
    private String componentGroup(PlanResource r) {
        var component = graph.component(r);
        if (component.isEmpty()) {
            return diagram.groups().stream().anyMatch(g -> g.id().equals(VPC)) ? VPC : null;
        }
        var type = component.get().type();
        var id = "c-" + component.get().name();
        diagram.group(id, component.get().name() + " (" + type.substring(type.lastIndexOf(':') + 1) + ")",
                diagram.groups().stream().anyMatch(g -> g.id().equals(VPC)) ? VPC : null);
        return id;
    }

    /**
     * The ports the AWS Load Balancer Controller opens for an Ingress: its {@code alb.ingress.kubernetes.io/listen-ports}
     * annotation (e.g. {@code [{"HTTP": 80}, {"HTTPS": 443}]}), or without one the controller's default: 443 when the
     * Ingress names a certificate, 80 otherwise.
     */
    static String listenPorts(Map<?, ?> annotations) {
        var ports = annotations.get("alb.ingress.kubernetes.io/listen-ports");
        if (ports == null) {
            return annotations.containsKey("alb.ingress.kubernetes.io/certificate-arn") ? "443" : "80";
        }
        var matcher = java.util.regex.Pattern.compile(":\\s*(\\d+)").matcher(String.valueOf(ports));
        var found = new ArrayList<String>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return String.join(", ", found);
    }

    private String ecsTasks(PlanResource service) {
        var task = graph.dependencies(service, "aws:ecs/taskDefinition:TaskDefinition").stream().findFirst();
        var fargate = task.map(t -> strings(t.inputs().get("requiresCompatibilities")).contains("FARGATE")).orElse(false);
        var size = task.map(t -> ", " + vcpu(t.inputs().get("cpu")) + " vCPU / " + vcpu(t.inputs().get("memory")) + " GB").orElse("");
        var count = number(service.inputs().get("desiredCount"));
        var tasks = count.equals("1") ? " task" : " tasks";
        return count + (fargate ? " Fargate" + tasks : " ECS" + tasks + " on EC2") + size;
    }

    private String instanceType(PlanResource asg) {
        return graph.dependencies(asg, "aws:ec2/launchTemplate:LaunchTemplate").stream().map(t -> String.valueOf(t.inputs().get("instanceType")))
                .findFirst().orElse("?");
    }

    private static String vcpu(Object units) {
        double value = Double.parseDouble(String.valueOf(units)) / 1024;
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }

    private static String portRange(Map<?, ?> rule) {
        var from = number(rule.get("fromPort"));
        var to = number(rule.get("toPort"));
        return "-1".equals(String.valueOf(rule.get("protocol"))) || "0".equals(from) && "0".equals(to) ? "all" : from.equals(to) ? from : from + "-" + to;
    }

    private static String number(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }

    private static boolean truthy(Object value) {
        return Boolean.parseBoolean(String.valueOf(value));
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
