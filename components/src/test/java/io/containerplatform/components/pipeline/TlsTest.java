package io.containerplatform.components.pipeline;

import io.containerplatform.components.eks.ChartVersions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.pipeline.DataPipelineComponentTest.build;
import static io.containerplatform.components.pipeline.DataPipelineComponentTest.container;
import static io.containerplatform.components.pipeline.DataPipelineComponentTest.kind;
import static io.containerplatform.components.pipeline.DataPipelineComponentTest.podSpec;
import static io.containerplatform.components.pipeline.DataPipelineComponentTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS inside the pipeline: cert-manager installed, the CA chain, server certificates naming every host name clients
 * use, the broker serving AMQP over TLS only, MongoDB requiring TLS, and the reload sidecars.
 */
@SuppressWarnings("unchecked")
class TlsTest {

    @Test
    void certManagerIsInstalledWithItsCrdsAtTheTablesVersionSizedForTheEnvironment() {
        for (var production : List.of(false, true)) {
            var mocks = build(b -> production ? DataPipelineComponentTest.alerting(b.production(true).apiHostedZoneId("Z123")
                    .apiAllowedCidrs(List.of("203.0.113.0/24")).storageClass("gp3-encrypted").prometheusStorageGb(100)) : b);
            var release = mocks.named("kubernetes:helm.sh/v3:Release", "pipe-cert-manager").inputs;
            assertThat(release).containsEntry("chart", "cert-manager").containsEntry("namespace", "cert-manager")
                    .containsEntry("version", ChartVersions.forCluster("1.35").orElseThrow().certManager());
            var values = (Map<String, Object>) release.get("values");
            assertThat(values.get("crds")).isEqualTo(Map.of("enabled", true, "keep", true));
            assertThat(values).containsEntry("replicaCount", production ? 2.0 : 1.0).containsKey("resources");
            assertThat((Map<String, Object>) values.get("webhook")).containsEntry("replicaCount", production ? 2.0 : 1.0).containsKey("resources");
        }
        assertThat(ChartVersions.BY_CLUSTER_VERSION.values()).allSatisfy(row -> assertThat(row.certManager()).isEqualTo("v1.19.3"));
    }

    @Test
    void aSelfSignedIssuerSignsTheCaWhoseIssuerSignsTheServers() {
        var mocks = build(b -> b);
        assertThat(spec(kind(mocks, "Issuer", "pipeline-bootstrap"))).isEqualTo(Map.of("selfSigned", Map.of()));
        var ca = spec(kind(mocks, "Certificate", "pipeline-ca"));
        assertThat(ca).containsEntry("isCA", true).containsEntry("secretName", "pipeline-ca").containsEntry("duration", "43800h")
                .containsEntry("renewBefore", "8760h");
        assertThat(ca.get("issuerRef").toString()).contains("name=pipeline-bootstrap");
        assertThat(ca.get("privateKey").toString()).contains("rotationPolicy=Never");
        assertThat(spec(kind(mocks, "Issuer", "pipeline-ca"))).isEqualTo(Map.of("ca", Map.of("secretName", "pipeline-ca")));
        for (var server : List.of("rabbitmq-tls", "mongodb-tls")) {
            var certificate = spec(kind(mocks, "Certificate", server));
            assertThat(certificate).containsEntry("duration", "2160h").containsEntry("renewBefore", "720h").containsEntry("secretName", server);
            assertThat(certificate.get("issuerRef").toString()).contains("name=pipeline-ca");
        }
    }

    /** cert-manager refuses a common name over 64 characters: the longest namespace (63) still gets certificates. */
    @Test
    void noCommonNamePassesSixtyFourCharactersWhateverTheNamespace() {
        var longest = "n".repeat(63);
        var mocks = build(b -> b.namespace(longest));
        assertThat(spec(kind(mocks, "Certificate", "pipeline-ca"))).containsEntry("commonName", "data-pipeline CA");
        assertThat(spec(kind(build(b -> b.namespace("stream")), "Certificate", "pipeline-ca"))).containsEntry("commonName", "data-pipeline CA (stream)");
        for (var server : List.of("rabbitmq-tls", "mongodb-tls")) {
            assertThat(spec(kind(mocks, "Certificate", server))).doesNotContainKey("commonName");
        }
    }

    @Test
    void theBrokersCertificateNamesItsServiceAndEveryNode() {
        var mocks = build(b -> b.rabbitmqReplicas(3).namespace("stream"));
        assertThat((List<String>) spec(kind(mocks, "Certificate", "rabbitmq-tls")).get("dnsNames")).containsExactly(
                "rabbitmq.stream.svc.cluster.local", "rabbitmq.stream.svc", "rabbitmq.stream", "rabbitmq",
                "rabbitmq-0.rabbitmq-headless.stream.svc.cluster.local", "rabbitmq-1.rabbitmq-headless.stream.svc.cluster.local",
                "rabbitmq-2.rabbitmq-headless.stream.svc.cluster.local");
    }

