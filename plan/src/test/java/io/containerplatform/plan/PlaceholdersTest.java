package io.containerplatform.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -Dstrict}: every placeholder of a stack file is refused, naming its key; a real stack file passes. */
class PlaceholdersTest {

    @TempDir
    Path project;

    /** A small valid stack with real-looking values of every kind the check looks at (the passing fixture). */
    private static final String REAL = """
            config:
              aws:region: eu-west-1
              container-platform:environment: staging
              container-platform:owner: team
              container-platform:costCenter: cc
              container-platform:network:
                cidr: 10.0.0.0/20
                natGateways: none
                flowLogs: false
              container-platform:eks:
                publicAccessCidrs: [81.2.69.0/24]
                adminPrincipalArns: ["arn:aws:iam::210987654321:role/platform-admins"]
              container-platform:loadBalancer:
                certificateArn: arn:aws:acm:eu-west-1:210987654321:certificate/6f1c2a52-0b7e-4d3a-9a8e-2f7c1d9e0b11
              container-platform:pipeline:
                apiHost: api.acme-corp.io
                apiHostedZoneId: Z1D633PJN98FT9
                alertEmails: [oncall@acme-corp.io]
              container-platform:apiToken:
                secure: v1:Zm9vYmFyYmF6cXV4:c2VjcmV0IGNpcGhlcnRleHQgb2YgdGhlIHRva2Vu
              container-platform:grafanaAdminPassword:
                secure: AAABAHk8bTGqk3M0UXJ0eXRoaW5nRW5jcnlwdGVkQnlUaGVTZXJ2aWNl
            """;

    /** The failing fixture: one placeholder of each kind, in maps, lists and secure values. */
    private static final String PLACEHOLDERS = """
            config:
              container-platform:environment: staging
              container-platform:eks:
                publicAccessCidrs: [10.1.0.0/16, 203.0.113.0/24, 198.51.100.7/32]
                privateAccessCidrs: [192.0.2.0/24]
                adminPrincipalArns: ["arn:aws:iam::123456789012:role/platform-admins"]
              container-platform:sparkEcs:
                image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/spark:1
              container-platform:loadBalancer:
                certificateArn: arn:aws:acm:us-east-1:210987654321:certificate/00000000-0000-0000-0000-000000000000
              container-platform:pipeline:
                apiHost: api.dev.example.com
                apiHostedZoneId: Z0123456789EXAMPLE
                alertEmails: [platform-oncall@example.org]
                webhook: https://hooks.example.net/alerts
              container-platform:backup:
                accessKeyId: AKIAIOSFODNN7EXAMPLE
                secretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
              container-platform:apiToken:
                secure: v1:placeholder-replace-with-pulumi-config-set-secret
              container-platform:mongodbPassword:
                secure: AAABAPlaceholderSetWithPulumiConfigSetSecret
              container-platform:rabbitmqPassword:
                secure: not base64!
            """;

    private static final String EXAMPLE = " is an AWS documentation value (ending in EXAMPLE, as AKIAIOSFODNN7EXAMPLE or Z0123456789EXAMPLE):"
            + " set the real one";

    private List<String> keys(String body) throws IOException {
        write("s", body);
        return Placeholders.in(project, "s").stream().map(Placeholders.Found::key).toList();
    }

    private void write(String stack, String body) throws IOException {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: container-platform\nruntime: java\n");
        Files.writeString(project.resolve("Pulumi." + stack + ".yaml"), body);
    }

    @Test
    void realValuesAreNotPlaceholders() throws IOException {
        assertThat(keys(REAL)).isEmpty();
    }

