#!/usr/bin/env python3
"""Writes the replacement tables the change preview reads (plan/src/main/resources/io/containerplatform/plan/changes/):

  aws-6.83.0.json        per Pulumi AWS type: the input paths whose change forces a replacement (terraform-provider-aws
                         `ForceNew: true`, nested blocks included, named as pulumi-aws names them) and the auto-named
                         input (pulumi-terraform-bridge deletes before replacing when that input was set explicitly)
  kubernetes-4.0.0.json  per Kubernetes kind: the fields pulumi-kubernetes 4.0.0 replaces on (provider/pkg/provider/diff.go)

Usage: tools/replacements/generate.py <terraform-provider-aws git dir> <ref> <pulumi-kubernetes git dir> <ref>
e.g.   generate.py /work/.mirror/pulumi+terraform-provider-aws/repo refs/heads/patched-v5.14.0 \\
                   /work/.mirror/pulumi+pulumi-kubernetes/repo v4.0.0
"""

import json
import pathlib
import re
import subprocess
import sys

import tfschema

HERE = pathlib.Path(__file__).parent
OUT = HERE.parent.parent / "plan/src/main/resources/io/containerplatform/plan/changes"

# pulumi-aws provider/resources.go: inputs auto-named besides the `name` that SetAutonaming(255, "-") covers
# (pulumi-terraform-bridge pkg/tfbridge/info/autonaming.go: every input string attribute literally called "name").
AUTO_NAMED = {
    "aws_eks_node_group": "node_group_name",  # "node_group_name": tfbridge.AutoName("nodeGroupName", 255, "-")
    "aws_s3_bucket": "bucket",  # "bucket": tfbridge.AutoNameTransform("bucket", 63, strings.ToLower)
    "aws_cloudwatch_metric_alarm": "alarm_name",  # "alarm_name": tfbridge.AutoName("name", 255, "-")
}
# resources.go gives these a `name` field of its own, which SetAutonaming leaves alone: "Do not autoname Route53
# records, as the "name" of these is actually the true domain name of the DNS record." ("name": {Name: "name"}; the
# same in an old v4-era resources.go, index id 9238082784, and in the 2026 v7 one, index id 62658824068, so in 6.83.0)
NOT_AUTO_NAMED = {"aws_route53_record"}

# pulumi-aws provider/resources.go renames (Fields: {Name: ...}) where its name is not the bridge's default
RENAMED = {
    ("aws_s3_bucket", "logging"): "loggings",
    ("aws_s3_bucket", "versioning"): "versionings",
    ("aws_cloudwatch_metric_alarm", "alarm_name"): "name",  # tfbridge.AutoName("name", ...)
    ("aws_sns_topic_subscription", "topic_arn"): "topic",  # the SDK's TopicSubscriptionArgs: @Import(name="topic")
    ("aws_route53_record", "alias"): "aliases",  # the SDK's RecordArgs: @Import(name="aliases") (a list block, pluralized)
    # MaxItems: 1 blocks pulumi-aws keeps as lists (the SDK's RecordArgs / BucketV2Args @Import names)
    ("aws_route53_record", "failover_routing_policy"): "failoverRoutingPolicies",
    ("aws_route53_record", "geolocation_routing_policy"): "geolocationRoutingPolicies",
    ("aws_route53_record", "latency_routing_policy"): "latencyRoutingPolicies",
    ("aws_route53_record", "weighted_routing_policy"): "weightedRoutingPolicies",
    ("aws_s3_bucket", "replication_configuration"): "replicationConfigurations",
    ("aws_s3_bucket", "server_side_encryption_configuration"): "serverSideEncryptionConfigurations",
    ("aws_s3_bucket", "website"): "websites",
    # set blocks the tree given on the command line predates (LATER_INPUTS), pluralized as in the SDK's @Import names
    ("aws_eks_addon", "pod_identity_association"): "podIdentityAssociations",
    ("aws_lb_target_group", "target_health_state"): "targetHealthStates",
    ("aws_vpc_endpoint", "subnet_configuration"): "subnetConfigurations",
}

