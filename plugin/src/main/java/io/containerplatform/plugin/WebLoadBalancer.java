package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.loadbalancing.Route;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;

import java.util.Map;

/**
 * {@link io.containerplatform.components.loadbalancing.WebLoadBalancer} for programs in any language: the same inputs
 * ({@link WebLoadBalancerArgs}, routes included), and what a service registers with: each route's target group.
  * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("An internet-facing Application Load Balancer shared by several services: one target group and listener rule per route (paths and hosts), HTTPS with a certificate, HTTP redirected to it.")
public final class WebLoadBalancer extends ComponentResource {

    @Doc("https:// (with a certificate) or http:// and the load balancer's DNS name.")
    @Export(name = "url", refs = {String.class})
    private final Output<String> url;

    @Doc("The load balancer's DNS name.")
    @Export(name = "dnsName", refs = {String.class})
    private final Output<String> dnsName;

    @Doc("The load balancer's ARN.")
    @Export(name = "loadBalancerArn", refs = {String.class})
    private final Output<String> loadBalancerArn;

    @Doc("The load balancer's security group: the only source a service's targets should admit.")
    @Export(name = "securityGroupId", refs = {String.class})
    private final Output<String> securityGroupId;

    @Doc("Each route's target group ARN, by route name: where its service's tasks or instances register.")
    @Export(name = "targetGroupArns", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> targetGroupArns;

    @Doc("Each route's target group CloudWatch dimension (targetgroup/<name>/<id>), by route name.")
    @Export(name = "targetGroupArnSuffixes", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> targetGroupArnSuffixes;

    @Doc("The load balancer's CloudWatch dimension (app/<name>/<id>).")
    @Export(name = "loadBalancerArnSuffix", refs = {String.class})
    private final Output<String> loadBalancerArnSuffix;

    @Doc("For each blue/green route, by route name, the target group its service's replacement tasks register in at each deployment.")
    @Export(name = "greenTargetGroupNames", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> greenTargetGroupNames;

    @Doc("For each blue/green route, by route name, the green target group's CloudWatch dimension (targetgroup/<name>/<id>).")
    @Export(name = "greenTargetGroupArnSuffixes", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> greenTargetGroupArnSuffixes;

    @Doc("For each blue/green route, by route name, the target group its service starts on.")
    @Export(name = "blueTargetGroupNames", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> blueTargetGroupNames;

    @Doc("The listener serving the routes (HTTPS with a certificate, else HTTP), whose rules CodeDeploy shifts.")
    @Export(name = "listenerArn", refs = {String.class})
    private final Output<String> listenerArn;

    public WebLoadBalancer(String name, WebLoadBalancerArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:WebLoadBalancer", name, Checked.options(args, options));
        var lb = new io.containerplatform.components.loadbalancing.WebLoadBalancer(name, args,
                ComponentResourceOptions.builder().parent(this).build());
        var routes = args.routes().stream().map(Route::name).toList();
        url = lb.url();
        dnsName = lb.dnsName();
        loadBalancerArn = lb.loadBalancerArn();
        securityGroupId = lb.securityGroupId();
        targetGroupArns = ByName.of(routes, route -> lb.target(route).targetGroupArn());
        targetGroupArnSuffixes = ByName.of(routes, route -> lb.target(route).targetGroupArnSuffix());
        loadBalancerArnSuffix = lb.loadBalancerArnSuffix();
        var blueGreen = args.routes().stream().filter(Route::blueGreen).map(Route::name).toList();
        greenTargetGroupNames = ByName.of(blueGreen, route -> lb.target(route).blueGreen().orElseThrow().greenTargetGroupName());
        greenTargetGroupArnSuffixes = ByName.of(blueGreen, route -> lb.target(route).blueGreen().orElseThrow().greenTargetGroupArnSuffix());
        blueTargetGroupNames = ByName.of(blueGreen, route -> lb.target(route).blueGreen().orElseThrow().blueTargetGroupName());
        listenerArn = lb.listenerArn();
        registerOutputs(Exports.of(this));
    }
}
