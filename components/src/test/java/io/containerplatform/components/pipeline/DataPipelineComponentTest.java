package io.containerplatform.components.pipeline;

import io.containerplatform.components.network.Placement;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.Mocks.ResourceArgs;
import io.containerplatform.components.eks.ChartVersions;
import io.containerplatform.components.eks.EksPlatformComponent;
import io.containerplatform.components.eks.Irsa;
import io.containerplatform.components.monitoring.AlertDestination;
import io.containerplatform.components.testing.MockStack;
import io.containerplatform.components.testing.PlatformMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.containerplatform.components.testing.MockStack.mapInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class DataPipelineComponentTest {

    static PipelineArgs.Builder args() {
        return PipelineArgs.builder().placement(Placement.of("vpc-1", "10.0.0.0/16", List.of("pub-a", "pub-b"), List.of("priv-a", "priv-b")))
                .sparkImage("registry.example.com/spark-processor:1.2.0").apiImage("registry.example.com/swagger-api:1.3.0")
                .apiHost("api.example.com")
                .rabbitmqPassword(Output.ofSecret("rabbit-pass")).rabbitmqErlangCookie(Output.ofSecret("erlang-cookie-0123456789"))
                .mongodbPassword(Output.ofSecret("mongo p@ss"))
                .mongodbReplicaSetKey(Output.ofSecret("keyfile")).grafanaAdminPassword(Output.ofSecret("grafana-pass"));
    }

    static PlatformMocks build(UnaryOperator<PipelineArgs.Builder> customize) {
        return MockStack.run(ctx -> {
            var provider = new Provider("k8s", ProviderArgs.builder().kubeconfig("{}").build());
            new DataPipelineComponent("pipe", customize.apply(args()).build(), ComponentResourceOptions.builder().providers(provider).build());
        });
    }

    static ResourceArgs kind(PlatformMocks mocks, String kind, String name) {
        return mocks.matching(r -> kind.equals(r.inputs.get("kind")) && name.equals(mapInput(r, "metadata").get("name")))
                .stream().findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static Map<String, Object> stringData(PlatformMocks mocks, String secret) {
        return (Map<String, Object>) kind(mocks, "Secret", secret).inputs.get("stringData");
    }

    static Map<String, Object> spec(ResourceArgs r) {
        return mapInput(r, "spec");
    }

    static Map<String, Object> podSpec(ResourceArgs r) {
        return (Map<String, Object>) ((Map<String, Object>) spec(r).get("template")).get("spec");
    }

    static Map<String, Object> container(ResourceArgs r) {
        return ((List<Map<String, Object>>) podSpec(r).get("containers")).get(0);
    }

    @Test
    void namespaceHasAQuotaAndLimitsAndEnforcesRestrictedPods() {
        var mocks = build(b -> b);
        var ns = kind(mocks, "Namespace", "data-processing");
        assertThat((Map<String, Object>) mapInput(ns, "metadata").get("labels")).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat((Map<String, Object>) spec(kind(mocks, "ResourceQuota", "data-pipeline-quota")).get("hard"))
                .containsKeys("requests.cpu", "requests.memory", "limits.memory", "pods", "persistentvolumeclaims");
        assertThat(kind(mocks, "LimitRange", "data-pipeline-limits").inputs).containsKey("spec");
    }

    @Test
    void secretsComeFromConfigAndStaySecret() {
        var mocks = build(b -> b);
        var secret = kind(mocks, "Secret", "pipeline-secrets");
        var data = (Map<String, Object>) secret.inputs.get("stringData");
        assertThat(data).containsEntry("mongodb-root-password", "mongo p@ss").containsEntry("mongodb-replica-set-key", "keyfile")
                .doesNotContainKey("mongodb-uri").doesNotContainKeys("rabbitmq-password", "rabbitmq-erlang-cookie");
        var hosts = "mongodb-0.mongodb-headless.data-processing.svc.cluster.local:27017,"
                + "mongodb-1.mongodb-headless.data-processing.svc.cluster.local:27017,mongodb-2.mongodb-headless.data-processing.svc.cluster.local:27017";
        for (var user : List.of("processor", "api")) {
            var password = (String) data.get("mongodb-" + user + "-password");
            assertThat(password).hasSize(64).doesNotContain("mongo p@ss");
            assertThat(data).containsEntry("mongodb-" + user + "-uri",
                    "mongodb://" + user + ":" + password + "@" + hosts + "/pipeline?replicaSet=rs0&authSource=admin&tls=true");
        }
        assertThat(data.get("mongodb-processor-password")).isNotEqualTo(data.get("mongodb-api-password"));
        assertThat(stringData(mocks, "rabbitmq-pipeline")).isEqualTo(Map.of("username", "pipeline", "password", "rabbit-pass",
                "uri", "amqps://pipeline:rabbit-pass@rabbitmq.data-processing.svc.cluster.local:5671/%2F"));
        assertThat(kind(mocks, "Secret", "grafana-admin").inputs.get("stringData")).isEqualTo(Map.of("admin-user", "admin", "admin-password", "grafana-pass"));
        var servicePasswords = List.of("processor", "publisher", "keda").stream()
                .map(user -> (String) stringData(mocks, "rabbitmq-" + user).get("password")).toList();
        for (var r : mocks.matching(r -> r.type.startsWith("kubernetes:") && !"Secret".equals(r.inputs.get("kind")))) {
            assertThat(String.valueOf(r.inputs)).describedAs(r.name).doesNotContain("rabbit-pass").doesNotContain("mongo p@ss")
                    .doesNotContain("erlang-cookie-0123456789").doesNotContain(servicePasswords);
        }
    }

    @Test
    void rabbitMqClustersByPeerDiscoveryWithItsRbacServicesAndProbes() {
        var mocks = build(b -> b.rabbitmqReplicas(3).storageGb(20));
        var set = kind(mocks, "StatefulSet", "rabbitmq");
        assertThat(spec(set)).containsEntry("replicas", 3.0).containsEntry("serviceName", "rabbitmq-headless");
        var c = container(set);
        assertThat(c).containsEntry("image", "rabbitmq:3.13.7-management").containsKeys("readinessProbe", "livenessProbe", "resources");
        assertThat((List<Object>) spec(set).get("volumeClaimTemplates")).singleElement().satisfies(t ->
                assertThat(t.toString()).contains("storage=20Gi").contains("storageClassName=gp3-encrypted"));
        var config = (Map<String, Object>) kind(mocks, "ConfigMap", "rabbitmq-config").inputs.get("data");
        assertThat((String) config.get("enabled_plugins")).contains("rabbitmq_prometheus").contains("rabbitmq_peer_discovery_k8s");
        assertThat((String) config.get("rabbitmq.conf")).contains("cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s");
        assertThat((List<Object>) kind(mocks, "Role", "rabbitmq-peer-discovery").inputs.get("rules")).isNotEmpty();
        assertThat((List<Map<String, Object>>) spec(kind(mocks, "Service", "rabbitmq")).get("ports")).extracting(p -> p.get("port"))
                .containsExactly(5671.0, 15672.0, 15692.0);
        assertThat(spec(kind(mocks, "Service", "rabbitmq-headless"))).containsEntry("clusterIP", "None");
        assertThat(spec(kind(mocks, "PodDisruptionBudget", "rabbitmq"))).containsEntry("maxUnavailable", 1.0);
    }

    @Test
    void rabbitMqPeerNamesAreTheStatefulSetPodsDnsNames() {
        var mocks = build(b -> b.rabbitmqReplicas(3).namespace("stream"));
        var set = kind(mocks, "StatefulSet", "rabbitmq");
        var conf = ((String) ((Map<String, Object>) kind(mocks, "ConfigMap", "rabbitmq-config").inputs.get("data")).get("rabbitmq.conf"))
                .lines().filter(l -> l.contains(" = ")).collect(java.util.stream.Collectors.toMap(
                        l -> l.substring(0, l.indexOf(" = ")), l -> l.substring(l.indexOf(" = ") + 3)));
        assertThat(conf).containsEntry("cluster_formation.k8s.address_type", "hostname");
        var headless = (String) spec(set).get("serviceName");
        assertThat(conf).containsEntry("cluster_formation.k8s.service_name", headless);
        var nodeName = ((List<Map<String, Object>>) container(set).get("env")).stream()
                .filter(e -> "RABBITMQ_NODENAME".equals(e.get("name"))).findFirst().orElseThrow().get("value");
        for (int i = 0; i < 3; i++) {
            var pod = "rabbitmq-" + i;
            // what peer discovery computes: the endpoint's host name (the pod name) plus the suffix
            var peer = "rabbit@" + pod + conf.getOrDefault("cluster_formation.k8s.hostname_suffix", "");
            var podDns = pod + "." + headless + ".stream.svc.cluster.local";
            assertThat(peer).isEqualTo("rabbit@" + podDns).isEqualTo(((String) nodeName).replace("$(MY_POD_NAME)", pod));
        }
    }

    static Map<String, Object> definitions(PlatformMocks mocks) {
        return new com.google.gson.Gson().fromJson((String) stringData(mocks, "rabbitmq-server").get("definitions.json"), Map.class);
    }

    static String checksum(PlatformMocks mocks) {
        return checksum(mocks, "StatefulSet", "rabbitmq");
    }

    /** The definitions' checksum on the pod template of {@code kind} {@code name}. */
    static String checksum(PlatformMocks mocks, String kind, String name) {
        var template = (Map<String, Object>) spec(kind(mocks, kind, name)).get("template");
        return (String) ((Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("annotations")).get("checksum/definitions");
    }

    @Test
    void rabbitMqImportsItsUsersLeastPrivilegeAndItsQuorumQueuesAtEveryBoot() {
        var mocks = build(b -> b.queueName("data-stream"));
        var defs = definitions(mocks);
        var passwords = new java.util.LinkedHashMap<String, String>();
        for (var user : List.of("pipeline", "processor", "publisher", "keda")) {
            passwords.put(user, (String) stringData(mocks, "rabbitmq-" + user).get("password"));
        }
        assertThat(passwords.get("pipeline")).isEqualTo("rabbit-pass");
        assertThat(passwords.values()).doesNotHaveDuplicates().allMatch(p -> p.length() >= 11);
        assertThat((List<Map<String, Object>>) defs.get("users")).extracting(u -> u.get("name"), u -> u.get("tags"), u -> u.get("hashing_algorithm"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pipeline", List.of("administrator"), "rabbit_password_hashing_sha256"),
                        org.assertj.core.groups.Tuple.tuple("processor", List.of(), "rabbit_password_hashing_sha256"),
                        org.assertj.core.groups.Tuple.tuple("publisher", List.of(), "rabbit_password_hashing_sha256"),
                        org.assertj.core.groups.Tuple.tuple("keda", List.of(), "rabbit_password_hashing_sha256"));
        for (var user : (List<Map<String, Object>>) defs.get("users")) {
            // RabbitMQ's sha256 scheme: base64(4-byte salt + SHA-256(salt + password))
            var hash = java.util.Base64.getDecoder().decode((String) user.get("password_hash"));
            var salted = new java.io.ByteArrayOutputStream();
            salted.write(hash, 0, 4);
            salted.writeBytes(passwords.get((String) user.get("name")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(java.util.Arrays.copyOfRange(hash, 4, hash.length)).describedAs((String) user.get("name"))
                    .isEqualTo(sha256(salted.toByteArray()));
        }
        assertThat(defs.get("permissions")).isEqualTo(List.of(
                Map.of("user", "pipeline", "vhost", "/", "configure", ".*", "write", ".*", "read", ".*"),
                Map.of("user", "processor", "vhost", "/", "configure", "^(data\\-stream|data\\-stream\\.dlq|data\\-stream\\.in)$",
                        "write", "^(amq\\.default|data\\-stream)$", "read", "^(data\\-stream|data\\-stream\\.in)$"),
                Map.of("user", "publisher", "vhost", "/", "configure", "^$", "write", "^data\\-stream\\.in$", "read", "^$"),
                Map.of("user", "keda", "vhost", "/", "configure", "^$", "write", "^$", "read", "^$")));
        assertThat(defs.get("vhosts")).isEqualTo(List.of(Map.of("name", "/")));
        assertThat(defs.get("queues")).isEqualTo(List.of(
                Map.of("name", "data-stream", "vhost", "/", "durable", true, "auto_delete", false, "arguments", Map.of(
                        "x-queue-type", "quorum", "x-delivery-limit", 20.0, "x-dead-letter-exchange", "",
                        "x-dead-letter-routing-key", "data-stream.dlq", "x-dead-letter-strategy", "at-least-once", "x-overflow", "reject-publish")),
                Map.of("name", "data-stream.dlq", "vhost", "/", "durable", true, "auto_delete", false, "arguments", Map.of("x-queue-type", "quorum"))));
        // publishers publish to their own exchange, bound to the queue alone: never to the default exchange, which routes to every queue
        assertThat(defs.get("exchanges")).isEqualTo(List.of(Map.of("name", "data-stream.in", "vhost", "/", "type", "direct", "durable", true,
                "auto_delete", false, "internal", false, "arguments", Map.of())));
        assertThat(defs.get("bindings")).isEqualTo(List.of(Map.of("source", "data-stream.in", "vhost", "/", "destination", "data-stream",
                "destination_type", "queue", "routing_key", "data-stream", "arguments", Map.of())));
        assertThat(stringData(mocks, "rabbitmq-publisher")).containsEntry("username", "publisher")
                .containsEntry("uri", "amqps://publisher:" + passwords.get("publisher") + "@rabbitmq.data-processing.svc.cluster.local:5671/%2F");

        var set = kind(mocks, "StatefulSet", "rabbitmq");
        var conf = (String) ((Map<String, Object>) kind(mocks, "ConfigMap", "rabbitmq-config").inputs.get("data")).get("rabbitmq.conf");
        assertThat(conf.lines()).contains("load_definitions = /etc/rabbitmq-definitions/definitions.json")
                .noneMatch(l -> l.startsWith("loopback_users") || l.startsWith("definitions.skip_if_unchanged"));
        assertThat((List<Object>) container(set).get("volumeMounts"))
                .contains(Map.of("name", "definitions", "mountPath", "/etc/rabbitmq-definitions", "readOnly", true));
        assertThat((List<Object>) podSpec(set).get("volumes")).contains(Map.of("name", "definitions", "secret", Map.of("secretName", "rabbitmq-server",
                "defaultMode", 288.0, "items", List.of(Map.of("key", "definitions.json", "path", "definitions.json")))));
        assertThat(container(set).get("env").toString()).doesNotContain("RABBITMQ_DEFAULT_USER").doesNotContain("RABBITMQ_DEFAULT_PASS");
    }

    /**
     * The definitions and Secrets' URIs the end-to-end tests boot and reach their real broker with ({@code workloads/e2e}) are the
     * component's own: the broker there proves that it imports them and enforces the permissions, and that each
     * Secret's URI names the user, password and virtual host the broker knows.
     */
    @Test
    void theEndToEndBrokerBootsWithTheseDefinitions() throws java.io.IOException {
        var mocks = build(b -> b.queueName("data-stream"));
        var fixtures = java.nio.file.Path.of("workloads", "e2e", "src", "main", "resources", "rabbitmq");
        var users = new StringBuilder("# the uri of each user's Secret, for definitions.json (DataPipelineComponentTest writes both)\n");
        for (var user : List.of("pipeline", "processor", "publisher", "keda")) {
            users.append(user).append('=').append(((String) stringData(mocks, "rabbitmq-" + user).get("uri"))).append('\n');
        }
        var expected = Map.of("definitions.json", (String) stringData(mocks, "rabbitmq-server").get("definitions.json") + "\n",
                "uris.properties", users.toString(),
                "broker.conf", "max_message_size = " + RabbitMq.MAX_MESSAGE_BYTES + "\n");
        var written = java.nio.file.Files.createDirectories(java.nio.file.Path.of("components", "target", "rabbitmq-fixtures"));
        for (var file : expected.entrySet()) {
            java.nio.file.Files.writeString(written.resolve(file.getKey()), file.getValue());
        }
        for (var file : expected.entrySet()) {
            assertThat(fixtures.resolve(file.getKey())).describedAs("copy components/target/rabbitmq-fixtures/" + file.getKey() + " over it")
                    .hasContent(file.getValue());
        }
        var conf = (String) ((Map<String, Object>) kind(mocks, "ConfigMap", "rabbitmq-config").inputs.get("data")).get("rabbitmq.conf");
        assertThat(conf.lines()).contains("max_message_size = 1048576");
    }

    /** A password's space, plus, slash and percent are percent-encoded in the URI, which names the default virtual host. */
    @Test
    void theAdministratorsUriDecodesToItsPasswordAndTheDefaultVirtualHost() {
        var mocks = build(b -> b.rabbitmqPassword(Output.ofSecret("p w+d/%:@")));
        var uri = java.net.URI.create((String) stringData(mocks, "rabbitmq-pipeline").get("uri"));
        assertThat(uri.getRawUserInfo()).isEqualTo("pipeline:p%20w%2Bd%2F%25%3A%40");
        assertThat(uri.getUserInfo()).isEqualTo("pipeline:p w+d/%:@");
        assertThat(uri.getRawPath()).isEqualTo("/%2F");
        assertThat(uri.getPath()).isEqualTo("//");
    }

    @Test
    void theErlangCookieIsItsOwnSecretAndNoPasswordChangesIt() {
        var first = build(b -> b);
        var rotated = build(b -> b.rabbitmqPassword(Output.ofSecret("rotated-pass")));
        assertThat(stringData(first, "rabbitmq-server")).containsEntry("erlang-cookie", "erlang-cookie-0123456789");
        assertThat(stringData(rotated, "rabbitmq-server")).containsEntry("erlang-cookie", "erlang-cookie-0123456789");
        assertThat(container(kind(first, "StatefulSet", "rabbitmq")).get("env")).asList().contains(Map.of("name", "RABBITMQ_ERLANG_COOKIE",
                "valueFrom", Map.of("secretKeyRef", Map.of("name", "rabbitmq-server", "key", "erlang-cookie"))));
    }

    @Test
    void aRotatedPasswordChangesEveryUsersPasswordAndTheChecksumThatRollsTheNodes() {
        var first = build(b -> b);
        var again = build(b -> b);
        var rotated = build(b -> b.rabbitmqPassword(Output.ofSecret("rotated-pass")));
        assertThat(checksum(first)).hasSize(64).isEqualTo(checksum(again)).isNotEqualTo(checksum(rotated));
        assertThat(definitions(first)).isEqualTo(definitions(again)).isNotEqualTo(definitions(rotated));
        for (var user : List.of("pipeline", "processor", "publisher", "keda")) {
            assertThat(stringData(rotated, "rabbitmq-" + user).get("password")).describedAs(user)
                    .isNotEqualTo(stringData(first, "rabbitmq-" + user).get("password"));
        }
        // the checksum is keyed by the cookie: without it, nobody can test a guessed password against the annotation
        var otherCookie = build(b -> b.rabbitmqErlangCookie(Output.ofSecret("another-cookie-0123456789")));
        assertThat(definitions(otherCookie)).isEqualTo(definitions(first));
        assertThat(checksum(otherCookie)).isNotEqualTo(checksum(first));
        // another queue changes the processor's permissions and the queues: the nodes roll too
        assertThat(checksum(build(b -> b.queueName("other")))).isNotEqualTo(checksum(first));
        // the processors read their password at start: they roll with the nodes (after them: they wait for the StatefulSet)
        assertThat(checksum(first, "Deployment", "spark-processor")).isEqualTo(checksum(first))
                .isNotEqualTo(checksum(rotated, "Deployment", "spark-processor"));
    }

    @Test
    void theMemoryWatermarkIsSixtyPercentOfTheContainersLimitAndMessagesAreCappedAtOneMebibyte() {
        var mocks = build(b -> b);
        var resources = (Map<String, Object>) container(kind(mocks, "StatefulSet", "rabbitmq")).get("resources");
        assertThat(resources.get("limits")).isEqualTo(Map.of("memory", "1024Mi"));
        var conf = (String) ((Map<String, Object>) kind(mocks, "ConfigMap", "rabbitmq-config").inputs.get("data")).get("rabbitmq.conf");
        assertThat(conf.lines()).contains("vm_memory_high_watermark.absolute = 644245094", "max_message_size = 1048576")
                .noneMatch(l -> l.startsWith("vm_memory_high_watermark.relative"));
        assertThat(RabbitMq.memoryWatermark(2048)).isEqualTo(1288490188L);
    }

    @Test
    void queueImportWaitsForEveryNode() {
        var conf = (String) ((Map<String, Object>) kind(build(b -> b.rabbitmqReplicas(3)), "ConfigMap", "rabbitmq-config").inputs.get("data"))
                .get("rabbitmq.conf");
        assertThat(conf.lines()).contains("cluster_formation.target_cluster_size_hint = 3");
    }

    @Test
    void aQueueNameRabbitMqReservesOrThatLeavesNoRoomForItsDeadLetterQueueIsRefused() {
        assertThat(args().queueName("x".repeat(251)).build().queueName()).hasSize(251);
        for (var name : List.of("amq.events", "x".repeat(252), " ")) {
            assertThatThrownBy(() -> args().queueName(name).build())
                    .hasMessage("PipelineArgs.queueName: \"" + name + "\" is not one: RabbitMQ reserves amq.* and names of more than 255 bytes,"
                            + " and its dead-letter queue <queue>.dlq and exchange <queue>.in need names too; allowed: a RabbitMQ queue name");
        }
    }

    @Test
    void theAdministratorCannotTakeAServiceUsersName() {
        assertThatThrownBy(() -> args().rabbitmqUser("keda").build())
                .hasMessage("PipelineArgs.rabbitmqUser: \"keda\" is the name of a service user; allowed: a RabbitMQ user name other than processor,"
                        + " publisher and keda");
    }

    private static byte[] sha256(byte[] value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(value);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rabbitMqAdmitsTheProcessorKedaAndLabelledPublishersAndNothingElseFromOutside() {
        var mocks = build(b -> b);
        var ingress = (List<Map<String, Object>>) spec(kind(mocks, "NetworkPolicy", "rabbitmq")).get("ingress");
        assertThat(ingress.get(0)).containsEntry("ports", List.of(Map.of("protocol", "TCP", "port", 5671.0)))
                .containsEntry("from", List.of(
                        Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "spark-processor"))),
                        Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "keda")),
                                "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "keda-operator"))),
                        Map.of("namespaceSelector", Map.of(),
                                "podSelector", Map.of("matchLabels", Map.of(DataPipelineComponent.PUBLISHER_LABEL, "true")))));
    }

    @Test
    void labelledPublishersInsideThePipelinesNamespaceMayLeaveDefaultDenyForTheBrokerOnly() {
        var mocks = build(b -> b);
        assertThat(spec(kind(mocks, "NetworkPolicy", "publishers"))).isEqualTo(Map.of(
                "podSelector", Map.of("matchLabels", Map.of(DataPipelineComponent.PUBLISHER_LABEL, "true")),
                "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of(
                        "to", List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "rabbitmq")))),
                        "ports", List.of(Map.of("protocol", "TCP", "port", 5671.0))))));
    }

    /**
     * The API's and the processor's heaps are sized from the memory limits this component sets, by one source: their
     * images' entrypoints ({@code java -XX:MaxRAMPercentage=75 -jar ...}: 75 % of the container's limit). The pods add no
     * JVM options that would compete with it (on the command line, the image's flag would win over
     * {@code JAVA_TOOL_OPTIONS} anyway, silently).
     */
    @Test
    void theApiAndProcessorHeapsAreSizedFromTheirContainersMemoryLimitsByTheirImagesAlone() throws java.io.IOException {
        var mocks = build(b -> b);
        var apps = Map.of("swagger-api", List.of("api", "512Mi"), "spark-processor", List.of("processor", "2Gi"));
        for (var app : apps.entrySet()) {
            var container = container(kind(mocks, "Deployment", app.getKey()));
            assertThat(((Map<String, Object>) container.get("resources")).get("limits")).isEqualTo(Map.of("memory", app.getValue().get(1)));
            assertThat(container).doesNotContainKeys("command", "args");
            assertThat(container.get("env").toString()).doesNotContain("JAVA_TOOL_OPTIONS").doesNotContain("JAVA_OPTIONS");
            var dockerfile = java.nio.file.Path.of("docker", app.getValue().get(0), "Dockerfile");
            assertThat(java.nio.file.Files.readAllLines(dockerfile)).filteredOn(line -> line.startsWith("ENTRYPOINT"))
                    .containsExactly("ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", \"/app/" + app.getValue().get(0) + ".jar\"]");
        }
    }

    @Test
    void theAppsConnectAsTheirOwnUsersWhichTheInitJobCreates() {
        var mocks = build(b -> b);
        var processor = container(kind(mocks, "Deployment", "spark-processor"));
        assertThat(processor.get("env").toString()).contains("key=mongodb-processor-uri").doesNotContain("mongodb-root")
                .contains("name=HTTP_PORT, value=8080").contains("name=RABBITMQ_PORT, value=5671")
                .contains("name=TLS_CA_FILE, value=/etc/pipeline-tls/ca.crt");
        assertThat(processor.get("readinessProbe").toString()).contains("path=/ready").contains("port=8080");
        assertThat(processor.get("livenessProbe").toString()).contains("path=/health");
        var api = container(kind(mocks, "Deployment", "swagger-api"));
        assertThat(api.get("env").toString()).contains("key=mongodb-api-uri").doesNotContain("mongodb-root");
        var init = container(reconcileJob(mocks));
        assertThat(env(init, "USERS")).isEqualTo("[{\"user\":\"processor\",\"roles\":[{\"role\":\"readWrite\",\"db\":\"pipeline\"}],"
                + "\"passwordEnv\":\"PROCESSOR_PASSWORD\"},{\"user\":\"api\",\"roles\":[{\"role\":\"pipelineApi\",\"db\":\"admin\"}],"
                + "\"passwordEnv\":\"API_PASSWORD\"},{\"user\":\"exporter\",\"roles\":[{\"role\":\"clusterMonitor\",\"db\":\"admin\"},"
                + "{\"role\":\"read\",\"db\":\"local\"}],\"passwordEnv\":\"EXPORTER_PASSWORD\"}]");
        // the API's role: read on pipeline, and create the indexes its queries need there, nothing else
        assertThat(env(init, "ROLES")).isEqualTo("[{\"role\":\"pipelineApi\",\"privileges\":[{\"resource\":{\"db\":\"pipeline\","
                + "\"collection\":\"\"},\"actions\":[\"createIndex\"]}],\"roles\":[{\"role\":\"read\",\"db\":\"pipeline\"}]}]");
        assertThat(init.get("env").toString()).contains("name=PROCESSOR_PASSWORD").contains("key=mongodb-processor-password")
                .contains("name=API_PASSWORD").contains("key=mongodb-api-password").contains("name=KEY, valueFrom={secretKeyRef={name=pipeline-secrets, key=mongodb-replica-set-key}}");
        var monitor = spec(kind(mocks, "ServiceMonitor", "spark-processor"));
        assertThat(monitor.get("endpoints").toString()).contains("port=metrics").contains("path=/metrics,");
    }

    @Test
    void kedaOwnsTheProcessorsReplicas() {
        var mocks = build(b -> b.minReplicas(2));
        assertThat(spec(kind(mocks, "Deployment", "spark-processor"))).doesNotContainKey("replicas");
        assertThat(spec(kind(mocks, "ScaledObject", "spark-processor"))).containsEntry("minReplicaCount", 2.0);
    }

    static final AlertDestination ONCALL = AlertDestination.builder().emails(List.of("oncall@example.com"))
            .webhooks(List.of("https://events.example.com/sns")).build();

    /** A pipeline whose alerts reach {@link #ONCALL}, through the cluster's OIDC identity. */
    static PipelineArgs.Builder alerting(PipelineArgs.Builder b) {
        return b.alerts(ONCALL).oidcProviderArn(Output.of("arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"))
                .oidcIssuerUrl(Output.of("https://oidc.eks.us-east-1.amazonaws.com/id/ABC"));
    }

    @Test
    void alertmanagerPublishesToATopicSubscribedToTheStacksAlertDestinationWithAnIrsaRole() {
        var mocks = build(DataPipelineComponentTest::alerting);
        var topic = PlatformMocks.arn("aws:sns/topic:Topic", "pipe-alertmanager-alarms");
        var key = PlatformMocks.arn("aws:kms/key:Key", "pipe-alertmanager-alarms-key");
        assertThat(mocks.named("aws:sns/topicSubscription:TopicSubscription", "pipe-alertmanager-alarm-email-0").inputs)
                .containsEntry("topic", topic).containsEntry("protocol", "email").containsEntry("endpoint", "oncall@example.com");
        assertThat(mocks.named("aws:sns/topicSubscription:TopicSubscription", "pipe-alertmanager-alarm-webhook-0").inputs)
                .containsEntry("protocol", "https").containsEntry("endpoint", "https://events.example.com/sns");
        assertThat((String) mocks.named("aws:iam/role:Role", "pipe-alertmanager-role").inputs.get("assumeRolePolicy")).isEqualTo(
                Irsa.trustPolicy("arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
                        "https://oidc.eks.us-east-1.amazonaws.com/id/ABC", "monitoring", "alertmanager"));
        assertThat(mocks.named("aws:iam/rolePolicy:RolePolicy", "pipe-alertmanager-publish").inputs)
                .containsEntry("role", "pipe-alertmanager-role-id")
                .containsEntry("policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sns:Publish\"],"
                        + "\"Resource\":[\"" + topic + "\"]},{\"Effect\":\"Allow\",\"Action\":[\"kms:GenerateDataKey*\",\"kms:Decrypt\"],"
                        + "\"Resource\":[\"" + key + "\"]}]}");
        var values = (Map<String, Object>) release(mocks, "pipe-monitoring").inputs.get("values");
        var alertmanager = (Map<String, Object>) values.get("alertmanager");
        assertThat(alertmanager.get("serviceAccount")).isEqualTo(Map.of("name", "alertmanager",
                "annotations", Map.of("eks.amazonaws.com/role-arn", PlatformMocks.arn("aws:iam/role:Role", "pipe-alertmanager-role"))));
        assertThat(alertmanager.get("config")).isEqualTo(Map.of(
                "route", Map.of("receiver", "stack-alerts", "group_by", List.of("alertname", "namespace"),
                        "group_wait", "30s", "group_interval", "5m", "repeat_interval", "4h",
                        "routes", List.of(Map.of("receiver", "null", "matchers", List.of("alertname = \"Watchdog\"")))),
                "receivers", List.of(Map.of("name", "null"), Map.of("name", "stack-alerts", "sns_configs", List.of(Map.of(
                        "topic_arn", topic, "sigv4", Map.of("region", "us-east-1"),
                        "subject", "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} in {{ .CommonLabels.namespace }}",
                        "send_resolved", true))))));
        assertThat(release(mocks, "pipe-monitoring").inputs.get("version"))
                .isEqualTo(ChartVersions.forCluster(EksPlatformComponent.DEFAULT_VERSION).orElseThrow().kubePrometheusStack());
    }

    @Test
    void withoutAnAlertDestinationAlertsStayInAlertmanagerAndProductionRefusesThat() {
        var mocks = build(b -> b);
        assertThat((Map<String, Object>) release(mocks, "pipe-monitoring").inputs.get("values")).doesNotContainKey("alertmanager");
        assertThat(mocks.ofType("aws:sns/topic:Topic")).isEmpty();
        assertThat(mocks.ofType("aws:iam/role:Role")).isEmpty();
        assertThatThrownBy(() -> args().production(true).apiHostedZoneId("Z123").apiAllowedCidrs(List.of("203.0.113.0/24")).build())
                .hasMessageContaining("PipelineArgs.alerts: names nobody in production: Alertmanager would notify no one;"
                        + " allowed: an alert destination; not empty in production");
        assertThatThrownBy(() -> args().alerts(ONCALL).build())
                .hasMessageContaining("PipelineArgs.oidcProviderArn: missing: Alertmanager needs the IRSA role to publish to the alert topic")
                .hasMessageContaining("PipelineArgs.oidcIssuerUrl: missing: Alertmanager needs the IRSA role to publish to the alert topic");
    }

    @Test
    void monitoringScrapesNothingEksKeepsOutOfReachAndKeepsItsMetricsOnAVolumeInProduction() {
        var dev = (Map<String, Object>) release(build(b -> b), "pipe-monitoring").inputs.get("values");
        var off = Map.of("enabled", false);
        assertThat(dev).containsEntry("kubeControllerManager", off).containsEntry("kubeScheduler", off)
                .containsEntry("kubeEtcd", off).containsEntry("kubeProxy", off)
                .containsEntry("defaultRules", Map.of("rules", Map.of("etcd", false, "kubeControllerManager", false, "kubeProxy", false,
                        "kubeSchedulerAlerting", false, "kubeSchedulerRecording", false)))
                .containsEntry("prometheus", Map.of("prometheusSpec", Map.of("serviceMonitorSelectorNilUsesHelmValues", false,
                        "ruleSelectorNilUsesHelmValues", false, "retention", "15d")))
                .doesNotContainKey("alertmanager");
        var prod = (Map<String, Object>) release(build(b -> alerting(b.production(true).apiHostedZoneId("Z123").apiAllowedCidrs(List.of("203.0.113.0/24"))
                .storageClass("gp3-encrypted").prometheusStorageGb(100))), "pipe-monitoring").inputs.get("values");
        // their volumes are zonal: on the stateful groups' nodes (one group per zone), never Spot, as RabbitMQ and MongoDB
        var statefulNodes = Map.of("nodeAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution", Map.of("nodeSelectorTerms",
                List.of(Map.of("matchExpressions", List.of(Map.of("key", "eks.amazonaws.com/capacityType", "operator", "NotIn", "values", List.of("SPOT")),
                        Map.of("key", io.containerplatform.components.eks.EksPlatformComponent.STATEFUL_LABEL, "operator", "In",
                                "values", List.of("true"))))))));
        assertThat(prod).containsEntry("kubeEtcd", off).containsEntry("prometheus", Map.of("prometheusSpec", Map.of(
                "serviceMonitorSelectorNilUsesHelmValues", false, "ruleSelectorNilUsesHelmValues", false,
                "retention", "15d", "retentionSize", "80GB", "affinity", statefulNodes,
                "storageSpec", Map.of("volumeClaimTemplate", Map.of("spec", Map.of("storageClassName", "gp3-encrypted",
                        "accessModes", List.of("ReadWriteOnce"), "resources", Map.of("requests", Map.of("storage", "100Gi"))))))));
        var alertmanager = (Map<String, Object>) prod.get("alertmanager");
        assertThat(alertmanager.get("alertmanagerSpec")).isEqualTo(Map.of("affinity", statefulNodes, "storage", Map.of("volumeClaimTemplate",
                Map.of("spec", Map.of("storageClassName", "gp3-encrypted", "accessModes", List.of("ReadWriteOnce"),
                        "resources", Map.of("requests", Map.of("storage", "1Gi")))))));
        assertThat(alertmanager).containsKey("config");
    }

    private static ResourceArgs release(PlatformMocks mocks, String release) {
        return mocks.named("kubernetes:helm.sh/v3:Release", release);
    }

    @Test
    void mongoDbIsAThreeMemberKeyfileReplicaSetSpreadOverNodesWithAMajorityPdbAndAnIdempotentInitiation() {
        var mocks = build(b -> b);
        var set = kind(mocks, "StatefulSet", "mongodb");
        assertThat(spec(set)).containsEntry("replicas", 3.0);
        assertThat(container(set)).containsEntry("image", "mongo:7.0.14")
                .containsEntry("args", List.of("--replSet", "rs0", "--bind_ip_all", "--keyFile", "/keyfile/key", "--tlsMode", "requireTLS",
                        "--tlsCertificateKeyFile", "/etc/pipeline-tls/tls-combined.pem", "--tlsCAFile", "/etc/pipeline-tls/ca.crt",
                        "--tlsAllowConnectionsWithoutCertificates"));
        assertThat(container(set)).doesNotContainKey("env");
        assertThat(spec(kind(mocks, "PodDisruptionBudget", "mongodb"))).containsEntry("minAvailable", 2.0);
        var job = reconcileJob(mocks);
        var reconcile = container(job);
        assertThat(reconcile.get("command")).isEqualTo(List.of("mongosh", "--nodb", "--quiet", "--file", "/scripts/mongodb-reconcile.js"));
        assertThat(env(reconcile, "MEMBERS")).isEqualTo("mongodb-0.mongodb-headless.data-processing.svc.cluster.local:27017,"
                + "mongodb-1.mongodb-headless.data-processing.svc.cluster.local:27017,mongodb-2.mongodb-headless.data-processing.svc.cluster.local:27017");
        assertThat(env(reconcile, "REPLICA_SET")).isEqualTo("rs0");
        assertThat(podSpec(job).get("volumes").toString()).contains("configMap={name=mongodb-reconcile}");
        assertThat(mapInput(kind(mocks, "ConfigMap", "mongodb-reconcile"), "data"))
                .isEqualTo(Map.of("mongodb-reconcile.js", MongoDb.reconcileScript()));
        assertThat(MongoDb.reconcileScript()).contains("replSetInitiate").contains("replSetReconfig").contains("authSource=local");
    }

    @Test
    void statefulPodsAvoidSpotPreferStatefulNodesAndSpreadOverZonesAllStrictlyInProduction() {
        var onDemand = Map.of("requiredDuringSchedulingIgnoredDuringExecution", Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions",
                List.of(Map.of("key", "eks.amazonaws.com/capacityType", "operator", "NotIn", "values", List.of("SPOT")))))),
                "preferredDuringSchedulingIgnoredDuringExecution", List.of(Map.of("weight", 100.0, "preference", Map.of("matchExpressions",
                        List.of(Map.of("key", io.containerplatform.components.eks.EksPlatformComponent.STATEFUL_LABEL, "operator", "In",
                                "values", List.of("true")))))));
        for (var app : List.of("mongodb", "rabbitmq")) {
            var selector = Map.of("matchLabels", Map.of("app.kubernetes.io/name", app));
            var node = Map.of("labelSelector", selector, "topologyKey", "kubernetes.io/hostname");
            var dev = podSpec(kind(build(b -> b), "StatefulSet", app));
            assertThat(dev.get("affinity")).isEqualTo(Map.of("nodeAffinity", onDemand, "podAntiAffinity", Map.of(
                    "preferredDuringSchedulingIgnoredDuringExecution", List.of(Map.of("weight", 100.0, "podAffinityTerm", node)))));
            assertThat(dev.get("topologySpreadConstraints")).isEqualTo(List.of(Map.of("maxSkew", 1.0, "topologyKey", "topology.kubernetes.io/zone",
                    "whenUnsatisfiable", "ScheduleAnyway", "labelSelector", selector)));
            var prod = podSpec(kind(build(b -> alerting(b.production(true))
                    .apiHostedZoneId("Z123").apiAllowedCidrs(List.of("203.0.113.0/24"))), "StatefulSet", app));
            var statefulOnDemand = Map.of("requiredDuringSchedulingIgnoredDuringExecution", Map.of("nodeSelectorTerms", List.of(Map.of(
                    "matchExpressions", List.of(Map.of("key", "eks.amazonaws.com/capacityType", "operator", "NotIn", "values", List.of("SPOT")),
                            Map.of("key", io.containerplatform.components.eks.EksPlatformComponent.STATEFUL_LABEL, "operator", "In",
                                    "values", List.of("true")))))));
            assertThat(prod.get("affinity")).isEqualTo(Map.of("nodeAffinity", statefulOnDemand, "podAntiAffinity", Map.of(
                    "requiredDuringSchedulingIgnoredDuringExecution", List.of(node))));
            assertThat(prod.get("topologySpreadConstraints").toString()).contains("whenUnsatisfiable=DoNotSchedule");
        }
    }

    @Test
    void eachClaimGrowsByAForcedPatchAfterItsStatefulSetWhoseTemplateKeepsItsFirstSize() {
        var mocks = build(b -> b.storageGb(20).rabbitmqReplicas(3).mongodbReplicas(5));
        var patches = mocks.ofType("kubernetes:core/v1:PersistentVolumeClaimPatch");
        assertThat(patches).extracting(r -> r.name).containsExactlyInAnyOrder("pipe-data-rabbitmq-0", "pipe-data-rabbitmq-1",
                "pipe-data-rabbitmq-2", "pipe-data-mongodb-0", "pipe-data-mongodb-1", "pipe-data-mongodb-2", "pipe-data-mongodb-3",
                "pipe-data-mongodb-4");
        for (var patch : patches) {
            assertThat(mapInput(patch, "metadata")).isEqualTo(Map.of("name", patch.name.substring("pipe-".length()),
                    "namespace", "data-processing", "annotations", Map.of("pulumi.com/patchForce", "true")));
            assertThat(mapInput(patch, "spec")).isEqualTo(Map.of("resources", Map.of("requests", Map.of("storage", "20Gi"))));
        }
        for (var app : List.of("mongodb", "rabbitmq")) {
            assertThat(spec(kind(mocks, "StatefulSet", app)).get("volumeClaimTemplates")).isEqualTo(List.of(Map.of(
                    "metadata", Map.of("name", "data"), "spec", Map.of("accessModes", List.of("ReadWriteOnce"),
                            "storageClassName", "gp3-encrypted", "resources", Map.of("requests", Map.of("storage", "20Gi"))))));
        }
        assertThat(Volumes.TEMPLATE_SIZE).isEqualTo("spec.volumeClaimTemplates[0].spec.resources.requests.storage");
    }

    @Test
    void theReconcileJobIsNamedByTheMembersTheKeyTheRootPasswordAndItsScript() {
        var name = (String) mapInput(reconcileJob(build(b -> b)), "metadata").get("name");
        assertThat(name).matches("mongodb-reconcile-[0-9a-f]{10}");
        assertThat(mapInput(reconcileJob(build(b -> b)), "metadata").get("name")).isEqualTo(name);
        var rotatedPassword = mapInput(reconcileJob(build(b -> b.mongodbPassword(Output.ofSecret("new pass")))), "metadata").get("name");
        var rotatedKey = mapInput(reconcileJob(build(b -> b.mongodbReplicaSetKey(Output.ofSecret("newkey")))), "metadata").get("name");
        var fiveMembers = mapInput(reconcileJob(build(b -> b.mongodbReplicas(5))), "metadata").get("name");
        assertThat(List.of(name, rotatedPassword, rotatedKey, fiveMembers)).doesNotHaveDuplicates();
        // the first key rotation step changes the keyfile, not the key the Job signs in with: the members restart, no new run
        var rotating = build(b -> b.mongodbReplicaSetKey(Output.ofSecret("newkey")).mongodbPreviousReplicaSetKey(Output.ofSecret("keyfile")));
        assertThat(mapInput(reconcileJob(rotating), "metadata").get("name")).isEqualTo(rotatedKey);
    }

    @Test
    void aKeyRotationPutsBothKeysInTheKeyfileAndRestartsTheMembersOnEachStep() {
        var before = build(b -> b);
        var during = build(b -> b.mongodbReplicaSetKey(Output.ofSecret("newkey")).mongodbPreviousReplicaSetKey(Output.ofSecret("keyfile")));
        var after = build(b -> b.mongodbReplicaSetKey(Output.ofSecret("newkey")));
        assertThat(((Map<String, Object>) kind(before, "Secret", "pipeline-secrets").inputs.get("stringData"))).containsEntry("mongodb-keyfile", "keyfile\n");
        assertThat(((Map<String, Object>) kind(during, "Secret", "pipeline-secrets").inputs.get("stringData")))
                .containsEntry("mongodb-keyfile", "- 'newkey'\n- 'keyfile'\n").containsEntry("mongodb-replica-set-key", "newkey");
        assertThat(((Map<String, Object>) kind(after, "Secret", "pipeline-secrets").inputs.get("stringData"))).containsEntry("mongodb-keyfile", "newkey\n");
        var hashes = java.util.stream.Stream.of(before, during, after).map(m -> keyfileHash(kind(m, "StatefulSet", "mongodb"))).toList();
        assertThat(hashes).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9A-F]{16}"));
        var init = ((List<Map<String, Object>>) podSpec(kind(before, "StatefulSet", "mongodb")).get("initContainers")).get(0);
        assertThat(init.get("command")).isEqualTo(List.of("sh", "-c", "cp /keyfile-secret/mongodb-keyfile /keyfile/key && chmod 400 /keyfile/key"));
    }

    @Test
    void theProcessorWaitsForAPrimaryAndItsUserBeforeItStarts() throws Exception {
        var processor = podSpec(kind(build(b -> b), "Deployment", "spark-processor"));
        var wait = ((List<Map<String, Object>>) processor.get("initContainers")).get(0);
        assertThat(wait).containsEntry("image", "mongo:7.0.14").containsEntry("volumeMounts", List.of(Map.of("name", "tmp", "mountPath", "/tmp"),
                Map.of("name", "tls", "mountPath", "/etc/pipeline-tls", "readOnly", true)));
        assertThat(wait.get("env").toString()).contains("name=MONGODB_URI, valueFrom={secretKeyRef={name=pipeline-secrets, key=mongodb-processor-uri}}");
        assertThat((List<Object>) processor.get("volumes")).contains(Map.of("name", "tmp", "emptyDir", Map.of()));
        var command = (List<String>) wait.get("command");
        assertThat(command.subList(0, 2)).isEqualTo(List.of("sh", "-c"));
        // the loop itself, with a mongosh that fails twice (no primary yet, no user yet), then answers
        var bin = java.nio.file.Files.createTempDirectory("wait");
        java.nio.file.Files.writeString(bin.resolve("mongosh"), "#!/bin/sh\necho \"$@\" >> \"" + bin + "/calls\"\n"
                + "[ \"$(wc -l < \"" + bin + "/calls\")\" -ge 3 ]\n");
        java.nio.file.Files.writeString(bin.resolve("sleep"), "#!/bin/sh\n");
        bin.resolve("mongosh").toFile().setExecutable(true);
        bin.resolve("sleep").toFile().setExecutable(true);
        var run = new ProcessBuilder(command).redirectErrorStream(true);
        run.environment().put("PATH", bin + ":/usr/bin:/bin");
        run.environment().put("MONGODB_URI", "mongodb://processor:pw@mongodb-0/pipeline?replicaSet=rs0");
        var process = run.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).isZero();
        assertThat(output).isEqualTo("waiting for MongoDB and the processor user\n".repeat(2));
        assertThat(java.nio.file.Files.readAllLines(bin.resolve("calls"))).containsExactly(
                "mongodb://processor:pw@mongodb-0/pipeline?replicaSet=rs0 --tlsCAFile /etc/pipeline-tls/ca.crt --quiet --eval db.runCommand({ping: 1}).ok",
                "mongodb://processor:pw@mongodb-0/pipeline?replicaSet=rs0 --tlsCAFile /etc/pipeline-tls/ca.crt --quiet --eval db.runCommand({ping: 1}).ok",
                "mongodb://processor:pw@mongodb-0/pipeline?replicaSet=rs0 --tlsCAFile /etc/pipeline-tls/ca.crt --quiet --eval db.runCommand({ping: 1}).ok");
    }

    @Test
    void aRotatedMongoDbPasswordRollsTheProcessorsAndTheApiWhoseNewPodsWaitForIt() {
        for (var app : List.of(Processor.APP, Api.APP)) {
            var before = templateAnnotations(build(b -> b), app);
            var brokerUser = app.equals(Processor.APP);
            assertThat(before).describedAs(app).containsOnlyKeys(brokerUser ? List.of(MongoDb.CREDENTIALS_HASH, RabbitMq.CHECKSUM_ANNOTATION)
                    : List.of(MongoDb.CREDENTIALS_HASH));
            assertThat((String) before.get(MongoDb.CREDENTIALS_HASH)).matches("[0-9A-F]{16}");
            assertThat(templateAnnotations(build(b -> b), app)).isEqualTo(before);
            var mongoRotated = templateAnnotations(build(b -> b.mongodbPassword(Output.ofSecret("rotated"))), app);
            assertThat(mongoRotated.get(MongoDb.CREDENTIALS_HASH)).describedAs(app).isNotEqualTo(before.get(MongoDb.CREDENTIALS_HASH));
            // the API does not use RabbitMQ: a broker rotation leaves it alone (the processor's roll: the rotation test above)
            var brokerRotated = templateAnnotations(build(b -> b.rabbitmqPassword(Output.ofSecret("other"))), app);
            assertThat(brokerRotated.get(MongoDb.CREDENTIALS_HASH)).isEqualTo(before.get(MongoDb.CREDENTIALS_HASH));
            assertThat(brokerRotated.equals(before)).describedAs(app).isEqualTo(!brokerUser);
        }
        var api = (Map<String, Object>) ((Map<String, Object>) spec(kind(build(b -> b), "Deployment", Api.APP)).get("template")).get("spec");
        var wait = (Map<String, Object>) ((List<Object>) api.get("initContainers")).get(0);
        assertThat(wait).containsEntry("name", "wait-for-mongodb").containsEntry("command", MongoDb.waitFor(MongoDb.API_USER).get("command"));
        assertThat((List<Object>) wait.get("env")).contains(Map.of("name", "MONGODB_URI", "valueFrom", Map.of("secretKeyRef",
                Map.of("name", DataPipelineComponent.SECRET, "key", MongoDb.uriKey(MongoDb.API_USER)))));
    }

    private static Map<String, Object> templateAnnotations(PlatformMocks mocks, String app) {
        var template = (Map<String, Object>) spec(kind(mocks, "Deployment", app)).get("template");
        return (Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("annotations");
    }

    private static String keyfileHash(ResourceArgs set) {
        var template = (Map<String, Object>) spec(set).get("template");
        return (String) ((Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("annotations")).get(MongoDb.KEYFILE_HASH);
    }

    static ResourceArgs reconcileJob(PlatformMocks mocks) {
        var jobs = mocks.matching(r -> "Job".equals(r.inputs.get("kind")));
        assertThat(jobs).singleElement().extracting(r -> r.name).isEqualTo("pipe-mongodb-rs-initiate");
        return jobs.get(0);
    }

    static String env(Map<String, Object> container, String name) {
        return (String) ((List<Map<String, Object>>) container.get("env")).stream().filter(e -> name.equals(e.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no env " + name)).get("value");
    }

    @Test
    void sparkProcessorScalesWithKedaOnQueueCpuAndMemory() {
        var mocks = build(b -> b.minReplicas(1).maxReplicas(10).messagesPerReplica(10).queueName("data-stream"));
        var processor = container(kind(mocks, "Deployment", "spark-processor"));
        assertThat(processor).containsEntry("image", "registry.example.com/spark-processor:1.2.0");
        assertThat((List<Object>) processor.get("env")).contains(
                Map.of("name", "RABBITMQ_USERNAME", "valueFrom", Map.of("secretKeyRef", Map.of("name", "rabbitmq-processor", "key", "username"))),
                Map.of("name", "RABBITMQ_PASSWORD", "valueFrom", Map.of("secretKeyRef", Map.of("name", "rabbitmq-processor", "key", "password"))));
        assertThat(processor.get("env").toString()).contains("RABBITMQ_HOST").contains("name=MONGODB_URI");
        var scaled = spec(kind(mocks, "ScaledObject", "spark-processor"));
        assertThat(scaled).containsEntry("minReplicaCount", 1.0).containsEntry("maxReplicaCount", 10.0).containsEntry("cooldownPeriod", 60.0)
                .containsEntry("pollingInterval", 15.0);
        assertThat(scaled.get("advanced").toString()).contains("periodSeconds=15").contains("stabilizationWindowSeconds=60");
        var triggers = (List<Map<String, Object>>) scaled.get("triggers");
        assertThat(triggers).extracting(t -> t.get("type")).containsExactly("rabbitmq", "cpu", "memory");
        assertThat(triggers.get(0)).containsEntry("metadata", Map.of("protocol", "amqp", "queueName", "data-stream", "mode", "QueueLength", "value", "10"))
                .containsEntry("authenticationRef", Map.of("name", "rabbitmq-trigger-auth"));
        assertThat(triggers.get(1).get("metadata")).isEqualTo(Map.of("value", "70"));
        assertThat(triggers.get(2).get("metadata")).isEqualTo(Map.of("value", "80"));
        assertThat(spec(kind(mocks, "TriggerAuthentication", "rabbitmq-trigger-auth")).get("secretTargetRef"))
                .isEqualTo(List.of(Map.of("parameter", "host", "name", "rabbitmq-keda", "key", "uri"),
                        Map.of("parameter", "tls", "name", "rabbitmq-keda", "key", "tls"), Map.of("parameter", "ca", "name", "pipeline-ca", "key", "ca.crt")));
        assertThat(stringData(mocks, "rabbitmq-keda")).containsEntry("tls", "enable").hasEntrySatisfying("uri", uri ->
                assertThat((String) uri).startsWith("amqps://keda:").endsWith("@rabbitmq.data-processing.svc.cluster.local:5671/%2F"));
        // the default cluster version, 1.35: KEDA 2.20 (tested on 1.33 to 1.35)
        assertThat(mocks.named("kubernetes:helm.sh/v3:Release", "pipe-keda").inputs).containsEntry("chart", "keda").containsEntry("version", "2.20.2");
    }

    private static Map<String, Object> annotations(ResourceArgs ingress) {
        return (Map<String, Object>) mapInput(ingress, "metadata").get("annotations");
    }

    @Test
    void withAHostedZoneTheApiGetsAnAcmCertificateValidatedByDnsThenAnAliasToItsLoadBalancer() {
        var mocks = build(b -> b.apiHostedZoneId("Z0123456789ABCDEFGHIJ"));
        var certificate = mocks.named("aws:acm/certificate:Certificate", "pipe-api-certificate");
        assertThat(certificate.inputs).containsEntry("domainName", "api.example.com").containsEntry("validationMethod", "DNS");
        assertThat(mocks.named("aws:route53/record:Record", "pipe-api-certificate-validation").inputs)
                .containsEntry("zoneId", "Z0123456789ABCDEFGHIJ").containsEntry("name", "_0a1b2c3d4e5f.api.example.com.")
                .containsEntry("type", "CNAME").containsEntry("records", List.of("_6a7b8c9d0e1f.mock.acm-validations.aws."))
                .containsEntry("ttl", 60.0);
        var issued = mocks.named("aws:acm/certificateValidation:CertificateValidation", "pipe-api-certificate-issued");
        assertThat(issued.inputs).containsEntry("validationRecordFqdns", List.of("_0a1b2c3d4e5f.api.example.com"));
        var ingress = kind(mocks, "Ingress", "swagger-api");
        assertThat(annotations(ingress))
                .containsEntry("alb.ingress.kubernetes.io/certificate-arn", issued.inputs.get("certificateArn"))
                .containsEntry("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]")
                .containsEntry("alb.ingress.kubernetes.io/ssl-redirect", "443")
                .doesNotContainKey("alb.ingress.kubernetes.io/inbound-cidrs");
        assertThat(spec(ingress)).containsEntry("ingressClassName", "alb").doesNotContainKey("tls");
        assertThat(mocks.named("aws:route53/record:Record", "pipe-api-dns").inputs)
                .containsEntry("zoneId", "Z0123456789ABCDEFGHIJ").containsEntry("name", "api.example.com").containsEntry("type", "A")
                .containsEntry("aliases", List.of(Map.of("name", "k8s-pipe-swagger-api-ingress-0a1b2c3d4e-123456789.us-east-1.elb.amazonaws.com",
                        "zoneId", "Z35SXDOTRQ7X7K", "evaluateTargetHealth", true)));
        assertThat(mocks.calls().stream().filter(c -> c.token.equals("aws:lb/getHostedZoneId:getHostedZoneId")).map(c -> (Map<String, Object>) c.args))
                .containsExactly(Map.<String, Object>of("loadBalancerType", "application"));
    }

    @Test
    void aGivenCertificateIsServedAsItIsAndWithoutAZoneNoDnsRecordIsMade() {
        var arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
        var mocks = build(b -> b.apiCertificateArn(arn));
        assertThat(annotations(kind(mocks, "Ingress", "swagger-api"))).containsEntry("alb.ingress.kubernetes.io/certificate-arn", arn);
        assertThat(mocks.matching(r -> r.type.startsWith("aws:acm/") || r.type.startsWith("aws:route53/"))).isEmpty();
    }

    @Test
    void withoutCertificateTheApiServesHttpOnlyAndTheIngressRoutesOnlyTheApisPaths() {
        var mocks = build(b -> b.apiAllowedCidrs(List.of("198.51.100.0/24", "203.0.113.0/24")));
        var ingress = kind(mocks, "Ingress", "swagger-api");
        assertThat(annotations(ingress)).containsEntry("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTP\": 80}]")
                .containsEntry("alb.ingress.kubernetes.io/inbound-cidrs", "198.51.100.0/24,203.0.113.0/24")
                .doesNotContainKeys("alb.ingress.kubernetes.io/certificate-arn", "alb.ingress.kubernetes.io/ssl-redirect");
        var backend = Map.of("service", Map.of("name", "swagger-api", "port", Map.of("number", 8000.0)));
        assertThat(spec(ingress).get("rules")).isEqualTo(List.of(Map.of("host", "api.example.com", "http", Map.of("paths", List.of(
                Map.of("path", "/data", "pathType", "Prefix", "backend", backend),
                Map.of("path", "/aggregates", "pathType", "Exact", "backend", backend),
                Map.of("path", "/openapi.json", "pathType", "Exact", "backend", backend),
                Map.of("path", "/docs", "pathType", "Prefix", "backend", backend))))));
        var api = container(kind(mocks, "Deployment", "swagger-api"));
        assertThat(api.get("readinessProbe").toString()).contains("path=/ready");
        assertThat(spec(kind(mocks, "PodDisruptionBudget", "swagger-api"))).containsEntry("minAvailable", 1.0);
    }

    @Test
    void productionRefusesAnApiOpenToTheInternetOrInPlainHttp() {
        var prod = (UnaryOperator<PipelineArgs.Builder>) b -> alerting(b.production(true));
        assertThatThrownBy(() -> prod.apply(args()).build()).hasMessage(
                "PipelineArgs.apiHostedZoneId: missing in production, and so is apiCertificateArn: the API would serve plain HTTP;"
                        + " allowed: a hosted zone id (Z and up to 31 upper-case letters and digits) whose domain holds apiHost"
                        + " | PipelineArgs.apiAllowedCidrs: empty in production: the API would be open to the whole internet;"
                        + " allowed: IPv4 CIDR blocks; in production at least one, and not 0.0.0.0/0");
        assertThatThrownBy(() -> prod.apply(args()).apiHostedZoneId("Z123").apiAllowedCidrs(List.of("10.0.0.0/8", "0.0.0.0/0")).build())
                .hasMessage("PipelineArgs.apiAllowedCidrs: 0.0.0.0/0 opens the API to the whole internet in production;"
                        + " allowed: IPv4 CIDR blocks; in production at least one, and not 0.0.0.0/0");
        MockStack.run(ctx -> prod.apply(args()).apiHostedZoneId("Z123").apiAllowedCidrs(List.of("203.0.113.0/24")).build());
    }

    @Test
    void everyPodIsHardened() {
        var mocks = build(b -> b);
        for (var workload : mocks.matching(r -> r.inputs.get("kind") != null && List.of("Deployment", "StatefulSet", "Job").contains(r.inputs.get("kind")))) {
            var pod = podSpec(workload);
            assertThat((Map<String, Object>) pod.get("securityContext")).describedAs(workload.name)
                    .containsEntry("runAsNonRoot", true).containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
            for (var c : (List<Map<String, Object>>) pod.get("containers")) {
                assertThat((Map<String, Object>) c.get("securityContext")).describedAs(workload.name)
                        .containsEntry("allowPrivilegeEscalation", false).containsEntry("capabilities", Map.of("drop", List.of("ALL")));
                assertThat((Map<String, Object>) c.get("resources")).describedAs(workload.name).containsKeys("requests", "limits");
            }
        }
        assertThat(((Map<String, Object>) container(kind(mocks, "Deployment", "swagger-api")).get("securityContext")))
                .containsEntry("readOnlyRootFilesystem", true);
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowOnlyThePipelinesFlows() {
        var mocks = build(b -> b);
        assertThat(spec(kind(mocks, "NetworkPolicy", "default-deny"))).containsEntry("podSelector", Map.of())
                .containsEntry("policyTypes", List.of("Ingress", "Egress"));
        assertThat(spec(kind(mocks, "NetworkPolicy", "allow-dns")).toString()).contains("k8s-app=kube-dns").contains("port=53.0");
        var rabbit = spec(kind(mocks, "NetworkPolicy", "rabbitmq")).get("ingress").toString();
        assertThat(rabbit).contains("app.kubernetes.io/name=spark-processor").contains("port=5671.0").doesNotContain("port=5672.0").contains("port=15692.0");
        var mongo = spec(kind(mocks, "NetworkPolicy", "mongodb")).get("ingress").toString();
        assertThat(mongo).contains("spark-processor").contains("swagger-api").contains("port=27017.0");
    }

    @Test
    void theApiAdmitsOnlyTheLoadBalancersSubnetsAndMonitoringNotTheVpcWhosePodsWouldReachMetrics() {
        var mocks = MockStack.run(ctx -> {
            var a = new Subnet("pub-a", SubnetArgs.builder().vpcId("vpc-1").cidrBlock("10.0.0.0/20").build());
            var b = new Subnet("pub-b", SubnetArgs.builder().vpcId("vpc-1").cidrBlock("10.0.16.0/20").build());
            var placement = Placement.builder().vpcId(Output.of("vpc-1")).vpcCidr(Output.of("10.0.0.0/16"))
                    .publicSubnetIds(Output.all(a.id(), b.id())).privateSubnetIds(Output.of(List.of("priv-a", "priv-b"))).build();
            var provider = new Provider("k8s", ProviderArgs.builder().kubeconfig("{}").build());
            new DataPipelineComponent("pipe", args().placement(placement).build(), ComponentResourceOptions.builder().providers(provider).build());
        });
        var port = List.of(Map.of("protocol", "TCP", "port", 8000.0));
        assertThat(spec(kind(mocks, "NetworkPolicy", "swagger-api")).get("ingress")).isEqualTo(List.of(
                Map.of("from", List.of(Map.of("ipBlock", Map.of("cidr", "10.0.0.0/20")), Map.of("ipBlock", Map.of("cidr", "10.0.16.0/20"))),
                        "ports", port),
                Map.of("from", List.of(Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring")))),
                        "ports", port)));
    }

    @Test
    void monitoringScrapesTheComponentsAndAlertsOnBacklogRestartsAndUnavailableReplicas() {
        var mocks = build(b -> b);
        var stack = mocks.named("kubernetes:helm.sh/v3:Release", "pipe-monitoring");
        assertThat(stack.inputs).containsEntry("chart", "kube-prometheus-stack").containsEntry("namespace", "monitoring");
        assertThat(stack.inputs.get("values").toString()).contains("existingSecret=grafana-admin");
        assertThat(mocks.matching(r -> "ServiceMonitor".equals(r.inputs.get("kind")))).extracting(r -> mapInput(r, "metadata").get("name"))
                .containsExactlyInAnyOrder("rabbitmq", "swagger-api", "spark-processor", "mongodb", "keda-operator");
        assertThat(spec(kind(mocks, "ServiceMonitor", "rabbitmq")).get("endpoints").toString())
                .contains("path=/metrics/detailed").contains("family=[queue_coarse_metrics]");
        assertThat(spec(kind(mocks, "ServiceMonitor", "mongodb")).get("endpoints").toString()).contains("port=metrics");
        var rules = spec(kind(mocks, "PrometheusRule", "data-pipeline-alerts")).toString();
        assertThat(rules).contains("RabbitMQQueueBacklog").contains("sum by (queue) (rabbitmq_detailed_queue_messages_ready)")
                .contains("PipelinePodRestarting").contains("kube_pod_container_status_restarts_total")
                .contains("PipelineDeploymentReplicasUnavailable").contains("kube_deployment_status_replicas_unavailable");
    }

    @Test
    void kedasOperatorIsScraped() {
        var mocks = build(b -> b);
        var keda = mocks.named("kubernetes:helm.sh/v3:Release", "pipe-keda");
        assertThat(keda.inputs.get("values")).isEqualTo(Map.of("prometheus", Map.of("operator", Map.of("enabled", true))));
        var monitor = kind(mocks, "ServiceMonitor", "keda-operator");
        assertThat(mapInput(monitor, "metadata")).containsEntry("namespace", "keda");
        assertThat(spec(monitor).toString()).contains("matchLabels={app.kubernetes.io/name=keda-operator}").contains("port=metrics");
    }

    @Test
    void eachMongodbMemberHasAnExporterSidecarWithItsOwnMonitoringUser() {
        var mocks = build(b -> b);
        var set = kind(mocks, "StatefulSet", "mongodb");
        var exporter = ((List<Map<String, Object>>) podSpec(set).get("containers")).get(1);
        assertThat(exporter).containsEntry("image", MongoDb.EXPORTER_IMAGE);
        var template = (Map<String, Object>) spec(set).get("template");
        assertThat((Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("annotations"))
                .containsEntry("kubectl.kubernetes.io/default-container", "mongodb");
        assertThat(exporter.get("env").toString()).contains("key=mongodb-exporter-uri");
        assertThat(MongoDb.uri(MongoDb.EXPORTER_USER, "pw", "data", 3)).isEqualTo("mongodb://exporter:pw@127.0.0.1:27017/admin?directConnection=true&tls=true&tlsCAFile=/etc/pipeline-tls/ca.crt");
        assertThat(MongoDb.uri(MongoDb.API_USER, "pw", "data", 1))
                .isEqualTo("mongodb://api:pw@mongodb-0.mongodb-headless.data.svc.cluster.local:27017/pipeline?replicaSet=rs0&authSource=admin&tls=true");
        assertThat(MongoDb.APP_USERS.get(MongoDb.EXPORTER_USER)).isEqualTo(List.of(Map.of("role", "clusterMonitor", "db", "admin"),
                Map.of("role", "read", "db", "local")));
        assertThat(spec(kind(mocks, "NetworkPolicy", "mongodb")).get("ingress").toString())
                .contains("kubernetes.io/metadata.name=monitoring").contains("port=9216.0");
    }

    @Test
    void grafanaLoadsThePipelineAndClusterDashboardsFromLabelledConfigMaps() {
        var mocks = build(b -> b);
        var grafana = (Map<String, Object>) mapInput(mocks.named("kubernetes:helm.sh/v3:Release", "pipe-monitoring"), "values").get("grafana");
        assertThat(grafana.get("sidecar")).isEqualTo(Map.of("dashboards",
                Map.of("enabled", true, "label", "grafana_dashboard", "labelValue", "1", "searchNamespace", "monitoring")));
        for (var uid : List.of("data-pipeline", "eks-cluster")) {
            var map = kind(mocks, "ConfigMap", "grafana-dashboard-" + uid);
            assertThat(mapInput(map, "metadata")).containsEntry("namespace", "monitoring")
                    .containsEntry("labels", Map.of("grafana_dashboard", "1", "app.kubernetes.io/part-of", "data-pipeline"));
            assertThat(mapInput(map, "data")).containsKey(uid + ".json");
        }
    }

    /** kubectl is supported within one minor of the API server: the guard runs the cluster minor's, for every version allowed. */
    @Test
    void theGuardsKubectlIsTheClustersMinorForEveryClusterVersion() {
        var versions = io.containerplatform.components.args.Inputs.named(PipelineArgs.class, "kubernetesVersion").spec().oneOf();
        assertThat(versions).isNotEmpty();
        for (var version : versions) {
            var mocks = build(b -> b.kubernetesVersion(version));
            var containers = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    spec(kind(mocks, "CronJob", "rollout-guard")).get("jobTemplate")).get("spec")).get("template")).get("spec")).get("containers");
            assertThat((String) containers.get(0).get("image")).describedAs("kubectl of a %s cluster", version)
                    .isEqualTo(ChartVersions.forCluster(version).orElseThrow().kubectlImage()).startsWith("alpine/k8s:" + version + ".");
        }
    }

    @Test
    void aFailedRolloutOfAPipelineDeploymentIsRolledBackByTheGuard() {
        var mocks = build(b -> b);
        for (var name : List.of("spark-processor", "swagger-api")) {
            assertThat(spec(kind(mocks, "Deployment", name))).containsEntry("progressDeadlineSeconds", 300.0)
                    .containsEntry("strategy", Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("maxUnavailable", 0.0, "maxSurge", 1.0)));
        }
        var guard = spec(kind(mocks, "CronJob", "rollout-guard"));
        assertThat(guard).containsEntry("schedule", "* * * * *").containsEntry("concurrencyPolicy", "Forbid");
        assertThat(guard.toString()).contains("serviceAccountName=rollout-guard").contains("image=alpine/k8s:1.35.0");
        assertThat(kind(mocks, "Role", "rollout-guard").inputs.get("rules").toString()).contains("verbs=[get, list, patch]")
                .doesNotContain("delete").doesNotContain("secrets");
        assertThat(spec(kind(mocks, "NetworkPolicy", "rollout-guard")).get("egress").toString()).isEqualTo("[{ports=[{protocol=TCP, port=443.0}]}]");
    }

    @Test
    void productionRetainsVolumes() {
        var dev = spec(kind(build(b -> b), "StatefulSet", "mongodb"));
        assertThat(dev.get("persistentVolumeClaimRetentionPolicy")).isEqualTo(Map.of("whenDeleted", "Delete", "whenScaled", "Retain"));
        var prod = spec(kind(build(b -> alerting(b.production(true))
                .apiHostedZoneId("Z123").apiAllowedCidrs(List.of("203.0.113.0/24"))), "StatefulSet", "mongodb"));
        assertThat(prod.get("persistentVolumeClaimRetentionPolicy")).isEqualTo(Map.of("whenDeleted", "Retain", "whenScaled", "Retain"));
    }

    @Test
    void everyObjectUsesTheClusterProvider() {
        var mocks = build(b -> b);
        for (var r : mocks.matching(r -> r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:"))) {
            assertThat(r.provider).describedAs(r.type + " " + r.name).contains("pulumi:providers:kubernetes::k8s");
        }
    }

    @Test
    void withoutAKubernetesProviderNothingIsRegistered() {
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var mocks = MockStack.run(ctx -> {
            try {
                new DataPipelineComponent("pipe", args().build(), ComponentResourceOptions.Empty);
            } catch (IllegalArgumentException e) {
                failure.set(e);
            }
        });
        assertThat(failure.get()).hasMessageStartingWith("DataPipelineComponent: no Kubernetes provider;")
                .hasMessageContaining("providers(eks.provider())");
        assertThat(mocks.matching(r -> r.type.startsWith("kubernetes:") || r.type.equals(DataPipelineComponent.TYPE))).isEmpty();
    }

    @Test
    void invalidArgsListEveryProblem() {
        assertThatThrownBy(() -> PipelineArgs.builder().mongodbReplicas(2).sparkImage("spark:latest").apiImage("api:1")
                .apiHost("API!").apiHostedZoneId("z-1").apiCertificateArn("arn:aws:iam::1:role/x").apiAllowedCidrs(List.of("10.0.0.1/8"))
                .minReplicas(5).maxReplicas(2).build())
                .hasMessage("PipelineArgs.placement: missing"
                        + " | PipelineArgs.sparkImage: \"spark:latest\" uses the latest tag; pin a version tag or a digest so rollbacks are possible;"
                        + " allowed: an image pinned to a version tag or digest (not latest), or :<tag> of the stack's processor repository"
                        + " | PipelineArgs.apiCertificateArn: \"arn:aws:iam::1:role/x\" is not an ACM certificate ARN;"
                        + " allowed: an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)"
                        + " | PipelineArgs.apiAllowedCidrs: \"10.0.0.1/8\" is not a valid IPv4 CIDR block;"
                        + " allowed: IPv4 CIDR blocks; in production at least one, and not 0.0.0.0/0"
                        + " | PipelineArgs.rabbitmqPassword: missing | PipelineArgs.rabbitmqErlangCookie: missing | PipelineArgs.mongodbPassword: missing"
                        + " | PipelineArgs.mongodbReplicaSetKey: missing | PipelineArgs.grafanaAdminPassword: missing"
                        + " | PipelineArgs.mongodbReplicas: 2 is even (a replica set needs a majority); allowed: an odd number: 1, 3, 5, 7 (at least 3 in prod)"
                        + " | PipelineArgs.apiHost: \"API!\" is not a host name; allowed: a DNS host name such as api.example.com (at most 64 characters when the platform requests its certificate)"
                        + " | PipelineArgs.apiHostedZoneId: \"z-1\" is not a Route 53 hosted zone id; allowed: a hosted zone id (Z and up to 31"
                        + " upper-case letters and digits) whose domain holds apiHost"
                        + " | PipelineArgs.maxReplicas: 2 is below minReplicas 5; allowed: 1 to 100, at least minReplicas");
    }

    @Test
    void settingTheBuilderAgainAfterBuildLeavesTheBuiltArgsAlone() {
        MockStack.run(ctx -> {
            var builder = args();
            var built = builder.build();
            builder.namespace("other").mongodbReplicas(-5).apiHost("changed.example.com");
            assertThat(built.namespace()).isEqualTo("data-processing");
            assertThat(built.mongodbReplicas()).isEqualTo(3);
            assertThat(built.apiHost()).isEqualTo("api.example.com");
        });
    }
}
