package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.kubernetes.Manifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/**
 * The real-time data pipeline of seed 004 on an EKS cluster: data stream, RabbitMQ, Spark (autoscaled by
 * KEDA), MongoDB, served by a Swagger API, watched by Prometheus and Grafana; with what the seed's
 * production checklist leaves open: secrets from Pulumi config (no default password), TLS on the Ingress (ACM) and
 * between the apps and RabbitMQ / MongoDB (cert-manager, {@link Tls}),
 * NetworkPolicies, a ResourceQuota and LimitRange, PDBs and hardened pods.
 */
public class DataPipelineComponent extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:pipeline:DataPipelineComponent";
    /** The Secret holding every credential of the pipeline. */
    static final String SECRET = "pipeline-secrets";
    /** Namespace of Prometheus and Grafana. */
    public static final String MONITORING = "monitoring";
    /** Namespace of KEDA. */
    public static final String KEDA = "keda";
    /**
     * The label that lets a pod publish to RabbitMQ: pods labelled {@code pipeline.containerplatform.io/publisher: "true"},
     * in any namespace, may reach its AMQP port; nothing else outside the pipeline may.
     */
    public static final String PUBLISHER_LABEL = "pipeline.containerplatform.io/publisher";

    private final Output<String> apiUrl;
    private final Output<String> rabbitmqService;
    private final Output<String> mongodbService;
    private final Output<String> grafanaService;

    public DataPipelineComponent(String name, PipelineArgs args, ComponentResourceOptions options) {
        super(TYPE, name, withClusterProvider(options));
        var ns = args.namespace();
        var controller = Kube.resourcesOf(args.loadBalancerController());
        var bootstrap = new Kube(this, name, ns, List.of(), controller);
        var namespace = bootstrap.apply("namespace", Manifest.metadataOnly("v1", "Namespace", obj("name", ns, "labels", obj(
                "pod-security.kubernetes.io/enforce", "restricted", "pod-security.kubernetes.io/warn", "restricted"))));
        var kube = new Kube(this, name, ns, List.of(namespace), controller);
        kube.apply("quota", Manifest.withSpec("v1", "ResourceQuota", Pods.metadata("data-pipeline-quota", ns, "data-pipeline"), obj(
                "hard", obj("requests.cpu", "16", "requests.memory", "48Gi", "limits.memory", "96Gi", "pods", "60",
                        "persistentvolumeclaims", "20", "requests.storage", "2Ti"))));
        kube.apply("limits", Manifest.withSpec("v1", "LimitRange", Pods.metadata("data-pipeline-limits", ns, "data-pipeline"), obj(
                "limits", List.of(obj("type", "Container",
                        "default", obj("memory", "512Mi"),
                        "defaultRequest", obj("cpu", "100m", "memory", "256Mi"),
                        "max", obj("memory", "8Gi"))))));
        var secrets = kube.apply("secrets", Manifest.secret(Pods.metadata(SECRET, ns, "data-pipeline"), secretData(args)));
        // The workloads read the Secret: a rotation updates it before they roll (and before MongoDB's reconcile Job runs).
        var workloads = new Kube(this, name, ns, List.of(namespace, secrets), controller);

        var prometheus = Monitoring.install(kube, args, AlertTopic.declare(this, name, args));
        // KEDA's operator serves its metrics (the scalers' values); Monitoring declares the ServiceMonitor that scrapes them.
        var keda = new Release(name + "-keda", ReleaseArgs.builder()
                .name("keda")
                .chart("keda")
                .version(args.charts().keda())
                .namespace(KEDA)
                .createNamespace(true)
                .repositoryOpts(RepositoryOptsArgs.builder().repo("https://kedacore.github.io/charts").build())
                .values(obj("prometheus", obj("operator", obj("enabled", true))))
                .atomic(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(controller).build());

        var certManager = Tls.install(this, name, args, controller);
        var certificates = Tls.declare(kube, args, certManager);
        var broker = RabbitMq.declare(workloads, args, certificates.get(RabbitMq.APP));
        var database = MongoDb.declare(workloads, args, certificates.get(MongoDb.APP));
        Processor.declare(workloads, args, keda, List.of(broker, database));
        Api.declare(workloads, args, database);
        RolloutGuard.declare(kube, args.charts());
        Monitoring.declare(kube, args, prometheus, keda);
        NetworkPolicies.declare(kube, args);

        this.apiUrl = Output.of((args.https() ? "https://" : "http://") + args.apiHost());
        this.rabbitmqService = Output.of("rabbitmq." + ns + ".svc.cluster.local:" + Tls.AMQPS_PORT);
        this.mongodbService = Output.of(String.join(",", MongoDb.members(ns, args.mongodbReplicas())));
        this.grafanaService = Output.of(Monitoring.RELEASE + "-grafana." + MONITORING + ".svc.cluster.local:80");
        registerOutputs(Map.of("apiUrl", apiUrl, "rabbitmqService", rabbitmqService, "mongodbService", mongodbService,
                "grafanaService", grafanaService));
    }

    /**
     * {@code options}, once they give the pipeline a Kubernetes provider, their own ({@code providers}) or their
     * parent's: every object and release of the pipeline inherits it. Without one, they would go to whatever cluster
     * the default kubeconfig names, so the component fails before registering anything.
     */
    public static ComponentResourceOptions withClusterProvider(ComponentResourceOptions options) {
        var own = options.getProviders().stream().anyMatch(p -> p.pulumiResourceType().equals("pulumi:providers:kubernetes"));
        var inherited = options.getParent().map(p -> Resource.ResourceInternal.getProvider(p, "kubernetes:core/v1:Namespace") != null);
        if (!own && !inherited.orElse(false)) {
            throw new IllegalArgumentException("DataPipelineComponent: no Kubernetes provider; give it the cluster's in its options,"
                    + " ComponentResourceOptions.builder().providers(eks.provider()) (providers: {kubernetes: ...} from another language)");
        }
        return options;
    }

    /** Volumes are kept when a StatefulSet is deleted or scaled down in production, removed with it elsewhere. */
    static Map<String, Object> retention(PipelineArgs args) {
        var policy = args.production() ? "Retain" : "Delete";
        return obj("whenDeleted", policy, "whenScaled", "Retain");
    }

    private static Output<Map<String, String>> secretData(PipelineArgs args) {
        return Output.tuple(args.mongodbPassword(), args.mongodbReplicaSetKey(), MongoDb.keyfile(args)).applyValue(t -> {
            var data = new java.util.LinkedHashMap<String, String>();
            data.put("mongodb-root-user", "root");
            data.put("mongodb-root-password", t.t1);
            data.put(MongoDb.REPLICA_SET_KEY, t.t2);
            data.put(MongoDb.KEYFILE, t.t3);
            // The applications' and the exporter's own users (none uses root): passwords derived from the root password, one per user.
            for (var user : MongoDb.APP_USERS.keySet()) {
                var password = sha256("mongodb-user:" + user + ":" + t.t1);
                data.put(MongoDb.passwordKey(user), password);
                data.put(MongoDb.uriKey(user), MongoDb.uri(user, password, args.namespace(), args.mongodbReplicas()));
            }
            return Map.copyOf(data);
        });
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code https://<apiHost>} with TLS, else {@code http://}. */
    public Output<String> apiUrl() { return apiUrl; }

    /** The RabbitMQ client service, {@code host:5671} (AMQPS: TLS only, the CA in the Secret {@code pipeline-ca}). */
    public Output<String> rabbitmqService() { return rabbitmqService; }

    /** The MongoDB members, {@code host:27017,...}. */
    public Output<String> mongodbService() { return mongodbService; }

    /** Grafana's service inside the cluster ({@code kubectl port-forward}). */
    public Output<String> grafanaService() { return grafanaService; }
}
