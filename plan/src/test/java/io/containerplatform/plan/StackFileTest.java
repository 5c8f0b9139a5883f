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
    void valuesAreThoseOfTheCliYamlV3IntoGoValuesThenConfigText() throws IOException {
        var file = read("""
                config:
                  container-platform:owner: on
                  container-platform:costCenter: 0755
                  container-platform:since: 2024-01-01
                  container-platform:version: 1.30
                  container-platform:flag: TRUE
                  container-platform:quoted: "0755"
                  container-platform:empty:
                  container-platform:tags:
                    Legacy: 0755
                    Modern: 0o17
                    Binary: 0b11
                    Grouped: 1_000
                    Leading: 09
                    Exponent: 1e3
                    Version: 1.30
                    Answer: yes
                    Date: 2024-01-01
                    Nothing: ~
                """);
        assertThat(file.values()).containsEntry("container-platform:owner", "on")
                .containsEntry("container-platform:costCenter", "493")
                .containsEntry("container-platform:since", "2024-01-01")
                .containsEntry("container-platform:version", "1.3")
                .containsEntry("container-platform:flag", "true")
                .containsEntry("container-platform:quoted", "0755")
                .containsEntry("container-platform:empty", "")
                .containsEntry("container-platform:tags", "{\"Legacy\":493,\"Modern\":15,\"Binary\":3,\"Grouped\":1000,\"Leading\":9,"
                        + "\"Exponent\":1000,\"Version\":1.3,\"Answer\":\"yes\",\"Date\":\"2024-01-01\",\"Nothing\":null}");
    }

    @Test
    void aServiceNamedWithNothingUnderItReachesTheProgramAndIsAnError() throws IOException {
        var file = read("""
                config:
                  container-platform:environment: dev
                  container-platform:owner: a
                  container-platform:costCenter: b
                  container-platform:services:
                    web:
                """);
        assertThat(file.values().get("container-platform:services")).isEqualTo("{\"web\":null}");
        var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> io.containerplatform.config.StackConfig.load(file.programConfig()), io.containerplatform.config.ConfigException.class);
        assertThat(error.errors()).contains("services.web.kind: missing; allowed: ec2, fargate");
    }

    @Test
    void goYamlResolvesPlainScalarsAsYamlV3() {
        assertThat(GoYaml.resolve("-0x10")).isEqualTo(-16L);
        assertThat(GoYaml.resolve("18446744073709551615")).isEqualTo(new java.math.BigInteger("18446744073709551615"));
        assertThat(GoYaml.resolve(".5")).isEqualTo(new java.math.BigDecimal("0.5"));
        assertThat(GoYaml.resolve("0x")).isEqualTo("0x");
        assertThat(GoYaml.resolve("Off")).isEqualTo("Off");
        assertThat(GoYaml.resolve("Null")).isNull();
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
