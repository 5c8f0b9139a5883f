package io.containerplatform.workloads.event;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB side of {@link TrustedCa} (the broker side runs against a real TLS-only broker in {@code TlsBrokerTest}):
 * with {@code TLS_CA_FILE} the client speaks TLS with the CA's context, host names verified; without it, what the
 * connection string says.
 */
class TrustedCaTest {

    @TempDir
    Path dir;

    @Test
    void withTheCaTheMongoClientUsesTlsTrustingItAndVerifiesHostNames() throws Exception {
        var ca = new Settings(Map.of("TLS_CA_FILE", caFile().toString())).trustedCa();
        assertThat(ca).isPresent();
        var settings = TrustedCa.mongo(new ConnectionString("mongodb://api:pw@mongodb-0.mongodb-headless.data.svc.cluster.local:27017/pipeline"), ca);
        assertThat(settings.getSslSettings().isEnabled()).isTrue();
        assertThat(settings.getSslSettings().isInvalidHostNameAllowed()).isFalse();
        assertThat(settings.getSslSettings().getContext()).isSameAs(ca.orElseThrow().sslContext());
    }

    @Test
    void withoutItTheConnectionStringDecides() {
        var settings = TrustedCa.mongo(new ConnectionString("mongodb://localhost:27017/pipeline"), Optional.empty());
        assertThat(settings.getSslSettings().isEnabled()).isFalse();
        assertThat(new Settings(Map.of()).trustedCa()).isEmpty();
    }

    @Test
    void aMissingCaFileIsOneErrorNamingTheVariableAndTheValue() {
        var settings = new Settings(Map.of("TLS_CA_FILE", "/nowhere/ca.crt", "MONGODB_URI", "mongodb://localhost/pipeline"));
        settings.mongoUri();
        settings.trustedCa();
        assertThat(settings.errors()).singleElement().asString().startsWith("TLS_CA_FILE: \"/nowhere/ca.crt\" is not readable as PEM certificates")
                .endsWith("allowed: the path of a PEM CA certificate file");
    }

    /** A CA certificate made with openssl (the test fails saying so when openssl is missing). */
    private Path caFile() throws Exception {
        var command = List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=test-ca");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("openssl is not installed: this test makes its CA with it; apt-get install openssl", e);
        }
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).describedAs(output).isZero();
        assertThat(Files.readString(dir.resolve("ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        return dir.resolve("ca.crt");
    }
}
