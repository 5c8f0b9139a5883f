package io.containerplatform.components.pipeline;

import io.containerplatform.components.kubernetes.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * MongoDB as a replica set {@code rs0} with keyfile authentication: a StatefulSet spread over nodes and zones,
 * its headless Service, volumes, probes, a PDB keeping a majority up, and a Job that initiates the replica set
 * only when it is not initiated yet (safe to run again).
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
    /** The API's user: read on {@link #DATABASE}. */
    static final String API_USER = "api";
    /** The metrics exporter's user: clusterMonitor, and read on {@code local} (replication metrics). */
    static final String EXPORTER_USER = "exporter";
    /** The exporter sidecar's image (the one chart prometheus-mongodb-exporter 3.9.0 installs) and port. */
    static final String EXPORTER_IMAGE = "percona/mongodb_exporter:0.42.0";
    static final int EXPORTER_PORT = 9216;
    /** Each user the init Job creates (none is root) and its roles, as a mongosh array. */
    static final java.util.Map<String, String> APP_USERS = appUsers();

    private static java.util.Map<String, String> appUsers() {
        var users = new java.util.LinkedHashMap<String, String>();
        users.put(PROCESSOR_USER, "[{role: 'readWrite', db: '" + DATABASE + "'}]");
        users.put(API_USER, "[{role: 'read', db: '" + DATABASE + "'}]");
        users.put(EXPORTER_USER, "[{role: 'clusterMonitor', db: 'admin'}, {role: 'read', db: 'local'}]");
        return java.util.Collections.unmodifiableMap(users);
    }

    /**
     * {@code user}'s connection string: the applications' go through the replica set to {@link #DATABASE}; the
     * exporter's to the member beside it (its sidecar), so each member reports its own metrics.
     */
    static String uri(String user, String password, String namespace, int replicas) {
        if (user.equals(EXPORTER_USER)) {
            return "mongodb://" + user + ":" + password + "@127.0.0.1:27017/admin?directConnection=true";
        }
        return "mongodb://" + user + ":" + password + "@" + String.join(",", members(namespace, replicas)) + "/" + DATABASE
                + "?replicaSet=" + REPLICA_SET + "&authSource=admin";
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

    static void declare(Kube kube, PipelineArgs args) {
        var ns = kube.namespace();
        kube.apply("mongodb-headless", Manifest.withSpec("v1", "Service", metadata("mongodb-headless", ns, APP), obj(
                "clusterIP", "None", "publishNotReadyAddresses", true, "selector", Pods.labels(APP),
                "ports", List.of(obj("name", "mongodb", "port", 27017, "targetPort", 27017, "protocol", "TCP"),
                        obj("name", "metrics", "port", EXPORTER_PORT, "targetPort", EXPORTER_PORT, "protocol", "TCP")))));

        var ping = List.of("mongosh", "--quiet", "--eval", "db.adminCommand('ping').ok");
        var keyfileCopy = obj(
                "name", "keyfile",
                "image", IMAGE,
                "command", List.of("sh", "-c", "cp /keyfile-secret/mongodb-replica-set-key /keyfile/key && chmod 400 /keyfile/key"),
                "volumeMounts", List.of(obj("name", "keyfile-secret", "mountPath", "/keyfile-secret", "readOnly", true),
                        obj("name", "keyfile", "mountPath", "/keyfile")),
                "resources", Pods.resources("10m", "16Mi", "32Mi"),
                "securityContext", Pods.containerSecurity(true));
        var container = obj(
                "name", APP,
                "image", IMAGE,
                "args", List.of("--replSet", REPLICA_SET, "--bind_ip_all", "--keyFile", "/keyfile/key"),
                "ports", List.of(obj("name", "mongodb", "containerPort", 27017)),
                "env", List.of(
                        Pods.secretEnv("MONGO_INITDB_ROOT_USERNAME", DataPipelineComponent.SECRET, "mongodb-root-user"),
                        Pods.secretEnv("MONGO_INITDB_ROOT_PASSWORD", DataPipelineComponent.SECRET, "mongodb-root-password")),
                "volumeMounts", List.of(obj("name", "data", "mountPath", "/data/db"), obj("name", "keyfile", "mountPath", "/keyfile"),
                        obj("name", "tmp", "mountPath", "/tmp")),
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
                "resources", Pods.resources("50m", "64Mi", "128Mi"),
                "readinessProbe", Pods.httpProbe("/", EXPORTER_PORT, 10),
                "livenessProbe", Pods.httpProbe("/", EXPORTER_PORT, 30),
                "securityContext", Pods.containerSecurity(true));
        var statefulSet = obj(
                "serviceName", "mongodb-headless",
                "replicas", args.mongodbReplicas(),
                "podManagementPolicy", "Parallel",
                "selector", Pods.selector(APP),
                // kubectl logs and exec go to MongoDB, not its exporter, when no container is named
                "template", obj("metadata", obj("labels", Pods.labels(APP), "annotations", obj("kubectl.kubernetes.io/default-container", APP)),
                        "spec", obj(
                        "securityContext", Pods.podSecurity(UID),
                        "affinity", Pods.spread(APP),
                        "initContainers", List.of(keyfileCopy),
                        "containers", List.of(container, exporter),
                        "volumes", List.of(
                                obj("name", "keyfile-secret", "secret", obj("secretName", DataPipelineComponent.SECRET, "defaultMode", 288,
                                        "items", List.of(obj("key", "mongodb-replica-set-key", "path", "mongodb-replica-set-key")))),
                                obj("name", "keyfile", "emptyDir", obj("medium", "Memory")),
                                obj("name", "tmp", "emptyDir", obj())))),
                "volumeClaimTemplates", List.of(Pods.volumeClaim("data", args.storageClass(), args.storageGb())),
                "persistentVolumeClaimRetentionPolicy", DataPipelineComponent.retention(args));
        var set = kube.apply("mongodb", Manifest.withSpec("apps/v1", "StatefulSet", metadata(APP, ns, APP), statefulSet));
        kube.apply("mongodb-pdb", Manifest.withSpec("policy/v1", "PodDisruptionBudget", metadata(APP, ns, APP),
                Pods.disruptionBudget(APP, "minAvailable", args.mongodbReplicas() / 2 + 1)));

        var members = new ArrayList<String>();
        var hosts = members(ns, args.mongodbReplicas());
        for (int i = 0; i < hosts.size(); i++) {
            members.add("{_id: " + i + ", host: '" + hosts.get(i) + "'}");
        }
        var initiate = "try { rs.status().ok } catch (e) { rs.initiate({_id: '" + REPLICA_SET + "', members: [" + String.join(", ", members) + "]}) }";
        // Then, through the replica set (the primary), the applications' users, created or brought up to date.
        var users = new StringBuilder("const admin = db.getSiblingDB('admin');");
        APP_USERS.forEach((user, roles) -> users.append(" { const spec = {pwd: process.env.").append(passwordEnv(user))
                .append(", roles: ").append(roles).append("};")
                .append(" if (admin.getUser('").append(user).append("')) { admin.updateUser('").append(user).append("', spec) }")
                .append(" else { admin.createUser(Object.assign({user: '").append(user).append("'}, spec)) } }"));
        var env = new ArrayList<Object>(List.of(
                Pods.secretEnv("ROOT_USER", DataPipelineComponent.SECRET, "mongodb-root-user"),
                Pods.secretEnv("ROOT_PASSWORD", DataPipelineComponent.SECRET, "mongodb-root-password")));
        APP_USERS.keySet().forEach(user -> env.add(Pods.secretEnv(passwordEnv(user), DataPipelineComponent.SECRET, passwordKey(user))));
        var replicaSet = "mongodb://" + String.join(",", hosts) + "/admin?replicaSet=" + REPLICA_SET;
        var job = obj(
                "backoffLimit", 20,
                "ttlSecondsAfterFinished", 3600,
                "template", obj("metadata", obj("labels", Pods.labels("mongodb-init")), "spec", obj(
                        "restartPolicy", "OnFailure",
                        "securityContext", Pods.podSecurity(UID),
                        "containers", List.of(obj(
                                "name", "rs-initiate",
                                "image", IMAGE,
                                "command", List.of("sh", "-c", "mongosh --host " + hosts.get(0) + " -u \"$ROOT_USER\" -p \"$ROOT_PASSWORD\" "
                                        + "--authenticationDatabase admin --quiet --eval \"" + initiate + "\" && mongosh \"" + replicaSet
                                        + "\" -u \"$ROOT_USER\" -p \"$ROOT_PASSWORD\" --authenticationDatabase admin --quiet --eval \""
                                        + users + "\""),
                                "env", env,
                                "volumeMounts", List.of(obj("name", "tmp", "mountPath", "/tmp")),
                                "resources", Pods.resources("50m", "64Mi", "256Mi"),
                                "securityContext", Pods.containerSecurity(true))),
                        "volumes", List.of(obj("name", "tmp", "emptyDir", obj())))));
        kube.apply("mongodb-rs-initiate", Manifest.withSpec("batch/v1", "Job", metadata("mongodb-rs-initiate", ns, "mongodb-init"), job),
                List.of(set));
    }
}
