package io.containerplatform.components.images;

import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.testing.MockStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageRepositoriesTest {

    @Test
    void eachImageGetsARepositoryUnderThePrefixKeepingTheLastImages() {
        var mocks = MockStack.run(ctx -> new ImageRepositories("dev-images",
                ImageRepositoriesArgs.builder().prefix("dev").images(List.of("web", "processor")).keepImages(5).build(),
                ComponentResourceOptions.Empty));
        assertThat(mocks.ofType("aws:ecr/repository:Repository")).extracting(r -> r.inputs.get("name"))
                .containsExactly("dev/web", "dev/processor");
        assertThat(mocks.ofType("aws:ecr/lifecyclePolicy:LifecyclePolicy")).hasSize(2)
                .allSatisfy(p -> assertThat(String.valueOf(p.inputs.get("policy"))).contains("\"countNumber\":5"));
    }

    @Test
    void destroyDeletesTheRepositoriesWithTheirImagesOutsideProductionOnly() {
        var dev = MockStack.run(ctx -> new ImageRepositories("dev-images",
                ImageRepositoriesArgs.builder().prefix("dev").images(List.of("web")).build(), ComponentResourceOptions.Empty));
        assertThat(dev.named("aws:ecr/repository:Repository", "dev-images-web").inputs).containsEntry("forceDelete", true);
        var prod = MockStack.run(ctx -> new ImageRepositories("prod-images",
                ImageRepositoriesArgs.builder().prefix("prod").images(List.of("web")).production(true).build(), ComponentResourceOptions.Empty));
        assertThat(prod.named("aws:ecr/repository:Repository", "prod-images-web").inputs).containsEntry("forceDelete", false);
    }

    @Test
    void invalidArgsListEveryProblem() {
        var images = "allowed: at least one; lower-case letters, digits and . _ -, each once";
        assertThatThrownBy(() -> ImageRepositoriesArgs.builder().prefix("Dev").images(List.of("web", "web", "a b")).keepImages(0).build())
                .hasMessage("ImageRepositoriesArgs.keepImages: 0 is out of range; allowed: 1 to 1000"
                        + " | ImageRepositoriesArgs.prefix: \"Dev\" is not a repository name part; allowed: lower-case letters, digits and . _ -"
                        + " | ImageRepositoriesArgs.images: \"a b\" is not a repository name part; " + images
                        + " | ImageRepositoriesArgs.images: [web, web, a b] names an image twice; " + images);
        assertThatThrownBy(() -> ImageRepositoriesArgs.builder().build()).hasMessageStartingWith("ImageRepositoriesArgs.prefix: missing");
    }
}
