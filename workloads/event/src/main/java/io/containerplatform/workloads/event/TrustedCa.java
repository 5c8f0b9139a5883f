package io.containerplatform.workloads.event;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.rabbitmq.client.ConnectionFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Optional;

/**
 * The certificate authority the platform's RabbitMQ and MongoDB certificates are signed by ({@code TLS_CA_FILE}, a PEM
 * file: in the cluster the {@code ca.crt} of cert-manager's CA Secret): a TLS context that trusts it and nothing else,
 * and verifies the server's host name against its certificate.
 */
public final class TrustedCa {

    private final SSLContext context;

    private TrustedCa(SSLContext context) {
        this.context = context;
    }

    /** The CA certificates of the PEM file {@code pem} (one or more), as the only ones trusted. */
    public static TrustedCa load(Path pem) throws IOException, GeneralSecurityException {
        var store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in " + pem);
            }
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return new TrustedCa(context);
    }

    public SSLContext sslContext() {
        return context;
    }

    /** {@code factory} over TLS (AMQPS) trusting this CA only, refusing a certificate that does not name the host. */
    public void secure(ConnectionFactory factory) {
        factory.useSslProtocol(context);
        factory.enableHostnameVerification();
    }

    /** The client settings of {@code uri}, over TLS trusting {@code ca} (host names verified) when there is one. */
    public static MongoClientSettings mongo(ConnectionString uri, Optional<TrustedCa> ca) {
        var settings = MongoClientSettings.builder().applyConnectionString(uri);
        ca.ifPresent(trusted -> settings.applyToSslSettings(ssl -> ssl.enabled(true).invalidHostNameAllowed(false).context(trusted.context)));
        return settings.build();
    }
}
