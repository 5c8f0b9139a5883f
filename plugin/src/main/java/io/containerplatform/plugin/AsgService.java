package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.asg.AsgServiceArgs;
import io.containerplatform.components.asg.AsgServiceComponent;

/**
 * {@link AsgServiceComponent} for programs in any language: the same inputs ({@link AsgServiceArgs}: the target is what
 * a {@link WebLoadBalancer} returns for the service's route, the optional database its {@code MysqlSettings}), and
 * where to push images, the service's URL, its group, its database and its dashboard.
 * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("A containerized web service on an EC2 Auto Scaling group (ECS-optimized Amazon Linux, one container per instance) behind a WebLoadBalancer route: its ECR repository, launch template, target tracking and step scaling, alarms, dashboard and optional RDS MySQL database.")
public final class AsgService extends ComponentResource {

    @Doc("The ECR repository to push the service's images to.")
    @Export(name = "repositoryUrl", refs = {String.class})
    private final Output<String> repositoryUrl;

    @Doc("https:// (with a certificate) or http:// and the load balancer's DNS name; the service's paths and hosts apply.")
    @Export(name = "url", refs = {String.class})
    private final Output<String> url;

    @Doc("The Auto Scaling group's name.")
    @Export(name = "asgName", refs = {String.class})
    private final Output<String> asgName;

    @Doc("host:port of the database; empty without one.")
    @Export(name = "dbEndpoint", refs = {String.class})
    private final Output<String> dbEndpoint;

    @Doc("The Secrets Manager ARN of the database's master credentials; empty without a database.")
    @Export(name = "dbSecretArn", refs = {String.class})
    private final Output<String> dbSecretArn;

    @Doc("The SNS topic the service's alarms notify.")
    @Export(name = "alarmTopicArn", refs = {String.class})
    private final Output<String> alarmTopicArn;

    @Doc("The console URL of the service's CloudWatch dashboard.")
    @Export(name = "dashboardUrl", refs = {String.class})
    private final Output<String> dashboardUrl;

    public AsgService(String name, AsgServiceArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:AsgService", name, Checked.options(args, options));
        var service = new AsgServiceComponent(name, args, ComponentResourceOptions.builder().parent(this).build());
        repositoryUrl = service.repositoryUrl();
        url = service.url();
        asgName = service.asgName();
        dbEndpoint = service.dbEndpoint();
        dbSecretArn = service.dbSecretArn();
        alarmTopicArn = service.alarmTopicArn();
        dashboardUrl = service.dashboardUrl();
        registerOutputs(Exports.of(this));
    }
}