# The terraform-provider-aws release pulumi-aws 6.83.0 bridges: 5.100.0, the last 5.x (2025-06-12). The pinned SDK
# (com.pulumi:aws:6.83.0, built 2025-06-16) has each resource the 5.100.0 release notes add (aws_dsql_cluster,
# aws_vpc_route_server, aws_prometheus_workspace_configuration, aws_s3control_directory_bucket_access_point_scope,
# aws_workspacesweb_data_protection_settings) and no 6.0 `region` input; pulumi/pulumi-aws#5575 had brought v5.99.0 on
# 2025-06-02. The tree given on the command line is older (5.14.0), so each override below is read in
# hashicorp/terraform-provider-aws files stored in the search index (`read_file`), named by commit, or by index id where
# the index gives none, with what dates that version.
BRIDGED = ("terraform-provider-aws 5.100.0: the pinned SDK com.pulumi:aws:6.83.0 has every resource its release notes add "
           "(dsql, vpc route server, amp workspace configuration, workspacesweb data protection settings) and no 6.0 region input")

# Inputs of the release bridged (the pinned SDK's Args classes, which ReplacementTablesTest compares with the table) that
# the tree given on the command line does not have yet: True if ForceNew, False if updatable, in the later file named;
# None where no stored material establishes it (kept out of the row's inputs, so a stack that sets one fails
# ReplacementTablesTest until its status is read; listed in the table's source as "unverifiedInputs").
EKS_CLUSTER_5X = "internal/service/eks/cluster.go id 1293216188 (aws-sdk-go-v2, no compute_config: 5.69-5.78)"
EKS_CLUSTER_2026 = "internal/service/eks/cluster.go id 4997342113 (2026)"
ECS_SERVICE_5X = "internal/service/ecs/service.go id 6687224974 (availability_zone_rebalancing default DISABLED: 5.8x-5.100)"
LISTENER_5X = "internal/service/elbv2/listener.go id 4164048996 (routing_http_* attributes: 5.8x+)"
# Where hashicorp/terraform-provider-aws itself stores no late file of a type, a fork's copy of the upstream file (the
# fork named, its commit, what dates the version).
# isometry/terraform-provider-faws is a renamed fork: aws-sdk-go-v2, 'Copyright (c) HashiCorp', interface{} not yet any,
# and its eks/cluster.go has the 5.79.0 compute_config and storage_config.
FAWS = "isometry/terraform-provider-faws@e00409b28f39 (a fork at 5.79-5.9x)"
RDS_INSTANCE_2026 = ("internal/service/rds/instance.go in vash/terraform-provider-aws@3721b1565f4a (id 36892845580, "
                     "'Copyright IBM Corp. 2014, 2026': 6.x)")
ASG_5X = ("internal/service/autoscaling/group.go in ascopes/terraform-provider-aws@b157f5a91d91 (id 67288185456; "
          "availability_zone_distribution and capacity_reservation_specification: 5.7x+)")
VPC_ENDPOINT_6X = ("internal/service/ec2/vpc_endpoint.go@008db85aad5e (id 52411952346; @Testing(preIdentityVersion="
                   "v6.12.0): 6.12+)")
S3_LIFECYCLE_FRAMEWORK = ("internal/service/s3/bucket_lifecycle_configuration.go id 3708929483 (Plugin Framework, schema "
                          "Version 1, any: 5.9x+); the first framework version, id 17438984949, has the same RequiresReplace")
