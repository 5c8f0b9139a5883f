package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.pipeline.DataPipelineComponent;
import io.containerplatform.components.pipeline.PipelineArgs;

/**
 * {@link DataPipelineComponent} for programs in any language: the same inputs ({@link PipelineArgs}), and where its API
 * and services answer. The cluster is the Kubernetes provider the program gives it in its options
 * ({@code providers: {kubernetes: ...}}, a provider built from an {@link EksPlatform}'s {@code kubeconfig}); its
 * {@code loadBalancerController} is that platform's {@code loadBalancerControllerName}.
 * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("The seed-004 real-time data pipeline on a Kubernetes cluster (give its provider in the options): RabbitMQ, a KEDA-scaled Spark processor, a MongoDB replica set and the Swagger API, with NetworkPolicies, quotas, PDBs, Prometheus alerts and Grafana dashboards.")
public final class DataPipeline extends ComponentResource {

    @Doc("https://<apiHost> with TLS, else http://.")
    @Export(name = "apiUrl", refs = {String.class})
    private final Output<String> apiUrl;

    @Doc("The RabbitMQ client service, host:5671 (AMQP over TLS only; the CA is ca.crt of the Secret pipeline-ca).")
    @Export(name = "rabbitmqService", refs = {String.class})
    private final Output<String> rabbitmqService;

    @Doc("The MongoDB members, host:27017,...")
    @Export(name = "mongodbService", refs = {String.class})
    private final Output<String> mongodbService;

    @Doc("Grafana's service inside the cluster (kubectl port-forward).")
    @Export(name = "grafanaService", refs = {String.class})
    private final Output<String> grafanaService;

    public DataPipeline(String name, PipelineArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:DataPipeline", name, Checked.options(args, DataPipelineComponent.withClusterProvider(options)));
        var pipeline = new DataPipelineComponent(name, args, ComponentResourceOptions.builder().parent(this).build());
        apiUrl = pipeline.apiUrl();
        rabbitmqService = pipeline.rabbitmqService();
        mongodbService = pipeline.mongodbService();
        grafanaService = pipeline.grafanaService();
        registerOutputs(Exports.of(this));
    }
}
