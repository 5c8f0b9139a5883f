package io.containerplatform.components.images;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.Json;

import java.util.List;

import static io.containerplatform.components.common.Json.obj;

/**
 * An ECR repository as the platform makes them: scanned on push, encrypted, tags immutable unless asked
 * otherwise (a tag always names the same image, so rolling back to a tag is exact), and a lifecycle policy
 * keeping the last images. In production the repository is protected and keeps its images on {@code pulumi destroy};
 * elsewhere destroy deletes it with its images ({@code forceDelete}: ECR refuses to delete a repository that holds
 * images otherwise, which stopped the teardown of a dev stack). Children {@code <resourceName>} and
 * {@code <resourceName>-lifecycle} of {@code parent}.
 */
public final class EcrRepository {

    private EcrRepository() {
    }

    /** Images a service repository keeps by default. */
    public static final int DEFAULT_KEEP_IMAGES = 30;

    /**
     * @param repositoryName the repository's name, or null to let Pulumi name it after {@code resourceName}
     * @param immutableTags  whether a pushed tag can never be overwritten
     * @param keepImages     how many images the lifecycle policy keeps
     * @param production     protect the repository and keep it, with its images, on {@code pulumi destroy}
     */
    public static Repository create(Resource parent, String resourceName, String repositoryName, boolean immutableTags, int keepImages,
                                    boolean production) {
        var args = RepositoryArgs.builder()
                .forceDelete(!production)
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .imageTagMutability(immutableTags ? "IMMUTABLE" : "MUTABLE")
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder().encryptionType("AES256").build());
        if (repositoryName != null) {
            args.name(repositoryName);
        }
        var options = CustomResourceOptions.builder().parent(parent).build();
        var repository = new Repository(resourceName, args.build(), CustomResourceOptions.builder().parent(parent).protect(production).build());
        var rule = obj("rulePriority", 1,
                "description", "Keep the last " + keepImages + " images",
                "selection", obj("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", keepImages),
                "action", obj("type", "expire"));
        new LifecyclePolicy(resourceName + "-lifecycle", LifecyclePolicyArgs.builder()
                .repository(repository.name())
                .policy(Json.write(obj("rules", List.of(rule))))
                .build(), options);
        return repository;
    }
}
