package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimPatch;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimPatchArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecPatchArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsPatchArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.kubernetes.KubernetesObject;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * A StatefulSet whose volumes grow in place. pulumi-kubernetes 4.0.0 replaces a StatefulSet when
 * {@code spec.volumeClaimTemplates} changes (provider/pkg/provider/diff.go), which takes every pod down and leaves the
 * existing claims at their old size. So the template keeps the size of the first deploy ({@code ignoreChanges}), and
 * each claim {@code data-<app>-<i>} is grown by a Server-Side Apply patch ({@link PersistentVolumeClaimPatch}, forced:
 * the StatefulSet controller created the claim): the EBS CSI driver expands the volume and its file system online, no
 * pod restarts. A smaller size is refused by the API server (a claim's request cannot go below its previous value),
 * already in {@code pulumi preview}, which sends the patch as a dry run.
 */
final class Volumes {

    /** The path of the claim template's size under the StatefulSet's inputs. */
    static final String TEMPLATE_SIZE = "spec.volumeClaimTemplates[0].spec.resources.requests.storage";
    /** The volume's name in the claim template: claims are {@code data-<app>-<ordinal>}. */
    static final String VOLUME = "data";

    private Volumes() {
    }

    /** The template of the claims, {@code storageGb} on {@code storageClass}. */
    static Map<String, Object> claimTemplate(PipelineArgs args) {
        return Pods.volumeClaim(VOLUME, args.storageClass(), args.storageGb());
    }

    /**
     * Declares the StatefulSet {@code app} with {@code spec} and, after it (its pods are ready, so their claims exist),
     * a patch of each of its {@code replicas} claims to {@code storageGb}. A patch that goes (a scale-down) leaves its
     * claim as it is ({@code retainOnDelete}: the size is a required field the patch owns).
     */
    static KubernetesObject statefulSet(Kube kube, String app, Map<String, Object> spec, int replicas, PipelineArgs args) {
        return statefulSet(kube, app, Output.of(spec), List.of(), replicas, args);
    }

    /**
     * {@link #statefulSet(Kube, String, Map, int, PipelineArgs)} with a spec known only as an output, after
     * {@code dependsOn}.
     */
    static KubernetesObject statefulSet(Kube kube, String app, Output<Map<String, Object>> spec, List<Resource> dependsOn, int replicas,
            PipelineArgs args) {
        var set = kube.apply(app, Manifest.withSpec("apps/v1", "StatefulSet", metadata(app, kube.namespace(), app), spec),
                dependsOn, List.of(TEMPLATE_SIZE));
        for (int i = 0; i < replicas; i++) {
            var claim = claimName(app, i);
            new PersistentVolumeClaimPatch(kube.prefix() + "-" + claim, PersistentVolumeClaimPatchArgs.builder()
                    .metadata(ObjectMetaPatchArgs.builder().name(claim).namespace(kube.namespace())
                            .annotations(Map.of("pulumi.com/patchForce", "true")).build())
                    .spec(PersistentVolumeClaimSpecPatchArgs.builder().resources(ResourceRequirementsPatchArgs.builder()
                            .requests(Map.of("storage", args.storageGb() + "Gi")).build()).build())
                    .build(), CustomResourceOptions.builder().parent(kube.parent()).dependsOn(kube.afterAnd(List.of(set)))
                    .retainOnDelete(true).build());
        }
        return set;
    }

    /** The claim of {@code app}'s pod {@code ordinal}: {@code data-<app>-<ordinal>}. */
    static String claimName(String app, int ordinal) {
        return VOLUME + "-" + app + "-" + ordinal;
    }
}
