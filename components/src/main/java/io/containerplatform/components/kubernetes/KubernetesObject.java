package io.containerplatform.components.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;

/**
 * Any Kubernetes object, declared from its manifest: registers the type {@code kubernetes:<group>/<version>:<Kind>}
 * that the Kubernetes provider handles for built-in kinds and custom resources alike (pulumi-kubernetes for
 * Java has no generic CustomResource class for KEDA's or the Prometheus operator's kinds). Manifests are data,
 * checked against the official schemas by {@code tools/checks} over the offline plan.
 */
public class KubernetesObject extends CustomResource {

    public KubernetesObject(String name, Manifest manifest, CustomResourceOptions options) {
        super(manifest.typeToken(), name, new Args(manifest), options);
    }

    /** The wire form of a manifest: its top-level fields, each an input. */
    static final class Args extends ResourceArgs {
        @Import(name = "apiVersion")
        private final Output<String> apiVersion;
        @Import(name = "kind")
        private final Output<String> kind;
        @Import(name = "metadata")
        private final Output<Map<String, Object>> metadata;
        @Import(name = "spec")
        private final Output<Map<String, Object>> spec;
        @Import(name = "data")
        private final Output<Map<String, String>> data;
        @Import(name = "stringData")
        private final Output<Map<String, String>> stringData;
        @Import(name = "type")
        private final Output<String> type;
        @Import(name = "rules")
        private final Output<Object> rules;
        @Import(name = "roleRef")
        private final Output<Map<String, Object>> roleRef;
        @Import(name = "subjects")
        private final Output<Object> subjects;

        Args(Manifest m) {
            this.apiVersion = Output.of(m.apiVersion());
            this.kind = Output.of(m.kind());
            this.metadata = m.metadata();
            this.spec = m.spec();
            this.data = m.data();
            this.stringData = m.stringData();
            this.type = m.type() == null ? null : Output.of(m.type());
            this.rules = m.rules();
            this.roleRef = m.roleRef();
            this.subjects = m.subjects();
        }
    }
}
