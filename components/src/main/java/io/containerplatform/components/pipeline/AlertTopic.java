package io.containerplatform.components.pipeline;

import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.IamPolicy;
import io.containerplatform.components.eks.Irsa;
import io.containerplatform.components.monitoring.ServiceAlarms;

import java.util.List;
import java.util.Optional;

/**
 * Where Alertmanager's notifications go: an SNS topic subscribed to the stack's alert destination (built like every
 * alarm topic of the stack, {@link ServiceAlarms}: its own KMS key, one subscription per email and webhook), and an IRSA
 * role for Alertmanager's service account that may publish to that topic and nothing else. Alertmanager's
 * {@code sns_configs} sign with SigV4 through the AWS SDK's default credentials, which read the web identity token
 * IRSA mounts (https://prometheus.io/docs/alerting/latest/configuration/#sns_configs).
 *
 * @param topicArn the topic Alertmanager publishes to
 * @param roleArn  the role its service account assumes
 */
record AlertTopic(Output<String> topicArn, Output<String> roleArn) {

    /** Alertmanager's service account (the chart's {@code alertmanager.serviceAccount.name}), the one the role trusts. */
    static final String SERVICE_ACCOUNT = "alertmanager";

    /** The topic and role, or none when {@link PipelineArgs#alerts()} names nobody (the alerts then stay in Alertmanager). */
    static Optional<AlertTopic> declare(Resource parent, String name, PipelineArgs args) {
        if (args.alerts().isEmpty()) {
            return Optional.empty();
        }
        var alarms = new ServiceAlarms(parent, name + "-alertmanager", args.alerts());
        var role = Irsa.role(parent, name + "-alertmanager-role", args.oidcProviderArn(), args.oidcIssuerUrl(),
                DataPipelineComponent.MONITORING, SERVICE_ACCOUNT);
        new RolePolicy(name + "-alertmanager-publish", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(alarms.topic().arn(), alarms.keyArn()).applyValue(t -> publishPolicy(t.t1, t.t2)))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        return Optional.of(new AlertTopic(alarms.topic().arn(), role.arn()));
    }

    /** Publish to the topic, and use its key as an encrypted topic's publisher must; nothing else. */
    static String publishPolicy(String topicArn, String keyArn) {
        return IamPolicy.document(List.of(
                IamPolicy.allow(List.of("sns:Publish"), List.of(topicArn)),
                IamPolicy.allow(List.of("kms:GenerateDataKey*", "kms:Decrypt"), List.of(keyArn))));
    }
}
