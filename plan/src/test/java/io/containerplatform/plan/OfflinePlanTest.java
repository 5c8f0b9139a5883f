package io.containerplatform.plan;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class OfflinePlanTest {

    @TempDir
    Path project;

    private void stackFile(String stack, String body) throws IOException {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: container-platform\nruntime: java\n");
        Files.writeString(project.resolve("Pulumi." + stack + ".yaml"), body);
    }

    /** Runs {@code action} capturing standard output and error. */
    private static String[] captured(Callable<Integer> action, int[] exit) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var oldOut = System.out;
        var oldErr = System.err;
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            exit[0] = action.call();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new String[]{out.toString(), err.toString()};
    }

    @Test
    void invalidConfigExitsOneWithTheMessagesOnly() throws Exception {
        stackFile("bad", """
                config:
                  container-platform:environment: qa
                  container-platform:owner: team
                  container-platform:network:
                    cidr: 10.0.0.0/8
                    azCount: 2
                """);
        var exit = new int[1];
        var printed = captured(() -> OfflinePlan.run("bad", project), exit);
        assertThat(exit[0]).isEqualTo(1);
        assertThat(printed[0]).isEmpty();
        assertThat(printed[1]).isEqualTo("""
                Invalid config for stack 'bad' (3 errors):
                  - environment: "qa" is not a known value; allowed: dev, staging, prod
                  - costCenter: missing; allowed: the cost center, a string of at most 256 characters
                  - network.cidr: "10.0.0.0/8" has prefix /8; allowed: IPv4 CIDR, prefix /16 to /24, no host bits
                Keys are under the 'container-platform:' namespace: fix them in Pulumi.bad.yaml or with `pulumi config set`.
                """);
        assertThat(project.resolve("target/plan/bad.json")).doesNotExist();
    }

    @Test
    void missingStackFileExitsOne() throws Exception {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: container-platform\n");
        var exit = new int[1];
        var printed = captured(() -> OfflinePlan.run("nope", project), exit);
        assertThat(exit[0]).isEqualTo(1);
        assertThat(printed[1]).startsWith("Cannot read the config of stack 'nope': no config file for stack 'nope'");
    }

    @Test
    void aKeyGivenTwiceInTheStackFileExitsOneNamingItsLine() throws Exception {
        stackFile("twice", """
                config:
                  container-platform:environment: dev
                  container-platform:services:
                    web:
                      kind: fargate
                      cpu: 256
                      cpu: 512
                """);
        var exit = new int[1];
        var printed = captured(() -> OfflinePlan.run("twice", project), exit);
        assertThat(exit[0]).isEqualTo(1);
        assertThat(printed[1]).startsWith("Cannot read the config of stack 'twice': Pulumi.twice.yaml line 7 column 7: found duplicate key cpu; "
                + "allowed: each key once in a mapping");
    }

    @Test
    void validConfigPrintsTheTreeAndWritesThePlanFile() throws Exception {
        stackFile("small", """
                config:
                  aws:region: us-east-1
                  container-platform:environment: staging
                  container-platform:owner: team
                  container-platform:costCenter: cc
                  container-platform:network:
                    cidr: 10.0.0.0/20
                    natGateways: none
                    flowLogs: false
                """);
        var exit = new int[1];
        var printed = captured(() -> OfflinePlan.run("small", project), exit);
        assertThat(exit[0]).describedAs(printed[1]).isZero();
        assertThat(printed[0]).contains("Offline plan of stack 'small' (project container-platform)")
                .contains("└─ containerplatform:network:NetworkComponent  small")
                .contains("aws:ec2/subnet:Subnet  small-private-1  cidrBlock=10.0.9.0/24  availabilityZone=us-east-1b")
                .contains("Counts by type:").contains("     4  aws:ec2/subnet:Subnet");
        var doc = JsonParser.parseString(Files.readString(project.resolve("target/plan/small.json"))).getAsJsonObject();
        assertThat(doc.get("version").getAsInt()).isEqualTo(3);
        var deployment = doc.getAsJsonObject("deployment");
        assertThat(deployment.getAsJsonObject("manifest").keySet()).containsExactly("time", "magic", "version");
        var resources = deployment.getAsJsonArray("resources");
        var stack = resources.get(0).getAsJsonObject();
        assertThat(stack.get("urn").getAsString()).isEqualTo("urn:pulumi:small::container-platform::pulumi:pulumi:Stack::container-platform-small");
        assertThat(stack.has("parent")).isFalse();
        for (var element : resources) {
            assertThat(element.getAsJsonObject().keySet()).isSubsetOf("urn", "type", "custom", "parent", "inputs", "dependencies", "protect", "provider", "aliases")
                    .contains("urn", "type", "custom", "inputs", "dependencies", "protect");
        }
        var vpc = resources.asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("type").getAsString().equals("aws:ec2/vpc:Vpc")).findFirst().orElseThrow();
        assertThat(vpc.get("urn").getAsString()).isEqualTo(
                "urn:pulumi:small::container-platform::pulumi:pulumi:Stack$containerplatform:network:NetworkComponent$aws:ec2/vpc:Vpc::small-vpc");
        assertThat(vpc.get("custom").getAsBoolean()).isTrue();
        assertThat(vpc.getAsJsonObject("inputs").get("cidrBlock").getAsString()).isEqualTo("10.0.0.0/20");
    }

    @Test
    void mockValuesFollowTheStacksRegionAndArnsHaveTheirRealShape() throws Exception {
        stackFile("paris", """
                config:
                  aws:region: eu-west-3
                  container-platform:environment: staging
                  container-platform:owner: team
                  container-platform:costCenter: cc
                  container-platform:network:
                    azCount: 3
                    natGateways: none
                  container-platform:services:
                    app:
                      kind: ec2
                      image: public.ecr.aws/nginx/nginx:1.27
                """);
        var exit = new int[1];
        var printed = captured(() -> OfflinePlan.run("paris", project), exit);
        assertThat(exit[0]).describedAs(printed[1]).isZero();
        assertThat(printed[0]).contains("availabilityZone=eu-west-3a").contains("availabilityZone=eu-west-3c")
                .doesNotContain("us-east-1").doesNotContain("mock-1a");
        var plan = Files.readString(project.resolve("target/plan/paris.json"));
        assertThat(plan).contains("arn:aws:iam::123456789012:role/paris-flow-logs-role").doesNotContain("arn:aws:iam:eu-west-3");
    }

    @Test
    void withoutNodeThePlanIsWrittenAndOneLineEachSaysWhatCouldNotBeDone() throws Exception {
        stackFile("small", """
                config:
                  container-platform:environment: dev
                  container-platform:owner: team
                  container-platform:costCenter: cc
                """);
        Files.createSymbolicLink(project.resolve("policy"), Path.of("policy").toAbsolutePath());
        Files.createDirectories(project.resolve("tools"));
        Files.createSymbolicLink(project.resolve("tools/diagram"), Path.of("tools/diagram").toAbsolutePath());
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OfflinePlan.class.getName(), "small")
                .directory(project.toFile());
        child.environment().put("PATH", project.resolve("no-such-bin").toString());
        var process = child.start();
        var stdout = new String(process.getInputStream().readAllBytes());
        var stderr = new String(process.getErrorStream().readAllBytes()).lines().filter(l -> !l.startsWith("[plan]")).toList();
        assertThat(process.waitFor()).isEqualTo(PolicyCheck.NOT_RUN);
        assertThat(stdout).contains("Wrote target/plan/small.json");
        assertThat(stderr).hasSize(2);
        assertThat(stderr.get(0)).startsWith("The diagram was not rendered to SVG: the renderer needs Node.js 18 or newer and npm on the PATH (Cannot run program");
        assertThat(stderr.get(1)).startsWith("The policy check needs Node.js 18 or newer and npm on the PATH (Cannot run program")
                .endsWith("; the plan was written to target/plan/small.json but not checked.");
        assertThat(project.resolve("target/plan/small.md")).exists();
        assertThat(project.resolve("target/plan/small.cost.json")).exists();
    }

    @Test
    void thePlanWritesCostDiagramAndDeployTimeAndFailsOverBudget() throws Exception {
        var config = """
                config:
                  aws:region: eu-west-3
                  container-platform:environment: staging
                  container-platform:owner: team
                  container-platform:costCenter: cc
                  container-platform:network:
                    natGateways: single
                  container-platform:services:
                    web:
                      kind: fargate
                      image: public.ecr.aws/nginx/nginx:1.27
                  container-platform:cost:
                    monthlyBudget: %s
                """;
        stackFile("small", config.formatted("10"));
        Files.createDirectories(project.resolve("tools"));
        Files.createSymbolicLink(project.resolve("tools/diagram"), Path.of("tools/diagram").toAbsolutePath());
        var exit = new int[1];
        var printed = captured(() -> OfflinePlan.run("small", project), exit);
        assertThat(exit[0]).describedAs(printed[0] + printed[1]).isEqualTo(1);
        var cost = JsonParser.parseString(Files.readString(project.resolve("target/plan/small.cost.json"))).getAsJsonObject();
        double monthly = cost.get("monthly").getAsDouble();
        assertThat(cost.get("region").getAsString()).isEqualTo("eu-west-3");
        assertThat(printed[0]).contains("Monthly cost estimate of stack 'small' (eu-west-3, USD")
                .contains("A first `pulumi up` of stack 'small' takes about").contains("Wrote " + project.resolve("target/plan/small.svg"));
        assertThat(printed[1]).contains("error: the monthly cost estimate of stack 'small', " + io.containerplatform.plan.cost.CostEstimate.dollars(monthly)
                + ", is over its budget of $10.00 (container-platform:cost.monthlyBudget)");
        assertThat(Files.readString(project.resolve("target/plan/small.md"))).startsWith("# Architecture of stack small\n\n```mermaid\n")
                .contains("## How long a first deploy takes").contains("## What it costs");
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var svg = factory.newDocumentBuilder().parse(project.resolve("target/plan/small.svg").toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getTextContent()).contains("small-web-service").contains("NAT gateway");

        stackFile("small", config.formatted(String.valueOf(Math.ceil(monthly / 0.9))));
        printed = captured(() -> OfflinePlan.run("small", project), exit);
        assertThat(exit[0]).describedAs(printed[0] + printed[1]).isZero();
        assertThat(printed[1]).containsPattern("warning: the monthly cost estimate of stack 'small', \\$[0-9.,]+, uses 9[0-9] % of its budget");
    }

    @Test
    void aMandatoryPolicyViolationFailsThePlanUnderTheConfigOfTheStacksEnvironmentWhateverItsName() throws Exception {
        stackFile("prod-eu", """
                config:
                  container-platform:environment: prod
                  container-platform:owner: team
                  container-platform:costCenter: cc
                  container-platform:alerts:
                    emails: [ops@example.com]
                  container-platform:services:
                    web:
                      kind: fargate
                      image: public.ecr.aws/nginx/nginx:1.27
                """);
        Files.createSymbolicLink(project.resolve("policy"), Path.of("policy").toAbsolutePath());
        var exit = new int[1];
        var printed = captured(() -> OfflinePlan.run("prod-eu", project), exit);
        assertThat(exit[0]).describedAs(printed[0] + printed[1]).isEqualTo(1);
        assertThat(project.resolve("target/plan/prod-eu.json")).exists();
        assertThat(printed[0]).contains("stack prod-eu, ").contains(" config config/prod.json")
                .contains("[mandatory] aws-lb-listener-require-https-in-production");
    }

    @Test
    void everyEnvironmentHasItsPolicyConfigAndNothingElseHasOne() throws IOException {
        try (var files = Files.list(Path.of("policy/config"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(io.containerplatform.config.Environment.CHOICES.keySet().stream().map(e -> e + ".json").toList());
        }
    }

    @Test
    void secureValuesBecomeSecretPlaceholdersAndSecretInputsAreMasked() throws Exception {
        stackFile("sec", """
                config:
                  container-platform:environment: dev
                  container-platform:dbPassword:
                    secure: AAABAKx0c2VjcmV0
                """);
        var file = StackFile.read(project, "sec");
        assertThat(file.values()).containsEntry("container-platform:dbPassword", StackFile.placeholder("container-platform:dbPassword"));
        assertThat(file.secretKeys()).containsExactly("container-platform:dbPassword");

        var plan = new Plan("sec", "p", java.util.List.of(new PlanResource("urn:a", "t", "a", true, null,
                java.util.Map.of("password", "[secret]"), java.util.List.of(), true, null, java.util.List.of("x"), java.util.List.of())), java.util.Map.of());
        assertThat(PlanFile.toJson(plan, Instant.EPOCH)).contains("\"password\": \"[secret]\"").contains("\"protect\": true")
                .contains("\"time\": \"1970-01-01T00:00:00Z\"").doesNotContain("ignoreChanges");
    }

    @Test
    void anEksVersionChangeThatSkipsAMinorFailsThePlanWithABaseAsARefusedChange() throws Exception {
        stackFile("small", """
                config:
                  aws:region: us-east-1
                  container-platform:environment: staging
                  container-platform:owner: team
                  container-platform:costCenter: cc
                  container-platform:network:
                    cidr: 10.0.0.0/20
                    natGateways: none
                    flowLogs: false
                  container-platform:eks:
                    enabled: true
                    version: "1.35"
                """);
        var exit = new int[1];
        var printed = captured(() -> OfflinePlan.run("small", project), exit);
        assertThat(exit[0]).describedAs(printed[1]).isZero();
        // the deployed plan: the same stack with its cluster two minors back
        var base = Files.createDirectories(project.resolve("base"));
        var deployed = Files.readString(project.resolve("target/plan/small.json")).replace("\"version\": \"1.35\"", "\"version\": \"1.33\"");
        Files.writeString(base.resolve("small.json"), deployed);
        System.setProperty("base", base.toString());
        try {
            printed = captured(() -> OfflinePlan.run("small", project), exit);
        } finally {
            System.clearProperty("base");
        }
        assertThat(printed[1]).containsOnlyOnce("error: small-eks: EKS updates a cluster one minor version at a time, and 1.33 to 1.35 skips 1.34");
        assertThat(exit[0]).isEqualTo(1);
        var changes = JsonParser.parseString(Files.readString(project.resolve("target/plan/small.changes.json"))).getAsJsonObject();
        assertThat(changes.getAsJsonArray("errors").toString()).describedAs("refused in the pull request's comment and gate")
                .contains("small-eks: EKS updates a cluster one minor version at a time");
    }
}
