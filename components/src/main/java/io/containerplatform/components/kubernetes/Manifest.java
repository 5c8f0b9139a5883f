package io.containerplatform.components.kubernetes;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/**
 * A Kubernetes manifest: {@code apiVersion}, {@code kind}, {@code metadata} and the kind's own top-level fields.
 * Fields a kind does not have are null.
 */
public record Manifest(String apiVersion, String kind, Output<Map<String, Object>> metadata, Output<Map<String, Object>> spec,
                       Output<Map<String, String>> data, Output<Map<String, String>> stringData, String type,
                       Output<Object> rules, Output<Map<String, Object>> roleRef, Output<Object> subjects) {

    /** The Pulumi type token: {@code kubernetes:core/v1:Service}, {@code kubernetes:keda.sh/v1alpha1:ScaledObject}. */
    public String typeToken() {
        var groupVersion = apiVersion.contains("/") ? apiVersion : "core/" + apiVersion;
        return "kubernetes:" + groupVersion + ":" + kind;
    }

    /** A manifest with a {@code spec}. */
    public static Manifest withSpec(String apiVersion, String kind, Map<String, Object> metadata, Map<String, Object> spec) {
        return new Manifest(apiVersion, kind, Output.of(metadata), Output.of(spec), null, null, null, null, null, null);
    }

    /** A manifest with a {@code spec} known only as an output. */
    public static Manifest withSpec(String apiVersion, String kind, Map<String, Object> metadata, Output<Map<String, Object>> spec) {
        return new Manifest(apiVersion, kind, Output.of(metadata), spec, null, null, null, null, null, null);
    }

    /** A manifest whose {@code metadata} is known only as an output (a name that follows a secret's hash). */
    public static Manifest withSpec(String apiVersion, String kind, Output<Map<String, Object>> metadata, Map<String, Object> spec) {
        return new Manifest(apiVersion, kind, metadata, Output.of(spec), null, null, null, null, null, null);
    }

    /** A Secret whose values are secret outputs. */
    public static Manifest secret(Map<String, Object> metadata, Output<Map<String, String>> stringData) {
        return new Manifest("v1", "Secret", Output.of(metadata), null, null, stringData.asSecret(), "Opaque", null, null, null);
    }

    /** A ConfigMap. */
    public static Manifest configMap(Map<String, Object> metadata, Map<String, String> data) {
        return new Manifest("v1", "ConfigMap", Output.of(metadata), null, Output.of(data), null, null, null, null, null);
    }

    /** A Role with its rules. */
    public static Manifest role(Map<String, Object> metadata, List<Map<String, Object>> rules) {
        return new Manifest("rbac.authorization.k8s.io/v1", "Role", Output.of(metadata), null, null, null, null,
                Output.of(rules), null, null);
    }

    /** A RoleBinding of {@code roleName} to a service account of the same namespace. */
    public static Manifest roleBinding(Map<String, Object> metadata, String roleName, String serviceAccount, String namespace) {
        return new Manifest("rbac.authorization.k8s.io/v1", "RoleBinding", Output.of(metadata), null, null, null, null, null,
                Output.of(obj("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", roleName)),
                Output.of(List.of(obj("kind", "ServiceAccount", "name", serviceAccount, "namespace", namespace))));
    }

    /** A manifest with metadata only (Namespace, ServiceAccount). */
    public static Manifest metadataOnly(String apiVersion, String kind, Map<String, Object> metadata) {
        return new Manifest(apiVersion, kind, Output.of(metadata), null, null, null, null, null, null, null);
    }
}
