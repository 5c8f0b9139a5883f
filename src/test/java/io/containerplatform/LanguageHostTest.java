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

    @Test
    void pluginDiscoveryPrintsTheProgramsProviderPackages() throws Exception {
        var command = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-o", "-q"));
        // the language host's PluginArgs, verbatim
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.logFile=System.err", "--no-transfer-progress", "compile", "exec:java",
                "-DmainClass=com.pulumi.bootstrap.internal.Main", "-DmainArgs=packages"));
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var stdout = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).describedAs(stdout).isZero();
        assertThat(stdout.strip()).isEqualTo("[{\"resource\":true,\"name\":\"aws\",\"version\":\"6.83.0\"},"
                + "{\"resource\":true,\"name\":\"kubernetes\",\"version\":\"4.0.0\"}]");
    }
}
