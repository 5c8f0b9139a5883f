package io.containerplatform.plan.cost;

import io.containerplatform.config.CostConfig;
import io.containerplatform.config.UsageAssumption;
import io.containerplatform.plan.Plan;
import io.containerplatform.plan.PlanGraph;
import io.containerplatform.plan.PlanResource;
import io.containerplatform.plan.lifecycle.SupportCalendar;
import io.containerplatform.plan.lifecycle.SupportWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prices a plan: every resource AWS bills by the hour, by the GB or by the month, from its inputs, the vendored
 * {@link Prices} of the stack's region and the stack's {@link UsageAssumption}s. Free resources (IAM, security
 * groups, subnets, Kubernetes objects other than volumes) have no line; resources that cost money but have no price
 * in the table are listed as unpriced rather than counted as free. A version in extended support on the plan date
 * ({@link SupportCalendar}) is priced as AWS bills it: the EKS control plane at the extended cluster-hour price, an RDS
 * MySQL instance with the Extended Support charge per vCPU-hour (standby included, doubled from the third year).
 */
public final class CostEstimator {

    private final Plan plan;
    private final Prices prices;
    private final CostConfig config;
    private final PlanGraph graph;
    private final List<CostLine> lines = new ArrayList<>();
    private final List<String> unpriced = new ArrayList<>();
    private final double hours;
    private final LocalDate date;

    private CostEstimator(Plan plan, Prices prices, CostConfig config, LocalDate date) {
        this.plan = plan;
        this.date = date;
        this.prices = prices;
        this.config = config;
        this.hours = prices.hoursPerMonth();
        this.graph = new PlanGraph(plan);
    }

    /** The estimate of {@code plan} with the prices of {@code prices}' region, for a month starting on {@code date}. */
    public static CostEstimate estimate(Plan plan, Prices prices, CostConfig config, LocalDate date) {
        var estimator = new CostEstimator(plan, prices, config, date);
        plan.resources().forEach(estimator::price);
        return new CostEstimate(plan.stack(), prices, config.assumptions(), List.copyOf(estimator.lines),
                List.copyOf(estimator.unpriced), config.monthlyBudget());
    }

