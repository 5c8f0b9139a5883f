package io.containerplatform.components.pipeline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class DashboardsTest {

    private static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
        return (List<Map<String, Object>>) dashboard.get("panels");
    }

    private static String queries(Map<String, Object> dashboard) {
        return panels(dashboard).stream().flatMap(p -> ((List<Map<String, Object>>) p.get("targets")).stream())
                .map(t -> (String) t.get("expr")).reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void thePipelineDashboardShowsWhatSeed004AsksFor() {
        var dashboard = Dashboards.pipeline("data", "data-stream");
        assertThat(panels(dashboard)).extracting(p -> (String) p.get("title")).containsExactly(
                "Queue depth (ready messages)", "Dead-letter depth", "Processor replicas", "Events per second", "Batch duration (mean)",
                "API latency (mean, by route)", "API errors per second", "MongoDB connections", "MongoDB disk used");
        assertThat(queries(dashboard)).contains("queue=\"data-stream\"").contains("queue=\"data-stream.dlq\"")
                .contains("deployment=\"spark-processor\"").contains("scaledObject=\"spark-processor\"").contains("namespace=\"data\"");
    }

    @Test
    void everyProcessorAndApiMetricTheDashboardQueriesIsOneTheWorkloadsExport() throws IOException {
        var exported = new StringBuilder();
        for (var module : List.of("workloads/processor/src/main", "workloads/api/src/main")) {
            try (Stream<Path> files = Files.walk(Path.of(module))) {
                for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    exported.append(Files.readString(file));
                }
            }
        }
        var used = new TreeSet<String>();
        var matcher = Pattern.compile("\\b((?:pipeline|api)_[a-z_]+?)(?:_sum|_count)?\\{").matcher(queries(Dashboards.pipeline("data", "q")));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        assertThat(used).contains("pipeline_events_processed_total", "pipeline_batch_duration_seconds", "api_requests_total",
                "api_request_duration_seconds");
        assertThat(used).allSatisfy(metric -> assertThat(exported).describedAs("a workload exports %s", metric).contains(metric));
    }

    @Test
    void panelsTileTheGridTwoAbreast() {
        var positions = panels(Dashboards.cluster()).stream().map(p -> (Map<String, Object>) p.get("gridPos"))
                .map(g -> g.get("x") + "," + g.get("y")).toList();
        assertThat(positions).startsWith("0,0", "12,0", "0,8", "12,8").doesNotHaveDuplicates();
    }
}
