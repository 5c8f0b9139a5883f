package io.containerplatform.components.compute;

import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceRefreshArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceRefreshPreferencesArgs;
import com.pulumi.aws.autoscaling.inputs.GroupLaunchTemplateArgs;
import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateIamInstanceProfileArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMonitoringArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateNetworkInterfaceArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.IamPolicy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Building blocks for EC2 capacity, shared by the Auto Scaling service and the ECS-on-EC2 capacity: an
 * instance role and profile, a hardened launch template (IMDSv2 only, encrypted gp3 root volume, no public
 * IP, detailed monitoring) and an Auto Scaling group over private subnets that rolls instances when the
 * template changes. Each creates children of {@code parent} named {@code <name>-<role>}.
 */
public final class Ec2Capacity {

    /** Managed policies every instance gets: SSM Session Manager (no SSH), ECR pulls, CloudWatch agent. */
    public static final List<String> BASE_POLICIES = List.of(
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy");
    /** SSM public parameter of the latest Amazon Linux 2023 AMI (x86_64). */
    public static final String AL2023_AMI = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    /** SSM public parameter of the ECS-optimised Amazon Linux 2023 AMI (x86_64). */
    public static final String ECS_AL2023_AMI = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";

    private Ec2Capacity() {
    }

    /**
     * Launch template settings.
     *
     * @param amiParameter      SSM parameter naming the AMI (resolved at deploy time: a new AMI rolls the group)
     * @param instanceType      EC2 instance type
     * @param securityGroupId   the instances' security group
     * @param instanceProfileArn the instance profile
     * @param userData          the boot script, plain text (encoded here)
     * @param rootVolumeGb      size of the encrypted gp3 root volume
     */
    public record TemplateSpec(String amiParameter, String instanceType, Output<String> securityGroupId,
                               Output<String> instanceProfileArn, Output<String> userData, int rootVolumeGb) {
    }

    /**
     * Auto Scaling group settings.
     *
     * @param subnetIds        private subnets
     * @param minSize          fewest instances
     * @param maxSize          most instances
     * @param desiredCapacity  instances at creation, ignored by later updates
     * @param targetGroupArns  load balancer target groups to register in (ELB health checks when any)
     * @param protectFromScaleIn whether new instances are protected from scale-in (ECS managed termination)
     * @param tags             tags propagated to the instances besides {@code Name} and the stack's tags
     */
    public record GroupSpec(Output<List<String>> subnetIds, int minSize, int maxSize, int desiredCapacity,
                            List<Output<String>> targetGroupArns, boolean protectFromScaleIn, Map<String, String> tags) {
    }

    /** The instance profile that hands {@code role} to the instances. */
    public static InstanceProfile instanceProfile(Resource parent, String name, Role role) {
        return new InstanceProfile(name + "-profile", InstanceProfileArgs.builder().role(role.name()).build(), child(parent));
    }

    /** The role of {@link #instanceProfile}: trusted by EC2, with {@link #BASE_POLICIES} and {@code extraPolicies} attached. */
    public static Role instanceRole(Resource parent, String name, List<String> extraPolicies) {
        var role = new Role(name + "-instance-role", RoleArgs.builder()
                .description("EC2 instances of " + name)
                .assumeRolePolicy(IamPolicy.assumedByService("ec2.amazonaws.com"))
                .build(), child(parent));
        var policies = new java.util.ArrayList<>(BASE_POLICIES);
        policies.addAll(extraPolicies);
        for (int i = 0; i < policies.size(); i++) {
            new RolePolicyAttachment(name + "-instance-policy-" + i, RolePolicyAttachmentArgs.builder()
                    .role(role.name()).policyArn(policies.get(i)).build(), child(parent));
        }
        return role;
    }

    /** The hardened launch template. */
    public static LaunchTemplate launchTemplate(Resource parent, String name, TemplateSpec spec) {
        Output<String> ami = SsmFunctions.getParameter(GetParameterArgs.builder().name(spec.amiParameter()).build(),
                new InvokeOptions(parent, null, null)).applyValue(p -> p.value());
        return new LaunchTemplate(name + "-lt", LaunchTemplateArgs.builder()
                .description("Instances of " + name)
                .imageId(ami)
                .instanceType(spec.instanceType())
                .updateDefaultVersion(true)
                .iamInstanceProfile(LaunchTemplateIamInstanceProfileArgs.builder().arn(spec.instanceProfileArn()).build())
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled").httpTokens("required").httpPutResponseHopLimit(1).build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName("/dev/xvda")
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeType("gp3").volumeSize(spec.rootVolumeGb()).encrypted("true").deleteOnTermination("true").build())
                        .build())
                .networkInterfaces(LaunchTemplateNetworkInterfaceArgs.builder()
                        .deviceIndex(0)
                        .associatePublicIpAddress("false")
                        .securityGroups(spec.securityGroupId().applyValue(List::of))
                        .build())
                .monitoring(LaunchTemplateMonitoringArgs.builder().enabled(true).build())
                .userData(spec.userData().applyValue(script -> Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8))))
                .tags(Map.of("Name", name + "-lt"))
                .build(), child(parent));
    }

    /**
     * The Auto Scaling group: ELB health checks (300 s grace) when registered in target groups, rolling
     * instance refresh keeping 50 % healthy when the template changes, 1-minute group metrics, and its
     * desired capacity ignored after creation so that updates never undo the autoscaler.
     */
    public static Group autoScalingGroup(Resource parent, String name, LaunchTemplate template, GroupSpec spec) {
        var group = GroupArgs.builder()
                .vpcZoneIdentifiers(spec.subnetIds())
                .minSize(spec.minSize())
                .maxSize(spec.maxSize())
                .desiredCapacity(spec.desiredCapacity())
                .launchTemplate(GroupLaunchTemplateArgs.builder().id(template.id()).version(template.latestVersion().applyValue(String::valueOf)).build())
                .healthCheckType(spec.targetGroupArns().isEmpty() ? "EC2" : "ELB")
                .healthCheckGracePeriod(300)
                .instanceRefresh(GroupInstanceRefreshArgs.builder()
                        .strategy("Rolling")
                        .preferences(GroupInstanceRefreshPreferencesArgs.builder().minHealthyPercentage(50).build())
                        .build())
                .metricsGranularity("1Minute")
                .enabledMetrics("GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity", "GroupInServiceInstances",
                        "GroupPendingInstances", "GroupTerminatingInstances", "GroupTotalInstances")
                .protectFromScaleIn(spec.protectFromScaleIn())
                // protected instances are never terminated by a plain delete: destroy would wait forever
                .forceDelete(spec.protectFromScaleIn())
                .tags(groupTags(name, spec.tags()));
        if (!spec.targetGroupArns().isEmpty()) {
            group.targetGroupArns(Output.all(spec.targetGroupArns()));
        }
        return new Group(name + "-asg", group.build(), CustomResourceOptions.builder().parent(parent)
                .ignoreChanges("desiredCapacity").build());
    }

    /** {@code Name} and {@code tags}, propagated to the instances (the stack's tags are added by the tagging transformation). */
    private static List<GroupTagArgs> groupTags(String name, Map<String, String> tags) {
        var all = new java.util.TreeMap<>(tags);
        all.put("Name", name);
        return all.entrySet().stream()
                .map(tag -> GroupTagArgs.builder().key(tag.getKey()).value(tag.getValue()).propagateAtLaunch(true).build())
                .toList();
    }

    private static CustomResourceOptions child(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).build();
    }
}