    private void price(PlanResource r) {
        var in = new Inputs(r.inputs());
        switch (r.type()) {
            case "aws:ec2/natGateway:NatGateway" -> natGateway(r);
            case "aws:ec2/eip:Eip" -> add(r, "Public IPv4", hours * prices.required(null, "publicIpv4Hour"), "1 public IPv4 address");
            case "aws:lb/loadBalancer:LoadBalancer" -> loadBalancer(r, in);
            case "aws:ecs/service:Service" -> fargateService(r, in);
            case "aws:autoscaling/group:Group" -> autoScalingGroup(r, in);
            case "aws:eks/cluster:Cluster" -> controlPlane(r);
            case "aws:eks/nodeGroup:NodeGroup" -> nodeGroup(r, in);
            case "aws:rds/instance:Instance" -> database(r, in);
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> endpoint(r, in);
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                double gb = assumed(UsageAssumption.LOG_GB_PER_LOG_GROUP);
                add(r, "CloudWatch", gb * prices.required("cloudwatch", "logsIngestedGb"), number(gb) + " GB of logs ingested");
            }
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> {
                long metrics = Math.max(1, in.objects("metricQueries").stream().filter(q -> q.get("metric") != null).count());
                add(r, "CloudWatch", metrics * prices.required("cloudwatch", "alarmMetricMonth"), "alarm on " + metrics + " metric(s)");
            }
            case "aws:cloudwatch/dashboard:Dashboard" -> add(r, "CloudWatch", prices.required("cloudwatch", "dashboardMonth"), "1 dashboard");
            case "aws:kms/key:Key" -> add(r, "KMS", prices.required(null, "kmsKeyMonth"), "1 customer managed key");
            case "aws:ecr/repository:Repository" -> {
                double gb = assumed(UsageAssumption.ECR_GB_PER_REPOSITORY);
                add(r, "ECR", gb * prices.required(null, "ecrGbMonth"), number(gb) + " GB of images");
            }
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                double gb = assumed(UsageAssumption.S3_GB_PER_BUCKET);
                add(r, "S3", gb * prices.required(null, "s3StandardGbMonth"), number(gb) + " GB in S3 Standard");
            }
            case "aws:secretsmanager/secret:Secret" -> add(r, "Secrets Manager", prices.required(null, "secretMonth"), "1 secret");
            case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "aws:route53/zone:Zone" ->
                    add(r, "Route 53", prices.required(null, "hostedZoneMonth"), "1 hosted zone");
            case "kubernetes:apps/v1:StatefulSet" -> statefulSetVolumes(r, in);
            default -> {
            }
        }
    }

    private void natGateway(PlanResource r) {
        double gb = assumed(UsageAssumption.NAT_GB_PER_MONTH);
        add(r, "NAT gateways", hours * prices.required("natGateway", "hour") + gb * prices.required("natGateway", "gb"),
                "1 NAT gateway, " + number(gb) + " GB processed");
    }

    private void loadBalancer(PlanResource r, Inputs in) {
        var type = in.string("loadBalancerType", "application");
        var group = switch (type) {
            case "application" -> "applicationLoadBalancer";
            case "network" -> "networkLoadBalancer";
            default -> null;
        };
        if (group == null) {
            unpriced.add(r.name() + ": no price for load balancer type " + type);
            return;
        }
        double lcus = assumed(UsageAssumption.LCUS_PER_LOAD_BALANCER);
        add(r, "Load balancers", hours * (prices.required(group, "hour") + lcus * prices.required(group, "lcuHour")),
                "1 " + type + " load balancer, " + number(lcus) + " LCU");
        if (!in.bool("internal")) {
            int zones = Math.max(in.list("subnets").size(), in.objects("subnetMappings").size());
            add(r, "Public IPv4", zones * hours * prices.required(null, "publicIpv4Hour"), zones + " public IPv4 addresses (one a zone)");
        }
    }

    private void fargateService(PlanResource r, Inputs in) {
        var task = dependency(r, "aws:ecs/taskDefinition:TaskDefinition");
        if (task.isEmpty() || !new Inputs(task.get().inputs()).list("requiresCompatibilities").contains("FARGATE")) {
            return;
        }
        var taskInputs = new Inputs(task.get().inputs());
        double vcpu = taskInputs.number("cpu", 256) / 1024;
        double gb = taskInputs.number("memory", 512) / 1024;
        double tasks = Math.max(in.number("desiredCount", 1), scalingFloor(r));
        double spot = spotTasks(in.objects("capacityProviderStrategies"), tasks);
        double taskHour = vcpu * prices.required("fargate", "vcpuHour") + gb * prices.required("fargate", "gbHour");
        double discount = assumed(UsageAssumption.FARGATE_SPOT_DISCOUNT);
        add(r, "Fargate", hours * taskHour * (tasks - spot + spot * (1 - discount)),
                number(tasks) + " tasks of " + number(vcpu) + " vCPU / " + number(gb) + " GB" + (spot > 0 ? ", " + number(spot) + " on Spot" : ""));
    }

    /** The minimum task count of the service's Application Auto Scaling target, 0 without one. */
    private double scalingFloor(PlanResource service) {
        var cluster = new Inputs(service.inputs()).string("cluster", "");
        var resourceId = "service/" + cluster.substring(cluster.lastIndexOf('/') + 1) + "/" + new Inputs(service.inputs()).string("name", service.name());
        return plan.ofType("aws:appautoscaling/target:Target").stream().map(t -> new Inputs(t.inputs()))
                .filter(t -> t.string("resourceId", "").equals(resourceId)).mapToDouble(t -> t.number("minCapacity", 0)).max().orElse(0);
    }

    /**
     * How many of {@code tasks} a capacity provider strategy puts on FARGATE_SPOT: each provider's {@code base} first,
     * the rest by weight.
     */
    static double spotTasks(List<Map<String, Object>> strategy, double tasks) {
        double remaining = tasks;
        double spot = 0;
        double spotWeight = 0;
        double totalWeight = 0;
        for (var item : strategy) {
            var s = new Inputs(item);
            boolean isSpot = "FARGATE_SPOT".equals(s.string("capacityProvider", ""));
            double base = Math.min(s.number("base", 0), remaining);
            remaining -= base;
            spot += isSpot ? base : 0;
            spotWeight += isSpot ? s.number("weight", 0) : 0;
            totalWeight += s.number("weight", 0);
        }
        return totalWeight == 0 ? spot : spot + remaining * spotWeight / totalWeight;
    }

    private void autoScalingGroup(PlanResource r, Inputs in) {
        double count = in.number("desiredCapacity", in.number("minSize", 0));
        var template = dependency(r, "aws:ec2/launchTemplate:LaunchTemplate").map(t -> new Inputs(t.inputs()));
        var type = template.map(t -> t.string("instanceType", null)).orElse(null);
        instances(r, count, type == null ? List.of() : List.of(type), false);
        template.ifPresent(t -> volumes(r, t, count));
    }

    private void nodeGroup(PlanResource r, Inputs in) {
        double count = in.number("scalingConfig.desiredSize", 1);
        var types = in.list("instanceTypes").stream().map(String::valueOf).toList();
        instances(r, count, types.isEmpty() ? List.of("t3.medium") : types, "SPOT".equals(in.string("capacityType", "ON_DEMAND")));
        var template = dependency(r, "aws:ec2/launchTemplate:LaunchTemplate").map(t -> new Inputs(t.inputs()));
        if (template.isPresent() && !template.get().objects("blockDeviceMappings").isEmpty()) {
            volumes(r, template.get(), count);
        } else {
            double gb = in.number("diskSize", 20);
            add(r, "EBS volumes", count * gb * prices.required("ebsGbMonth", "gp3"), number(count) + " x " + number(gb) + " GB gp3");
        }
    }

    /** {@code count} instances of the first of {@code types} (the one a node group or ASG prefers). */
    private void instances(PlanResource r, double count, List<String> types, boolean spot) {
        if (types.isEmpty()) {
            unpriced.add(r.name() + ": no instance type in its launch template");
            return;
        }
        var type = types.get(0);
        var hourly = prices.price("ec2Hour", type);
        if (hourly.isEmpty()) {
            unpriced.add(r.name() + ": prices.json has no " + prices.region() + " price for EC2 instance type " + type);
            return;
        }
        double factor = spot ? 1 - assumed(UsageAssumption.EC2_SPOT_DISCOUNT) : 1;
        add(r, "EC2 instances", count * hours * hourly.get() * factor, number(count) + " x " + type + (spot ? " on Spot" : ""));
    }

    private void volumes(PlanResource r, Inputs template, double count) {
        for (var mapping : template.objects("blockDeviceMappings")) {
            var ebs = new Inputs(mapping);
            var type = ebs.string("ebs.volumeType", "gp3");
            double gb = ebs.number("ebs.volumeSize", 8);
            var price = prices.price("ebsGbMonth", type);
            if (price.isEmpty()) {
                unpriced.add(r.name() + ": prices.json has no price for EBS volume type " + type);
                continue;
            }
            add(r, "EBS volumes", count * gb * price.get(), number(count) + " x " + number(gb) + " GB " + type);
        }
    }

    private void controlPlane(PlanResource r) {
        var extended = inExtendedSupport(r);
        if (extended.isPresent()) {
            add(r, "EKS control plane", hours * prices.required(null, "eksClusterExtendedHour"), "1 cluster, extended support ("
                    + extended.get().productName() + " " + extended.get().version() + " since " + extended.get().endOfStandardSupport() + ")");
        } else {
            add(r, "EKS control plane", hours * prices.required(null, "eksClusterHour"), "1 cluster, standard support");
        }
    }

    /** The support window of the version {@code r} pins, when the plan date falls after its standard support. */
    private Optional<SupportWindow> inExtendedSupport(PlanResource r) {
        return SupportCalendar.pinnedBy(r).flatMap(SupportCalendar.Pinned::window)
                .filter(w -> w.phaseOn(date) != SupportWindow.Phase.STANDARD);
    }

    /** RDS Extended Support: per vCPU-hour of every copy (a Multi-AZ standby too), doubled from its third year. */
    private void extendedSupport(PlanResource r, String instanceClass, int copies) {
        inExtendedSupport(r).ifPresent(w -> {
            var vcpus = prices.vcpus(instanceClass);
            if (vcpus.isEmpty()) {
                unpriced.add(r.name() + ": prices.json has no vCPU count for " + instanceClass + " (RDS Extended Support is per vCPU-hour)");
                return;
            }
            int year = w.extendedSupportYear(date);
            var rate = prices.required("rdsExtendedSupportVcpuHour", year <= 2 ? "year1to2" : "year3");
            add(r, "RDS Extended Support", copies * vcpus.get() * hours * rate, copies + " x " + vcpus.get() + " vCPU, year " + year
                    + " of extended support (" + w.productName() + " " + w.version() + " since " + w.endOfStandardSupport() + ")");
        });
    }

    private void database(PlanResource r, Inputs in) {
        var engine = in.string("engine", "");
        var instanceClass = in.string("instanceClass", "");
        var hourly = "mysql".equals(engine) ? prices.price("rdsMysqlHour", instanceClass) : Optional.<Double>empty();
        if (hourly.isEmpty()) {
            unpriced.add(r.name() + ": prices.json has no " + prices.region() + " price for RDS " + engine + " " + instanceClass);
            return;
        }
        boolean multiAz = in.bool("multiAz");
        int copies = multiAz ? 2 : 1;
        add(r, "RDS", copies * hours * hourly.get(), instanceClass + (multiAz ? " Multi-AZ" : " Single-AZ"));
        extendedSupport(r, instanceClass, copies);
        double gb = in.number("allocatedStorage", 20);
        var storageType = in.string("storageType", "gp2");
        var storage = prices.price("rdsStorageGbMonth", storageType);
        if (storage.isEmpty()) {
            unpriced.add(r.name() + ": prices.json has no price for RDS storage type " + storageType);
        } else {
            add(r, "RDS", copies * gb * storage.get(), number(gb) + " GB " + storageType + (multiAz ? " x 2" : ""));
        }
        double days = in.number("backupRetentionPeriod", 1);
        double beyondFree = gb * assumed(UsageAssumption.RDS_BACKUP_DAILY_CHANGE) * days;
        if (beyondFree > 0) {
            add(r, "RDS", beyondFree * prices.required(null, "rdsBackupGbMonth"),
                    number(beyondFree) + " GB of backups beyond the free share (" + number(days) + " days)");
        }
        if (in.bool("manageMasterUserPassword")) {
            add(r, "Secrets Manager", prices.required(null, "secretMonth"), "the master user's secret");
        }
    }

    private void endpoint(PlanResource r, Inputs in) {
        if (!"Interface".equals(in.string("vpcEndpointType", "Gateway"))) {
            return;
        }
        int zones = Math.max(1, in.list("subnetIds").size());
        double gb = assumed(UsageAssumption.ENDPOINT_GB_PER_MONTH);
        add(r, "VPC endpoints", zones * hours * prices.required("interfaceEndpoint", "azHour") + gb * prices.required("interfaceEndpoint", "gb"),
                "interface endpoint in " + zones + " zones, " + number(gb) + " GB");
    }

    /** The EBS volumes a StatefulSet's claim templates create, one per replica (gp3, as the platform's StorageClass). */
    private void statefulSetVolumes(PlanResource r, Inputs in) {
        double replicas = in.number("spec.replicas", 1);
        for (var claim : in.objects("spec.volumeClaimTemplates")) {
            var request = new Inputs(claim).string("spec.resources.requests.storage", null);
            if (request == null) {
                continue;
            }
            double gb = gigabytes(request);
            add(r, "EBS volumes", replicas * gb * prices.required("ebsGbMonth", "gp3"),
                    number(replicas) + " x " + request + " gp3 (" + new Inputs(claim).string("metadata.name", "claim") + ")");
        }
    }

    /** A Kubernetes quantity ({@code 10Gi}, {@code 500Mi}, {@code 1Ti}, {@code 20G}) in GB. */
    static double gigabytes(String quantity) {
        var m = java.util.regex.Pattern.compile("([0-9.]+)([KMGTP]i?)?").matcher(quantity.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Kubernetes quantity: " + quantity);
        }
        double value = Double.parseDouble(m.group(1));
        var unit = m.group(2) == null ? "" : m.group(2);
        double bytes = switch (unit) {
            case "Ki" -> value * 1024;
            case "Mi" -> value * Math.pow(1024, 2);
            case "Gi" -> value * Math.pow(1024, 3);
            case "Ti" -> value * Math.pow(1024, 4);
            case "Pi" -> value * Math.pow(1024, 5);
            case "K" -> value * 1e3;
            case "M" -> value * 1e6;
            case "G" -> value * 1e9;
            case "T" -> value * 1e12;
            case "P" -> value * 1e15;
            default -> value;
        };
        return bytes / 1e9;
    }

    private Optional<PlanResource> dependency(PlanResource r, String type) {
        return graph.dependencies(r, type).stream().findFirst();
    }

    private double assumed(UsageAssumption assumption) {
        return config.assumed(assumption);
    }

    private void add(PlanResource r, String kind, double monthly, String driver) {
        lines.add(new CostLine(graph.componentName(r), r.name(), kind, monthly, driver));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }
}
