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
                .rabbitmqPassword(Output.ofSecret("rabbit-pass")).mongodbPassword(Output.ofSecret("mongo p@ss"))
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
        assertThat(data).containsEntry("rabbitmq-password", "rabbit-pass").containsEntry("mongodb-root-password", "mongo p@ss")
                .containsEntry("mongodb-replica-set-key", "keyfile").containsEntry("rabbitmq-user", "pipeline")
                .containsEntry("rabbitmq-uri", "amqp://pipeline:rabbit-pass@rabbitmq.data-processing.svc.cluster.local:5672/")
                .doesNotContainKey("mongodb-uri");
        var hosts = "mongodb-0.mongodb-headless.data-processing.svc.cluster.local:27017,"
                + "mongodb-1.mongodb-headless.data-processing.svc.cluster.local:27017,mongodb-2.mongodb-headless.data-processing.svc.cluster.local:27017";
        for (var user : List.of("processor", "api")) {
            var password = (String) data.get("mongodb-" + user + "-password");
            assertThat(password).hasSize(64).doesNotContain("mongo p@ss");
            assertThat(data).containsEntry("mongodb-" + user + "-uri",
                    "mongodb://" + user + ":" + password + "@" + hosts + "/pipeline?replicaSet=rs0&authSource=admin");
        }
        assertThat(data.get("mongodb-processor-password")).isNotEqualTo(data.get("mongodb-api-password"));
        assertThat((String) data.get("rabbitmq-erlang-cookie")).hasSize(64);
        assertThat(kind(mocks, "Secret", "grafana-admin").inputs.get("stringData")).isEqualTo(Map.of("admin-user", "admin", "admin-password", "grafana-pass"));
        for (var r : mocks.matching(r -> r.type.startsWith("kubernetes:") && !"Secret".equals(r.inputs.get("kind")))) {
            assertThat(String.valueOf(r.inputs)).describedAs(r.name).doesNotContain("rabbit-pass").doesNotContain("mongo p@ss");
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
                .containsExactly(5672.0, 15672.0, 15692.0);
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

    @Test
    void rabbitMqAdmitsTheProcessorKedaAndLabelledPublishersAndNothingElseFromOutside() {
        var mocks = build(b -> b);
        var ingress = (List<Map<String, Object>>) spec(kind(mocks, "NetworkPolicy", "rabbitmq")).get("ingress");
        assertThat(ingress.get(0)).containsEntry("ports", List.of(Map.of("protocol", "TCP", "port", 5672.0)))
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
                        "ports", List.of(Map.of("protocol", "TCP", "port", 5672.0))))));
    }

    @Test
    void theAppsConnectAsTheirOwnUsersWhichTheInitJobCreates() {
        var mocks = build(b -> b);
        var processor = container(kind(mocks, "Deployment", "spark-processor"));
        assertThat(processor.get("env").toString()).contains("key=mongodb-processor-uri").doesNotContain("mongodb-root")
                .contains("name=HTTP_PORT, value=8080").contains("name=RABBITMQ_PORT, value=5672");
        assertThat(processor.get("readinessProbe").toString()).contains("path=/ready").contains("port=8080");
        assertThat(processor.get("livenessProbe").toString()).contains("path=/health");
        var api = container(kind(mocks, "Deployment", "swagger-api"));
        assertThat(api.get("env").toString()).contains("key=mongodb-api-uri").doesNotContain("mongodb-root");
        var init = container(kind(mocks, "Job", "mongodb-rs-initiate"));
        var script = ((List<String>) init.get("command")).get(2);
        assertThat(script).contains("admin.createUser(Object.assign({user: 'processor'}, spec))")
                .contains("roles: [{role: 'readWrite', db: 'pipeline'}]").contains("roles: [{role: 'read', db: 'pipeline'}]")
                .contains("admin.updateUser('api', spec)")
                .contains("/admin?replicaSet=rs0\" -u \"$ROOT_USER\"").doesNotContain("$ROOT_PASSWORD@");
        assertThat(init.get("env").toString()).contains("name=PROCESSOR_PASSWORD").contains("key=mongodb-processor-password")
                .contains("name=API_PASSWORD").contains("key=mongodb-api-password");
        var monitor = spec(kind(mocks, "ServiceMonitor", "spark-processor"));
        assertThat(monitor.get("endpoints").toString()).contains("port=metrics").contains("path=/metrics,");
    }

    @Test
    void kedaOwnsTheProcessorsReplicas() {
        var mocks = build(b -> b.minReplicas(2));
        assertThat(spec(kind(mocks, "Deployment", "spark-processor"))).doesNotContainKey("replicas");
        assertThat(spec(kind(mocks, "ScaledObject", "spark-processor"))).containsEntry("minReplicaCount", 2.0);
    }

    @Test
    void alertmanagerSendsAlertsToTheWebhookWhenOneIsGiven() {
        var without = release(build(b -> b), "pipe-monitoring");
        assertThat((Map<String, Object>) without.inputs.get("values")).doesNotContainKey("alertmanager");
        var with = release(build(b -> b.alertWebhookUrl(Output.of("https://alerts.example.com/hook"))), "pipe-monitoring");
        var config = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) with.inputs.get("values")).get("alertmanager")).get("config");
        assertThat(config.get("route").toString()).contains("receiver=pipeline-webhook");
        assertThat(config.get("receivers").toString()).contains("url=https://alerts.example.com/hook").contains("send_resolved=true");
        assertThat(with.inputs.get("version")).isEqualTo(ChartVersions.forCluster(EksPlatformComponent.DEFAULT_VERSION).orElseThrow().kubePrometheusStack());
        assertThatThrownBy(() -> args().production(true).apiHostedZoneId("Z123").apiAllowedCidrs(List.of("203.0.113.0/24")).build())
                .hasMessageContaining("PipelineArgs.alertWebhookUrl: missing in production: alerts must reach someone");
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
                .containsEntry("args", List.of("--replSet", "rs0", "--bind_ip_all", "--keyFile", "/keyfile/key"));
        assertThat(podSpec(set).get("affinity").toString()).contains("topologyKey=kubernetes.io/hostname")
                .contains("topologyKey=topology.kubernetes.io/zone");
        assertThat(spec(kind(mocks, "PodDisruptionBudget", "mongodb"))).containsEntry("minAvailable", 2.0);
        var job = container(kind(mocks, "Job", "mongodb-rs-initiate"));
        assertThat(((List<String>) job.get("command")).get(2)).contains("try { rs.status().ok } catch (e) { rs.initiate({_id: 'rs0'")
                .contains("mongodb-2.mongodb-headless.data-processing.svc.cluster.local:27017");
    }

    @Test
    void sparkProcessorScalesWithKedaOnQueueCpuAndMemory() {
        var mocks = build(b -> b.minReplicas(1).maxReplicas(10).messagesPerReplica(10).queueName("data-stream"));
        var processor = container(kind(mocks, "Deployment", "spark-processor"));
        assertThat(processor).containsEntry("image", "registry.example.com/spark-processor:1.2.0");
        assertThat(processor.get("env").toString()).contains("RABBITMQ_HOST").contains("name=RABBITMQ_USERNAME").contains("name=RABBITMQ_PASSWORD")
                .contains("name=MONGODB_URI").contains("secretKeyRef");
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
                .isEqualTo(List.of(Map.of("parameter", "host", "name", "pipeline-secrets", "key", "rabbitmq-uri")));
        assertThat(mocks.named("kubernetes:helm.sh/v3:Release", "pipe-keda").inputs).containsEntry("chart", "keda").containsEntry("version", "2.19.0");
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
        var prod = (UnaryOperator<PipelineArgs.Builder>) b -> b.production(true).alertWebhookUrl(Output.of("https://alerts.example.com/hook"));
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
        assertThat(rabbit).contains("app.kubernetes.io/name=spark-processor").contains("port=5672.0").contains("port=15692.0");
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
        assertThat(((Map<String, Object>) template.get("metadata")).get("annotations"))
                .isEqualTo(Map.of("kubectl.kubernetes.io/default-container", "mongodb"));
        assertThat(exporter.get("env").toString()).contains("key=mongodb-exporter-uri");
        assertThat(MongoDb.uri(MongoDb.EXPORTER_USER, "pw", "data", 3)).isEqualTo("mongodb://exporter:pw@127.0.0.1:27017/admin?directConnection=true");
        assertThat(MongoDb.uri(MongoDb.API_USER, "pw", "data", 1))
                .isEqualTo("mongodb://api:pw@mongodb-0.mongodb-headless.data.svc.cluster.local:27017/pipeline?replicaSet=rs0&authSource=admin");
        var init = ((List<String>) container(kind(mocks, "Job", "mongodb-rs-initiate")).get("command")).get(2);
        assertThat(init).contains("roles: [{role: 'clusterMonitor', db: 'admin'}, {role: 'read', db: 'local'}]");
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

    @Test
    void aFailedRolloutOfAPipelineDeploymentIsRolledBackByTheGuard() {
        var mocks = build(b -> b);
        for (var name : List.of("spark-processor", "swagger-api")) {
            assertThat(spec(kind(mocks, "Deployment", name))).containsEntry("progressDeadlineSeconds", 300.0)
                    .containsEntry("strategy", Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("maxUnavailable", 0.0, "maxSurge", 1.0)));
        }
        var guard = spec(kind(mocks, "CronJob", "rollout-guard"));
        assertThat(guard).containsEntry("schedule", "* * * * *").containsEntry("concurrencyPolicy", "Forbid");
        assertThat(guard.toString()).contains("serviceAccountName=rollout-guard").contains("image=alpine/k8s:1.33.4");
        assertThat(kind(mocks, "Role", "rollout-guard").inputs.get("rules").toString()).contains("verbs=[get, list, patch]")
                .doesNotContain("delete").doesNotContain("secrets");
        assertThat(spec(kind(mocks, "NetworkPolicy", "rollout-guard")).get("egress").toString()).isEqualTo("[{ports=[{protocol=TCP, port=443.0}]}]");
    }

    @Test
    void productionRetainsVolumes() {
        var dev = spec(kind(build(b -> b), "StatefulSet", "mongodb"));
        assertThat(dev.get("persistentVolumeClaimRetentionPolicy")).isEqualTo(Map.of("whenDeleted", "Delete", "whenScaled", "Retain"));
        var prod = spec(kind(build(b -> b.production(true).alertWebhookUrl(Output.of("https://alerts.example.com/hook"))
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
                        + " | PipelineArgs.rabbitmqPassword: missing | PipelineArgs.mongodbPassword: missing"
                        + " | PipelineArgs.mongodbReplicaSetKey: missing | PipelineArgs.grafanaAdminPassword: missing"
                        + " | PipelineArgs.mongodbReplicas: 2 is even (a replica set needs a majority); allowed: an odd number: 1, 3, 5, 7 (at least 3 in prod)"
                        + " | PipelineArgs.apiHost: \"API!\" is not a host name; allowed: a DNS host name such as api.example.com"
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
