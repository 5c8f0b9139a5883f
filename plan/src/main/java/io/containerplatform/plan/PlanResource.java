package io.containerplatform.plan;

import java.util.List;
import java.util.Map;

/**
 * One registered resource as the plan file records it (the shape of a {@code pulumi stack export}
 * resource).
 *
 * @param urn          its URN
 * @param type         its type token
 * @param name         its logical name
 * @param custom       true for cloud resources, false for components and the stack
 * @param parent       the parent's URN; null at the root
 * @param inputs       the inputs as registered, camelCase, secrets as {@code "[secret]"}
 * @param dependencies URNs of the resources its inputs or {@code dependsOn} refer to
 * @param protect      whether Pulumi refuses to delete it
 * @param provider     the provider reference ({@code <provider urn>::<id>}) of a custom resource registered with an
 *                     explicit provider (e.g. a cluster's Kubernetes provider); null otherwise
 * @param ignoreChanges inputs later updates leave alone (shown in the tree; not part of the plan-file contract)
 * @param aliases      URNs the resource had before (so that a stack that has it under one of them keeps it)
 */
public record PlanResource(String urn, String type, String name, boolean custom, String parent,
                           Map<String, Object> inputs, List<String> dependencies, boolean protect, String provider, List<String> ignoreChanges,
                           List<String> aliases) {
}
