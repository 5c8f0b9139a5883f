package io.containerplatform;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Pulumi's Java language host runs in this project (pulumi-java, {@code executor_maven.go}): the plugin
 * discovery command must print the provider packages the program needs, as JSON on standard output, with
 * Maven's own output on standard error. The build must not start the program instead (it cannot run without the
 * engine), which it did while the exec plugin named the main class outright.
 */
class LanguageHostTest {

    /** Runs {@code ./mvnw -o -q <args>} at the root; returns its exit code and its output (with errors when asked). */
    private static Object[] maven(boolean withErrors, String... args) throws Exception {
        var command = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-o", "-q"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        if (withErrors) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        var process = builder.start();
        var stdout = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Object[]{process.exitValue(), stdout};
    }

    @Test
    void pluginDiscoveryPrintsTheProgramsProviderPackages() throws Exception {
        // the language host's PluginArgs, verbatim
        var result = maven(false, "-Dorg.slf4j.simpleLogger.logFile=System.err", "--no-transfer-progress", "compile",
                "exec:java", "-DmainClass=com.pulumi.bootstrap.internal.Main", "-DmainArgs=packages");
        assertThat(result[0]).describedAs((String) result[1]).isEqualTo(0);
        assertThat(((String) result[1]).strip()).isEqualTo("[{\"resource\":true,\"name\":\"aws\",\"version\":\"6.83.0\"},"
                + "{\"resource\":true,\"name\":\"kubernetes\",\"version\":\"4.0.0\"}]");
    }

    /** The host's RunArgs start the program, once, in program/: without the engine it stops at Pulumi.run. */
    @Test
    void theRunCommandStartsTheProgramOnceFromTheRoot() throws Exception {
        var result = maven(true, "--no-transfer-progress", "compile", "exec:java");
        var output = (String) result[1];
        assertThat(result[0]).isNotEqualTo(0);
        assertThat(output).containsOnlyOnce("Program run without the Pulumi engine available")
                .contains("(default-cli) on project container-platform:");
    }
}
