package io.containerplatform.plan.changes;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact classifications of one change each, against the vendored provider tables. */
class ChangePreviewTest {

    private static final ReplacementTables TABLES = ReplacementTables.pinned();

    private static JsonObject resource(String type, String name, String inputs) {
        var r = new JsonObject();
        r.addProperty("urn", "urn:pulumi:dev::container-platform::" + type + "::" + name);
        r.addProperty("type", type);
        r.addProperty("custom", true);
        r.add("inputs", JsonParser.parseString(inputs));
        r.addProperty("protect", false);
        return r;
    }

    private static JsonObject plan(JsonObject... resources) {
        var array = new JsonArray();
        for (var r : resources) {
            array.add(r);
        }
        var deployment = new JsonObject();
        deployment.add("resources", array);
        var doc = new JsonObject();
        doc.add("deployment", deployment);
        return doc;
    }

    private static ChangePreview preview(JsonObject base, JsonObject head) {
        return preview(base, head, Map.of());
    }

    private static ChangePreview preview(JsonObject base, JsonObject head, Map<String, List<String>> ignored) {
        return ChangePreview.of("dev", "base", plan(base), plan(head), ignored, TABLES);
    }

    private static Change only(ChangePreview preview) {
        assertThat(preview.changes()).hasSize(1);
        return preview.changes().get(0);
    }

    @Test
    void aChangeOfAnUpdatableInputUpdatesInPlace() {
        var change = only(preview(resource("aws:ecs/service:Service", "web", "{\"name\":\"web\",\"desiredCount\":2}"),
                resource("aws:ecs/service:Service", "web", "{\"name\":\"web\",\"desiredCount\":3}")));
        assertThat(change.op()).isEqualTo(Change.Op.update);
        assertThat(change.keys()).containsExactly("desiredCount");
        assertThat(change.deleteBeforeReplace()).isFalse();
        assertThat(change.losesData()).isFalse();
    }

    @Test
    void aForceNewInputReplacesAndAResourceWithoutAutoNameIsCreatedFirst() {
        var change = only(preview(resource("aws:ec2/subnet:Subnet", "a", "{\"vpcId\":\"v\",\"cidrBlock\":\"10.0.0.0/24\"}"),
                resource("aws:ec2/subnet:Subnet", "a", "{\"vpcId\":\"v\",\"cidrBlock\":\"10.0.1.0/24\"}")));
        assertThat(change.op()).isEqualTo(Change.Op.replace);
        assertThat(change.keys()).containsExactly("cidrBlock");
        assertThat(change.deleteBeforeReplace()).isFalse();
        assertThat(change.why()).startsWith("replaced: cidrBlock forces a new resource (terraform-provider-aws ForceNew)");
    }

    @Test
    void anAutoNamedResourceIsReplacedCreateBeforeDelete() {
        var change = only(preview(resource("aws:ec2/securityGroup:SecurityGroup", "sg", "{\"vpcId\":\"a\",\"description\":\"x\"}"),
                resource("aws:ec2/securityGroup:SecurityGroup", "sg", "{\"vpcId\":\"b\",\"description\":\"x\"}")));
        assertThat(change.op()).isEqualTo(Change.Op.replace);
        assertThat(change.deleteBeforeReplace()).isFalse();
        assertThat(change.why()).contains("the new one is created before the old one is deleted");
    }

    @Test
    void aDnsRecordsNameIsItsDomainNotAnAutoNameSoItsReplacementIsCreatedFirst() {
        var change = only(preview(resource("aws:route53/record:Record", "dns", "{\"name\":\"api.example.org\",\"type\":\"A\",\"zoneId\":\"Z1\"}"),
                resource("aws:route53/record:Record", "dns", "{\"name\":\"api.example.org\",\"type\":\"A\",\"zoneId\":\"Z2\"}")));
        assertThat(change.op()).isEqualTo(Change.Op.replace);
        assertThat(change.keys()).containsExactly("zoneId");
        assertThat(change.deleteBeforeReplace()).isFalse();
    }

