package io.containerplatform.config;

import com.pulumi.aws.enums.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack's config outside the program's namespace: a provider's ({@code aws:region}, {@code kubernetes:...}) or
 * Pulumi's own ({@code pulumi:...}). Any other namespace is read by nobody, so a key there is a typo
 * ({@code container-platfrom:owner}); {@code aws:region} must name a region of the commercial partition that the pinned
 * pulumi-aws knows.
 */
final class ForeignConfig {

    /** The namespaces something reads: the program's, its providers' and Pulumi's. */
    static final List<String> NAMESPACES = List.of(ConfigSource.NAMESPACE, "aws", "kubernetes", "pulumi");
    /** Every region the pinned pulumi-aws (6.83.0) knows: its {@code com.pulumi.aws.enums.Region}. */
    private static final Set<String> KNOWN_REGIONS = Set.copyOf(Arrays.stream(Region.values()).map(Region::getValue).toList());
    /** The prefixes of the regions of AWS's other partitions: China ({@code aws-cn}), GovCloud and the ISO partitions. */
    private static final List<String> OTHER_PARTITIONS = List.of("cn-", "us-gov-", "us-iso", "eu-isoe-");
    /**
     * The regions of the commercial partition ({@code aws}), the only one the program deploys to: its ARNs are
     * {@code arn:aws:...}, and its managed policies and endpoints those of the commercial partition.
     */
    static final List<String> REGIONS = KNOWN_REGIONS.stream().filter(r -> OTHER_PARTITIONS.stream().noneMatch(r::startsWith)).sorted().toList();

    private ForeignConfig() {
    }

    /** One line per problem of {@code values} (keyed {@code namespace:key}), each naming the key and what is allowed. */
    static List<String> problems(Map<String, String> values) {
        var errors = new ArrayList<String>();
        values.forEach((key, value) -> {
            var namespace = key.substring(0, Math.max(0, key.indexOf(':')));
            if (!NAMESPACES.contains(namespace)) {
                errors.add(key + ": namespace '" + namespace + "' is read by nothing in this program"
                        + closest(namespace).map(n -> " (did you mean '" + n + ":" + key.substring(key.indexOf(':') + 1) + "'?)").orElse("")
                        + "; allowed: keys under " + String.join(", ", NAMESPACES.stream().map(n -> n + ":").toList()));
            } else if (key.equals("aws:region") && !REGIONS.contains(value)) {
                errors.add("aws:region: \"" + value + "\" is " + (KNOWN_REGIONS.contains(value)
                        ? "a region of another partition than the commercial one, whose ARNs (arn:aws:) the program builds" : "not an AWS region")
                        + "; allowed: a region of the commercial partition, " + String.join(", ", REGIONS));
            }
        });
        return errors;
    }

    /** The known namespace at most two edits from {@code namespace}, if any. */
    private static java.util.Optional<String> closest(String namespace) {
        return NAMESPACES.stream().filter(known -> distance(known, namespace) <= 2).findFirst();
    }

    /** Levenshtein distance, transpositions counted as one edit. */
    static int distance(String a, String b) {
        var d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
