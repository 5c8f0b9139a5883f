package io.containerplatform.workloads.e2e.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark's load, its own process: {@code java -cp e2e.jar ...ApiLoad <url> <clients> <requests per client>
 * <follow cursor: true|false>}. Each client sends its requests one after the other (following the page's {@code next}
 * cursor when asked, from the first page again at the end); every request has a 30 s timeout, a failed one is counted,
 * never waited for again. Prints {@code result requests=N errors=E p50=ms p99=ms rate=requests/s cpu-ms=<its own CPU time meanwhile> first-error=...}.
 */
public final class ApiLoad {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private ApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        var url = args[0];
        int clients = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        boolean follow = Boolean.parseBoolean(args[3]);
        var pool = Executors.newFixedThreadPool(clients);
        var http = HttpClient.newBuilder().executor(pool).connectTimeout(REQUEST_TIMEOUT).build();
        var mapper = new ObjectMapper();
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicInteger();
        var firstError = new AtomicReference<String>("none");
        var workers = Executors.newFixedThreadPool(clients);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            workers.submit(() -> {
                String cursor = null;
                for (int r = 0; r < requests; r++) {
                    long t = System.nanoTime();
                    try {
                        var request = HttpRequest.newBuilder(URI.create(url + (cursor == null ? "" : "&cursor=" + cursor)))
                                .timeout(REQUEST_TIMEOUT).build();
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                        if (follow) {
                            var next = mapper.readTree(response.body()).get("next");
                            cursor = next == null || next.isNull() ? null : next.asText();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet("none", e.toString().replace('\n', ' '));
                        cursor = null;
                    }
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.MINUTES)) {
            System.out.println("result timed out after 10 minutes");
            System.exit(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("result requests=%d errors=%d p50=%.1f p99=%.1f rate=%.0f cpu-ms=%d first-error=%s%n", sorted.size(), errors.get(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.size() / seconds, cpuMillis, firstError.get());
        System.exit(0);
    }

    /** The {@code q} quantile of sorted nanoseconds, in milliseconds (nearest rank). */
    static double percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
