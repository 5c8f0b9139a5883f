package io.containerplatform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's config reference and the keys the program reads agree: every key read is a row (or a key of a row
 * typed object or list of objects, which describes its keys), and every row is a key the program reads.
 */
class ConfigReferenceTest {

    /** The keys before {@code services}: read only to say how to move to it (README, "Moving to services"). */
    private static final Set<String> LEGACY = Set.of("fargate", "asg", "database");
    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]*)\\|", Pattern.MULTILINE);

    /** A row of the README's config reference: its keys, and its type, default and allowed cells. */
    private record Row(List<String> keys, String type, String defaultCell, String allowed) {
    }

    /** The rows of the README's config reference, in order. */
    private static List<Row> rows() throws IOException {
        var text = Files.readString(Path.of("README.md"));
        var matcher = ROW.matcher(text.substring(text.indexOf("## Config reference"), text.indexOf("## Services")));
        var rows = new java.util.ArrayList<Row>();
        while (matcher.find()) {
            rows.add(new Row(keysOf(matcher.group(1)), matcher.group(2).strip(), matcher.group(3), matcher.group(4).strip()));
        }
        return rows;
    }

    /**
     * The README's default cell of each key, per environment ({@code dev}, {@code prod}), where it is a value (not
     * "required", "none" or another key's name). A service key is qualified by the kinds its row is for
     * ({@code services.<name>.cpuTargetPercent@ec2}), from the "fargate:" or "ec2:" its allowed values start with.
     */
    private static Map<String, String> readmeDefaults(String environment) throws IOException {
        var defaults = new LinkedHashMap<String, String>();
        for (var row : rows()) {
            var keys = row.keys();
            var cell = row.defaultCell().replace("`", "").replaceAll(" \\(.*\\)", "").strip();
            var perEnvironment = Pattern.compile("(.+) in prod, else (.+)").matcher(cell);
            if (perEnvironment.matches()) {
                cell = environment.equals("prod") ? perEnvironment.group(1) : perEnvironment.group(2);
            }
            var allowed = row.allowed();
            var kinds = allowed.startsWith("fargate:") ? List.of("fargate") : allowed.startsWith("ec2:") ? List.of("ec2") : List.of("fargate", "ec2");
            var values = cell.split(" / ");
            for (int i = 0; i < keys.size(); i++) {
                var value = values.length == keys.size() ? values[i] : cell;
                if (value.matches("required.*|none.*|one .*|[a-z]+[A-Z][A-Za-z]*")) {
                    continue;
                }
                if (keys.get(i).startsWith("services.<name>.")) {
                    for (var kind : kinds) {
                        defaults.put(keys.get(i) + "@" + kind, value);
                    }
                } else {
                    defaults.put(keys.get(i), value);
                }
            }
        }
        return defaults;
    }

    /** The keys of a row's first cell: {@code `a` / `.b`} or {@code `a`, `b`}. */
    private static List<String> keysOf(String cell) {
        var keys = new java.util.ArrayList<String>();
        for (var part : cell.split(" / |, ")) {
            var key = part.replace("`", "").strip();
            keys.add(key.startsWith(".") ? keys.get(0).substring(0, keys.get(0).lastIndexOf('.')) + key : key);
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theReadmesDefaultsAreTheOnesTheProgramTakes(String environment) throws IOException {
        var values = everything();
        values.put("environment", environment);
        values.put("pipeline", "{\"enabled\":true,\"mongodbReplicas\":3}");
        var taken = new TreeMap<String, String>();
        StackConfig.read(ConfigSource.of(values)).defaultsTaken().forEach((path, value) -> taken.put(path
                .replaceFirst("^services\\.web\\.(.*)$", "services.<name>.$1@fargate")
                .replaceFirst("^services\\.app\\.(.*)$", "services.<name>.$1@ec2").replaceAll("\\[\\d+]", "[]"), value));
        var readme = readmeDefaults(environment);
        var compared = readme.keySet().stream().filter(taken::containsKey).toList();
        assertThat(compared).hasSizeGreaterThan(40).contains("services.<name>.cpuTargetPercent@ec2", "network.azCount", "eks.backup.retentionDays");
        assertThat(compared).allSatisfy(key -> assertThat(readme.get(key)).describedAs("README default of %s in %s", key, environment)
                .isEqualTo(taken.get(key)));
    }

    /** A config that takes every branch: both kinds of service, a database, blue/green, EKS with a pipeline, Spark, cost. */
    private static Map<String, String> everything() {
        var values = new HashMap<String, String>(Map.of("environment", "dev", "owner", "o", "costCenter", "c", "tags", "{}",
                "network", "{}", "loadBalancer", "{}", "sparkEcs", "{\"enabled\":true}", "cost", "{\"assumptions\":{}}"));
        values.put("services", "{\"web\":{\"kind\":\"fargate\",\"paths\":[\"/w\"],\"rollout\":{\"strategy\":\"blueGreen\"},"
                + "\"permissions\":{\"statements\":[{}]},\"schedules\":[{}]},\"app\":{\"kind\":\"ec2\",\"database\":{}}}");
        values.put("eks", "{\"enabled\":true,\"nodeGroups\":[{\"taints\":[{}]}],\"backup\":{}}");
        values.put("pipeline", "{\"enabled\":true}");
        PipelineConfig.SECRET_KEYS.forEach(key -> values.put(key, "s"));
        values.put(PipelineConfig.PREVIOUS_KEY, "s");
        return values;
    }

    /**
     * The key paths read, with service names as {@code <name>} and list items as {@code []}; objects whose keys are
     * read (network, services.&lt;name&gt;.rollout) are left out: their keys stand for them.
     */
    private static Set<String> keysRead() {
        var keys = allKeysRead();
        keys.removeIf(key -> keys.stream().anyMatch(other -> other.startsWith(key + ".")) && !key.equals("services"));
        return keys;
    }

    /** Every key path read, objects included, normalized as in {@link #keysRead()}. */
    private static TreeSet<String> allKeysRead() {
        var keys = new TreeSet<String>();
        for (var path : StackConfig.read(ConfigSource.of(everything())).keysRead()) {
            var key = path.replaceFirst("^services\\.(web|app)(?=\\.|$)", "services.<name>").replaceAll("\\[\\d+]", "[]");
            if (!LEGACY.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The README's rows, each key of a row ({@code `a` / `.b`}, {@code `a`, `b`}) with the row's type. */
    private static Map<String, String> readmeRows() throws IOException {
        var types = new LinkedHashMap<String, String>();
        for (var row : rows()) {
            row.keys().forEach(key -> types.put(key, row.type()));
        }
        return types;
    }

    @Test
    void everyKeyTheProgramReadsIsInTheReadmesReference() throws IOException {
        var rows = readmeRows();
        var read = keysRead();
        assertThat(read).hasSizeGreaterThan(80);
        assertThat(read).allSatisfy(key -> {
            var described = false;
            for (var parent = key; parent.contains(".") && !described; ) {
                parent = parent.substring(0, parent.lastIndexOf('.')).replaceFirst("\\[]$", "");
                described = rows.getOrDefault(parent, "").matches("object|list of objects|map of objects");
            }
            assertThat(rows.containsKey(key) || described)
                    .describedAs("README, \"Config reference\", has no row for %s", key).isTrue();
        });
    }

    @Test
    void everyRowOfTheReadmesReferenceIsAKeyTheProgramReads() throws IOException {
        var read = allKeysRead();
        assertThat(readmeRows().keySet()).allSatisfy(key ->
                assertThat(read).describedAs("README, \"Config reference\", documents %s, which the program does not read", key).contains(key));
    }

    /**
     * The README's rows of the keys that are components' declared inputs say what the declarations say: the type, and
     * what is allowed in the declaration's own words (after {@code fargate: } or {@code ec2: } for one kind's key).
     */
    @Test
    void theReadmesRowsOfDeclaredInputsSayWhatTheirDeclarationsSay() throws IOException {
        var problems = declarationDisagreements(rows());
        assertThat(problems).isEmpty();
        var wrong = rows().stream().map(r -> r.keys().contains("services.<name>.port")
                ? new Row(r.keys(), r.type(), r.defaultCell(), "1 to 65536") : r).toList();
        assertThat(declarationDisagreements(wrong)).containsExactly(
                "services.<name>.port (ec2): README allows \"1 to 65536\", AsgServiceArgs.port allows \"1 to 65535\"",
                "services.<name>.port (fargate): README allows \"1 to 65536\", FargateServiceArgs.port allows \"1 to 65535\"");
    }

    /** A config object whose keys are a component's declared inputs: its README key prefix, service kind and Args. */
    private record Declared(String prefix, String kind, Class<?> args, List<String> keys) {
    }

    private static final List<Declared> DECLARED = List.of(
            new Declared("services.<name>.", "ec2", io.containerplatform.components.asg.AsgServiceArgs.class, ServiceConfig.EC2_KEYS),
            new Declared("services.<name>.database.", "ec2", io.containerplatform.components.database.MysqlSettings.class, DatabaseConfig.KEYS),
            new Declared("services.<name>.", "fargate", io.containerplatform.components.fargate.FargateServiceArgs.class, ServiceConfig.FARGATE_KEYS),
            new Declared("network.", "", io.containerplatform.components.network.NetworkArgs.class, NetworkConfig.KEYS),
            new Declared("sparkEcs.", "", io.containerplatform.components.spark.SparkEcsArgs.class, SparkEcsConfig.KEYS),
            new Declared("eks.", "", io.containerplatform.components.eks.EksPlatformArgs.class, EksConfig.KEYS),
            new Declared("pipeline.", "", io.containerplatform.components.pipeline.PipelineArgs.class, PipelineConfig.KEYS),
            new Declared("loadBalancer.", "", io.containerplatform.components.loadbalancing.WebLoadBalancerArgs.class, LoadBalancerConfig.KEYS),
            new Declared("services.<name>.", "", io.containerplatform.components.loadbalancing.Route.class, ServiceConfig.ROUTE_KEYS),
            new Declared("services.<name>.rollout.", "fargate", io.containerplatform.components.fargate.BlueGreenRollout.class,
                    ServiceConfig.BLUE_GREEN_KEYS));

    private static List<String> declarationDisagreements(List<Row> rows) {
        var problems = new java.util.ArrayList<String>();
        DECLARED.forEach(d -> compare(d.prefix(), d.kind(), d.args(), d.keys(), rows, problems));
        return problems;
    }

    /**
     * Compares the rows of the inputs {@code names} of {@code args} under {@code prefix}, and those of the declared input
     * types they hold: {@code eks.backup.retentionDays}, {@code eks.nodeGroups[].name}.
     */
    private static void compare(String prefix, String kind, Class<?> args, List<String> names, List<Row> rows, List<String> problems) {
        for (var name : names) {
            var key = prefix + name;
            var input = io.containerplatform.components.args.Inputs.named(args, name);
            var type = typeWord(input.type());
            var row = rows.stream().filter(r -> r.keys().contains(key) && !r.allowed().startsWith(kind.equals("ec2") ? "fargate:" : "ec2:"))
                    .findFirst();
            if (row.isEmpty()) {
                problems.add(key + " (" + kind + "): no README row, e.g. | `" + key + "` | " + type + " | " + input.defaultText() + " | "
                        + input.allowed() + (input.allowed().isEmpty() ? "" : ": ") + input.description() + " |");
            } else {
                if (!row.get().type().equals(type)) {
                    problems.add(key + " (" + kind + "): README says " + row.get().type() + ", the declaration " + type);
                }
                var allowed = row.get().allowed().replace("`", "").replaceFirst("^(fargate|ec2): ", "");
                if (!allowed.contains(input.allowed().replace("one of ", ""))) {
                    problems.add(key + " (" + kind + "): README allows \"" + allowed + "\", " + args.getSimpleName() + "." + name
                            + " allows \"" + input.allowed() + "\"");
                }
            }
            io.containerplatform.components.args.Inputs.declaredType(input).ifPresent(nested -> compare(
                    key + (type.startsWith("list") ? "[]." : "."), kind, nested,
                    io.containerplatform.components.args.Inputs.of(nested).stream().map(i -> i.name()).toList(), rows, problems));
        }
    }

    private static String typeWord(java.lang.reflect.Type type) {
        return switch (type.getTypeName()) {
            case "java.lang.Integer" -> "integer";
            case "java.lang.Boolean" -> "boolean";
            case "java.lang.String" -> "string";
            case "java.util.List<java.lang.String>" -> "list of string";
            case "java.util.Map<java.lang.String, java.lang.String>" -> "map of string";
            default -> type.getTypeName().startsWith("java.util.List<") ? "list of objects" : "object";
        };
    }

    @Test
    void theComparisonCanFail() {
        assertThat(keysRead()).contains("services.<name>.cpu", "services.<name>.rollout.strategy", "eks.backup.retentionDays")
                .doesNotContain("services.<name>.cpus", "fargate");
    }
}
