package io.containerplatform.components.pipeline;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetSubnetArgs;
import com.pulumi.aws.ec2.outputs.GetSubnetResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import io.containerplatform.components.kubernetes.Manifest;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;
import static io.containerplatform.components.pipeline.Pods.metadata;

/**
 * Default deny in the pipeline's namespace, then exactly the flows the pipeline needs: Spark, the KEDA operator
 * (its RabbitMQ scaler reads the queue length over AMQP) and publishers (pods labelled
 * {@link DataPipelineComponent#PUBLISHER_LABEL}, any namespace, the pipeline's own included: there default-deny also
 * covers their egress, so a policy admits it) to RabbitMQ 5671 (AMQPS: the broker has no plain AMQP listener), Spark and the API to MongoDB
 * 27017, the load balancer (from the public subnets) to the API, Prometheus to the metrics ports, RabbitMQ and MongoDB
 * members among themselves, DNS, and what each needs outside (the Kubernetes API for RabbitMQ peer discovery,
 * HTTPS to AWS for Spark).
 */
final class NetworkPolicies {

    private NetworkPolicies() {
    }

    static void declare(Kube kube, PipelineArgs args) {
        var ns = kube.namespace();
        policy(kube, "default-deny", obj("podSelector", obj(), "policyTypes", List.of("Ingress", "Egress")));
        var dns = obj("to", List.of(obj("namespaceSelector", obj("matchLabels", obj("kubernetes.io/metadata.name", "kube-system")),
                        "podSelector", obj("matchLabels", obj("k8s-app", "kube-dns")))),
                "ports", List.of(obj("protocol", "UDP", "port", 53), obj("protocol", "TCP", "port", 53)));
        policy(kube, "allow-dns", obj("podSelector", obj(), "policyTypes", List.of("Egress"), "egress", List.of(dns)));

        var monitoring = obj("namespaceSelector", obj("matchLabels", obj("kubernetes.io/metadata.name", DataPipelineComponent.MONITORING)));
        policy(kube, "rabbitmq", obj(
                "podSelector", Pods.selector(RabbitMq.APP),
                "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(
                        obj("from", List.of(obj("podSelector", Pods.selector(Processor.APP)),
                                obj("namespaceSelector", obj("matchLabels", obj("kubernetes.io/metadata.name", DataPipelineComponent.KEDA)),
                                        "podSelector", obj("matchLabels", obj("app.kubernetes.io/name", "keda-operator"))),
                                obj("namespaceSelector", obj(),
                                        "podSelector", obj("matchLabels", obj(DataPipelineComponent.PUBLISHER_LABEL, "true")))),
                                "ports", List.of(tcp(Tls.AMQPS_PORT))),
                        obj("from", List.of(obj("podSelector", Pods.selector(RabbitMq.APP))), "ports", List.of(tcp(4369), tcp(25672), tcp(Tls.AMQPS_PORT), tcp(15672))),
                        obj("from", List.of(monitoring), "ports", List.of(tcp(15692)))),
                "egress", List.of(
                        obj("to", List.of(obj("podSelector", Pods.selector(RabbitMq.APP))), "ports", List.of(tcp(4369), tcp(25672))),
                        obj("ports", List.of(tcp(443))))));
        policy(kube, "mongodb", obj(
                "podSelector", Pods.selector(MongoDb.APP),
                "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(obj("from", List.of(obj("podSelector", Pods.selector(Processor.APP)), obj("podSelector", Pods.selector(Api.APP)),
                        obj("podSelector", Pods.selector(MongoDb.APP)), obj("podSelector", Pods.selector("mongodb-init"))), "ports", List.of(tcp(27017))),
                        obj("from", List.of(monitoring), "ports", List.of(tcp(MongoDb.EXPORTER_PORT)))),
                "egress", List.of(obj("to", List.of(obj("podSelector", Pods.selector(MongoDb.APP))), "ports", List.of(tcp(27017))))));
        policy(kube, "mongodb-init", obj(
                "podSelector", Pods.selector("mongodb-init"),
                "policyTypes", List.of("Egress"),
                "egress", List.of(obj("to", List.of(obj("podSelector", Pods.selector(MongoDb.APP))), "ports", List.of(tcp(27017))))));
        policy(kube, "spark-processor", obj(
                "podSelector", Pods.selector(Processor.APP),
                "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(obj("from", List.of(monitoring), "ports", List.of(tcp(Processor.HTTP_PORT)))),
                "egress", List.of(
                        obj("to", List.of(obj("podSelector", Pods.selector(RabbitMq.APP))), "ports", List.of(tcp(Tls.AMQPS_PORT))),
                        obj("to", List.of(obj("podSelector", Pods.selector(MongoDb.APP))), "ports", List.of(tcp(27017))),
                        obj("ports", List.of(tcp(443))))));
        policy(kube, "publishers", obj(
                "podSelector", obj("matchLabels", obj(DataPipelineComponent.PUBLISHER_LABEL, "true")),
                "policyTypes", List.of("Egress"),
                "egress", List.of(obj("to", List.of(obj("podSelector", Pods.selector(RabbitMq.APP))), "ports", List.of(tcp(Tls.AMQPS_PORT))))));
        policy(kube, "rollout-guard", obj(
                "podSelector", Pods.selector(RolloutGuard.APP),
                "policyTypes", List.of("Ingress", "Egress"),
                "egress", List.of(obj("ports", List.of(tcp(443))))));
        kube.apply("netpol-swagger-api", new Manifest("networking.k8s.io/v1", "NetworkPolicy",
                Output.of(metadata("swagger-api", ns, Api.APP)), loadBalancerSubnets(kube, args).applyValue(subnets -> obj(
                "podSelector", Pods.selector(Api.APP),
                "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(
                        obj("from", subnets.stream().map(cidr -> obj("ipBlock", obj("cidr", cidr))).toList(), "ports", List.of(tcp(Api.PORT))),
                        obj("from", List.of(monitoring), "ports", List.of(tcp(Api.PORT)))),
                "egress", List.of(obj("to", List.of(obj("podSelector", Pods.selector(MongoDb.APP))), "ports", List.of(tcp(27017)))))),
                null, null, null, null, null, null));
    }

    /**
     * The CIDR blocks of the public subnets, where an internet-facing load balancer's nodes are and where its traffic to IP
     * targets comes from. Not the VPC's: pods have addresses of the private subnets, so no pod outside {@code monitoring}
     * reaches the API's port, and with it {@code /metrics}, which the load balancer does not route.
     */
    private static Output<List<String>> loadBalancerSubnets(Kube kube, PipelineArgs args) {
        var options = new InvokeOptions(kube.parent(), null, null);
        return args.placement().publicSubnetIds().apply(ids -> Output.all(ids.stream()
                .map(id -> Ec2Functions.getSubnet(GetSubnetArgs.builder().id(id).build(), options).applyValue(GetSubnetResult::cidrBlock))
                .toList()));
    }

    private static void policy(Kube kube, String name, Map<String, Object> spec) {
        kube.apply("netpol-" + name, Manifest.withSpec("networking.k8s.io/v1", "NetworkPolicy",
                metadata(name, kube.namespace(), "data-pipeline"), spec));
    }

    private static Map<String, Object> tcp(int port) {
        return obj("protocol", "TCP", "port", port);
    }
}
