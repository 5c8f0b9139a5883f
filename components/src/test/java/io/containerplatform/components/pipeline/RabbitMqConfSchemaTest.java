package io.containerplatform.components.pipeline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.containerplatform.components.pipeline.DataPipelineComponentTest.build;
import static io.containerplatform.components.pipeline.DataPipelineComponentTest.kind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rabbitmq.conf} the component writes, line by line, against the configuration schemas of the RabbitMQ
 * version it runs (vendored, see {@code rabbitmq-server-v<version>/VENDORED.md}): every key is one a mapping declares,
 * every value of an enumerated mapping one of its values. A misspelt key would stop the node at boot.
 */
class RabbitMqConfSchemaTest {

    private static final List<String> SCHEMAS = List.of("rabbit", "rabbitmq_management", "rabbitmq_peer_discovery_common",
            "rabbitmq_peer_discovery_k8s", "rabbitmq_prometheus");
    private static final Pattern MAPPING = Pattern.compile("\\{mapping,\\s*\"([^\"]+)\"");
    private static final Pattern ENUM = Pattern.compile("^\\s*\\[?\\s*\\{datatype,\\s*\\{enum,\\s*\\[([^\\]]*)\\]\\}\\}");

    @SuppressWarnings("unchecked")
    @Test
    void everyLineIsAKeyOfTheBrokersSchemaWithAnAllowedValue() throws IOException {
        var mappings = mappings();
        var conf = (String) ((Map<String, Object>) kind(build(b -> b.rabbitmqReplicas(3)), "ConfigMap", "rabbitmq-config")
                .inputs.get("data")).get("rabbitmq.conf");
        assertThat(conf.lines().filter(l -> !l.isBlank()).map(l -> problem(l, mappings)).flatMap(Optional::stream)).isEmpty();
        assertThat(conf.lines()).contains("quorum_queue.continuous_membership_reconciliation.enabled = true",
                "quorum_queue.continuous_membership_reconciliation.target_group_size = 3");
    }

    @Test
    void aMisspeltKeyOrAnUnknownEnumValueIsFound() throws IOException {
        var mappings = mappings();
        assertThat(problem("quorum_queue.continuous_membership_reconcilation.enabled = true", mappings)).isPresent();
        assertThat(problem("cluster_partition_handling = autoheel", mappings)).contains(
                "cluster_partition_handling = autoheel: autoheel is not one of [ignore, pause_minority, autoheal, pause_if_all_down]");
        assertThat(problem("listeners.ssl.default = 5671", mappings)).isEmpty();
    }

    /** What is wrong with {@code line} ({@code key = value}), if anything. */
    private static Optional<String> problem(String line, Map<Pattern, Optional<List<String>>> mappings) {
        var key = line.substring(0, line.indexOf('=')).strip();
        var value = line.substring(line.indexOf('=') + 1).strip();
        var matching = mappings.entrySet().stream().filter(m -> m.getKey().matcher(key).matches()).map(Map.Entry::getValue).toList();
        if (matching.isEmpty()) {
            return Optional.of(line + ": no mapping declares " + key);
        }
        if (matching.stream().anyMatch(values -> values.isEmpty() || values.get().contains(value))) {
            return Optional.empty();
        }
        return Optional.of(line + ": " + value + " is not one of " + matching.get(0).get());
    }

    /** Each mapping's key as a pattern ({@code $name} matches one segment), with its enumeration if it has one. */
    private static Map<Pattern, Optional<List<String>>> mappings() throws IOException {
        var version = RabbitMq.IMAGE.replaceAll("^rabbitmq:([0-9.]+).*$", "$1");
        var mappings = new LinkedHashMap<Pattern, Optional<List<String>>>();
        for (var schema : SCHEMAS) {
            var path = "rabbitmq-server-v" + version + "/" + schema + ".schema";
            try (InputStream in = RabbitMqConfSchemaTest.class.getResourceAsStream(path)) {
                assertThat(in).describedAs("no vendored " + path + " for " + RabbitMq.IMAGE + " (see VENDORED.md)").isNotNull();
                var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var matcher = MAPPING.matcher(text);
                var starts = new ArrayList<int[]>();
                while (matcher.find()) {
                    starts.add(new int[]{matcher.start(), matcher.end()});
                }
                for (int i = 0; i < starts.size(); i++) {
                    var key = text.substring(starts.get(i)[0], starts.get(i)[1]).replaceAll("^\\{mapping,\\s*\"|\"$", "");
                    var rest = text.substring(text.indexOf(',', starts.get(i)[1] + 1) + 1, i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length());
                    var enumeration = ENUM.matcher(rest);
                    mappings.put(pattern(key), enumeration.find()
                            ? Optional.of(List.of(enumeration.group(1).strip().split("\\s*,\\s*"))) : Optional.empty());
                }
            }
        }
        return mappings;
    }

    private static Pattern pattern(String key) {
        var regex = new StringBuilder();
        for (var segment : key.split("\\.")) {
            regex.append(regex.isEmpty() ? "" : "\\.").append(segment.startsWith("$") ? "[^.]+" : Pattern.quote(segment));
        }
        return Pattern.compile(regex.toString());
    }
}