    @Test
    void mongoDbsCertificateNamesEveryMemberItsConnectionStringsUse() {
        var mocks = build(b -> b.mongodbReplicas(3).namespace("stream"));
        var certificate = spec(kind(mocks, "Certificate", "mongodb-tls"));
        var names = (List<String>) certificate.get("dnsNames");
        for (var member : MongoDb.members("stream", 3)) {
            assertThat(names).contains(member.substring(0, member.indexOf(':')));
        }
        assertThat(names).contains("localhost");
        assertThat(certificate).containsEntry("ipAddresses", List.of("127.0.0.1"))
                .containsEntry("additionalOutputFormats", List.of(Map.of("type", "CombinedPEM")));
        assertThat((List<String>) certificate.get("usages")).contains("server auth", "client auth");
    }

    @Test
    void theBrokerListensForAmqpOverTlsOnlyAndReloadsARenewedCertificate() {
        var mocks = build(b -> b);
        var conf = (String) ((Map<String, Object>) kind(mocks, "ConfigMap", "rabbitmq-config").inputs.get("data")).get("rabbitmq.conf");
        assertThat(conf.lines()).contains("listeners.tcp = none", "listeners.ssl.default = 5671",
                "ssl_options.certfile = /etc/pipeline-tls/tls.crt", "ssl_options.keyfile = /etc/pipeline-tls/tls.key",
                "ssl_options.cacertfile = /etc/pipeline-tls/ca.crt");
        var set = kind(mocks, "StatefulSet", "rabbitmq");
        assertThat(container(set).get("ports").toString()).contains("containerPort=5671.0").doesNotContain("containerPort=5672.0");
        var reloader = ((List<Map<String, Object>>) podSpec(set).get("containers")).get(1);
        assertThat(reloader).containsEntry("name", "tls-reload");
        assertThat(reloader.get("command").toString()).contains("rabbitmqctl -q eval 'ssl:clear_pem_cache().'");
        assertThat(podSpec(set).get("volumes").toString()).contains("secretName=rabbitmq-tls");
    }

    @Test
    void mongoDbRequiresTlsItsProbesUseItAndARenewedCertificateIsRotatedIn() {
        var mocks = build(b -> b);
        var set = kind(mocks, "StatefulSet", "mongodb");
        var mongod = container(set);
        assertThat((List<String>) mongod.get("args")).containsSubsequence("--tlsMode", "requireTLS");
        assertThat(mongod.get("readinessProbe").toString()).contains("--tls").contains("--tlsCAFile");
        var containers = (List<Map<String, Object>>) podSpec(set).get("containers");
        assertThat(containers).extracting(c -> c.get("name")).containsExactly("mongodb", "exporter", "tls-reload");
        assertThat(containers.get(2).get("command").toString()).contains("rotateCertificates: 1");
        // the exporter, a client, mounts the CA's certificate, not the member's key
        assertThat(containers.get(1).get("volumeMounts")).isEqualTo(List.of(Map.of("name", "tls-ca", "mountPath", "/etc/pipeline-tls", "readOnly", true)));
        assertThat(podSpec(set).get("volumes").toString()).contains("name=tls-ca, secret={secretName=pipeline-ca");
    }

    @Test
    void theAppsMountTheCaCertificateOnlyNeverItsKey() {
        var mocks = build(b -> b);
        for (var app : List.of(Processor.APP, Api.APP)) {
            var pod = podSpec(kind(mocks, "Deployment", app));
            assertThat((List<Object>) pod.get("volumes")).contains(Map.of("name", "tls", "secret", Map.of("secretName", "pipeline-ca",
                    "defaultMode", 292.0, "items", List.of(Map.of("key", "ca.crt", "path", "ca.crt")))));
            assertThat(container(kind(mocks, "Deployment", app)).get("env").toString()).contains("name=TLS_CA_FILE, value=/etc/pipeline-tls/ca.crt");
        }
    }

    /**
     * The reloader's own script, with a {@code sleep} that counts its calls: the certificate changes during the second,
     * the fourth stops the script. The reload runs once, after the change, and not at the checks where nothing changed.
     */
    @Test
    void theReloaderRunsItsCommandOnceWhenTheCertificateFilesChange() throws Exception {
        var dir = java.nio.file.Files.createTempDirectory("tls-reload");
        var tls = java.nio.file.Files.createDirectories(dir.resolve("tls"));
        var bin = java.nio.file.Files.createDirectories(dir.resolve("bin"));
        java.nio.file.Files.writeString(tls.resolve("tls.crt"), "one");
        java.nio.file.Files.writeString(bin.resolve("sleep"), String.join("\n", "#!/bin/sh",
                "n=$(( $(cat " + dir + "/count 2>/dev/null || echo 0) + 1 )); echo $n > " + dir + "/count",
                "[ $n = 2 ] && echo two > " + tls + "/tls.crt",
                "[ $n = 4 ] && kill $PPID",
                "exit 0", ""));
        bin.resolve("sleep").toFile().setExecutable(true);
        var command = (List<String>) Tls.reloader("img", "echo reloaded >> " + dir.resolve("log"), List.of(), List.of(), true).get("command");
        var run = new ProcessBuilder(command.get(0), command.get(1), command.get(2).replace(Tls.DIR, tls.toString())).redirectErrorStream(true);
        run.environment().put("PATH", bin + ":/usr/bin:/bin");
        var process = run.start();
        var output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        assertThat(output).isEqualTo("certificate changed: reloading\n");
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("log"))).containsExactly("reloaded");
        assertThat(java.nio.file.Files.readString(dir.resolve("count")).strip()).isEqualTo("4");
    }
}
