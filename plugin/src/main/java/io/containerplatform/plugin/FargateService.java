package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.fargate.FargateServiceArgs;
import io.containerplatform.components.fargate.FargateServiceComponent;

/**
 * {@link FargateServiceComponent} for programs in any language: the same inputs ({@link FargateServiceArgs}: the
 * cluster is a {@link FargateCluster}'s {@code arn} and {@code name}, the target what a {@link WebLoadBalancer} returns
 * for the service's route), and where to push images, the service's URL, names and dashboard.
 * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("A containerized web service on ECS Fargate behind a WebLoadBalancer route: its ECR repository, task definition, service, autoscaling, alarms and dashboard; rolling or blue/green (CodeDeploy) deployments.")
public final class FargateService extends ComponentResource {

    @Doc("The ECR repository to push the service's images to.")
    @Export(name = "repositoryUrl", refs = {String.class})
    private final Output<String> repositoryUrl;

    @Doc("https:// (with a certificate) or http:// and the load balancer's DNS name; the service's paths and hosts apply.")
    @Export(name = "url", refs = {String.class})
    private final Output<String> url;

    @Doc("The ECS service's name.")
    @Export(name = "serviceName", refs = {String.class})
    private final Output<String> serviceName;

    @Doc("The task definition the service runs.")
    @Export(name = "taskDefinitionArn", refs = {String.class})
    private final Output<String> taskDefinitionArn;

    @Doc("The log group of the service's containers.")
    @Export(name = "logGroupName", refs = {String.class})
    private final Output<String> logGroupName;

    @Doc("The SNS topic the service's alarms notify.")
    @Export(name = "alarmTopicArn", refs = {String.class})
    private final Output<String> alarmTopicArn;

    @Doc("The console URL of the service's CloudWatch dashboard.")
    @Export(name = "dashboardUrl", refs = {String.class})
    private final Output<String> dashboardUrl;

    public FargateService(String name, FargateServiceArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:FargateService", name, Checked.options(args, options));
        var service = new FargateServiceComponent(name, args, ComponentResourceOptions.builder().parent(this).build());
        repositoryUrl = service.repositoryUrl();
        url = service.url();
        serviceName = service.serviceName();
        taskDefinitionArn = service.taskDefinitionArn();
        logGroupName = service.logGroupName();
        alarmTopicArn = service.alarmTopicArn();
        dashboardUrl = service.dashboardUrl();
        registerOutputs(Exports.of(this));
    }
}
