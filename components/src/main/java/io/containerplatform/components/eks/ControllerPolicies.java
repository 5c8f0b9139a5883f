package io.containerplatform.components.eks;

import com.google.gson.JsonParser;
import io.containerplatform.components.common.IamPolicy;
import io.containerplatform.components.common.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/** Least-privilege IAM policies of the in-cluster controllers, scoped to this cluster where AWS allows it. */
final class ControllerPolicies {

    private ControllerPolicies() {
    }

    /** Cluster autoscaler: read everything it must see; change only groups tagged as owned by this cluster. */
    static String clusterAutoscaler(String clusterName) {
        return IamPolicy.document(List.of(
                IamPolicy.allow(List.of("autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
                        "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags",
                        "ec2:DescribeImages", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements",
                        "eks:DescribeNodegroup"), List.of("*")),
                scoped(List.of("autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"), List.of("*"),
                        obj("StringEquals", obj("aws:ResourceTag/k8s.io/cluster-autoscaler/" + clusterName, "owned")))));
    }

    /**
     * The AWS Load Balancer Controller's own IAM policy for controller version {@code appVersion} (e.g.
     * {@code v2.17.1}), vendored unchanged from its release ({@code VENDORED.md} beside it), as compact JSON.
     * Fails naming the file to vendor when that version has none.
     */
    static String loadBalancerController(String appVersion) {
        var file = loadBalancerControllerPolicyFile(appVersion);
        try (InputStream in = ControllerPolicies.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no vendored IAM policy for the AWS Load Balancer Controller " + appVersion
                        + ": add docs/install/iam_policy.json of its release tag as " + file + " (see VENDORED.md)");
            }
            return Json.write(JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource holding the vendored policy of controller version {@code appVersion}. */
    static String loadBalancerControllerPolicyFile(String appVersion) {
        return "aws-load-balancer-controller-" + appVersion + "-iam-policy.json";
    }

    private static Map<String, Object> scoped(List<String> actions, List<String> resources, Map<String, Object> condition) {
        var statement = IamPolicy.allow(actions, resources);
        statement.put("Condition", condition);
        return statement;
    }
}
