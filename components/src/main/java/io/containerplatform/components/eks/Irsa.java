package io.containerplatform.components.eks;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.IamPolicy;

import java.util.List;

import static io.containerplatform.components.common.Json.obj;

/** IAM roles for Kubernetes service accounts (IRSA): the one helper every IRSA role of the platform uses. */
public final class Irsa {

    /** The service account annotation EKS's pod identity webhook reads the role from. */
    public static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

    private Irsa() {
    }

    /**
     * The trust policy letting exactly {@code system:serviceaccount:<namespace>:<serviceAccount>} assume a role
     * through the cluster's OIDC provider, for the STS audience.
     */
    public static String trustPolicy(String providerArn, String issuerUrl, String namespace, String serviceAccount) {
        var issuer = issuerUrl.replaceFirst("^https://", "");
        return IamPolicy.document(List.of(obj(
                "Effect", "Allow",
                "Principal", obj("Federated", providerArn),
                "Action", "sts:AssumeRoleWithWebIdentity",
                "Condition", obj("StringEquals", obj(
                        issuer + ":sub", "system:serviceaccount:" + namespace + ":" + serviceAccount,
                        issuer + ":aud", "sts.amazonaws.com")))));
    }

    /** A role named {@code <name>} for the service account, trusted as {@link #trustPolicy} says. */
    public static Role role(Resource parent, String name, Output<String> providerArn, Output<String> issuerUrl,
                            String namespace, String serviceAccount) {
        return new Role(name, RoleArgs.builder()
                .description("IRSA role of " + namespace + "/" + serviceAccount)
                .assumeRolePolicy(Output.tuple(providerArn, issuerUrl)
                        .applyValue(t -> trustPolicy(t.t1, t.t2, namespace, serviceAccount)))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
