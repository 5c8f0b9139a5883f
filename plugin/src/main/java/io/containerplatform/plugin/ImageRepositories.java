package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.images.ImageRepositoriesArgs;

import java.util.Map;

/**
 * {@link io.containerplatform.components.images.ImageRepositories} for programs in any language: the same inputs
 * ({@link ImageRepositoriesArgs}, checked as {@code build()} checks them), and each image's repository URL as output.
  * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("One private ECR repository per image, immutable tags, scanned on push, with a lifecycle policy.")
public final class ImageRepositories extends ComponentResource {

    @Doc("Each image's repository URL (<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<image>).")
    @Export(name = "repositoryUrls", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> repositoryUrls;

    public ImageRepositories(String name, ImageRepositoriesArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:ImageRepositories", name, Checked.options(args, options));
        var repositories = new io.containerplatform.components.images.ImageRepositories(name, args,
                ComponentResourceOptions.builder().parent(this).build());
        repositoryUrls = ByName.of(args.images(), repositories::repositoryUrl);
        registerOutputs(Exports.of(this));
    }
}
