package io.containerplatform.components.eks;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.backup.Plan;
import com.pulumi.aws.backup.PlanArgs;
import com.pulumi.aws.backup.Selection;
import com.pulumi.aws.backup.SelectionArgs;
import com.pulumi.aws.backup.Vault;
import com.pulumi.aws.backup.VaultArgs;
import com.pulumi.aws.backup.inputs.PlanRuleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionLifecycleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleLifecycleArgs;
import com.pulumi.aws.backup.inputs.SelectionSelectionTagArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.containerplatform.components.common.IamPolicy;

import java.util.List;

/**
 * The daily backup of a cluster's persistent volumes (the pipeline's MongoDB and RabbitMQ volumes, and any other
 * claim of the platform's StorageClass, which tags the volumes it creates with {@link #TAG_KEY}): an AWS Backup
 * vault with its own KMS key, a plan that backs them up every day at 03:00 UTC and keeps each recovery point
 * {@code retentionDays}, optionally copied to a vault of another region, and a selection by that tag through a role
 * with AWS Backup's managed policies.
 */
final class VolumeBackups {

    /** The tag the StorageClass puts on its volumes; the value is the cluster component's name. */
    static final String TAG_KEY = "containerplatform:backup";
    /** Every day at 03:00 UTC. */
    static final String SCHEDULE = "cron(0 3 * * ? *)";
    private static final List<String> POLICIES = List.of(
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores");

    private VolumeBackups() {
    }

    /** What a restore names: the vault (auto-named by Pulumi) and the role AWS Backup restores with. */
    record Names(Output<String> vaultName, Output<String> roleArn) {
    }

    /**
     * @param production protect the vaults and keep them, with their recovery points, on {@code pulumi destroy};
     *                   elsewhere destroy deletes them with their recovery points ({@code forceDestroy}: AWS Backup
     *                   refuses to delete a vault that holds recovery points otherwise)
     */
    static Names declare(Resource parent, String name, Backup backup, boolean production) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var vaultOptions = CustomResourceOptions.builder().parent(parent).protect(production).build();
        var key = new Key(name + "-backup-key", KeyArgs.builder()
                .description("Encrypts the volume backups of " + name)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), child);
        var vault = new Vault(name + "-backups", VaultArgs.builder().kmsKeyArn(key.arn()).forceDestroy(!production).build(), vaultOptions);
        var rule = PlanRuleArgs.builder()
                .ruleName("daily")
                .targetVaultName(vault.name())
                .schedule(SCHEDULE)
                .startWindow(60)
                .completionWindow(180)
                .lifecycle(PlanRuleLifecycleArgs.builder().deleteAfter(backup.retentionDays()).build());
        backup.copyToRegion().ifPresent(region -> {
            var regionProvider = new Provider(name + "-backup-" + region, ProviderArgs.builder().region(region).build(), child);
            var there = CustomResourceOptions.builder().parent(parent).provider(regionProvider).build();
            var copyKey = new Key(name + "-backup-key-" + region, KeyArgs.builder()
                    .description("Encrypts the copies of the volume backups of " + name)
                    .enableKeyRotation(true)
                    .deletionWindowInDays(30)
                    .build(), there);
            var copies = new Vault(name + "-backups-" + region, VaultArgs.builder().kmsKeyArn(copyKey.arn()).forceDestroy(!production).build(),
                    CustomResourceOptions.builder().parent(parent).provider(regionProvider).protect(production).build());
            rule.copyActions(PlanRuleCopyActionArgs.builder()
                    .destinationVaultArn(copies.arn())
                    .lifecycle(PlanRuleCopyActionLifecycleArgs.builder().deleteAfter(backup.retentionDays()).build())
                    .build());
        });
        var plan = new Plan(name + "-backup-plan", PlanArgs.builder().rules(rule.build()).build(), child);
        var role = new Role(name + "-backup-role", RoleArgs.builder()
                .description("AWS Backup of the volumes of " + name)
                .assumeRolePolicy(IamPolicy.assumedByService("backup.amazonaws.com"))
                .build(), child);
        var attachments = new java.util.ArrayList<Resource>();
        for (int i = 0; i < POLICIES.size(); i++) {
            attachments.add(new RolePolicyAttachment(name + "-backup-role-policy-" + i, RolePolicyAttachmentArgs.builder()
                    .role(role.name()).policyArn(POLICIES.get(i)).build(), child));
        }
        new Selection(name + "-backup-volumes", SelectionArgs.builder()
                .planId(plan.id())
                .iamRoleArn(role.arn())
                .selectionTags(SelectionSelectionTagArgs.builder().type("STRINGEQUALS").key(TAG_KEY).value(name).build())
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(attachments).build());
        return new Names(vault.name(), role.arn());
    }
}