LATER_INPUTS = {
    "aws_eks_cluster": {
        # access_config (5.33.0), bootstrap_self_managed_addons (5.69.0): the same in EKS_CLUSTER_5X and EKS_CLUSTER_2026
        "access_config": False, "access_config.authentication_mode": False,
        "access_config.bootstrap_cluster_creator_admin_permissions": True,
        "bootstrap_self_managed_addons": True,
        # not ForceNew in EKS_CLUSTER_2026 (compute_config, storage_config: 5.79.0; after EKS_CLUSTER_5X)
        "compute_config": False, "force_update_version": False, "storage_config": False, "upgrade_policy": False,
        "zonal_shift_config": False,
        # ForceNew in eks/cluster.go in FAWS (5.79+: compute_config, storage_config), with its cidrs; not in
        # EKS_CLUSTER_2026: hashicorp/terraform-provider-aws#42928 "Remove ForceNew constraint from remote_network_config"
        # was opened 2025-06-09, three days before 5.100.0, and pulumi/pulumi-aws#5879 (2025-10-07) still reports
        # aws:eks:Cluster replaced when remoteNetworkConfig is added
        "remote_network_config": True},
    # eks/node_group.go@012e0a32f068: node_repair_config with `enabled` only, as in the pinned SDK (5.8x-5.100)
    "aws_eks_node_group": {"node_repair_config": False},
    # eks/addon.go@00a35305dc1b (2026)
    "aws_eks_addon": {"pod_identity_association": False},
    # ECS_SERVICE_5X
    "aws_ecs_service": {"availability_zone_rebalancing": False, "force_delete": False, "volume_configuration": False,
                        "vpc_lattice_configurations": False},
    # ecs/task_definition.go id 4453944302 (enable_fault_injection ForceNew); track_latest Optional in ids 4453944302,
    # 1837674951, 2490412148
    "aws_ecs_task_definition": {"enable_fault_injection": True, "track_latest": False},
    # logs/group.go ids 2015393499 (aws-sdk-go-v2 `types.`, 5.x), 3931641164, 5457688977, 29228205173: ForceNew in every
    # stored version that has it; CHANGELOG 5.31.0 (December 15, 2023) adds the data source's log_group_class after it
    "aws_cloudwatch_log_group": {"log_group_class": True},
    # CHANGELOG.md as stored at 5.43.0 (Unreleased) (index id 1655509677), 5.32.0 (January 11, 2024): "resource/aws_kms_key:
    # Add `xks_key_id` attribute (#31216)"; ForceNew in kms/key.go@00a35305dc1b (2026), rotation_period_in_days not
    "aws_kms_key": {"xks_key_id": True, "rotation_period_in_days": False},
    # LISTENER_5X
    "aws_lb_listener": {a: False for a in [
        "mutual_authentication", "tcp_idle_timeout_seconds", "routing_http_response_server_enabled",
        *("routing_http_request_x_amzn_" + h + "_header_name" for h in [
            "mtls_clientcert", "mtls_clientcert_issuer", "mtls_clientcert_leaf", "mtls_clientcert_serial_number",
            "mtls_clientcert_subject", "mtls_clientcert_validity", "tls_cipher_suite", "tls_version"]),
        *("routing_http_response_" + h + "_header_value" for h in [
            "access_control_allow_credentials", "access_control_allow_headers", "access_control_allow_methods",
            "access_control_allow_origin", "access_control_expose_headers", "access_control_max_age",
            "content_security_policy", "strict_transport_security", "x_content_type_options", "x_frame_options"])]},
    # elbv2/load_balancer.go@00edc94be7a8 (6.x)
    "aws_lb": {a: False for a in ["client_keep_alive", "connection_logs", "dns_record_client_routing_policy",
                                  "enable_zonal_shift", "enforce_security_group_inbound_rules_on_private_link_traffic",
                                  "ipam_pools", "minimum_load_balancer_capacity"]},
    # elbv2/target_group.go@013cfb4cddc9 (6.3+)
    "aws_lb_target_group": {"load_balancing_anomaly_mitigation": False, "target_group_health": False,
                            "target_health_state": False},
    # sns/topic.go@00a35305dc1b (2026), sns/topic_subscription.go@04a2e6e5bc62 (aws-sdk-go-v2, 5.x)
    "aws_sns_topic": {"archive_policy": False, "fifo_throughput_scope": False},
    "aws_sns_topic_subscription": {"replay_policy": False},
    # route53/record.go id 2119358379: an Optional block beside the other routing policies
    "aws_route53_record": {"geoproximity_routing_policy": False},
    # RDS_INSTANCE_2026: none of these is ForceNew
    "aws_db_instance": {**dict.fromkeys(["database_insights_mode", "dedicated_log_volume", "domain_auth_secret_arn",
                                         "domain_dns_ips", "domain_fqdn", "domain_ou", "engine_lifecycle_support",
                                         "upgrade_storage_config"], False),
                        # pulumi-aws's deprecated alias of db_name: absent from terraform-provider-aws since 5.0, kept by
                        # pulumi-aws (resources.go: "name": {Name: "name"}, stored id 9238082784, undated); its schema at
                        # 6.83.0 is not stored (patches/0016-Un-deprecate-RDS-instance-name.patch@84b2aa3be97a, 2022,
                        # has it ForceNew then)
                        "name": None},
    # instance_maintenance_policy: autoscaling/group.go@00a919d1548e (hashicorp, aws-sdk-go-v2, before
    # availability_zone_distribution: 5.3x-5.6x); the two others: ASG_5X
    "aws_autoscaling_group": {"availability_zone_distribution": False, "capacity_reservation_specification": False,
                              "instance_maintenance_policy": False},
    # VPC_ENDPOINT_6X
    "aws_vpc_endpoint": {"resource_configuration_arn": True, "service_network_arn": True, "service_region": True,
                         "subnet_configuration": False},
    # ec2/ec2_eip.go in FAWS
    "aws_eip": {"ipam_pool_id": True},
    # appautoscaling/target.go in FAWS
    "aws_appautoscaling_target": {"suspended_state": False},
    # outdated_instances_strategy: deploy/deployment_group.go@1159b3eea081 (hashicorp, aws-sdk-go v1);
    # termination_hook_enabled: deploy/deployment_group.go in FAWS
    "aws_codedeploy_deployment_group": {"outdated_instances_strategy": False, "termination_hook_enabled": False},
    # S3_LIFECYCLE_FRAMEWORK: no RequiresReplace; timeouts is the framework's timeouts.Block (create, update)
    "aws_s3_bucket_lifecycle_configuration": {"transition_default_minimum_object_size": False, "timeouts": False},
}

