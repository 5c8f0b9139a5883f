package io.containerplatform.plan.diagram;

import io.containerplatform.plan.StackPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureDiagramTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceDataStoreAndFlowOfThePlanIsDrawn(String stack) {
        var plan = StackPlans.of(stack);
        var diagram = ArchitectureDiagram.of(plan);
        var boxes = diagram.nodes().stream().map(Diagram.Node::id).collect(Collectors.toSet());
        for (var type : java.util.List.of("aws:ecs/service:Service", "aws:autoscaling/group:Group", "aws:rds/instance:Instance",
                "aws:lb/loadBalancer:LoadBalancer", "aws:s3/bucketV2:BucketV2", "aws:eks/nodeGroup:NodeGroup", "aws:ec2/subnet:Subnet",
                "aws:ec2/natGateway:NatGateway", "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet")) {
            assertThat(plan.ofType(type)).describedAs(type).isNotEmpty();
            plan.ofType(type).forEach(r -> assertThat(boxes).describedAs(type).contains(r.name()));
        }
        var flows = diagram.flows().stream().map(f -> f.from() + " -> " + f.to() + " [" + f.label() + "]").toList();
        var p = stack + "-pipeline-";
        assertThat(flows).contains(
                stack + "-lb -> " + stack + "-web-service [80]",
                stack + "-lb -> " + stack + "-app-asg [80 /students /students/*]",
                stack + "-app-asg -> " + stack + "-app-db [3306]",
                p + "spark-processor -> " + p + "rabbitmq [5671]",
                p + "spark-processor -> " + p + "mongodb [27017]",
                p + "swagger-api -> " + p + "mongodb [27017]",
                "internet -> " + p + "swagger-api-ingress [80, 443]",
                p + "swagger-api-ingress -> " + p + "swagger-api []",
                p + "keda -> " + p + "spark-processor [scales]",
                stack + "-spark-worker-service -> " + stack + "-data [S3 API]");
        assertThat(flows).anyMatch(f -> f.startsWith("internet -> " + stack + "-lb [80"));
        assertThat(diagram.nodes()).noneMatch(n -> n.label().contains("rolePolicyAttachment"));
        assertThat(diagram.groups()).extracting(Diagram.Group::label).contains("namespace data-processing");
        assertThat(diagram.groups()).allMatch(g -> diagram.nodes().stream().anyMatch(n -> g.id().equals(n.group()))
                || diagram.groups().stream().anyMatch(child -> g.id().equals(child.parent())), "no empty frame");
    }

    @org.junit.jupiter.api.Test
    void anIngressIsDrawnWithThePortsTheControllerOpens() {
        assertThat(ArchitectureDiagram.listenPorts(java.util.Map.of("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]")))
                .isEqualTo("80, 443");
        assertThat(ArchitectureDiagram.listenPorts(java.util.Map.of())).isEqualTo("80");
        assertThat(ArchitectureDiagram.listenPorts(java.util.Map.of("alb.ingress.kubernetes.io/certificate-arn", "arn:aws:acm:x"))).isEqualTo("443");
    }

    @org.junit.jupiter.api.Test
    void aServiceBoxCountsItsTasksInTheSingularOrThePlural() {
        var labels = ArchitectureDiagram.of(StackPlans.of("dev")).nodes().stream().map(Diagram.Node::label).toList();
        assertThat(labels).contains("dev-api-service\n1 Fargate task, 0.25 vCPU / 0.5 GB", "dev-web-service\n2 Fargate tasks, 0.25 vCPU / 0.5 GB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void mermaidAndDotNameEveryBoxAndFlow(String stack) {
        var diagram = ArchitectureDiagram.of(StackPlans.of(stack));
        var mermaid = Mermaid.markdown(diagram);
        var dot = Dot.graph(diagram);
        assertThat(mermaid).startsWith("# Architecture of stack " + stack + "\n\n```mermaid\nflowchart LR\n").endsWith("```\n");
        for (var node : diagram.nodes()) {
            assertThat(mermaid).contains(Mermaid.id(node.id()));
            assertThat(dot).contains("\"" + node.id() + "\" [label=");
        }
        for (var flow : diagram.flows()) {
            assertThat(mermaid).containsPattern(java.util.regex.Pattern.quote(Mermaid.id(flow.from())) + " -\\.?->.* "
                    + java.util.regex.Pattern.quote(Mermaid.id(flow.to())));
            assertThat(dot).contains("\"" + flow.from() + "\" -> \"" + flow.to() + "\"");
        }
        assertThat(mermaid.lines().filter(l -> l.strip().startsWith("subgraph")).count())
                .isEqualTo(mermaid.lines().filter(l -> l.strip().equals("end")).count());
    }
}
