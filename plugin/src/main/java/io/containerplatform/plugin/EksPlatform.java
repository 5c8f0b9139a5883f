package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.eks.EksPlatformArgs;
import io.containerplatform.components.eks.EksPlatformComponent;

/**
 * {@link EksPlatformComponent} for programs in any language: the same inputs ({@link EksPlatformArgs}, node groups and
 * backup included), and what a program needs to deploy onto the cluster: its name, endpoint, OIDC provider and a
 * kubeconfig (secret) for a Kubernetes provider of its own.
  * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("An EKS cluster with managed node groups, the core add-ons, IRSA, the AWS Load Balancer Controller and the cluster autoscaler, encrypted gp3 storage and an optional daily backup of its volumes.")
public final class EksPlatform extends ComponentResource {

    @Doc("The cluster's name.")
    @Export(name = "clusterName", refs = {String.class})
    private final Output<String> clusterName;

    @Doc("The Kubernetes API endpoint.")
    @Export(name = "endpoint", refs = {String.class})
    private final Output<String> endpoint;

    @Doc("The IAM OIDC provider of the cluster's service accounts (IRSA).")
    @Export(name = "oidcProviderArn", refs = {String.class})
    private final Output<String> oidcProviderArn;

    @Doc("The role of the nodes.")
    @Export(name = "nodeRoleArn", refs = {String.class})
    private final Output<String> nodeRoleArn;

    @Doc("A kubeconfig that authenticates with aws eks get-token; secret.")
    @Export(name = "kubeconfig", refs = {String.class})
    private final Output<String> kubeconfig;

    @Doc("The AWS Load Balancer Controller release's name, known once it is installed: a DataPipeline's loadBalancerController.")
    @Export(name = "loadBalancerControllerName", refs = {String.class})
    private final Output<String> loadBalancerControllerName;

    public EksPlatform(String name, EksPlatformArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:EksPlatform", name, Checked.options(args, options));
        var eks = new EksPlatformComponent(name, args, ComponentResourceOptions.builder().parent(this).build());
        clusterName = eks.clusterName();
        endpoint = eks.endpoint();
        oidcProviderArn = eks.oidcProviderArn();
        nodeRoleArn = eks.nodeRoleArn();
        kubeconfig = eks.kubeconfig();
        loadBalancerControllerName = eks.loadBalancerControllerName();
        registerOutputs(Exports.of(this));
    }
}
