package io.containerplatform.components.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.networking.v1.outputs.IngressLoadBalancerIngress;
import com.pulumi.kubernetes.networking.v1.outputs.IngressLoadBalancerStatus;
import com.pulumi.kubernetes.networking.v1.outputs.IngressStatus;
import com.pulumi.resources.CustomResourceOptions;

/**
 * An Ingress declared from its manifest, with the status its controller writes: the Kubernetes provider waits until
 * {@code status.loadBalancer.ingress} holds an address before it reports the Ingress created, so {@link #hostname()}
 * is the load balancer's DNS name once the Ingress exists.
 */
public class IngressObject extends KubernetesObject {

    @Export(name = "status", refs = {IngressStatus.class}, tree = "[0]")
    private Output<IngressStatus> status;

    public IngressObject(String name, Manifest manifest, CustomResourceOptions options) {
        super(name, manifest, options);
        if (!"Ingress".equals(manifest.kind())) {
            throw new IllegalArgumentException(name + ": an IngressObject declares an Ingress, not a " + manifest.kind());
        }
    }

    /** The DNS name of the load balancer serving the Ingress ({@code status.loadBalancer.ingress[0].hostname}). */
    public Output<String> hostname() {
        return status.applyValue(s -> s == null ? null : s.loadBalancer().map(IngressLoadBalancerStatus::ingress)
                .flatMap(list -> list.stream().findFirst()).flatMap(IngressLoadBalancerIngress::hostname).orElse(null));
    }
}
