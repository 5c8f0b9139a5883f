package io.containerplatform.components.fargate;

import com.pulumi.core.Output;

/**
 * An ECS cluster a Fargate service runs in.
 *
 * @param arn  the cluster's ARN
 * @param name the cluster's name (the CloudWatch dimension {@code ClusterName})
 */
public record ClusterRef(Output<String> arn, Output<String> name) {
}
