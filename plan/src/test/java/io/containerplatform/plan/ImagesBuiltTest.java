package io.containerplatform.plan;

import com.google.gson.Gson;
import io.containerplatform.components.common.Formats;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every image a stack runs is either a pinned public image, or a tag of an ECR repository that the program itself
 * creates and {@code images.yml} builds from a Dockerfile under {@code docker/}: otherwise a Deployment or task waits
 * for an image nobody builds until {@code pulumi up} times out.
 */
class ImagesBuiltTest {

    private static final Pattern PRIVATE_ECR = Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+)[:@](.+)");
    private static final Pattern USER_DATA_IMAGE = Pattern.compile("^IMAGE='([^']+)'$", Pattern.MULTILINE);

    /** Each image a plan runs, with the resource that runs it. */
    @SuppressWarnings("unchecked")
    static List<Map.Entry<String, String>> imagesOf(Plan plan) {
        var found = new ArrayList<Map.Entry<String, String>>();
        for (var r : plan.resources()) {
            if (r.type().equals("aws:ecs/taskDefinition:TaskDefinition")) {
                for (var container : (List<Map<String, Object>>) new Gson().fromJson((String) r.inputs().get("containerDefinitions"), List.class)) {
                    found.add(Map.entry(r.name(), (String) container.get("image")));
                }
            } else if (r.type().equals("aws:ec2/launchTemplate:LaunchTemplate") && r.inputs().get("userData") instanceof String encoded) {
                var matcher = USER_DATA_IMAGE.matcher(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    found.add(Map.entry(r.name(), matcher.group(1)));
                }
            } else if (r.type().startsWith("kubernetes:apps/v1:") || r.type().startsWith("kubernetes:batch/v1:")) {
                var spec = (Map<String, Object>) r.inputs().get("spec");
                var template = (Map<String, Object>) (r.type().endsWith(":CronJob")
                        ? ((Map<String, Object>) ((Map<String, Object>) spec.get("jobTemplate")).get("spec")).get("template")
                        : spec.get("template"));
                var podSpec = (Map<String, Object>) template.get("spec");
                for (var key : List.of("initContainers", "containers")) {
                    for (var container : (List<Map<String, Object>>) podSpec.getOrDefault(key, List.of())) {
                        found.add(Map.entry(r.name(), (String) container.get("image")));
                    }
                }
            }
        }
        return found;
    }

    /** Why {@code image} would not run, or empty. */
    static Optional<String> problem(String stack, String image, Plan plan, List<String> builtImages, Path root) throws IOException {
        var ecr = PRIVATE_ECR.matcher(image);
        if (!ecr.matches()) {
            return Formats.imageProblem(image).map(p -> "is a public image that is not pinned: " + p);
        }
        var repository = ecr.group(3);
        var tag = ecr.group(4);
        var created = plan.ofType("aws:ecr/repository:Repository").stream().filter(r -> repository.equals(repositoryName(r))).findFirst();
        if (created.isEmpty()) {
            return Optional.of("is in ECR repository " + repository + ", which the program does not create");
        }
        if (!isPlatformRepository(created.get())) {
            return Optional.empty(); // a service's own repository: the service's team pushes its tags (README, "Services")
        }
        if (!repository.startsWith(stack + "/") || !builtImages.contains(repository.substring(stack.length() + 1))) {
            return Optional.of("is in ECR repository " + repository + ", which images.yml does not push to (it pushes " + stack
                    + "/<image> for " + builtImages + ")");
        }
        var folder = root.resolve("docker").resolve(repository.substring(stack.length() + 1));
        if (!Files.exists(folder.resolve("Dockerfile"))) {
            return Optional.of("has no Dockerfile in " + folder);
        }
        var version = Files.readString(folder.resolve("VERSION")).strip();
        if (!tag.equals(version)) {
            return Optional.of("has tag " + tag + ", but images.yml pushes " + version + " (" + folder.resolve("VERSION") + ")");
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static List<String> builtImages(Path root) throws IOException {
        try (var reader = Files.newBufferedReader(root.resolve(".github/workflows/images.yml"))) {
            Map<String, Object> workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            var build = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("build");
            return (List<String>) ((Map<String, Object>) ((Map<String, Object>) build.get("strategy")).get("matrix")).get("image");
        }
    }

    /**
     * Why the stack {@code stack} planned as {@code plan} would wait for an image: each image it runs that is neither
     * pinned public nor in a repository it creates and something fills, each platform repository images.yml does not
     * fill, the producer missing beside the pipeline. The checks every stack file passes, and so does every documented
     * form ({@code DocumentedFormsTest}).
     */
    static List<String> problems(String stack, Plan plan, Path root) throws IOException {
        var built = builtImages(root);
        var problems = new ArrayList<String>();
        for (var image : imagesOf(plan)) {
            problem(stack, image.getValue(), plan, built, root).ifPresent(p -> problems.add(image.getKey() + " runs " + image.getValue() + ": " + p));
        }
        var repositories = platformRepositories(plan);
        for (var repository : repositories) {
            repositoryProblem(stack, repository, built, root).ifPresent(p -> problems.add("repository " + repository + " " + p));
        }
        if (!plan.ofType("kubernetes:apps/v1:StatefulSet").isEmpty() && !repositories.contains(stack + "/producer")) {
            problems.add("runs the pipeline without the repository " + stack + "/producer: the burst drill and publishers run the producer");
        }
        return problems;
    }

    @Test
    void everyStackRunsOnlyPinnedPublicImagesOrImagesOfRepositoriesItCreatesAndImagesYmlFillsItsOwn() throws IOException {
        var root = Path.of("");
        for (var stack : PlanStacks.stacks(root)) {
            assertThat(problems(stack, StackPlans.of(stack), root)).describedAs(stack).isEmpty();
        }
        // a new stack may run no image yet; the committed ones do, so the checks above saw images and repositories
        assertThat(imagesOf(StackPlans.of("dev"))).isNotEmpty();
        assertThat(imagesOf(StackPlans.of("prod"))).isNotEmpty();
        assertThat(platformRepositories(StackPlans.of("dev"))).containsExactly("dev/api", "dev/processor", "dev/producer", "dev/spark");
    }

    /**
     * The platform's repositories of a stack, {@code <stack>/<image>} (children of {@code ImageRepositories}): what
     * deploy.yml creates first (a targeted {@code pulumi up}) and then hands to images.yml, which fails on any it cannot
     * build or push.
     */
    static List<String> platformRepositories(Plan plan) {
        return plan.ofType("aws:ecr/repository:Repository").stream().filter(ImagesBuiltTest::isPlatformRepository)
                .map(ImagesBuiltTest::repositoryName).sorted().toList();
    }

    private static boolean isPlatformRepository(PlanResource repository) {
        return repository.urn().contains("containerplatform:images:ImageRepositories$");
    }

    /**
     * The name of an ECR repository in image references: its {@code name} input, or, auto-named (a service's own
     * repository has no {@code name} input), its logical name, which the offline plan's URLs stand in for Pulumi's
     * {@code <logical name>-<random suffix>} with.
     */
    private static String repositoryName(PlanResource repository) {
        return repository.inputs().get("name") instanceof String name ? name : repository.name();
    }

    /** Why the platform repository {@code repository} of {@code stack} would stay empty, or empty. */
    static Optional<String> repositoryProblem(String stack, String repository, List<String> builtImages, Path root) {
        var image = repository.substring(repository.indexOf('/') + 1);
        if (!repository.equals(stack + "/" + image)) {
            return Optional.of("is not named " + stack + "/<image>");
        }
        if (!builtImages.contains(image) || !Files.exists(root.resolve("docker").resolve(image).resolve("Dockerfile"))) {
            return Optional.of("is not built by images.yml (it builds " + builtImages + " from docker/<image>/Dockerfile)");
        }
        return Optional.empty();
    }

    @Test
    void theChecksFailOnARepositoryImagesYmlDoesNotFillAndOnAPipelineWithoutItsProducer() throws IOException {
        var root = Path.of("");
        var built = builtImages(root);
        assertThat(repositoryProblem("dev", "dev/notebooks", built, root)).contains("is not built by images.yml (it builds " + built
                + " from docker/<image>/Dockerfile)");
        assertThat(repositoryProblem("dev", "prod/spark", built, root)).contains("is not named dev/<image>");
        assertThat(problems("prod", StackPlans.of("dev"), root)).contains("repository dev/api is not named prod/<image>",
                "runs the pipeline without the repository prod/producer: the burst drill and publishers run the producer");
    }

    @Test
    void theCheckFailsOnImagesNobodyBuilds() throws IOException {
        var root = Path.of("");
        var plan = StackPlans.of("dev");
        var built = builtImages(root);
        assertThat(problem("dev", "123456789012.dkr.ecr.us-east-1.amazonaws.com/student-records-app:1.0.0", plan, built, root))
                .contains("is in ECR repository student-records-app, which the program does not create");
        assertThat(problem("dev", "123456789012.dkr.ecr.us-east-1.amazonaws.com/dev/spark:9.9.9", plan, built, root))
                .hasValueSatisfying(p -> assertThat(p).startsWith("has tag 9.9.9, but images.yml pushes 3.5.3-1"));
        assertThat(problem("dev", "123456789012.dkr.ecr.us-east-1.amazonaws.com/prod/spark:3.5.3-1", plan, built, root))
                .contains("is in ECR repository prod/spark, which the program does not create");
        assertThat(problem("dev", "nginx:latest", plan, built, root)).hasValueSatisfying(p -> assertThat(p).contains("latest"));
        assertThat(problem("dev", "123456789012.dkr.ecr.us-east-1.amazonaws.com/dev/spark:3.5.3-1", plan, built, root)).isEmpty();
        assertThat(problem("dev", "public.ecr.aws/nginx/nginx:1.27", plan, built, root)).isEmpty();
        // a service's own repository is auto-named (no name input): found by its logical name, and its team pushes the tags
        assertThat(problem("dev", "123456789012.dkr.ecr.us-east-1.amazonaws.com/dev-api-repo:1.4.0", plan, built, root)).isEmpty();
        assertThat(problem("dev", "123456789012.dkr.ecr.us-east-1.amazonaws.com/dev-shop-repo:1.4.0", plan, built, root))
                .contains("is in ECR repository dev-shop-repo, which the program does not create");
    }
}
