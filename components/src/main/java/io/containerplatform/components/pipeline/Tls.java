package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * TLS between the pipeline's apps and RabbitMQ / MongoDB, with a certificate authority the platform manages:
 * cert-manager (Helm, its CRDs installed by the chart) issues, in the pipeline's namespace, a self-signed bootstrap
 * Issuer, the CA Certificate it signs ({@value #CA_SECRET}), a CA Issuer from it, and the servers' Certificates
 * ({@value #RABBITMQ_SECRET}, {@value #MONGODB_SECRET}) naming every host name clients use.
 *
 * <p>Lifetimes (cert-manager renews a certificate {@code renewBefore} its end): the CA {@value #CA_DURATION}
 * (5 years), renewed {@value #CA_RENEW_BEFORE} before, with its private key kept ({@code rotationPolicy: Never}), so
 * that the renewed CA certificate verifies the server certificates the old one signed; the servers'
 * {@value #SERVER_DURATION} (90 days), renewed {@value #SERVER_RENEW_BEFORE} before, a new key each time. A renewed
 * server certificate reaches the Secret volume in place; each server's {@code tls-reload} sidecar makes the server
 * read it ({@link #reloader}).
 */
final class Tls {

    /** cert-manager's namespace. */
    static final String NAMESPACE = "cert-manager";
    static final String CA_SECRET = "pipeline-ca";
    static final String RABBITMQ_SECRET = "rabbitmq-tls";
    static final String MONGODB_SECRET = "mongodb-tls";
    static final String CA_DURATION = "43800h";
    static final String CA_RENEW_BEFORE = "8760h";
    static final String SERVER_DURATION = "2160h";
    static final String SERVER_RENEW_BEFORE = "720h";
    /** Where the servers' certificates, and the apps' CA, are mounted. */
    static final String DIR = "/etc/pipeline-tls";
    /** The CA certificate's file, for the apps ({@code TLS_CA_FILE}) and the servers. */
    static final String CA_FILE = DIR + "/ca.crt";
    /** AMQP over TLS: the only AMQP port the broker listens on. */
    static final int AMQPS_PORT = 5671;
    /** The file a reloader touches at each check, which its liveness probe reads (in {@code /tmp}, writable). */
    static final String HEARTBEAT = "/tmp/tls-reload.alive";
    /** How often the reloaders look at their certificate files, seconds. */
    static final int RELOAD_CHECK_SECONDS = 60;

    private static final String CERT_MANAGER_API = "cert-manager.io/v1";

    private Tls() {
    }

    /** cert-manager: its controller, webhook and CA injector, two of each in production (with their PDBs), one elsewhere. */
    static Release install(Resource parent, String name, PipelineArgs args, Output<List<Resource>> after) {
        int replicas = args.production() ? 2 : 1;
        var pdb = obj("enabled", args.production(), "minAvailable", 1);
        return new Release(name + "-cert-manager", ReleaseArgs.builder()
                .name("cert-manager")
                .chart("cert-manager")
                .version(args.charts().certManager())
                .namespace(NAMESPACE)
                .createNamespace(true)
                .repositoryOpts(RepositoryOptsArgs.builder().repo("https://charts.jetstack.io").build())
                .values(obj(
                        "crds", obj("enabled", true, "keep", true),
                        "replicaCount", replicas, "podDisruptionBudget", pdb,
                        "resources", Pods.resources("20m", "96Mi", "256Mi"),
                        "webhook", obj("replicaCount", replicas, "podDisruptionBudget", pdb, "resources", Pods.resources("10m", "48Mi", "128Mi")),
                        "cainjector", obj("replicaCount", replicas, "podDisruptionBudget", pdb,
                                "resources", Pods.resources("10m", "96Mi", "256Mi"))))
                .atomic(true)
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(after).build());
    }

    /**
     * The issuers and the servers' Certificates; they wait for cert-manager, whose chart installs their CRDs. Returns
     * the Certificates of RabbitMQ and MongoDB, by app: their StatefulSets wait for them, so that Pulumi's readiness
     * wait (10 minutes) does not start while cert-manager is still being installed.
     */
    static Map<String, Resource> declare(Kube kube, PipelineArgs args, Release certManager) {
        var ns = kube.namespace();
        var crds = List.<Resource>of(certManager);
        var bootstrap = kube.apply("tls-bootstrap-issuer", Manifest.withSpec(CERT_MANAGER_API, "Issuer",
                metadata("pipeline-bootstrap", ns, "data-pipeline"), obj("selfSigned", obj())), crds);
        var ca = kube.apply("tls-ca", Manifest.withSpec(CERT_MANAGER_API, "Certificate", metadata(CA_SECRET, ns, "data-pipeline"), obj(
                "isCA", true,
                "commonName", caCommonName(ns),
                "secretName", CA_SECRET,
                "duration", CA_DURATION,
                "renewBefore", CA_RENEW_BEFORE,
                "privateKey", obj("algorithm", "ECDSA", "size", 256, "rotationPolicy", "Never"),
                "issuerRef", obj("name", "pipeline-bootstrap", "kind", "Issuer", "group", "cert-manager.io"))), List.of(certManager, bootstrap));
        var issuer = kube.apply("tls-ca-issuer", Manifest.withSpec(CERT_MANAGER_API, "Issuer", metadata("pipeline-ca", ns, "data-pipeline"),
                obj("ca", obj("secretName", CA_SECRET))), List.of(certManager, ca));
        var rabbitMq = kube.apply("tls-rabbitmq", Manifest.withSpec(CERT_MANAGER_API, "Certificate", metadata(RABBITMQ_SECRET, ns, RabbitMq.APP),
                server(RABBITMQ_SECRET, rabbitMqNames(ns, args.rabbitmqReplicas()), List.of(), List.of("server auth"), List.of())),
                List.of(certManager, issuer));
        // members are each other's clients too; the exporter and the probes reach their own member on 127.0.0.1 / localhost
        var mongoDb = kube.apply("tls-mongodb", Manifest.withSpec(CERT_MANAGER_API, "Certificate", metadata(MONGODB_SECRET, ns, MongoDb.APP),
                server(MONGODB_SECRET, mongoDbNames(ns, args.mongodbReplicas()), List.of("127.0.0.1"), List.of("server auth", "client auth"),
                        List.of(obj("type", "CombinedPEM")))), List.of(certManager, issuer));
        return Map.of(RabbitMq.APP, rabbitMq, MongoDb.APP, mongoDb);
    }

    /**
     * The CA's common name: {@code data-pipeline CA (<namespace>)}, or without the namespace when that would pass the 64
     * characters cert-manager allows (v1.19.3, {@code internal/apis/certmanager/validation/certificate.go}). The
     * servers' certificates have none: their DNS names say who they are, and a member's would pass 64 characters with
     * a namespace of 20.
     */
    static String caCommonName(String namespace) {
        var named = "data-pipeline CA (" + namespace + ")";
        return named.length() <= 64 ? named : "data-pipeline CA";
    }

    private static Map<String, Object> server(String secret, List<String> dnsNames, List<String> ips, List<String> usages,
                                              List<Map<String, Object>> outputs) {
        var spec = obj(
                "secretName", secret,
                "dnsNames", dnsNames,
                "duration", SERVER_DURATION,
                "renewBefore", SERVER_RENEW_BEFORE,
                "privateKey", obj("algorithm", "ECDSA", "size", 256, "rotationPolicy", "Always"),
                "usages", concat(List.of("digital signature"), usages),
                "issuerRef", obj("name", "pipeline-ca", "kind", "Issuer", "group", "cert-manager.io"));
        if (!ips.isEmpty()) {
            spec.put("ipAddresses", ips);
        }
        if (!outputs.isEmpty()) {
            spec.put("additionalOutputFormats", outputs);
        }
        return spec;
    }

    /** The broker's names: its Service's (short to fully qualified) and every node's. */
    static List<String> rabbitMqNames(String ns, int replicas) {
        var names = new ArrayList<>(List.of(RabbitMq.APP + "." + ns + ".svc.cluster.local", RabbitMq.APP + "." + ns + ".svc",
                RabbitMq.APP + "." + ns, RabbitMq.APP));
        IntStream.range(0, replicas).forEach(i -> names.add(RabbitMq.APP + "-" + i + RabbitMq.hostnameSuffix(ns)));
        return List.copyOf(names);
    }

    /** Every replica set member's host name (what the connection strings and the members themselves use), and localhost. */
    static List<String> mongoDbNames(String ns, int replicas) {
        var names = new ArrayList<>(MongoDb.members(ns, replicas).stream().map(m -> m.substring(0, m.lastIndexOf(':'))).toList());
        names.add("localhost");
        return List.copyOf(names);
    }

    /** The volume of a server's {@code secret}'s {@code keys} (a private key among them: mode 0440, the pod's group). */
    static Map<String, Object> volume(String secret, String... keys) {
        return volume(secret, 0440, List.of(keys));
    }

    /**
     * The CA certificate alone, for a client: the {@value #CA_SECRET} Secret's {@code ca.crt}, never its key; readable by
     * any user (a certificate is public), so a pod without an {@code fsGroup} (a drill's publisher) reads it too.
     */
    static Map<String, Object> caVolume() {
        return caVolume("tls");
    }

    /** {@link #caVolume()} named {@code name}, beside a server's own {@code tls} volume in its pod. */
    static Map<String, Object> caVolume(String name) {
        var volume = volume(CA_SECRET, 0444, List.of("ca.crt"));
        volume.put("name", name);
        return volume;
    }

    private static Map<String, Object> volume(String secret, int mode, List<String> keys) {
        return obj("name", "tls", "secret", obj("secretName", secret, "defaultMode", mode,
                "items", keys.stream().map(k -> obj("key", k, "path", k)).toList()));
    }

    static Map<String, Object> mount() {
        return mount("tls");
    }

    /** Volume {@code name} at {@value #DIR}, read-only. */
    static Map<String, Object> mount(String name) {
        return obj("name", name, "mountPath", DIR, "readOnly", true);
    }

    /** {@code TLS_CA_FILE} for an app ({@code workloads/event} TrustedCa). */
    static Map<String, Object> caEnv() {
        return Pods.env("TLS_CA_FILE", CA_FILE);
    }

    /**
     * A sidecar that runs {@code reload} when the files in {@value #DIR} change (cert-manager renewed the certificate and
     * the kubelet updated the Secret volume), checking every {@value #RELOAD_CHECK_SECONDS} s; a failed reload is retried
     * at the next check.
     */
    static Map<String, Object> reloader(String image, String reload, List<Map<String, Object>> env, List<Map<String, Object>> mounts,
                                        boolean readOnlyRoot) {
        var script = "files() { cat " + DIR + "/* | sha256sum; }; seen=$(files); while true; do touch " + HEARTBEAT + "; sleep "
                + RELOAD_CHECK_SECONDS + "; now=$(files); if [ \"$now\" != \"$seen\" ]; then echo 'certificate changed: reloading';"
                + " if " + reload + "; then seen=$now; fi; fi; done";
        return obj(
                "name", "tls-reload",
                "image", image,
                "command", List.of("sh", "-c", script),
                "env", env,
                "volumeMounts", concat(List.of(mount()), mounts),
                "resources", Pods.resources("5m", "16Mi", "256Mi"),
                // ready while the certificate files are there; alive while the loop turns (its heartbeat is recent)
                "readinessProbe", Pods.execProbe(List.of("test", "-s", DIR + "/ca.crt"), 5, 30),
                "livenessProbe", Pods.execProbe(List.of("sh", "-c", "test -n \"$(find " + HEARTBEAT + " -mmin -3)\""),
                        RELOAD_CHECK_SECONDS * 2, RELOAD_CHECK_SECONDS),
                "securityContext", Pods.containerSecurity(readOnlyRoot));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var all = new ArrayList<T>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
