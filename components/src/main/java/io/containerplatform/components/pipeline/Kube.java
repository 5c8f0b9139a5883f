package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.kubernetes.IngressObject;
import io.containerplatform.components.kubernetes.KubernetesObject;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;

/**
 * Declares the pipeline's objects: children of the component named {@code <prefix>-<suffix>}, in the pipeline's
 * namespace, through the Kubernetes provider they inherit from the component (its {@code providers} option).
 *
 * @param parent    the component
 * @param prefix    the component name
 * @param namespace the pipeline's namespace
 * @param after     resources every object waits for (the namespace)
 * @param gate      what Services, Ingresses and Helm releases also wait for: the load balancer controller, whose
 *                  webhooks (failurePolicy Fail) reject Services until it runs. Other kinds do not wait for it: that
 *                  would hold the StatefulSets back for minutes on a first deploy for nothing
 */
record Kube(Resource parent, String prefix, String namespace, List<Resource> after, Output<List<Resource>> gate) {

    private static final java.util.Set<String> GATED_KINDS = java.util.Set.of("Service", "Ingress");

    /**
     * The resources {@code output} comes from, as a {@code dependsOn} value: what waits for them waits for the output
     * (an output from another language's program carries them too). Empty without an output.
     */
    static Output<List<Resource>> resourcesOf(java.util.Optional<? extends Output<?>> output) {
        return output.map(o -> Output.of(Internal.of(o).getResources().thenApply(r -> List.<Resource>copyOf(r))))
                .orElse(Output.of(List.of()));
    }

    /** {@code after}, the gate and {@code more}: what a gated object or release waits for. */
    Output<List<Resource>> gated(List<Resource> more) {
        return gate.applyValue(g -> {
            var all = new java.util.ArrayList<>(after);
            all.addAll(g);
            all.addAll(more);
            return List.copyOf(all);
        });
    }

    KubernetesObject apply(String suffix, Manifest manifest) {
        return apply(suffix, manifest, List.of());
    }

    KubernetesObject apply(String suffix, Manifest manifest, List<Resource> dependsOn) {
        return apply(suffix, manifest, dependsOn, List.of());
    }

    /** An object whose {@code ignoreChanges} paths (e.g. {@code spec.replicas}) later updates leave alone. */
    KubernetesObject apply(String suffix, Manifest manifest, List<Resource> dependsOn, List<String> ignoreChanges) {
        return new KubernetesObject(prefix + "-" + suffix, manifest, options(manifest, dependsOn, ignoreChanges));
    }

    /** An Ingress, whose status (its load balancer's address) the caller reads. */
    IngressObject ingress(String suffix, Manifest manifest, List<Resource> dependsOn) {
        return new IngressObject(prefix + "-" + suffix, manifest, options(manifest, dependsOn, List.of()));
    }

    private CustomResourceOptions options(Manifest manifest, List<Resource> dependsOn, List<String> ignoreChanges) {
        var options = CustomResourceOptions.builder().parent(parent);
        if (GATED_KINDS.contains(manifest.kind())) {
            options.dependsOn(gated(dependsOn));
        } else {
            options.dependsOn(afterAnd(dependsOn));
        }
        if (!ignoreChanges.isEmpty()) {
            options.ignoreChanges(ignoreChanges);
        }
        return options.build();
    }

    /** {@code after} and {@code more}: what an object that is not gated waits for. */
    List<Resource> afterAnd(List<Resource> more) {
        var all = new java.util.ArrayList<>(after);
        all.addAll(more);
        return List.copyOf(all);
    }
}
