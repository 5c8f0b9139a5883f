package io.containerplatform.program;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.images.ImageRepositories;
import io.containerplatform.components.images.ImageRepositoriesArgs;
import io.containerplatform.config.StackConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The images the platform builds itself: each folder of {@code docker/} with a Dockerfile, which
 * {@code images.yml} builds and pushes as {@code <stack>/<image>:<version>} (the version is the folder's
 * {@code VERSION} file). A config value {@code :<tag>} (e.g. {@code sparkEcs.image: ":3.5.3-1"}) names a tag of
 * this stack's repository of that image; the program creates the repositories of the images the stack uses, and of
 * the producer wherever the pipeline runs.
 */
final class PlatformImages {

    /** {@code docker/spark}: Spark standalone on ECS. */
    static final String SPARK = "spark";
    /** {@code docker/processor}: the data pipeline's Spark processor. */
    static final String PROCESSOR = "processor";
    /** {@code docker/api}: the data pipeline's API. */
    static final String API = "api";
    /**
     * {@code docker/producer}: publishes events to the pipeline; no config key runs it (the burst drill and publishers
     * start it as a Job), so every stack with the pipeline gets its repository.
     */
    static final String PRODUCER = "producer";

    private final String registry;

    private PlatformImages(String registry) {
        this.registry = registry;
    }

    /** Creates the repositories of the platform images {@code config} refers to as {@code :<tag>}. */
    static PlatformImages create(String stack, StackConfig config, ComponentResourceOptions options) {
        var used = new ArrayList<String>();
        if (config.sparkEcs().enabled() && isOwnTag(config.sparkEcs().image())) {
            used.add(SPARK);
        }
        if (config.eks().enabled() && config.pipeline().enabled()) {
            if (isOwnTag(config.pipeline().sparkImage())) {
                used.add(PROCESSOR);
            }
            if (isOwnTag(config.pipeline().apiImage())) {
                used.add(API);
            }
            used.add(PRODUCER);
        }
        if (used.isEmpty()) {
            return new PlatformImages(null);
        }
        new ImageRepositories(stack + "-images", ImageRepositoriesArgs.builder().prefix(stack).images(List.copyOf(used))
                .production(config.environment().isProd()).build(), options);
        var account = AwsFunctions.getCallerIdentityPlain().join().accountId();
        var region = AwsFunctions.getRegionPlain().join().name();
        return new PlatformImages(account + ".dkr.ecr." + region + ".amazonaws.com/" + stack);
    }

    /** {@code value} as an image reference: {@code :<tag>} becomes that tag of this stack's repository of {@code image}. */
    String resolve(String value, String image) {
        return isOwnTag(value) ? registry + "/" + image + value : value;
    }

    private static boolean isOwnTag(String value) {
        return value.startsWith(":");
    }
}
