package io.containerplatform;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README as GitHub renders it (CommonMark with GFM tables), and the promises at its top. */
class ReadmeTest {

    static final String PLAN = "./mvnw -q compile exec:java@plan -Dstack=dev";
    static final String TESTS = "./mvnw verify";

    static Node readme() throws IOException {
        return Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(Files.readString(Path.of("README.md")));
    }

    /** The text of each paragraph, its soft line breaks kept as new lines. */
    static List<String> paragraphs(Node document) {
        var found = new ArrayList<String>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                var text = new StringBuilder();
                paragraph.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(SoftLineBreak b) {
                        text.append('\n');
                    }
                });
                found.add(text.toString());
            }
        });
        return found;
    }

    @Test
    void everyTableRowRendersInATable() throws IOException {
        var document = readme();
        assertThat(paragraphs(document)).describedAs("paragraphs that are table rows cut off from their table (a blank line ends a table)")
                .noneMatch(p -> p.lines().anyMatch(line -> line.startsWith("|")));
        var tables = new int[1];
        document.accept(new AbstractVisitor() {
            @Override
            public void visitChildren(Node parent) {
                if (parent instanceof TableBlock) {
                    tables[0]++;
                }
                super.visitChildren(parent);
            }
        });
        var sourceTables = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.startsWith("| ---")).count();
        assertThat(tables[0]).describedAs("tables rendered").isEqualTo((int) sourceTables).isPositive();
    }

    @Test
    void opensWithTheOfflinePlanAndTheTestCommand() throws IOException {
        var first = new FencedCodeBlock[1];
        readme().accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (first[0] == null) {
                    first[0] = block;
                }
            }
        });
        var lines = first[0].getLiteral().lines().map(l -> l.replaceAll("\\s+#.*", "")).toList();
        assertThat(lines).containsExactly(PLAN, TESTS);
    }

    /** The cost section's assumption table is the list the estimate uses, with its defaults and descriptions. */
    @Test
    void theCostAssumptionsTableIsTheOneTheEstimateUses() throws IOException {
        var text = Files.readString(Path.of("README.md"));
        var rows = text.lines().filter(l -> l.startsWith("| `") && !l.contains("<key>") && text.indexOf(l) > text.indexOf("## What a stack costs"))
                .filter(l -> text.indexOf(l) < text.indexOf("## How long a first deploy takes")).toList();
        var expected = java.util.Arrays.stream(io.containerplatform.config.UsageAssumption.values())
                .map(a -> "| `" + a.key() + "` | " + new java.math.BigDecimal(Double.toString(a.defaultValue())).stripTrailingZeros().toPlainString()
                        + " | " + a.description() + " |").toList();
        assertThat(rows).isEqualTo(expected);
    }

    /** The figures the README gives for each stack are what the plan computes. */
    @Test
    void theCostAndDeployTimeOfEachStackAreThePlans() throws IOException {
        var text = Files.readString(Path.of("README.md"));
        for (var stack : List.of("dev", "prod")) {
            var plan = io.containerplatform.plan.StackPlans.of(stack);
            var config = io.containerplatform.config.StackConfig.load(io.containerplatform.plan.StackFile.read(Path.of(""), stack).programConfig());
            var cost = io.containerplatform.plan.cost.CostEstimator.estimate(plan,
                    io.containerplatform.plan.cost.Prices.of(io.containerplatform.plan.StackFile.read(Path.of(""), stack).region()).orElseThrow(), config.cost(),
                    README_PLAN_DATE);
            var deploy = io.containerplatform.plan.deploytime.CriticalPath.of(plan, io.containerplatform.plan.deploytime.CreationTimes.typical()::of);
            assertThat(text).contains("| " + stack + " | " + io.containerplatform.plan.cost.CostEstimate.dollars(cost.total()) + " | "
                    + io.containerplatform.plan.deploytime.CriticalPath.minutes(deploy.seconds()) + " |");
            assertThat(text).contains(io.containerplatform.plan.deploytime.CriticalPath.minutes(deploy.seconds()));
        }
        assertThat(text).contains("comes to $48.09 against the seed's \"~$45\"").contains("-DplanDate=" + README_PLAN_DATE);
    }

    static final String LIBRARY_INSTALL = "./mvnw -q install -pl components -am -DskipTests";

    /**
     * Installing the library builds only the parent, {@code components-testing} and {@code components} (a bare
     * {@code install -DskipTests} would also run every plan, the Node suites and the RabbitMQ end-to-end tests: skipTests
     * does not skip exec executions): every install command of the README and the YAML example is that one, and
     * {@code -am} brings no other module because the components depend on no other module of the reactor.
     */
    @Test
    void theLibraryInstallBuildsOnlyTheLibrary() throws IOException {
        var installs = new ArrayList<String>();
        for (var file : List.of("README.md", "examples/yaml/Pulumi.yaml")) {
            java.util.regex.Pattern.compile("\\./mvnw[^`\\n|)]* install[^`\\n|)]*").matcher(Files.readString(Path.of(file))).results()
                    .forEach(m -> installs.add(m.group().strip()));
        }
        assertThat(installs).isNotEmpty().containsOnly(LIBRARY_INSTALL);
        var pom = Files.readString(Path.of("components", "pom.xml"));
        assertThat(java.util.regex.Pattern.compile("<artifactId>(container-platform-[a-z-]+)</artifactId>").matcher(pom).results()
                .map(m -> m.group(1)).toList())
                .containsExactlyInAnyOrder("container-platform-parent", "container-platform-components", "container-platform-components-testing");
    }

    /** The day the README's figures were priced on (its cost section says so). */
    private static final java.time.LocalDate README_PLAN_DATE = java.time.LocalDate.of(2026, 12, 4);

    /** The runbooks' selectors and names are those the platform sets (the dev plan's workloads), or a chart's own. */
    @Test
    void theRunbooksUseTheLabelsAndNamesThePlatformSets() throws IOException {
        var text = Files.readString(Path.of("README.md"));
        var runbooks = text.substring(text.indexOf("### Runbooks"), text.indexOf("### Drills"));
        var plan = io.containerplatform.plan.StackPlans.of("dev");
        var podLabels = new java.util.HashSet<String>();
        var names = new java.util.HashSet<String>();
        for (var type : List.of("kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:batch/v1:Job",
                "kubernetes:batch/v1:CronJob", "kubernetes:keda.sh/v1alpha1:ScaledObject")) {
            for (var r : plan.ofType(type)) {
                var metadata = (java.util.Map<?, ?>) r.inputs().get("metadata");
                names.add(String.valueOf(metadata.get("name")));
                var spec = (java.util.Map<?, ?>) r.inputs().getOrDefault("spec", java.util.Map.of());
                if (spec.get("jobTemplate") instanceof java.util.Map<?, ?> job) {   // a CronJob's pods
                    spec = (java.util.Map<?, ?>) job.get("spec");
                }
                var template = (java.util.Map<?, ?>) spec.get("template");
                if (template != null) {
                    ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) template.get("metadata")).get("labels")).forEach((k, v) -> podLabels.add(k + "=" + v));
                }
            }
        }
        var selectors = java.util.regex.Pattern.compile("app\\.kubernetes\\.io/(?:name|part-of)=[a-z0-9-]+").matcher(runbooks).results()
                .map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.toSet());
        // the cluster autoscaler's pods are labelled by its chart (cloudProvider aws), not by the platform
        selectors.remove("app.kubernetes.io/name=aws-cluster-autoscaler");
        assertThat(selectors).isNotEmpty();
        assertThat(podLabels).containsAll(selectors);
        assertThat(names).contains("spark-processor", "swagger-api", "rabbitmq", "mongodb").anyMatch(n -> n.startsWith("mongodb-reconcile-"));
        assertThat(runbooks).contains("`mongodb-reconcile-<hash>`", "scaledobject spark-processor", "exec rabbitmq-0", "exec\nmongodb-0");
    }
}