    @Test
    void anExplicitlyNamedNodeGroupIsDeletedBeforeItsSuccessorExists() {
        var change = only(preview(
                resource("aws:eks/nodeGroup:NodeGroup", "ng", "{\"nodeGroupName\":\"dev-eks-system\",\"instanceTypes\":[\"t3.large\"],\"scalingConfig\":{\"minSize\":1}}"),
                resource("aws:eks/nodeGroup:NodeGroup", "ng", "{\"nodeGroupName\":\"dev-eks-system\",\"instanceTypes\":[\"t3.xlarge\"],\"scalingConfig\":{\"minSize\":1}}")));
        assertThat(change.op()).isEqualTo(Change.Op.replace);
        assertThat(change.deleteBeforeReplace()).isTrue();
        assertThat(change.losesData()).isTrue();
        assertThat(change.why()).contains("nodeGroupName is set explicitly rather than auto-named").contains("deleted before its successor exists");
    }

    @Test
    void anAutoNamedNodeGroupIsReplacedWithoutGoingDown() {
        var change = only(preview(resource("aws:eks/nodeGroup:NodeGroup", "ng", "{\"instanceTypes\":[\"t3.large\"]}"),
                resource("aws:eks/nodeGroup:NodeGroup", "ng", "{\"instanceTypes\":[\"t3.xlarge\"]}")));
        assertThat(change.deleteBeforeReplace()).isFalse();
        assertThat(change.losesData()).isFalse();
    }

    @Test
    void aNestedForceNewFieldReplacesAndASiblingDoesNot() {
        var base = resource("aws:eks/nodeGroup:NodeGroup", "ng", "{\"launchTemplate\":{\"id\":\"lt-1\",\"version\":\"1\"}}");
        assertThat(only(preview(base, resource("aws:eks/nodeGroup:NodeGroup", "ng", "{\"launchTemplate\":{\"id\":\"lt-1\",\"version\":\"2\"}}"))).op())
                .isEqualTo(Change.Op.update);
        assertThat(only(preview(base, resource("aws:eks/nodeGroup:NodeGroup", "ng", "{\"launchTemplate\":{\"id\":\"lt-2\",\"version\":\"1\"}}"))).op())
                .isEqualTo(Change.Op.replace);
    }

    @Test
    void anEksClustersSubnetsUpdateInPlaceButItsRoleReplacesItAndEverythingOnIt() {
        var base = resource("aws:eks/cluster:Cluster", "eks", "{\"name\":\"dev-eks\",\"roleArn\":\"r1\",\"vpcConfig\":{\"subnetIds\":[\"a\"]}}");
        var subnets = only(preview(base, resource("aws:eks/cluster:Cluster", "eks", "{\"name\":\"dev-eks\",\"roleArn\":\"r1\",\"vpcConfig\":{\"subnetIds\":[\"a\",\"b\"]}}")));
        assertThat(subnets.op()).isEqualTo(Change.Op.update);
        var role = only(preview(base, resource("aws:eks/cluster:Cluster", "eks", "{\"name\":\"dev-eks\",\"roleArn\":\"r2\",\"vpcConfig\":{\"subnetIds\":[\"a\"]}}")));
        assertThat(role.op()).isEqualTo(Change.Op.replace);
        assertThat(role.deleteBeforeReplace()).isTrue();
        assertThat(role.losesData()).isTrue();
        assertThat(role.why()).contains("the cluster and everything running on it goes with it");
    }

    /** terraform-provider-aws rds/instance.go: engine ForceNew; identifier renames in place since 5.0; storage grows in place. */
    @Test
    void aDatabasesEngineReplacesItButItsIdentifierStorageAndLateInputsUpdateInPlace() {
        var base = resource("aws:rds/instance:Instance", "db",
                "{\"engine\":\"mysql\",\"identifier\":\"dev-db\",\"allocatedStorage\":20,\"dedicatedLogVolume\":false}");
        var engine = only(preview(base, resource("aws:rds/instance:Instance", "db",
                "{\"engine\":\"postgres\",\"identifier\":\"dev-db\",\"allocatedStorage\":20,\"dedicatedLogVolume\":false}")));
        assertThat(engine.op()).isEqualTo(Change.Op.replace);
        assertThat(engine.losesData()).isTrue();
        for (var head : List.of(
                "{\"engine\":\"mysql\",\"identifier\":\"prod-db\",\"allocatedStorage\":20,\"dedicatedLogVolume\":false}",
                "{\"engine\":\"mysql\",\"identifier\":\"dev-db\",\"allocatedStorage\":40,\"dedicatedLogVolume\":false}",
                "{\"engine\":\"mysql\",\"identifier\":\"dev-db\",\"allocatedStorage\":20,\"dedicatedLogVolume\":true}")) {
            var change = only(preview(base, resource("aws:rds/instance:Instance", "db", head)));
            assertThat(change.op()).describedAs(head).isEqualTo(Change.Op.update);
            assertThat(change.losesData()).isFalse();
        }
    }