# ForceNew attributes of the tree given on the command line that a later terraform-provider-aws release, still older
# than the one pulumi-aws 6.83.0 bridges, made updatable in place (its CHANGELOG names the release).
LATER_UPDATABLE = {
    # 5.25.0 (November 10, 2023): "resource/aws_eks_cluster: Allow vpc_config.security_group_ids and
    # vpc_config.subnet_ids to be updated in-place"; not ForceNew in both cluster.go versions named in LATER_INPUTS.
    "aws_eks_cluster": ["vpc_config.security_group_ids", "vpc_config.subnet_ids"],
    # hashicorp/terraform-provider-aws#37612 (opened 2024-05-20, merged: 5.5x) updates client_id_list with
    # Add/RemoveClientIDToOpenIDConnectProvider; not ForceNew in iam/openid_connect_provider.go in FAWS.
    "aws_iam_openid_connect_provider": ["client_id_list"],
}

# Types whose whole schema was compared with a later stored hashicorp/terraform-provider-aws file (or a fork's copy of
# one) than the tree given on the command line (late 5.x where stored, else 6.x): ForceNew the same as in the tree,
# except as LATER_INPUTS and LATER_UPDATABLE say. Where only a 6.x file is stored, an attribute ForceNew in 5.14 and 6.x
# but not at 5.100 (or the reverse) would go unseen; no CHANGELOG line read shows one.
CHECKED_LATER = {
    "aws_eks_cluster": EKS_CLUSTER_5X + "; " + EKS_CLUSTER_2026,
    "aws_eks_node_group": "internal/service/eks/node_group.go@012e0a32f068 (node_repair_config.enabled only: 5.8x-5.100)",
    "aws_eks_addon": "internal/service/eks/addon.go@00a35305dc1b (2026)",
    "aws_ecs_service": ECS_SERVICE_5X,
    "aws_ecs_cluster": "internal/service/ecs/cluster.go@00a35305dc1b (2026)",
    "aws_ecs_capacity_provider": "internal/service/ecs/capacity_provider.go@00946284020 (2026; cluster and "
                                 "managed_instances_provider are 6.x additions, ForceNew there)",
    "aws_ecr_repository": "internal/service/ecr/repository.go id 5465205129 (2026)",
    "aws_backup_vault": "internal/service/backup/vault.go id 4339079514 (aws-sdk-go-v2, vault type check: 5.8x+; Update is tags only)",
    "aws_backup_selection": "internal/service/backup/selection.go@00a35305dc1b (2026; no Update: every input replaces)",
    "aws_lb_target_group": "internal/service/elbv2/target_group.go@013cfb4cddc9 (6.3+)",
    "aws_lb_listener": LISTENER_5X,
    "aws_lb": "internal/service/elbv2/load_balancer.go@00edc94be7a8 (6.x): subnet_mapping no longer ForceNew there, "
              "release not dated by any stored material, so the 5.14 ForceNew is kept (the program sets subnets, never subnetMappings)",
    "aws_security_group": "internal/service/ec2/vpc_security_group.go@01606926a0c0 (6.7+)",
    "aws_subnet": "internal/service/ec2/vpc_subnet.go@00cda125a19d (6.8+; its ipv4/ipv6 IPAM inputs are 6.x additions, "
                  "absent from the pinned SDK)",
    "aws_vpc": "internal/service/ec2/vpc_.go@00081ce41cc6 (aws-sdk-go-v2, 5.4x-5.6x)",
    "aws_kms_key": "internal/service/kms/key.go@00a35305dc1b (2026)",
    "aws_secretsmanager_secret": "internal/service/secretsmanager/secret.go@00c21cedec06 (aws-sdk-go-v2, 5.4x-5.9x)",
    "aws_sns_topic": "internal/service/sns/topic.go@00a35305dc1b (2026)",
    "aws_sns_topic_subscription": "internal/service/sns/topic_subscription.go@04a2e6e5bc62 (aws-sdk-go-v2, 5.x)",
    "aws_cloudwatch_log_group": "internal/service/logs/group.go (ids in LATER_INPUTS)",
    "aws_ecs_task_definition": "internal/service/ecs/task_definition.go id 4453944302 (enable_fault_injection, track_latest)",
    "aws_s3_bucket": "internal/service/s3/bucket.go id 1518242462 (aws-sdk-go-v2, @Tags resourceType: 5.4x+), read "
                     "from acceleration_status through replication_configuration",
    "aws_db_instance": RDS_INSTANCE_2026 + ": the same ForceNew attributes as the tree (identifier and identifier_prefix "
                       "updatable in both)",
    "aws_autoscaling_group": ASG_5X,
    "aws_vpc_endpoint": VPC_ENDPOINT_6X + ": its CustomizeDiff also replaces a non-Interface endpoint whose "
                        "private_dns_enabled changes (not in the tree; not dated; not in the table)",
    "aws_eip": "internal/service/ec2/ec2_eip.go in " + FAWS,
    "aws_appautoscaling_target": "internal/service/appautoscaling/target.go in " + FAWS,
    "aws_codedeploy_deployment_group": "internal/service/deploy/deployment_group.go in " + FAWS + ": nothing ForceNew",
    "aws_s3_bucket_lifecycle_configuration": S3_LIFECYCLE_FRAMEWORK + ": bucket and expected_bucket_owner only",
    "aws_nat_gateway": "internal/service/ec2/vpc_nat_gateway.go in " + FAWS,
    "aws_iam_role": "internal/service/iam/role.go in " + FAWS,
    "aws_acm_certificate": "internal/service/acm/certificate.go in " + FAWS,
    "aws_route53_record": "internal/service/route53/record.go in " + FAWS,
    "aws_launch_template": "internal/service/ec2/ec2_launch_template.go in " + FAWS + ": name and name_prefix only "
                           "(every other change makes a new template version)",
    "aws_db_subnet_group": "internal/service/rds/subnet_group.go in " + FAWS,
    "aws_kms_alias": "internal/service/kms/alias.go in " + FAWS,
    "aws_iam_instance_profile": "internal/service/iam/instance_profile.go in " + FAWS,
    "aws_iam_role_policy_attachment": "internal/service/iam/role_policy_attachment.go in " + FAWS,
    "aws_iam_role_policy": "internal/service/iam/role_policy.go in " + FAWS,
    "aws_route_table_association": "internal/service/ec2/vpc_route_table_association.go in " + FAWS,
    "aws_route_table": "internal/service/ec2/vpc_route_table.go in " + FAWS,
    "aws_internet_gateway": "internal/service/ec2/vpc_internet_gateway.go in " + FAWS + ": nothing ForceNew",
    "aws_route": "internal/service/ec2/vpc_route.go in " + FAWS,
    "aws_s3_bucket_public_access_block": "internal/service/s3/bucket_public_access_block.go in " + FAWS,
    "aws_s3_bucket_versioning": "internal/service/s3/bucket_versioning.go in " + FAWS,
    "aws_s3_bucket_ownership_controls": "internal/service/s3/bucket_ownership_controls.go in " + FAWS,
    "aws_s3_bucket_policy": "internal/service/s3/bucket_policy.go in " + FAWS,
    "aws_s3_bucket_server_side_encryption_configuration":
        "internal/service/s3/bucket_server_side_encryption_configuration.go in " + FAWS,
    "aws_ecr_lifecycle_policy": "internal/service/ecr/lifecycle_policy.go in " + FAWS + ": no Update, policy and repository "
                                "ForceNew",
    "aws_ecs_cluster_capacity_providers": "internal/service/ecs/cluster_capacity_providers.go in " + FAWS,
    "aws_codedeploy_app": "internal/service/deploy/app.go in " + FAWS + ": name renames in place",
    "aws_cloudwatch_dashboard": "internal/service/cloudwatch/dashboard.go in " + FAWS,
    "aws_backup_plan": "internal/service/backup/plan.go in " + FAWS,
    "aws_acm_certificate_validation": "internal/service/acm/certificate_validation.go in " + FAWS,
    "aws_iam_openid_connect_provider": "internal/service/iam/openid_connect_provider.go in " + FAWS + ": url only "
                                       "(client_id_list: LATER_UPDATABLE)",
    "aws_service_discovery_private_dns_namespace": "internal/service/servicediscovery/private_dns_namespace.go in " + FAWS,
    "aws_service_discovery_service": "internal/service/servicediscovery/service.go in " + FAWS,
    "aws_autoscaling_schedule": "internal/service/autoscaling/schedule.go in " + FAWS,
    "aws_flow_log": "internal/service/ec2/vpc_flow_log.go in " + FAWS + ": every input but tags ForceNew",
    "aws_secretsmanager_secret_version": "internal/service/secretsmanager/secret_version.go in " + FAWS + ": a new "
                                         "secret_string is a new version (ForceNew), as in the tree",
}

