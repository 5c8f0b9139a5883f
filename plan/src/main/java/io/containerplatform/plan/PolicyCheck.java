package io.containerplatform.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the policy pack ({@code policy/}) over a plan file with Node.js. {@link #start} installs the pack's
 * locked npm dependencies when needed ({@link NodePackage}), compiles its TypeScript only when a source is newer
 * than the compiled checker, and starts the checker, which loads the pack while the program runs;
 * {@link #finish} hands it the written plan. The checker takes the policy config of the stack's {@code environment}
 * ({@code policy/config/<environment>.json}), never of its name.
 */
final class PolicyCheck {

    /** Exit code when Node.js or npm cannot be run, or the pack cannot be prepared. */
    static final int NOT_RUN = NodePackage.NOT_RUN;

    private final NodePackage pack;
    private final Timings timings;
    private final String environment;
    private Process checker;
    private String failure;
    private int failureCode;

    private PolicyCheck(NodePackage pack, Timings timings, String environment) {
        this.pack = pack;
        this.timings = timings;
        this.environment = environment;
    }

    /**
     * Prepares the pack of {@code projectDir} and starts its checker for a stack of {@code environment} (its config
     * value, {@code dev}, {@code staging} or {@code prod}); problems are reported by {@link #finish}.
     */
    static PolicyCheck start(Path projectDir, String environment, Timings timings) {
        var check = new PolicyCheck(new NodePackage(projectDir.resolve("policy"), "the policy pack"), timings, environment);
        if (check.pack.exists()) {
            check.prepare();
        }
        return check;
    }

    private void prepare() {
        try {
            int installed = pack.install(timings);
            if (installed != 0) {
                fail(installed, pack.installFailed(installed));
                return;
            }
            if (needsCompile()) {
                Progress.say("compiling the policy pack (its sources changed since the last compile)");
                int compiled = timings.time("policy: compile", () -> pack.node("node_modules/typescript/bin/tsc", "-p", "tsconfig.json"));
                if (compiled != 0) {
                    fail(compiled, "The policy pack does not compile (tsc exit " + compiled + ")");
                    return;
                }
            }
            checker = pack.start("bin/src/check.js", "-", "--environment", environment);
        } catch (IOException e) {
            fail(NOT_RUN, "The policy check " + NodePackage.needsNode(e));
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
            System.out.println("\nNo policy pack at " + pack.dir() + ": policies not evaluated.");
            return 0;
        }
        Progress.say("checking the plan against the policy pack");
        System.out.println();
        return NodePackage.feed(checker, planFile.toAbsolutePath().toString(), "The policy checker", timings, "policy: evaluate");
    }

    /** Stops the checker when there is no plan to check. */
    void cancel() {
        if (checker != null) {
            checker.destroy();
        }
    }

    /** True when the compiled checker is missing or a source of the pack is newer than it. */
    boolean needsCompile() throws IOException {
        var dir = pack.dir();
        var compiled = dir.resolve("bin/src/check.js");
        if (!Files.exists(compiled)) {
            return true;
        }
        var builtAt = Files.getLastModifiedTime(compiled);
        var sources = new ArrayList<Path>(List.of(dir.resolve("index.ts"), dir.resolve("tsconfig.json"), dir.resolve("package-lock.json")));
        for (var sub : List.of("src", "test")) {
            if (Files.isDirectory(dir.resolve(sub))) {
                try (Stream<Path> files = Files.walk(dir.resolve(sub))) {
                    files.filter(Files::isRegularFile).forEach(sources::add);
                }
            }
        }
        for (var source : sources) {
            if (Files.exists(source) && NodePackage.newer(source, builtAt)) {
                return true;
            }
        }
        return false;
    }
}
