package io.containerplatform.components.pipeline;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.kubernetes.KubernetesObject;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;

/**
 * Declares the pipeline's objects: children of the component named {@code <prefix>-<suffix>}, all through the
 * cluster's provider, in the pipeline's namespace.
 *
 * @param parent    the component
 * @param provider  the cluster's Kubernetes provider
 * @param prefix    the component name
 * @param namespace the pipeline's namespace
 * @param after     resources every object waits for (the namespace)
 * @param gate      what Services and Ingresses also wait for: the load balancer controller, whose webhooks
 *                  (failurePolicy Fail) reject them until it runs. Other kinds do not wait for it: that would hold
 *                  the StatefulSets back for minutes on a first deploy for nothing
 */
record Kube(Resource parent, Provider provider, String prefix, String namespace, List<Resource> after, List<Resource> gate) {

    private static final java.util.Set<String> GATED_KINDS = java.util.Set.of("Service", "Ingress");

    KubernetesObject apply(String suffix, Manifest manifest) {
        return apply(suffix, manifest, List.of());
    }

    KubernetesObject apply(String suffix, Manifest manifest, List<Resource> dependsOn) {
        var all = new java.util.ArrayList<>(after);
        if (GATED_KINDS.contains(manifest.kind())) {
            all.addAll(gate);
        }
        all.addAll(dependsOn);
        return new KubernetesObject(prefix + "-" + suffix, manifest,
                CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(all).build());
    }
}
