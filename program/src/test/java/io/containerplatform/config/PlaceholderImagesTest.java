package io.containerplatform.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderImagesTest {

    @ParameterizedTest(name = "{0} on {1}: healthy {2}")
    @CsvSource({
            "public.ecr.aws/nginx/nginx:1.27, /, true",
            "public.ecr.aws/nginx/nginx:1.27, /index.html, true",
            "public.ecr.aws/nginx/nginx:1.27, /50x.html, true",
            "public.ecr.aws/nginx/nginx:1.27, /students, false",
            "nginx, /health, false",
            "docker.io/library/nginx@sha256:0123456789abcdef, /api, false",
            "public.ecr.aws/docker/library/httpd:2.4, /, true",
            "public.ecr.aws/docker/library/httpd:2.4, /50x.html, false",
            "httpd:2.4, /students, false",
            // the team's own images, or another placeholder, may serve any path
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0, /students, true",
            "registry.example.com:5000/nginx, /students, true",
            "public.ecr.aws/nginx/nginx-unprivileged:1.27, /students, true",
    })
    void aStockPlaceholderImagePassesOnlyOnThePathsItServes(String image, String path, boolean healthy) {
        assertThat(PlaceholderImages.problem(image, path).isEmpty()).describedAs(image + " " + path).isEqualTo(healthy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "public.ecr.aws/nginx/nginx:1.27, public.ecr.aws/nginx/nginx",
            "nginx@sha256:0123, nginx",
            "registry.example.com:5000/nginx, registry.example.com:5000/nginx",
            "registry.example.com:5000/nginx:1.27, registry.example.com:5000/nginx",
    })
    void theRepositoryIsTheReferenceWithoutTagOrDigest(String image, String repository) {
        assertThat(PlaceholderImages.repository(image)).isEqualTo(repository);
    }
}
