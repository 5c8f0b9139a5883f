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
import java.util.stream.Stream;

/**
 * Runs the policy pack ({@code policy/}) over a plan file with Node.js. {@link #start} installs the pack's
 * locked npm dependencies when they are missing or older than the lock file, compiles its TypeScript only
 * when a source is newer than the compiled checker, and starts the checker, which loads the pack while the
 * program runs; {@link #finish} hands it the written plan. The checker's output is copied to
 * {@code System.out} (not inherited: a child writing to the JVM's own stdout would bypass whoever captured
 * it, e.g. a test runner).
 */
final class PolicyCheck {

    /** Exit code when Node.js or npm cannot be run, or the pack cannot be prepared. */
    static final int NOT_RUN = 3;
    private static final boolean WINDOWS = System.getProperty("os.name").toLowerCase().contains("win");

    private final Path pack;
    private final Timings timings;
    private Process checker;
    private String failure;
    private int failureCode;

    private PolicyCheck(Path pack, Timings timings) {
        this.pack = pack;
        this.timings = timings;
    }

    /** Prepares the pack of {@code projectDir} and starts its checker; problems are reported by {@link #finish}. */
    static PolicyCheck start(Path projectDir, Timings timings) {
        var check = new PolicyCheck(projectDir.resolve("policy"), timings);
        if (Files.exists(check.pack.resolve("package.json"))) {
            check.prepare();
        }
        return check;
    }

    private void prepare() {
        try {
            if (needsInstall()) {
                Progress.say("installing the policy pack's dependencies (npm ci; once, or when its lock file changes)");
                int installed = timings.time("policy: npm ci", () -> exec(List.of(WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit",
                        "--no-fund", "--loglevel=error")));
                if (installed != 0) {
                    fail(installed, "npm ci failed in " + pack + " (exit " + installed + ")");
                    return;
                }
            }
            if (needsCompile()) {
                Progress.say("compiling the policy pack (its sources changed since the last compile)");
                int compiled = timings.time("policy: compile", () -> exec(List.of(node(), "node_modules/typescript/bin/tsc", "-p", "tsconfig.json")));
                if (compiled != 0) {
                    fail(compiled, "The policy pack does not compile (tsc exit " + compiled + ")");
                    return;
                }
            }
            checker = new ProcessBuilder(node(), "bin/src/check.js", "-").directory(pack.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(NOT_RUN, "The policy check needs Node.js 18 or newer and npm on the PATH (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(NOT_RUN, "interrupted");
        }
    }

    private void fail(int code, String message) {
        failureCode = code;
        failure = message;
    }

    /** Checks {@code planFile}; returns the pack's exit code: 0 clean, 1 a mandatory violation, other values a failure to run it. */
    int finish(Path planFile) {
        if (failure != null) {
            System.err.println(failure + "; the plan was written to " + planFile + " but not checked.");
            return failureCode;
        }
        if (checker == null) {
            System.out.println("\nNo policy pack at " + pack + ": policies not evaluated.");
            return 0;
        }
        Progress.say("checking the plan against the policy pack");
        System.out.println();
        try {
            return timings.time("policy: evaluate", () -> {
                try (var input = checker.getOutputStream()) {
                    input.write((planFile.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
                }
                return pump(checker);
            });
        } catch (IOException e) {
            System.err.println("The policy checker stopped early (" + e.getMessage() + ")");
            return NOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NOT_RUN;
        }
    }

    /** Stops the checker when there is no plan to check. */
    void cancel() {
        if (checker != null) {
            checker.destroy();
        }
    }

    /** True when {@code node_modules} is missing or older than {@code package-lock.json}. */
    boolean needsInstall() throws IOException {
        var installed = pack.resolve("node_modules/.package-lock.json");
        return !Files.exists(installed) || newer(pack.resolve("package-lock.json"), Files.getLastModifiedTime(installed));
    }

    /** True when the compiled checker is missing or a source of the pack is newer than it. */
    boolean needsCompile() throws IOException {
        var compiled = pack.resolve("bin/src/check.js");
        if (!Files.exists(compiled)) {
            return true;
        }
        var builtAt = Files.getLastModifiedTime(compiled);
        var sources = new ArrayList<Path>(List.of(pack.resolve("index.ts"), pack.resolve("tsconfig.json"), pack.resolve("package-lock.json")));
        for (var dir : List.of("src", "test")) {
            if (Files.isDirectory(pack.resolve(dir))) {
                try (Stream<Path> files = Files.walk(pack.resolve(dir))) {
                    files.filter(Files::isRegularFile).forEach(sources::add);
                }
            }
        }
        for (var source : sources) {
            if (Files.exists(source) && newer(source, builtAt)) {
                return true;
            }
        }
        return false;
    }

    private static boolean newer(Path file, FileTime than) throws IOException {
        return Files.getLastModifiedTime(file).compareTo(than) > 0;
    }

    private static String node() {
        return WINDOWS ? "node.exe" : "node";
    }

    private int exec(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(pack.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return pump(process);
    }

    private static int pump(Process process) throws IOException, InterruptedException {
        try (var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(System.out::println);
        }
        return process.waitFor();
    }
}
