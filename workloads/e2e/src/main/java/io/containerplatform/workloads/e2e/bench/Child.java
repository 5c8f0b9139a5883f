package io.containerplatform.workloads.e2e.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A process the benchmark starts (a store, the API, the load, a processor): its output copied to a log file and kept
 * for {@link #awaitLine}; every wait has a deadline, and {@link #close} ends it (SIGTERM, then SIGKILL after 10 s).
 */
final class Child implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Child(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        var copier = new Thread(this::copy, name + "-output");
        copier.setDaemon(true);
        copier.start();
    }

    /** Starts {@code command} with {@code env} added, its output in {@code <logs>/<name>.log}. */
    static Child start(String name, List<String> command, Map<String, String> env, Path logs) throws IOException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new Child(name, builder.start(), Files.createDirectories(logs).resolve(name + ".log"));
    }

    /** {@code java [jvmOptions] -cp <this benchmark's class path> <main> args...}: a class of this module in its own JVM. */
    static List<String> java(List<String> jvmOptions, Class<?> main, String... args) {
        var command = new ArrayList<String>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    long pid() {
        return process.pid();
    }

    /** The most memory the process had resident so far ({@code VmHWM}), in MiB. */
    long peakResidentMib() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1);
    }

    /** CPU time the process has used so far (user and system, from {@code /proc/<pid>/stat}), in milliseconds. */
    long cpuMillis() throws IOException {
        return ticksToMillis(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat")));
    }

    /**
     * CPU time each kind of thread of the process has used so far, in milliseconds, by thread name without its digits
     * ({@code api-} for the API's workers, {@code C CompilerThre} for the JIT's C1 and C2, {@code VM Thread} for the Serial
     * collector's pauses), from {@code /proc/<pid>/task/<tid>/stat}.
     */
    Map<String, Long> cpuMillisByThread() throws IOException {
        var byName = new java.util.TreeMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (var task : tasks.toList()) {
                try {
                    var name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]", "");
                    byName.merge(name, ticksToMillis(Files.readString(task.resolve("stat"))), Long::sum);
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return byName;
    }

    /** utime and stime, fields 14 and 15 of a {@code stat} line (proc(5)), clock ticks of 10 ms (USER_HZ 100), in milliseconds. */
    private static long ticksToMillis(String stat) {
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** Writes {@code line} to the process's standard input. */
    void send(String line) throws IOException {
        var in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The first line starting with {@code prefix} (the rest of it), failing after {@code seconds} or when the process ends. */
    String awaitLine(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            var line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before printing \"" + prefix + "\" (see " + log + ")");
            }
        }
        throw new IllegalStateException(name + " printed no \"" + prefix + "\" within " + seconds + " s (see " + log + ")");
    }

    private void copy() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("output lost: " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
