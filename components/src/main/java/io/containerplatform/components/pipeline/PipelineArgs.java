package io.containerplatform.components.pipeline;

import io.containerplatform.components.common.SnapshotBuilder;
import com.pulumi.core.Output;
import io.containerplatform.components.network.NetworkComponent;
import io.containerplatform.components.network.Placement;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.Formats;
import io.containerplatform.components.eks.ChartVersions;
import io.containerplatform.components.eks.EksPlatformArgs;
import io.containerplatform.components.eks.EksPlatformComponent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Arguments of {@link DataPipelineComponent}. Immutable; build with {@link #builder()}. Defaults follow seed 004. */
public final class PipelineArgs {

    private final Builder b;

    private PipelineArgs(Builder builder) {
        this.b = builder.snapshot();
    }

    /** The cluster's Kubernetes provider. Required. */
    public Provider provider() { return b.provider; }

    /** The VPC CIDR: the load balancer's targets (IP mode) are reached from it. Required. */
    public Output<String> vpcCidr() { return b.placement.vpcCidr(); }

    /** Namespace of the pipeline. Default {@code data-processing}. */
    public String namespace() { return b.namespace; }

    /** RabbitMQ nodes, clustered by Kubernetes peer discovery. Default 1; 1 to 7. */
    public int rabbitmqReplicas() { return b.rabbitmqReplicas; }

    /** MongoDB replica-set members. Default 3; odd, 1 to 7 (at least 3 in production). */
    public int mongodbReplicas() { return b.mongodbReplicas; }

    /** StorageClass of the volumes. Default {@code gp3-encrypted} (the EKS platform's default class). */
    public String storageClass() { return b.storageClass; }

    /** Size of each RabbitMQ and MongoDB volume, GiB. Default 10; 1 to 16384. */
    public int storageGb() { return b.storageGb; }

    /** The Spark processor image, pinned. Required. */
    public String sparkImage() { return b.sparkImage; }

    /** The Swagger API image, pinned. Required. */
    public String apiImage() { return b.apiImage; }

    /** Host name of the API's Ingress. Required. */
    public String apiHost() { return b.apiHost; }

    /** Secret holding the Ingress TLS certificate, or empty. Exclusive with {@link #certIssuer()}. */
    public Optional<String> tlsSecretName() { return Optional.ofNullable(b.tlsSecretName); }

    /** cert-manager ClusterIssuer that issues the TLS certificate, or empty. */
    public Optional<String> certIssuer() { return Optional.ofNullable(b.certIssuer); }

    /** IngressClass of the API. Default {@code alb} (the AWS Load Balancer Controller). */
    public String ingressClass() { return b.ingressClass; }

    /** Fewest Spark processors. Default 1. */
    public int minReplicas() { return b.minReplicas; }

    /** Most Spark processors. Default 10. */
    public int maxReplicas() { return b.maxReplicas; }

    /** The RabbitMQ queue the processors consume. Default {@code data-stream}. */
    public String queueName() { return b.queueName; }

    /** Ready messages per processor before KEDA adds one. Default 10. */
    public int messagesPerReplica() { return b.messagesPerReplica; }

    /** CPU utilisation above which KEDA scales up, percent. Default 70. */
    public int cpuPercent() { return b.cpuPercent; }

    /** Memory utilisation above which KEDA scales up, percent. Default 80. */
    public int memoryPercent() { return b.memoryPercent; }

    /** RabbitMQ user name. Default {@code pipeline}. */
    public String rabbitmqUser() { return b.rabbitmqUser; }

    /** Secrets, from Pulumi config secrets; all required. */
    public Output<String> rabbitmqPassword() { return b.rabbitmqPassword; }

    public Output<String> mongodbPassword() { return b.mongodbPassword; }

    public Output<String> mongodbReplicaSetKey() { return b.mongodbReplicaSetKey; }

    public Output<String> grafanaAdminPassword() { return b.grafanaAdminPassword; }

    /**
     * The AWS Load Balancer Controller's release in the cluster ({@code EksPlatformComponent.loadBalancerController()}):
     * every object and release of the pipeline is created after it (its webhooks reject Services until it runs)
     * and destroyed before it (it owns the Ingress's finalizer). Default: none, for a cluster without it.
     */
    public Optional<Resource> loadBalancerController() { return Optional.ofNullable(b.loadBalancerController); }

    /**
     * The chart versions for the cluster's Kubernetes version ({@code EksPlatformComponent.chartVersions()}):
     * KEDA and kube-prometheus-stack come from it. Default: those of {@link EksPlatformArgs#DEFAULT_VERSION}.
     */
    public ChartVersions charts() { return b.charts; }

    /**
     * Where Alertmanager sends the pipeline's alerts: an HTTPS webhook URL (Slack, Teams, PagerDuty, an
     * incident tool), a secret. Default: none, and alerts stay in Alertmanager. Required in production.
     */
    public Optional<Output<String>> alertWebhookUrl() { return Optional.ofNullable(b.alertWebhookUrl); }

    /** Production: volumes retained when the StatefulSets go, PDBs strict. Default false. */
    public boolean production() { return b.production; }

    /** Where the component's resources go: the VPC and its subnets ({@link NetworkComponent#placement()}). Required. */
    public Placement placement() { return b.placement; }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PipelineArgs}; {@link #build()} validates every field at once. */
    public static final class Builder extends SnapshotBuilder<Builder> {
        private Provider provider;
        private Placement placement;
        private String namespace = "data-processing";
        private int rabbitmqReplicas = 1;
        private int mongodbReplicas = 3;
        private String storageClass = "gp3-encrypted";
        private int storageGb = 10;
        private String sparkImage;
        private String apiImage;
        private String apiHost;
        private String tlsSecretName;
        private String certIssuer;
        private String ingressClass = "alb";
        private int minReplicas = 1;
        private int maxReplicas = 10;
        private String queueName = "data-stream";
        private int messagesPerReplica = 10;
        private int cpuPercent = 70;
        private int memoryPercent = 80;
        private String rabbitmqUser = "pipeline";
        private Output<String> rabbitmqPassword;
        private Output<String> mongodbPassword;
        private Output<String> mongodbReplicaSetKey;
        private Output<String> grafanaAdminPassword;
        private boolean production;
        private Resource loadBalancerController;
        private ChartVersions charts = ChartVersions.forCluster(EksPlatformComponent.DEFAULT_VERSION).orElseThrow();
        private Output<String> alertWebhookUrl;

        public Builder provider(Provider v) { this.provider = v; return this; }
        public Builder namespace(String v) { this.namespace = v; return this; }
        public Builder rabbitmqReplicas(int v) { this.rabbitmqReplicas = v; return this; }
        public Builder mongodbReplicas(int v) { this.mongodbReplicas = v; return this; }
        public Builder storageClass(String v) { this.storageClass = v; return this; }
        public Builder storageGb(int v) { this.storageGb = v; return this; }
        public Builder sparkImage(String v) { this.sparkImage = v; return this; }
        public Builder apiImage(String v) { this.apiImage = v; return this; }
        public Builder apiHost(String v) { this.apiHost = v; return this; }
        public Builder tlsSecretName(String v) { this.tlsSecretName = v; return this; }
        public Builder certIssuer(String v) { this.certIssuer = v; return this; }
        public Builder ingressClass(String v) { this.ingressClass = v; return this; }
        public Builder minReplicas(int v) { this.minReplicas = v; return this; }
        public Builder maxReplicas(int v) { this.maxReplicas = v; return this; }
        public Builder queueName(String v) { this.queueName = v; return this; }
        public Builder messagesPerReplica(int v) { this.messagesPerReplica = v; return this; }
        public Builder cpuPercent(int v) { this.cpuPercent = v; return this; }
        public Builder memoryPercent(int v) { this.memoryPercent = v; return this; }
        public Builder rabbitmqUser(String v) { this.rabbitmqUser = v; return this; }
        public Builder rabbitmqPassword(Output<String> v) { this.rabbitmqPassword = v; return this; }
        public Builder mongodbPassword(Output<String> v) { this.mongodbPassword = v; return this; }
        public Builder mongodbReplicaSetKey(Output<String> v) { this.mongodbReplicaSetKey = v; return this; }
        public Builder grafanaAdminPassword(Output<String> v) { this.grafanaAdminPassword = v; return this; }
        public Builder production(boolean v) { this.production = v; return this; }
        public Builder loadBalancerController(Resource v) { this.loadBalancerController = v; return this; }
        public Builder charts(ChartVersions v) { this.charts = v; return this; }
        public Builder alertWebhookUrl(Output<String> v) { this.alertWebhookUrl = v; return this; }

        /** Where the component's resources go: {@link NetworkComponent#placement()}, or {@link Placement#of} for an existing VPC. */
        public Builder placement(Placement v) { this.placement = v; return this; }

        /** Validates and builds; the exception lists every invalid field. */
        public PipelineArgs build() {
            var errors = new ArrayList<String>();
            if (provider == null || placement == null) {
                errors.add("PipelineArgs.provider and placement are required");
            }
            if (rabbitmqPassword == null || mongodbPassword == null || mongodbReplicaSetKey == null || grafanaAdminPassword == null) {
                errors.add("PipelineArgs.rabbitmqPassword, mongodbPassword, mongodbReplicaSetKey and grafanaAdminPassword are required");
            }
            if (!Formats.isKubernetesName(namespace)) {
                errors.add("PipelineArgs.namespace: \"" + namespace + "\" is not a Kubernetes name");
            }
            if (rabbitmqReplicas < 1 || rabbitmqReplicas > 7) {
                errors.add("PipelineArgs.rabbitmqReplicas: " + rabbitmqReplicas + " is outside 1 to 7");
            }
            if (mongodbReplicas < 1 || mongodbReplicas > 7 || mongodbReplicas % 2 == 0) {
                errors.add("PipelineArgs.mongodbReplicas: " + mongodbReplicas + " is not an odd number from 1 to 7");
            } else if (production && mongodbReplicas < 3) {
                errors.add("PipelineArgs.mongodbReplicas: " + mongodbReplicas + " cannot survive a node loss in production (at least 3)");
            }
            for (var image : List.of(sparkImage == null ? "" : sparkImage, apiImage == null ? "" : apiImage)) {
                Formats.imageProblem(image).ifPresent(p -> errors.add("PipelineArgs image: " + p));
            }
            if (apiHost == null || !apiHost.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
                errors.add("PipelineArgs.apiHost: \"" + apiHost + "\" is not a host name");
            }
            if (tlsSecretName != null && certIssuer != null) {
                errors.add("PipelineArgs: give tlsSecretName or certIssuer, not both");
            }
            if (minReplicas < 0 || minReplicas > maxReplicas || maxReplicas > 100) {
                errors.add("PipelineArgs.minReplicas/maxReplicas: " + minReplicas + ".." + maxReplicas + " is not 0 <= min <= max <= 100");
            }
            if (messagesPerReplica < 1 || cpuPercent < 1 || cpuPercent > 100 || memoryPercent < 1 || memoryPercent > 100) {
                errors.add("PipelineArgs: messagesPerReplica must be positive and cpuPercent/memoryPercent within 1 to 100");
            }
            if (charts == null) {
                errors.add("PipelineArgs.charts is required");
            }
            if (production && alertWebhookUrl == null) {
                errors.add("PipelineArgs.alertWebhookUrl is required in production: alerts must reach someone");
            }
            if (storageGb < 1 || storageGb > 16384) {
                errors.add("PipelineArgs.storageGb: " + storageGb + " is outside 1 to 16384");
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new PipelineArgs(this);
        }
    }
}