    /**
     * Inputs the 5.14 tree predates, or that a later release made updatable, read in later terraform-provider-aws files
     * (tools/replacements/generate.py LATER_INPUTS, LATER_UPDATABLE).
     */
    @Test
    void lateInputsReplaceOrUpdateAsTheLaterProviderFilesSay() {
        assertThat(only(preview(resource("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", "{\"serviceRegion\":\"eu-west-1\"}"),
                resource("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", "{\"serviceRegion\":\"eu-central-1\"}"))).op()).isEqualTo(Change.Op.replace);
        assertThat(only(preview(resource("aws:ec2/eip:Eip", "nat", "{\"ipamPoolId\":\"a\"}"),
                resource("aws:ec2/eip:Eip", "nat", "{\"ipamPoolId\":\"b\"}"))).op()).isEqualTo(Change.Op.replace);
        assertThat(only(preview(resource("aws:eks/cluster:Cluster", "eks", "{\"name\":\"dev-eks\"}"),
                resource("aws:eks/cluster:Cluster", "eks", "{\"name\":\"dev-eks\",\"remoteNetworkConfig\":{\"remoteNodeNetworks\":{\"cidrs\":[\"10.80.0.0/16\"]}}}"))).op())
                .isEqualTo(Change.Op.replace);
        assertThat(only(preview(resource("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "eks", "{\"clientIdLists\":[\"sts.amazonaws.com\"]}"),
                resource("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "eks", "{\"clientIdLists\":[\"sts.amazonaws.com\",\"x\"]}"))).op())
                .isEqualTo(Change.Op.update);
        assertThat(only(preview(resource("aws:autoscaling/group:Group", "spark", "{\"instanceMaintenancePolicy\":{\"minHealthyPercentage\":90}}"),
                resource("aws:autoscaling/group:Group", "spark", "{\"instanceMaintenancePolicy\":{\"minHealthyPercentage\":50}}"))).op()).isEqualTo(Change.Op.update);
    }

    @Test
    void deletingADatabaseLosesData() {
        var preview = ChangePreview.of("dev", "base", plan(resource("aws:rds/instance:Instance", "db", "{\"engine\":\"mysql\"}")), plan(), Map.of(), TABLES);
        var change = only(preview);
        assertThat(change.op()).isEqualTo(Change.Op.delete);
        assertThat(change.losesData()).isTrue();
        assertThat(change.why()).isEqualTo("not in this plan: the database goes with it");
        assertThat(preview.losesData()).isTrue();
    }

    @Test
    void deletingARouteLosesNothingAndANewResourceIsACreate() {
        var preview = ChangePreview.of("dev", "base", plan(resource("aws:ec2/route:Route", "r", "{}")),
                plan(resource("aws:ec2/route:Route", "r2", "{}")), Map.of(), TABLES);
        assertThat(preview.changes()).extracting(Change::op).containsExactly(Change.Op.delete, Change.Op.create);
        assertThat(preview.losesData()).isFalse();
    }

    private static String statefulSet(String storage, String whenDeleted) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"name\":\"mongodb\",\"namespace\":\"data\"},"
                + "\"spec\":{\"persistentVolumeClaimRetentionPolicy\":{\"whenDeleted\":\"" + whenDeleted + "\"},\"volumeClaimTemplates\":[{"
                + "\"metadata\":{\"name\":\"data\"},\"spec\":{\"resources\":{\"requests\":{\"storage\":\"" + storage + "\"}}}}]}}";
    }

    @Test
    void growingAStatefulSetsStorageReplacesItAndDeletesItsClaims() {
        var change = only(preview(resource("kubernetes:apps/v1:StatefulSet", "mongodb", statefulSet("10Gi", "Delete")),
                resource("kubernetes:apps/v1:StatefulSet", "mongodb", statefulSet("20Gi", "Delete"))));
        assertThat(change.op()).isEqualTo(Change.Op.replace);
        assertThat(change.keys()).containsExactly("spec");
        assertThat(change.deleteBeforeReplace()).isTrue();
        assertThat(change.losesData()).isTrue();
        assertThat(change.why()).startsWith("replaced: spec.volumeClaimTemplates.spec.resources.requests.storage forces a new resource (pulumi-kubernetes 4.0.0)")
                .contains("whenDeleted=Delete");
    }

    @Test
    void growingAStatefulSetsStorageWithRetainedClaimsNeverGrowsThem() {
        var change = only(preview(resource("kubernetes:apps/v1:StatefulSet", "mongodb", statefulSet("10Gi", "Retain")),
                resource("kubernetes:apps/v1:StatefulSet", "mongodb", statefulSet("20Gi", "Retain"))));
        assertThat(change.losesData()).isTrue();
        assertThat(change.why()).contains("never reach the volumes");
    }

    @Test
    void aChangedSecretIsReplacedButAHelmReleaseIsNeverDeletedFirst() {
        var secret = only(preview(resource("kubernetes:core/v1:Secret", "s", "{\"metadata\":{\"name\":\"s\"},\"stringData\":{\"p\":\"a\"}}"),
                resource("kubernetes:core/v1:Secret", "s", "{\"metadata\":{\"name\":\"s\"},\"stringData\":{\"p\":\"b\"}}")));
        assertThat(secret.op()).isEqualTo(Change.Op.replace);
        assertThat(secret.deleteBeforeReplace()).isTrue();
        var values = only(preview(resource("kubernetes:helm.sh/v3:Release", "r", "{\"name\":\"a\",\"values\":{\"x\":1}}"),
                resource("kubernetes:helm.sh/v3:Release", "r", "{\"name\":\"a\",\"values\":{\"x\":2}}")));
        assertThat(values.op()).isEqualTo(Change.Op.update);
        var renamed = only(preview(resource("kubernetes:helm.sh/v3:Release", "r", "{\"name\":\"a\"}"),
                resource("kubernetes:helm.sh/v3:Release", "r", "{\"name\":\"b\"}")));
        assertThat(renamed.op()).isEqualTo(Change.Op.replace);
        assertThat(renamed.deleteBeforeReplace()).isFalse();
    }

    private static final String CODE_DEPLOY = "\"deploymentController\":{\"type\":\"CODE_DEPLOY\"}";

    @Test
    void aCodeDeployServiceRefusesANetworkOrCapacityChange() {
        var preview = preview(resource("aws:ecs/service:Service", "api", "{" + CODE_DEPLOY + ",\"capacityProviderStrategies\":[{\"capacityProvider\":\"FARGATE\"}]}"),
                resource("aws:ecs/service:Service", "api", "{" + CODE_DEPLOY + ",\"capacityProviderStrategies\":[{\"capacityProvider\":\"FARGATE_SPOT\"}]}"));
        assertThat(preview.errors()).singleElement().asString()
                .contains("ECS refuses to update capacityProviderStrategies of a service with the CODE_DEPLOY deployment controller");
    }

    @Test
    void aCodeDeployServiceAcceptsADesiredCountAndIgnoresWhatCodeDeployOwns() {
        var base = resource("aws:ecs/service:Service", "api", "{" + CODE_DEPLOY + ",\"desiredCount\":2,\"taskDefinition\":\"td:1\"}");
        var head = resource("aws:ecs/service:Service", "api", "{" + CODE_DEPLOY + ",\"desiredCount\":3,\"taskDefinition\":\"td:2\"}");
        var preview = preview(base, head, Map.of(head.get("urn").getAsString(), List.of("taskDefinition")));
        assertThat(preview.errors()).isEmpty();
        assertThat(only(preview).keys()).containsExactly("desiredCount");
    }

    @Test
    void aRenameWithAnAliasIsTheSameResource() {
        var base = resource("aws:ec2/vpc:Vpc", "old", "{\"cidrBlock\":\"10.0.0.0/16\"}");
        var head = resource("aws:ec2/vpc:Vpc", "new", "{\"cidrBlock\":\"10.0.0.0/16\"}");
        var aliases = new JsonArray();
        aliases.add(base.get("urn").getAsString());
        head.add("aliases", aliases);
        assertThat(preview(base, head).changes()).isEmpty();
    }

    @Test
    void theChangesFileListsEachChangeSortedByUrn() {
        var json = JsonParser.parseString(preview(resource("aws:ecs/service:Service", "web", "{\"desiredCount\":2}"),
                resource("aws:ecs/service:Service", "web", "{\"desiredCount\":3}")).toJson()).getAsJsonObject();
        assertThat(json.get("stack").getAsString()).isEqualTo("dev");
        var change = json.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertThat(change.keySet()).containsExactly("urn", "type", "op", "keys", "deleteBeforeReplace", "losesData", "why");
        assertThat(change.get("op").getAsString()).isEqualTo("update");
    }
}
