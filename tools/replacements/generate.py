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

# pulumi-aws provider/resources.go renames (Fields: {Name: ...}) where its name is not the bridge's default
RENAMED = {
    ("aws_s3_bucket", "logging"): "loggings",
    ("aws_s3_bucket", "versioning"): "versionings",
    ("aws_cloudwatch_metric_alarm", "alarm_name"): "name",  # tfbridge.AutoName("name", ...)
    ("aws_sns_topic_subscription", "topic_arn"): "topic",  # the SDK's TopicSubscriptionArgs: @Import(name="topic")
    ("aws_route53_record", "alias"): "aliases",  # the SDK's RecordArgs: @Import(name="aliases") (a list block, pluralized)
}

# Top-level inputs the stacks set that the tree given on the command line does not have yet, read in
# hashicorp/terraform-provider-aws at the commit named in each comment: whether they are ForceNew there.
LATER_INPUTS = {
    "aws_eks_cluster": {  # internal/service/eks/cluster.go at e33a89d079930e92c79a986c9c041c5ed5191639
        "access_config": False, "access_config.authentication_mode": False,
        "access_config.bootstrap_cluster_creator_admin_permissions": True},
}

# ForceNew attributes of the tree given on the command line that a later terraform-provider-aws release, still older
# than the one pulumi-aws 6.83.0 bridges, made updatable in place (its CHANGELOG names the release).
LATER_UPDATABLE = {
    # 5.25.0 (November 10, 2023): "resource/aws_eks_cluster: Allow vpc_config.security_group_ids and
    # vpc_config.subnet_ids to be updated in-place"
    "aws_eks_cluster": ["vpc_config.security_group_ids", "vpc_config.subnet_ids"],
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


def aws_table(gitdir, ref):
    rows = {}
    for line in (HERE / "aws-types.tsv").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        token, tf = line.split("\t")
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
        auto = AUTO_NAMED.get(tf) or ("name" if inputs.get("name", {}).get("type") == "schema.TypeString" else None)
        rows[token] = {
            "terraform": tf,
            "source": source,
            "forceNew": sorted(names[p] for p, a in attributes if a.get("forceNew") and p not in LATER_UPDATABLE.get(tf, [])),
            "autoName": names[auto] if auto else None,
            "inputs": sorted({names[p] for p in inputs if "." not in p} | {camel(p) for p in LATER_INPUTS.get(tf, {}) if "." not in p}),
        }
        later = {".".join(camel(s) for s in p.split(".")) for p, forces in LATER_INPUTS.get(tf, {}).items() if forces}
        rows[token]["forceNew"] = sorted(set(rows[token]["forceNew"]) | later)
    return rows


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
            "note": "pulumi-aws 6.83.0 bridges a later terraform-provider-aws 5.x than this tree; inputs and resources "
                    "the tree predates come from hashicorp/terraform-provider-aws (LATER_INPUTS, LATER_UPDATABLE, NOT_IN_TREE in the script)",
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
