package io.containerplatform.components.asg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The boot script is valid bash, and its credentials refresher does what it says when the secret rotates (run for real, with stub aws and docker). */
class UserDataTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-3:123456789012:secret:app-user";
    private static final String SCRIPT = UserData.script("registry.example.com/app:1.0.0", "eu-west-3", 8080, "/asg/app",
            Map.of("GREETING", "hello world", "LOG_LEVEL", "info"), SECRET, "db.example.internal", "app");

    @TempDir
    Path dir;

    private int bash(Map<String, String> env, String... command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("bash.log").toFile());
        builder.environment().putAll(env);
        var process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @Test
    void theWholeScriptIsValidBash() throws Exception {
        Files.writeString(dir.resolve("user-data.sh"), SCRIPT);
        assertThat(bash(Map.of(), "bash", "-n", "user-data.sh")).describedAs(Files.readString(dir.resolve("bash.log"))).isZero();
        assertThat(SCRIPT).contains("OnUnitActiveSec=5min").contains("systemctl enable --now app-db-credentials.timer")
                .doesNotContainPattern("DB_PASSWORD=[^$]");
    }

    @Test
    void aRotatedSecretRewritesTheEnvironmentAndRecreatesTheContainerOnce() throws Exception {
        var matcher = Pattern.compile("cat > /usr/local/bin/app-db-credentials <<'SCRIPT'\n(.*?)\nSCRIPT\n", Pattern.DOTALL).matcher(SCRIPT);
        assertThat(matcher.find()).isTrue();
        var run = dir.resolve("run");
        var bin = dir.resolve("bin");
        Files.createDirectories(run);
        Files.createDirectories(bin);
        // the plain variables, as the boot script writes them
        var base = Pattern.compile("(cat >> /run/app.base.env <<'ENV'\n.*?\nENV\n)", Pattern.DOTALL).matcher(SCRIPT);
        assertThat(base.find()).isTrue();
        Files.writeString(run.resolve("app.base.env"), "");
        Files.writeString(dir.resolve("base-env.sh"), base.group(1).replace("/run/", run + "/"));
        assertThat(bash(Map.of(), "bash", dir.resolve("base-env.sh").toString())).describedAs(log()).isZero();
        var refresher = matcher.group(1).replace("/run/", run + "/").replace("/usr/local/bin/", bin + "/");
        Files.writeString(bin.resolve("app-db-credentials"), refresher);
        stub(bin.resolve("app-start"), "echo recreated >> '" + dir.resolve("calls") + "'");
        // aws: the secret as Secrets Manager returns it, from a file the test rotates
        stub(bin.resolve("aws"), "[[ \"$*\" == *\"--secret-id " + SECRET + "\"* ]] || exit 9; cat '" + dir.resolve("secret.json") + "'");
        // docker inspect app: the container exists once the test says so
        stub(bin.resolve("docker"), "[[ -e '" + dir.resolve("container") + "' ]]");
        var env = Map.of("PATH", bin + ":" + System.getenv("PATH"));

        secret("v1", "first-password");
        assertThat(bash(env, "bash", bin.resolve("app-db-credentials").toString())).describedAs(log()).isZero();
        assertThat(Files.readString(run.resolve("app.env"))).contains("DB_USER=app\n").contains("DB_PASSWORD=first-password\n")
                .contains("DB_SECRET_ARN=" + SECRET + "\n").contains("DB_HOST=db.example.internal\n")
                .startsWith("GREETING=hello world\nLOG_LEVEL=info\n");
        assertThat(dir.resolve("calls")).describedAs("no container yet: nothing to recreate").doesNotExist();

        Files.writeString(dir.resolve("container"), "");
        assertThat(bash(env, "bash", bin.resolve("app-db-credentials").toString())).describedAs(log()).isZero();
        assertThat(dir.resolve("calls")).describedAs("same version: the container is left alone").doesNotExist();

        secret("v2", "rotated-password");
        assertThat(bash(env, "bash", bin.resolve("app-db-credentials").toString())).describedAs(log()).isZero();
        assertThat(Files.readString(run.resolve("app.env"))).contains("DB_PASSWORD=rotated-password\n").doesNotContain("first-password")
                .contains("GREETING=hello world\n");
        assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly("recreated");
    }

    private void secret(String version, String password) throws IOException {
        Files.writeString(dir.resolve("secret.json"), "{\"VersionId\": \"" + version + "\", \"SecretString\": "
                + "\"{\\\"username\\\": \\\"app\\\", \\\"password\\\": \\\"" + password + "\\\"}\"}");
    }

    private static void stub(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("bash.log"));
    }
}
