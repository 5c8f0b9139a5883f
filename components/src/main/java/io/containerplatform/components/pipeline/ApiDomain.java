package io.containerplatform.components.pipeline;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.lb.LbFunctions;
import com.pulumi.aws.lb.inputs.GetHostedZoneIdArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.containerplatform.components.kubernetes.IngressObject;

import java.util.List;
import java.util.Optional;

/**
 * The API's name and certificate, the AWS Load Balancer Controller's way: the controller reads no Kubernetes TLS
 * Secret, only ACM certificates (the {@code alb.ingress.kubernetes.io/certificate-arn} annotation, or discovery by
 * host). With {@code apiHostedZoneId} the platform requests a certificate for {@code apiHost}, validates it by DNS in
 * that zone and waits for it to be issued before the Ingress exists (without an issued certificate the load balancer
 * is never created and the Ingress never gets an address); then it points {@code apiHost} at the load balancer the
 * controller created: an alias A record to the Ingress's status hostname, in the zone Elastic Load Balancing gives
 * application load balancers in the region ({@code aws:lb/getHostedZoneId}, a fixed value per region). An alias
 * rather than a CNAME: it answers at a zone apex too and Route 53 does not charge its queries.
 */
final class ApiDomain {

    private ApiDomain() {
    }

    /** The ARN of the certificate the HTTPS listener serves: the one given, or one issued for it; empty without HTTPS. */
    static Optional<Output<String>> certificateArn(Kube kube, PipelineArgs args) {
        if (args.apiCertificateArn().isPresent()) {
            return args.apiCertificateArn().map(Output::of);
        }
        return args.apiHostedZoneId().map(zone -> {
            var certificate = new Certificate(kube.prefix() + "-api-certificate", CertificateArgs.builder()
                    .domainName(args.apiHost())
                    .validationMethod("DNS")
                    .build(), child(kube));
            Output<CertificateDomainValidationOption> option = certificate.domainValidationOptions().applyValue(o -> o.get(0));
            var record = new Record(kube.prefix() + "-api-certificate-validation", RecordArgs.builder()
                    .zoneId(zone)
                    .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                    .type(option.applyValue(o -> Either.<String, com.pulumi.aws.route53.enums.RecordType>ofLeft(o.resourceRecordType().orElseThrow())))
                    .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                    .ttl(60)
                    .allowOverwrite(true)
                    .build(), child(kube));
            return new CertificateValidation(kube.prefix() + "-api-certificate-issued", CertificateValidationArgs.builder()
                    .certificateArn(certificate.arn())
                    .validationRecordFqdns(record.fqdn().applyValue(List::of))
                    .build(), child(kube)).certificateArn();
        });
    }

    /** With a hosted zone: {@code apiHost} as an alias of the Ingress's load balancer. */
    static void alias(Kube kube, PipelineArgs args, IngressObject ingress) {
        args.apiHostedZoneId().ifPresent(zone -> {
            var albZone = LbFunctions.getHostedZoneId(GetHostedZoneIdArgs.builder().loadBalancerType("application").build(),
                    new InvokeOptions(kube.parent(), null, null)).applyValue(r -> r.id());
            new Record(kube.prefix() + "-api-dns", RecordArgs.builder()
                    .zoneId(zone)
                    .name(args.apiHost())
                    .type("A")
                    .aliases(RecordAliasArgs.builder().name(ingress.hostname()).zoneId(albZone).evaluateTargetHealth(true).build())
                    .build(), child(kube));
        });
    }

    private static CustomResourceOptions child(Kube kube) {
        return CustomResourceOptions.builder().parent(kube.parent()).build();
    }
}
