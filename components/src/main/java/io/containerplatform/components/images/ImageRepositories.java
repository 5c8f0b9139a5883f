package io.containerplatform.components.images;

import com.pulumi.aws.ecr.Repository;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ECR repositories of the images the platform builds itself (the folders of {@code docker/}, which
 * {@code images.yml} builds and pushes as {@code <prefix>/<image>:<version>}), one per image, named
 * {@code <prefix>/<image>} so that the workflow and the program agree on them.
 */
public class ImageRepositories extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "containerplatform:images:ImageRepositories";

    private final Map<String, Repository> repositories = new LinkedHashMap<>();

    public ImageRepositories(String name, ImageRepositoriesArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        for (var image : args.images()) {
            repositories.put(image, EcrRepository.create(this, name + "-" + image, args.prefix() + "/" + image, true, args.keepImages(),
                    args.production()));
        }
        var urls = new LinkedHashMap<String, Output<?>>();
        repositories.forEach((image, repository) -> urls.put(image, repository.repositoryUrl()));
        registerOutputs(urls);
    }

    /** The repository URL of {@code image} ({@code <account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<image>}). */
    public Output<String> repositoryUrl(String image) {
        var repository = repositories.get(image);
        if (repository == null) {
            throw new IllegalArgumentException("no repository for image " + image + "; images: " + repositories.keySet());
        }
        return repository.repositoryUrl();
    }
}
