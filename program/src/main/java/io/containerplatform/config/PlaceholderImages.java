package io.containerplatform.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Public images a stack may run as placeholders until a team's own image exists, and the only paths each answers with
 * 200 as shipped: a load balancer health check on any other path gets 404, every target stays unhealthy and the
 * service never becomes available (an EC2 Auto Scaling group checked by the load balancer replaces its instances
 * forever). Stock nginx serves {@code /usr/share/nginx/html} ({@code index.html}, {@code 50x.html}) at {@code /}
 * (docker-nginx's {@code default.conf}); stock httpd serves its {@code htdocs/index.html} ("It works!").
 */
public final class PlaceholderImages {

    /** The paths served, by repository as an image reference names it (Docker Hub's short and long forms, ECR Public). */
    static final Map<String, List<String>> SERVED = served(Map.of(
            "nginx", List.of("/", "/index.html", "/50x.html"),
            "httpd", List.of("/", "/index.html")));

    private static Map<String, List<String>> served(Map<String, List<String>> byImage) {
        var result = new java.util.HashMap<String, List<String>>();
        byImage.forEach((image, paths) -> List.of(image, "library/" + image, "docker.io/" + image, "docker.io/library/" + image,
                "public.ecr.aws/docker/library/" + image, "public.ecr.aws/" + image + "/" + image).forEach(r -> result.put(r, paths)));
        return Map.copyOf(result);
    }

    private PlaceholderImages() {
    }

    /** The repository of {@code image}: without its digest ({@code @sha256:...}) and its tag ({@code :1.27}). */
    static String repository(String image) {
        var name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        var colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    /**
     * Why a health check on {@code path} can never pass against {@code image}, if it is a stock placeholder image
     * that does not serve the path; empty for any other image (it may serve what it likes).
     */
    public static Optional<String> problem(String image, String path) {
        var served = SERVED.get(repository(image));
        if (served == null || served.contains(path)) {
            return Optional.empty();
        }
        return Optional.of("\"" + path + "\" is not served by the stock image " + image + ": it answers 404 there, so every target"
                + " stays unhealthy");
    }

    /** What is allowed instead of {@code path} on {@code image}. */
    static String allowed(String image, String path) {
        return "a path the image serves (" + String.join(", ", SERVED.get(repository(image))) + "), or an image that serves " + path;
    }
}
