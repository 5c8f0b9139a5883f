package io.containerplatform.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackFileTest {

    @TempDir
    Path project;

    private StackFile read(String body) throws IOException {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: container-platform\n");
        Files.writeString(project.resolve("Pulumi.s.yaml"), body);
        return StackFile.read(project, "s");
    }

    @Test
    void readsYaml12LikeThePulumiCli() throws IOException {
        var file = read("""
                config:
                  container-platform:owner: yes
                  container-platform:costCenter: 2024-01-01
                  container-platform:tags:
                    Reviewed: no
                    Count: 0x10
                    On: true
                """);
        assertThat(file.values()).containsEntry("container-platform:owner", "yes")
                .containsEntry("container-platform:costCenter", "2024-01-01")
                .containsEntry("container-platform:tags", "{\"Reviewed\":\"no\",\"Count\":16,\"On\":true}");
    }

    @Test
    void aScalarDirectlyUnderConfigIsItsTextAsWrittenAsTheCliReadsItIntoAString() throws IOException {
        var file = read("""
                config:
                  container-platform:owner: on
                  container-platform:costCenter: 0755
                  container-platform:since: 2024-01-01
                  container-platform:version: 1.30
                  container-platform:flag: true
                  container-platform:quoted: "0x10"
                  container-platform:empty:
                  container-platform:tags:
                    Mode: 0o755
                """);
        assertThat(file.values()).containsEntry("container-platform:owner", "on")
                .containsEntry("container-platform:costCenter", "0755")
                .containsEntry("container-platform:since", "2024-01-01")
                .containsEntry("container-platform:version", "1.30")
                .containsEntry("container-platform:flag", "true")
                .containsEntry("container-platform:quoted", "0x10")
                .containsEntry("container-platform:empty", "")
                .containsEntry("container-platform:tags", "{\"Mode\":493}");
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() {
        assertThatThrownBy(() -> read("""
                config:
                  container-platform:owner: [a, b
                """)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("Pulumi.s.yaml line 3 column 1: not valid YAML: ");
    }

    @Test
    void aKeyGivenTwiceNamesItsLine() {
        assertThatThrownBy(() -> read("""
                config:
                  container-platform:owner: a
                  container-platform:owner: b
                """)).isInstanceOf(IOException.class)
                .hasMessage("Pulumi.s.yaml line 3 column 3: found duplicate key container-platform:owner; allowed: each key once in a mapping");
    }

    @Test
    void otherNamespacesReachTheProgramForItsChecks() throws IOException {
        var file = read("""
                config:
                  aws:region: us-east1
                  container-platform:owner: a
                """);
        assertThat(file.programConfig().foreign()).containsExactly(java.util.Map.entry("aws:region", "us-east1"));
        assertThat(file.programConfig().keys()).containsExactly("owner");
    }

    @Test
    void aSecretWebhookSetWithPathPlansAsTheStackFilesSay() throws IOException {
        var file = read("""
                config:
                  container-platform:environment: dev
                  container-platform:owner: a
                  container-platform:costCenter: b
                  container-platform:alerts:
                    webhooks:
                      - secure: v1:AAAA
                  container-platform:services:
                    web:
                      kind: fargate
                      image: nginx:1.27
                      alarmWebhooks:
                        - secure: v1:BBBB
                """);
        assertThat(file.values().get("container-platform:alerts")).isEqualTo(
                "{\"webhooks\":[\"https://offline-placeholder.invalid/container-platform-alerts\"]}");
        var config = io.containerplatform.config.StackConfig.load(file.programConfig());
        assertThat(config.alerts().webhooks()).containsExactly("https://offline-placeholder.invalid/container-platform-alerts");
    }
}
