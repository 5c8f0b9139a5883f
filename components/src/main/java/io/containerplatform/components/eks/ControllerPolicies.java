package io.containerplatform.components.eks;

import io.containerplatform.components.common.IamPolicy;

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
     * AWS Load Balancer Controller: the official policy's permissions, with every create, modify and delete of
     * load balancers, target groups and security groups limited to resources tagged {@code elbv2.k8s.aws/cluster}.
     */
    static String loadBalancerController() {
        var describe = IamPolicy.allow(List.of("ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones",
                "ec2:DescribeInternetGateways", "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups", "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags",
                "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools", "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools",
                "ec2:DescribeRouteTables", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
                "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerCertificates",
                "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetHealth",
                "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTrustStores",
                "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeCapacityReservation",
                "acm:ListCertificates", "acm:DescribeCertificate", "iam:ListServerCertificates", "iam:GetServerCertificate",
                "cognito-idp:DescribeUserPoolClient", "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource",
                "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource",
                "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "shield:GetSubscriptionState", "shield:DescribeProtection",
                "shield:CreateProtection", "shield:DeleteProtection"), List.of("*"));
        var linkedRole = scoped(List.of("iam:CreateServiceLinkedRole"), List.of("*"),
                obj("StringEquals", obj("iam:AWSServiceName", "elasticloadbalancing.amazonaws.com")));
        var createGroup = scoped(List.of("ec2:CreateSecurityGroup", "ec2:CreateTags"), List.of("*"),
                obj("StringEquals", obj("ec2:CreateAction", "CreateSecurityGroup"),
                        "Null", obj("aws:RequestTag/elbv2.k8s.aws/cluster", "false")));
        var ownGroups = scoped(List.of("ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup",
                        "ec2:CreateTags", "ec2:DeleteTags"), List.of("arn:aws:ec2:*:*:security-group/*"),
                obj("Null", obj("aws:ResourceTag/elbv2.k8s.aws/cluster", "false")));
        var createLb = scoped(List.of("elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"), List.of("*"),
                obj("Null", obj("aws:RequestTag/elbv2.k8s.aws/cluster", "false")));
        var listeners = IamPolicy.allow(List.of("elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener",
                "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule", "elasticloadbalancing:ModifyListener",
                "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates",
                "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetWebAcl", "elasticloadbalancing:ModifyListenerAttributes"),
                List.of("*"));
        var ownLbs = scoped(List.of("elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType",
                        "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer",
                        "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
                        "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags",
                        "elasticloadbalancing:ModifyCapacityReservation"),
                List.of("arn:aws:elasticloadbalancing:*:*:loadbalancer/*", "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"),
                obj("Null", obj("aws:ResourceTag/elbv2.k8s.aws/cluster", "false")));
        var targets = IamPolicy.allow(List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"),
                List.of("arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"));
        return IamPolicy.document(List.of(describe, linkedRole, createGroup, ownGroups, createLb, listeners, ownLbs, targets));
    }

    private static Map<String, Object> scoped(List<String> actions, List<String> resources, Map<String, Object> condition) {
        var statement = IamPolicy.allow(actions, resources);
        statement.put("Condition", condition);
        return statement;
    }
}
