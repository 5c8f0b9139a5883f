// Small helpers shared by the policy modules.
import { ResourceValidationArgs } from "@pulumi/policy";

/** The environments of the program's `environment` config (`Environment` in program/): each has its `config/<environment>.json`. */
export const ENVIRONMENTS = ["dev", "staging", "prod"];

/** Config property every environment-sensitive policy takes: the environment of the stack under check. */
export const environmentSchema = {
    environment: {
        type: "string" as const,
        enum: ENVIRONMENTS,
        description: "The stack's `environment` (its config/<environment>.json sets it): decides for a resource without an"
            + " Environment tag (a Kubernetes object); a tagged resource's Environment decides for itself.",
    },
};

/** The environment the program tags every taggable AWS resource with (`StackConfig.REQUIRED_TAGS`). */
export const ENVIRONMENT_TAG = "Environment";

/** The stack of a URN (`urn:pulumi:<stack>::<project>::...`). */
export function stackOf(urn: string): string {
    return urn.split("::")[0].replace(/^urn:pulumi:/, "");
}

/**
 * True when the resource is production's: its `Environment` tag (the stack's `environment`, which the program tags
 * every taggable AWS resource with) is `prod`, whatever the stack's name; for a resource without that tag, the policy
 * config's `environment` decides. When neither says, `report` is told (never a silent default) and the answer is false.
 */
export function isProduction(args: { props?: Record<string, any>; getConfig<T extends object>(): T }, report: (message: string) => void): boolean {
    const environment = (args.props ? tagsOf(args.props)?.[ENVIRONMENT_TAG] : undefined)
        ?? args.getConfig<{ environment?: string }>().environment;
    if (environment === undefined) {
        report(`cannot tell whether this resource is production's: it has no ${ENVIRONMENT_TAG} tag and the policy config sets no`
            + ` environment. Run the pack with --policy-pack-config policy/config/<the stack's environment>.json.`);
        return false;
    }
    return environment === "prod";
}

/** Tags of a resource as a plain map, whether given as a map or as ASG-style `{key, value}` entries. */
export function tagsOf(props: Record<string, any>): Record<string, string> | undefined {
    const tags = props.tags;
    if (tags === undefined || tags === null) {
        return undefined;
    }
    if (Array.isArray(tags)) {
        const map: Record<string, string> = {};
        for (const t of tags) {
            map[String(t.key)] = String(t.value);
        }
        return map;
    }
    return tags as Record<string, string>;
}

/** `true` when a value is one of `values` (case-insensitive for strings). */
export function oneOf(value: unknown, ...values: string[]): boolean {
    return typeof value === "string" && values.some(v => v.toLowerCase() === value.toLowerCase());
}

export type Args = ResourceValidationArgs;
