package io.containerplatform.plan;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock time of each phase of the offline plan, printed with {@code -Dtimings}. The first phase,
 * "build and JVM start", is the time from the JVM's start (Maven's, under {@code exec:java}) to the plan's
 * first line: Maven's own start-up and the incremental compile.
 */
final class Timings {

    /** A phase's work. */
    interface Phase<T> {
        T run() throws IOException, InterruptedException;
    }

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final long startedAt = System.currentTimeMillis();

    Timings() {
        millis.put("build and JVM start", startedAt - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** Runs {@code phase}, adding its duration under {@code name}. */
    <T> T time(String name, Phase<T> phase) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try {
            return phase.run();
        } finally {
            millis.merge(name, (System.nanoTime() - start) / 1_000_000, Long::sum);
        }
    }

    /** One line per phase and the total, e.g. {@code   program on the mock engine   1.234 s}. */
    String report() {
        var out = new StringBuilder("\nTimings:\n");
        millis.forEach((name, ms) -> out.append(String.format("  %-28s %7.3f s%n", name, ms / 1000.0)));
        long total = millis.get("build and JVM start") + System.currentTimeMillis() - startedAt;
        out.append(String.format("  %-28s %7.3f s%n", "total", total / 1000.0));
        return out.toString();
    }
}