# Resources the terraform-provider-aws tree given on the command line does not have yet: their ForceNew attributes as
# read in hashicorp/terraform-provider-aws at the commit named (a later one than the tree above).
NOT_IN_TREE = {
    "aws_eks_access_entry": {
        "file": "hashicorp/terraform-provider-aws@01f431114674c27cf790fafb67ac274bf8f765e1:internal/service/eks/access_entry.go",
        "forceNew": ["cluster_name", "principal_arn", "type"],
        "inputs": ["cluster_name", "kubernetes_groups", "principal_arn", "tags", "type", "user_name"]},
    "aws_eks_access_policy_association": {
        "file": "hashicorp/terraform-provider-aws@01f431114674c27cf790fafb67ac274bf8f765e1:internal/service/eks/access_policy_association.go",
        "forceNew": ["access_scope", "access_scope.namespaces", "access_scope.type", "cluster_name", "policy_arn", "principal_arn"],
        "inputs": ["access_scope", "cluster_name", "policy_arn", "principal_arn"]},
}


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True, text=True).stdout


def camel(snake):
    head, *rest = snake.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def plural(name):
    """The bridge names a list or set of more than one item in the plural (pkg/tfbridge/names.go)."""
    if name.endswith("s"):
        return name
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def pulumi_paths(tf, attributes):
    """TF attribute path -> Pulumi path, each segment camelCased and pluralized as the bridge does."""
    kinds = dict(attributes)
    out = {}
    for path in kinds:
        segments, names = path.split("."), []
        for i in range(len(segments)):
            prefix = ".".join(segments[:i + 1])
            a = kinds.get(prefix, {})
            renamed = RENAMED.get((tf, prefix))
            many = a.get("type") in ("schema.TypeList", "schema.TypeSet") and not a.get("maxOne")
            names.append(renamed or (plural(camel(segments[i])) if many else camel(segments[i])))
        out[path] = ".".join(names)
    return out


