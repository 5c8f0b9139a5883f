package io.containerplatform.tags;

import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import io.containerplatform.components.testing.MockStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.testing.MockStack.mapInput;
import static org.assertj.core.api.Assertions.assertThat;

class TaggingTest {

    private static final Map<String, String> STACK_TAGS = Map.of("Project", "p", "Environment", "dev", "Owner", "o",
            "CostCenter", "c", "ManagedBy", "pulumi");

    @Test
    void tagsEveryDescendantAndLetsTheResourceOwnTagsWin() {
        var mocks = MockStack.run(ctx -> {
            var parent = new ComponentResource("test:index:Parent", "parent", new Tagging(STACK_TAGS).componentOptions());
            var child = CustomResourceOptions.builder().parent(parent).build();
            new Vpc("plain", VpcArgs.builder().cidrBlock("10.0.0.0/16").build(), child);
            new Vpc("own", VpcArgs.builder().cidrBlock("10.0.0.0/16").tags(Map.of("Name", "own", "Owner", "special")).build(), child);
        });
        assertThat(mapInput(mocks.named("aws:ec2/vpc:Vpc", "plain"), "tags")).isEqualTo(STACK_TAGS);
        assertThat(mapInput(mocks.named("aws:ec2/vpc:Vpc", "own"), "tags"))
                .containsEntry("Name", "own").containsEntry("Owner", "special").containsEntry("Project", "p").hasSize(6);
    }

    @Test
    void autoScalingGroupsGetTagListsPropagatedAtLaunch() {
        var mocks = MockStack.run(ctx -> new Group("asg", GroupArgs.builder()
                .maxSize(1).minSize(1)
                .tags(GroupTagArgs.builder().key("Owner").value("asg-owner").propagateAtLaunch(false).build())
                .build(), CustomResourceOptions.builder().resourceTransformations(new Tagging(STACK_TAGS)).build()));
        @SuppressWarnings("unchecked")
        var tags = (List<Map<String, Object>>) mocks.named("aws:autoscaling/group:Group", "asg").inputs.get("tags");
        assertThat(tags).hasSize(5)
                .contains(Map.of("key", "Owner", "value", "asg-owner", "propagateAtLaunch", false))
                .contains(Map.of("key", "Project", "value", "p", "propagateAtLaunch", true))
                .contains(Map.of("key", "ManagedBy", "value", "pulumi", "propagateAtLaunch", true));
    }

    @Test
    void autoScalingGroupTagsFollowTheOrderOfTheStackTags() {
        var ordered = new java.util.LinkedHashMap<String, String>();
        for (var key : List.of("Project", "Environment", "Owner", "CostCenter", "ManagedBy", "Application", "Team")) {
            ordered.put(key, key.toLowerCase());
        }
        var mocks = MockStack.run(ctx -> new Group("asg", GroupArgs.builder().maxSize(1).minSize(1)
                .tags(GroupTagArgs.builder().key("Name").value("asg").propagateAtLaunch(true).build())
                .build(), CustomResourceOptions.builder().resourceTransformations(new Tagging(ordered)).build()));
        @SuppressWarnings("unchecked")
        var tags = (List<Map<String, Object>>) mocks.named("aws:autoscaling/group:Group", "asg").inputs.get("tags");
        assertThat(tags).extracting(t -> t.get("key"))
                .containsExactly("Name", "Project", "Environment", "Owner", "CostCenter", "ManagedBy", "Application", "Team");
    }

    @Test
    void resourcesWithoutTagsAreLeftAlone() {
        var mocks = MockStack.run(ctx -> new RouteTableAssociation("rta", RouteTableAssociationArgs.builder()
                .routeTableId("rt").subnetId("s").build(),
                CustomResourceOptions.builder().resourceTransformations(new Tagging(STACK_TAGS)).build()));
        assertThat(mocks.named("aws:ec2/routeTableAssociation:RouteTableAssociation", "rta").inputs)
                .containsOnlyKeys("routeTableId", "subnetId");
    }

    @Test
    void findsArgsClassesAndTheirTagsInput() {
        assertThat(Tagging.awsArgsClass("aws:ec2/vpc:Vpc")).contains(VpcArgs.class);
        assertThat(Tagging.awsArgsClass("aws:autoscaling/group:Group")).contains(GroupArgs.class);
        assertThat(Tagging.awsArgsClass("aws:cloudwatch/logGroup:LogGroup").flatMap(Tagging::tagsField)).isPresent();
        assertThat(Tagging.awsArgsClass("aws:ec2/routeTableAssociation:RouteTableAssociation").flatMap(Tagging::tagsField)).isEmpty();
        assertThat(Tagging.awsArgsClass("aws:ec2/route:Route").flatMap(Tagging::tagsField)).isEmpty();
        assertThat(Tagging.awsArgsClass("kubernetes:core/v1:Namespace")).isEmpty();
        assertThat(Tagging.awsArgsClass("aws:nosuch/thing:Thing")).isEmpty();
    }
}
