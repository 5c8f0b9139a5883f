package io.containerplatform.components.compute;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.IamPolicy;

import static io.containerplatform.components.common.Json.obj;

/** The two IAM roles of an ECS task, shared by the Fargate service and the Spark ECS cluster. */
public final class EcsTaskRoles {

    /** AWS managed policy of the execution role: image pulls and log writes. */
    public static final String EXECUTION_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    private EcsTaskRoles() {
    }

    /** Trust for {@code ecs-tasks.amazonaws.com}, limited to tasks of this account (confused-deputy guard). */
    public static Output<String> trust(Resource parent) {
        return AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), new InvokeOptions(parent, null, null))
                .applyValue(identity -> IamPolicy.assumedByService("ecs-tasks.amazonaws.com",
                        obj("StringEquals", obj("aws:SourceAccount", identity.accountId()))));
    }

    /** {@code <name>-execution-role} with {@link #EXECUTION_POLICY_ARN} attached ({@code <name>-execution-policy}). */
    public static Role executionRole(Resource parent, String name, Output<String> trust) {
        var role = new Role(name + "-execution-role", RoleArgs.builder()
                .description("ECS agent of " + name + ": pulls images, writes logs, reads the service's secrets")
                .assumeRolePolicy(trust)
                .build(), CustomResourceOptions.builder().parent(parent).build());
        new RolePolicyAttachment(name + "-execution-policy", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(EXECUTION_POLICY_ARN)
                .build(), CustomResourceOptions.builder().parent(parent).build());
        return role;
    }

    /** {@code <name>-task-role}, with no permissions of its own. */
    public static Role taskRole(Resource parent, String name, Output<String> trust) {
        return new Role(name + "-task-role", RoleArgs.builder()
                .description("Application of " + name + ": only what is granted to it explicitly")
                .assumeRolePolicy(trust)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
