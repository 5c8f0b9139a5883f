package io.containerplatform.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The placeholders a stack file still holds: the committed {@code Pulumi.<stack>.yaml} files carry documentation values
 * (AWS's example account id, RFC 5737 address ranges, an all-zero certificate ARN, RFC 2606 {@code example.*} hosts and
 * addresses, AWS's documentation ids ending in {@code EXAMPLE} such as the hosted zone {@code Z0123456789EXAMPLE},
 * {@code secure:} values the CLI cannot decrypt) that the offline plan accepts but a real {@code pulumi up}
 * must not get. {@code -Dstrict} (what deploy.yml runs before {@code pulumi up}) refuses every one, naming its key;
 * without it the plan says in one line that some are left.
 */
final class Placeholders {

    /** One placeholder: the key path ({@code container-platform:eks.publicAccessCidrs[0]}), its value, and what it is. */
    record Found(String key, String value, String what) {
        String message() {
            return key + ": \"" + value + "\" " + what;
        }
    }

    private record Kind(Pattern pattern, String what) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(Pattern.compile("(?<!\\d)123456789012(?!\\d)"), "holds AWS's documentation account id 123456789012: use your account's"),
            new Kind(Pattern.compile("(?<![\\d.])(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d{1,3}(?![\\d])"),
                    "is a documentation address range (RFC 5737, reachable by nobody): set the real ranges"),
            new Kind(Pattern.compile("00000000-0000-0000-0000-000000000000"), "is an all-zero ARN: set the ARN of the real resource"),
            new Kind(Pattern.compile("(?i)(^|[.@/])example\\.(com|net|org)(?![a-z0-9-])|\\.example(?![a-z0-9.-])"),
                    "names a reserved example domain (RFC 2606): set a host or address of yours"),
            new Kind(Pattern.compile("[A-Za-z0-9]EXAMPLE(KEY)?(?![A-Za-z0-9])"),
                    "is an AWS documentation value (ending in EXAMPLE, as AKIAIOSFODNN7EXAMPLE or Z0123456789EXAMPLE): set the real one"));

    /** A {@code secure:} value the CLI can decrypt: {@code v1:<nonce>:<ciphertext>} (passphrase) or base64 (service, KMS). */
    private static final Pattern CIPHERTEXT = Pattern.compile("v1:[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*|[A-Za-z0-9+/]{16,}=*");

    private Placeholders() {
    }

    /** The placeholders of {@code Pulumi.<stack>.yaml} in {@code projectDir}. */
    static List<Found> in(Path projectDir, String stack) throws IOException {
        var project = String.valueOf(StackFile.load(projectDir.resolve("Pulumi.yaml")).get("name"));
        var config = StackFile.load(projectDir.resolve("Pulumi." + stack + ".yaml")).get("config");
        var found = new ArrayList<Found>();
        if (config instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> {
                var name = String.valueOf(key);
                visit(name.contains(":") ? name : project + ":" + name, value, found);
            });
        }
        return found;
    }

    private static void visit(String key, Object value, List<Found> found) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("secure")) {
                var ciphertext = String.valueOf(map.get("secure"));
                if (!decryptable(ciphertext)) {
                    found.add(new Found(key, "secure: " + ciphertext, "is not a secret the CLI can decrypt: pulumi config set --secret " + key + " <value>"));
                }
                return;
            }
            map.forEach((k, v) -> visit(key + "." + k, v, found));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visit(key + "[" + i + "]", list.get(i), found);
            }
        } else if (value instanceof String text) {
            var what = KINDS.stream().filter(kind -> kind.pattern().matcher(text).find()).map(Kind::what).toList();
            if (!what.isEmpty()) {
                found.add(new Found(key, text, String.join("; and ", what)));
            }
        }
    }

    private static boolean decryptable(String ciphertext) {
        return !ciphertext.toLowerCase().contains("placeholder") && CIPHERTEXT.matcher(ciphertext).matches();
    }

    /** The strict plan's report: one line per placeholder, under a heading naming the file. */
    static String report(String stack, List<Found> found) {
        var text = new StringBuilder("Placeholders left in Pulumi." + stack + ".yaml (" + found.size() + "); -Dstrict refuses them:\n");
        found.forEach(f -> text.append("  - ").append(f.message()).append('\n'));
        return text.toString();
    }

    /** The one line a plan without {@code -Dstrict} prints. */
    static String warning(String stack, List<Found> found) {
        return found.size() + " placeholder" + (found.size() == 1 ? "" : "s") + " left in Pulumi." + stack + ".yaml (the first: "
                + found.get(0).key() + "): fine offline, refused by -Dstrict, which deploy.yml runs before pulumi up.";
    }
}