def locate(gitdir, ref, tf):
    hits = git(gitdir, "grep", "-n", "-A3", f'@SDKResource("{tf}"', ref, "--", "internal/service/*.go")
    m = re.search(r":(internal/service/[^:]+\.go)[-:]\d+[-:]func ([A-Za-z0-9]+)\(\)", hits)
    if not m:
        raise SystemExit(f"{tf}: no @SDKResource in {ref}")
    return m.group(1), m.group(2)


def aws_types():
    """(Pulumi type token, Terraform resource) per line of aws-types.tsv."""
    return [tuple(line.split("\t")) for line in (HERE / "aws-types.tsv").read_text().splitlines()
            if line and not line.startswith("#")]


def aws_table(gitdir, ref):
    rows = {}
    for token, tf in aws_types():
        if tf in NOT_IN_TREE:
            fixed = NOT_IN_TREE[tf]
            attributes = [(p, {"type": "", "input": True, "forceNew": p in fixed["forceNew"], "maxOne": True})
                          for p in sorted(set(fixed["forceNew"]) | set(fixed["inputs"]))]
            source = fixed["file"]
        else:
            path, func = locate(gitdir, ref, tf)
            source = f"{path} ({func})"
            package = git(gitdir, "grep", "-h", "-E", r"^\s*[a-z][A-Za-z0-9]*\s*=\s*\"[a-z0-9_]+\"", ref, "--",
                          path.rsplit("/", 1)[0] + "/*.go")
            attributes = tfschema.resource_schema(git(gitdir, "show", f"{ref}:{path}"), func, package)
        names = pulumi_paths(tf, attributes)
        inputs = {p: a for p, a in attributes if a.get("input")}
        auto = AUTO_NAMED.get(tf) or ("name" if inputs.get("name", {}).get("type") == "schema.TypeString"
                                      and tf not in NOT_AUTO_NAMED else None)
        later = {p: forces for p, forces in LATER_INPUTS.get(tf, {}).items() if forces is not None}
        rows[token] = {
            "terraform": tf,
            "source": source,
            "forceNew": sorted({names[p] for p, a in attributes if a.get("forceNew") and p not in LATER_UPDATABLE.get(tf, [])}
                               | {later_name(tf, p) for p, forces in later.items() if forces}),
            "autoName": names[auto] if auto else None,
            "inputs": sorted({names[p] for p in inputs if "." not in p} | {later_name(tf, p) for p in later if "." not in p}),
        }
    return rows


