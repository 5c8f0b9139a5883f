package io.containerplatform.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the policy pack ({@code policy/}, {@code npm run check}) over a written plan file, installing the
 * pack's locked npm dependencies first on a fresh clone. The pack's output is copied to {@code System.out}
 * (not inherited: a child writing to the JVM's own stdout would bypass whoever captured it, e.g. a test runner).
 */
final class PolicyCheck {

    private PolicyCheck() {
    }

    /** The pack's exit code: 0 clean, 1 a mandatory violation, other values a failure to run it. */
    static int run(Path projectDir, Path planFile) {
        var pack = projectDir.resolve("policy");
        if (!Files.exists(pack.resolve("package.json"))) {
            System.out.println("\nNo policy pack at " + pack + ": policies not evaluated.");
            return 0;
        }
        try {
            if (!Files.isDirectory(pack.resolve("node_modules"))) {
                System.out.println("\nInstalling the policy pack's dependencies (npm ci)...");
                int installed = npm(pack, List.of("ci", "--no-audit", "--no-fund", "--loglevel=error"));
                if (installed != 0) {
                    System.err.println("npm ci failed in " + pack + " (exit " + installed + ")");
                    return installed;
                }
            }
            System.out.println();
            return npm(pack, List.of("run", "--silent", "check", "--", planFile.toAbsolutePath().toString()));
        } catch (IOException e) {
            System.err.println("Cannot run npm (Node.js 18+ is needed for the policy pack): " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
    }

    private static int npm(Path dir, List<String> args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add(System.getProperty("os.name").toLowerCase().contains("win") ? "npm.cmd" : "npm");
        command.addAll(args);
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            output.lines().forEach(System.out::println);
        }
        return process.waitFor();
    }
}
