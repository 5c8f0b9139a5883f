package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.eks.ChartVersions;
import io.containerplatform.components.eks.EksPlatformComponent;
import io.containerplatform.components.monitoring.AlertDestination;
import io.containerplatform.components.network.Placement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arguments of {@link DataPipelineComponent}: each field is one declared input ({@link InputSpec}); defaults follow
 * seed 004. Build with {@link #builder()}; {@code build()} returns an unmodifiable copy, checked, or fails naming
 * every problem.
 */
public final class PipelineArgs extends DeclaredArgs {

    @Import(name = "placement", required = true)
    @InputSpec("Where the pipeline runs: the VPC whose CIDR reaches the load balancer's targets (IP mode) (NetworkComponent.placement())")
    private Placement placement;

    @Import(name = "namespace")
    @InputSpec(value = "The pipeline's namespace", format = Format.KUBERNETES_NAME, allowed = "a Kubernetes name (a-z, 0-9, -)")
    private String namespace = "data-processing";

    @Import(name = "rabbitmqReplicas")
    @InputSpec(value = "RabbitMQ nodes, clustered by Kubernetes peer discovery", min = 1, max = 7)
    private Integer rabbitmqReplicas = 1;

    @Import(name = "mongodbReplicas")
    @InputSpec(value = "MongoDB replica-set members (a replica set needs a majority)", min = 1, max = 7,
            allowed = "an odd number: 1, 3, 5, 7 (at least 3 in prod)")
    private Integer mongodbReplicas = 3;

    @Import(name = "storageClass")
    @InputSpec(value = "The StorageClass of the volumes (the EKS platform's default class)", allowed = "a StorageClass name")
    private String storageClass = "gp3-encrypted";

    @Import(name = "storageGb")
    @InputSpec(value = "Size of each RabbitMQ and MongoDB volume, GiB", min = 1, max = 16384)
    private Integer storageGb = 10;

    @Import(name = "prometheusStorageGb")
    @InputSpec(value = "Size of Prometheus' volume in production, GiB: metrics are kept " + Monitoring.RETENTION + " or until "
            + Monitoring.RETENTION_SIZE_PERCENT + " % of it is used (outside production they live in the pod, until it moves)", min = 10, max = 16384)
    private Integer prometheusStorageGb = 50;

    @Import(name = "sparkImage", required = true)
    @InputSpec(value = "The Spark processor image", format = Format.IMAGE,
            allowed = "an image pinned to a version tag or digest (not latest), or :<tag> of the stack's processor repository")
    private String sparkImage;

    @Import(name = "apiImage", required = true)
    @InputSpec(value = "The Swagger API image", format = Format.IMAGE,
            allowed = "an image pinned to a version tag or digest (not latest), or :<tag> of the stack's api repository")
    private String apiImage;

    @Import(name = "apiHost", required = true)
    @InputSpec(value = "The host name of the API's Ingress", allowed = "a DNS host name such as api.example.com (at most 64 characters when the platform requests its certificate)")
    private String apiHost;

    @Import(name = "apiHostedZoneId")
    @InputSpec(value = "The Route 53 public hosted zone of apiHost: the platform requests an ACM certificate for apiHost, validates it"
            + " by DNS in this zone (unless apiCertificateArn is given) and points apiHost at the API's load balancer (an alias record)",
            allowed = "a hosted zone id (Z and up to 31 upper-case letters and digits) whose domain holds apiHost",
            defaultText = "none: no DNS record; HTTPS only with apiCertificateArn")
    private String apiHostedZoneId;

    @Import(name = "apiCertificateArn")
    @InputSpec(value = "An issued ACM certificate for apiHost, in the cluster's region, that the API's HTTPS listener serves instead of"
            + " one the platform requests", format = Format.CERTIFICATE_ARN,
            allowed = "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)",
            defaultText = "none: the certificate the platform requests with apiHostedZoneId")
    private String apiCertificateArn;

    @Import(name = "apiAllowedCidrs")
    @InputSpec(value = "The only addresses the API's load balancer admits (alb.ingress.kubernetes.io/inbound-cidrs)", format = Format.IPV4_CIDR,
            allowed = "IPv4 CIDR blocks; in production at least one, and not 0.0.0.0/0",
            defaultText = "none: the whole internet (refused in production)")
    private List<String> apiAllowedCidrs = List.of();

    @Import(name = "ingressClass")
    @InputSpec(value = "The IngressClass of the API (alb: the AWS Load Balancer Controller)", allowed = "an IngressClass name")
    private String ingressClass = "alb";

    @Import(name = "minReplicas")
    @InputSpec(value = "Fewest Spark processors", min = 0, max = 100)
    private Integer minReplicas = 1;

    @Import(name = "maxReplicas")
    @InputSpec(value = "Most Spark processors", min = 1, max = 100, allowed = "1 to 100, at least minReplicas")
    private Integer maxReplicas = 10;

    @Import(name = "queueName")
    @InputSpec(value = "The RabbitMQ queue the processors consume", allowed = "a RabbitMQ queue name")
    private String queueName = "data-stream";

    @Import(name = "messagesPerReplica")
    @InputSpec(value = "Ready messages per processor before KEDA adds one", min = 1, max = 100000)
    private Integer messagesPerReplica = 10;

    @Import(name = "cpuPercent")
    @InputSpec(value = "CPU utilisation above which KEDA scales up, percent", min = 1, max = 100)
    private Integer cpuPercent = 70;

    @Import(name = "memoryPercent")
    @InputSpec(value = "Memory utilisation above which KEDA scales up, percent", min = 1, max = 100)
    private Integer memoryPercent = 80;

    @Import(name = "rabbitmqUser")
    @InputSpec(value = "The RabbitMQ administrator's user name (operators only; the processor, publishers and KEDA have users of their own)",
            allowed = "a RabbitMQ user name other than processor, publisher and keda")
    private String rabbitmqUser = "pipeline";

    @Import(name = "rabbitmqPassword", required = true)
    @InputSpec("The RabbitMQ administrator's password (a secret); the processor's, publishers' and KEDA's passwords derive from it:"
            + " changing it rotates all four in the broker (a rolling restart)")
    private Output<String> rabbitmqPassword;

    @Import(name = "rabbitmqErlangCookie", required = true)
    @InputSpec("The Erlang cookie the RabbitMQ nodes authenticate each other with (a secret, e.g. openssl rand -hex 32); never rotated:"
            + " a node restarted with another cookie cannot rejoin the running ones")
    private Output<String> rabbitmqErlangCookie;

    @Import(name = "mongodbPassword", required = true)
    @InputSpec("The MongoDB root password (a secret)")
    private Output<String> mongodbPassword;

    @Import(name = "mongodbReplicaSetKey", required = true)
    @InputSpec("The key the MongoDB members authenticate each other with (a secret)")
    private Output<String> mongodbReplicaSetKey;

    @Import(name = "mongodbPreviousReplicaSetKey")
    @InputSpec(value = "The key being rotated out (a secret): set it to the old key with a new mongodbReplicaSetKey, pulumi up"
            + " (the members restart one at a time accepting both), then remove it and pulumi up again",
            allowed = "the previous mongodbReplicaSetKey, only during a rotation", defaultText = "none")
    private Output<String> mongodbPreviousReplicaSetKey;

    @Import(name = "grafanaAdminPassword", required = true)
    @InputSpec("Grafana's admin password (a secret)")
    private Output<String> grafanaAdminPassword;

    @Import(name = "production")
    @InputSpec("A production pipeline: volumes retained when the StatefulSets go, strict PDBs, alerts required")
    private Boolean production = false;

    @Import(name = "loadBalancerController")
    @InputSpec(value = "An output of the AWS Load Balancer Controller's Helm release (EksPlatformComponent.loadBalancerControllerName());"
            + " its value is not read: the pipeline's Services, Ingress and Helm releases are created after the release (its webhooks"
            + " reject Services until it runs) and destroyed before it (it owns the Ingress's finalizer)", defaultText = "none, for a cluster without it")
    private Output<String> loadBalancerController;

    @Import(name = "kubernetesVersion")
    @InputSpec(value = "The cluster's Kubernetes version (EksPlatformArgs.version): KEDA and kube-prometheus-stack are the charts"
            + " ChartVersions pins for it", oneOf = {"1.32", "1.33", "1.34", "1.35"})
    private String kubernetesVersion = EksPlatformComponent.DEFAULT_VERSION;

    @Import(name = "alerts")
    @InputSpec(value = "Who the cluster's alerts reach: Alertmanager publishes them to an SNS topic subscribed to these emails and"
            + " webhooks (the stack's alert destination, container-platform:alerts)", allowed = "an alert destination; not empty in production",
            defaultText = "nobody (alerts stay in Alertmanager)")
    private AlertDestination alerts = AlertDestination.builder().build();

    @Import(name = "oidcProviderArn")
    @InputSpec(value = "The ARN of the cluster's IAM OIDC provider (EksPlatformComponent.oidcProviderArn()): Alertmanager's service account"
            + " publishes to the alert topic through an IRSA role", defaultText = "none; required when alerts names someone")
    private Output<String> oidcProviderArn;

    @Import(name = "oidcIssuerUrl")
    @InputSpec(value = "The cluster's OIDC issuer URL (EksPlatformComponent.oidcIssuerUrl()), the IRSA role's trust",
            defaultText = "none; required when alerts names someone")
    private Output<String> oidcIssuerUrl;

    public Placement placement() { return placement; }
    public Output<String> vpcCidr() { return placement.vpcCidr(); }
    public String namespace() { return namespace; }
    public int rabbitmqReplicas() { return rabbitmqReplicas; }
    public int mongodbReplicas() { return mongodbReplicas; }
    public String storageClass() { return storageClass; }
    public int storageGb() { return storageGb; }
    public int prometheusStorageGb() { return prometheusStorageGb; }
    public String sparkImage() { return sparkImage; }
    public String apiImage() { return apiImage; }
    public String apiHost() { return apiHost; }
    public Optional<String> apiHostedZoneId() { return Optional.ofNullable(apiHostedZoneId); }
    public Optional<String> apiCertificateArn() { return Optional.ofNullable(apiCertificateArn); }
    public List<String> apiAllowedCidrs() { return apiAllowedCidrs; }
    /** The API serves HTTPS: with a certificate given, or one the platform requests in the hosted zone. */
    public boolean https() { return apiHostedZoneId != null || apiCertificateArn != null; }
    public String ingressClass() { return ingressClass; }
    public int minReplicas() { return minReplicas; }
    public int maxReplicas() { return maxReplicas; }
    public String queueName() { return queueName; }
    public int messagesPerReplica() { return messagesPerReplica; }
    public int cpuPercent() { return cpuPercent; }
    public int memoryPercent() { return memoryPercent; }
    public String rabbitmqUser() { return rabbitmqUser; }
    public Output<String> rabbitmqPassword() { return rabbitmqPassword; }
    public Output<String> rabbitmqErlangCookie() { return rabbitmqErlangCookie; }
    public Output<String> mongodbPassword() { return mongodbPassword; }
    public Output<String> mongodbReplicaSetKey() { return mongodbReplicaSetKey; }
    public Optional<Output<String>> mongodbPreviousReplicaSetKey() { return Optional.ofNullable(mongodbPreviousReplicaSetKey); }
    public Output<String> grafanaAdminPassword() { return grafanaAdminPassword; }
    public boolean production() { return production; }
    public Optional<Output<String>> loadBalancerController() { return Optional.ofNullable(loadBalancerController); }
    public String kubernetesVersion() { return kubernetesVersion; }
    /** The charts pinned for {@link #kubernetesVersion()}. */
    public ChartVersions charts() { return ChartVersions.forCluster(kubernetesVersion).orElseThrow(); }
    public AlertDestination alerts() { return alerts; }
    public Output<String> oidcProviderArn() { return oidcProviderArn; }
    public Output<String> oidcIssuerUrl() { return oidcIssuerUrl; }

    @Override
    protected List<InputProblem> rules() {
        var problems = new ArrayList<InputProblem>();
        var prod = Boolean.TRUE.equals(production);
        if (mongodbReplicas != null && mongodbReplicas % 2 == 0) {
            problems.add(problem("mongodbReplicas", mongodbReplicas + " is even (a replica set needs a majority)"));
        } else if (mongodbReplicas != null && prod && mongodbReplicas < 3) {
            problems.add(problem("mongodbReplicas", mongodbReplicas + " cannot survive losing a member in production"));
        }
        if (apiHost != null && !apiHost.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            problems.add(problem("apiHost", "\"" + apiHost + "\" is not a host name"));
        } else if (apiHost != null && apiHostedZoneId != null && apiCertificateArn == null && apiHost.length() > 64) {
            // ACM RequestCertificate: the first domain name of a certificate is at most 64 octets
            problems.add(problem("apiHost", "\"" + apiHost + "\" has " + apiHost.length() + " characters, and ACM certifies a first domain"
                    + " name of at most 64 (give apiCertificateArn for a certificate naming a shorter one too)"));
        }
        if (apiHostedZoneId != null && !apiHostedZoneId.matches("Z[A-Z0-9]{1,31}")) {
            problems.add(problem("apiHostedZoneId", "\"" + apiHostedZoneId + "\" is not a Route 53 hosted zone id"));
        }
        if (prod && !https()) {
            problems.add(problem("apiHostedZoneId", "missing in production, and so is apiCertificateArn: the API would serve plain HTTP"));
        }
        if (prod && apiAllowedCidrs != null && apiAllowedCidrs.isEmpty()) {
            problems.add(problem("apiAllowedCidrs", "empty in production: the API would be open to the whole internet"));
        } else if (prod && apiAllowedCidrs != null && apiAllowedCidrs.contains("0.0.0.0/0")) {
            problems.add(problem("apiAllowedCidrs", "0.0.0.0/0 opens the API to the whole internet in production"));
        }
        if (rabbitmqUser != null && List.of(RabbitMqUsers.PROCESSOR, RabbitMqUsers.PUBLISHER, RabbitMqUsers.KEDA).contains(rabbitmqUser)) {
            problems.add(problem("rabbitmqUser", "\"" + rabbitmqUser + "\" is the name of a service user"));
        }
        if (queueName != null && (queueName.isBlank() || queueName.startsWith("amq.")
                || RabbitMqUsers.deadLetterQueue(queueName).getBytes(StandardCharsets.UTF_8).length > 255)) {
            problems.add(problem("queueName", "\"" + queueName + "\" is not one: RabbitMQ reserves amq.* and names of more than 255 bytes,"
                    + " and its dead-letter queue <queue>.dlq and exchange <queue>.in need names too"));
        }
        if (minReplicas != null && maxReplicas != null && minReplicas > maxReplicas) {
            problems.add(problem("maxReplicas", maxReplicas + " is below minReplicas " + minReplicas));
        }
        if (prod && alerts != null && alerts.isEmpty()) {
            problems.add(problem("alerts", "names nobody in production: Alertmanager would notify no one"));
        }
        if (alerts != null && !alerts.isEmpty()) {
            if (oidcProviderArn == null) {
                problems.add(problem("oidcProviderArn", "missing: Alertmanager needs the IRSA role to publish to the alert topic"));
            }
            if (oidcIssuerUrl == null) {
                problems.add(problem("oidcIssuerUrl", "missing: Alertmanager needs the IRSA role to publish to the alert topic"));
            }
        }
        return problems;
    }

    public static Builder builder() {
        return new Builder(new PipelineArgs());
    }

    /** A builder starting from {@code defaults}' inputs. */
    public static Builder builder(PipelineArgs defaults) {
        return new Builder(Inputs.copyOf(defaults));
    }

    /** Builder of {@link PipelineArgs}: one setter per input, named like it. */
    public static final class Builder {
        private final PipelineArgs $;

        private Builder(PipelineArgs start) {
            $ = start;
        }

        /**
         * Where the pipeline runs: the VPC whose CIDR reaches the load balancer's targets (IP mode)
         * (NetworkComponent.placement()).
         */
        public Builder placement(Placement v) { $.placement = v; return this; }

        /**
         * The pipeline's namespace. Allowed: a Kubernetes name (a-z, 0-9, -). Default: data-processing.
         */
        public Builder namespace(String v) { $.namespace = v; return this; }

        /**
         * RabbitMQ nodes, clustered by Kubernetes peer discovery. Allowed: 1 to 7. Default: 1.
         */
        public Builder rabbitmqReplicas(int v) { $.rabbitmqReplicas = v; return this; }

        /**
         * MongoDB replica-set members (a replica set needs a majority). Allowed: an odd number: 1, 3, 5, 7 (at least 3
         * in prod). Default: 3.
         */
        public Builder mongodbReplicas(int v) { $.mongodbReplicas = v; return this; }

        /**
         * The StorageClass of the volumes (the EKS platform's default class). Allowed: a StorageClass name. Default:
         * gp3-encrypted.
         */
        public Builder storageClass(String v) { $.storageClass = v; return this; }

        /**
         * Size of each RabbitMQ and MongoDB volume, GiB. Allowed: 1 to 16384. Default: 10.
         */
        public Builder storageGb(int v) { $.storageGb = v; return this; }

        /**
         * Size of Prometheus' volume in production, GiB: metrics are kept 15d or until 80 % of it is used (outside
         * production they live in the pod, until it moves). Allowed: 10 to 16384. Default: 50.
         */
        public Builder prometheusStorageGb(int v) { $.prometheusStorageGb = v; return this; }

        /**
         * The Spark processor image. Allowed: an image pinned to a version tag or digest (not latest), or :&lt;tag&gt;
         * of the stack's processor repository.
         */
        public Builder sparkImage(String v) { $.sparkImage = v; return this; }

        /**
         * The Swagger API image. Allowed: an image pinned to a version tag or digest (not latest), or :&lt;tag&gt; of
         * the stack's api repository.
         */
        public Builder apiImage(String v) { $.apiImage = v; return this; }

        /**
         * The host name of the API's Ingress. Allowed: a DNS host name such as api.example.com (at most 64 characters
         * when the platform requests its certificate).
         */
        public Builder apiHost(String v) { $.apiHost = v; return this; }

        /**
         * The Route 53 public hosted zone of apiHost: the platform requests an ACM certificate for apiHost, validates
         * it by DNS in this zone (unless apiCertificateArn is given) and points apiHost at the API's load balancer (an
         * alias record). Allowed: a hosted zone id (Z and up to 31 upper-case letters and digits) whose domain holds
         * apiHost. Default: none: no DNS record; HTTPS only with apiCertificateArn.
         */
        public Builder apiHostedZoneId(String v) { $.apiHostedZoneId = v; return this; }

        /**
         * An issued ACM certificate for apiHost, in the cluster's region, that the API's HTTPS listener serves instead
         * of one the platform requests. Allowed: an ACM certificate ARN
         * (arn:aws:acm:&lt;region&gt;:&lt;account&gt;:certificate/&lt;id&gt;). Default: none: the certificate the
         * platform requests with apiHostedZoneId.
         */
        public Builder apiCertificateArn(String v) { $.apiCertificateArn = v; return this; }

        /**
         * The only addresses the API's load balancer admits (alb.ingress.kubernetes.io/inbound-cidrs). Allowed: IPv4
         * CIDR blocks; in production at least one, and not 0.0.0.0/0. Default: none: the whole internet (refused in
         * production).
         */
        public Builder apiAllowedCidrs(List<String> v) { $.apiAllowedCidrs = v; return this; }

        /**
         * The IngressClass of the API (alb: the AWS Load Balancer Controller). Allowed: an IngressClass name. Default:
         * alb.
         */
        public Builder ingressClass(String v) { $.ingressClass = v; return this; }

        /**
         * Fewest Spark processors. Allowed: 0 to 100. Default: 1.
         */
        public Builder minReplicas(int v) { $.minReplicas = v; return this; }

        /**
         * Most Spark processors. Allowed: 1 to 100, at least minReplicas. Default: 10.
         */
        public Builder maxReplicas(int v) { $.maxReplicas = v; return this; }

        /**
         * The RabbitMQ queue the processors consume. Allowed: a RabbitMQ queue name. Default: data-stream.
         */
        public Builder queueName(String v) { $.queueName = v; return this; }

        /**
         * Ready messages per processor before KEDA adds one. Allowed: 1 to 100000. Default: 10.
         */
        public Builder messagesPerReplica(int v) { $.messagesPerReplica = v; return this; }

        /**
         * CPU utilisation above which KEDA scales up, percent. Allowed: 1 to 100. Default: 70.
         */
        public Builder cpuPercent(int v) { $.cpuPercent = v; return this; }

        /**
         * Memory utilisation above which KEDA scales up, percent. Allowed: 1 to 100. Default: 80.
         */
        public Builder memoryPercent(int v) { $.memoryPercent = v; return this; }

        /**
         * The RabbitMQ administrator's user name (operators only; the processor, publishers and KEDA have users of
         * their own). Allowed: a RabbitMQ user name other than processor, publisher and keda. Default: pipeline.
         */
        public Builder rabbitmqUser(String v) { $.rabbitmqUser = v; return this; }

        /**
         * The RabbitMQ administrator's password (a secret); the processor's, publishers' and KEDA's passwords derive
         * from it: changing it rotates all four in the broker (a rolling restart).
         */
        public Builder rabbitmqPassword(Output<String> v) { $.rabbitmqPassword = v; return this; }

        /**
         * The Erlang cookie the RabbitMQ nodes authenticate each other with (a secret, e.g. openssl rand -hex 32);
         * never rotated: a node restarted with another cookie cannot rejoin the running ones.
         */
        public Builder rabbitmqErlangCookie(Output<String> v) { $.rabbitmqErlangCookie = v; return this; }

        /**
         * The MongoDB root password (a secret).
         */
        public Builder mongodbPassword(Output<String> v) { $.mongodbPassword = v; return this; }

        /**
         * The key the MongoDB members authenticate each other with (a secret).
         */
        public Builder mongodbReplicaSetKey(Output<String> v) { $.mongodbReplicaSetKey = v; return this; }

        /**
         * The key being rotated out (a secret): set it to the old key with a new mongodbReplicaSetKey, pulumi up (the
         * members restart one at a time accepting both), then remove it and pulumi up again. Allowed: the previous
         * mongodbReplicaSetKey, only during a rotation. Default: none.
         */
        public Builder mongodbPreviousReplicaSetKey(Output<String> v) { $.mongodbPreviousReplicaSetKey = v; return this; }

        /**
         * Grafana's admin password (a secret).
         */
        public Builder grafanaAdminPassword(Output<String> v) { $.grafanaAdminPassword = v; return this; }

        /**
         * A production pipeline: volumes retained when the StatefulSets go, strict PDBs, alerts required. Default:
         * false.
         */
        public Builder production(boolean v) { $.production = v; return this; }

        /**
         * An output of the AWS Load Balancer Controller's Helm release
         * (EksPlatformComponent.loadBalancerControllerName()); its value is not read: the pipeline's Services, Ingress
         * and Helm releases are created after the release (its webhooks reject Services until it runs) and destroyed
         * before it (it owns the Ingress's finalizer). Default: none, for a cluster without it.
         */
        public Builder loadBalancerController(Output<String> v) { $.loadBalancerController = v; return this; }

        /**
         * The cluster's Kubernetes version (EksPlatformArgs.version): KEDA and kube-prometheus-stack are the charts
         * ChartVersions pins for it. Allowed: one of 1.32, 1.33, 1.34, 1.35. Default: 1.35.
         */
        public Builder kubernetesVersion(String v) { $.kubernetesVersion = v; return this; }

        /**
         * Who the cluster's alerts reach: Alertmanager publishes them to an SNS topic subscribed to these emails and
         * webhooks (the stack's alert destination, container-platform:alerts). Allowed: an alert destination; not empty
         * in production. Default: nobody (alerts stay in Alertmanager).
         */
        public Builder alerts(AlertDestination v) { $.alerts = v; return this; }

        /**
         * The ARN of the cluster's IAM OIDC provider (EksPlatformComponent.oidcProviderArn()): Alertmanager's service
         * account publishes to the alert topic through an IRSA role. Default: none; required when alerts names someone.
         */
        public Builder oidcProviderArn(Output<String> v) { $.oidcProviderArn = v; return this; }

        /**
         * The cluster's OIDC issuer URL (EksPlatformComponent.oidcIssuerUrl()), the IRSA role's trust. Default: none;
         * required when alerts names someone.
         */
        public Builder oidcIssuerUrl(Output<String> v) { $.oidcIssuerUrl = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public PipelineArgs build() {
            return $.validated();
        }
    }
}