    @Test
    void everyPlaceholderIsNamedByItsKey() throws IOException {
        write("s", PLACEHOLDERS);
        var found = Placeholders.in(project, "s");
        assertThat(found).extracting(Placeholders.Found::message).containsExactly(
                "container-platform:eks.publicAccessCidrs[1]: \"203.0.113.0/24\" is a documentation address range (RFC 5737, reachable by nobody): set the real ranges",
                "container-platform:eks.publicAccessCidrs[2]: \"198.51.100.7/32\" is a documentation address range (RFC 5737, reachable by nobody): set the real ranges",
                "container-platform:eks.privateAccessCidrs[0]: \"192.0.2.0/24\" is a documentation address range (RFC 5737, reachable by nobody): set the real ranges",
                "container-platform:eks.adminPrincipalArns[0]: \"arn:aws:iam::123456789012:role/platform-admins\" holds AWS's documentation account id 123456789012: use your account's",
                "container-platform:sparkEcs.image: \"123456789012.dkr.ecr.us-east-1.amazonaws.com/spark:1\" holds AWS's documentation account id 123456789012: use your account's",
                "container-platform:loadBalancer.certificateArn: \"arn:aws:acm:us-east-1:210987654321:certificate/00000000-0000-0000-0000-000000000000\" is an all-zero ARN: set the ARN of the real resource",
                "container-platform:pipeline.apiHost: \"api.dev.example.com\" names a reserved example domain (RFC 2606): set a host or address of yours",
                "container-platform:pipeline.apiHostedZoneId: \"Z0123456789EXAMPLE\"" + EXAMPLE,
                "container-platform:pipeline.alertEmails[0]: \"platform-oncall@example.org\" names a reserved example domain (RFC 2606): set a host or address of yours",
                "container-platform:pipeline.webhook: \"https://hooks.example.net/alerts\" names a reserved example domain (RFC 2606): set a host or address of yours",
                "container-platform:backup.accessKeyId: \"AKIAIOSFODNN7EXAMPLE\"" + EXAMPLE,
                "container-platform:backup.secretKey: \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"" + EXAMPLE,
                "container-platform:apiToken: \"secure: v1:placeholder-replace-with-pulumi-config-set-secret\" is not a secret the CLI can decrypt: "
                        + "pulumi config set --secret container-platform:apiToken <value>",
                "container-platform:mongodbPassword: \"secure: AAABAPlaceholderSetWithPulumiConfigSetSecret\" is not a secret the CLI can decrypt: "
                        + "pulumi config set --secret container-platform:mongodbPassword <value>",
                "container-platform:rabbitmqPassword: \"secure: not base64!\" is not a secret the CLI can decrypt: "
                        + "pulumi config set --secret container-platform:rabbitmqPassword <value>");
    }

    @Test
    void lookalikesOfPlaceholdersAreNotFlagged() throws IOException {
        assertThat(keys("""
                config:
                  container-platform:a: "1234567890123"
                  container-platform:b: 10.203.0.113/32
                  container-platform:c: 203.0.1130
                  container-platform:d: api.example.company.com
                  container-platform:e: counterexample.com
                  container-platform:f: arn:aws:iam::210987654321:role/x-123456789012x
                  container-platform:g: EXAMPLE
                  container-platform:h: Z0123EXAMPLES
                  container-platform:i: my-EXAMPLE-bucket
                """)).containsExactly("container-platform:f");
    }

    @Test
    void theCommittedStackFilesHoldPlaceholdersThatTheStrictPlanNames() throws IOException {
        var root = Path.of("");
        for (var stack : List.of("dev", "prod")) { // a new stack file may have no placeholder at all
            assertThat(Placeholders.in(root, stack)).describedAs(stack).extracting(Placeholders.Found::key)
                    .contains("container-platform:eks.publicAccessCidrs[0]", "container-platform:eks.adminPrincipalArns[0]",
                            "container-platform:mongodbPassword", "container-platform:pipeline.apiHost",
                            "container-platform:pipeline.apiHostedZoneId");
        }
        assertThat(Placeholders.in(root, "prod")).extracting(Placeholders.Found::message).contains("container-platform:loadBalancer.certificateArn: "
                + "\"arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000\" holds AWS's documentation account id "
                + "123456789012: use your account's; and is an all-zero ARN: set the ARN of the real resource");
    }

    @Test
    void theStrictPlanFailsBeforeRunningTheProgramAndThePlainPlanWarnsOnce() throws Exception {
        write("s", """
                config:
                  container-platform:environment: staging
                  container-platform:owner: team
                  container-platform:costCenter: cc
                  container-platform:network:
                    cidr: 10.0.0.0/20
                    natGateways: none
                    flowLogs: false
                  container-platform:grafanaAdminPassword:
                    secure: AAABAPlaceholderSetWithPulumiConfigSetSecret
                """);
        var err = new ByteArrayOutputStream();
        var oldErr = System.err;
        var oldOut = System.out;
        int strict;
        int plain;
        String strictErr;
        try {
            System.setErr(new PrintStream(err, true));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
            strict = OfflinePlan.run("s", project, true);
            strictErr = err.toString();
            err.reset();
            plain = OfflinePlan.run("s", project, false);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        assertThat(strict).isEqualTo(1);
        assertThat(strictErr).isEqualTo("""
                Placeholders left in Pulumi.s.yaml (1); -Dstrict refuses them:
                  - container-platform:grafanaAdminPassword: "secure: AAABAPlaceholderSetWithPulumiConfigSetSecret" is not a secret \
                the CLI can decrypt: pulumi config set --secret container-platform:grafanaAdminPassword <value>
                """);
        assertThat(err.toString()).containsOnlyOnce("placeholder").contains("warning: 1 placeholder left in Pulumi.s.yaml (the first: "
                + "container-platform:grafanaAdminPassword): fine offline, refused by -Dstrict, which deploy.yml runs before pulumi up.");
        assertThat(plain).describedAs(err.toString()).isNotEqualTo(1);
    }
}
