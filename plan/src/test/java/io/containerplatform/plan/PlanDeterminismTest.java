package io.containerplatform.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same config gives the same plan file, byte for byte apart from the manifest time: planned here and again
 * in another JVM (hash orders, which change between JVMs, must not leak into the plan: they would also show as
 * diffs in {@code pulumi preview}).
 */
class PlanDeterminismTest {

    @TempDir
    Path out;

    @Test
    void everyStackPlansToTheSameFileInAnotherJvm() throws Exception {
        var stacks = PlanStacks.stacks(Path.of(""));
        assertThat(stacks).contains("dev", "prod");
        // The JDK's hash salt takes one of few values per JVM: plan again until a JVM with another salt than this
        // one has been seen (a few tries), so that an order taken from a hash map shows up as a difference.
        var here = PlanJson.hashOrder();
        var otherOrderSeen = false;
        for (int attempt = 1; attempt <= 5 && !otherOrderSeen; attempt++) {
            var dir = Files.createDirectories(out.resolve("run-" + attempt));
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), PlanJson.class.getName(), dir.toString()));
            command.addAll(stacks);
            var log = dir.resolve("child.log");
            var child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).describedAs(Files.readString(log)).isZero();
            for (var stack : stacks) {
                assertThat(Files.readString(dir.resolve(stack + ".json")))
                        .describedAs("plan of %s in another JVM", stack)
                        .isEqualTo(PlanFile.toJson(StackPlans.of(stack), Instant.EPOCH));
            }
            otherOrderSeen = !Files.readAllLines(log).contains(here);
        }
    }
}
