package io.containerplatform.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the documentation shows a user to write plans, and its plan passes the checks every stack file passes
 * ({@link ImagesBuiltTest#problems}): the README's Services example added to the dev stack, and the smallest new stack
 * of docs/new-stack.md. Each is read from the document, so the test follows the documentation.
 */
class DocumentedFormsTest {

    private static final Path ROOT = Path.of("");

    @TempDir
    Path project;

    /** The first {@code yaml} code block of {@code document} after the line {@code heading}. */
    static String yamlBlock(Path document, String heading) throws IOException {
        var text = Files.readString(document);
        var section = ("\n" + text).indexOf("\n" + heading + "\n"); // where the heading line starts in text
        assertThat(section).describedAs("%s in %s", heading, document).isNotNegative();
        var start = text.indexOf("```yaml\n", section) + "```yaml\n".length();
        return text.substring(start, text.indexOf("```", start));
    }

    /** The stack file {@code yaml}, read the way the offline plan reads {@code Pulumi.<stack>.yaml}. */
    private StackFile stackFile(String stack, String yaml) throws IOException {
        Files.copy(ROOT.resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi." + stack + ".yaml"), yaml);
        return StackFile.read(project, stack);
    }

    @Test
    void theReadmesServicesExampleAddedToTheDevStackPlansAndPassesTheStackChecks() throws IOException {
        var services = stackFile("readme", "config:\n" + yamlBlock(ROOT.resolve("README.md"), "## Services")).values()
                .get("container-platform:services");
        var dev = StackFile.read(ROOT, "dev");
        var values = new LinkedHashMap<>(dev.values());
        values.put("container-platform:services", services);
        var plan = PlanRunner.run("dev", new StackFile(dev.project(), values, dev.secretKeys()));
        assertThat(ImagesBuiltTest.imagesOf(plan)).extracting(java.util.Map.Entry::getValue)
                .contains("123456789012.dkr.ecr.us-east-1.amazonaws.com/dev-api-repo:1.4.0");
        assertThat(ImagesBuiltTest.problems("dev", plan, ROOT)).isEmpty();
    }

    @Test
    void theSmallestNewStackOfTheRecipePlansAndPassesTheStackChecks() throws IOException {
        var plan = PlanRunner.run("staging", stackFile("staging", yamlBlock(ROOT.resolve("docs/new-stack.md"), "# A new environment (stack)")));
        assertThat(plan.ofType("aws:ec2/vpc:Vpc")).hasSize(1);
        assertThat(plan.ofType("aws:ec2/natGateway:NatGateway")).hasSize(1);
        assertThat(ImagesBuiltTest.problems("staging", plan, ROOT)).isEmpty();
    }
}
