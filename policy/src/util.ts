// Small helpers shared by the policy modules.
import { ResourceValidationArgs } from "@pulumi/policy";

/** Config property every environment-sensitive policy takes: the stacks held to production rules. */
export const productionStacksSchema = {
    productionStacks: {
        type: "array" as const,
        items: { type: "string" as const },
        default: ["prod", "production"],
        description: "Stacks held to production rules when a resource carries no Environment tag (its stack is read from"
            + " its URN); a tagged resource's Environment decides.",
    },
};

/** The environment the program tags every taggable AWS resource with (`StackConfig.REQUIRED_TAGS`). */
const ENVIRONMENT_TAG = "Environment";

/** The stack of a URN (`urn:pulumi:<stack>::<project>::...`). */
export function stackOf(urn: string): string {
    return urn.split("::")[0].replace(/^urn:pulumi:/, "");
}

/**
 * True when the resource is production's: its `Environment` tag (the stack's `environment`, which the program tags
 * every taggable AWS resource with) is `prod`, whatever the stack's name; a resource without that tag is production's
 * when its stack is listed in the policy's `productionStacks` config.
 */
export function isProduction(args: { urn: string; props?: Record<string, any>; getConfig<T extends object>(): T }): boolean {
    const environment = args.props ? tagsOf(args.props)?.[ENVIRONMENT_TAG] : undefined;
    if (environment !== undefined) {
        return environment === "prod";
    }
    const config = args.getConfig<{ productionStacks?: string[] }>();
    const stacks = config.productionStacks ?? ["prod", "production"];
    return stacks.includes(stackOf(args.urn));
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
