package io.containerplatform.workloads.e2e;

import io.containerplatform.workloads.event.Settings;
import io.containerplatform.workloads.event.TrustedCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A TLS-only broker, as the platform runs it: a CA and a server certificate for {@code localhost} made with
 * {@code openssl}, and a client that trusts that CA ({@link TrustedCa}, from {@code TLS_CA_FILE} through
 * {@link Settings}) connects; one that does not trust it, one that names the host otherwise than the certificate
 * does, and a plain AMQP client are refused.
 */
class TlsBrokerTest {

    static Path dir;
    static RabbitMqNode broker;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("tls-broker");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=test-ca");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName = DNS:localhost\nextendedKeyUsage = serverAuth\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt",
                "-days", "2", "-extfile", "server.ext");
        broker = RabbitMqNode.startTls(new RabbitMqNode.Tls(dir.resolve("server.crt"), dir.resolve("server.key"), dir.resolve("ca.crt")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aClientTrustingThePlatformsCaConnects() throws Exception {
        var factory = tlsFactory("localhost");
        try (var connection = factory.newConnection("tls-test")) {
            assertThat(connection.isOpen()).isTrue();
            assertThat(factory.isSSL()).isTrue();
        }
    }

    /**
     * A renewal as the platform's {@code tls-reload} sidecar handles it: new certificate files in place, then
     * {@code ssl:clear_pem_cache()}: the next connection is served the new certificate, by the running node.
     */
    @Test
    void aRenewedCertificateIsServedOnceThePemCacheIsCleared() throws Exception {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "renewed.key", "-out", "renewed.csr", "-subj", "/CN=localhost");
        openssl("x509", "-req", "-in", "renewed.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAserial", "ca.srl", "-out", "renewed.crt",
                "-days", "2", "-extfile", "server.ext");
        var renewed = serial(java.nio.file.Files.newInputStream(dir.resolve("renewed.crt")));
        assertThat(servedSerial()).isNotEqualTo(renewed);
        try {
            broker.replaceTls(new RabbitMqNode.Tls(dir.resolve("renewed.crt"), dir.resolve("renewed.key"), dir.resolve("ca.crt")));
            broker.ctl("eval", "ssl:clear_pem_cache().");
            assertThat(servedSerial()).isEqualTo(renewed);
            try (var connection = tlsFactory("localhost").newConnection("after-renewal")) {
                assertThat(connection.isOpen()).isTrue();
            }
        } finally {
            broker.replaceTls(new RabbitMqNode.Tls(dir.resolve("server.crt"), dir.resolve("server.key"), dir.resolve("ca.crt")));
            broker.ctl("eval", "ssl:clear_pem_cache().");
        }
    }

    /** The serial number of the certificate the broker's TLS listener presents now. */
    private static java.math.BigInteger servedSerial() throws Exception {
        var ca = TrustedCa.load(dir.resolve("ca.crt"));
        try (var socket = (javax.net.ssl.SSLSocket) ca.sslContext().getSocketFactory().createSocket("localhost", broker.port())) {
            socket.startHandshake();
            return ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    private static java.math.BigInteger serial(java.io.InputStream pem) throws Exception {
        try (pem) {
            return ((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(pem)).getSerialNumber();
        }
    }

    @Test
    void aClientWithoutTheCaIsRefused() {
        var factory = broker.connectionFactory(RabbitMqNode.PUBLISHER);
        factory.useSslProtocol(defaultContext());
        factory.enableHostnameVerification();
        assertThatThrownBy(() -> factory.newConnection("no-ca").close()).isInstanceOf(SSLException.class);
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() {
        var factory = tlsFactory("127.0.0.1");
        assertThatThrownBy(() -> factory.newConnection("wrong-host").close()).isInstanceOf(SSLException.class)
                .hasStackTraceContaining("No subject alternative names matching IP address 127.0.0.1");
    }

    @Test
    void noPlainAmqpListener() {
        var factory = broker.connectionFactory(RabbitMqNode.PUBLISHER);
        assertThatThrownBy(() -> factory.newConnection("plain").close()).isInstanceOf(IOException.class);
    }

    @Test
    void aTlsCaFileThatIsNoCertificateIsNamedInTheErrors() throws Exception {
        var settings = new Settings(Map.of("TLS_CA_FILE", dir.resolve("server.ext").toString(), "RABBITMQ_HOST", "localhost",
                "RABBITMQ_USERNAME", "u", "RABBITMQ_PASSWORD", "p"));
        settings.rabbitMq();
        assertThat(settings.errors()).singleElement().asString().startsWith("TLS_CA_FILE: \"" + dir.resolve("server.ext") + "\" is not readable")
                .endsWith("allowed: the path of a PEM CA certificate file");
    }

    /** The apps' broker connection from the environment the platform gives them, the CA file included. */
    private static com.rabbitmq.client.ConnectionFactory tlsFactory(String host) {
        var settings = new Settings(Map.of("TLS_CA_FILE", dir.resolve("ca.crt").toString(), "RABBITMQ_HOST", host,
                "RABBITMQ_PORT", String.valueOf(broker.port()), "RABBITMQ_USERNAME", RabbitMqNode.PUBLISHER,
                "RABBITMQ_PASSWORD", broker.password(RabbitMqNode.PUBLISHER)));
        var factory = settings.rabbitMq();
        assertThat(settings.errors()).isEmpty();
        return factory;
    }

    private static javax.net.ssl.SSLContext defaultContext() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("openssl is not installed: this test makes its CA and certificate with it; "
                    + "install it with `apt-get install openssl`", e);
        }
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
