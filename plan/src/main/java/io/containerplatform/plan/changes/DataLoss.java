package io.containerplatform.plan.changes;

import com.google.gson.JsonObject;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Whether replacing or deleting a resource loses what it holds, and what. */
final class DataLoss {

    /** Types whose deletion takes their contents with them, and what that is. */
    private static final Map<String, String> HOLDS = Map.ofEntries(
            Map.entry("aws:rds/instance:Instance", "the database"),
            Map.entry("aws:rds/cluster:Cluster", "the database cluster"),
            Map.entry("aws:s3/bucketV2:BucketV2", "the bucket's objects"),
            Map.entry("aws:s3/bucket:Bucket", "the bucket's objects"),
            Map.entry("aws:ecr/repository:Repository", "the repository's images"),
            Map.entry("aws:backup/vault:Vault", "the vault's recovery points"),
            Map.entry("aws:sqs/queue:Queue", "the queue's messages"),
            Map.entry("aws:dynamodb/table:Table", "the table's items"),
            Map.entry("aws:efs/fileSystem:FileSystem", "the file system's data"),
            Map.entry("aws:ebs/volume:Volume", "the volume's data"),
            Map.entry("aws:secretsmanager/secret:Secret", "the secret's value"),
            Map.entry("aws:kms/key:Key", "the key, and with it whatever it encrypted"),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", "the logs"),
            Map.entry("aws:eks/cluster:Cluster", "the cluster and everything running on it"),
            Map.entry("kubernetes:core/v1:PersistentVolumeClaim", "the volume"),
            Map.entry("kubernetes:core/v1:PersistentVolume", "the volume"),
            Map.entry("kubernetes:core/v1:Namespace", "every object in the namespace, volume claims included"));

    private DataLoss() {
    }

    /** What a {@code op} of a resource of {@code type} loses; empty when it loses nothing. */
    static Optional<String> of(Change.Op op, String type, boolean deleteBeforeReplace, JsonObject base, Set<String> changed) {
        if (op != Change.Op.replace && op != Change.Op.delete) {
            return Optional.empty();
        }
        if (HOLDS.containsKey(type)) {
            return Optional.of(HOLDS.get(type) + " goes with it");
        }
        return switch (type) {
            case "kubernetes:apps/v1:StatefulSet" -> statefulSet(op, base, changed);
            case "aws:eks/nodeGroup:NodeGroup" -> op == Change.Op.replace && deleteBeforeReplace
                    ? Optional.of("the group is deleted before its successor exists: its pods have nowhere to run until the new nodes join")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<String> statefulSet(Change.Op op, JsonObject base, Set<String> changed) {
        var spec = base.getAsJsonObject("spec");
        if (spec == null || !spec.has("volumeClaimTemplates")) {
            return Optional.empty();
        }
        var policy = spec.getAsJsonObject("persistentVolumeClaimRetentionPolicy");
        if (policy != null && policy.has("whenDeleted") && policy.get("whenDeleted").getAsString().equals("Delete")) {
            return Optional.of("its volume claims are deleted with it (persistentVolumeClaimRetentionPolicy.whenDeleted=Delete): the volumes' data is lost");
        }
        if (op == Change.Op.replace && changed.stream().anyMatch(p -> p.startsWith("spec.volumeClaimTemplates"))) {
            return Optional.of("its volume claims are kept as they are: the new volumeClaimTemplates never reach the volumes "
                    + "(a StatefulSet does not resize its claims), and every pod goes down at once");
        }
        return Optional.empty();
    }
}