def later_name(tf, path):
    """The Pulumi name of a LATER_INPUTS path: camelCased per segment, or as RENAMED says."""
    return RENAMED.get((tf, path)) or ".".join(camel(s) for s in path.split("."))


def unverified_inputs():
    """Per Terraform resource, the Pulumi names of the inputs LATER_INPUTS could not establish (None)."""
    return {tf: sorted(later_name(tf, p) for p, forces in paths.items() if forces is None)
            for tf, paths in sorted(LATER_INPUTS.items()) if None in paths.values()}


def _go_properties(expr, variables, helpers):
    """The field list a diff.go expression denotes: `properties{...}`, `append(a, b...)`, a variable or a helper call."""
    expr = expr.strip().rstrip(",").strip()
    if expr.endswith("..."):
        expr = expr[:-3]
    if expr.startswith("append("):
        inner = expr[len("append("):-1]
        parts, depth, start = [], 0, 0
        for i, c in enumerate(inner):
            depth += c in "({"
            depth -= c in ")}"
            if c == "," and depth == 0:
                parts.append(inner[start:i])
                start = i + 1
        parts.append(inner[start:])
        return [f for part in parts if part.strip() for f in _go_properties(part, variables, helpers)]
    if expr.startswith("properties{"):
        return re.findall(r'"([^"]+)"', expr)
    call = re.fullmatch(r'(\w+)\(([^)]*)\)', expr)
    if call:
        prefixes = re.findall(r'"([^"]+)"', call.group(2))
        return [p + suffix for p in prefixes for suffix in helpers[call.group(1)]]
    return variables[expr]


