package io.containerplatform.components.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard's script run for real (bash and jq) against a stub kubectl that answers with the given Deployments. */
class RolloutGuardTest {

    @TempDir
    Path dir;

    private static String deployment(String name, String reason, int revision, String guardedRevision) {
        var annotations = "\"deployment.kubernetes.io/revision\": \"" + revision + "\""
                + (guardedRevision == null ? "" : ", \"" + RolloutGuard.ROLLED_BACK_TO + "\": \"" + guardedRevision + "\"");
        return "{\"metadata\": {\"name\": \"" + name + "\", \"annotations\": {" + annotations + "}},"
                + " \"status\": {\"conditions\": [{\"type\": \"Available\", \"reason\": \"MinimumReplicasAvailable\"},"
                + " {\"type\": \"Progressing\", \"reason\": \"" + reason + "\"}]}}";
    }

    /** Runs the script over {@code deployments}; returns the kubectl calls that change something, then its output. */
    private List<String> run(String... deployments) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("deployments.json"), "{\"items\": [" + String.join(", ", deployments) + "]}");
        var bin = Files.createDirectories(dir.resolve("bin"));
        var kubectl = bin.resolve("kubectl");
        Files.writeString(kubectl, "#!/bin/bash\nif [[ \"$*\" == *\" get deployments \"* ]]; then cat '" + dir.resolve("deployments.json")
                + "'; else echo \"$*\" >> '" + dir.resolve("calls") + "'; fi\n");
        assertThat(kubectl.toFile().setExecutable(true)).isTrue();
        var process = new ProcessBuilder("bash", "-c", RolloutGuard.script("data")).redirectErrorStream(true);
        process.environment().putAll(Map.of("PATH", bin + ":" + System.getenv("PATH")));
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).describedAs(output).isZero();
        var calls = Files.exists(dir.resolve("calls")) ? Files.readAllLines(dir.resolve("calls")) : List.<String>of();
        var all = new java.util.ArrayList<>(calls);
        all.add(output.strip());
        return all;
    }

    @Test
    void aRolloutPastItsDeadlineIsUndoneAndItsRollbackMarked() throws Exception {
        assertThat(run(deployment("swagger-api", "ProgressDeadlineExceeded", 7, null), deployment("spark-processor", "NewReplicaSetAvailable", 3, null)))
                .containsExactly("-n data rollout undo deployment/swagger-api",
                        "-n data annotate --overwrite deployment/swagger-api " + RolloutGuard.ROLLED_BACK_TO + "=8",
                        "swagger-api: rollout of revision 7 made no progress for 300 s: rolling back to the previous revision");
    }

    @Test
    void healthyRolloutsAreLeftAlone() throws Exception {
        assertThat(run(deployment("swagger-api", "NewReplicaSetAvailable", 7, "7"), deployment("spark-processor", "ReplicaSetUpdated", 2, null)))
                .containsExactly("");
    }

    @Test
    void itsOwnRollbackFailingTooIsLeftForAPerson() throws Exception {
        assertThat(run(deployment("swagger-api", "ProgressDeadlineExceeded", 8, "8")))
                .containsExactly("swagger-api: revision 8, the guard's own rollback, failed too: left as it is");
    }
}
