package io.containerplatform.components.args;

import io.containerplatform.components.common.Formats;
import io.containerplatform.components.common.Ipv4Cidr;
import io.containerplatform.components.common.LogRetention;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A format a declared input's value must have ({@link InputSpec#format()}), checked with its declaration: by the Args
 * and by the config key that sets it, in the same words. It applies to the value, to each element of a list, and to
 * each key of a map (variable names).
 */
public enum Format {
    /** Any value. */
    ANY(v -> Optional.empty()),
    /** A CloudWatch Logs retention in days ({@link LogRetention#ALLOWED}). */
    LOG_RETENTION(is(v -> v instanceof Integer d && LogRetention.isAllowed(d), "is not a CloudWatch Logs retention")),
    /** A pinned container image reference ({@link Formats#imageProblem}). */
    IMAGE(v -> Formats.imageProblem((String) v)),
    /** An email address. */
    EMAIL(is(v -> Formats.isEmail((String) v), "is not an email address")),
    /** An absolute HTTPS URL with a host ({@link Formats#isHttpsUrl}). */
    HTTPS_URL(is(v -> Formats.isHttpsUrl((String) v), "is not an HTTPS URL")),
    /** An environment variable name (for a map, its keys). */
    VARIABLE_NAME(is(v -> Formats.isVariableName((String) v), "is not a variable name")),
    /** An EC2 instance type such as {@code m6i.large}. */
    INSTANCE_TYPE(is(v -> Formats.isInstanceType((String) v), "is not an EC2 instance type")),
    /** An IPv4 CIDR block without host bits. */
    IPV4_CIDR(is(v -> Ipv4Cidr.parse((String) v).isPresent(), "is not a valid IPv4 CIDR block")),
    /** A VPC's IPv4 CIDR block: no host bits, prefix /16 (the largest VPC) to /24 (still 16 subnets of /28, the smallest). */
    VPC_CIDR(Format::vpcCidrProblem),
    /** A Secrets Manager secret ARN. */
    SECRET_ARN(is(v -> Formats.isSecretArn((String) v), "is not a Secrets Manager secret ARN")),
    /** An ACM certificate ARN. */
    CERTIFICATE_ARN(is(v -> Formats.isAcmCertificateArn((String) v), "is not an ACM certificate ARN")),
    /** An IAM managed policy ARN ({@link Formats#isPolicyArn}). */
    POLICY_ARN(is(v -> Formats.isPolicyArn((String) v), "is not an IAM policy ARN")),
    /** An IAM action such as {@code s3:GetObject} ({@link Formats#isIamAction}). */
    IAM_ACTION(is(v -> Formats.isIamAction((String) v), "is not an IAM action")),
    /** An IAM role or user ARN. */
    IAM_PRINCIPAL_ARN(is(v -> Formats.isIamRoleOrUserArn((String) v), "is not an IAM role or user ARN")),
    /** A Kubernetes DNS-1123 label. */
    KUBERNETES_NAME(is(v -> Formats.isKubernetesName((String) v), "is not a Kubernetes name")),
    /** A short DNS-safe name (a service, a node group): 1 to 20 characters of a-z, 0-9 and -, a letter or digit at each end. */
    SHORT_NAME(is(v -> Formats.isShortName((String) v, 20), "is not a DNS-safe name of at most 20 characters")),
    /** A schedule's name: 1 to 40 characters of a-z, 0-9 and -, a letter or digit at each end. */
    SCHEDULE_NAME(is(v -> Formats.isShortName((String) v, 40), "is not a DNS-safe name of at most 40 characters")),
    /** An HTTP path: starts with {@code /}. */
    HTTP_PATH(is(v -> ((String) v).startsWith("/"), "does not start with /")),
    /** A load balancer path pattern ({@link Formats#isPathPattern}). */
    PATH_PATTERN(is(v -> Formats.isPathPattern((String) v), "is not a path pattern")),
    /** A host name a load balancer rule matches ({@link Formats#isHostName}). */
    HOST_NAME(is(v -> Formats.isHostName((String) v), "is not a host name")),
    /** Five crontab fields ({@link Formats#cronProblem}). */
    CRON(v -> Formats.cronProblem((String) v)),
    /** An IANA time zone such as {@code Europe/Paris}, or {@code UTC}. */
    TIME_ZONE(v -> Formats.timeZoneProblem((String) v)),
    /** An AWS region such as {@code eu-west-1}. */
    AWS_REGION(is(v -> Formats.isAwsRegion((String) v), "is not an AWS region")),
    /** A VPC security group id: {@code sg-} and 8 or 17 hexadecimal digits. */
    SECURITY_GROUP_ID(is(v -> ((String) v).matches("sg-([0-9a-f]{8}|[0-9a-f]{17})"), "is not a security group id"));

    private final Function<Object, Optional<String>> check;

    Format(Function<Object, Optional<String>> check) {
        this.check = check;
    }

    /** What is wrong with {@code value} (each element of a list, each key of a map), in the order found. */
    public List<String> problems(Object value) {
        Collection<?> values = value instanceof Map<?, ?> map ? map.keySet() : value instanceof Collection<?> c ? c : List.of(value);
        return values.stream().map(v -> v == null ? Optional.of("null is not allowed") : check.apply(v))
                .flatMap(Optional::stream).toList();
    }

    private static Optional<String> vpcCidrProblem(Object value) {
        var cidr = Ipv4Cidr.parse((String) value);
        if (cidr.isEmpty()) {
            return Optional.of("\"" + value + "\" is not a valid IPv4 CIDR block");
        }
        var prefix = cidr.get().prefix();
        return prefix < 16 || prefix > 24 ? Optional.of("\"" + value + "\" has prefix /" + prefix) : Optional.empty();
    }

    private static Function<Object, Optional<String>> is(Predicate<Object> valid, String problem) {
        return v -> valid.test(v) ? Optional.empty() : Optional.of(v instanceof String ? "\"" + v + "\" " + problem : v + " " + problem);
    }
}