def kubernetes_table(gitdir, ref):
    """pulumi-kubernetes provider/pkg/provider/diff.go: the fields whose change replaces an object, per
    apiVersion/kind (`forceNew`), plus `.metadata.name` and `.metadata.namespace` for every kind
    (`metadataForceNewProperties`)."""
    path = "provider/pkg/provider/diff.go"
    source = git(gitdir, "show", f"{ref}:{path}")
    helpers = {}
    for name, body in re.findall(r"func (\w+)\((?:prefix|prefixes)[^)]*\) properties \{(.*?)\n\}", source, re.S):
        helpers[name] = re.findall(r'prefix \+ "([^"]+)"', body)
    variables = {}
    for name, expr in re.findall(r"\nvar (\w+) = ((?:append\(|properties\{).*?\n[)}])", source, re.S):
        variables[name] = _go_properties(expr, variables, helpers)
    kinds = {}

    def literal(name):
        start = source.index("{", re.search(r"\nvar " + name + r" = _\w+\{", source).start())
        return source[start + 1:tfschema._match(source, start) - 1]

    def entries(body):
        """`"key": value` pairs of a Go map literal's body, each value up to its closing comma."""
        i = 0
        for key in re.finditer(r'"([\w.]*)":\s*', body):
            if key.start() < i:
                continue
            i = tfschema._value_end(body, key.end())
            yield key.group(1), body[key.end():i].strip()

    for group, versions in entries(literal("forceNew")):
        versions = literal("core") if versions == "core" else versions[versions.index("{") + 1:versions.rindex("}")]
        for version, kind_map in entries(versions):
            for kind, expr in entries(kind_map[kind_map.index("{") + 1:kind_map.rindex("}")]):
                api = f"{group}/{version}" if group not in ("", "core") else f"core/{version}"
                kinds[f"kubernetes:{api}:{kind}"] = sorted(set(_go_properties(expr, variables, helpers)))
    metadata = helpers["metadataForceNewProperties"]
    return {
        "provider": "pulumi-kubernetes " + ref.lstrip("v"),
        "source": {"repository": "pulumi/pulumi-kubernetes", "ref": ref, "commit": git(gitdir, "rev-parse", ref + "^{commit}").strip(),
                   "files": [path + " (forceNew, metadataForceNewProperties)",
                             "provider/pkg/provider/provider.go (Diff: deleteBeforeReplace when the object is not "
                             "auto-named and keeps its name and namespace)",
                             "provider/pkg/provider/helm_release.go (Diff: .releaseSpec.name and .releaseSpec.namespace "
                             "replace; DeleteBeforeReplace: false)"],
                   "generatedBy": "tools/replacements/generate.py"},
        "everyKind": [".metadata" + m for m in metadata],
        "kinds": dict(sorted(kinds.items())),
        # diff.go: a core/v1 ConfigMap replaces on these unless the provider sets enableConfigMapMutable
        "configMap": sorted(re.search(r"IsConfigMap\(obj\).*?properties\{([^}]*)\}", source, re.S).group(1).replace('"', "").replace(" ", "").split(",")),
        "helmRelease": {"type": "kubernetes:helm.sh/v3:Release", "replaceOn": ["name", "namespace"], "deleteBeforeReplace": False},
    }


def main():
    aws_git, aws_ref, k8s_git, k8s_ref = sys.argv[1:5]
    OUT.mkdir(parents=True, exist_ok=True)
    commit = git(aws_git, "rev-parse", aws_ref).strip()
    table = {
        "provider": "pulumi-aws 6.83.0",
        "source": {
            "repository": "pulumi/terraform-provider-aws (pulumi's patched branches of hashicorp/terraform-provider-aws)",
            "ref": aws_ref, "commit": commit,
            "bridges": BRIDGED,
            "note": "this tree is older than the release bridged; inputs, updatable attributes and resources it lacks come "
                    "from later hashicorp/terraform-provider-aws files, or a fork's copy of one where the index stores no "
                    "late upstream file (LATER_INPUTS, LATER_UPDATABLE, NOT_IN_TREE in the script, each with the "
                    "file@commit or index id, or the CHANGELOG line or pull request read)",
            "checkedLater": CHECKED_LATER,
            "unverifiedInputs": unverified_inputs(),
            "notCheckedLater": sorted(set(tf for _, tf in aws_types()) - set(CHECKED_LATER) - set(NOT_IN_TREE)),
            "bridge": "pulumi/pulumi-terraform-bridge pkg/tfbridge/provider.go (Diff: deleteBeforeReplace) and "
                      "schema.go (nameRequiresDeleteBeforeReplace), info/autonaming.go (SetAutonaming), read at v3.108.0 "
                      "(d7f6622f); the same logic in every tag from v3.100.0 to v3.112.0, around pulumi-aws 6.83.0",
            "generatedBy": "tools/replacements/generate.py",
        },
        "resources": aws_table(aws_git, aws_ref),
    }
    (OUT / "aws-6.83.0.json").write_text(json.dumps(table, indent=1) + "\n")
    (OUT / "kubernetes-4.0.0.json").write_text(json.dumps(kubernetes_table(k8s_git, k8s_ref), indent=1) + "\n")


if __name__ == "__main__":
    main()
