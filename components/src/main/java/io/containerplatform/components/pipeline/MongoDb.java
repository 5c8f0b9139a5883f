package io.containerplatform.components.pipeline;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.Json;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * MongoDB as a replica set {@code rs0} with keyfile authentication: a StatefulSet spread over on-demand nodes and
 * zones, its headless Service, volumes that grow in place ({@link Volumes}), probes, a PDB keeping a majority up, and a
 * Job that reconciles the replica set with the config after each change ({@value #RECONCILE_SCRIPT}: initiate once,
 * add and remove members, set the users' passwords). It requires TLS on every connection ({@code --tlsMode requireTLS}),
 * members' among themselves included, with the certificate {@link Tls#MONGODB_SECRET} (reloaded after a renewal by the
 * {@code tls-reload} sidecar: {@code rotateCertificates}); clients verify it against the pipeline's CA.
 */
final class MongoDb {

    static final String APP = "mongodb";
    static final String IMAGE = "mongo:7.0.14";
    static final String REPLICA_SET = "rs0";
    static final int UID = 999;
    /** The database of the pipeline's collections. */
    static final String DATABASE = "pipeline";
    /** The processor's user: readWrite on {@link #DATABASE}. */
    static final String PROCESSOR_USER = "processor";
    /** The API's user: {@link #API_ROLE}. */
    static final String API_USER = "api";
    /**
     * The API's role (in {@code admin}): read on {@link #DATABASE}, and create indexes there (the API creates the
     * indexes its queries need at start; it writes no document).
     */
    static final String API_ROLE = "pipelineApi";
    /** Each role the reconcile Job creates or updates before the users: its privileges and the roles it inherits. */
    static final List<java.util.Map<String, Object>> APP_ROLES = List.of(obj("role", API_ROLE,
            "privileges", List.of(obj("resource", obj("db", DATABASE, "collection", ""), "actions", List.of("createIndex"))),
            "roles", List.of(obj("role", "read", "db", DATABASE))));
    /** The metrics exporter's user: clusterMonitor, and read on {@code local} (replication metrics). */
    static final String EXPORTER_USER = "exporter";
    /** The exporter sidecar's image (the one chart prometheus-mongodb-exporter 3.9.0 installs) and port. */
    static final String EXPORTER_IMAGE = "percona/mongodb_exporter:0.42.0";
    static final int EXPORTER_PORT = 9216;
    /** Each user the reconcile Job creates (none is root) and its roles. */
    static final java.util.Map<String, List<java.util.Map<String, Object>>> APP_USERS = appUsers();
    /** The reconcile Job's script (mongosh), a resource beside this class. */
    static final String RECONCILE_SCRIPT = "mongodb-reconcile.js";
    /** The Secret's key holding the members' keyfile, and the one holding the current key alone. */
    static final String KEYFILE = "mongodb-keyfile";
    static final String REPLICA_SET_KEY = "mongodb-replica-set-key";
    /** The pod template's annotation with the keyfile's hash: a new keyfile restarts the members one at a time. */
    static final String KEYFILE_HASH = "containerplatform.io/keyfile-sha256";
    /** The key of {@link Tls#MONGODB_SECRET} with the certificate and its key in one PEM file, as {@code mongod} reads them. */
    static final String COMBINED_PEM = "tls-combined.pem";

    private static java.util.Map<String, List<java.util.Map<String, Object>>> appUsers() {
        var users = new java.util.LinkedHashMap<String, List<java.util.Map<String, Object>>>();
        users.put(PROCESSOR_USER, List.of(obj("role", "readWrite", "db", DATABASE)));
        users.put(API_USER, List.of(obj("role", API_ROLE, "db", "admin")));
        users.put(EXPORTER_USER, List.of(obj("role", "clusterMonitor", "db", "admin"), obj("role", "read", "db", "local")));
        return java.util.Collections.unmodifiableMap(users);
    }

    /**
     * The members' keyfile: the key alone, or, while {@code previous} is being rotated out, both keys as a YAML
     * sequence (members that share one of them authenticate each other: MongoDB's rolling key rotation).
     */
    static String keyfile(String key, String previous) {
        return previous.isEmpty() ? key + "\n" : "- '" + key + "'\n- '" + previous + "'\n";
    }

    /**
     * {@code user}'s connection string: the applications' go through the replica set to {@link #DATABASE}; the
     * exporter's to the member beside it (its sidecar), so each member reports its own metrics.
     */
    static String uri(String user, String password, String namespace, int replicas) {
        if (user.equals(EXPORTER_USER)) {
            return "mongodb://" + user + ":" + password + "@127.0.0.1:27017/admin?directConnection=true&tls=true&tlsCAFile=" + Tls.CA_FILE;
        }
        return "mongodb://" + user + ":" + password + "@" + String.join(",", members(namespace, replicas)) + "/" + DATABASE
                + "?replicaSet=" + REPLICA_SET + "&authSource=admin&tls=true";
    }

    /** The key of the Secret that holds {@code user}'s connection string. */
    static String uriKey(String user) {
        return "mongodb-" + user + "-uri";
    }

    /** The key of the Secret that holds {@code user}'s password. */
    static String passwordKey(String user) {
        return "mongodb-" + user + "-password";
    }

    private MongoDb() {
    }

    /** Host names of the members, {@code mongodb-<i>.mongodb-headless.<ns>.svc.cluster.local:27017}. */
    static List<String> members(String namespace, int replicas) {
        return IntStream.range(0, replicas).mapToObj(i -> APP + "-" + i + ".mongodb-headless." + namespace + ".svc.cluster.local:27017").toList();
    }

    private static String passwordEnv(String user) {
        return user.toUpperCase() + "_PASSWORD";
    }

    /**
     * Declares the replica set after {@code certificate} (its members' certificate); returns the reconcile Job, done
     * once the replica set is initiated and the applications' users hold their passwords.
     */
    static Resource declare(Kube kube, PipelineArgs args, Resource certificate) {
        var ns = kube.namespace();
        kube.apply("mongodb-headless", Manifest.withSpec("v1", "Service", metadata("mongodb-headless", ns, APP), obj(
                "clusterIP", "None", "publishNotReadyAddresses", true, "selector", Pods.labels(APP),
                "ports", List.of(obj("name", "mongodb", "port", 27017, "targetPort", 27017, "protocol", "TCP"),
                        obj("name", "metrics", "port", EXPORTER_PORT, "targetPort", EXPORTER_PORT, "protocol", "TCP")))));
        var set = Volumes.statefulSet(kube, APP, statefulSet(args), List.of(certificate), args.mongodbReplicas(), args);
        kube.apply("mongodb-pdb", Manifest.withSpec("policy/v1", "PodDisruptionBudget", metadata(APP, ns, APP),
                Pods.disruptionBudget(APP, "minAvailable", args.mongodbReplicas() / 2 + 1)));
        var script = kube.apply("mongodb-reconcile", Manifest.configMap(metadata("mongodb-reconcile", ns, "mongodb-init"),
                java.util.Map.of(RECONCILE_SCRIPT, reconcileScript())));
        return kube.apply("mongodb-rs-initiate", Manifest.withSpec("batch/v1", "Job", reconcileName(args).applyValue(name ->
                metadata(name, ns, "mongodb-init")), reconcileJob(ns, args.mongodbReplicas())), List.of(set, script));
    }

    /**
     * The StatefulSet: members spread over on-demand nodes and zones, the keyfile copied from the Secret (both keys
     * during a rotation); its hash in the pod template restarts the members, one at a time, when it changes.
     */
    private static Output<java.util.Map<String, Object>> statefulSet(PipelineArgs args) {
        var ping = List.of("mongosh", "--quiet", "--tls", "--tlsCAFile", Tls.CA_FILE, "--host", "localhost", "--eval", "db.adminCommand('ping').ok");
        var keyfileCopy = obj(
                "name", "keyfile",
                "image", IMAGE,
                "command", List.of("sh", "-c", "cp /keyfile-secret/" + KEYFILE + " /keyfile/key && chmod 400 /keyfile/key"),
                "volumeMounts", List.of(obj("name", "keyfile-secret", "mountPath", "/keyfile-secret", "readOnly", true),
                        obj("name", "keyfile", "mountPath", "/keyfile")),
                "resources", Pods.resources("10m", "16Mi", "32Mi"),
                "securityContext", Pods.containerSecurity(true));
        var container = obj(
                "name", APP,
                "image", IMAGE,
                "args", List.of("--replSet", REPLICA_SET, "--bind_ip_all", "--keyFile", "/keyfile/key",
                        // clients (the apps) present no certificate: they authenticate with passwords, the members with the keyfile
                        "--tlsMode", "requireTLS", "--tlsCertificateKeyFile", Tls.DIR + "/" + COMBINED_PEM, "--tlsCAFile", Tls.CA_FILE,
                        "--tlsAllowConnectionsWithoutCertificates"),
                "ports", List.of(obj("name", "mongodb", "containerPort", 27017)),
                "volumeMounts", List.of(obj("name", Volumes.VOLUME, "mountPath", "/data/db"), obj("name", "keyfile", "mountPath", "/keyfile"),
                        obj("name", "tmp", "mountPath", "/tmp"), Tls.mount()),
                "resources", Pods.resources("250m", "512Mi", "1Gi"),
                "readinessProbe", Pods.execProbe(ping, 10, 10),
                "livenessProbe", Pods.execProbe(ping, 30, 20),
                "securityContext", Pods.containerSecurity(false));
        var exporter = obj(
                "name", "exporter",
                "image", EXPORTER_IMAGE,
                "args", List.of("--web.listen-address=:" + EXPORTER_PORT, "--collect-all"),
                "env", List.of(Pods.secretEnv("MONGODB_URI", DataPipelineComponent.SECRET, uriKey(EXPORTER_USER))),
                "ports", List.of(obj("name", "metrics", "containerPort", EXPORTER_PORT)),
                // the CA only: the exporter is a client, it has no use for the member's private key
                "volumeMounts", List.of(Tls.mount("tls-ca")),
                "resources", Pods.resources("50m", "64Mi", "128Mi"),
                "readinessProbe", Pods.httpProbe("/", EXPORTER_PORT, 10),
                "livenessProbe", Pods.httpProbe("/", EXPORTER_PORT, 30),
                "securityContext", Pods.containerSecurity(true));
        var podSpec = obj(
                "securityContext", Pods.podSecurity(UID),
                "affinity", Pods.spread(APP, args.production()),
                "topologySpreadConstraints", Pods.zoneSpread(APP, args.production()),
                "initContainers", List.of(keyfileCopy),
                "containers", List.of(container, exporter, Tls.reloader(IMAGE, "mongosh --quiet --tls --tlsCAFile " + Tls.CA_FILE
                                + " --host localhost -u \"$ROOT_USER\" -p \"$ROOT_PASSWORD\" --authenticationDatabase admin"
                                + " --eval 'db.adminCommand({rotateCertificates: 1}).ok' | grep -qx 1",
                        List.of(Pods.secretEnv("ROOT_USER", DataPipelineComponent.SECRET, "mongodb-root-user"),
                                Pods.secretEnv("ROOT_PASSWORD", DataPipelineComponent.SECRET, "mongodb-root-password"), Pods.env("HOME", "/tmp")),
                        List.of(obj("name", "tmp", "mountPath", "/tmp")), true)),
                "volumes", List.of(
                        obj("name", "keyfile-secret", "secret", obj("secretName", DataPipelineComponent.SECRET, "defaultMode", 288,
                                "items", List.of(obj("key", KEYFILE, "path", KEYFILE)))),
                        obj("name", "keyfile", "emptyDir", obj("medium", "Memory")),
                        Tls.volume(Tls.MONGODB_SECRET, COMBINED_PEM, "ca.crt"), Tls.caVolume("tls-ca"),
                        obj("name", "tmp", "emptyDir", obj())));
        return plain(keyfile(args).applyValue(k -> DataPipelineComponent.sha256(k).substring(0, 16))).applyValue(hash -> obj(
                "serviceName", "mongodb-headless",
                "replicas", args.mongodbReplicas(),
                "podManagementPolicy", "Parallel",
                "selector", Pods.selector(APP),
                // kubectl logs and exec go to MongoDB, not its exporter, when no container is named
                "template", obj("metadata", obj("labels", Pods.labels(APP), "annotations", obj(
                        "kubectl.kubernetes.io/default-container", APP, KEYFILE_HASH, hash)), "spec", podSpec),
                "volumeClaimTemplates", List.of(Volumes.claimTemplate(args)),
                "persistentVolumeClaimRetentionPolicy", DataPipelineComponent.retention(args)));
    }

    /** The pod template annotation that restarts an application when its MongoDB password is rotated. */
    static final String CREDENTIALS_HASH = "containerplatform.io/mongodb-credentials-sha256";

    /** A hash of the applications' MongoDB passwords (derived from the root password), salted with the key. */
    static Output<String> credentialsHash(PipelineArgs args) {
        return plain(Output.tuple(args.mongodbReplicaSetKey(), args.mongodbPassword()).applyValue(t ->
                DataPipelineComponent.sha256("credentials:" + t.t1 + ":" + t.t2).substring(0, 16)));
    }

    /** The members' keyfile from the config's keys ({@link #keyfile(String, String)}), a secret. */
    static Output<String> keyfile(PipelineArgs args) {
        var previous = args.mongodbPreviousReplicaSetKey().orElse(Output.of(""));
        return Output.tuple(args.mongodbReplicaSetKey(), previous).applyValue(t -> keyfile(t.t1, t.t2));
    }

    /**
     * {@code mongodb-reconcile-<hash>}: a new Job, so a new run, whenever the members, the key, the root password or
     * the script change (the hash of secrets, not the secrets, is in the name).
     */
    static Output<String> reconcileName(PipelineArgs args) {
        var members = String.join(",", members(args.namespace(), args.mongodbReplicas()));
        return plain(Output.tuple(args.mongodbReplicaSetKey(), args.mongodbPassword()).applyValue(t ->
                "mongodb-reconcile-" + DataPipelineComponent.sha256(String.join("\n", reconcileScript(), members, t.t1, t.t2))
                        .substring(0, 10).toLowerCase()));
    }

    /** The Job that runs {@value #RECONCILE_SCRIPT} from its ConfigMap, as the members' internal user. */
    private static java.util.Map<String, Object> reconcileJob(String ns, int replicas) {
        var users = new ArrayList<Object>();
        var env = new ArrayList<Object>(List.of(
                Pods.env("MEMBERS", String.join(",", members(ns, replicas))),
                Pods.env("REPLICA_SET", REPLICA_SET),
                Pods.env("HOME", "/tmp"),
                Tls.caEnv(),
                Pods.secretEnv("KEY", DataPipelineComponent.SECRET, REPLICA_SET_KEY),
                Pods.secretEnv("ROOT_USER", DataPipelineComponent.SECRET, "mongodb-root-user"),
                Pods.secretEnv("ROOT_PASSWORD", DataPipelineComponent.SECRET, "mongodb-root-password")));
        APP_USERS.forEach((user, roles) -> {
            users.add(obj("user", user, "roles", roles, "passwordEnv", passwordEnv(user)));
            env.add(Pods.secretEnv(passwordEnv(user), DataPipelineComponent.SECRET, passwordKey(user)));
        });
        env.add(Pods.env("ROLES", Json.write(APP_ROLES)));
        env.add(Pods.env("USERS", Json.write(users)));
        return obj(
                "backoffLimit", 2,
                "ttlSecondsAfterFinished", 3600,
                "template", obj("metadata", obj("labels", Pods.labels("mongodb-init")), "spec", obj(
                        "restartPolicy", "Never",
                        "securityContext", Pods.podSecurity(UID),
                        "containers", List.of(obj(
                                "name", "reconcile",
                                "image", IMAGE,
                                "command", List.of("mongosh", "--nodb", "--quiet", "--file", "/scripts/" + RECONCILE_SCRIPT),
                                "env", env,
                                "volumeMounts", List.of(obj("name", "tmp", "mountPath", "/tmp"),
                                        obj("name", "scripts", "mountPath", "/scripts", "readOnly", true), Tls.mount()),
                                "resources", Pods.resources("50m", "64Mi", "256Mi"),
                                "securityContext", Pods.containerSecurity(true))),
                        "volumes", List.of(obj("name", "tmp", "emptyDir", obj()),
                                obj("name", "scripts", "configMap", obj("name", "mongodb-reconcile")), Tls.caVolume()))));
    }

    /**
     * An init container that holds {@code user}'s pod until the replica set has a primary and the reconcile Job has
     * created the user (it signs in with the user's connection string), so the application starts once and does not
     * crash-loop while a first deploy brings MongoDB up. It needs a writable {@code /tmp} volume named {@code tmp} and the CA's,
 * {@link Tls#caVolume()}.
     */
    static java.util.Map<String, Object> waitFor(String user) {
        return obj(
                "name", "wait-for-mongodb",
                "image", IMAGE,
                "command", List.of("sh", "-c", "until mongosh \"$MONGODB_URI\" --tlsCAFile " + Tls.CA_FILE
                        + " --quiet --eval 'db.runCommand({ping: 1}).ok' >/dev/null;"
                        + " do echo 'waiting for MongoDB and the " + user + " user'; sleep 5; done"),
                "env", List.of(Pods.secretEnv("MONGODB_URI", DataPipelineComponent.SECRET, uriKey(user)), Pods.env("HOME", "/tmp")),
                "volumeMounts", List.of(obj("name", "tmp", "mountPath", "/tmp"), Tls.mount()),
                "resources", Pods.resources("10m", "64Mi", "256Mi"),
                "securityContext", Pods.containerSecurity(true));
    }

    /** A hash of secrets, which is not one: shown in the plan and in object names. */
    private static <T> Output<T> plain(Output<T> hash) {
        return Internal.of(hash).asPlaintext();
    }

    /** The text of {@value #RECONCILE_SCRIPT}. */
    static String reconcileScript() {
        try (var in = MongoDb.class.getResourceAsStream(RECONCILE_SCRIPT)) {
            return new String(java.util.Objects.requireNonNull(in, RECONCILE_SCRIPT).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
