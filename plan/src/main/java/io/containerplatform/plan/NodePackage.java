package io.containerplatform.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of the project that is an npm package the plan runs with Node.js ({@code policy/}, {@code tools/diagram/}):
 * installs its locked dependencies when they are missing or older than its lock file, runs and starts its scripts,
 * and copies their output to {@code System.out} (not inherited: a child writing to the JVM's own stdout would bypass
 * whoever captured it, e.g. a test runner).
 */
final class NodePackage {

    /** Exit code when Node.js or npm cannot be run, or the package cannot be prepared. */
    static final int NOT_RUN = 3;
    private static final boolean WINDOWS = System.getProperty("os.name").toLowerCase().contains("win");

    private final Path dir;
    private final String name;

    /** The package in {@code dir}, called {@code name} in messages (e.g. "the policy pack"). */
    NodePackage(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    Path dir() {
        return dir;
    }

    boolean exists() {
        return Files.exists(dir.resolve("package.json"));
    }

    /** Runs {@code npm ci} when needed; returns its exit code (0 when nothing was needed). */
    int install(Timings timings) throws IOException, InterruptedException {
        if (!needsInstall()) {
            return 0;
        }
        Progress.say("installing " + name + "'s dependencies (npm ci; once, or when its lock file changes)");
        return timings.time(name + ": npm ci", () -> exec(List.of(WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")));
    }

    /** True when {@code node_modules} is missing or older than {@code package-lock.json}. */
    boolean needsInstall() throws IOException {
        var installed = dir.resolve("node_modules/.package-lock.json");
        return !Files.exists(installed) || newer(dir.resolve("package-lock.json"), Files.getLastModifiedTime(installed));
    }

    /** Starts {@code node <script> <args...>} in the package, its output merged into one stream. */
    Process start(String script, String... args) throws IOException {
        var command = new ArrayList<>(List.of(WINDOWS ? "node.exe" : "node", script));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    /** Runs {@code node <script> <args...>} with no input to its end; returns its exit code. */
    int node(String script, String... args) throws IOException, InterruptedException {
        var process = start(script, args);
        process.getOutputStream().close();
        return pump(process);
    }

    /** Why Node.js or npm could not be started, to follow the name of what needed them. */
    static String needsNode(IOException e) {
        return "needs Node.js 18 or newer and npm on the PATH (" + e.getMessage() + ")";
    }

    private int exec(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return pump(process);
    }

    /** The message when {@code npm ci} exited with {@code code}. */
    String installFailed(int code) {
        return "npm ci failed in " + dir + " (exit " + code + ")";
    }

    /**
     * Hands {@code line} to a script started earlier ({@link #start}) on its standard input, then copies its output
     * until it ends, timed as {@code phase}; returns its exit code, or {@link #NOT_RUN} (saying that {@code who}
     * stopped early) when it did not read the line.
     */
    static int feed(Process process, String line, String who, Timings timings, String phase) {
        try {
            return timings.time(phase, () -> {
                try (var input = process.getOutputStream()) {
                    input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
                return pump(process);
            });
        } catch (IOException e) {
            System.err.println(who + " stopped early (" + e.getMessage() + ")");
            return NOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NOT_RUN;
        }
    }

    /** Copies the process's output to {@code System.out} until it ends; returns its exit code. */
    static int pump(Process process) throws IOException, InterruptedException {
        try (var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(System.out::println);
        }
        return process.waitFor();
    }

    static boolean newer(Path file, FileTime than) throws IOException {
        return Files.getLastModifiedTime(file).compareTo(than) > 0;
    }
}
