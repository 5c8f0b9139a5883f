package io.containerplatform.components.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The formats Args and stack config both check, defined once: images, EC2 instance types, email addresses,
 * ACM certificate ARNs, IAM principal ARNs, Kubernetes names, short names, regions, crontab schedules and time zones.
 */
public final class Formats {

    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern CERTIFICATE_ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+");
    private static final Pattern SECRET_ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+");
    private static final Pattern SECRET_REFERENCE = Pattern.compile(
            "arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+|ssm:[a-z0-9-]+:\\d{12}:parameter/.+)");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/.+");
    private static final Pattern IAM_ACTION = Pattern.compile("\\*|[a-z0-9-]+:[A-Za-z0-9*]+");
    private static final Pattern IAM_ROLE_OR_USER = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.+");
    private static final Pattern KUBERNETES_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern HOST_NAME = Pattern.compile("(\\*\\.)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern SHORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    private static final Pattern PATH_PATTERN = Pattern.compile("/[A-Za-z0-9_.~*?/+@:=&$!,;'()%-]{0,127}");

    private Formats() {
    }

    /** Why {@code image} is not usable, or empty: it must be pinned (a tag other than latest, or a digest). */
    public static Optional<String> imageProblem(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("is required");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        var last = image.substring(image.lastIndexOf('/') + 1);
        var colon = last.lastIndexOf(':');
        if (colon < 0 || colon == last.length() - 1) {
            return Optional.of("\"" + image + "\" has no tag; pin a version tag or a digest");
        }
        if (last.substring(colon + 1).equals("latest")) {
            return Optional.of("\"" + image + "\" uses the latest tag; pin a version tag or a digest so rollbacks are possible");
        }
        return Optional.empty();
    }

    /** An EC2 instance type such as {@code m6i.large}. */
    public static boolean isInstanceType(String text) {
        return text != null && INSTANCE_TYPE.matcher(text).matches();
    }

    /** An absolute {@code https://} URL with a host (what an SNS https subscription and Alertmanager's webhook take). */
    public static boolean isHttpsUrl(String text) {
        try {
            var uri = text == null ? null : new java.net.URI(text);
            return uri != null && "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException notUrl) {
            return false;
        }
    }

    public static boolean isEmail(String text) {
        return text != null && EMAIL.matcher(text).matches();
    }

    /** {@code arn:aws:acm:<region>:<account>:certificate/<id>}. */
    public static boolean isAcmCertificateArn(String text) {
        return text != null && CERTIFICATE_ARN.matcher(text).matches();
    }

    /** {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>}. */
    public static boolean isSecretArn(String text) {
        return text != null && SECRET_ARN.matcher(text).matches();
    }

    /** A Secrets Manager secret ARN or an SSM parameter ARN: what an ECS container's {@code secrets} may name. */
    public static boolean isSecretReference(String text) {
        return text != null && SECRET_REFERENCE.matcher(text).matches();
    }

    /** An environment variable name: {@code [A-Za-z_][A-Za-z0-9_]*}. */
    public static boolean isVariableName(String text) {
        return text != null && VARIABLE_NAME.matcher(text).matches();
    }

    /** An IAM managed policy ARN, AWS's ({@code arn:aws:iam::aws:policy/...}) or an account's. */
    public static boolean isPolicyArn(String text) {
        return POLICY_ARN.matcher(text).matches();
    }

    /** An IAM action as a policy names it: {@code s3:GetObject}, {@code sqs:*}, or {@code *}. */
    public static boolean isIamAction(String text) {
        return IAM_ACTION.matcher(text).matches();
    }

    /** An IAM role or user ARN: what EKS access entries take. */
    public static boolean isIamRoleOrUserArn(String text) {
        return text != null && IAM_ROLE_OR_USER.matcher(text).matches();
    }

    /** A DNS host name in lower case, optionally starting with {@code *.}: what a load balancer's host condition matches. */
    public static boolean isHostName(String text) {
        return text != null && text.length() <= 128 && HOST_NAME.matcher(text).matches();
    }

    /**
     * A load balancer path pattern: starts with {@code /}, at most 128 characters of the characters ALB allows, with
     * {@code *} and {@code ?} as wildcards.
     */
    public static boolean isPathPattern(String text) {
        return text != null && PATH_PATTERN.matcher(text).matches();
    }

    /** A Kubernetes DNS-1123 label (namespaces and most names): a-z, 0-9 and -, at most 63 characters. */
    public static boolean isKubernetesName(String text) {
        return text != null && KUBERNETES_NAME.matcher(text).matches();
    }

    /** 1 to {@code most} characters of a-z, 0-9 and -, starting and ending with a letter or digit. */
    public static boolean isShortName(String text, int most) {
        return text != null && text.length() <= most && SHORT_NAME.matcher(text).matches();
    }

    /** An AWS region name such as {@code eu-west-1} or {@code us-gov-west-1}. */
    public static boolean isAwsRegion(String text) {
        return text != null && AWS_REGION.matcher(text).matches();
    }

    /**
     * Why {@code cron} is not five crontab fields (minute, hour, day of month, month, day of week; values in range or
     * upper-case names, ranges, lists and steps, no step in the day of week; day of month and day of week not both set;
     * not one of Application Auto Scaling's own {@code cron(...)}, {@code rate(...)}, {@code at(...)}), or empty.
     */
    public static Optional<String> cronProblem(String cron) {
        return Crontab.problem(cron);
    }

    /** Why {@code zone} is not an IANA time zone such as {@code Europe/Paris} or {@code UTC}, or empty. */
    public static Optional<String> timeZoneProblem(String zone) {
        try {
            ZoneId.of(zone);
            if (zone.contains("/") || zone.equals("UTC")) {
                return Optional.empty();
            }
        } catch (DateTimeException | NullPointerException e) {
            // reported below
        }
        return Optional.of("\"" + zone + "\" is not an IANA time zone such as Europe/Paris or UTC");
    }
}
