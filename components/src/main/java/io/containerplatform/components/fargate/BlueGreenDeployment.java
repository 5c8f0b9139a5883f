package io.containerplatform.components.fargate;

import com.pulumi.aws.codedeploy.Application;
import com.pulumi.aws.codedeploy.ApplicationArgs;
import com.pulumi.aws.codedeploy.DeploymentGroup;
import com.pulumi.aws.codedeploy.DeploymentGroupArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupAlarmConfigurationArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupAutoRollbackConfigurationArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOptionArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccessArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupDeploymentStyleArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupEcsServiceArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoProdTrafficRouteArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.IamPolicy;
import io.containerplatform.components.common.Json;
import io.containerplatform.components.loadbalancing.BlueGreenTarget;

import java.util.List;

import static io.containerplatform.components.common.Json.obj;

/**
 * The CodeDeploy application and deployment group that deploy a blue/green Fargate service: replacement tasks on the
 * green target group, traffic moved by the service's {@link BlueGreenRollout}, and an automatic rollback when the
 * deployment fails or one of the service's rollback alarms fires. A deployment is started with the service's next
 * task definition ({@code tools/deploy/blue-green.sh}): the program registers task definitions but no longer moves
 * the service to them.
 *
 * @param application the CodeDeploy application's name
 * @param group       the deployment group's name
 * @param appSpec     the AppSpec of a deployment to the task definition the program registered last
 */
record BlueGreenDeployment(Output<String> application, Output<String> group, Output<String> appSpec) {

    /** AWS managed policy that lets CodeDeploy create task sets and shift the listener rule. */
    static final String SERVICE_ROLE_POLICY_ARN = "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS";

    /**
     * CodeDeploy's AppSpec (version 0.0) that moves the service to {@code taskDefinitionArn}: its container and port
     * behind the load balancer, and its capacity providers (a task set does not inherit the service's).
     */
    static String appSpec(String taskDefinitionArn, String container, int port, List<CapacityStrategy.Share> strategy) {
        var properties = obj("TaskDefinition", taskDefinitionArn,
                "LoadBalancerInfo", obj("ContainerName", container, "ContainerPort", port),
                "CapacityProviderStrategy", strategy.stream().map(s -> obj("CapacityProvider", s.provider(), "Weight", s.weight(), "Base", s.base())).toList());
        return Json.write(obj("version", "0.0", "Resources", List.of(obj("TargetService", obj("Type", "AWS::ECS::Service", "Properties", properties)))));
    }

    static BlueGreenDeployment declare(Resource parent, String name, BlueGreenRollout rollout, Output<String> clusterName,
                                       Output<String> serviceName, BlueGreenTarget route, Output<List<String>> rollbackAlarms,
                                       Output<String> appSpec) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var role = new Role(name + "-codedeploy-role", RoleArgs.builder()
                .description("CodeDeploy blue/green deployments of " + name)
                .assumeRolePolicy(IamPolicy.assumedByService("codedeploy.amazonaws.com"))
                .build(), child);
        var policy = new RolePolicyAttachment(name + "-codedeploy-policy", RolePolicyAttachmentArgs.builder()
                .role(role.name()).policyArn(SERVICE_ROLE_POLICY_ARN).build(), child);
        var application = new Application(name + "-deploy", ApplicationArgs.builder().computePlatform("ECS").build(), child);
        var group = new DeploymentGroup(name + "-deploy-group", DeploymentGroupArgs.builder()
                .appName(application.name())
                .deploymentGroupName(name)
                .serviceRoleArn(role.arn())
                .deploymentConfigName(rollout.deploymentConfigName())
                .deploymentStyle(DeploymentGroupDeploymentStyleArgs.builder()
                        .deploymentType("BLUE_GREEN").deploymentOption("WITH_TRAFFIC_CONTROL").build())
                .blueGreenDeploymentConfig(DeploymentGroupBlueGreenDeploymentConfigArgs.builder()
                        .deploymentReadyOption(DeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOptionArgs.builder()
                                .actionOnTimeout("CONTINUE_DEPLOYMENT").build())
                        .terminateBlueInstancesOnDeploymentSuccess(
                                DeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccessArgs.builder()
                                        .action("TERMINATE").terminationWaitTimeInMinutes(rollout.terminateBlueAfterMinutes()).build())
                        .build())
                .autoRollbackConfiguration(DeploymentGroupAutoRollbackConfigurationArgs.builder()
                        .enabled(true).events("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM").build())
                .alarmConfiguration(DeploymentGroupAlarmConfigurationArgs.builder().enabled(true).alarms(rollbackAlarms).build())
                .ecsService(DeploymentGroupEcsServiceArgs.builder().clusterName(clusterName).serviceName(serviceName).build())
                .loadBalancerInfo(DeploymentGroupLoadBalancerInfoArgs.builder()
                        .targetGroupPairInfo(DeploymentGroupLoadBalancerInfoTargetGroupPairInfoArgs.builder()
                                .prodTrafficRoute(DeploymentGroupLoadBalancerInfoTargetGroupPairInfoProdTrafficRouteArgs.builder()
                                        .listenerArns(route.listenerArn().applyValue(List::of)).build())
                                .targetGroups(
                                        DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs.builder().name(route.blueTargetGroupName()).build(),
                                        DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs.builder().name(route.greenTargetGroupName()).build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(policy).build());
        return new BlueGreenDeployment(application.name(), group.deploymentGroupName(), appSpec);
    }
}
