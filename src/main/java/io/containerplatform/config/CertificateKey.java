package io.containerplatform.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** The optional {@code certificateArn} key of the services: an ACM certificate for HTTPS. */
final class CertificateKey {

    static final String ALLOWED = "an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>";
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+");

    private CertificateKey() {
    }

    /** Reads {@code certificateArn} from {@code c}, recording an error when it is not an ACM certificate ARN. */
    static Optional<String> read(ConfigObject c) {
        var certificate = c.optionalString("certificateArn", ALLOWED);
        certificate.filter(arn -> !ARN.matcher(arn).matches())
                .ifPresent(arn -> c.error("certificateArn", "\"" + arn + "\" is not an ACM certificate ARN", ALLOWED));
        return certificate;
    }
}
